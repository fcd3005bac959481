/**
 * The activation-pooling lesson as data: steps, parameters and quiz, the numbers its texts and
 * widgets show checked against computations done here by hand (independent loops, not the
 * reference maths), and the findings of the translation experiment read off real curves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SamplesManifest } from '../../../src/core/imaging/samplesManifest';
import { phantomFromGenerator } from '../../../src/core/imaging/phantoms/phantomFromGenerator';
import { gradeAnswer } from '../../../src/core/lessons/gradeQuiz';
import { coerceParam } from '../../../src/core/lessons/lessonState';
import type { NumericQuestion } from '../../../src/core/lessons/types';
import { activation, activationDerivative } from '../../../src/core/tensor/reference/activations';
import { runShiftExperiment, type ShiftExperimentOptions } from '../../../src/core/tensor/shiftExperiment';
import { activationPooling } from '../../../src/lessons/activation-pooling/activationPooling';
import {
  activateMap,
  activationCurves,
  fmt,
  pct,
  placeRegion,
  preActivation,
  regionFeatureMaps,
} from '../../../src/lessons/activation-pooling/activationPoolingData';
import { activationPoolingMeta } from '../../../src/lessons/activation-pooling/activationPoolingMeta';
import { NODULE_CENTRE } from '../../../src/lessons/activation-pooling/activationPoolingParams';
import { QUIZ_MAP, QUIZ_SIZE } from '../../../src/lessons/activation-pooling/activationPoolingQuiz';
import { findingTexts, shiftFindings } from '../../../src/lessons/activation-pooling/shiftFindings';
import { activationPoolingWidgets } from '../../../src/lessons/activation-pooling/widgets';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const questions = activationPooling.steps.flatMap((s) => s.quiz?.questions ?? []);
const numeric = (id: string): NumericQuestion => {
  const q = questions.find((x) => x.id === id);
  if (q?.kind !== 'numeric') throw new Error(`no numeric question ${id}`);
  return q;
};

describe('activation-pooling lesson definition', () => {
  it('has the four steps, known widgets, valid parameters and a meta that matches', () => {
    expect(activationPooling.steps.map((s) => s.id)).toEqual([
      'activations',
      'pooling',
      'translation',
      'quiz',
    ]);
    expect(activationPooling.steps.map((s) => s.widget)).toEqual([
      'activation-explorer',
      'pooling-explorer',
      'shift-experiment',
      'text',
    ]);
    for (const step of activationPooling.steps) {
      if (step.widget !== 'text') expect(Object.keys(activationPoolingWidgets)).toContain(step.widget);
      expect(step.notes.en.length).toBeGreaterThan(50);
      expect(step.notes.zh.length).toBeGreaterThan(20);
      for (const p of step.params) expect(coerceParam(p, String(p.default))).toBe(p.default);
    }
    expect(activationPoolingMeta.stepCount).toBe(activationPooling.steps.length);
    expect(activationPoolingMeta.questionIds).toEqual(questions.map((q) => q.id));
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions.some((q) => q.kind === 'choice')).toBe(true);
  });

  it('every parameter a link must reproduce is a step parameter', () => {
    const ids = (i: number) => activationPooling.steps[i]!.params.map((p) => p.id).sort();
    expect(ids(0)).toEqual(['elualpha', 'fn', 'gain', 'kernel', 'leak', 'slice', 'x']);
    expect(ids(1)).toEqual(['channel', 'cx', 'cy', 'pool', 'region', 'size', 'slice', 'stride', 'wx', 'wy']);
    expect(ids(2)).toEqual(['border', 'crop', 'cx', 'cy', 'dir', 'poolsize', 'shifts', 'show', 'slice']);
  });

  it('the crops start on the nodule of the chest-ct-nodule sample (regenerated from its recipe)', () => {
    const manifest = JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')) as SamplesManifest;
    const entry = manifest.samples.find((s) => s.id === 'chest-ct-nodule')!;
    const phantom = phantomFromGenerator(entry.generator.name, entry.generator.seed, entry.generator.options);
    const box = phantom.boxes[0]!;
    expect(NODULE_CENTRE.row).toBe(box.row + Math.floor(box.height / 2));
    expect(NODULE_CENTRE.column).toBe(box.column + Math.floor(box.width / 2));
  });

  it('the body of step 1 quotes σ′(0) and σ′(5) as computed by hand', () => {
    const body = activationPooling.steps[0]!.body;
    const d = (x: number) => sig(x) * (1 - sig(x));
    expect(body.en).toContain(`σ′(0) = ${fmt(d(0))}`);
    expect(body.en).toContain(`σ′(5) = ${fmt(d(5))}`);
    expect(fmt(d(0))).toBe('0.25');
    expect(body.zh).toContain(`σ′(5) = ${fmt(d(5))}`);
  });
});

describe('the quiz, re-derived by hand', () => {
  it('pool size, max pool, average pool, ReLU zeros and the sigmoid slope', () => {
    const m = QUIZ_MAP;
    expect(numeric('pool-size').answer).toBe(Math.floor((QUIZ_SIZE.n - QUIZ_SIZE.k) / QUIZ_SIZE.s) + 1);
    expect(numeric('max-pool').answer).toBe(Math.max(m[2]![0]!, m[2]![1]!, m[3]![0]!, m[3]![1]!));
    expect(numeric('avg-pool').answer).toBeCloseTo((m[0]![2]! + m[0]![3]! + m[1]![2]! + m[1]![3]!) / 4, 6);
    const flat = m.flat();
    expect(numeric('relu-zeros').answer).toBe(flat.filter((v) => v <= 0).length / flat.length);
    expect(numeric('sigmoid-slope').answer).toBeCloseTo(0.25, 12);
    let best = 0;
    for (let x = -10; x <= 10; x += 0.01) best = Math.max(best, sig(x) * (1 - sig(x)));
    expect(numeric('sigmoid-slope').answer).toBeCloseTo(best, 6);
    for (const q of questions)
      if (q.kind === 'numeric')
        expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
    const dead = questions.find((q) => q.id === 'dead-unit');
    expect(dead?.kind === 'choice' && dead.correct).toBe('frozen');
  });
});

/** A small synthetic slice: a bright disc on a ramp. */
function synthSlice(w: number, h: number) {
  const intensity = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      intensity[y * w + x] = (Math.hypot(y - h / 2, x - w / 3) < 4 ? 0.9 : 0.2) + (0.3 * x) / w;
  return { width: w, height: h, intensity };
}

describe('the numbers the widgets show, against plain loops', () => {
  it('fmt and pct', () => {
    expect(fmt(0.25)).toBe('0.25');
    expect(fmt(-0.04512)).toBe('−0.0451');
    expect(fmt(4.5396e-5)).toBe('4.54×10⁻⁵');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(0)).toBe('0');
    expect(fmt(1234.5)).toBe('1230');
    expect(pct(0.375)).toBe('37.5%');
  });

  it('step 1: z = w × (kernel ∗ slice) with reflect padding, and the shares zeroed / saturated / negative', () => {
    const s = synthSlice(9, 7);
    const at = (y: number, x: number): number => {
      const r = (p: number, n: number) => (p < 0 ? -p : p >= n ? 2 * (n - 1) - p : p);
      return s.intensity[r(y, 7) * 9 + r(x, 9)]!;
    };
    const sobelX = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
    const z = preActivation(s, 'sobel-x', 2.5);
    for (let y = 0; y < 7; y++)
      for (let x = 0; x < 9; x++) {
        let sum = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) sum += sobelX[i * 3 + j]! * at(y + i - 1, x + j - 1);
        expect(z[y * 9 + x]).toBeCloseTo(2.5 * sum, 5);
      }
    for (const fn of ['relu', 'sigmoid'] as const) {
      const { activated, stats } = activateMap(z, fn, 0.2);
      const f = (v: number) => (fn === 'relu' ? Math.max(0, v) : sig(v));
      const df = (v: number) => (fn === 'relu' ? (v > 0 ? 1 : 0) : sig(v) * (1 - sig(v)));
      const vals = [...z];
      vals.forEach((v, k) => expect(activated[k]).toBeCloseTo(f(v), 6));
      expect(stats.n).toBe(63);
      expect(stats.zeroed).toBe(vals.filter((v) => f(v) === 0).length);
      expect(stats.saturated).toBe(vals.filter((v) => Math.abs(df(v)) < 0.05).length);
      expect(stats.negative).toBe(vals.filter((v) => v < 0).length);
    }
    // GELU computes Φ(z) once for f and f′: the same numbers as the reference functions, bit for bit.
    const gelu = activateMap(z, 'gelu', 0);
    z.forEach((v, k) => expect(gelu.activated[k]).toBe(Math.fround(activation('gelu', v))));
    expect(gelu.stats.saturated).toBe(
      [...z].filter((v) => Math.abs(activationDerivative('gelu', v)) < 0.05).length,
    );
    const { min } = activationCurves('gelu', 0);
    expect(min.d).toBeLessThan(0);
  });

  it('step 2: the region is placed inside the slice and its maps are ReLU of the bank over it', () => {
    const s = synthSlice(30, 26);
    expect(placeRegion(30, 26, 13, 15, 12)).toEqual({ top: 7, left: 9 });
    expect(placeRegion(30, 26, 0, 0, 12)).toEqual({ top: 1, left: 1 });
    expect(placeRegion(30, 26, 99, 99, 12)).toEqual({ top: 13, left: 17 });
    expect(() => placeRegion(10, 10, 5, 5, 12)).toThrow(/too small/);
    const maps = regionFeatureMaps(s, 7, 9, 12);
    expect([maps.height, maps.width, maps.channels]).toEqual([12, 12, 6]);
    const spot = [-1, -1, -1, -1, 8, -1, -1, -1, -1];
    for (let y = 0; y < 12; y++)
      for (let x = 0; x < 12; x++) {
        let sum = 0;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++)
            sum += spot[i * 3 + j]! * s.intensity[(7 + y + i - 1) * 30 + 9 + x + j - 1]!;
        expect(maps.data[(y * 12 + x) * 6 + 4]).toBeCloseTo(Math.max(0, sum), 5);
      }
  });
});

describe('the findings of the translation experiment', () => {
  function noise(n: number, seed: number) {
    let s = seed;
    const data = new Float32Array(n * n);
    for (let k = 0; k < data.length; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      data[k] = s / 2 ** 32;
    }
    return { height: n, width: n, channels: 1, data };
  }
  /** A 60×60 image whose value depends on the column only: `f(column)`. */
  function columns(f: (x: number) => number) {
    const data = new Float32Array(60 * 60);
    for (let k = 0; k < data.length; k++) data[k] = f(k % 60);
    return { height: 60, width: 60, channels: 1, data };
  }
  const run = (extra: Partial<ShiftExperimentOptions>) => {
    const options: ShiftExperimentOptions = {
      image: noise(60, 9),
      top: 14,
      left: 20,
      size: 32,
      maxShift: 6,
      direction: 'x',
      poolSize: 2,
      ...extra,
    };
    const r = runShiftExperiment(options);
    return { r, f: shiftFindings(options, r), en: findingTexts(shiftFindings(options, r), 'en').join(' ') };
  };

  it('are read off the curves: ratios at shift 1, the one-cell shift at P, zeros at multiples of P, the ranking', () => {
    const { r, f, en } = run({
      image: noise(100, 5),
      top: 20,
      size: 48,
      maxShift: 7,
      direction: 'diagonal',
      poolSize: 3,
    });
    const c = (id: string) => r.curves.find((x) => x.id === id)!.distances;
    expect(f.flat).toBe(false);
    expect(f.zeroReference).toEqual([]);
    expect(f.convAt1).toBe(c('conv')[1]);
    expect(f.ratioAt1).toEqual(
      ['conv-pool', 'two-stage', 'global'].map((id) => ({ id, ratio: c(id)[1]! / c('conv')[1]! })),
    );
    expect(f.belowP).toEqual([1, 2].map((s) => c('conv-pool')[s]! / c('conv')[s]!));
    expect(f.belowPHelped).toBe(f.belowP.filter((x) => x < 1).length);
    expect(f.atP?.maxAbsDiff).toBe(0);
    expect(f.atP?.distance).toBe(c('conv-pool')[3]);
    expect(f.realigned?.zeros).toEqual([0, 3, 6]);
    expect(f.realigned?.zerosAreMultiples).toBe(true);
    expect(f.global).toEqual({ max: Math.max(...c('global')), convMax: Math.max(...c('conv')) });
    const means = r.curves.map((x) => x.distances.slice(1).reduce((a, b) => a + b, 0) / 7);
    expect(f.ranking[0]!.mean).toBe(Math.min(...means));
    expect(f.ranking.at(-1)!.mean).toBe(Math.max(...means));
    expect(en).toContain('moved by one cell along the shift');
    expect(en).toContain('matches exactly at shifts 0, 3, 6 px (the multiples of P)');
  });

  it('say how many shifts below P pooling helped, and that K must reach P', () => {
    const { r } = run({ maxShift: 3, poolSize: 4 });
    const fake = (pool: number[]) => ({
      ...r,
      curves: r.curves.map((x) => (x.id === 'conv-pool' ? { ...x, distances: [0, ...pool] } : x)),
    });
    const conv = r.curves[0]!.distances;
    const options = { poolSize: 4, direction: 'x' } as const;
    const never = shiftFindings(options, fake([9, 9, 9]));
    expect(never.atP).toBeNull();
    expect(never.belowP).toHaveLength(3);
    expect(never.belowPHelped).toBe(0);
    expect(findingTexts(never, 'en').join(' ')).toContain('lowers the distance at none of the shifts');
    const mixed = shiftFindings(options, fake([conv[1]! / 2, 9, 9]));
    expect(mixed.belowPHelped).toBe(1);
    expect(findingTexts(mixed, 'en').join(' ')).toContain('at 1 of the 3 shifts smaller than the pool size');
    expect(findingTexts(mixed, 'en').join(' ')).toContain('Raise K to at least P = 4');
  });

  it('a uniform crop (r(x_0) all zeros) gives one sentence saying why there is nothing to compare', () => {
    // Dark left of column 15, bright right of it: the crop (columns 20…51) is uniform until the edge enters.
    const { r, f, en } = run({ image: columns((x) => (x < 15 ? 0 : 1)) });
    expect(r.referenceNorms.conv).toBe(0);
    expect(r.curves[0]!.distances.at(-1)).toBe(Infinity);
    expect(f.flat).toBe(true);
    expect(findingTexts(f, 'en')).toHaveLength(1);
    expect(en).toContain('r(x_0) is all zeros');
    expect(en).not.toMatch(/NaN|—%|∞%/);
  });

  it('content that looks the same shifted (vertical stripes moving down) is not called a pooling effect', () => {
    const { r, f, en } = run({ image: columns((x) => (x % 4 < 2 ? 0.2 : 0.8)), direction: 'y' });
    for (const c of r.curves) expect(c.distances.every((d) => d === 0)).toBe(true);
    expect(f.convAt1).toBe(0);
    expect(f.ratioAt1).toEqual([]);
    expect(f.belowP).toEqual([]);
    expect(en).toContain('conv + ReLU does not change at all');
    expect(en).toContain('the pooled map does not change at all here');
    expect(en).toContain('every representation compared here has the same mean distance, 0');
    expect(en).not.toMatch(/NaN|—|not invariance|∞/);
  });
});
