import { useT } from '../i18n/useT';
import { usePageTitle } from './usePageTitle';

/** `#/zoo`: what the model zoo will hold, and an honest statement that it is not built yet. */
export function ZooPage() {
  const t = useT();
  usePageTitle(t('zoo.title'));
  return (
    <div className="page page--narrow" data-testid="zoo-page">
      <h1 tabIndex={-1}>{t('zoo.title')}</h1>
      <p className="lead">{t('zoo.body')}</p>
      <p className="callout">{t('zoo.notBuilt')}</p>
    </div>
  );
}

/** `#/playground`: what the playground will do, and that it is not built yet. */
export function PlaygroundPage() {
  const t = useT();
  usePageTitle(t('playground.title'));
  return (
    <div className="page page--narrow" data-testid="playground-page">
      <h1 tabIndex={-1}>{t('playground.title')}</h1>
      <p className="lead">{t('playground.body')}</p>
      <p className="callout">{t('playground.notBuilt')}</p>
    </div>
  );
}

/** Unknown route or unknown lesson id: says what was not found, with links back. */
export function NotFoundPage({ path, lessonId }: { path: string; lessonId?: string }) {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page page--narrow" data-testid="not-found">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p className="lead">{t(lessonId === undefined ? 'notFound.body' : 'notFound.lessonBody')}</p>
      <p>
        {t(lessonId === undefined ? 'notFound.address' : 'notFound.lessonId')}{' '}
        {/* A URL or id, not prose: marked as such so it is not read as Chinese text. */}
        <code lang="en" data-testid="not-found-path">
          {lessonId ?? path}
        </code>
      </p>
      <ul className="link-list">
        <li>
          <a href="#/" data-testid="not-found-home">
            {t('notFound.home')}
          </a>
        </li>
        <li>
          <a href="#/about">{t('notFound.about')}</a>
        </li>
      </ul>
    </div>
  );
}
