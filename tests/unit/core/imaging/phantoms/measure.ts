/** Measurement helpers for the phantom tests (plain loops, independent of the generators). */
import type { PhantomBox, PhantomImage } from '../../../../../src/core/imaging/phantoms/PhantomImage';

/**
 * Mean and count of `image` over pixels of tissue `name` whose whole (2·radius+1)² neighbourhood
 * is that tissue: the interior of a structure, away from edges smoothed by the blur.
 */
export function interiorMean(p: PhantomImage, name: string, radius = 3): { mean: number; count: number } {
  const t = p.tissueNames.indexOf(name);
  if (t < 0) throw new Error(`no tissue ${name}`);
  let sum = 0;
  let count = 0;
  for (let r = radius; r < p.rows - radius; r++) {
    for (let c = radius; c < p.columns - radius; c++) {
      let inside = true;
      for (let dr = -radius; dr <= radius && inside; dr++) {
        for (let dc = -radius; dc <= radius; dc++) {
          if (p.tissues[(r + dr) * p.columns + c + dc] !== t) {
            inside = false;
            break;
          }
        }
      }
      if (inside) {
        sum += p.image[r * p.columns + c]!;
        count++;
      }
    }
  }
  return { mean: sum / count, count };
}

/** Number of pixels set to 1 in a mask. */
export function maskArea(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) if (v === 1) n++;
  return n;
}

/** Whether every mask pixel lies in one of the boxes, and every box edge touches the mask. */
export function boxesFitMask(mask: Uint8Array, columns: number, boxes: readonly PhantomBox[]): boolean {
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    const r = Math.floor(i / columns);
    const c = i % columns;
    if (!boxes.some((b) => r >= b.row && r < b.row + b.height && c >= b.column && c < b.column + b.width)) {
      return false;
    }
  }
  for (const b of boxes) {
    let top = false;
    let bottom = false;
    let left = false;
    let right = false;
    for (let r = b.row; r < b.row + b.height; r++) {
      for (let c = b.column; c < b.column + b.width; c++) {
        if (mask[r * columns + c] !== 1) continue;
        if (r === b.row) top = true;
        if (r === b.row + b.height - 1) bottom = true;
        if (c === b.column) left = true;
        if (c === b.column + b.width - 1) right = true;
      }
    }
    if (!(top && bottom && left && right)) return false;
  }
  return true;
}

/** Mean of the image over the mask (value 1). */
export function maskMean(p: PhantomImage, mask = p.masks): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    sum += p.image[i]!;
    n++;
  }
  return sum / n;
}

/** Standard deviation of values. */
export function standardDeviation(values: ArrayLike<number>): number {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    sumSq += values[i]! ** 2;
  }
  const mean = sum / values.length;
  return Math.sqrt(sumSq / values.length - mean * mean);
}
