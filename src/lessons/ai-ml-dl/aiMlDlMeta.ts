import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 2, AI ⊃ ML ⊃ DL, as the catalogue sees it before the lesson is loaded. The
 * lesson takes its title, summary and time from here.
 */
export const aiMlDlMeta = {
  id: 'ai-ml-dl',
  title: { en: 'AI, machine learning and deep learning', zh: '人工智能、机器学习与深度学习' },
  summary: {
    en: 'Where deep learning sits inside AI, and hand-crafted features versus features learned from pixels.',
    zh: '深度学习在人工智能中的位置，以及人工设计特征与从像素中学到的特征之比较。',
  },
  minutes: 15,
  stepCount: 5,
  questionIds: ['nesting', 'feature-origin', 'roi-mean', 'lr-params', 'auc-ties', 'small-data'],
} as const satisfies LessonMeta;
