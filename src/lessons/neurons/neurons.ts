import type { LessonDef } from '../../core/lessons/types';
import { neuronsMeta } from './neuronsMeta';

/** Lesson 'neurons'. */
export const neurons: LessonDef = {
  id: neuronsMeta.id,
  title: neuronsMeta.title,
  summary: neuronsMeta.summary,
  minutes: neuronsMeta.minutes,
  steps: [
    {
      id: 'todo',
      title: { en: 'TODO', zh: 'TODO' },
      body: { en: 'TODO', zh: 'TODO' },
      widget: 'text',
      params: [],
      notes: { en: 'TODO', zh: 'TODO' },
    },
  ],
};
