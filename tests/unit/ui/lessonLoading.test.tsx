// @vitest-environment jsdom
/**
 * A lesson's chunk loads when its route opens: a loading line first, then the lesson; a failed
 * chunk fetch shows an error with a retry. Lessons are not preloaded here (no testUtils).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguageStore } from '../../../src/i18n/languageStore';
import { getLoadedLesson, lessonLoaders, type LessonLoader } from '../../../src/lessons/lessonRegistry';
import { LessonRoute } from '../../../src/ui/LessonPage';

const loaders = lessonLoaders as Partial<Record<string, LessonLoader>>;
const realLoader = loaders['radiology-images']!;

afterEach(() => {
  cleanup();
  loaders['radiology-images'] = realLoader;
});

describe('lesson loading', () => {
  it('shows a loading line, a retry after a failed chunk load, then the lesson', async () => {
    useLanguageStore.getState().setLang('en');
    window.history.replaceState(null, '', '#/lesson/radiology-images');
    let calls = 0;
    loaders['radiology-images'] = () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : realLoader();
    };
    expect(getLoadedLesson('radiology-images')).toBeUndefined();
    render(<LessonRoute lessonId="radiology-images" query={{}} />);
    expect(screen.getByTestId('lesson-loading').textContent).toBe('Loading the lesson…');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Radiology images as numbers');

    const error = await screen.findByTestId('lesson-load-error');
    expect(error.textContent).toContain('could not be loaded');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('lesson-loading')).toBeTruthy();

    const page = await screen.findByTestId('lesson-page', {}, { timeout: 10_000 });
    expect(page.dataset.lesson).toBe('radiology-images');
    expect(calls).toBe(2);
    expect(getLoadedLesson('radiology-images')).toBeDefined();
  });

  it('an already loaded lesson renders at once; the loading line is localized', async () => {
    render(<LessonRoute lessonId="radiology-images" query={{}} />);
    expect(screen.getByTestId('lesson-page')).toBeTruthy();
    cleanup();
    useLanguageStore.getState().setLang('zh');
    render(<LessonRoute lessonId="backprop-sgd" query={{}} />);
    expect(screen.getByTestId('lesson-loading').textContent).toBe('正在加载课程……');
    await screen.findByTestId('lesson-page', {}, { timeout: 10_000 });
    useLanguageStore.getState().setLang('en');
  });

  it('an unbuilt lesson is "coming soon" and an unknown id is not found, without loading', () => {
    render(<LessonRoute lessonId="transfer-learning" query={{}} />);
    expect(screen.getByTestId('lesson-coming')).toBeTruthy();
    cleanup();
    render(<LessonRoute lessonId="no-such-lesson" query={{}} />);
    expect(screen.getByTestId('not-found')).toBeTruthy();
  });
});
