import { useCallback } from 'react';
import type { Lang } from '../../core/lessons/types';
import { useLang } from '../../i18n/useT';
import { viewerStrings, type ViewerStringKey } from './viewerStrings';

/** Values for `{name}` placeholders. */
export type ViewerParams = Readonly<Record<string, string | number>>;

/** A viewer string in `lang` with its `{placeholders}` filled (an unknown placeholder is left as is). */
export function viewerText(lang: Lang, key: ViewerStringKey, params?: ViewerParams): string {
  const template = viewerStrings[lang][key] || viewerStrings.en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A viewer string translator. */
export type ViewerT = (key: ViewerStringKey, params?: ViewerParams) => string;

/** The viewer's translator for the current UI language (re-renders on language change). */
export function useViewerT(): ViewerT {
  const lang = useLang();
  return useCallback<ViewerT>((key, params) => viewerText(lang, key, params), [lang]);
}
