/**
 * The anatomy of an axial head section at the level of the basal ganglia (frontal horns, third
 * ventricle, atria of the lateral ventricles), as tissue labels: scalp, skull (outer table,
 * diploë, inner table), subarachnoid CSF, cortex folded into gyri around sulci, white matter,
 * caudate heads, lentiform nuclei, thalami, insula, falx. Shared by the head CT and the brain MR
 * phantoms, so both show the same anatomy. Dimensions of an average adult head (≈ 158 × 194 mm
 * outside, scalp ≈ 8 mm, skull ≈ 6 mm, cortex ≈ 2.5–3 mm thick). Tissue indices are those of ctTissues.ts.
 */

import type { Canvas } from './Canvas';
import { ctTissueIndex as T } from './ctTissues';
import type { Rng } from './random';

/** Geometry of the drawn head, for placing lesions. */
export interface HeadLandmarks {
  /** Semi-axes of the inner surface of the skull, mm (centre at the origin). */
  innerTable: { rx: number; ry: number };
  /** Semi-axes of the brain surface, mm. */
  brain: { rx: number; ry: number };
}

const BRAIN = new Set([T('grey-matter'), T('white-matter')]);

/** A point on an ellipse of semi-axes (rx, ry) at parametric angle t. */
function onEllipse(rx: number, ry: number, t: number): [number, number] {
  return [rx * Math.cos(t), ry * Math.sin(t)];
}

/**
 * Sulci: CSF clefts lined with cortex, wandering inward from the brain surface in 3–4 short
 * segments of random bend, some with a side branch.
 */
function drawSulci(canvas: Canvas, rx: number, ry: number, rng: Rng): void {
  const count = 44;
  for (let k = 0; k < count; k++) {
    const t = ((k + rng.range(-0.35, 0.35)) / count) * 2 * Math.PI;
    // Skip the midline (interhemispheric fissure drawn separately).
    const deg = ((t * 180) / Math.PI + 360) % 360;
    if (Math.abs(deg - 90) < 5 || Math.abs(deg - 270) < 5) continue;
    let [x, y] = onEllipse(rx + 1, ry + 1, t);
    let heading = Math.atan2(-y, -x) + rng.range(-0.45, 0.45);
    const steps = 3 + rng.int(2);
    const depth = rng.range(8, 20);
    let width = rng.range(0.9, 1.3);
    for (let step = 0; step < steps; step++) {
      const length = depth / steps;
      const nx = x + Math.cos(heading) * length;
      const ny = y + Math.sin(heading) * length;
      const nextWidth = width * 0.8;
      canvas.capsule(x, y, nx, ny, 2.6 + width, 2.6 + nextWidth, T('grey-matter'), BRAIN);
      canvas.capsule(x, y, nx, ny, width, nextWidth, T('csf'), BRAIN, true);
      if (step === 1 && rng.uniform() < 0.55) {
        const side = heading + (rng.uniform() < 0.5 ? -1 : 1) * rng.range(0.6, 1.1);
        const bx = x + Math.cos(side) * depth * 0.35;
        const by = y + Math.sin(side) * depth * 0.35;
        canvas.capsule(x, y, bx, by, 2.6 + width * 0.8, 2.5, T('grey-matter'), BRAIN);
        canvas.capsule(x, y, bx, by, width * 0.8, 0.35, T('csf'), BRAIN, true);
      }
      x = nx;
      y = ny;
      width = nextWidth;
      heading += rng.range(-0.6, 0.6);
    }
  }
}

/** Deep grey matter and the ventricles. */
function drawDeepStructures(canvas: Canvas, s: number): void {
  for (const side of [-1, 1]) {
    // Insula and Sylvian fissure.
    canvas.ellipse(side * 37 * s, -4 * s, 3, 17 * s, side * -8, T('grey-matter'));
    canvas.capsule(side * 62 * s, -8 * s, side * 41 * s, -4 * s, 1.2, 1.6, T('csf'), undefined, true);
    canvas.capsule(side * 41 * s, -4 * s, side * 39 * s, 8 * s, 1.4, 0.8, T('csf'), undefined, true);
    // Lentiform nucleus (putamen + globus pallidus), caudate head, thalamus.
    canvas.ellipse(side * 25 * s, -3 * s, 7.5 * s, 15 * s, side * -12, T('grey-matter'));
    canvas.ellipse(side * 13 * s, -20 * s, 6 * s, 9 * s, side * 18, T('grey-matter'));
    canvas.ellipse(side * 10 * s, 12 * s, 8 * s, 11 * s, side * 8, T('grey-matter'));
    // Frontal horn (lateral to the caudate head's medial edge), atrium.
    canvas.ellipse(side * 7 * s, -23 * s, 3.8 * s, 12 * s, side * 20, T('csf'));
    canvas.ellipse(side * 19 * s, 36 * s, 4.5 * s, 11 * s, side * -28, T('csf'));
  }
  // Third ventricle.
  canvas.ellipse(0, 10 * s, 1.6, 8 * s, 0, T('csf'));
}

/** Interhemispheric fissure with the falx, anteriorly and posteriorly. */
function drawFalx(canvas: Canvas, ry: number, s: number): void {
  const segments: Array<[number, number]> = [
    [-ry - 1, -ry + 40 * s],
    [ry + 1, ry - 44 * s],
  ];
  for (const [y0, y1] of segments) {
    canvas.capsule(0, y0, 0, y1, 3.2, 2.5, T('grey-matter'), BRAIN);
    canvas.capsule(0, y0, 0, y1, 1.1, 0.6, T('csf'), undefined, true);
    canvas.capsule(0, y0, 0, y1, 0.45, 0.3, T('falx'), undefined, true);
  }
}

/**
 * Draws the head on `canvas` (centre at the origin).
 * @param scale head size factor (≈ 0.93–1.05)
 */
export function drawBrainAnatomy(canvas: Canvas, scale: number, rng: Rng): HeadLandmarks {
  const s = scale;
  const head = { rx: 79 * s, ry: 97 * s };
  // Scalp: skin over subcutaneous fat.
  canvas.ellipse(0, 0, head.rx, head.ry, 0, T('skin'));
  canvas.ellipse(0, 0, head.rx - 2, head.ry - 2, 0, T('fat'));
  canvas.ellipse(0, 0, head.rx - 3.5, head.ry - 3.5, 0, T('muscle'));
  // Skull: outer table, diploë, inner table (thicker frontally and occipitally).
  const outer = { rx: head.rx - 8.5, ry: head.ry - 8.5 };
  canvas.ellipse(0, 0, outer.rx, outer.ry, 0, T('cortical-bone'));
  canvas.ellipse(0, 0, outer.rx - 1.8, outer.ry - 2.2, 0, T('cancellous-bone'));
  const innerTable = { rx: outer.rx - 5.6, ry: outer.ry - 6.6 };
  canvas.ellipse(0, 0, innerTable.rx + 1.6, innerTable.ry + 1.6, 0, T('cortical-bone'));
  canvas.ellipse(0, 0, innerTable.rx, innerTable.ry, 0, T('csf'));
  // Brain: white matter, cortical ribbon, sulci, deep structures.
  const brain = { rx: innerTable.rx - 1.6, ry: innerTable.ry - 1.8 };
  canvas.ellipse(0, 0, brain.rx, brain.ry, 0, T('grey-matter'));
  canvas.ellipse(0, 0, brain.rx - 2.8, brain.ry - 2.8, 0, T('white-matter'));
  drawSulci(canvas, brain.rx, brain.ry, rng);
  drawFalx(canvas, brain.ry, s);
  drawDeepStructures(canvas, s);
  return { innerTable, brain };
}
