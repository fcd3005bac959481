/**
 * The optimizers against first steps worked by hand on f(x) = x₀² + 4x₁² (∇f = [2x₀, 8x₁]) from
 * x = (1, −1), η = 0.1, μ = 0.9, written out with the update rules of the cited papers.
 */
import { describe, expect, it } from 'vitest';
import {
  adamStep,
  initialState,
  momentumStep,
  nesterovStep,
  OPTIMIZER_IDS,
  rmspropStep,
  runOptimizer,
  sgdStep,
} from '../../../../src/core/autodiff/optimizers2d';

const grad = (x: readonly number[]): number[] => [2 * (x[0] ?? 0), 8 * (x[1] ?? 0)];
const h = { lr: 0.1, momentum: 0.9 };
const x0 = [1, -1];

function expectVec(actual: readonly number[], expected: readonly number[], digits = 12): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

describe('optimizer steps, by hand', () => {
  it('SGD: θ₁ = θ₀ − η g = (1 − 0.2, −1 + 0.8)', () => {
    const s1 = sgdStep(initialState(x0), grad, h);
    expectVec(s1.x, [0.8, -0.2]);
    expect(s1.t).toBe(1);
  });

  it('momentum: v₁ = (−0.2, 0.8), θ₁ = (0.8, −0.2); v₂ = 0.9 v₁ − 0.1 g(θ₁) = (−0.34, 0.88), θ₂ = (0.46, 0.68)', () => {
    const s1 = momentumStep(initialState(x0), grad, h);
    expectVec(s1.v, [-0.2, 0.8]);
    expectVec(s1.x, [0.8, -0.2]);
    const s2 = momentumStep(s1, grad, h);
    expectVec(s2.v, [-0.34, 0.88]);
    expectVec(s2.x, [0.46, 0.68]);
  });

  it('Nesterov: the second gradient is taken at θ₁ + μv₁ = (0.62, 0.52): v₂ = (−0.304, 0.304), θ₂ = (0.496, 0.104)', () => {
    const s1 = nesterovStep(initialState(x0), grad, h);
    expectVec(s1.x, [0.8, -0.2]);
    const s2 = nesterovStep(s1, grad, h);
    expectVec(s2.v, [-0.18 - 0.1 * 1.24, 0.72 - 0.1 * 4.16]);
    expectVec(s2.x, [0.496, 0.104]);
  });

  it('RMSProp: s₁ = 0.1 g² = (0.4, 6.4); each coordinate moves η/√0.1 against its gradient', () => {
    const s1 = rmspropStep(initialState(x0), grad, h);
    expectVec(s1.s, [0.4, 6.4]);
    const step = 0.1 / Math.sqrt(0.1);
    expectVec(s1.x, [1 - step, -1 + step], 7);
  });

  it('Adam: the first step is η·sign(g); the second follows Algorithm 1 with bias correction', () => {
    const s1 = adamStep(initialState(x0), grad, h);
    expectVec(s1.x, [0.9, -0.9], 7);
    expectVec(s1.v, [0.2, -0.8]);
    expectVec(s1.s, [0.004, 0.064]);
    const s2 = adamStep(s1, grad, h);
    // g(θ₁) ≈ (1.8, −7.2); θ₁ is 0.9 only up to ε, so take the exact gradient there.
    const [g0, g1] = grad(s1.x) as [number, number];
    const m = [0.9 * 0.2 + 0.1 * g0, 0.9 * -0.8 + 0.1 * g1];
    const v = [0.999 * 0.004 + 0.001 * g0 ** 2, 0.999 * 0.064 + 0.001 * g1 ** 2];
    const mHat = m.map((x) => x / (1 - 0.9 ** 2));
    const vHat = v.map((x) => x / (1 - 0.999 ** 2));
    expectVec(s2.v, m);
    expectVec(s2.s, v);
    const x1 = s1.x as [number, number];
    expectVec(s2.x, [
      x1[0] - (0.1 * mHat[0]!) / (Math.sqrt(vHat[0]!) + 1e-8),
      x1[1] - (0.1 * mHat[1]!) / (Math.sqrt(vHat[1]!) + 1e-8),
    ]);
    expect(s2.t).toBe(2);
  });

  it('with μ = 0, momentum and Nesterov are plain SGD', () => {
    let a = initialState(x0);
    let b = initialState(x0);
    let c = initialState(x0);
    for (let k = 0; k < 5; k++) {
      a = sgdStep(a, grad, { lr: 0.1, momentum: 0 });
      b = momentumStep(b, grad, { lr: 0.1, momentum: 0 });
      c = nesterovStep(c, grad, { lr: 0.1, momentum: 0 });
    }
    expectVec(b.x, a.x, 14);
    expectVec(c.x, a.x, 14);
  });
});

describe('runOptimizer', () => {
  const f = (x: readonly number[]): number => (x[0] ?? 0) ** 2 + 4 * (x[1] ?? 0) ** 2;
  const inBox = (x: readonly number[]): boolean => x.every((v) => Math.abs(v) <= 10);

  it('every optimizer descends on the bowl from the same start', () => {
    for (const id of OPTIMIZER_IDS) {
      const run = runOptimizer(id, f, grad, x0, { lr: 0.05, momentum: 0.5 }, 200, inBox);
      expect(run.status).toBe('ok');
      expect(run.path).toHaveLength(201);
      expect(run.path[0]).toEqual(x0);
      expect(run.losses[200]!).toBeLessThan(1e-2 * run.losses[0]!);
    }
  });

  it('SGD diverges when η exceeds 2/λ_max (λ_max = 8 here): it stops at the first point outside', () => {
    const run = runOptimizer('sgd', f, grad, x0, { lr: 0.3, momentum: 0 }, 100, inBox);
    expect(run.status).toBe('diverged');
    // |1 − 0.3·8| = 1.4 per step along x₁: |x₁| = 1.4ᵏ passes 10 at k = 7.
    expect(run.path).toHaveLength(8);
    expect(run.losses[run.losses.length - 1]!).toBeGreaterThan(run.losses[0]!);
  });

  it('a descent that runs off the region is "escaped", not "diverged"', () => {
    const down = (x: readonly number[]): number => -(x[0] ?? 0);
    const run = runOptimizer('sgd', down, () => [-1, 0], [0, 0], { lr: 1, momentum: 0 }, 100, inBox);
    expect(run.status).toBe('escaped');
    expect(run.path).toHaveLength(12);
  });
});
