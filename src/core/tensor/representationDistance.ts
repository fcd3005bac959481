/**
 * Distances between two representations of the translation-invariance experiment
 * (src/core/tensor/shiftExperiment.ts): the relative L2 distance at the same positions, the same
 * distance after moving one map back by whole grid cells, and the largest difference after such a
 * move. Plain TypeScript, float64 sums.
 */
import type { Volume } from './reference/types';

/**
 * d = ‖b − a‖₂ / ‖a‖₂ over all values, in float64; 0 when both are all zeros, +∞ when only `a` is.
 * @throws RangeError when the lengths differ.
 */
export function representationDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`Cannot compare ${a.length} values with ${b.length}.`);
  let diff = 0;
  let norm = 0;
  for (let k = 0; k < a.length; k++) {
    const d = b[k]! - a[k]!;
    diff += d * d;
    norm += a[k]! * a[k]!;
  }
  if (norm === 0) return diff === 0 ? 0 : Infinity;
  return Math.sqrt(diff / norm);
}

/** Visits (moved index, original index) of every value where `moved[y, x]` faces `original[y − cellsY, x − cellsX]`. */
function forOverlap(
  original: Volume,
  moved: Volume,
  cellsY: number,
  cellsX: number,
  visit: (movedIndex: number, originalIndex: number) => void,
): void {
  const { height: H, width: W, channels: C } = original;
  if (moved.height !== H || moved.width !== W || moved.channels !== C)
    throw new RangeError('Both maps must have the same shape.');
  for (let y = Math.max(0, cellsY); y < Math.min(H, H + cellsY); y++)
    for (let x = Math.max(0, cellsX); x < Math.min(W, W + cellsX); x++)
      for (let c = 0; c < C; c++) visit((y * W + x) * C + c, ((y - cellsY) * W + x - cellsX) * C + c);
}

/**
 * The distance ‖moved − original moved by (cellsY, cellsX)‖₂ / ‖original‖₂, both norms over the
 * positions where `moved[y, x]` faces `original[y − cellsY, x − cellsX]` (same conventions as
 * {@link representationDistance}). With (0, 0) it is {@link representationDistance} itself.
 * @throws RangeError when the shapes differ.
 */
export function realignedDistance(original: Volume, moved: Volume, cellsY: number, cellsX: number): number {
  const a: number[] = [];
  const b: number[] = [];
  forOverlap(original, moved, cellsY, cellsX, (m, o) => {
    a.push(original.data[o]!);
    b.push(moved.data[m]!);
  });
  return representationDistance(a, b);
}

/**
 * How far `moved` is from `original` moved by (cellsY, cellsX) grid cells: the largest
 * |moved[y, x, c] − original[y − cellsY, x − cellsX, c]| over the positions where both exist, and how
 * many values were compared. 0 means `moved` is an exact shift of `original` there.
 * @throws RangeError when the shapes differ.
 */
export function gridShiftError(
  original: Volume,
  moved: Volume,
  cellsY: number,
  cellsX: number,
): { maxAbsDiff: number; compared: number } {
  let maxAbsDiff = 0;
  let compared = 0;
  forOverlap(original, moved, cellsY, cellsX, (m, o) => {
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(moved.data[m]! - original.data[o]!));
    compared++;
  });
  return { maxAbsDiff, compared };
}
