import { useEffect, useState } from 'react';
import type { LessonDef } from '../core/lessons/types';
import { getLoadedLesson, loadLesson } from '../lessons/lessonRegistry';

/** Where the loading of a built lesson's chunk stands. */
export type LessonLoadState =
  { status: 'loading' } | { status: 'ready'; lesson: LessonDef } | { status: 'error'; error: unknown };

/**
 * Loads the built lesson `lessonId` on demand (see {@link loadLesson}). An already loaded lesson is
 * `ready` on the first render; `retry` starts a new attempt after an error (a failed chunk fetch).
 * Use it under a `key` of the lesson id, so that another lesson starts from a fresh state.
 */
export function useLesson(lessonId: string): { state: LessonLoadState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LessonLoadState>(() => {
    const lesson = getLoadedLesson(lessonId);
    return lesson ? { status: 'ready', lesson } : { status: 'loading' };
  });
  const ready = state.status === 'ready';

  useEffect(() => {
    if (ready) return;
    let live = true;
    loadLesson(lessonId).then(
      (lesson) => {
        if (!live) return;
        setState(
          lesson
            ? { status: 'ready', lesson }
            : { status: 'error', error: new Error(`no lesson ${lessonId}`) },
        );
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [lessonId, attempt, ready]);

  const retry = (): void => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };
  return { state, retry };
}
