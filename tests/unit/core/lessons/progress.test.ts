import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  createMemoryStorage,
  createProgressStore,
  loadProgress,
  markStepVisited,
  recordQuizResult,
  summarizeProgress,
  type StorageLike,
} from '../../../../src/core/lessons/progress';
import { aiMlDl } from '../../../../src/lessons/ai-ml-dl/aiMlDl';

describe('progress store', () => {
  it('starts empty and persists visited steps and quiz results', () => {
    const storage = createMemoryStorage();
    const store = createProgressStore(storage);
    expect(store.getState()).toEqual({});
    store.markVisited('ai-ml-dl', 1);
    store.markVisited('ai-ml-dl', 0);
    store.markVisited('ai-ml-dl', 1);
    store.recordQuiz('ai-ml-dl', 'nesting', false);
    store.recordQuiz('ai-ml-dl', 'nesting', true);
    expect(store.getState()['ai-ml-dl']).toEqual({ visited: [0, 1], quiz: { nesting: true } });
    const reopened = createProgressStore(storage);
    expect(reopened.getState()).toEqual(store.getState());
  });

  it('notifies subscribers only on real changes', () => {
    const store = createProgressStore(createMemoryStorage());
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.markVisited('x', 0);
    store.markVisited('x', 0);
    store.markVisited('x', -1);
    store.markVisited('x', 1.5);
    expect(calls).toBe(1);
    off();
    store.markVisited('x', 2);
    expect(calls).toBe(1);
  });

  it.each([
    ['not JSON', '{oops'],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '[1,2,3]'],
    [
      'wrong shapes',
      '{"a":5,"b":{"visited":"no","quiz":[1]},"c":{"visited":[1,-1,"2",1,2.5,3],"quiz":{"q":true,"r":"yes"}}}',
    ],
  ])('ignores corrupt storage (%s) safely', (_label, text) => {
    const storage = createMemoryStorage({ [PROGRESS_KEY]: text });
    const state = loadProgress(storage);
    for (const p of Object.values(state)) {
      expect(p.visited.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      expect(Object.values(p.quiz).every((v) => typeof v === 'boolean')).toBe(true);
    }
    const store = createProgressStore(storage);
    store.markVisited('ai-ml-dl', 0);
    expect(store.getState()['ai-ml-dl']?.visited).toEqual([0]);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '')['ai-ml-dl'].visited).toEqual([0]);
  });

  it('keeps the valid part of a partly corrupt entry', () => {
    const storage = createMemoryStorage({
      [PROGRESS_KEY]: '{"c":{"visited":[3,1,-1,"2",1,2.5],"quiz":{"q":true,"r":"yes"}}}',
    });
    expect(loadProgress(storage)).toEqual({ c: { visited: [1, 3], quiz: { q: true } } });
  });

  it('survives a storage that throws on every call', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = createProgressStore(broken);
    expect(store.getState()).toEqual({});
    store.markVisited('ai-ml-dl', 2);
    expect(store.getState()['ai-ml-dl']?.visited).toEqual([2]);
  });

  it('summarises against the lesson definition', () => {
    let s = markStepVisited({}, 'ai-ml-dl', 0);
    s = markStepVisited(s, 'ai-ml-dl', 1);
    s = markStepVisited(s, 'ai-ml-dl', 99);
    s = recordQuizResult(s, 'ai-ml-dl', 'nesting', true);
    s = recordQuizResult(s, 'ai-ml-dl', 'lr-params', false);
    s = recordQuizResult(s, 'ai-ml-dl', 'removed-question', true);
    const sum = summarizeProgress(s['ai-ml-dl']!, aiMlDl);
    const quizTotal = aiMlDl.steps.reduce((n, st) => n + (st.quiz?.questions.length ?? 0), 0);
    expect(sum).toEqual({
      visitedSteps: 2,
      totalSteps: aiMlDl.steps.length,
      quizCorrect: 1,
      quizAnswered: 2,
      quizTotal,
    });
  });

  it('reset clears everything', () => {
    const storage = createMemoryStorage();
    const store = createProgressStore(storage);
    store.markVisited('a', 0);
    store.reset();
    expect(createProgressStore(storage).getState()).toEqual({});
  });
});
