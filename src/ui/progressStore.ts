import { useSyncExternalStore } from 'react';
import { createProgressStore, type ProgressState, type ProgressStore } from '../core/lessons/progress';
import { getBrowserStorage } from './browserStorage';

let store: ProgressStore | null = null;

/** The app's progress store (created on first use over localStorage). */
export function getProgressStore(): ProgressStore {
  store ??= createProgressStore(getBrowserStorage());
  return store;
}

/** Replaces the progress store, e.g. with one over an in-memory storage in tests. */
export function setProgressStore(next: ProgressStore): void {
  store = next;
}

/** The current progress; re-renders when it changes. */
export function useProgress(): ProgressState {
  const s = getProgressStore();
  return useSyncExternalStore(s.subscribe, s.getState, s.getState);
}
