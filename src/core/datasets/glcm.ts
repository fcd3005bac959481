/**
 * Grey-level co-occurrence matrix (GLCM) texture measures (Haralick RM, Shanmugam K, Dinstein I.
 * Textural features for image classification. IEEE Trans Syst Man Cybern 1973;SMC-3:610–621).
 * Values are first quantised to `levels` grey levels over a fixed window; `P(i, j)` counts pairs
 * (pixel, neighbour at the offset) with levels (i, j), made symmetric by adding the transpose, and
 * normalised to sum to 1. Contrast and homogeneity follow scikit-image's `graycoprops`:
 *   contrast = Σ P(i,j)(i − j)²,   homogeneity = Σ P(i,j) / (1 + (i − j)²).
 */

/** How values become grey levels: `clamp(⌊(v − low)/(high − low) · levels⌋, 0, levels − 1)`. */
export interface Quantisation {
  /** Number of grey levels, ≥ 2. */
  levels: number;
  /** Lower end of the window (maps to level 0). */
  low: number;
  /** Upper end of the window (values ≥ high map to the top level). */
  high: number;
}

/** The quantisation the lesson uses: 8 levels over the lung-to-soft-tissue window −1000…200 HU (150 HU each). */
export const LESSON_GLCM_QUANTISATION: Quantisation = { levels: 8, low: -1000, high: 200 };

/** The grey level of one value under `q`. */
export function quantise(value: number, q: Quantisation): number {
  const level = Math.floor(((value - q.low) / (q.high - q.low)) * q.levels);
  return Math.min(q.levels - 1, Math.max(0, level));
}

/**
 * The normalised symmetric GLCM for the offset (dy, dx) = (0, 1) by default (each pixel and its
 * right-hand neighbour), as a `levels × levels` row-major array.
 */
export function glcm(
  image: ArrayLike<number>,
  width: number,
  height: number,
  q: Quantisation,
  offset: { dy: number; dx: number } = { dy: 0, dx: 1 },
): Float64Array {
  if (image.length !== width * height) throw new RangeError('image size does not match width × height');
  const L = q.levels;
  const m = new Float64Array(L * L);
  let pairs = 0;
  for (let y = 0; y < height; y++) {
    const y2 = y + offset.dy;
    if (y2 < 0 || y2 >= height) continue;
    for (let x = 0; x < width; x++) {
      const x2 = x + offset.dx;
      if (x2 < 0 || x2 >= width) continue;
      const i = quantise(image[y * width + x] as number, q);
      const j = quantise(image[y2 * width + x2] as number, q);
      m[i * L + j]! += 1;
      m[j * L + i]! += 1;
      pairs += 2;
    }
  }
  if (pairs > 0) for (let k = 0; k < m.length; k++) m[k]! /= pairs;
  return m;
}

/** Haralick contrast Σ P(i,j)(i − j)² of a normalised `levels × levels` GLCM. */
export function glcmContrast(p: ArrayLike<number>, levels: number): number {
  let s = 0;
  for (let i = 0; i < levels; i++)
    for (let j = 0; j < levels; j++) s += (p[i * levels + j] as number) * (i - j) ** 2;
  return s;
}

/** Homogeneity Σ P(i,j) / (1 + (i − j)²) of a normalised `levels × levels` GLCM. */
export function glcmHomogeneity(p: ArrayLike<number>, levels: number): number {
  let s = 0;
  for (let i = 0; i < levels; i++) {
    for (let j = 0; j < levels; j++) s += (p[i * levels + j] as number) / (1 + (i - j) ** 2);
  }
  return s;
}
