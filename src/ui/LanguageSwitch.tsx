import { LANGS } from '../core/lessons/types';
import { useLanguageStore } from '../i18n/languageStore';
import { htmlLang, LANGUAGE_NAMES } from '../i18n/translate';
import { useT } from '../i18n/useT';

/** Two toggle buttons, English / 简体中文; the pressed one is the current language. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguageStore((s) => s.lang);
  const setLang = useLanguageStore((s) => s.setLang);
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')} data-testid="language-switch">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={htmlLang(l)}
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          onClick={() => setLang(l)}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
