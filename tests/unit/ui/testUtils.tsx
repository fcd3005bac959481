import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMemoryStorage,
  createProgressStore,
  type ProgressStore,
} from '../../../src/core/lessons/progress';
import { useLanguageStore } from '../../../src/i18n/languageStore';
import { loadAllLessons } from '../../../src/lessons/lessonRegistry';
import { App } from '../../../src/ui/App';
import { resetBackendSubscription, useBackendStore } from '../../../src/ui/backendStore';
import { setProgressStore } from '../../../src/ui/progressStore';
import { fakeBackend } from './fakeBackend';
import { useSettingsStore } from '../../../src/ui/settingsStore';

/*
 * Lessons load on demand in the app; loading them all here lets these tests render a lesson page
 * synchronously (the loading and error states have their own test, lessonLoading.test.tsx).
 */
await loadAllLessons();

/** Resets every store and the URL; returns the in-memory progress store. */
export function resetApp(hash = '#/'): ProgressStore {
  cleanup();
  window.localStorage.clear();
  window.history.replaceState(null, '', hash);
  useLanguageStore.getState().setLang('en');
  const progress = createProgressStore(createMemoryStorage());
  setProgressStore(progress);
  useSettingsStore.setState({ presentation: false, showNotes: false });
  resetBackendSubscription();
  fakeBackend.reset();
  useBackendStore.setState({ status: 'idle', report: null, error: null, preference: 'auto', notice: null });
  return progress;
}

/** Renders the whole app at `hash`. */
export function renderApp(hash = '#/') {
  const progress = resetApp(hash);
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, progress, ...view };
}
