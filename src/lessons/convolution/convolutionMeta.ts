import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 4, convolution, as the catalogue sees it before the lesson is loaded. The lesson takes its
 * title, summary and time from here.
 */
export const convolutionMeta = {
  id: 'convolution',
  title: { en: 'Convolution: how a CNN sees features', zh: '卷积：CNN 如何提取特征' },
  summary: {
    en: 'A kernel sliding over a real slice with every product shown, the live feature map of any kernel, stride, padding and dilation with the output-size formula, and a layer as a bank of filters whose weights are shared.',
    zh: '卷积核在真实切片上滑动，每个乘积都清楚展示；任意卷积核的实时特征图；步长、填充、膨胀与输出尺寸公式；以及由一组共享权重的滤波器构成的卷积层。',
  },
  minutes: 30,
  stepCount: 5,
  questionIds: [
    'size-stride',
    'size-dilated',
    'dot-product',
    'flip',
    'conv-params',
    'dense-params',
    'size-mr',
    'sobel-edges',
    'dilation',
    'equivariance',
  ],
} as const satisfies LessonMeta;
