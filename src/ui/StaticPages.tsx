import { lazy, Suspense } from 'react';
import { useLang, useT } from '../i18n/useT';
import { WidgetErrorBoundary, WidgetLoading } from '../lessons/WidgetErrorBoundary';
import { usePageTitle } from './usePageTitle';

/* The zoo's cards, run panel and speed table arrive with their own chunk (tfjs-free first paint). */
const ZooPage = lazy(() => import('./zoo/ZooPage').then((m) => ({ default: m.ZooPage })));

/** `#/zoo`: the heading and introduction at once, then the lazily loaded zoo (zoo/ZooPage.tsx). */
export function ZooRoute() {
  const t = useT();
  const lang = useLang();
  usePageTitle(t('zoo.title'));
  return (
    <div className="page" data-testid="zoo-page">
      <h1 tabIndex={-1}>{t('zoo.title')}</h1>
      <p className="lead">{t('zoo.body')}</p>
      <WidgetErrorBoundary lang={lang}>
        <Suspense fallback={<WidgetLoading lang={lang} />}>
          <ZooPage />
        </Suspense>
      </WidgetErrorBoundary>
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
