import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 7, backpropagation and gradient descent, as the catalogue sees it before the lesson is
 * loaded. The lesson takes its title, summary and time from here.
 */
export const backpropSgdMeta = {
  id: 'backprop-sgd',
  title: { en: 'Backpropagation and gradient descent', zh: '反向传播与梯度下降' },
  summary: {
    en: 'Numbers flowing forward and gradients flowing back through a real graph, a gradient check, a 3×3 kernel learning by SGD, optimizers racing on loss surfaces, and mini-batch noise.',
    zh: '数值在真实的计算图中前向流动、梯度反向流动；梯度检验；一个 3×3 卷积核用 SGD 学习；各优化器在损失曲面上比赛；以及小批量梯度的噪声。',
  },
  minutes: 35,
  stepCount: 8,
  questionIds: ['chain-z', 'chain-w2', 'dead-relu', 'tiny-eps', 'stable-lr', 'batch-noise', 'adam-step'],
} as const satisfies LessonMeta;
