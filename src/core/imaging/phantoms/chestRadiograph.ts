/**
 * A physics-based PA chest radiograph: the 3-D ellipsoid chest (chestRadiographAnatomy.ts) is
 * projected analytically (ellipsoidProjection.ts: ∫µ dl along each parallel ray), attenuated by
 * Beer–Lambert's law I = I₀·e^(−∫µ dl), blurred by the detector's point-spread, counted with
 * Poisson (quantum) noise, then log-transformed back to attenuation and scaled to the 12-bit
 * stored range, so that bone (high attenuation) is white and lung dark on MONOCHROME2 — or the
 * inverse stored values for MONOCHROME1, which a viewer inverts back (DICOM PS3.3 C.7.6.3.1.2).
 * A mild unsharp mask imitates the edge-enhancement ("frequency processing") every digital
 * radiography system applies before presentation.
 */

import { chestRadiographModel, MU_60KEV } from './chestRadiographAnatomy';
import { Canvas } from './Canvas';
import { projectEllipsoids, type Ellipsoid } from './ellipsoidProjection';
import { gaussianBlur } from './gaussianBlur';
import { findSite, paintDiscMask, type PointMm } from './lesionSites';
import { maskBox, type PhantomImage } from './PhantomImage';
import { createRng, type Rng } from './random';

/** Options of {@link makeChestRadiograph}. */
export interface ChestRadiographOptions {
  /** Image size (rows = columns), 512 by default. */
  size?: number;
  /** Detector field in mm, 410 by default (0.8 mm pixels at 512). */
  fieldOfViewMm?: number;
  seed?: number;
  /** Unattenuated photons per pixel, 10⁵ by default (fewer = noisier). */
  photonsPerPixel?: number;
  /** A lung nodule (a sphere of soft tissue); centre in detector mm, random in a lung otherwise. */
  nodule?: { diameterMm: number; at?: PointMm };
  /** MONOCHROME2 by default (high stored value = white). MONOCHROME1 stores 4095 − value. */
  photometric?: 'MONOCHROME1' | 'MONOCHROME2';
  /** Edge-enhancement (unsharp mask) as in clinical processing; true by default. */
  processing?: boolean;
}

/** Log-attenuation mapped to stored value 4095: beyond it values clip. */
export const RADIOGRAPH_MAX_ATTENUATION = 6.5;
/** Largest stored value (12 bits stored, PS3.3 C.8.11.3: DX Bits Stored 6–16). */
export const RADIOGRAPH_MAX_STORED = 4095;

/** Edge enhancement: out = in + amount · (in − Gσ ∗ in), σ in mm. */
const UNSHARP_SIGMA_MM = 6;
const UNSHARP_AMOUNT = 1;

/** A Poisson deviate: Knuth's product method for small means, a normal approximation above 50. */
function poisson(mean: number, rng: Rng): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

/** Whether a detector point projects through a lung and not the heart: a coarse map for nodules. */
function lungMap(size: number, spacing: number): Canvas {
  const canvas = new Canvas(size, size, spacing, [0, 1]);
  canvas.ellipse(-78, 0, 60, 135, 4, 1);
  canvas.ellipse(76, 5, 56, 130, -4, 1);
  canvas.ellipse(24, 80, 92, 64, -30, 0);
  canvas.ellipse(-62, 200, 100, 95, 8, 0);
  canvas.ellipse(66, 212, 90, 90, -8, 0);
  canvas.ellipse(0, 0, 35, 300, 0, 0);
  return canvas;
}

/**
 * The 3-D model a radiograph with these options projects, the nodule's shadow mask, and the
 * random stream positioned where the imaging chain continues drawing from it.
 */
export function chestRadiographScene(options: ChestRadiographOptions): {
  model: Ellipsoid[];
  mask: Uint8Array;
  size: number;
  spacing: number;
  nodule: { centre: [number, number, number]; diameterMm: number } | undefined;
  rng: Rng;
} {
  const size = options.size ?? 512;
  const spacing = (options.fieldOfViewMm ?? 410) / size;
  const rng = createRng(options.seed ?? 1);
  const scale = rng.range(0.94, 1.04);
  const mask = new Uint8Array(size * size);
  let nodule: { centre: [number, number, number]; diameterMm: number } | undefined;
  if (options.nodule !== undefined) {
    const radius = options.nodule.diameterMm / 2;
    const map = lungMap(size, spacing);
    const at = options.nodule.at ?? findSite(map, radius, 6, new Set([1]), rng) ?? { x: -80, y: -40 };
    nodule = { centre: [at.x, at.y, 15], diameterMm: options.nodule.diameterMm };
    paintDiscMask(mask, map, at.x, at.y, radius);
  }
  return { model: chestRadiographModel(scale, rng, nodule), mask, size, spacing, nodule, rng };
}

/**
 * Makes a PA chest radiograph. `image` holds the presentation values 0…4095 (float; round them to
 * store); `labels.photometric` says how to display them. With a nodule, `masks` marks its shadow
 * (a disc) and `boxes` its bounding box.
 */
export function makeChestRadiograph(options: ChestRadiographOptions = {}): PhantomImage {
  const { model, mask, size, spacing, nodule, rng } = chestRadiographScene(options);
  const attenuation = projectEllipsoids(model, { rows: size, columns: size, spacing });
  // Detector point-spread (≈ 0.5 pixel), applied to the transmitted intensity.
  const i0 = options.photonsPerPixel ?? 1e5;
  const intensity = Float32Array.from(attenuation, (p) => i0 * Math.exp(-p));
  gaussianBlur(intensity, size, size, 0.5);
  const image = new Float32Array(size * size);
  for (let i = 0; i < image.length; i++) {
    const counts = Math.max(0.5, poisson(intensity[i] ?? 0, rng));
    image[i] = Math.log(i0 / counts);
  }
  if (options.processing ?? true) {
    const low = Float32Array.from(image);
    gaussianBlur(low, size, size, UNSHARP_SIGMA_MM / spacing);
    for (let i = 0; i < image.length; i++) {
      image[i] = (image[i] ?? 0) + UNSHARP_AMOUNT * ((image[i] ?? 0) - (low[i] ?? 0));
    }
  }
  const photometric = options.photometric ?? 'MONOCHROME2';
  for (let i = 0; i < image.length; i++) {
    const v = (RADIOGRAPH_MAX_STORED * (image[i] ?? 0)) / RADIOGRAPH_MAX_ATTENUATION;
    const clipped = Math.min(RADIOGRAPH_MAX_STORED, Math.max(0, v));
    image[i] = photometric === 'MONOCHROME2' ? clipped : RADIOGRAPH_MAX_STORED - clipped;
  }
  const box = maskBox(mask, size, size, 'nodule');
  const labels: PhantomImage['labels'] = {
    hasNodule: nodule !== undefined,
    photometric,
    photonsPerPixel: i0,
    effectiveEnergyKeV: 60,
    muWaterPerCm: MU_60KEV.water,
  };
  if (nodule !== undefined) {
    Object.assign(labels, { lesionKind: 'nodule', lesionDiameterMm: nodule.diameterMm });
  }
  return {
    image,
    rows: size,
    columns: size,
    pixelSpacing: [spacing, spacing],
    labels,
    masks: mask,
    boxes: box ? [box] : [],
    tissues: new Uint8Array(size * size),
    tissueNames: ['not segmented'],
  };
}
