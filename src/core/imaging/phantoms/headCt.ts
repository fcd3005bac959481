/**
 * A physics-based axial head CT at the level of the basal ganglia (brainAnatomy.ts) in
 * Hounsfield units, with an optional acute haemorrhage (hyperdense, +50…+90 HU): intraparenchymal
 * (the classic hypertensive putaminal bleed, with a rim of hypodense oedema) or subdural (a
 * crescent between the inner table and the brain). Then kernel blur and quantum noise.
 */

import { drawBrainAnatomy, type HeadLandmarks } from './brainAnatomy';
import { Canvas } from './Canvas';
import { applyCtImaging, type CtKernel } from './ctImaging';
import { CT_TISSUE_HU, CT_TISSUE_NAMES, ctTissueIndex as T } from './ctTissues';
import { maskBox, type PhantomImage } from './PhantomImage';
import { createRng, type Rng } from './random';

/** An acute haemorrhage. */
export interface HaemorrhageSpec {
  kind: 'intraparenchymal' | 'subdural';
  /** Patient side: 'right' (image left) or 'left'; 'right' by default. */
  side?: 'right' | 'left';
  /** Density in HU, 70 by default (acute clotted blood, +50…+90). */
  hu?: number;
  /** Intraparenchymal: long axis in mm (25 by default). Subdural: greatest thickness in mm (12 by default). */
  sizeMm?: number;
}

/** Options of {@link makeHeadCt}. */
export interface HeadCtOptions {
  /** Image size (rows = columns), 512 by default. */
  size?: number;
  /** Field of view in mm, 240 by default (0.47 mm pixels at 512). */
  fieldOfViewMm?: number;
  seed?: number;
  /** 'soft' by default (brain kernel). */
  kernel?: CtKernel;
  /** Noise σ in HU, 3 by default (head protocols use a high dose for grey/white contrast). */
  noiseHu?: number;
  haemorrhage?: HaemorrhageSpec;
}

const BRAIN_TISSUES = new Set([T('grey-matter'), T('white-matter'), T('csf'), T('falx')]);

/** Intraparenchymal bleed: a lobulated clot in the lentiform nucleus with an oedema rim. */
function drawIntraparenchymal(canvas: Canvas, side: number, length: number, rng: Rng): void {
  const cx = side * 26;
  const cy = -2;
  const lobes: Array<[number, number, number, number, number]> = [
    [cx, cy, length * 0.3, length / 2, side * -12],
    [cx + side * rng.range(2, 5), cy + rng.range(-6, -2), length * 0.25, length * 0.3, 30],
    [cx - side * rng.range(1, 4), cy + rng.range(3, 7), length * 0.22, length * 0.28, -20],
  ];
  for (const [x, y, rx, ry, a] of lobes) canvas.ellipse(x, y, rx + 3, ry + 3, a, T('oedema'), BRAIN_TISSUES);
  for (const [x, y, rx, ry, a] of lobes) canvas.ellipse(x, y, rx, ry, a, T('haemorrhage'));
}

/** Subdural haematoma: a crescent along the inner table over one hemisphere. */
function drawSubdural(canvas: Canvas, head: HeadLandmarks, side: number, thickness: number): void {
  const { rx, ry } = head.innerTable;
  // Inside the inner table, outside the same ellipse moved `thickness` toward the midline.
  for (let r = 0; r < canvas.rows; r++) {
    const y = canvas.y(r);
    if (y < -ry * 0.85 || y > ry * 0.75) continue;
    for (let c = 0; c < canvas.columns; c++) {
      const x = canvas.x(c);
      if (x * side <= 0) continue;
      const inner = (x / rx) ** 2 + (y / ry) ** 2 <= 1;
      const outsideShifted = ((x + side * thickness) / rx) ** 2 + (y / (ry - 2)) ** 2 > 1;
      const i = r * canvas.columns + c;
      if (inner && outsideShifted && BRAIN_TISSUES.has(canvas.labels[i] ?? 0)) {
        canvas.labels[i] = T('haemorrhage');
      }
    }
  }
}

/**
 * Makes an axial head CT slice in HU. With a haemorrhage, `masks` marks it, `boxes` holds its
 * bounding box and `labels` gives kind, side and density.
 */
export function makeHeadCt(options: HeadCtOptions = {}): PhantomImage {
  const size = options.size ?? 512;
  const spacing = (options.fieldOfViewMm ?? 240) / size;
  const rng = createRng(options.seed ?? 1);
  const canvas = new Canvas(size, size, spacing, CT_TISSUE_HU);
  const head = drawBrainAnatomy(canvas, rng.range(0.94, 1.04), rng);
  const bleed = options.haemorrhage;
  const hu = bleed?.hu ?? 70;
  if (bleed !== undefined) {
    const side = (bleed.side ?? 'right') === 'right' ? -1 : 1;
    if (bleed.kind === 'intraparenchymal') drawIntraparenchymal(canvas, side, bleed.sizeMm ?? 25, rng);
    else drawSubdural(canvas, head, side, bleed.sizeMm ?? 12);
  }
  const mask = new Uint8Array(size * size);
  const image = canvas.values;
  const haemorrhage = T('haemorrhage');
  for (let i = 0; i < mask.length; i++) {
    if (canvas.labels[i] !== haemorrhage) continue;
    mask[i] = 1;
    image[i] = hu;
  }
  const kernel = options.kernel ?? 'soft';
  const noiseHu = options.noiseHu ?? 3;
  applyCtImaging(image, size, size, spacing, { kernel, noiseHu }, rng);
  const box = maskBox(mask, size, size, 'haemorrhage');
  const labels: PhantomImage['labels'] = { hasHaemorrhage: bleed !== undefined, kernel, noiseHu };
  if (bleed !== undefined) {
    Object.assign(labels, { lesionKind: bleed.kind, lesionSide: bleed.side ?? 'right', lesionHu: hu });
  }
  return {
    image,
    rows: size,
    columns: size,
    pixelSpacing: [spacing, spacing],
    labels,
    masks: mask,
    boxes: box ? [box] : [],
    tissues: canvas.labels,
    tissueNames: CT_TISSUE_NAMES,
  };
}
