import { create } from 'zustand';
import type { Lang } from '../core/lessons/types';
import { readPref, writePref } from '../ui/browserStorage';
import { htmlLang } from './translate';

/** localStorage key of the chosen language. */
export const LANG_KEY = 'rcl.lang';

/** The language to start in: a stored choice, else `zh` for any `zh*` browser language, else `en`. */
export function detectLanguage(stored: string | null, navigatorLanguage: string | undefined): Lang {
  if (stored === 'en' || stored === 'zh') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function applyToDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(lang);
}

interface LanguageState {
  lang: Lang;
  setLang(lang: Lang): void;
}

/** The UI language, persisted in localStorage and mirrored to `<html lang>`. */
export const useLanguageStore = create<LanguageState>((set) => {
  const initial = detectLanguage(
    readPref(LANG_KEY),
    typeof navigator === 'undefined' ? undefined : navigator.language,
  );
  applyToDocument(initial);
  return {
    lang: initial,
    setLang(lang) {
      writePref(LANG_KEY, lang);
      applyToDocument(lang);
      set({ lang });
    },
  };
});
