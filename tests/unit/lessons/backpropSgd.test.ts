/**
 * The backprop-sgd lesson as data: well-formed steps and parameters, texts that follow the i18n
 * rules (the same checks as tests/unit/i18n/keys.test.ts), and numbers that match computations
 * done here by hand, independently of the autodiff engine.
 */
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/core/lessons/gradeQuiz';
import { coerceParam } from '../../../src/core/lessons/lessonState';
import { LESSON_IDS } from '../../../src/core/lessons/lessonIds';
import { backpropSgd } from '../../../src/lessons/backprop-sgd/backpropSgd';
import { fillPlaceholders as fill } from '../../../src/i18n/translate';
import { both, fmt, tex } from '../../../src/lessons/backprop-sgd/backpropSgdData';
import * as texts from '../../../src/lessons/backprop-sgd/backpropSgdTexts';
import { backpropSgdWidgets } from '../../../src/lessons/backprop-sgd/widgets';
import { collectLocalized, expectChineseRules, hasChinese, placeholders } from '../helpers/chineseText';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
// The lesson's neuron by hand: x = (1.2, −0.4), w = (0.6, −0.9), b = −0.3, t = 1.
const z = 0.6 * 1.2 + -0.9 * -0.4 + -0.3;
const a = sig(z);
const L = (a - 1) ** 2;
const dLdz = 2 * (a - 1) * a * (1 - a);

describe('backprop-sgd lesson definition', () => {
  it('is lesson 7 of DESIGN.md, with unique step ids, known widgets and valid parameters', () => {
    expect(LESSON_IDS).toContain(backpropSgd.id);
    expect(backpropSgd.id).toBe('backprop-sgd');
    const steps = backpropSgd.steps;
    expect(steps.map((s) => s.id)).toEqual([
      'forward',
      'backward',
      'two-layer',
      'gradient-check',
      'kernel-sgd',
      'loss-surfaces',
      'mini-batch',
      'quiz',
    ]);
    for (const step of steps) {
      expect([...Object.keys(backpropSgdWidgets), 'text']).toContain(step.widget);
      expect(new Set(step.params.map((p) => p.id)).size).toBe(step.params.length);
      for (const p of step.params) {
        expect(p.id).not.toBe('step');
        expect(coerceParam(p, String(p.default))).toBe(p.default);
        if (p.kind === 'number')
          expect(Number.isInteger(Math.round((p.default - p.min) / p.step))).toBe(true);
      }
    }
    const ids = steps.flatMap((s) => s.quiz?.questions.map((q) => q.id) ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the walk positions run over the operations of each graph (6 in the neuron, 14 in the two-layer net)', () => {
    const max = (i: number): number => {
      const p = backpropSgd.steps[i]!.params.find((q) => q.id === 'node');
      return p?.kind === 'number' ? p.max : -1;
    };
    // Neuron: 2 products, 1 sum, σ, a − t, square. Two-layer: 4 + 2 products, 3 sums, 2 ReLU, σ, ŷ − t, square.
    expect(max(0)).toBe(6);
    expect(max(1)).toBe(6);
    expect(max(2)).toBe(14);
  });

  it('every widget used by a step is exported by widgets.ts, and nothing else', () => {
    const used = new Set(backpropSgd.steps.map((s) => s.widget).filter((w) => w !== 'text'));
    expect(new Set(Object.keys(backpropSgdWidgets))).toEqual(used);
  });

  it('step texts carry numbers computed by hand here', () => {
    const [forward, backward] = backpropSgd.steps;
    for (const lang of ['en', 'zh'] as const) {
      expect(forward!.body[lang]).toContain(`z = ${fmt(z)}`);
      expect(forward!.body[lang]).toContain(`a = ${fmt(a)}`);
      expect(forward!.body[lang]).toContain(`L = ${fmt(L)}`);
      expect(backward!.body[lang]).toContain(
        `∂z/∂w₁ = ${fmt(2 * (a - 1))} × ${fmt(a * (1 - a))} × 1.2 = ${fmt(dLdz * 1.2)}`,
      );
      expect(backward!.body[lang]).toContain(`∂L/∂b = ${fmt(dLdz)}`);
    }
    expect(fmt(z)).toBe('0.78');
  });

  it('quiz answers equal hand computations and grade as correct', () => {
    const qs = backpropSgd.steps.flatMap((s) => s.quiz?.questions ?? []);
    expect(qs.length).toBeGreaterThanOrEqual(5);
    const byId = new Map(qs.map((q) => [q.id, q]));
    const num = (id: string): number => {
      const q = byId.get(id);
      return q?.kind === 'numeric' ? q.answer : Number.NaN;
    };
    expect(num('chain-z')).toBeCloseTo(dLdz, 12);
    expect(num('chain-w2')).toBeCloseTo(dLdz * -0.4, 12);
    expect(num('stable-lr')).toBe(0.5);
    expect(num('batch-noise')).toBe(2);
    const dead = byId.get('dead-relu');
    expect(dead?.kind === 'choice' && dead.correct).toBe('zero');
    for (const q of qs) {
      if (q.kind === 'choice') expect(q.options.map((o) => o.id)).toContain(q.correct);
      else expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
    }
  });
});

describe('backprop-sgd texts follow the i18n rules', () => {
  const all = [
    ...collectLocalized(backpropSgd, 'lesson'),
    ...Object.entries(texts).flatMap(([name, v]) => collectLocalized(v, `texts.${name}`)),
  ];

  it('finds the texts', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all)('%s: both languages, no stray Latin words in Chinese, full-width punctuation', (path, t) => {
    expect(t.en.trim(), path).not.toBe('');
    expect(t.zh.trim(), path).not.toBe('');
    expectChineseRules(t.zh, path);
    if (/[A-Za-z]{4,}/.test(t.en) && t.en.length > 12) expect(hasChinese(t.zh), path).toBe(true);
  });

  it('placeholders are the same in both languages', () => {
    for (const [path, t] of all) expect(placeholders(t.zh), path).toEqual(placeholders(t.en));
  });
});

describe('number formatting', () => {
  it('fmt: significant digits, U+2212 minus, superscript powers of ten (no Latin “e”)', () => {
    expect(fmt(0.098765)).toBe('0.09877');
    expect(fmt(-0.3143)).toBe('−0.3143');
    expect(fmt(1234.5678)).toBe('1235');
    expect(fmt(0)).toBe('0');
    expect(fmt(1.234e-7)).toBe('1.234×10⁻⁷');
    expect(fmt(-5e8, 2)).toBe('−5×10⁸');
  });

  it('tex: plain minus, 10^{n}, parentheses for negatives on request', () => {
    expect(tex(-0.5)).toBe('-0.5');
    expect(tex(-0.5, 4, true)).toBe('(-0.5)');
    expect(tex(2.5e-10, 3)).toBe('2.5\\times 10^{-10}');
    expect(tex(3, 4, true)).toBe('3');
  });

  it('fill and both', () => {
    expect(fill('{a} of {b}, {c}', { a: 1, b: 'two' })).toBe('1 of two, {c}');
    expect(both((l) => l.toUpperCase())).toEqual({ en: 'EN', zh: 'ZH' });
  });
});
