import type { LessonDef } from '../../core/lessons/types';
import { aiMlDlSteps } from './aiMlDlSteps';
import { aiMlDlMeta } from './aiMlDlMeta';

/** Lesson 2: AI ⊃ ML ⊃ DL, hand-crafted versus learned features. */
export const aiMlDl: LessonDef = {
  id: aiMlDlMeta.id,
  title: aiMlDlMeta.title,
  summary: aiMlDlMeta.summary,
  minutes: aiMlDlMeta.minutes,
  steps: aiMlDlSteps,
};
