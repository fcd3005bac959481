/**
 * The convolution lesson as data: steps, parameters, meta, and every number its texts and quiz show,
 * re-derived here by hand.
 */
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/core/lessons/gradeQuiz';
import { coerceParam, defaultParams } from '../../../src/core/lessons/lessonState';
import { lessonQuestionIds } from '../../../src/core/lessons/progress';
import type { NumericQuestion } from '../../../src/core/lessons/types';
import { convolution } from '../../../src/lessons/convolution/convolution';
import { convolutionMeta } from '../../../src/lessons/convolution/convolutionMeta';
import { convolutionWidgets } from '../../../src/lessons/convolution/widgets';

const questions = convolution.steps.flatMap((s) => s.quiz?.questions ?? []);
const numeric = (id: string): NumericQuestion => {
  const q = questions.find((x) => x.id === id);
  if (q?.kind !== 'numeric') throw new Error(`no numeric question ${id}`);
  return q;
};

describe('the convolution lesson', () => {
  it('has the five steps of the brief, each with its widget, notes and parameters', () => {
    expect(convolution.steps.map((s) => [s.id, s.widget])).toEqual([
      ['sliding-window', 'conv-sliding-window'],
      ['feature-map', 'conv-feature-map'],
      ['stride-padding', 'conv-stride-padding'],
      ['conv-layer', 'conv-layer'],
      ['quiz', 'text'],
    ]);
    for (const s of convolution.steps) {
      expect(s.notes.en.length).toBeGreaterThan(80);
      expect(s.notes.zh.length).toBeGreaterThan(30);
      if (s.widget !== 'text') expect(convolutionWidgets[s.widget]).toBeDefined();
      for (const p of s.params) expect(coerceParam(p, String(p.default))).toBe(p.default);
    }
    const ids = (i: number) => convolution.steps[i]!.params.map((p) => p.id);
    expect(ids(0)).toEqual(['slice', 'kernel', 'stride', 'padding', 'bias', 'cx', 'cy', 'pos', 'speed']);
    expect(ids(1)).toEqual(['slice', 'preset', 'k', 'contrast']);
    expect(ids(2)).toEqual(['slice', 'n', 'ks', 's', 'padding', 'p', 'fill', 'd', 'pos']);
    expect(ids(3)).toEqual(['slice', 'k', 'cin', 'cout']);
    // Hidden: what the widgets draw their own controls for.
    const hidden = convolution.steps.flatMap((s) =>
      s.params.filter((p) => p.hidden).map((p) => `${s.id}.${p.id}`),
    );
    expect(hidden).toEqual([
      'sliding-window.cx',
      'sliding-window.cy',
      'sliding-window.pos',
      'sliding-window.speed',
      'feature-map.preset',
      'feature-map.k',
      'stride-padding.pos',
    ]);
    expect(defaultParams(convolution.steps[1])).toMatchObject({
      preset: 'sobel-x',
      k: '-1,0,1,-2,0,2,-1,0,1',
    });
  });

  it('its meta matches: step count, question ids in step order, ≥ 5 final questions mixing choice and numeric', () => {
    expect(convolutionMeta.stepCount).toBe(convolution.steps.length);
    expect(convolutionMeta.questionIds).toEqual(lessonQuestionIds(convolution));
    expect(convolution.title).toBe(convolutionMeta.title);
    const final = convolution.steps.at(-1)!.quiz!.questions;
    expect(final.length).toBeGreaterThanOrEqual(5);
    expect(final.some((q) => q.kind === 'choice')).toBe(true);
    expect(final.filter((q) => q.kind === 'numeric').length).toBeGreaterThanOrEqual(3);
    for (const q of questions) {
      if (q.kind === 'choice') expect(q.options.map((o) => o.id)).toContain(q.correct);
      else expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
    }
  });

  it('output-size answers by hand: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1', () => {
    expect(numeric('size-stride').answer).toBe(Math.floor((512 + 2 - 2 - 1) / 2) + 1); // 256
    expect(numeric('size-stride').answer).toBe(256);
    expect(numeric('size-dilated').answer).toBe(7 - 2 * 2); // 3
    expect(numeric('size-mr').answer).toBe(128);
    expect(numeric('size-stride').explanation.en).toContain('= 256');
  });

  it('the hand-worked dot product: right column minus left column, middle row twice', () => {
    const q = numeric('dot-product');
    expect(q.answer).toBeCloseTo(0.9 + 2 * 0.9 + 1.0 - (0.1 + 2 * 0.1 + 0.2), 5); // 3.2
    expect(q.prompt.en).toContain('[0.1, 0.5, 0.9] [0.1, 0.6, 0.9] [0.2, 0.6, 1]');
    expect(q.prompt.en).toContain('[−1, 0, 1] [−2, 0, 2] [−1, 0, 1]');
    expect(q.explanation.en).toContain('= 3.2');
    expect(gradeAnswer(q, { kind: 'numeric', text: '3.2' }).correct).toBe(true);
    expect(gradeAnswer(q, { kind: 'numeric', text: '-3.2' }).correct).toBe(false);
  });

  it('parameter counts by hand', () => {
    expect(numeric('conv-params').answer).toBe(3 * 3 * 3 * 16 + 16); // 448
    expect(numeric('dense-params').answer).toBe(64 * 64 * (64 * 64) + 64 * 64); // 16,781,312
    expect(numeric('dense-params').explanation.en).toContain('16,781,312');
    expect(numeric('dense-params').explanation.en).toContain('has 10.');
  });

  it('the step texts carry computed numbers', () => {
    const [s1, s2, s3, s4] = convolution.steps;
    expect(s1!.body.en).toContain('fits 10 × 10 times');
    expect(s1!.body.en).toContain('sum to 0');
    // Box: √(9 · (1/9)²) = 1/3; Gaussian: √Σ(bᵢbⱼ/256)² = Σbᵢ²/256 = 70/256.
    expect(s2!.body.en).toContain(`${(1 / 3).toFixed(2)} for the 3 × 3 box`);
    expect(s2!.body.en).toContain(`${(70 / 256).toFixed(2)} for the 5 × 5 Gaussian`);
    expect(s3!.body.en).toContain('512 becomes 256');
    expect(s3!.body.en).toContain('sees 5 × 5 pixels');
    // 8 filters of 3 × 3 over 3 channels: 3·3·3·8 + 8 = 224; dense: (512²·3)·(512²·8) + 512²·8.
    const units = 512 * 512 * 8;
    expect(s4!.body.en).toContain('= 224 parameters');
    expect(s4!.body.en).toContain((512 * 512 * 3 * units + units).toLocaleString('en-US'));
    expect(s4!.body.en).toContain('about 1.65 trillion, 1.65 × 10¹²');
    expect(s4!.body.zh).toContain('约 1.65 万亿');
    expect(s4!.notes.en).toContain('k·k·C + 1 = 28');
  });
});
