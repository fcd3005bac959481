import { describe, expect, it } from 'vitest';
import { fitLinearSvm, predictSvm, svmObjective } from '../../../../src/core/training/linearSvm';

describe('linear SVM (Pegasos)', () => {
  it('1-D set {−2, −1 → 0; 1, 2 → 1}: optimum w = 1, b = 0 (margin points at ±1)', () => {
    // J(w) = (λ/2)w² + mean hinge; for w < 1 the hinge slope is −2/4 = −1/2 and λw < 1/2 when λ < 0.5,
    // so J decreases up to w = 1, where the hinge terms vanish and only (λ/2)w² grows.
    const m = fitLinearSvm([[-2], [-1], [1], [2]], [0, 0, 1, 1], { lambda: 0.01, iterations: 20000 });
    expect(m.weights[0]).toBeCloseTo(1, 1);
    expect(m.bias).toBeCloseTo(0, 1);
  });

  it('symmetric 2-D set (±1, ±1): the boundary is x₁ = 0, w ≈ (1, 0), b ≈ 0', () => {
    const rows = [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ];
    const labels = [1, 1, 0, 0];
    const m = fitLinearSvm(rows, labels, { lambda: 0.01, iterations: 20000 });
    expect(m.weights[0]).toBeCloseTo(1, 1);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(0.05);
    expect(Math.abs(m.bias)).toBeLessThan(0.05);
    expect(predictSvm(m, rows).map((s) => (s >= 0 ? 1 : 0))).toEqual(labels);
  });

  it('reaches the objective of a brute-force grid search on an overlapping 1-D set', () => {
    const xs = [-2, -1.5, -1, -0.2, 0.3, 0.1, 0.8, 1.2, 1.9, -0.6];
    const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const lambda = 0.1;
    // Reference: the objective written out here, minimised over a 0.005 grid of (w, b).
    const objective = (w: number, b: number) =>
      (lambda / 2) * w * w +
      xs.reduce((a, x, i) => a + Math.max(0, 1 - (labels[i] === 1 ? 1 : -1) * (w * x + b)), 0) / xs.length;
    let best = Infinity;
    for (let w = 0; w <= 4; w += 0.005)
      for (let b = -2; b <= 2; b += 0.005) best = Math.min(best, objective(w, b));
    const m = fitLinearSvm(
      xs.map((x) => [x]),
      labels,
      { lambda, iterations: 40000, batchSize: 10 },
    );
    const got = objective(m.weights[0]!, m.bias);
    expect(got).toBeLessThan(best + 0.01);
    expect(
      svmObjective(
        m,
        xs.map((x) => [x]),
        labels,
        lambda,
      ),
    ).toBeCloseTo(got, 12);
  });

  it('is deterministic for a seed and refuses λ ≤ 0', () => {
    const rows = [[0], [1], [2], [3]];
    const a = fitLinearSvm(rows, [0, 0, 1, 1], { seed: 7, iterations: 300 });
    const b = fitLinearSvm(rows, [0, 0, 1, 1], { seed: 7, iterations: 300 });
    expect(a).toEqual(b);
    expect(() => fitLinearSvm(rows, [0, 0, 1, 1], { lambda: 0 })).toThrow(RangeError);
  });
});
