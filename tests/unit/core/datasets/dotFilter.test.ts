import { describe, expect, it } from 'vitest';
import {
  dotFilterMap,
  dotResponse,
  maxDotResponse,
  symmetricEigenvalues,
} from '../../../../src/core/datasets/dotFilter';

describe('Hessian dot filter (Li, Sone, Doi 2003)', () => {
  it('eigenvalues of symmetric 2×2 matrices, smaller first', () => {
    expect(symmetricEigenvalues(2, 0, 5)).toEqual([2, 5]);
    expect(symmetricEigenvalues(1, 1, 1)).toEqual([0, 2]); // [[1,1],[1,1]]: trace 2, det 0
    expect(symmetricEigenvalues(-3, 0, -1)).toEqual([-3, -1]);
  });

  it('responds λ₂²/|λ₁| to bright blobs only', () => {
    expect(dotResponse(-3, 0, -1)).toBeCloseTo(1 / 3, 15); // blob-like: (−1)²/3
    expect(dotResponse(-2, 0, 0)).toBe(0); // a bright line: λ₂ = 0
    expect(dotResponse(3, 0, 1)).toBe(0); // a dark blob
    expect(dotResponse(-1, 2, -1)).toBe(0); // a saddle: eigenvalues −3 and 1
  });

  it('unsmoothed 3×3 images, worked by hand', () => {
    // bright pixel 4: Ixx = Iyy = −8, Ixy = 0 → 64/8 = 8
    expect([...dotFilterMap([0, 0, 0, 0, 4, 0, 0, 0, 0], 3, 3, 0)]).toEqual([8]);
    // vertical bright line: Ixx = −8, Iyy = 0 → 0
    expect([...dotFilterMap([0, 4, 0, 0, 4, 0, 0, 4, 0], 3, 3, 0)]).toEqual([0]);
  });

  it('at σ = 2, a disc of radius 4 px responds far more than a bar of the same width', () => {
    const size = 32;
    const disc = Float32Array.from({ length: size * size }, (_, i) =>
      Math.hypot((i % size) - 15.5, Math.floor(i / size) - 15.5) <= 4 ? 100 : 0,
    );
    const bar = Float32Array.from({ length: size * size }, (_, i) =>
      Math.abs((i % size) - 15.5) <= 4 ? 100 : 0,
    );
    const d = maxDotResponse(disc, size, size, 2);
    const b = maxDotResponse(bar, size, size, 2);
    expect(d).toBeGreaterThan(10);
    expect(b).toBeLessThan(0.1 * d);
  });

  it('refuses an image without interior', () => {
    expect(() => dotFilterMap([1, 2, 3, 4], 2, 2, 1)).toThrow(RangeError);
  });
});
