/**
 * Seeded random numbers for the phantoms, all drawn from `mulberry32` so that a seed fixes an
 * image bit for bit.
 */

import { mulberry32 } from '../../datasets/discPhantom';
import { gaussianBlur } from './gaussianBlur';

/** A seeded stream of uniform and normal deviates. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [low, high). */
  range(low: number, high: number): number;
  /** Standard normal deviate (Box–Muller, Box & Muller 1958, both values of each pair used). */
  normal(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** A seeded generator (mulberry32 underneath). */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare = 0;
  let hasSpare = false;
  return {
    uniform: next,
    range: (low, high) => low + (high - low) * next(),
    int: (n) => Math.floor(next() * n),
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      const u = 1 - next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      hasSpare = true;
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * Shuffles `items` in place with `rng` (Fisher–Yates: Knuth, TAOCP vol. 2, Algorithm P; each
 * step draws `rng.int(i + 1)`) and returns them.
 */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

/** Adds independent N(0, sigma²) noise to every value, in place. */
export function addGaussianNoise(values: Float32Array, sigma: number, rng: Rng): void {
  if (sigma === 0) return;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) + sigma * rng.normal();
}

/**
 * A smooth random field with zero mean and unit standard deviation: white noise low-pass
 * filtered by a Gaussian of `correlationPx` pixels, then rescaled. Used for lung texture and MR
 * bias fields. Drawn on a grid `step` times coarser and bilinearly enlarged, so a large
 * correlation length stays cheap.
 */
export function smoothField(rows: number, columns: number, correlationPx: number, rng: Rng): Float32Array {
  const step = Math.max(1, Math.floor(correlationPx / 2));
  const coarseRows = Math.ceil(rows / step) + 2;
  const coarseColumns = Math.ceil(columns / step) + 2;
  const coarse = new Float32Array(coarseRows * coarseColumns);
  for (let i = 0; i < coarse.length; i++) coarse[i] = rng.normal();
  gaussianBlur(coarse, coarseRows, coarseColumns, correlationPx / step);
  const out = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const y = r / step;
    const y0 = Math.floor(y);
    const fy = y - y0;
    for (let c = 0; c < columns; c++) {
      const x = c / step;
      const x0 = Math.floor(x);
      const fx = x - x0;
      const i = y0 * coarseColumns + x0;
      const top = (coarse[i] ?? 0) * (1 - fx) + (coarse[i + 1] ?? 0) * fx;
      const bottom = (coarse[i + coarseColumns] ?? 0) * (1 - fx) + (coarse[i + coarseColumns + 1] ?? 0) * fx;
      out[r * columns + c] = top * (1 - fy) + bottom * fy;
    }
  }
  let sum = 0;
  let sumSq = 0;
  for (const v of out) {
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / out.length;
  const sd = Math.sqrt(Math.max(sumSq / out.length - mean * mean, 1e-12));
  for (let i = 0; i < out.length; i++) out[i] = ((out[i] ?? 0) - mean) / sd;
  return out;
}
