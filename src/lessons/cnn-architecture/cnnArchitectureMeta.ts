import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 6, the anatomy of a CNN, as the catalogue sees it before the lesson is loaded. The lesson
 * takes its title, summary and time from here.
 */
export const cnnArchitectureMeta = {
  id: 'cnn-architecture',
  title: { en: 'Anatomy of a CNN', zh: '卷积神经网络的结构' },
  summary: {
    en: 'Take apart a trained model of the zoo on a real slice: how the slice becomes its input, every layer’s shape, parameters and receptive field, every feature map, the computation of any unit you click, and where Grad-CAM says the model looked.',
    zh: '在真实切片上拆解模型库中一个训练好的模型：切片如何变成它的输入，每一层的形状、参数量和感受野，每一张特征图，点击任一单元即可看到它的计算过程，以及 Grad-CAM 指出的模型关注区域。',
  },
  minutes: 35,
  stepCount: 5,
  questionIds: [
    'conv-params',
    'pool-receptive-field',
    'valid-size',
    'flatten-size',
    'separable-ratio',
    'gap-input-size',
    'grad-cam-alpha',
  ],
} as const satisfies LessonMeta;
