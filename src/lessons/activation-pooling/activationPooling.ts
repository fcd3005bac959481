import type { LessonDef } from '../../core/lessons/types';
import { activationPoolingMeta } from './activationPoolingMeta';

/** Lesson 'activation-pooling'. */
export const activationPooling: LessonDef = {
  id: activationPoolingMeta.id,
  title: activationPoolingMeta.title,
  summary: activationPoolingMeta.summary,
  minutes: activationPoolingMeta.minutes,
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
