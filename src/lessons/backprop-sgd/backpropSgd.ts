import type { LessonDef, StepDef } from '../../core/lessons/types';
import { backpropSgdMeta } from './backpropSgdMeta';
import { backpropSgdQuiz } from './backpropSgdQuiz';
import { graphSteps } from './graphSteps';
import { optimizationSteps } from './optimizationSteps';
import { quizStep } from '../shared/quizStep';

const questionCount = backpropSgdQuiz.questions.length;

/** The last step: the quiz. */
const quiz: StepDef = quizStep(
  backpropSgdQuiz,
  {
    en: `${questionCount} questions on backpropagation and gradient descent. The numeric ones use the neuron of the first steps; go back to them if you need the numbers. Each answer is checked at once and explained.`,
    zh: `本课共 ${questionCount} 道关于反向传播和梯度下降的题。计算题用的是前几步中的神经元，需要数值时可以返回查看。每道题提交后会立即判定并给出解释。`,
  },
  {
    en: 'The two chain-rule questions can be done by hand in a minute; let the room try them before opening the backward-pass step again. The learning-rate question links to the divergence seen on the bowl.',
    zh: '两道链式法则题一分钟内即可手算完成；先让学员自己做，再回到反向传播那一步核对。学习率那道题与碗形面上看到的发散现象相对应。',
  },
);

/** Lesson 7: the computational graph, backpropagation, gradient descent and its variants. */
export const backpropSgd: LessonDef = {
  id: backpropSgdMeta.id,
  title: backpropSgdMeta.title,
  summary: backpropSgdMeta.summary,
  minutes: backpropSgdMeta.minutes,
  steps: [...graphSteps, ...optimizationSteps, quiz],
};
