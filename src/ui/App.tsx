import { useEffect, useRef, type MouseEvent } from 'react';
import type { Route } from '../core/lessons/route';
import { useT } from '../i18n/useT';
import { AboutPage } from './AboutPage';
import { useBackendStore } from './backendStore';
import { CataloguePage } from './CataloguePage';
import { FallbackNotice } from './FallbackNotice';
import { Header } from './Header';
import { LessonRoute } from './LessonPage';
import { useRoute } from './router';
import { useSettingsStore } from './settingsStore';
import { NotFoundPage, PlaygroundPage, ZooRoute } from './StaticPages';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'catalogue':
      return <CataloguePage />;
    case 'lesson':
      return <LessonRoute lessonId={route.lessonId} query={route.query} />;
    case 'zoo':
      return <ZooRoute />;
    case 'playground':
      return <PlaygroundPage />;
    case 'about':
      return <AboutPage />;
    case 'not-found':
      return <NotFoundPage path={route.path} />;
  }
}

/** Runs `task` after the first paint, when the browser is idle (or after a short timeout). */
function afterFirstPaint(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 1500 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 50);
  return () => window.clearTimeout(handle);
}

/** The app shell: skip link, header, fallback notice, and the page of the current hash route. */
export function App() {
  const t = useT();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const presentation = useSettingsStore((s) => s.presentation);
  const pageKey = route.page === 'lesson' ? `lesson:${route.lessonId}` : route.page;
  const firstPage = useRef(true);

  // tfjs is loaded only now, after the first paint, via a dynamic import.
  useEffect(() => {
    if (useBackendStore.getState().status !== 'idle') return;
    return afterFirstPaint(() => {
      if (useBackendStore.getState().status === 'idle') void useBackendStore.getState().start();
    });
  }, []);

  useEffect(() => {
    document.documentElement.dataset.presentation = presentation ? 'on' : 'off';
  }, [presentation]);

  // Moving to another page puts focus on its heading (not on the first load, not on step changes).
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pageKey]);

  const skip = (e: MouseEvent<HTMLAnchorElement>): void => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skip} data-testid="skip-link">
        {t('app.skipLink')}
      </a>
      <Header route={route} />
      <FallbackNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Page route={route} />
      </main>
    </div>
  );
}
