/**
 * Quiz grading, pure. Numeric answers: `x` is correct iff `|x − answer| ≤ tolerance + ε`, where
 * `ε = 1e-9 · max(1, |answer|)` absorbs binary rounding (0.1 + 0.2 ≠ 0.3) without widening the
 * tolerance in any way a learner could notice.
 */
import { parseStrictNumber } from './parseStrictNumber';
import type { NumericQuestion, QuizQuestion } from './types';

/** What the learner gave: an option id, or the raw text of a number field. */
export type QuizAnswer = { kind: 'choice'; optionId: string } | { kind: 'numeric'; text: string };

/** `invalid`: the answer could not be read (empty, not a number, unknown option); it is not graded. */
export type GradeStatus = 'correct' | 'incorrect' | 'invalid';

/** Result of grading one answer. */
export interface GradeResult {
  status: GradeStatus;
  correct: boolean;
}

/**
 * Reads a number typed by a learner: surrounding spaces are ignored, a single decimal comma is
 * accepted (`2,5`), as are a leading sign and an exponent. Returns `null` for anything else.
 */
export function parseNumericAnswer(text: string): number | null {
  let s = text.trim().replace(/\s+/g, '');
  if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  const n = parseStrictNumber(s);
  return n !== null && Number.isFinite(n) ? n : null;
}

/** True when `value` is within the question's tolerance of its answer. */
export function isWithinTolerance(
  question: Pick<NumericQuestion, 'answer' | 'tolerance'>,
  value: number,
): boolean {
  if (!Number.isFinite(value)) return false;
  const eps = 1e-9 * Math.max(1, Math.abs(question.answer));
  return Math.abs(value - question.answer) <= Math.max(0, question.tolerance) + eps;
}

/** Grades one answer against one question. A mismatched answer kind is `invalid`. */
export function gradeAnswer(question: QuizQuestion, answer: QuizAnswer): GradeResult {
  if (question.kind === 'choice') {
    if (answer.kind !== 'choice' || !question.options.some((o) => o.id === answer.optionId)) {
      return { status: 'invalid', correct: false };
    }
    const correct = answer.optionId === question.correct;
    return { status: correct ? 'correct' : 'incorrect', correct };
  }
  if (answer.kind !== 'numeric') return { status: 'invalid', correct: false };
  const value = parseNumericAnswer(answer.text);
  if (value === null) return { status: 'invalid', correct: false };
  const correct = isWithinTolerance(question, value);
  return { status: correct ? 'correct' : 'incorrect', correct };
}
