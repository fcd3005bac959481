import type { LessonDef } from '../../core/lessons/types';
import { aiMlDlSteps } from './aiMlDlSteps';

/** Lesson 2: AI ⊃ ML ⊃ DL, hand-crafted versus learned features. */
export const aiMlDl: LessonDef = {
  id: 'ai-ml-dl',
  title: { en: 'AI, machine learning and deep learning', zh: '人工智能、机器学习与深度学习' },
  summary: {
    en: 'Where deep learning sits inside AI, and hand-crafted features versus features learned from pixels.',
    zh: '深度学习在人工智能中的位置，以及人工设计特征与从像素中学到的特征之比较。',
  },
  minutes: 15,
  steps: aiMlDlSteps,
};
