import { describe, expect, it } from 'vitest';
import { centralRegion, copyRegion } from '../../../src/lessons/shared/centralRegion';

const slice = (width: number, height: number) => ({
  width,
  height,
  values: Float32Array.from({ length: width * height }, (_, i) => i),
  intensity: Float32Array.from({ length: width * height }, (_, i) => -i),
  unit: 'HU',
});

describe('copyRegion', () => {
  it('copies the rows of a region at its top-left corner', () => {
    // A 4 × 3 map holding 10·row + column: the 2 × 2 region at (1, 1).
    const map = [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23];
    expect([...copyRegion(map, 4, 1, 1, 2, 2)]).toEqual([11, 12, 21, 22]);
    expect([...copyRegion(map, 4, 0, 0, 4, 1)]).toEqual([0, 1, 2, 3]);
  });
});

describe('centralRegion', () => {
  it('keeps a slice that fits, as it is', () => {
    const s = slice(4, 3);
    const r = centralRegion(s, 4);
    expect(r.cropped).toBe(false);
    expect(r.values).toBe(s.values);
    expect(r.unit).toBe('HU');
  });

  it('cuts the central region of a larger one, both arrays alike', () => {
    // 6 × 5 → 3 × 3: columns 1…3 (⌊(6 − 3)/2⌋ = 1), rows 1…3 (⌊(5 − 3)/2⌋ = 1).
    const r = centralRegion(slice(6, 5), 3);
    expect([r.width, r.height, r.cropped]).toEqual([3, 3, true]);
    expect([...r.values]).toEqual([7, 8, 9, 13, 14, 15, 19, 20, 21]);
    expect([...r.intensity]).toEqual([-7, -8, -9, -13, -14, -15, -19, -20, -21].map((v) => v + 0));
    // Only one side too long: the other is kept whole.
    const tall = centralRegion(slice(2, 10), 4);
    expect([tall.width, tall.height]).toEqual([2, 4]);
    expect([...tall.values]).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
  });
});
