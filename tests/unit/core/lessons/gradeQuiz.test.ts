import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, isWithinTolerance, parseNumericAnswer } from '../../../../src/core/lessons/gradeQuiz';
import { parseStrictNumber } from '../../../../src/core/lessons/parseStrictNumber';
import type { ChoiceQuestion, NumericQuestion } from '../../../../src/core/lessons/types';

const L = { en: 'x', zh: '叉' };
const numeric = (answer: number, tolerance: number): NumericQuestion => ({
  kind: 'numeric',
  id: 'n',
  prompt: L,
  answer,
  tolerance,
  explanation: L,
});
const choice: ChoiceQuestion = {
  kind: 'choice',
  id: 'c',
  prompt: L,
  options: [
    { id: 'a', text: L },
    { id: 'b', text: L },
  ],
  correct: 'b',
  explanation: L,
};

describe('numeric answers', () => {
  it('parses what learners type', () => {
    expect(parseNumericAnswer('5')).toBe(5);
    expect(parseNumericAnswer('  5.25 ')).toBe(5.25);
    expect(parseNumericAnswer('5,25')).toBe(5.25);
    expect(parseNumericAnswer('-3')).toBe(-3);
    expect(parseNumericAnswer('+.5')).toBe(0.5);
    expect(parseNumericAnswer('1e3')).toBe(1000);
    expect(parseNumericAnswer('1 000')).toBe(1000);
    for (const bad of ['', ' ', 'abc', '5 HU', '1,2,3', '1.2.3', 'NaN', 'Infinity', '0x10', '1e999', '--1']) {
      expect(parseNumericAnswer(bad)).toBeNull();
    }
  });

  it('parseStrictNumber: a plain decimal number and nothing around it', () => {
    expect(parseStrictNumber('-2.5e1')).toBe(-25);
    expect(parseStrictNumber('7.')).toBe(7);
    expect(parseStrictNumber('1e999')).toBe(Infinity);
    for (const bad of ['', ' 5', '5 ', '5,5', '0x10', 'Infinity', 'NaN', '.', 'e5', '--1']) {
      expect(parseStrictNumber(bad)).toBeNull();
    }
  });

  it('accepts exactly the closed interval [answer − tol, answer + tol]', () => {
    const q = numeric(5.25, 0.1);
    expect(isWithinTolerance(q, 5.25)).toBe(true);
    expect(isWithinTolerance(q, 5.15)).toBe(true); // lower edge, despite binary rounding
    expect(isWithinTolerance(q, 5.35)).toBe(true); // upper edge
    expect(isWithinTolerance(q, 5.3)).toBe(true);
    expect(isWithinTolerance(q, 5.2)).toBe(true);
    expect(isWithinTolerance(q, 5.1499)).toBe(false);
    expect(isWithinTolerance(q, 5.3501)).toBe(false);
    expect(isWithinTolerance(q, Number.NaN)).toBe(false);
  });

  it('with zero tolerance accepts only the answer (and float noise such as 0.1 + 0.2)', () => {
    expect(isWithinTolerance(numeric(5, 0), 5)).toBe(true);
    expect(isWithinTolerance(numeric(5, 0), 5.0001)).toBe(false);
    expect(isWithinTolerance(numeric(0.1 + 0.2, 0), 0.3)).toBe(true);
    expect(isWithinTolerance(numeric(5, -1), 5)).toBe(true);
  });

  it('is symmetric around the answer (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        (answer, tol, d) => {
          const q = numeric(answer, tol);
          expect(isWithinTolerance(q, answer + d)).toBe(isWithinTolerance(q, answer - d));
          if (d <= tol) expect(isWithinTolerance(q, answer + d)).toBe(true);
          if (d > tol * 1.01 + 1e-3 * Math.max(1, Math.abs(answer)))
            expect(isWithinTolerance(q, answer + d)).toBe(false);
        },
      ),
    );
  });

  it('grades typed text, and calls unreadable text invalid (not wrong)', () => {
    const q = numeric(5.25, 0.1);
    expect(gradeAnswer(q, { kind: 'numeric', text: '5,3' })).toEqual({ status: 'correct', correct: true });
    expect(gradeAnswer(q, { kind: 'numeric', text: '6' })).toEqual({ status: 'incorrect', correct: false });
    expect(gradeAnswer(q, { kind: 'numeric', text: 'five' })).toEqual({ status: 'invalid', correct: false });
    expect(gradeAnswer(q, { kind: 'choice', optionId: 'a' }).status).toBe('invalid');
  });
});

describe('multiple choice', () => {
  it('grades the chosen option', () => {
    expect(gradeAnswer(choice, { kind: 'choice', optionId: 'b' }).status).toBe('correct');
    expect(gradeAnswer(choice, { kind: 'choice', optionId: 'a' }).status).toBe('incorrect');
    expect(gradeAnswer(choice, { kind: 'choice', optionId: '' }).status).toBe('invalid');
    expect(gradeAnswer(choice, { kind: 'numeric', text: '1' }).status).toBe('invalid');
  });
});
