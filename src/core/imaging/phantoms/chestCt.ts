/**
 * A physics-based axial chest CT slice: anatomy in Hounsfield units (chestCtAnatomy.ts,
 * ctTissues.ts), optional lung nodules, lung texture, then the CT imaging chain (ctImaging.ts:
 * kernel blur and quantum noise, 12-bit clamp). Seeded and deterministic.
 */

import { Canvas } from './Canvas';
import { drawChestAnatomy } from './chestCtAnatomy';
import { applyCtImaging, type CtKernel } from './ctImaging';
import { CT_TISSUE_HU, CT_TISSUE_NAMES, CT_TISSUES, ctTissueIndex as T } from './ctTissues';
import { findSite, paintDiscMask, type PointMm } from './lesionSites';
import { maskBox, type PhantomBox, type PhantomImage } from './PhantomImage';
import { createRng, smoothField, type Rng } from './random';

/** A lung nodule (a sphere; the slice cuts it through its equator). */
export interface NoduleSpec {
  /** Diameter in mm (e.g. 4–30; Fleischner: < 30 mm is a nodule, larger a mass). */
  diameterMm: number;
  /** 'solid' (soft tissue, ≈ +40 HU) or 'ground-glass' (≈ −600 HU, vessels stay visible). */
  kind?: 'solid' | 'ground-glass';
  /** Density in HU; the kind's table value by default. */
  hu?: number;
  /** Centre in mm from the image centre (+x = patient's left, +y = posterior); random in a lung otherwise. */
  at?: PointMm;
}

/** Options of {@link makeChestCt}. */
export interface ChestCtOptions {
  /** Image size (rows = columns), 512 by default. */
  size?: number;
  /** Field of view in mm, 360 by default (0.70 mm pixels at 512). */
  fieldOfViewMm?: number;
  seed?: number;
  /** Reconstruction kernel, 'standard' by default. */
  kernel?: CtKernel;
  /** Noise standard deviation in HU, 15 by default (a low-dose scan: 25–40). */
  noiseHu?: number;
  nodules?: readonly NoduleSpec[];
}

/** Standard deviation (HU) of the lung texture and the extra density of dependent lung (HU). */
const LUNG_TEXTURE_HU = 14;
const DEPENDENT_DENSITY_HU = 45;

/** Adds parenchymal texture and the gravity-dependent density gradient (supine: posterior denser). */
function addLungTexture(canvas: Canvas, rng: Rng): void {
  const field = smoothField(canvas.rows, canvas.columns, 3 / canvas.spacing, rng);
  const lung = T('lung');
  const glass = T('ground-glass-nodule');
  let top = canvas.rows;
  let bottom = 0;
  for (let i = 0; i < canvas.labels.length; i++) {
    if (canvas.labels[i] !== lung) continue;
    const r = Math.floor(i / canvas.columns);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  const height = Math.max(1, bottom - top);
  for (let i = 0; i < canvas.labels.length; i++) {
    const label = canvas.labels[i];
    if (label === glass) canvas.values[i] = (canvas.values[i] ?? 0) + LUNG_TEXTURE_HU * (field[i] ?? 0);
    if (label !== lung) continue;
    const depth = (Math.floor(i / canvas.columns) - top) / height;
    canvas.values[i] =
      (canvas.values[i] ?? 0) + LUNG_TEXTURE_HU * (field[i] ?? 0) + DEPENDENT_DENSITY_HU * depth ** 3;
  }
}

/** Where {@link drawNodule} looks for a random site: margin (mm), search tries, and the fallback centre. */
export interface NoduleSiteOptions {
  marginMm: number;
  /** findSite's default when absent. */
  tries?: number;
  fallback: PointMm;
}

/** The slice's nodule sites: 4 mm inside lung or vessel, else a point in the right lung. */
const SLICE_SITE: NoduleSiteOptions = { marginMm: 4, fallback: { x: -80, y: -10 } };

/**
 * Paints one nodule (partial-volume edge) and its mask; returns its centre and HU. Without
 * `spec.at`, the centre is a random site in lung or vessel (one findSite call on `rng`).
 */
export function drawNodule(
  canvas: Canvas,
  mask: Uint8Array,
  spec: NoduleSpec,
  rng: Rng,
  site: NoduleSiteOptions = SLICE_SITE,
): { at: PointMm; hu: number; kind: 'solid' | 'ground-glass' } {
  const kind = spec.kind ?? 'solid';
  const tissue = kind === 'solid' ? T('solid-nodule') : T('ground-glass-nodule');
  const hu = spec.hu ?? CT_TISSUES[tissue]?.hu ?? 40;
  const radius = spec.diameterMm / 2;
  const at = spec.at ??
    findSite(canvas, radius, site.marginMm, new Set([T('lung'), T('vessel')]), rng, site.tries) ?? {
      ...site.fallback,
    };
  // Ground glass only raises the lung's density: vessels crossing it stay visible.
  const over = kind === 'solid' ? undefined : new Set([T('lung')]);
  canvas.capsule(at.x, at.y, at.x, at.y, radius, radius, tissue, over, true, hu);
  paintDiscMask(mask, canvas, at.x, at.y, radius);
  return { at, hu, kind };
}

/**
 * Makes an axial chest CT slice in HU. Ground truth: `masks` marks every nodule (the disc of the
 * given diameter), `boxes` holds one box per nodule, `labels` says whether there is a nodule and
 * its density, diameter and kind.
 */
export function makeChestCt(options: ChestCtOptions = {}): PhantomImage {
  const size = options.size ?? 512;
  const fov = options.fieldOfViewMm ?? 360;
  const spacing = fov / size;
  const rng = createRng(options.seed ?? 1);
  const canvas = new Canvas(size, size, spacing, CT_TISSUE_HU);
  const scale = rng.range(0.93, 1.05);
  drawChestAnatomy(canvas, scale, rng);

  const mask = new Uint8Array(size * size);
  const boxes: PhantomBox[] = [];
  const nodules = options.nodules ?? [];
  const drawn: Array<{ at: PointMm; hu: number; kind: string }> = [];
  for (const spec of nodules) {
    const single = new Uint8Array(size * size);
    const result = drawNodule(canvas, single, spec, rng);
    drawn.push(result);
    for (let i = 0; i < single.length; i++) if (single[i] === 1) mask[i] = 1;
    const box = maskBox(single, size, size, 'nodule');
    if (box) boxes.push(box);
  }
  addLungTexture(canvas, rng);
  const image = canvas.values;
  const kernel = options.kernel ?? 'standard';
  const noiseHu = options.noiseHu ?? 15;
  applyCtImaging(image, size, size, spacing, { kernel, noiseHu }, rng);

  const first = drawn[0];
  const labels: PhantomImage['labels'] = {
    hasNodule: drawn.length > 0,
    noduleCount: drawn.length,
    kernel,
    noiseHu,
  };
  if (first !== undefined) {
    labels.lesionHu = first.hu;
    labels.lesionKind = first.kind;
    labels.lesionDiameterMm = nodules[0]?.diameterMm ?? 0;
    labels.lesionXmm = Math.round(first.at.x * 10) / 10;
    labels.lesionYmm = Math.round(first.at.y * 10) / 10;
  }
  return {
    image,
    rows: size,
    columns: size,
    pixelSpacing: [spacing, spacing],
    labels,
    masks: mask,
    boxes,
    tissues: canvas.labels,
    tissueNames: CT_TISSUE_NAMES,
  };
}
