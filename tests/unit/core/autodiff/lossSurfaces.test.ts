/** The loss surfaces: values and gradients from the graph against their closed forms. */
import { describe, expect, it } from 'vitest';
import {
  BOWL_ANGLE,
  graphEvaluator,
  insideRegion,
  largestCurvature,
  quadraticBowl,
  rosenbrockSurface,
  saddleSurface,
  sampleSurface,
} from '../../../../src/core/autodiff/lossSurfaces';

const points = [
  [0.3, -1.2],
  [-1.5, 0.8],
  [1, 1],
  [2.2, 0.1],
];

describe('loss surfaces', () => {
  it('rosenbrock: f and ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²))', () => {
    const ev = rosenbrockSurface().evaluator();
    for (const [x, y] of points as [number, number][]) {
      expect(ev.f([x, y])).toBeCloseTo((1 - x) ** 2 + 100 * (y - x * x) ** 2, 10);
      const g = ev.grad([x, y]);
      expect(g[0]).toBeCloseTo(-2 * (1 - x) - 400 * x * (y - x * x), 9);
      expect(g[1]).toBeCloseTo(200 * (y - x * x), 9);
    }
    // Hessian at (1, 1) = [[802, −400], [−400, 200]]: λ_max = 501 + √(301² + 400²).
    expect(largestCurvature(ev, [1, 1])).toBeCloseTo(501 + Math.hypot(301, 400), 3);
  });

  it('bowl: f = ½(u²/κ + v²) in axes rotated by 30°; curvatures 1/κ and 1', () => {
    for (const kappa of [1, 10, 50]) {
      const ev = quadraticBowl(kappa).evaluator();
      const c = Math.cos(BOWL_ANGLE);
      const s = Math.sin(BOWL_ANGLE);
      for (const [x, y] of points as [number, number][]) {
        const u = c * x + s * y;
        const v = -s * x + c * y;
        expect(ev.f([x, y])).toBeCloseTo(0.5 * ((u * u) / kappa + v * v), 12);
        const g = ev.grad([x, y]);
        expect(g[0]).toBeCloseTo((u / kappa) * c - v * s, 12);
        expect(g[1]).toBeCloseTo((u / kappa) * s + v * c, 12);
      }
      expect(largestCurvature(ev, [0.4, -0.7])).toBeCloseTo(1, 6);
      // Along the u axis the curvature is 1/κ: f(t·(cos, sin)) = t²/(2κ).
      expect(ev.f([2 * c, 2 * s])).toBeCloseTo(2 / kappa, 12);
    }
    expect(() => quadraticBowl(0.5)).toThrow(RangeError);
  });

  it('saddle: zero gradient at the saddle and at the minima (0, ±1), where f = −¼', () => {
    const surface = saddleSurface();
    const ev = surface.evaluator();
    for (const p of [[0, 0], ...surface.minima]) expect(ev.grad(p as number[]).map(Math.abs)).toEqual([0, 0]);
    expect(ev.f([0, 1])).toBe(-0.25);
    expect(ev.f([0.5, 2])).toBeCloseTo(0.125 + 4 - 2, 14);
    expect(ev.grad([0.5, 2])).toEqual([0.5, 8 - 2]);
  });

  it('sampleSurface: row 0 is y_min, the last sample is (x_max, y_max)', () => {
    const ev = graphEvaluator((g, x, y) => g.add(x, g.mul(g.constant(10), y)));
    const grid = sampleSurface(ev, { x: [0, 1], y: [-1, 1] }, 3, 5);
    expect(Array.from(grid.values)).toEqual([
      -10, -9.5, -9, -5, -4.5, -4, 0, 0.5, 1, 5, 5.5, 6, 10, 10.5, 11,
    ]);
  });

  it('insideRegion enlarges the domain by a margin', () => {
    const inside = insideRegion({ x: [0, 2], y: [0, 1] }, 0.5);
    expect(inside([-1, -0.5])).toBe(true);
    expect(inside([3, 1.5])).toBe(true);
    expect(inside([3.01, 0])).toBe(false);
    expect(inside([0, -0.51])).toBe(false);
  });
});
