import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 5, activation functions and pooling, as the catalogue sees it before the lesson is
 * loaded. The lesson takes its title, summary and time from here.
 */
export const activationPoolingMeta = {
  id: 'activation-pooling',
  title: { en: 'Activation functions and pooling', zh: '激活函数与池化' },
  summary: {
    en: 'ReLU, sigmoid and friends on a real feature map with their gradients, max and average pooling one window at a time, and a live experiment testing whether pooling makes a CNN translation invariant.',
    zh: 'ReLU、sigmoid 等激活函数作用于真实特征图，并显示其梯度；逐个窗口查看最大池化和平均池化；再用一个实时实验检验池化能否让 CNN 具有平移不变性。',
  },
  minutes: 30,
  stepCount: 4,
  questionIds: [
    'pool-size',
    'max-pool',
    'avg-pool',
    'relu-zeros',
    'sigmoid-slope',
    'dead-unit',
    'shift-by-p',
  ],
} as const satisfies LessonMeta;
