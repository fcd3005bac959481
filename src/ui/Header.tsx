import type { Route } from '../core/lessons/route';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/useT';
import { BackendIndicator } from './BackendIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { Settings } from './SettingsDialog';

const LINKS: readonly { href: string; key: MessageKey; page: Route['page'] }[] = [
  { href: '#/', key: 'nav.catalogue', page: 'catalogue' },
  { href: '#/zoo', key: 'nav.zoo', page: 'zoo' },
  { href: '#/playground', key: 'nav.playground', page: 'playground' },
  { href: '#/about', key: 'nav.about', page: 'about' },
];

/** The banner: brand, main navigation, language switch, backend indicator, settings. */
export function Header({ route }: { route: Route }) {
  const t = useT();
  const current = route.page === 'lesson' ? 'catalogue' : route.page;
  return (
    <header className="app-header">
      <a className="brand" href="#/" data-testid="brand">
        {t('app.brand')}
      </a>
      <nav aria-label={t('nav.label')} className="main-nav">
        <ul>
          {LINKS.map((l) => (
            <li key={l.href}>
              <a
                href={l.href}
                aria-current={current === l.page ? 'page' : undefined}
                data-testid={`nav-${l.page}`}
              >
                {t(l.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <BackendIndicator />
        <LanguageSwitch />
        <Settings />
      </div>
    </header>
  );
}
