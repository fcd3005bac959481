import type { LessonDef, StepDef } from '../../core/lessons/types';
import { neuronsMeta } from './neuronsMeta';
import { neuronsQuiz } from './neuronsQuiz';
import { neuronsSteps } from './neuronsSteps';
import { quizStep } from '../shared/quizStep';

const questionCount = neuronsQuiz.questions.length;
const numericCount = neuronsQuiz.questions.filter((q) => q.kind === 'numeric').length;

/** The last step: the quiz. */
const quiz: StepDef = quizStep(
  neuronsQuiz,
  {
    en: `${questionCount} questions on neurons, MLPs and parameter counts. The numeric ones can be done by hand; the first steps of the lesson compute the same formulas if you want to check. Each answer is checked at once and explained.`,
    zh: `本课共 ${questionCount} 道关于神经元、MLP 和参数量的题。计算题都可以手算；本课前几步用同样的公式计算，可以回去核对。每道题提交后会立即判定并给出解释。`,
  },
  {
    en: `The ${numericCount} numeric questions take a minute each by hand; let the room work them out before answering. The permutation question is the heart of the lesson: if it is missed, go back to the previous step and compare the two MLP output rows.`,
    zh: `${numericCount} 道计算题手算各需一分钟左右；先让学员自己算，再公布答案。置换那道题是本课的核心：如果答错了，回到上一步，对比 MLP 的两行输出。`,
  },
);

/** Lesson 'neurons': a neuron, a neuron as a linear classifier, MLP parameter counts, what flattening loses. */
export const neurons: LessonDef = {
  id: neuronsMeta.id,
  title: neuronsMeta.title,
  summary: neuronsMeta.summary,
  minutes: neuronsMeta.minutes,
  steps: [...neuronsSteps, quiz],
};
