import { describe, expect, it } from 'vitest';
import { applyStandardizer, fitStandardizer } from '../../../../src/core/training/standardize';

describe('standardize', () => {
  it('learns means and population standard deviations; a constant column maps to 0', () => {
    // column 0: 1, 3 → mean 2, σ = √(((1−2)² + (3−2)²)/2) = 1; column 1: constant 5 → σ := 1
    const s = fitStandardizer([
      [1, 5],
      [3, 5],
    ]);
    expect(s).toEqual({ mean: [2, 5], std: [1, 1] });
    expect(
      applyStandardizer(s, [
        [1, 5],
        [3, 5],
        [6, 7],
      ]),
    ).toEqual([
      [-1, 0],
      [1, 0],
      [4, 2],
    ]);
  });

  it('uses σ = √(Σ(x−μ)²/n): 2, 4, 4, 4, 5, 5, 7, 9 → μ 5, σ 2', () => {
    const s = fitStandardizer([2, 4, 4, 4, 5, 5, 7, 9].map((v) => [v]));
    expect(s.mean[0]).toBe(5);
    expect(s.std[0]).toBe(2);
  });

  it('refuses an empty matrix', () => {
    expect(() => fitStandardizer([])).toThrow(RangeError);
  });
});
