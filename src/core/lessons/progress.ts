/**
 * Learner progress, kept in `localStorage` (DESIGN.md: "preferences and progress in localStorage").
 * Pure reducers plus a tiny observable store over an injectable {@link StorageLike}, so tests can
 * pass an in-memory storage. Corrupt or foreign JSON is ignored, never thrown.
 */
import type { LessonDef, LessonMeta } from './types';

/** The subset of the Web Storage API the store uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Progress in one lesson: visited step indices (0-based, sorted) and the latest result per question. */
export interface LessonProgress {
  visited: readonly number[];
  quiz: Readonly<Record<string, boolean>>;
}

/** Progress in every lesson, by lesson id. */
export type ProgressState = Readonly<Record<string, LessonProgress>>;

/** The storage key; bump the suffix when the shape changes. */
export const PROGRESS_KEY = 'rcl.progress.v1';

const EMPTY: LessonProgress = { visited: [], quiz: {} };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keeps only well-formed entries of an untrusted value; anything else becomes empty progress. */
export function sanitizeProgress(raw: unknown): ProgressState {
  if (!isRecord(raw)) return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) continue;
    const visited = Array.isArray(entry.visited)
      ? [
          ...new Set(entry.visited.filter((n): n is number => Number.isInteger(n) && n >= 0 && n < 1000)),
        ].sort((a, b) => a - b)
      : [];
    const quiz: Record<string, boolean> = {};
    if (isRecord(entry.quiz)) {
      for (const [q, ok] of Object.entries(entry.quiz)) if (typeof ok === 'boolean') quiz[q] = ok;
    }
    out[id] = { visited, quiz };
  }
  return out;
}

/** Reads progress from storage; missing, unreadable or corrupt data gives `{}`. */
export function loadProgress(storage: StorageLike, key = PROGRESS_KEY): ProgressState {
  try {
    const text = storage.getItem(key);
    return text === null ? {} : sanitizeProgress(JSON.parse(text));
  } catch {
    return {};
  }
}

/** Writes progress; a full or unavailable storage is ignored (progress is a convenience). */
export function saveProgress(storage: StorageLike, state: ProgressState, key = PROGRESS_KEY): void {
  try {
    storage.setItem(key, JSON.stringify(state));
  } catch {
    /* quota exceeded or storage disabled: keep the in-memory state only */
  }
}

/** The progress of one lesson (empty when none). */
export function lessonProgress(state: ProgressState, lessonId: string): LessonProgress {
  return state[lessonId] ?? EMPTY;
}

/** Returns `state` with step `stepIndex` (0-based) of `lessonId` marked visited; same object if already. */
export function markStepVisited(state: ProgressState, lessonId: string, stepIndex: number): ProgressState {
  if (!Number.isInteger(stepIndex) || stepIndex < 0) return state;
  const p = lessonProgress(state, lessonId);
  if (p.visited.includes(stepIndex)) return state;
  const visited = [...p.visited, stepIndex].sort((a, b) => a - b);
  return { ...state, [lessonId]: { ...p, visited } };
}

/** Returns `state` with the latest result of one question recorded. */
export function recordQuizResult(
  state: ProgressState,
  lessonId: string,
  questionId: string,
  correct: boolean,
): ProgressState {
  const p = lessonProgress(state, lessonId);
  if (p.quiz[questionId] === correct) return state;
  return { ...state, [lessonId]: { ...p, quiz: { ...p.quiz, [questionId]: correct } } };
}

/** Counts for the catalogue ("2 of 5 steps · quiz 1/2"). Entries that no longer exist are not counted. */
export interface ProgressSummary {
  visitedSteps: number;
  totalSteps: number;
  quizCorrect: number;
  quizAnswered: number;
  quizTotal: number;
}

/** The quiz question ids of a lesson, in step order. */
export function lessonQuestionIds(lesson: LessonDef): string[] {
  return lesson.steps.flatMap((s) => s.quiz?.questions.map((q) => q.id) ?? []);
}

/**
 * Summarises a lesson's progress against its definition, or against its {@link LessonMeta} (what
 * the catalogue has before the lesson itself is loaded).
 */
export function summarizeProgress(
  progress: LessonProgress,
  lesson: LessonDef | Pick<LessonMeta, 'stepCount' | 'questionIds'>,
): ProgressSummary {
  const totalSteps = 'steps' in lesson ? lesson.steps.length : lesson.stepCount;
  const questionIds = 'steps' in lesson ? lessonQuestionIds(lesson) : lesson.questionIds;
  const answered = questionIds.filter((id) => progress.quiz[id] !== undefined);
  return {
    visitedSteps: progress.visited.filter((i) => i < totalSteps).length,
    totalSteps,
    quizCorrect: answered.filter((id) => progress.quiz[id] === true).length,
    quizAnswered: answered.length,
    quizTotal: questionIds.length,
  };
}

/** An observable progress store over a storage (see {@link createProgressStore}). */
export interface ProgressStore {
  getState(): ProgressState;
  markVisited(lessonId: string, stepIndex: number): void;
  recordQuiz(lessonId: string, questionId: string, correct: boolean): void;
  reset(): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Creates a progress store that loads from and saves to `storage` under `key`. */
export function createProgressStore(storage: StorageLike, key = PROGRESS_KEY): ProgressStore {
  let state = loadProgress(storage, key);
  const listeners = new Set<() => void>();
  const set = (next: ProgressState): void => {
    if (next === state) return;
    state = next;
    saveProgress(storage, state, key);
    for (const l of [...listeners]) l();
  };
  return {
    getState: () => state,
    markVisited: (lessonId, stepIndex) => set(markStepVisited(state, lessonId, stepIndex)),
    recordQuiz: (lessonId, questionId, correct) =>
      set(recordQuizResult(state, lessonId, questionId, correct)),
    reset: () => set({}),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** An in-memory {@link StorageLike}, for tests and for browsers where `localStorage` throws. */
export function createMemoryStorage(initial: Record<string, string> = {}): StorageLike {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}
