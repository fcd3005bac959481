/**
 * The neurons lesson as data: its shape and meta, the quiz answers re-derived by hand, the numbers
 * its texts quote, and the phantom data of the classifier step against an independent computation.
 */
import { describe, expect, it } from 'vitest';
import { coerceParam } from '../../../src/core/lessons/lessonState';
import { lessonQuestionIds } from '../../../src/core/lessons/progress';
import { chestCtLungPatch, patchSeed } from '../../../src/core/datasets/phantomPatchDataset';
import { gradeAnswer } from '../../../src/core/lessons/gradeQuiz';
import {
  buildClassifierData,
  CLASSIFIER_DATA,
  DEFAULT_SECOND_FEATURE,
  loadClassifierData,
  SECOND_FEATURES,
} from '../../../src/lessons/neurons/classifierData';
import {
  compareSecondFeatures,
  fitLine,
  lineConfusion,
  snappedFit,
  standardisePair,
} from '../../../src/lessons/neurons/lineClassifier';
import { neurons } from '../../../src/lessons/neurons/neurons';
import { neuronsMeta } from '../../../src/lessons/neurons/neuronsMeta';
import { neuronsQuiz, QUIZ_CONV, QUIZ_MLP, QUIZ_NEURON } from '../../../src/lessons/neurons/neuronsQuiz';
import { neuronsWidgets } from '../../../src/lessons/neurons/widgets';

const question = (id: string) => neuronsQuiz.questions.find((q) => q.id === id)!;

describe('the neurons lesson', () => {
  it('has the five steps of the brief, each with notes, widgets that exist and valid defaults', () => {
    expect(neurons.steps.map((s) => s.id)).toEqual([
      'one-neuron',
      'linear-classifier',
      'mlp-params',
      'permute',
      'quiz',
    ]);
    expect(neuronsMeta.stepCount).toBe(neurons.steps.length);
    expect(neuronsMeta.questionIds).toEqual(lessonQuestionIds(neurons));
    expect(neurons.title).toBe(neuronsMeta.title);
    for (const step of neurons.steps) {
      expect(step.notes.en.length).toBeGreaterThan(40);
      expect(step.notes.zh.length).toBeGreaterThan(20);
      if (step.widget !== 'text') expect(Object.keys(neuronsWidgets)).toContain(step.widget);
      for (const p of step.params) expect(coerceParam(p, String(p.default))).toBe(p.default);
    }
    const ids = neurons.steps.flatMap((s) => s.params.map((p) => p.id));
    expect(ids).not.toContain('step');
  });

  it('quiz: at least five questions, numeric answers re-derived by hand, each accepted by the grader', () => {
    expect(neuronsQuiz.questions.length).toBeGreaterThanOrEqual(5);
    // Neuron: 0.8·0.5 + (−0.3)·(−1) + 0.5·2 − 0.2 = 0.4 + 0.3 + 1 − 0.2 = 1.5; ReLU keeps it.
    expect(QUIZ_NEURON).toEqual({ x: [0.5, -1, 2], w: [0.8, -0.3, 0.5], b: -0.2 });
    const n = question('neuron-output');
    expect(n.kind === 'numeric' && n.answer).toBeCloseTo(1.5, 12);
    // MLP: 64·64 = 4,096 inputs; 4,096·256 + 256 = 1,048,832.
    expect(QUIZ_MLP).toEqual({ side: 64, units: 256 });
    expect(question('mlp-params')).toMatchObject({ kind: 'numeric', answer: 1_048_832, tolerance: 0 });
    // Convolution: 16·(3·3·8 + 1) = 16·73 = 1,168.
    expect(QUIZ_CONV).toEqual({ filters: 16, kernel: 3, channels: 8 });
    expect(question('conv-params')).toMatchObject({ kind: 'numeric', answer: 1168 });
    for (const q of neuronsQuiz.questions) {
      if (q.kind === 'numeric') {
        expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
        expect(q.explanation.en).toContain(q.answer.toLocaleString('en-US'));
      } else {
        expect(q.options.map((o) => o.id)).toContain(q.correct);
      }
    }
    expect(gradeAnswer(question('mlp-params'), { kind: 'numeric', text: '1048831' }).correct).toBe(false);
  });

  it('the parameter-count step quotes the counts the formulas give', () => {
    const body = neurons.steps[2]!.body;
    expect(body.en).toContain('4,096 × 128 + 128 = 524,416');
    expect(body.en).toContain('262,144 × 128 + 128 = 33,554,560');
    expect(body.en).toContain('80 and 1,168 parameters');
    expect(body.zh).toContain('4,096 × 128 + 128 = 524,416');
  });

  it('the neuron step quotes its starting bias; the quiz notes count its numeric questions', () => {
    // Default b = −1: the weighted inputs must exceed 1.
    expect(neurons.steps[0]!.body.en).toContain(
      'with b = −1 (the starting value) the weighted inputs must add up to more than 1 before',
    );
    // neuron-output, mlp-params, conv-params.
    expect(neurons.steps[4]!.notes.en).toMatch(/^The 3 numeric questions/);
  });

  it('the classifier step quotes its data: 160 patches of 32×32 pixels, 22.4 mm, the default feature', () => {
    const { body } = neurons.steps[1]!;
    // 32 px × 0.7 mm = 22.4 mm.
    expect(body.en).toContain('160 phantom lung patches of 32×32 pixels (22.4×22.4 mm)');
    expect(body.en).toContain('“Blob filter response”');
    expect(body.en).toContain('(w₁ = 1, w₂ = 0) uses mean HU alone');
    expect(body.en).toContain('**training accuracy**');
    expect(body.zh).toContain('22.4×22.4 毫米');
  });
});

/** Independent Sobel magnitude over the interior (valid mode), written out pixel by pixel. */
function sobelInterior(img: Float32Array, s: number): number[] {
  const at = (x: number, y: number) => img[y * s + x]!;
  const out: number[] = [];
  for (let y = 1; y < s - 1; y++) {
    for (let x = 1; x < s - 1; x++) {
      const gx =
        at(x + 1, y - 1) +
        2 * at(x + 1, y) +
        at(x + 1, y + 1) -
        at(x - 1, y - 1) -
        2 * at(x - 1, y) -
        at(x - 1, y + 1);
      const gy =
        at(x - 1, y + 1) +
        2 * at(x, y + 1) +
        at(x + 1, y + 1) -
        at(x - 1, y - 1) -
        2 * at(x, y - 1) -
        at(x + 1, y - 1);
      out.push(Math.sqrt(gx * gx + gy * gy));
    }
  }
  return out;
}

describe('the classifier data', () => {
  const data = buildClassifierData();

  it('is the seeded phantom patches, balanced', () => {
    const { count, size, seed } = CLASSIFIER_DATA;
    expect(data.count).toBe(count);
    expect(data.images.length).toBe(count * size * size);
    expect([...data.labels].filter((l) => l === 1).length).toBe(count / 2);
    // Patch 3 (label 1) regenerated from its own seed.
    const patch3 = chestCtLungPatch(patchSeed(seed, 0, 3), true, size);
    expect(data.images.subarray(3 * size * size, 4 * size * size)).toEqual(patch3);
  });

  it('features of one patch equal an independent computation (mean HU, SD of HU, Sobel edge density)', () => {
    const { size } = CLASSIFIER_DATA;
    for (const i of [0, 1]) {
      const img = data.images.subarray(i * size * size, (i + 1) * size * size);
      let sum = 0;
      for (const v of img) sum += v;
      const mean = sum / img.length;
      let sq = 0;
      for (const v of img) sq += (v - mean) ** 2;
      expect(data.meanHu[i]).toBeCloseTo(mean, 6);
      expect(data.second.sdHu[i]).toBeCloseTo(Math.sqrt(sq / img.length), 6);
      const mag = sobelInterior(img, size);
      const density = mag.filter((m) => m > 1000).length / mag.length;
      expect(data.second.edgeDensity[i]).toBeCloseTo(density, 12);
    }
  });

  it('the page build equals the synchronous one', async () => {
    const async = await loadClassifierData();
    expect(async.images).toEqual(data.images);
    expect(async.meanHu).toEqual(data.meanHu);
    expect(async.second).toEqual(data.second);
    expect(await loadClassifierData()).toBe(async);
  });

  it('the fitted line beats chance and is at least as good in log-loss terms as the default line', () => {
    const pair = standardisePair(data.meanHu, data.second.edgeDensity);
    // Standardised: mean 0, population SD 1 in each column.
    for (const j of [0, 1]) {
      const col = pair.rows.map((r) => r[j]!);
      const m = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - m) ** 2, 0) / col.length);
      expect(m).toBeCloseTo(0, 10);
      expect(sd).toBeCloseTo(1, 10);
    }
    const fit = fitLine(pair.rows, data.labels);
    const c = lineConfusion(pair.rows, data.labels, fit);
    expect(c.accuracy).toBeGreaterThan(0.6);
    expect(c.tp + c.fp + c.tn + c.fn).toBe(CLASSIFIER_DATA.count);
    const snapped = snappedFit(pair.rows, data.labels);
    expect(Math.abs(snapped.w1 - fit.w1)).toBeLessThanOrEqual(0.005 + 1e-12);
    expect(Math.abs(snapped.w2 - fit.w2)).toBeLessThanOrEqual(0.005 + 1e-12);
    expect(Math.round(snapped.w1 * 100)).toBeCloseTo(snapped.w1 * 100, 9);
  });

  it('the fitted weights are the optimum: the gradient of the penalised log-loss vanishes there', () => {
    // J = mean log-loss + (λ/2)‖w‖², λ = 0.01; ∂J/∂w = mean((p − y)·z) + λw, ∂J/∂b = mean(p − y).
    for (const id of SECOND_FEATURES) {
      const { rows } = standardisePair(data.meanHu, data.second[id]);
      const { w1, w2, b } = fitLine(rows, data.labels);
      let [g1, g2, gb] = [0, 0, 0];
      rows.forEach((r, i) => {
        const e = 1 / (1 + Math.exp(-(w1 * r[0]! + w2 * r[1]! + b))) - data.labels[i]!;
        g1 += e * r[0]!;
        g2 += e * r[1]!;
        gb += e;
      });
      const n = rows.length;
      expect(Math.abs(g1 / n + 0.01 * w1), id).toBeLessThan(1e-8);
      expect(Math.abs(g2 / n + 0.01 * w2), id).toBeLessThan(1e-8);
      expect(Math.abs(gb / n), id).toBeLessThan(1e-8);
    }
  });

  it('the comparison table: each fitted line counted independently; the blob filter helps most', () => {
    const rows = compareSecondFeatures(data);
    expect(rows.map((r) => r.id)).toEqual(['meanHuOnly', ...SECOND_FEATURES]);
    // Independent standardisation (population SD) and count of correct answers.
    const z = (v: readonly number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
      return v.map((x) => (x - m) / sd);
    };
    const z1 = z(data.meanHu);
    for (const r of rows) {
      const z2 = r.id === 'meanHuOnly' ? z1.map(() => 0) : z(data.second[r.id]);
      let right = 0;
      z1.forEach((a, i) => {
        const says = r.line.w1 * a + r.line.w2 * z2[i]! + r.line.b > 0 ? 1 : 0;
        if (says === data.labels[i]) right++;
      });
      expect(r.confusion.accuracy, r.id).toBeCloseTo(right / data.count, 12);
      // Snapped to the sliders' 0.01 grid, like the Fit button.
      expect(Math.round(r.line.w1 * 100), r.id).toBeCloseTo(r.line.w1 * 100, 9);
    }
    expect(rows[0]!.line.w2).toBe(0);
    // The default second feature is the best of the three, and better than mean HU alone.
    const acc = Object.fromEntries(rows.map((r) => [r.id, r.confusion.accuracy]));
    expect(DEFAULT_SECOND_FEATURE).toBe('dotFilter');
    for (const id of ['meanHuOnly', 'edgeDensity', 'sdHu']) expect(acc.dotFilter).toBeGreaterThan(acc[id]!);
    // The table's row of a feature is what Fit gives on the plot.
    const pair = standardisePair(data.meanHu, data.second.dotFilter);
    expect(rows[1]!.line).toEqual(snappedFit(pair.rows, data.labels));
  });

  it('no straight line separates the classes in any feature pair (the text says the classes overlap)', () => {
    // Every direction (0.1° steps) and every threshold along it: the best line still errs.
    for (const id of SECOND_FEATURES) {
      const { rows } = standardisePair(data.meanHu, data.second[id]);
      let best = 0;
      for (let k = 0; k < 3600; k++) {
        const t = (k / 3600) * 2 * Math.PI;
        const s = rows.map((r, i) => [Math.cos(t) * r[0]! + Math.sin(t) * r[1]!, data.labels[i]!] as const);
        s.sort((a, b) => a[0] - b[0]);
        // Threshold after position j: below says 0, above says 1.
        let right = s.filter((p) => p[1] === 1).length;
        best = Math.max(best, right);
        for (const [, label] of s) {
          right += label === 0 ? 1 : -1;
          best = Math.max(best, right);
        }
      }
      expect(best, id).toBeLessThan(data.count);
    }
  });
});
