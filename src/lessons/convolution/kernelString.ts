/**
 * A square kernel as the URL holds it: k² comma-separated numbers, row-major (`-1,0,1,-2,0,2,-1,0,1`
 * is Sobel x), k = 3, 5 or 7. Each weight is written with at most {@link WEIGHT_DECIMALS} decimals and
 * |w| ≤ {@link WEIGHT_LIMIT}, so that a 7 × 7 kernel fits the parameter's {@link KERNEL_MAX_LENGTH}.
 * Also the edits the kernel editor offers: normalise, random, resize.
 */
import type { Localized } from '../../core/lessons/types';
import type { Filters } from '../../core/tensor/reference/types';
import { mulberry32 } from '../../core/datasets/discPhantom';

/** The kernel sizes the editor offers. */
export const KERNEL_SIZES = [3, 5, 7] as const;
/** A kernel side length. */
export type KernelSize = (typeof KERNEL_SIZES)[number];
/** Largest |weight| the editor accepts. */
export const WEIGHT_LIMIT = 99;
/** Decimals kept in the URL. */
export const WEIGHT_DECIMALS = 4;

const NUMBER = `-?\\d{1,2}(?:\\.\\d{1,${WEIGHT_DECIMALS}})?`;
/** The `pattern` of the kernel text parameter: exactly 9, 25 or 49 numbers. */
export const KERNEL_PATTERN = KERNEL_SIZES.map((k) => `${NUMBER}(?:,${NUMBER}){${k * k - 1}}`).join('|');
/** Longest kernel text: 49 numbers of at most 8 characters ("-99.1234") and 48 commas. */
export const KERNEL_MAX_LENGTH = 49 * (3 + WEIGHT_DECIMALS + 1) + 48;

/** A weight as the URL writes it: rounded to 4 decimals, clamped to ±99, no "-0", no trailing zeros. */
export function formatWeight(w: number): string {
  if (!Number.isFinite(w)) return '0';
  const clamped = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, w));
  const r = Number(clamped.toFixed(WEIGHT_DECIMALS));
  return r === 0 ? '0' : String(r);
}

/** The URL text of a kernel: its weights, row-major, comma-separated (see {@link formatWeight}). */
export function formatKernel(weights: readonly number[]): string {
  return weights.map(formatWeight).join(',');
}

/** What {@link parseKernel} gives: the weights and size, or why the text is not a kernel. */
export type ParsedKernel =
  { ok: true; size: KernelSize; weights: number[] } | { ok: false; error: Localized };

/** The side k of a kernel of `n` weights when n is 9, 25 or 49; else undefined. */
export function kernelSizeOf(n: number): KernelSize | undefined {
  return KERNEL_SIZES.find((k) => k * k === n);
}

/**
 * Reads a kernel text: comma-separated numbers (spaces allowed), 9, 25 or 49 of them, each finite
 * with |w| ≤ 99. Anything else gives a message a student can act on.
 */
export function parseKernel(text: string): ParsedKernel {
  const parts = text.split(',').map((p) => p.trim());
  const weights: number[] = [];
  for (const [i, p] of parts.entries()) {
    const w = p === '' ? Number.NaN : Number(p);
    if (!Number.isFinite(w) || Math.abs(w) > WEIGHT_LIMIT)
      return {
        ok: false,
        error: {
          en: `Weight ${i + 1} (“${p}”) is not a number between −${WEIGHT_LIMIT} and ${WEIGHT_LIMIT}.`,
          zh: `第 ${i + 1} 个权重（“${p}”）不是介于 −${WEIGHT_LIMIT} 和 ${WEIGHT_LIMIT} 之间的数。`,
        },
      };
    weights.push(w);
  }
  const size = kernelSizeOf(weights.length);
  if (size === undefined)
    return {
      ok: false,
      error: {
        en: `A kernel needs 9, 25 or 49 weights (3×3, 5×5 or 7×7); this one has ${weights.length}.`,
        zh: `卷积核需要 9、25 或 49 个权重（3×3、5×5 或 7×7）；这里有 ${weights.length} 个。`,
      },
    };
  return { ok: true, size, weights };
}

/**
 * The kernel scaled so that it keeps brightness: divided by Σw when |Σw| > 1e-9 (a blur then sums
 * to 1), else by Σ|w| (an edge detector, Σw = 0, then has Σ|w| = 1). All zeros are returned as is.
 */
export function normaliseKernel(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const divisor = Math.abs(sum) > 1e-9 ? sum : weights.reduce((a, w) => a + Math.abs(w), 0);
  return divisor === 0 ? [...weights] : weights.map((w) => w / divisor);
}

/** A seeded random k × k kernel: weights uniform in [−1, 1], rounded to 2 decimals. */
export function randomKernel(size: KernelSize, seed: number): number[] {
  const rand = mulberry32(seed);
  return Array.from({ length: size * size }, () => Math.round((2 * rand() - 1) * 100) / 100 + 0);
}

/**
 * The kernel at another size, centred: growing pads zeros around it, shrinking keeps the centre
 * (3 → 5 → 3 gives the kernel back).
 */
export function resizeKernel(weights: readonly number[], to: KernelSize): number[] {
  const from = kernelSizeOf(weights.length);
  if (from === undefined) throw new RangeError(`A kernel needs 9, 25 or 49 weights, got ${weights.length}.`);
  const out = new Array<number>(to * to).fill(0);
  const shift = (to - from) / 2;
  for (let i = 0; i < to; i++)
    for (let j = 0; j < to; j++) {
      const si = i - shift;
      const sj = j - shift;
      if (si >= 0 && si < from && sj >= 0 && sj < from) out[i * to + j] = weights[si * from + sj]!;
    }
  return out;
}

/** One k × k kernel as single-channel, single-filter {@link Filters} ([k, k, 1, 1]). */
export function kernelFilters(weights: readonly number[]): Filters {
  const k = kernelSizeOf(weights.length);
  if (k === undefined) throw new RangeError(`A kernel needs 9, 25 or 49 weights, got ${weights.length}.`);
  return { kh: k, kw: k, inChannels: 1, outChannels: 1, data: Float32Array.from(weights) };
}
