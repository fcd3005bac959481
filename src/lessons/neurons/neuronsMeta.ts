import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 3, neurons and MLPs against CNNs (RQ1 of the review paper), as the catalogue sees it
 * before the lesson is loaded. The lesson takes its title, summary and time from here.
 */
export const neuronsMeta = {
  id: 'neurons',
  title: { en: 'Neurons, MLPs and what flattening loses', zh: '神经元、MLP 与展平所丢失的信息' },
  summary: {
    en: 'One neuron computed live, a neuron as a linear classifier of phantom patches, the parameter count of an MLP on flattened pixels against a small CNN, and a pixel shuffle that an MLP cannot notice but a convolution can.',
    zh: '实时计算的单个神经元；作为体模图块线性分类器的神经元；展平像素上的 MLP 与小型 CNN 的参数量对比；以及一次 MLP 察觉不到、卷积却能察觉的像素打乱。',
  },
  minutes: 25,
  stepCount: 5,
  questionIds: [
    'neuron-output',
    'mlp-params',
    'conv-params',
    'permute-mlp',
    'weight-sharing',
    'no-activation',
  ],
} as const satisfies LessonMeta;
