/**
 * Deterministic test pictures for the codec tests and fixtures: seeded noise (for lossless codecs,
 * which must return every value) and smooth shapes (for lossy codecs, whose error is bounded).
 */
import { mulberry32 } from '../../../../../../src/core/datasets/discPhantom';

/** Uniform integers in [min, max], `count` of them. */
export function noise(count: number, min: number, max: number, seed: number): number[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => min + Math.floor(rand() * (max - min + 1)));
}

/**
 * A smooth "phantom": a disc brighter than the background, with a gentle ramp, values in
 * [min, max]. Row-major, one sample per pixel.
 */
export function smooth(rows: number, columns: number, min: number, max: number): number[] {
  const out: number[] = [];
  const cy = rows / 2;
  const cx = columns / 2;
  const radius = Math.min(rows, columns) / 3;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const d = Math.hypot(r - cy, c - cx) / radius;
      const disc = d < 1 ? 0.5 * (1 + Math.cos(Math.PI * d)) : 0; // raised cosine: no sharp edge
      const t = 0.15 + 0.2 * (c / columns) + 0.1 * (r / rows) + 0.5 * disc;
      out.push(Math.round(min + t * (max - min)));
    }
  }
  return out;
}

/** Three smooth channels, interleaved RGB, each a different shape, 0…255. */
export function smoothRgb(rows: number, columns: number): number[] {
  const red = smooth(rows, columns, 20, 235);
  const out: number[] = [];
  for (let i = 0; i < rows * columns; i++) {
    const r = Math.floor(i / columns);
    const c = i % columns;
    out.push(red[i] ?? 0, Math.round(40 + (160 * c) / columns), Math.round(200 - (120 * r) / rows));
  }
  return out;
}

/** Interleaved RGB → by plane (RRR…GGG…BBB). */
export function toPlanar(interleaved: ArrayLike<number>, components: number): number[] {
  const pixels = interleaved.length / components;
  const out = new Array<number>(interleaved.length);
  for (let p = 0; p < pixels; p++) {
    for (let s = 0; s < components; s++) out[s * pixels + p] = interleaved[p * components + s] ?? 0;
  }
  return out;
}

/** Largest absolute difference between two equally long sequences. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

/** Mean of (a − b): a systematic offset shows here even when the maximum error is allowed. */
export function meanDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) - (b[i] ?? 0);
  return sum / a.length;
}
