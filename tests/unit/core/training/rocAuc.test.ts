import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracyAt, rocAuc, rocCurve } from '../../../../src/core/training/rocAuc';
import { pairwiseAuc } from '../../helpers/pairwiseAuc';

/** Trapezoidal area under a polyline of ROC points. */
function trapezoid(points: { fpr: number; tpr: number }[]): number {
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return area;
}

describe('rocAuc (Mann–Whitney)', () => {
  it('scores 0.9, 0.8, 0.7, 0.6 with labels 1, 0, 1, 0: 3 of 4 pairs ordered → 0.75', () => {
    expect(rocAuc([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBe(0.75);
  });

  it('ties count one half: positives 0.5, 0.5, negatives 0.5, 0.2 → (0.5 + 1 + 0.5 + 1) / 4 = 0.75', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0])).toBe(0.75);
  });

  it('all scores tied → 0.5; perfect ranking → 1; reversed → 0', () => {
    expect(rocAuc([3, 3, 3, 3, 3], [1, 0, 0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('one class only → NaN (the probability is undefined)', () => {
    expect(rocAuc([0.1, 0.7], [1, 1])).toBeNaN();
    expect(rocAuc([0.1, 0.7], [0, 0])).toBeNaN();
    expect(rocAuc([], [])).toBeNaN();
  });

  it('throws when scores and labels differ in length', () => {
    expect(() => rocAuc([1, 2], [1])).toThrow(RangeError);
  });

  it('equals the pairwise count and the trapezoidal ROC area on random data with ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 })), {
          minLength: 2,
          maxLength: 40,
        }),
        (pairs) => {
          const scores = pairs.map((p) => p[0] / 5);
          const labels = pairs.map((p) => p[1]);
          if (!labels.includes(0) || !labels.includes(1)) return;
          const auc = rocAuc(scores, labels);
          expect(auc).toBeCloseTo(pairwiseAuc(scores, labels), 12);
          expect(auc).toBeCloseTo(trapezoid(rocCurve(scores, labels)), 12);
        },
      ),
    );
  });
});

describe('rocCurve', () => {
  it('one point per distinct score, from (0, 0) to (1, 1)', () => {
    expect(rocCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 0, tpr: 0.5, threshold: 0.9 },
      { fpr: 0.5, tpr: 0.5, threshold: 0.8 },
      { fpr: 0.5, tpr: 1, threshold: 0.7 },
      { fpr: 1, tpr: 1, threshold: 0.6 },
    ]);
  });

  it('tied scores give one diagonal step', () => {
    expect(rocCurve([0.5, 0.5, 0.5, 0.2], [1, 0, 1, 0])).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 0.5, tpr: 1, threshold: 0.5 },
      { fpr: 1, tpr: 1, threshold: 0.2 },
    ]);
  });

  it('is empty with one class only', () => {
    expect(rocCurve([1, 2, 3], [0, 0, 0])).toEqual([]);
  });
});

describe('accuracyAt', () => {
  it('counts score ≥ threshold as class 1', () => {
    // predicted: 1, 1, 0, 0 (0.5 ≥ 0.5 is positive); right: yes, no, yes, no
    expect(accuracyAt([0.9, 0.5, 0.4, 0.1], [1, 0, 0, 1], 0.5)).toBe(0.5);
    // SVM margins at threshold 0: predicted 1, 0, 1 → all right
    expect(accuracyAt([2, -0.5, 0], [1, 0, 1], 0)).toBe(1);
  });

  it('is NaN for an empty set', () => {
    expect(accuracyAt([], [], 0.5)).toBeNaN();
  });
});
