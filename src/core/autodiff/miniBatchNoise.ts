/**
 * How noisy is a mini-batch gradient? The gradient of a batch of B examples drawn without
 * replacement from N is an unbiased estimate of the full-batch gradient ḡ = (1/N) Σ gᵢ, with
 *
 *   E‖g_B − ḡ‖² = (σ²/B)·(N − B)/(N − 1),   σ² = (1/N) Σ ‖gᵢ − ḡ‖²
 *
 * (the variance of a sample mean under simple random sampling without replacement: W. G. Cochran,
 * "Sampling Techniques", 3rd ed., Wiley 1977, Theorem 2.2). So the spread shrinks like 1/√B and is
 * zero when B = N. These helpers measure it on real per-example gradients.
 */
import { mulberry32 } from '../datasets/discPhantom';
import type { TinyCnnShape } from './buildTinyCnn';
import type { TinyCnnPatches } from './makePhantomPatches';
import { createTinyCnnTrainer } from './trainTinyCnn';

/** The gradient of the tiny CNN's loss on each example alone, at `weights` (one vector per example). */
export function perExampleGradients(
  shape: TinyCnnShape,
  data: TinyCnnPatches,
  weights: readonly number[],
): number[][] {
  const trainer = createTinyCnnTrainer(shape, data, 1);
  return data.images.map((_, i) => trainer.lossAndGradient(weights, i).gradient);
}

/** The mean of some vectors. */
export function meanVector(vs: readonly (readonly number[])[]): number[] {
  const d = vs[0]?.length ?? 0;
  const out = new Array<number>(d).fill(0);
  for (const v of vs) for (let k = 0; k < d; k++) out[k] = (out[k] ?? 0) + (v[k] ?? 0) / vs.length;
  return out;
}

/** a·b / (‖a‖‖b‖); 0 when either vector is zero. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += (a[k] ?? 0) * (b[k] ?? 0);
    aa += (a[k] ?? 0) ** 2;
    bb += (b[k] ?? 0) ** 2;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/** Indices of `b` examples out of `n`, drawn without replacement (a partial Fisher–Yates shuffle). */
export function sampleWithoutReplacement(n: number, b: number, rand: () => number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < b; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = idx[i] ?? 0;
    idx[i] = idx[j] ?? 0;
    idx[j] = t;
  }
  return idx.slice(0, b);
}

/** What one batch size gives. */
export interface BatchSizeNoise {
  batchSize: number;
  /** One batch-gradient vector per drawn batch. */
  gradients: number[][];
  /** cos(g_B, ḡ) per batch. */
  cosines: number[];
  meanCosine: number;
  /** Measured root-mean-square ‖g_B − ḡ‖ over the drawn batches. */
  spread: number;
  /** The exact expected value √E‖g_B − ḡ‖² from the formula in the module comment. */
  expectedSpread: number;
}

/** Mini-batch gradients for each batch size against the full-batch gradient. */
export interface MiniBatchNoise {
  full: number[];
  /** σ² = (1/N) Σ ‖gᵢ − ḡ‖². */
  variance: number;
  n: number;
  bySize: BatchSizeNoise[];
}

/** Draws `draws` batches of every size in `batchSizes` (each ≤ N) and measures their gradients. */
export function miniBatchNoise(
  perExample: readonly (readonly number[])[],
  batchSizes: readonly number[],
  draws: number,
  seed: number,
): MiniBatchNoise {
  const n = perExample.length;
  const full = meanVector(perExample);
  const dist2 = (v: readonly number[]): number => v.reduce((s, x, k) => s + (x - (full[k] ?? 0)) ** 2, 0);
  const variance = perExample.reduce((s, g) => s + dist2(g), 0) / n;
  const rand = mulberry32(seed);
  const bySize = batchSizes.map((b) => {
    if (b < 1 || b > n) throw new RangeError(`batch size ${b} is not in 1…${n}`);
    const gradients = Array.from({ length: draws }, () =>
      meanVector(sampleWithoutReplacement(n, b, rand).map((i) => perExample[i] ?? full)),
    );
    const cosines = gradients.map((g) => cosine(g, full));
    return {
      batchSize: b,
      gradients,
      cosines,
      meanCosine: cosines.reduce((s, c) => s + c, 0) / draws,
      spread: Math.sqrt(gradients.reduce((s, g) => s + dist2(g), 0) / draws),
      expectedSpread: n > 1 ? Math.sqrt(((variance / b) * (n - b)) / (n - 1)) : 0,
    };
  });
  return { full, variance, n, bySize };
}
