import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 8, training a classifier in the browser, as the catalogue sees it before the lesson is
 * loaded. The lesson takes its title, summary and time from here.
 */
export const trainClassifierMeta = {
  id: 'train-classifier',
  title: { en: 'Train a classifier', zh: '训练一个分类器' },
  summary: {
    en: 'Train a CNN in the browser: learning curves, overfitting, augmentation, confusion matrix, ROC/AUC, threshold, Grad-CAM.',
    zh: '在浏览器中训练 CNN：学习曲线、过拟合、数据增强、混淆矩阵、ROC/AUC、阈值选择与 Grad-CAM。',
  },
  minutes: 35,
  stepCount: 9,
  questionIds: [
    'sensitivity',
    'ppv',
    'batch-steps',
    'auc-imbalance',
    'overfit-curve',
    'augment-label',
    'patient-split',
    'calibration',
  ],
} as const satisfies LessonMeta;
