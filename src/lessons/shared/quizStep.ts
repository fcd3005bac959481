import type { Localized, QuizDef, StepDef } from '../../core/lessons/types';

/** A lesson's quiz as its own step (id `quiz`, a text widget, no parameters). */
export function quizStep(quiz: QuizDef, body: Localized, notes: Localized): StepDef {
  return {
    id: 'quiz',
    title: { en: 'Quiz', zh: '小测验' },
    widget: 'text',
    params: [],
    body,
    notes,
    quiz,
  };
}
