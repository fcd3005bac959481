/**
 * Lesion placement and ground truth shared by the phantoms: where a lesion may go, and its mask.
 */

import type { Canvas } from './Canvas';
import type { Rng } from './random';

/** A point in mm (canvas coordinates: origin at the image centre, y downwards). */
export interface PointMm {
  x: number;
  y: number;
}

/**
 * Whether a disc of `radius` mm at (x, y) lies inside the given tissues: the centre and 24 points
 * on each of two circles (radius and radius/2) are checked.
 */
export function discInside(
  canvas: Canvas,
  x: number,
  y: number,
  radius: number,
  tissues: ReadonlySet<number>,
): boolean {
  if (!tissues.has(canvas.tissueAt(x, y))) return false;
  for (const f of [0.5, 1]) {
    for (let k = 0; k < 24; k++) {
      const a = (k / 24) * 2 * Math.PI;
      if (!tissues.has(canvas.tissueAt(x + f * radius * Math.cos(a), y + f * radius * Math.sin(a))))
        return false;
    }
  }
  return true;
}

/**
 * A random centre for a disc of `radius` mm lying, with `margin` mm to spare, inside the given
 * tissues, searched by rejection sampling over the image; undefined after `tries` misses.
 */
export function findSite(
  canvas: Canvas,
  radius: number,
  margin: number,
  tissues: ReadonlySet<number>,
  rng: Rng,
  tries = 2000,
): PointMm | undefined {
  const halfWidth = ((canvas.columns - 1) / 2) * canvas.spacing;
  const halfHeight = ((canvas.rows - 1) / 2) * canvas.spacing;
  for (let i = 0; i < tries; i++) {
    const x = rng.range(-halfWidth, halfWidth);
    const y = rng.range(-halfHeight, halfHeight);
    if (discInside(canvas, x, y, radius + margin, tissues)) return { x, y };
  }
  return undefined;
}

/**
 * Sets `mask` to 1 at every pixel whose centre lies within `radius` mm of (x, y) (a disc: the
 * equatorial section of a spherical lesion). Returns the number of pixels set.
 */
export function paintDiscMask(
  mask: Uint8Array,
  canvas: Canvas,
  x: number,
  y: number,
  radius: number,
): number {
  let count = 0;
  const c0 = Math.max(0, Math.floor(canvas.col(x - radius)));
  const c1 = Math.min(canvas.columns - 1, Math.ceil(canvas.col(x + radius)));
  const r0 = Math.max(0, Math.floor(canvas.row(y - radius)));
  const r1 = Math.min(canvas.rows - 1, Math.ceil(canvas.row(y + radius)));
  for (let r = r0; r <= r1; r++) {
    const dy = canvas.y(r) - y;
    for (let c = c0; c <= c1; c++) {
      const dx = canvas.x(c) - x;
      if (dx * dx + dy * dy <= radius * radius) {
        const i = r * canvas.columns + c;
        if (mask[i] !== 1) count++;
        mask[i] = 1;
      }
    }
  }
  return count;
}
