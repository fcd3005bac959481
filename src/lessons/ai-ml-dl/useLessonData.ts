import { useCallback, useSyncExternalStore } from 'react';
import { loadLessonData, subscribeLessonData, type LessonData } from './lessonData';

/** The lesson data of a seed as React state: loading (with progress), ready, or failed. */
export type LessonDataState =
  | { status: 'loading'; done: number; total: number }
  | { status: 'ready'; data: LessonData }
  | { status: 'error'; message: string };

/** Starts (or joins) building the patches and features of `seed` and re-renders as it progresses. */
export function useLessonData(seed: number): LessonDataState {
  const subscribe = useCallback((cb: () => void) => subscribeLessonData(seed, cb), [seed]);
  const snapshot = useSyncExternalStore(subscribe, () => {
    const entry = loadLessonData(seed);
    return entry.data ?? entry.error ?? entry.progress;
  });
  if (typeof snapshot === 'string') return { status: 'error', message: snapshot };
  if ('dataset' in snapshot) return { status: 'ready', data: snapshot };
  return { status: 'loading', done: snapshot.done, total: snapshot.total };
}
