/** Binary radiology metrics on hand-worked cases (working in the comments) and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  argmaxRows,
  averagePrecision,
  bestThreshold,
  classScores,
  confusionAt,
  confusionMatrix,
  oneVsRest,
  precisionRecallCurve,
  subsampleToPrevalence,
  thresholdStats,
} from '../../../../src/core/training/binaryMetrics';
import { rocAuc } from '../../../../src/core/training/rocAuc';

describe('confusionAt and thresholdStats', () => {
  // Scores 0.9, 0.8, 0.8, 0.3 with labels 1, 1, 0, 0 (a tie across classes at 0.8).
  const scores = [0.9, 0.8, 0.8, 0.3];
  const labels = [1, 1, 0, 0];

  it('a score equal to the threshold is called positive', () => {
    // Threshold 0.8: calls 0.9, 0.8, 0.8 positive → TP 2 (0.9, 0.8), FP 1 (the negative 0.8), TN 1, FN 0.
    expect(confusionAt(scores, labels, 0.8)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
    // Just above 0.8: only 0.9 positive → TP 1, FP 0, TN 2, FN 1.
    expect(confusionAt(scores, labels, 0.8000001)).toEqual({ tp: 1, fp: 0, tn: 2, fn: 1 });
    // Float32 scores against a threshold read from the same array tie exactly.
    const f32 = new Float32Array([0.7, 0.7, 0.2]);
    expect(confusionAt(f32, [1, 0, 0], f32[0]!)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 0 });
  });

  it('stats from the counts at threshold 0.8', () => {
    // se = 2/2 = 1, sp = 1/2, PPV = 2/3, NPV = 1/1, F1 = 2·2/(2·2 + 1 + 0) = 0.8, acc = 3/4, p = 2/4.
    const s = thresholdStats(confusionAt(scores, labels, 0.8));
    expect(s.sensitivity).toBe(1);
    expect(s.specificity).toBe(0.5);
    expect(s.ppv).toBeCloseTo(2 / 3, 15);
    expect(s.npv).toBe(1);
    expect(s.f1).toBeCloseTo(0.8, 15);
    expect(s.accuracy).toBe(0.75);
    expect(s.prevalence).toBe(0.5);
  });

  it('F1 equals 2·PPV·se/(PPV+se) where PPV is defined', () => {
    // TP 1, FP 0, TN 2, FN 1: PPV 1, se 0.5 → F1 = 2·1·0.5/1.5 = 2/3 = 2·1/(2 + 0 + 1).
    const s = thresholdStats({ tp: 1, fp: 0, tn: 2, fn: 1 });
    expect(s.f1).toBeCloseTo((2 * s.ppv * s.sensitivity) / (s.ppv + s.sensitivity), 15);
    expect(s.f1).toBeCloseTo(2 / 3, 15);
  });

  it('0/0 ratios are NaN; nothing called positive gives F1 0, not NaN', () => {
    // TP 0, FP 0, TN 3, FN 2: PPV = 0/0, se = 0, sp = 1, NPV = 3/5, F1 = 0/(0 + 0 + 2) = 0.
    const s = thresholdStats({ tp: 0, fp: 0, tn: 3, fn: 2 });
    expect(s.ppv).toBeNaN();
    expect(s.sensitivity).toBe(0);
    expect(s.specificity).toBe(1);
    expect(s.npv).toBe(0.6);
    expect(s.f1).toBe(0);
    // No positives at all: sensitivity undefined.
    expect(thresholdStats({ tp: 0, fp: 1, tn: 3, fn: 0 }).sensitivity).toBeNaN();
    const empty = thresholdStats({ tp: 0, fp: 0, tn: 0, fn: 0 });
    for (const v of Object.values(empty)) expect(v).toBeNaN();
  });

  it('PPV and NPV at a changed prevalence (Bayes): se 0.9, sp 0.8, p 0.01', () => {
    // Counts with se 9/10 = 0.9 and sp 8/10 = 0.8.
    const c = { tp: 9, fn: 1, tn: 8, fp: 2 };
    // PPV = 0.9·0.01 / (0.9·0.01 + 0.2·0.99) = 0.009 / 0.207 = 0.0434782…
    // NPV = 0.8·0.99 / (0.8·0.99 + 0.1·0.01) = 0.792 / 0.793 = 0.9987389…
    // accuracy = 0.009 + 0.792 = 0.801; F1 = 2·0.009 / (2·0.009 + 0.198 + 0.001) = 0.018/0.217.
    const s = thresholdStats(c, 0.01);
    expect(s.ppv).toBeCloseTo(0.0434782608695652, 12);
    expect(s.npv).toBeCloseTo(0.9987389659520807, 12);
    expect(s.accuracy).toBeCloseTo(0.801, 12);
    expect(s.f1).toBeCloseTo(0.018 / 0.217, 12);
    expect(s.f1).toBeCloseTo((2 * s.ppv * 0.9) / (s.ppv + 0.9), 12);
    expect(s.sensitivity).toBe(0.9);
    expect(s.specificity).toBe(0.8);
    expect(s.prevalence).toBe(0.01);
    // From the counts (sample prevalence 10/20): PPV 9/11, NPV 8/9, accuracy 17/20, F1 18/21.
    const own = thresholdStats(c);
    expect(own.ppv).toBeCloseTo(9 / 11, 15);
    expect(own.npv).toBeCloseTo(8 / 9, 15);
    expect(own.accuracy).toBeCloseTo(17 / 20, 15);
    expect(own.f1).toBeCloseTo(18 / 21, 15);
    // Bayes at the sample's own prevalence 0.5 gives back the counts' values.
    const half = thresholdStats(c, 0.5);
    expect(half.ppv).toBeCloseTo(own.ppv, 12);
    expect(half.npv).toBeCloseTo(own.npv, 12);
    expect(half.accuracy).toBeCloseTo(own.accuracy, 12);
    expect(() => thresholdStats(c, 1.5)).toThrow(RangeError);
  });

  it('rejects labels other than 0/1 and mismatched lengths', () => {
    expect(() => confusionAt([0.1, 0.2], [0, 2], 0.5)).toThrow(RangeError);
    expect(() => confusionAt([0.1], [0, 1], 0.5)).toThrow(RangeError);
  });
});

describe('precisionRecallCurve and averagePrecision', () => {
  it('tied scores move together: [0.9, 0.8, 0.8, 0.3] with labels [1, 1, 0, 0]', () => {
    // t = 0.9: TP 1, FP 0 → R 1/2, P 1; t = 0.8: TP 2, FP 1 → R 1, P 2/3; t = 0.3: TP 2, FP 2 → R 1, P 1/2.
    const curve = precisionRecallCurve([0.9, 0.8, 0.8, 0.3], [1, 1, 0, 0]);
    expect(curve.map((p) => p.threshold)).toEqual([0.9, 0.8, 0.3]);
    expect(curve.map((p) => p.recall)).toEqual([0.5, 1, 1]);
    expect(curve[0]!.precision).toBe(1);
    expect(curve[1]!.precision).toBeCloseTo(2 / 3, 15);
    expect(curve[2]!.precision).toBe(0.5);
    // AP = (0.5 − 0)·1 + (1 − 0.5)·2/3 + (1 − 1)·1/2 = 0.5 + 1/3 = 5/6 (scikit-learn gives 0.8333…).
    expect(averagePrecision([0.9, 0.8, 0.8, 0.3], [1, 1, 0, 0])).toBeCloseTo(5 / 6, 15);
  });

  it('perfect classifier: AUC 1, AP 1, F1 1 at the best threshold', () => {
    const scores = [0.1, 0.4, 0.6, 0.9];
    const labels = [0, 0, 1, 1];
    expect(rocAuc(scores, labels)).toBe(1);
    expect(averagePrecision(scores, labels)).toBe(1);
    // J: t 0.9 → 0.5 − 0; t 0.6 → 1 − 0 = 1 (max); t 0.4 → 1 − 0.5; t 0.1 → 0.
    const best = bestThreshold(scores, labels);
    expect(best.threshold).toBe(0.6);
    expect(best.stats.f1).toBe(1);
    expect(best.stats.sensitivity).toBe(1);
    expect(best.stats.specificity).toBe(1);
  });

  it('inverted classifier: AUC 0, AP 5/12, F1 0 at 0.5', () => {
    const scores = [0.1, 0.4, 0.6, 0.9];
    const labels = [1, 1, 0, 0];
    expect(rocAuc(scores, labels)).toBe(0);
    // t 0.9: R 0, P 0/1; t 0.6: R 0, P 0/2; t 0.4: R 1/2, P 1/3; t 0.1: R 1, P 2/4.
    // AP = 0 + 0 + (1/2)(1/3) + (1/2)(1/2) = 1/6 + 1/4 = 5/12.
    expect(averagePrecision(scores, labels)).toBeCloseTo(5 / 12, 15);
    // t 0.5: calls 0.6, 0.9 (both negatives) → TP 0, FP 2, TN 0, FN 2: F1 = 0/(0 + 2 + 2) = 0.
    const s = thresholdStats(confusionAt(scores, labels, 0.5));
    expect(s.f1).toBe(0);
    expect(s.ppv).toBe(0);
    expect(s.accuracy).toBe(0);
    // Best J here is 0 (no threshold beats chance): the lowest score, everything positive.
    expect(bestThreshold(scores, labels).threshold).toBe(0.1);
  });

  it('one class only: empty curve, NaN AP, NaN threshold', () => {
    expect(precisionRecallCurve([0.2, 0.7], [1, 1])).toEqual([]);
    expect(averagePrecision([0.2, 0.7], [0, 0])).toBeNaN();
    expect(averagePrecision([], [])).toBeNaN();
    const best = bestThreshold([0.2, 0.7], [1, 1]);
    expect(best.threshold).toBeNaN();
    expect(best.stats.sensitivity).toBeNaN();
  });

  it('ties in J go to the higher threshold', () => {
    // [0.9, 0.8, 0.8, 0.3] / [1, 1, 0, 0]: J(0.9) = 0.5 − 0 = 0.5, J(0.8) = 1 − 0.5 = 0.5 → 0.9.
    const best = bestThreshold([0.9, 0.8, 0.8, 0.3], [1, 1, 0, 0]);
    expect(best.threshold).toBe(0.9);
    expect(best.stats.sensitivity).toBe(0.5);
    expect(best.stats.specificity).toBe(1);
  });

  const binarySet = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1 })), {
      minLength: 2,
      maxLength: 40,
    })
    .filter((pairs) => pairs.some((p) => p[1] === 1) && pairs.some((p) => p[1] === 0));

  it('property: AP lies in 0…1, the curve ends at recall 1 with precision = prevalence', () => {
    fc.assert(
      fc.property(binarySet, (pairs) => {
        const scores = pairs.map((p) => p[0] / 6);
        const labels = pairs.map((p) => p[1]);
        const ap = averagePrecision(scores, labels);
        expect(ap).toBeGreaterThanOrEqual(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
        const last = precisionRecallCurve(scores, labels).at(-1)!;
        expect(last.recall).toBe(1);
        expect(last.precision).toBeCloseTo(labels.filter((l) => l === 1).length / labels.length, 12);
      }),
    );
  });

  it('property: without ties AP is the mean precision at each positive’s rank', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 30, maxLength: 30 }),
        (raw, bits) => {
          const scores = raw.map((s) => s / 1000);
          const labels = scores.map((_, i) => bits[i]!);
          if (!labels.includes(0) || !labels.includes(1)) return;
          // Independent: rank by score, precision@k at each positive, averaged over positives.
          const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
          let tp = 0;
          let sum = 0;
          order.forEach((i, k) => {
            if (labels[i] === 1) {
              tp++;
              sum += tp / (k + 1);
            }
          });
          expect(averagePrecision(scores, labels)).toBeCloseTo(sum / tp, 12);
        },
      ),
    );
  });

  it('property: counts sum to n and the rates match a direct count', () => {
    fc.assert(
      fc.property(binarySet, fc.integer({ min: 0, max: 7 }), (pairs, t) => {
        const scores = pairs.map((p) => p[0]);
        const labels = pairs.map((p) => p[1]);
        const c = confusionAt(scores, labels, t);
        expect(c.tp + c.fp + c.tn + c.fn).toBe(pairs.length);
        expect(c.tp).toBe(pairs.filter((p) => p[1] === 1 && p[0] >= t).length);
        expect(c.fp).toBe(pairs.filter((p) => p[1] === 0 && p[0] >= t).length);
      }),
    );
  });

  it('property: PPV rises and NPV falls with prevalence', () => {
    const counts = fc.record({
      tp: fc.integer({ min: 1, max: 50 }),
      fp: fc.integer({ min: 1, max: 50 }),
      tn: fc.integer({ min: 1, max: 50 }),
      fn: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(
        counts,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = thresholdStats(c, lo);
          const sHi = thresholdStats(c, hi);
          expect(sHi.ppv).toBeGreaterThanOrEqual(sLo.ppv - 1e-12);
          expect(sHi.npv).toBeLessThanOrEqual(sLo.npv + 1e-12);
        },
      ),
    );
  });
});

describe('multi-class helpers', () => {
  it('confusionMatrix: rows are the truth, columns the prediction', () => {
    // (true, predicted): (0,0) (1,1) (1,2) (2,2) (0,1).
    expect(confusionMatrix([0, 1, 2, 2, 1], [0, 1, 1, 2, 0], 3)).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(() => confusionMatrix([3], [0], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow(RangeError);
  });

  it('property: the matrix sums to n and its rows to the class sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 50 }),
        (pairs) => {
          const m = confusionMatrix(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            4,
          );
          expect(m.flat().reduce((a, b) => a + b, 0)).toBe(pairs.length);
          m.forEach((row, t) =>
            expect(row.reduce((a, b) => a + b, 0)).toBe(pairs.filter((p) => p[1] === t).length),
          );
        },
      ),
    );
  });

  it('argmaxRows takes the first maximum; classScores and oneVsRest pick one class', () => {
    const probabilities = new Float32Array([0.2, 0.5, 0.3, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8]);
    expect(Array.from(argmaxRows(probabilities, 3))).toEqual([1, 0, 2]);
    expect(Array.from(classScores(probabilities, 3, 2))).toEqual([0.3, 0.2, 0.8].map(Math.fround));
    expect(Array.from(oneVsRest([0, 2, 1, 2], 2))).toEqual([0, 1, 0, 1]);
    expect(() => argmaxRows(new Float32Array(4), 3)).toThrow(RangeError);
    expect(() => classScores(probabilities, 3, 3)).toThrow(RangeError);
  });
});

describe('subsampleToPrevalence', () => {
  // 10 positives (indices 0…9) and 90 negatives.
  const labels = Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0));
  const positives = (idx: Int32Array): number => Array.from(idx).filter((i) => labels[i] === 1).length;

  it('hand-worked sizes', () => {
    // p 0.2: all 10 positives need 10·0.8/0.2 = 40 negatives (≤ 90) → 50 items, share exactly 0.2.
    const a = subsampleToPrevalence(labels, 0.2, 1);
    expect(a.length).toBe(50);
    expect(positives(a)).toBe(10);
    // p 0.5: 10 positives + 10 negatives.
    expect(subsampleToPrevalence(labels, 0.5, 1).length).toBe(20);
    // p 0.1 is the data's own share: everything.
    expect(subsampleToPrevalence(labels, 0.1, 1).length).toBe(100);
    // p 0.01: 10 positives would need 990 negatives; keep the 90 and round(90·0.01/0.99) = round(0.909) = 1 positive.
    const d = subsampleToPrevalence(labels, 0.01, 1);
    expect(d.length).toBe(91);
    expect(positives(d)).toBe(1);
    // p 0 and p 1: one class only.
    expect(subsampleToPrevalence(labels, 0, 1).length).toBe(90);
    expect(subsampleToPrevalence(labels, 1, 1).length).toBe(10);
    // p 0.001: round(90·0.001/0.999) = 0 positives → the share cannot be met → empty.
    expect(subsampleToPrevalence(labels, 0.001, 1).length).toBe(0);
    expect(() => subsampleToPrevalence(labels, -0.1, 1)).toThrow(RangeError);
  });

  it('seeded: same seed same subset, another seed another; sorted and unique', () => {
    const a = subsampleToPrevalence(labels, 0.5, 7);
    expect(Array.from(subsampleToPrevalence(labels, 0.5, 7))).toEqual(Array.from(a));
    expect(Array.from(subsampleToPrevalence(labels, 0.5, 8))).not.toEqual(Array.from(a));
    expect(Array.from(a)).toEqual(Array.from(new Set(a)).sort((x, y) => x - y));
  });

  it('property: the share is p to the nearest item and one class is kept whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer(),
        (ls, percent, seed) => {
          const p = percent / 100;
          const idx = subsampleToPrevalence(ls, p, seed);
          const pos = Array.from(idx).filter((i) => ls[i] === 1).length;
          const neg = idx.length - pos;
          if (idx.length === 0) return;
          expect(Math.abs(pos - p * idx.length)).toBeLessThanOrEqual(0.5 + 1e-9);
          const allPos = ls.filter((l) => l === 1).length;
          expect(pos === allPos || neg === ls.length - allPos).toBe(true);
          expect(new Set(idx).size).toBe(idx.length);
        },
      ),
    );
  });

  it('property: p = a/(a+b) with enough data is met exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 8 }),
        (a, b, k) => {
          // k·a positives and k·b + 3 negatives: all positives kept with exactly k·b negatives.
          const ls = [...new Array<number>(k * a).fill(1), ...new Array<number>(k * b + 3).fill(0)];
          const idx = subsampleToPrevalence(ls, a / (a + b), 3);
          const pos = Array.from(idx).filter((i) => ls[i] === 1).length;
          expect(pos).toBe(k * a);
          expect(idx.length).toBe(k * (a + b));
        },
      ),
    );
  });
});
