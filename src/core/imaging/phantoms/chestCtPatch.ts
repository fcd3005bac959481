/**
 * Fast chest-CT lung patches (e.g. 64 × 64 at 0.7 mm, a 45 mm field) for datasets: lung
 * parenchyma with texture, vessels, sometimes a piece of chest wall, and optionally a nodule.
 * Same tissues, kernel and noise model as the full slice ({@link makeChestCt}), but without
 * drawing a 512 × 512 body, so a patch takes a few milliseconds.
 */

import { Canvas } from './Canvas';
import { applyCtImaging, type CtKernel } from './ctImaging';
import { drawNodule, type NoduleSiteOptions } from './chestCt';
import { CT_TISSUE_HU, CT_TISSUE_NAMES, ctTissueIndex as T } from './ctTissues';
import type { PointMm } from './lesionSites';
import { drawVesselTree, scatterVesselDots } from './lungVessels';
import { maskBox, type PhantomImage } from './PhantomImage';
import { createRng, smoothField } from './random';

/** Options of {@link makeChestCtPatch}. */
export interface ChestCtPatchOptions {
  /** Patch size in pixels (square), 64 by default. */
  size?: number;
  /** Pixel size in mm, 0.7 by default. */
  spacingMm?: number;
  seed?: number;
  /** A nodule in the patch; none by default. Centre in mm from the patch centre, random otherwise. */
  nodule?: { diameterMm: number; kind?: 'solid' | 'ground-glass'; hu?: number; at?: PointMm };
  kernel?: CtKernel;
  /** Noise σ in HU, 15 by default. */
  noiseHu?: number;
  /** Probability that the patch shows a piece of chest wall at one edge, 0.3 by default. */
  chestWallProbability?: number;
}

const LUNG = new Set([T('lung')]);
/** A patch's nodule site: 1.5 mm inside lung or vessel, 400 tries, else the patch centre. */
const PATCH_SITE: NoduleSiteOptions = { marginMm: 1.5, tries: 400, fallback: { x: 0, y: 0 } };

/**
 * Draws a piece of chest wall near one edge: the lung fills a large circle (the inside of the
 * thorax), beyond it ≈ 9 mm of intercostal muscle holding a rib, then fat.
 */
function drawChestWall(canvas: Canvas, half: number, rng: ReturnType<typeof createRng>): void {
  const angle = rng.int(4) * (Math.PI / 2) + rng.range(-0.3, 0.3);
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const radius = rng.range(90, 160);
  // The pleural line crosses the patch `inset` mm inside its edge, on the side of direction n.
  const pleura = half - rng.range(0.2, 0.5) * half;
  const cx = nx * (pleura - radius);
  const cy = ny * (pleura - radius);
  canvas.labels.fill(T('fat'));
  canvas.values.fill(CT_TISSUE_HU[T('fat')] ?? -100);
  canvas.ellipse(cx, cy, radius + 9, radius + 9, 0, T('muscle'));
  canvas.ellipse(cx, cy, radius, radius, 0, T('lung'));
  const ribX = nx * (pleura + 4.5);
  const ribY = ny * (pleura + 4.5);
  const tangent = ((angle + Math.PI / 2) * 180) / Math.PI;
  const length = rng.range(6, 9);
  canvas.ellipse(ribX, ribY, length, 3.6, tangent, T('cortical-bone'));
  canvas.ellipse(ribX, ribY, length - 1.3, 2.3, tangent, T('cancellous-bone'));
}

/**
 * Makes a lung patch in HU; with `nodule`, `masks`/`boxes` mark it and `labels.hasNodule` is true.
 */
export function makeChestCtPatch(options: ChestCtPatchOptions = {}): PhantomImage {
  const size = options.size ?? 64;
  const spacing = options.spacingMm ?? 0.7;
  const rng = createRng(options.seed ?? 1);
  const canvas = new Canvas(size, size, spacing, CT_TISSUE_HU);
  canvas.labels.fill(T('lung'));
  canvas.values.fill(CT_TISSUE_HU[T('lung')] ?? -870);
  const half = (size * spacing) / 2;
  if (rng.uniform() < (options.chestWallProbability ?? 0.3)) drawChestWall(canvas, half, rng);

  // Vessels entering from outside the patch, and vessels cut across.
  const trees = 1 + rng.int(2);
  for (let k = 0; k < trees; k++) {
    const a = rng.range(0, 2 * Math.PI);
    const root = { x: Math.cos(a) * half * 1.1, y: Math.sin(a) * half * 1.1 };
    drawVesselTree(
      canvas,
      {
        root,
        direction: a + Math.PI + rng.range(-0.5, 0.5),
        radius: rng.range(0.9, 2.1),
        length: rng.range(12, 20),
        vessel: T('vessel'),
        over: LUNG,
        depth: 4,
      },
      rng,
    );
  }
  scatterVesselDots(canvas, [{ x: 0, y: 0 }], 6 + rng.int(8), 1.2, 4 * half, T('vessel'), LUNG, rng);

  const mask = new Uint8Array(size * size);
  const labels: PhantomImage['labels'] = { hasNodule: false };
  if (options.nodule !== undefined) {
    const n = options.nodule;
    const { hu, kind } = drawNodule(canvas, mask, n, rng, PATCH_SITE);
    Object.assign(labels, {
      hasNodule: true,
      lesionHu: hu,
      lesionKind: kind,
      lesionDiameterMm: n.diameterMm,
    });
  }

  // Parenchymal texture and a random dependent-density offset (where in the lung the patch lies).
  const field = smoothField(size, size, 3 / spacing, rng);
  const offset = rng.range(0, 40);
  for (let i = 0; i < canvas.labels.length; i++) {
    const label = canvas.labels[i];
    if (label === T('lung') || label === T('ground-glass-nodule')) {
      canvas.values[i] = (canvas.values[i] ?? 0) + 14 * (field[i] ?? 0) + (label === T('lung') ? offset : 0);
    }
  }
  const kernel = options.kernel ?? 'standard';
  const noiseHu = options.noiseHu ?? 15;
  applyCtImaging(canvas.values, size, size, spacing, { kernel, noiseHu }, rng);
  const box = maskBox(mask, size, size, 'nodule');
  return {
    image: canvas.values,
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
