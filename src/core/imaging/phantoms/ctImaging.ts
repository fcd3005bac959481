/**
 * The imaging chain of a CT phantom after the anatomy is drawn: quantum noise filtered by the
 * reconstruction kernel, then the 12-bit clamp.
 *
 * In filtered back-projection the kernel shapes both the resolution and the noise texture (Buzug
 * 2008, ch. 5 and 11; Hsieh J, *Computed Tomography: Principles, Design, Artifacts*, 2nd ed.,
 * 2009, ch. 3): here the kernel is a linear filter (a Gaussian point-spread function, plus an
 * unsharp-mask edge enhancement for the sharp kernel), and white Gaussian noise is added *before*
 * it, so the output noise is correlated (a "grainy" sharp kernel, a "blotchy" soft one) like real
 * CT noise. The white-noise level is calibrated so that the standard deviation measured in a
 * uniform region equals `noiseHu`: σ_out = σ_in · sqrt(Σ h²), h the filter's impulse response.
 */

import { CT_MAX_HU, CT_MIN_HU } from './ctTissues';
import { gaussianBlur } from './gaussianBlur';
import { addGaussianNoise, type Rng } from './random';

/** Reconstruction kernel: soft tissue, standard, or sharp (lung/bone). */
export type CtKernel = 'soft' | 'standard' | 'sharp';

/**
 * Point-spread σ of each kernel in mm (FWHM = 2.355 σ ≈ 1.9, 1.3 and 0.8 mm), and for 'sharp' an
 * unsharp mask of amount 0.6 over a 1.2 mm Gaussian (edge overshoot of bone/lung kernels).
 */
export const CT_KERNELS: Readonly<
  Record<CtKernel, { sigmaMm: number; sharpen: number; sharpenSigmaMm: number }>
> = {
  soft: { sigmaMm: 0.8, sharpen: 0, sharpenSigmaMm: 0 },
  standard: { sigmaMm: 0.55, sharpen: 0, sharpenSigmaMm: 0 },
  sharp: { sigmaMm: 0.35, sharpen: 0.6, sharpenSigmaMm: 1.2 },
};

/** Applies the kernel's linear filter to `values` in place. */
export function applyKernel(
  values: Float32Array,
  rows: number,
  columns: number,
  spacingMm: number,
  kernel: CtKernel,
): void {
  const k = CT_KERNELS[kernel];
  gaussianBlur(values, rows, columns, k.sigmaMm / spacingMm);
  if (k.sharpen > 0) {
    const low = Float32Array.from(values);
    gaussianBlur(low, rows, columns, k.sharpenSigmaMm / spacingMm);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? 0;
      values[i] = v + k.sharpen * (v - (low[i] ?? 0));
    }
  }
}

/**
 * sqrt(Σ h²) of the kernel's impulse response at this pixel size: the factor by which the filter
 * scales the standard deviation of white noise.
 */
export function kernelNoiseGain(spacingMm: number, kernel: CtKernel): number {
  const k = CT_KERNELS[kernel];
  const widest = Math.max(k.sigmaMm, k.sharpenSigmaMm) / spacingMm;
  const size = 2 * Math.ceil(4 * widest + 2) + 1;
  const delta = new Float32Array(size * size);
  const centre = (size - 1) / 2;
  delta[centre * size + centre] = 1;
  applyKernel(delta, size, size, spacingMm, kernel);
  let sumSq = 0;
  for (const h of delta) sumSq += h * h;
  return Math.sqrt(sumSq);
}

/** Options of the CT imaging chain. */
export interface CtImagingOptions {
  kernel: CtKernel;
  /** Standard deviation of the noise in a uniform region of the output, HU (e.g. 10–30; 0 = none). */
  noiseHu: number;
}

/**
 * Adds calibrated white noise, applies the kernel and clamps to the 12-bit CT range −1024…3071 HU,
 * in place.
 */
export function applyCtImaging(
  values: Float32Array,
  rows: number,
  columns: number,
  spacingMm: number,
  options: CtImagingOptions,
  rng: Rng,
): void {
  if (options.noiseHu > 0) {
    addGaussianNoise(values, options.noiseHu / kernelNoiseGain(spacingMm, options.kernel), rng);
  }
  applyKernel(values, rows, columns, spacingMm, options.kernel);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    values[i] = v < CT_MIN_HU ? CT_MIN_HU : v > CT_MAX_HU ? CT_MAX_HU : v;
  }
}
