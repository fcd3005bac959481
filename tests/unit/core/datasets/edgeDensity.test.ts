import { describe, expect, it } from 'vitest';
import {
  LAPLACIAN,
  SOBEL_X,
  correlate3x3,
  edgeDensity,
  sobelMagnitude,
} from '../../../../src/core/datasets/edgeDensity';

/** A 4×4 image whose columns are 0, 0, 100, 100: a vertical step edge of 100. */
const step = Float32Array.from({ length: 16 }, (_, i) => (i % 4 >= 2 ? 100 : 0));

/** A 5×5 image, 0 everywhere except 10 at the centre (2, 2). */
const dot = Float32Array.from({ length: 25 }, (_, i) => (i === 12 ? 10 : 0));

describe('Sobel edge density', () => {
  it('a step of 100 gives Gx = 100·(1 + 2 + 1) = 400 and Gy = 0 at each of the 2×2 interior pixels', () => {
    expect([...correlate3x3(step, 4, 4, SOBEL_X)]).toEqual([400, 400, 400, 400]);
    expect([...sobelMagnitude(step, 4, 4)]).toEqual([400, 400, 400, 400]);
    expect(edgeDensity(step, 4, 4, 399)).toBe(1);
    expect(edgeDensity(step, 4, 4, 400)).toBe(0); // strictly above the threshold
  });

  it('a single bright pixel: magnitude 0 at its centre, 20 beside it, 10√2 diagonally', () => {
    // Interior (input centres (1..3, 1..3)): the dot sits at the SE / S / SW … corner of the kernel.
    const m = [...sobelMagnitude(dot, 5, 5)];
    const d = 10 * Math.SQRT2;
    const expected = [d, 20, d, 20, 0, 20, d, 20, d];
    m.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    expect(edgeDensity(dot, 5, 5, 15)).toBe(4 / 9);
    expect(edgeDensity(dot, 5, 5, 10)).toBe(8 / 9);
  });

  it('the Laplacian of a single bright pixel: −4·10 at the centre, 10 at its 4 neighbours', () => {
    expect([...correlate3x3(dot, 5, 5, LAPLACIAN)]).toEqual([0, 10, 0, 10, -40, 10, 0, 10, 0]);
  });

  it('refuses an image without a 3×3 interior', () => {
    expect(() => edgeDensity(new Float32Array(4), 2, 2, 1)).toThrow(RangeError);
    expect(() => edgeDensity(new Float32Array(8), 3, 3, 1)).toThrow(RangeError);
  });
});
