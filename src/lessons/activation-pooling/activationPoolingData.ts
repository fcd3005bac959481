/**
 * The computations behind the activation-pooling widgets, in plain TypeScript on the reference
 * maths (no React, no tfjs): feature maps of the slice, activation statistics, the pooled region.
 * Every number a widget shows comes from here or from src/core/tensor/shiftExperiment.ts.
 */
import { formatNumber, MINUS_SIGN } from '../../core/imaging/display/formatModalityValue';
import {
  activation,
  activationDerivative,
  normalCdf,
  normalPdf,
  type ActivationId,
} from '../../core/tensor/reference/activations';
import { conv2dRef } from '../../core/tensor/reference/conv2dRef';
import type { Filters, Volume } from '../../core/tensor/reference/types';
import {
  placeCrop,
  SHIFT_KERNELS,
  shiftedInput,
  stageOne,
  type BankKernel,
} from '../../core/tensor/shiftExperiment';

/** |f′(z)| below this counts as saturated (or switched off): the unit passes back < 5 % of the gradient. */
export const SATURATION_THRESHOLD = 0.05;

/** The x range of the activation plot. */
export const PLOT_RANGE = [-8, 8] as const;

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * A number to `sig` significant digits, U+2212 for negatives, trailing zeros dropped; outside
 * [0.001, 10⁶) as m×10ⁿ; ±∞ as ∞, NaN as —. Examples: 0.25 → "0.25", −0.0451 → "−0.0451",
 * 4.54e-5 → "4.54×10⁻⁵".
 */
export function fmt(v: number, sig = 3): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS_SIGN}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return formatNumber(Number(v.toPrecision(sig)), 12);
  const [m = '0', e = '0'] = v.toExponential(sig - 1).split('e');
  const exp = [...String(Number(e))].map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${formatNumber(Number(m), sig)}×10${exp}`;
}

/** A share in [0, 1] as a percentage with 3 significant digits ("12.5%"). */
export function pct(share: number): string {
  return `${fmt(100 * share)}%`;
}

/** The slice's intensities as a one-channel volume. */
export function intensityVolume(slice: { width: number; height: number; intensity: Float32Array }): Volume {
  return { height: slice.height, width: slice.width, channels: 1, data: slice.intensity };
}

/** One kernel of the bank as a [3, 3, 1, 1] filter. */
export function bankFilter(id: BankKernel['id']): Filters {
  const k = SHIFT_KERNELS.find((b) => b.id === id) ?? SHIFT_KERNELS[0]!;
  return { kh: 3, kw: 3, inChannels: 1, outChannels: 1, data: Float32Array.from(k.weights) };
}

/**
 * The pre-activation of step 1: z = w · (kernel ∗ intensity) over the whole slice ('same' size,
 * reflect padding so the border adds no artificial edge).
 */
export function preActivation(
  slice: { width: number; height: number; intensity: Float32Array },
  kernel: BankKernel['id'],
  gain: number,
): Float32Array {
  const response = conv2dRef(intensityVolume(slice), bankFilter(kernel), {
    padding: 'same',
    padMode: 'reflect',
  });
  const z = response.data;
  for (let k = 0; k < z.length; k++) z[k] = gain * z[k]!;
  return z;
}

/** What step 1 writes out about f applied to a feature map. */
export interface ActivationStats {
  n: number;
  /** Values with f(z) = 0 exactly. */
  zeroed: number;
  /** Values with |f′(z)| < {@link SATURATION_THRESHOLD}. */
  saturated: number;
  /** Values with z < 0. */
  negative: number;
  lo: number;
  hi: number;
}

/**
 * f(z) for every value, and the counts of {@link ActivationStats}. For GELU, f = z·Φ(z) and
 * f′ = Φ(z) + z·φ(z) (Hendrycks & Gimpel 2016, "Gaussian error linear units") are the formulas of
 * `activation` and `activationDerivative` with Φ(z) computed once: the same numbers, bit for bit,
 * for half the cost of the two calls (Φ is the expensive part on a 512×512 map).
 */
export function activateMap(
  z: Float32Array,
  fn: ActivationId,
  alpha: number,
): { activated: Float32Array; stats: ActivationStats } {
  const activated = new Float32Array(z.length);
  let zeroed = 0;
  let saturated = 0;
  let negative = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < z.length; k++) {
    const v = z[k]!;
    let d: number;
    if (fn === 'gelu') {
      const cdf = normalCdf(v);
      activated[k] = v * cdf;
      d = cdf + v * normalPdf(v);
    } else {
      activated[k] = activation(fn, v, alpha);
      d = activationDerivative(fn, v, alpha);
    }
    if (activated[k] === 0) zeroed++;
    if (Math.abs(d) < SATURATION_THRESHOLD) saturated++;
    if (v < 0) negative++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { activated, stats: { n: z.length, zeroed, saturated, negative, lo, hi } };
}

/** f and f′ sampled at `count` points over {@link PLOT_RANGE}, and the lowest f′ among them. */
export function activationCurves(fn: ActivationId, alpha: number, count = 321) {
  const [a, b] = PLOT_RANGE;
  const f: [number, number][] = [];
  const d: [number, number][] = [];
  let min: { x: number; d: number } = { x: a, d: Infinity };
  for (let i = 0; i < count; i++) {
    const x = a + ((b - a) * i) / (count - 1);
    const dx = activationDerivative(fn, x, alpha);
    f.push([x, activation(fn, x, alpha)]);
    d.push([x, dx]);
    if (dx < min.d) min = { x, d: dx };
  }
  return { f, d, min };
}

/**
 * Top-left of the size × size region of step 2, centred as near (cy, cx) as possible with one pixel
 * of context inside the slice (placeCrop with no shift).
 * @throws RangeError when the slice is smaller than size + 2 pixels.
 */
export function placeRegion(width: number, height: number, cy: number, cx: number, size: number) {
  return placeCrop(width, height, cy, cx, size, 0, 'x');
}

/**
 * The feature maps pooled in step 2: ReLU of the six bank kernels over a size × size region of the
 * slice (3×3 'valid' convolution of the region and one pixel of context around it), size × size × 6:
 * the experiment's first stage on the unshifted crop.
 */
export function regionFeatureMaps(
  slice: { width: number; height: number; intensity: Float32Array },
  top: number,
  left: number,
  size: number,
): Volume {
  const crop = {
    image: intensityVolume(slice),
    top,
    left,
    size,
    maxShift: 0,
    direction: 'x',
    poolSize: 1,
  } as const;
  return stageOne(shiftedInput(crop, 0));
}

/** Channel c of an HWC volume as a row-major map. */
export function channelOf(v: Volume, c: number): Float32Array {
  const out = new Float32Array(v.height * v.width);
  for (let p = 0; p < out.length; p++) out[p] = v.data[p * v.channels + c]!;
  return out;
}

/** The sum over channels of an HWC volume, as a row-major map. */
export function channelSum(v: Volume): Float32Array {
  const out = new Float32Array(v.height * v.width);
  for (let p = 0; p < out.length; p++) {
    let s = 0;
    for (let c = 0; c < v.channels; c++) s += v.data[p * v.channels + c]!;
    out[p] = s;
  }
  return out;
}
