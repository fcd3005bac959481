import { useId, useState, type FormEvent } from 'react';
import { gradeAnswer, type GradeResult } from '../core/lessons/gradeQuiz';
import { lessonProgress } from '../core/lessons/progress';
import type { Lang, QuizDef, QuizQuestion } from '../core/lessons/types';
import { useT } from '../i18n/useT';
import { getProgressStore, useProgress } from './progressStore';

function formatAnswer(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** One question: options or a number field, a check button, and immediate feedback with the explanation. */
function QuestionView({
  question,
  index,
  lang,
  onGraded,
}: {
  question: QuizQuestion;
  index: number;
  lang: Lang;
  onGraded(correct: boolean): void;
}) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<GradeResult | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const r =
      question.kind === 'choice'
        ? gradeAnswer(question, { kind: 'choice', optionId: choice ?? '' })
        : gradeAnswer(question, { kind: 'numeric', text });
    setResult(r);
    if (r.status !== 'invalid') onGraded(r.correct);
  };

  const feedback = (): string => {
    if (!result) return '';
    if (result.status === 'invalid')
      return t(question.kind === 'numeric' ? 'quiz.invalidNumber' : 'quiz.invalidChoice');
    return t(result.correct ? 'quiz.correct' : 'quiz.incorrect');
  };

  return (
    <form className="quiz-question" onSubmit={submit} data-testid={`quiz-question-${question.id}`} noValidate>
      <fieldset>
        <legend>
          <span className="quiz-question__number">{t('quiz.question', { n: index + 1 })}</span>{' '}
          {question.prompt[lang]}
        </legend>
        {question.kind === 'choice' ? (
          question.options.map((o) => (
            <label key={o.id} className="choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={o.id}
                checked={choice === o.id}
                data-testid={`quiz-option-${question.id}-${o.id}`}
                onChange={() => setChoice(o.id)}
              />
              {o.text[lang]}
            </label>
          ))
        ) : (
          <div className="numeric-answer">
            <label htmlFor={`${id}-num`}>{t('quiz.answerLabel')}</label>
            <input
              id={`${id}-num`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              data-testid={`quiz-input-${question.id}`}
              aria-describedby={question.tolerance > 0 ? `${id}-tol` : undefined}
              onChange={(e) => setText(e.target.value)}
            />
            {question.unit && <span className="numeric-answer__unit">{question.unit[lang]}</span>}
            {question.tolerance > 0 && (
              <span id={`${id}-tol`} className="hint">
                {t('quiz.tolerance', { tolerance: formatAnswer(question.tolerance) })}
              </span>
            )}
          </div>
        )}
      </fieldset>
      <button type="submit" className="button" data-testid={`quiz-check-${question.id}`}>
        {t('quiz.check')}
      </button>
      <div
        className={`feedback feedback--${result?.status ?? 'none'}`}
        aria-live="polite"
        data-testid={`quiz-feedback-${question.id}`}
        data-status={result?.status ?? 'none'}
      >
        {result && (
          <>
            <p className="feedback__verdict">{feedback()}</p>
            {result.status !== 'invalid' && (
              <>
                {question.kind === 'numeric' && !result.correct && (
                  <p>{t('quiz.expected', { answer: formatAnswer(question.answer) })}</p>
                )}
                <p>{question.explanation[lang]}</p>
              </>
            )}
          </>
        )}
      </div>
    </form>
  );
}

/** A step's quiz; each graded answer is saved as the latest result of that question. */
export function QuizView({ lessonId, quiz, lang }: { lessonId: string; quiz: QuizDef; lang: Lang }) {
  const t = useT();
  const headingId = useId();
  const progress = useProgress();
  const results = lessonProgress(progress, lessonId).quiz;
  const correct = quiz.questions.filter((q) => results[q.id] === true).length;
  return (
    <section className="quiz" aria-labelledby={headingId} data-testid="quiz">
      <h3 id={headingId}>{t('quiz.title')}</h3>
      {quiz.questions.map((q, i) => (
        <QuestionView
          key={q.id}
          question={q}
          index={i}
          lang={lang}
          onGraded={(ok) => getProgressStore().recordQuiz(lessonId, q.id, ok)}
        />
      ))}
      <p className="quiz__score" data-testid="quiz-score">
        {t('quiz.score', { correct, total: quiz.questions.length })}
      </p>
    </section>
  );
}
