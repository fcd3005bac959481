/**
 * Series helpers of the training curves: where a batch sits on an epoch axis, a trailing moving
 * average, and min/max decimation that keeps a long series' shape and extremes in few points.
 */
import type { BatchRecord } from '../training/trainingTypes';

/** The most points drawn per series. */
export const MAX_POINTS = 800;

/** A point (x, y). */
export type CurvePoint = readonly [number, number];

/** The number of batches averaged by the moving average of a run with B batches per epoch. */
export function smoothingWindow(batchesPerEpoch: number): number {
  return Math.max(1, Math.min(25, Math.round(batchesPerEpoch / 2)));
}

/**
 * Trailing moving average: out[i] = mean(values[max(0, i − w + 1) … i]) (the first w − 1 values
 * average what exists so far). O(n) with a running sum.
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  const w = Math.max(1, Math.floor(window));
  const out = new Array<number>(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] ?? 0;
    if (i >= w) sum -= values[i - w] ?? 0;
    out[i] = sum / Math.min(i + 1, w);
  }
  return out;
}

/**
 * At most `maxPoints` of `points` (sorted by x) for drawing: the first and the last point, and in
 * each of ⌊(maxPoints − 2)/2⌋ equal buckets of the points between them the lowest and the highest
 * (in x order), so peaks and the global extremes survive. Points with a non-finite y are dropped.
 */
export function decimate(points: readonly CurvePoint[], maxPoints = MAX_POINTS): CurvePoint[] {
  const finite = points.filter((p) => Number.isFinite(p[1]));
  const n = finite.length;
  if (n <= maxPoints || n <= 2) return finite.slice();
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const inner = n - 2;
  const out: CurvePoint[] = [finite[0]!];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (finite[i]![1] < finite[lo]![1]) lo = i;
      if (finite[i]![1] > finite[hi]![1]) hi = i;
    }
    const first = Math.min(lo, hi);
    const second = Math.max(lo, hi);
    out.push(finite[first]!);
    if (second !== first) out.push(finite[second]!);
  }
  out.push(finite[n - 1]!);
  return out;
}

/** x of batch record `b` in a run with B batches per epoch: e − 1 + k/B, k its 1-based place in the epoch. */
export function batchX(b: BatchRecord, batchesPerEpoch: number): number {
  const B = Math.max(1, batchesPerEpoch);
  const k = ((((b.step - 1) % B) + B) % B) + 1;
  return b.epoch - 1 + k / B;
}
