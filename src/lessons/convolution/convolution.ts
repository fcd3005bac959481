import type { LessonDef, StepDef } from '../../core/lessons/types';
import { convolutionMeta } from './convolutionMeta';
import { convolutionQuiz } from './convolutionQuiz';
import { layerSteps } from './layerSteps';
import { windowSteps } from './windowSteps';
import { quizStep } from '../shared/quizStep';

const questionCount = convolutionQuiz.questions.length;

/** The last step: the quiz. */
const quiz: StepDef = quizStep(
  convolutionQuiz,
  {
    en: `${questionCount} questions on convolution: one dot product by hand, output sizes, parameter counts, and what kernels, dilation and weight sharing do. Each answer is checked at once and explained.`,
    zh: `本课共 ${questionCount} 道关于卷积的题：一道手算点积，输出尺寸、参数量的计算，以及卷积核、膨胀和权值共享的作用。每道题提交后会立即判定并给出解释。`,
  },
  {
    en: 'The dot product is worth doing on the board: it is the whole of convolution in nine multiplications. The equivariance question prepares the pooling lesson, where pooling makes the response (approximately) invariant instead.',
    zh: '点积那道题值得在黑板上演算：九次乘法就是卷积的全部。平移等变性那道题为池化一课做铺垫：池化会让响应变得（近似）平移不变。',
  },
);

/**
 * Lesson 4: how a CNN learns features from images (RQ2 of the review paper). A kernel slides over a
 * slice position by position; the whole feature map, live; stride, padding and dilation; a layer as a
 * bank of filters and weight sharing in numbers; a quiz.
 */
export const convolution: LessonDef = {
  id: convolutionMeta.id,
  title: convolutionMeta.title,
  summary: convolutionMeta.summary,
  minutes: convolutionMeta.minutes,
  steps: [...windowSteps, ...layerSteps, quiz],
};
