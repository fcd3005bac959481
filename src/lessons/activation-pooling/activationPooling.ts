import type { LessonDef, StepDef } from '../../core/lessons/types';
import { activationPoolingMeta } from './activationPoolingMeta';
import { activationPoolingQuiz } from './activationPoolingQuiz';
import { activationsStep, poolingStep, translationStep } from './activationPoolingSteps';
import { quizStep } from '../shared/quizStep';

const questionCount = activationPoolingQuiz.questions.length;

/** The last step: the quiz. */
const quiz: StepDef = quizStep(
  activationPoolingQuiz,
  {
    en: `${questionCount} questions on activation functions and pooling. The numeric ones can be done by hand from the numbers in each question; each answer is checked at once and explained.`,
    zh: `本课共 ${questionCount} 道关于激活函数和池化的题。计算题都可以根据题中给出的数值手算；每道题提交后会立即判定并给出解释。`,
  },
  {
    en: 'The two pooling questions use the same 4×4 map: have the room draw the 2×2 windows on paper first. The last question connects to the translation experiment: go back to it with a shift equal to the pool size if the answer surprises anyone.',
    zh: '两道池化题使用同一幅 4×4 特征图：先让学员在纸上画出 2×2 的窗口。最后一题与平移实验相关：如果有人对答案感到意外，可以回到那一步，把平移量设为池化大小再看一次。',
  },
);

/** Lesson 5: activation functions, pooling, and translation invariance measured. */
export const activationPooling: LessonDef = {
  id: activationPoolingMeta.id,
  title: activationPoolingMeta.title,
  summary: activationPoolingMeta.summary,
  minutes: activationPoolingMeta.minutes,
  steps: [activationsStep, poolingStep, translationStep, quiz],
};
