import type { LessonMeta } from '../../core/lessons/types';

/** Lesson 'activation-pooling' as the catalogue sees it before the lesson is loaded. */
export const activationPoolingMeta = {
  id: 'activation-pooling',
  title: { en: 'TODO', zh: 'TODO' },
  summary: { en: 'TODO', zh: 'TODO' },
  minutes: 20,
  stepCount: 1,
  questionIds: [],
} as const satisfies LessonMeta;
