/** Finite differences worked by hand on f(x) = x³ at x = 2 (f′ = 12). */
import { describe, expect, it } from 'vitest';
import { Graph } from '../../../../src/core/autodiff/Graph';
import {
  finiteDifference,
  gradientCheckSweep,
  relativeDifference,
} from '../../../../src/core/autodiff/gradientCheck';

function cube() {
  const g = new Graph();
  const x = g.param(2);
  const y = g.pow(x, 3);
  return { g, x, y };
}

describe('gradient check', () => {
  it('central difference of x³ is 3x² + ε² exactly; forward difference is 3x² + 3xε + ε²', () => {
    const { g, x, y } = cube();
    const fd = finiteDifference(g, y, x, 1e-3);
    expect(fd.plus).toBeCloseTo(2.001 ** 3, 12);
    expect(fd.minus).toBeCloseTo(1.999 ** 3, 12);
    expect(fd.base).toBe(8);
    expect(fd.central).toBeCloseTo(12 + 1e-6, 9);
    expect(fd.forward).toBeCloseTo(12 + 6e-3 + 1e-6, 9);
    // The leaf and the output are restored.
    expect(g.value(x)).toBe(2);
    expect(g.value(y)).toBe(8);
  });

  it('a sweep over ε: the central error shrinks like ε², the forward error like ε', () => {
    const { g, x, y } = cube();
    const rows = gradientCheckSweep(g, y, x, [-1, -2, -3]);
    expect(rows.map((r) => r.backprop)).toEqual([12, 12, 12]);
    rows.forEach((r, i) => {
      const eps = 10 ** -(i + 1);
      expect(r.eps).toBeCloseTo(eps, 15);
      expect(r.centralError).toBeCloseTo(eps ** 2 / (12 + eps ** 2), 9);
      expect(r.forwardError).toBeCloseTo((6 * eps + eps ** 2) / (12 + 6 * eps + eps ** 2), 9);
    });
  });

  it('round-off takes over for tiny ε', () => {
    const { g, x, y } = cube();
    const [tiny] = gradientCheckSweep(g, y, x, [-13]);
    expect(tiny!.centralError).toBeGreaterThan(1e-6);
  });

  it('relativeDifference', () => {
    expect(relativeDifference(1, 1)).toBe(0);
    expect(relativeDifference(0, 0)).toBe(0);
    expect(relativeDifference(2, 1)).toBe(0.5);
    expect(relativeDifference(-1, 1)).toBe(2);
    expect(() => finiteDifference(cube().g, 1, 0, 0)).toThrow(RangeError);
  });
});
