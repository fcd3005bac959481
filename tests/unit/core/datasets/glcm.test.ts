import { describe, expect, it } from 'vitest';
import {
  LESSON_GLCM_QUANTISATION,
  glcm,
  glcmContrast,
  glcmHomogeneity,
  quantise,
} from '../../../../src/core/datasets/glcm';

const q4 = { levels: 4, low: 0, high: 4 }; // level = ⌊v⌋, clamped to 0…3

describe('GLCM', () => {
  it('quantises with clamping: ⌊(v − low)/(high − low)·levels⌋', () => {
    expect([-5, 0, 0.99, 1, 3.5, 4, 10].map((v) => quantise(v, q4))).toEqual([0, 0, 0, 1, 3, 3, 3]);
    // Lesson quantisation: 8 levels of 150 HU from −1000: −1000 → 0, −851 → 0, −850 → 1, 0 → 6, 200 → 7.
    expect([-1000, -851, -850, 0, 200].map((v) => quantise(v, LESSON_GLCM_QUANTISATION))).toEqual([
      0, 0, 1, 6, 7,
    ]);
  });

  it('rows [0 0 1; 2 3 3] at offset (0, 1): P(0,0) = P(3,3) = 2/8, P(0,1) = P(1,0) = P(2,3) = P(3,2) = 1/8', () => {
    const p = glcm([0, 0, 1, 2, 3, 3], 3, 2, q4);
    const expected = new Float64Array(16);
    expected[0 * 4 + 0] = 2 / 8;
    expected[3 * 4 + 3] = 2 / 8;
    expected[0 * 4 + 1] = 1 / 8;
    expected[1 * 4 + 0] = 1 / 8;
    expected[2 * 4 + 3] = 1 / 8;
    expected[3 * 4 + 2] = 1 / 8;
    expect([...p]).toEqual([...expected]);
    // contrast = 4 · (1/8) · 1² = 0.5; homogeneity = 4/8 + 4 · (1/8) / 2 = 0.75
    expect(glcmContrast(p, 4)).toBeCloseTo(0.5, 15);
    expect(glcmHomogeneity(p, 4)).toBeCloseTo(0.75, 15);
  });

  it('a vertical offset (1, 0) pairs each pixel with the one below', () => {
    // columns: (0,2), (0,3), (1,3) → level pairs (0,2), (0,3), (1,3): contrast = (4 + 9 + 4)·2/6
    const p = glcm([0, 0, 1, 2, 3, 3], 3, 2, q4, { dy: 1, dx: 0 });
    expect(glcmContrast(p, 4)).toBeCloseTo(17 / 3, 12);
  });

  it('a constant image: contrast 0, homogeneity 1', () => {
    const p = glcm(new Float32Array(9).fill(2.5), 3, 3, q4);
    expect(glcmContrast(p, 4)).toBe(0);
    expect(glcmHomogeneity(p, 4)).toBe(1);
  });
});
