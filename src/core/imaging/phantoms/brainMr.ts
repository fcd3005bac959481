/**
 * A physics-based axial brain MR slice: the head anatomy of brainAnatomy.ts, each tissue's signal
 * from the spin-echo equation with its T1, T2 and proton density at 1.5 T (mrTissues.ts), an
 * optional tumour (long T1 and T2 in a rim of oedema, optionally an enhancing rim and a necrotic
 * core), the point-spread of k-space sampling (a small Gaussian), a smooth multiplicative
 * intensity non-uniformity (bias field) and Rician noise.
 *
 * Rician noise: the magnitude of a complex signal with independent Gaussian noise of σ in both
 * channels, M = sqrt((S + n₁)² + n₂²) (Gudbjartsson H, Patz S, "The Rician distribution of noisy
 * MRI data", Magn Reson Med 1995;34:910–4). Noise σ is given as a percentage of a reference
 * tissue's signal (white matter for T1, CSF for T2), and the bias field as the total range of the
 * multiplicative field (20 % = 0.90…1.10), both as in BrainWeb (Kwan et al. 1999).
 */

import { drawBrainAnatomy } from './brainAnatomy';
import { Canvas } from './Canvas';
import { ctTissueIndex as T, CT_TISSUE_NAMES } from './ctTissues';
import { gaussianBlur } from './gaussianBlur';
import { discInside, paintDiscMask, type PointMm } from './lesionSites';
import { ENHANCED_RIM_T1, MR_TISSUES, signalTable, spinEchoSignal } from './mrTissues';
import { maskBox, type PhantomImage } from './PhantomImage';
import { createRng, smoothField } from './random';

/** Options of {@link makeBrainMr}. */
export interface BrainMrOptions {
  /** Image size (rows = columns), 256 by default. */
  size?: number;
  /** Field of view in mm, 240 by default. */
  fieldOfViewMm?: number;
  seed?: number;
  /** 'T1' (TR 500 ms, TE 15 ms) or 'T2' (TR 4000 ms, TE 100 ms) spin echo; 'T1' by default. */
  weighting?: 'T1' | 'T2';
  /** Repetition time, ms (overrides the weighting's). */
  tr?: number;
  /** Echo time, ms (overrides the weighting's). */
  te?: number;
  /** Noise σ in % of the reference tissue's signal, 3 by default. */
  noisePercent?: number;
  /** Total range of the bias field, 0.2 (±10 %) by default; 0 for none. */
  biasField?: number;
  /** A tumour; none by default. */
  tumour?: {
    diameterMm: number;
    /** Centre in mm from the image centre; in the right frontal white matter by default. */
    at?: PointMm;
    /** Enhancing rim (as after gadolinium), false by default. */
    enhancing?: boolean;
    /** Necrotic core, true by default for tumours of 20 mm or more. */
    necrotic?: boolean;
  };
}

/** Signal units per unit of the spin-echo signal (so values fit 12 bits comfortably). */
const SIGNAL_SCALE = 2000;

const BRAIN = new Set([T('grey-matter'), T('white-matter'), T('csf'), T('falx')]);

/**
 * Makes an axial brain MR slice in arbitrary signal units (≥ 0). With a tumour, `masks` marks the
 * tumour (core and rim, not the oedema) and `boxes` holds its bounding box.
 */
export function makeBrainMr(options: BrainMrOptions = {}): PhantomImage {
  const size = options.size ?? 256;
  const spacing = (options.fieldOfViewMm ?? 240) / size;
  const weighting = options.weighting ?? 'T1';
  const tr = options.tr ?? (weighting === 'T1' ? 500 : 4000);
  const te = options.te ?? (weighting === 'T1' ? 15 : 100);
  const tumour = options.tumour;
  const rimT1 = tumour?.enhancing === true ? ENHANCED_RIM_T1 : undefined;
  const rim = MR_TISSUES['tumour-rim'];
  const signal = signalTable(
    tr,
    te,
    rimT1 !== undefined && rim ? { 'tumour-rim': { ...rim, t1: rimT1 } } : {},
  );
  for (let i = 0; i < signal.length; i++) signal[i] = (signal[i] ?? 0) * SIGNAL_SCALE;

  const rng = createRng(options.seed ?? 1);
  const canvas = new Canvas(size, size, spacing, signal);
  drawBrainAnatomy(canvas, rng.range(0.94, 1.04), rng);

  const mask = new Uint8Array(size * size);
  const labels: PhantomImage['labels'] = { hasTumour: tumour !== undefined, weighting, trMs: tr, teMs: te };
  if (tumour !== undefined) {
    const radius = tumour.diameterMm / 2;
    const at = tumour.at ?? { x: -30, y: -38 };
    if (!discInside(canvas, at.x, at.y, radius, BRAIN)) {
      throw new RangeError(
        `A tumour of ${tumour.diameterMm} mm at (${at.x}, ${at.y}) does not fit in the brain`,
      );
    }
    // Finger-like vasogenic oedema in the white matter around the mass.
    for (let k = 0; k < 5; k++) {
      const a = (k / 5) * 2 * Math.PI + rng.range(-0.3, 0.3);
      const d = radius * rng.range(0.6, 1.1);
      const ox = at.x + Math.cos(a) * d;
      const oy = at.y + Math.sin(a) * d;
      canvas.ellipse(
        ox,
        oy,
        radius * 0.9,
        radius * 0.55,
        (a * 180) / Math.PI,
        T('oedema'),
        new Set([T('white-matter')]),
      );
    }
    const necrotic = tumour.necrotic ?? tumour.diameterMm >= 20;
    canvas.capsule(at.x, at.y, at.x, at.y, radius, radius, T('tumour-rim'), undefined, true);
    canvas.capsule(
      at.x,
      at.y,
      at.x,
      at.y,
      radius - Math.min(3, radius / 3),
      radius - Math.min(3, radius / 3),
      T('tumour'),
      undefined,
      true,
    );
    if (necrotic)
      canvas.capsule(at.x, at.y, at.x, at.y, radius * 0.45, radius * 0.45, T('necrosis'), undefined, true);
    paintDiscMask(mask, canvas, at.x, at.y, radius);
    Object.assign(labels, {
      lesionKind: 'tumour',
      lesionDiameterMm: tumour.diameterMm,
      enhancing: tumour.enhancing === true,
      necrotic,
    });
  }

  const image = canvas.values;
  gaussianBlur(image, size, size, 0.45);
  const bias = options.biasField ?? 0.2;
  if (bias > 0) {
    const field = smoothField(size, size, 80 / spacing, rng);
    for (let i = 0; i < image.length; i++) {
      const f = Math.max(-1.5, Math.min(1.5, field[i] ?? 0)) / 1.5;
      image[i] = (image[i] ?? 0) * (1 + (bias / 2) * f);
    }
  }
  const reference = MR_TISSUES[weighting === 'T1' ? 'white-matter' : 'csf'];
  const sigma = reference
    ? ((options.noisePercent ?? 3) / 100) * spinEchoSignal(reference, tr, te) * SIGNAL_SCALE
    : 0;
  for (let i = 0; i < image.length; i++) {
    const real = (image[i] ?? 0) + sigma * rng.normal();
    const imaginary = sigma * rng.normal();
    image[i] = Math.sqrt(real * real + imaginary * imaginary);
  }
  const box = maskBox(mask, size, size, 'tumour');
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
