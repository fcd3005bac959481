import { useCallback } from 'react';
import type { Lang } from '../../core/lessons/types';
import { fillPlaceholders, type MessageParams } from '../../i18n/translate';
import { useLang } from '../../i18n/useT';
import { viewerStrings, type ViewerStringKey } from './viewerStrings';

/** A viewer string in `lang` with its `{placeholders}` filled (an unknown placeholder is left as is). */
export function viewerText(lang: Lang, key: ViewerStringKey, params?: MessageParams): string {
  return fillPlaceholders(viewerStrings[lang][key] || viewerStrings.en[key], params);
}

/** A viewer string translator. */
export type ViewerT = (key: ViewerStringKey, params?: MessageParams) => string;

/** The viewer's translator for the current UI language (re-renders on language change). */
export function useViewerT(): ViewerT {
  const lang = useLang();
  return useCallback<ViewerT>((key, params) => viewerText(lang, key, params), [lang]);
}
