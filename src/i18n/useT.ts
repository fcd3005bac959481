import { useCallback } from 'react';
import type { Lang } from '../core/lessons/types';
import type { MessageKey } from './en';
import { useLanguageStore } from './languageStore';
import { translate, type MessageParams } from './translate';

/** A bound translator: `t('lesson.stepOf', { n: 2, total: 5 })`. */
export type TFunction = (key: MessageKey, params?: MessageParams) => string;

/** The translator for the current language (re-renders on language change). */
export function useT(): TFunction {
  const lang = useLanguageStore((s) => s.lang);
  return useCallback<TFunction>((key, params) => translate(lang, key, params), [lang]);
}

/** The current language. */
export function useLang(): Lang {
  return useLanguageStore((s) => s.lang);
}
