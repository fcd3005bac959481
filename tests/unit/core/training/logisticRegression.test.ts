import { describe, expect, it } from 'vitest';
import {
  fitLogisticRegression,
  predictLogistic,
  sigmoid,
  solveLinearSystem,
} from '../../../../src/core/training/logisticRegression';

describe('logistic regression (Newton / IRLS)', () => {
  it('1-D, two groups, λ = 0: the fit reproduces the group frequencies (b = −ln 2, w = 2 ln 2)', () => {
    // x = 0: labels 0, 0, 1 → p = 1/3 → b = logit(1/3) = −ln 2;
    // x = 1: labels 0, 1, 1 → p = 2/3 → w + b = ln 2 → w = 2 ln 2.
    const rows = [[0], [0], [0], [1], [1], [1]];
    const labels = [0, 0, 1, 0, 1, 1];
    const m = fitLogisticRegression(rows, labels, { lambda: 0 });
    expect(m.bias).toBeCloseTo(-Math.LN2, 9);
    expect(m.weights[0]).toBeCloseTo(2 * Math.LN2, 9);
    const p = predictLogistic(m, [[0], [1]]);
    expect(p[0]).toBeCloseTo(1 / 3, 9);
    expect(p[1]).toBeCloseTo(2 / 3, 9);
  });

  it('1-D separable set {−1 → 0, +1 → 1} with λ = 0.25/ln 3: optimum w = ln 3, b = 0', () => {
    // J(w) = log(1 + e^−w) + (λ/2)w² (b = 0 by symmetry); J'(w) = −σ(−w) + λw = 0.
    // At w = ln 3, σ(−ln 3) = 1/(1 + 3) = 0.25, so λ = 0.25 / ln 3.
    const m = fitLogisticRegression([[-1], [1]], [0, 1], { lambda: 0.25 / Math.log(3) });
    expect(m.weights[0]).toBeCloseTo(Math.log(3), 9);
    expect(m.bias).toBeCloseTo(0, 9);
  });

  it('symmetric 2-D set: the boundary is the line x₁ = 0 (w₂ = 0, b = 0)', () => {
    const rows = [
      [1, 1],
      [1, -1],
      [2, 0],
      [-1, 1],
      [-1, -1],
      [-2, 0],
    ];
    const labels = [1, 1, 1, 0, 0, 0];
    const m = fitLogisticRegression(rows, labels, { lambda: 0.1 });
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBeCloseTo(0, 9);
    expect(m.bias).toBeCloseTo(0, 9);
  });

  it('agrees with plain gradient descent written here on a noisy 2-D set', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 40; i++) {
      const y = i % 2;
      const t = (i * 0.37) % 1;
      rows.push([y + Math.sin(i) * 0.9, t - 0.5 + y * 0.4]);
      labels.push(y);
    }
    const lambda = 0.05;
    // Reference: 20,000 full-batch gradient steps of size 0.5 on the same objective.
    let w = [0, 0];
    let b = 0;
    for (let it = 0; it < 20000; it++) {
      const g = [0, 0];
      let gb = 0;
      rows.forEach((x, i) => {
        const p = 1 / (1 + Math.exp(-(w[0]! * x[0]! + w[1]! * x[1]! + b)));
        const r = p - labels[i]!;
        g[0]! += r * x[0]!;
        g[1]! += r * x[1]!;
        gb += r;
      });
      w = [w[0]! - 0.5 * (g[0]! / 40 + lambda * w[0]!), w[1]! - 0.5 * (g[1]! / 40 + lambda * w[1]!)];
      b -= 0.5 * (gb / 40);
    }
    const m = fitLogisticRegression(rows, labels, { lambda });
    expect(m.weights[0]).toBeCloseTo(w[0]!, 6);
    expect(m.weights[1]).toBeCloseTo(w[1]!, 6);
    expect(m.bias).toBeCloseTo(b, 6);
  });

  it('sigmoid is stable at large |z|', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 15);
  });

  it('solveLinearSystem: 2x + y = 5, x + 3y = 10 → (1, 3), with pivoting', () => {
    const x = solveLinearSystem(
      [
        [0, 1],
        [2, 1],
      ],
      [3, 5],
    );
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(3, 12);
    const y = solveLinearSystem(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(y[0]).toBeCloseTo(1, 12);
    expect(y[1]).toBeCloseTo(3, 12);
  });
});
