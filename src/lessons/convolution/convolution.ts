import type { LessonDef } from '../../core/lessons/types';
import { convolutionMeta } from './convolutionMeta';

/** Lesson 'convolution'. */
export const convolution: LessonDef = {
  id: convolutionMeta.id,
  title: convolutionMeta.title,
  summary: convolutionMeta.summary,
  minutes: convolutionMeta.minutes,
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
