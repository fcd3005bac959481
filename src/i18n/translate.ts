import type { Lang } from '../core/lessons/types';
import { en, type MessageKey } from './en';
import { zh } from './zh';

/** The UI dictionaries, by language. */
export const dictionaries: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, zh };

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills the `{name}` placeholders of `template` from `params`; an unknown placeholder is left as is. */
export function fillPlaceholders(template: string, params?: MessageParams): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Looks a key up and fills its `{placeholders}`; an unknown placeholder is left as is. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(dictionaries[lang][key] || en[key], params);
}

/** The BCP 47 tag for `<html lang>`. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

/** Names of the languages in their own language (shown the same in every UI language). */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '简体中文' };
