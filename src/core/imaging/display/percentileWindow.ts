/**
 * The automatic window: the range between two percentiles of a frame's values, found with a
 * histogram and a small refinement instead of a full sort (O(n) plus a sort of one bin).
 */
import { windowForRange, type VoiWindow } from './voiWindow';

/** Histogram bins used to locate a percentile before the exact refinement. */
const BINS = 4096;

/** Default percentiles of the automatic window: the 1st to the 99th, so a few outliers (metal, air) do not set it. */
export const AUTO_WINDOW_PERCENTILES: readonly [number, number] = [1, 99];

/**
 * 0-based index into the sorted values of the nearest-rank percentile `p` (0…100) of `n` values:
 * the smallest value with at least p % of the values ≤ it, i.e. sorted[⌈p·n/100⌉ − 1] (p = 0 → the minimum).
 */
export function nearestRankIndex(p: number, n: number): number {
  const k = Math.ceil((p * n) / 100) - 1;
  return Math.min(n - 1, Math.max(0, k));
}

/**
 * The nearest-rank percentiles `ps` (each 0…100) of the finite values in `values` (NaN and ±∞
 * skipped), or null when there are none. Exact: equal to sorting and indexing with
 * {@link nearestRankIndex}, but found by one min/max pass, one 4096-bin histogram pass and one pass
 * that collects only the values of the bins holding the requested ranks.
 */
export function percentiles(values: Float32Array, ps: readonly number[]): number[] | null {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) continue; // NaN or ±∞
    if (v < min) min = v;
    if (v > max) max = v;
    n++;
  }
  if (n === 0) return null;
  if (min === max) return ps.map(() => min);
  const scale = BINS / (max - min);
  const counts = new Uint32Array(BINS);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) continue;
    const b = Math.min(BINS - 1, Math.floor((v - min) * scale));
    counts[b] = counts[b]! + 1;
  }
  // For each requested rank: the bin holding it and its rank inside that bin.
  const targets = ps.map((p) => {
    const k = nearestRankIndex(p, n);
    let before = 0;
    let b = 0;
    while (before + counts[b]! <= k) before += counts[b++]!;
    return { bin: b, rank: k - before };
  });
  // Collect the values of those bins only, then sort each (a bin holds about n/4096 values).
  const slot = new Int32Array(BINS).fill(-1);
  const lists: number[][] = [];
  for (const t of targets) {
    if (slot[t.bin]! < 0) {
      slot[t.bin] = lists.length;
      lists.push([]);
    }
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) continue;
    const s = slot[Math.min(BINS - 1, Math.floor((v - min) * scale))]!;
    if (s >= 0) lists[s]!.push(v);
  }
  for (const list of lists) list.sort((a, b) => a - b);
  return targets.map((t) => lists[slot[t.bin]!]![t.rank]!);
}

/**
 * The automatic window: from the `low`-th to the `high`-th nearest-rank percentile of the finite
 * values (default 1st–99th, {@link AUTO_WINDOW_PERCENTILES}), as the LINEAR window whose ramp runs
 * exactly over that range ({@link windowForRange}). Null when no value is finite. For RGB frames the
 * three channels are pooled.
 */
export function percentileWindow(
  values: Float32Array,
  low: number = AUTO_WINDOW_PERCENTILES[0],
  high: number = AUTO_WINDOW_PERCENTILES[1],
): VoiWindow | null {
  const range = percentiles(values, [low, high]);
  if (!range) return null;
  return windowForRange(range[0]!, range[1]!);
}
