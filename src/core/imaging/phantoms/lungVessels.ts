/**
 * Pulmonary vessels of an axial CT slice: branching trees that leave each hilum and thin toward
 * the periphery (each daughter branch ≈ 0.7–0.8 × its parent's radius, close to Murray's law
 * r³ = r₁³ + r₂³ for a symmetric split, r₁ = 2^(−1/3) r ≈ 0.79 r; Murray 1926, PNAS 12:207), plus
 * vessels cut across by the slice, which show as dots whose size falls with the distance from
 * the hilum. Vessels are drawn only over lung, with partial-volume blending.
 */

import type { Canvas } from './Canvas';
import type { PointMm } from './lesionSites';
import type { Rng } from './random';

/** Options of one vessel tree. */
export interface VesselTreeOptions {
  /** Where the tree starts (a hilar artery), mm. */
  root: PointMm;
  /** Initial direction, radians (0 = +x, π/2 = +y, i.e. posterior). */
  direction: number;
  /** Radius of the first segment, mm. */
  radius: number;
  /** Length of the first segment, mm. */
  length: number;
  /** Tissue index painted. */
  vessel: number;
  /** Tissues a vessel may be drawn over (lung). */
  over: ReadonlySet<number>;
  /** Branching generations. */
  depth: number;
}

/** Draws a branching vessel tree; branches stop where they leave the lung. */
export function drawVesselTree(canvas: Canvas, options: VesselTreeOptions, rng: Rng): void {
  const stack: Array<{ x: number; y: number; angle: number; radius: number; length: number; depth: number }> =
    [
      {
        x: options.root.x,
        y: options.root.y,
        angle: options.direction,
        radius: options.radius,
        length: options.length,
        depth: 0,
      },
    ];
  while (stack.length > 0) {
    const s = stack.pop();
    if (s === undefined) break;
    if (s.radius < 0.6 || s.depth > options.depth) continue;
    // A slightly wavy segment: two halves with a small bend.
    const bend = rng.range(-0.15, 0.15);
    const midX = s.x + (Math.cos(s.angle) * s.length) / 2;
    const midY = s.y + (Math.sin(s.angle) * s.length) / 2;
    const endAngle = s.angle + bend;
    const endX = midX + (Math.cos(endAngle) * s.length) / 2;
    const endY = midY + (Math.sin(endAngle) * s.length) / 2;
    const endRadius = s.radius * 0.88;
    const midRadius = (s.radius + endRadius) / 2;
    canvas.capsule(s.x, s.y, midX, midY, s.radius, midRadius, options.vessel, options.over, true);
    if (!options.over.has(canvas.tissueAt(endX, endY)) && canvas.tissueAt(endX, endY) !== options.vessel)
      continue;
    canvas.capsule(midX, midY, endX, endY, midRadius, endRadius, options.vessel, options.over, true);
    // Mostly monopodial: the main branch goes on, a thinner side branch leaves it; sometimes
    // the branch leaves the slice (ends here), as most vessels do in an axial section.
    if (rng.uniform() < 0.15 * s.depth) continue;
    const side = rng.uniform() < 0.5 ? -1 : 1;
    stack.push({
      x: endX,
      y: endY,
      angle: endAngle - side * rng.range(0.05, 0.25),
      radius: endRadius * rng.range(0.82, 0.92),
      length: s.length * rng.range(0.75, 0.95),
      depth: s.depth + 1,
    });
    if (rng.uniform() < 0.7) {
      stack.push({
        x: endX,
        y: endY,
        angle: endAngle + side * rng.range(0.45, 0.9),
        radius: endRadius * rng.range(0.55, 0.72),
        length: s.length * rng.range(0.55, 0.8),
        depth: s.depth + 1,
      });
    }
  }
}

/**
 * Scatters `count` vessel cross-sections (dots) over the lung; radius in mm
 * r = 0.3 + maxRadius · (1 − d / reach)^1.5, d the distance to the nearest hilum.
 */
export function scatterVesselDots(
  canvas: Canvas,
  hila: readonly PointMm[],
  count: number,
  maxRadius: number,
  reach: number,
  vessel: number,
  over: ReadonlySet<number>,
  rng: Rng,
): void {
  const halfWidth = ((canvas.columns - 1) / 2) * canvas.spacing;
  const halfHeight = ((canvas.rows - 1) / 2) * canvas.spacing;
  let placed = 0;
  for (let tries = 0; placed < count && tries < count * 30; tries++) {
    const x = rng.range(-halfWidth, halfWidth);
    const y = rng.range(-halfHeight, halfHeight);
    if (!over.has(canvas.tissueAt(x, y))) continue;
    let d = Infinity;
    for (const h of hila) d = Math.min(d, Math.hypot(x - h.x, y - h.y));
    const f = Math.max(0, 1 - d / reach);
    const r = 0.3 + maxRadius * f ** 1.5 * rng.range(0.6, 1.1);
    // A short oblique stub rather than a perfect dot: vessels rarely cross the slice at 90°.
    const a = rng.range(0, Math.PI);
    const stub = rng.range(0, 1.5 * r);
    canvas.capsule(x, y, x + Math.cos(a) * stub, y + Math.sin(a) * stub, r, r, vessel, over, true);
    placed++;
  }
}
