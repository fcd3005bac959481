/**
 * The VOI LUT window functions of DICOM PS3.3 C.11.2.1.2.1 (LINEAR) and C.11.2.1.3.2 (LINEAR_EXACT),
 * mapping modality values (HU for CT) to 8-bit display values 0…255.
 */
import { MIN_WINDOW_WIDTH } from './voiWindow';

/** VOI LUT Function (0028,1056) values implemented here: PS3.3 C.11.2.1.3. 'LINEAR' is the default. */
export type VoiLutFunction = 'LINEAR' | 'LINEAR_EXACT';

/** Largest output value: 8-bit display, y_max = 255, y_min = 0. */
const Y_MAX = 255;

/**
 * A window reduced to the constants of one pass: x ≤ `lower` → `below`; x > `upper` → `above`;
 * otherwise y = x × `slope` + `intercept` (a real number in [0, 255], rounded by the caller).
 */
export interface WindowTransform {
  lower: number;
  upper: number;
  below: number;
  above: number;
  slope: number;
  intercept: number;
}

/**
 * The constants of the window function for centre `center` and width `width`.
 *
 * LINEAR (PS3.3 C.11.2.1.2.1), for width ≥ 1:
 * - x ≤ c − 0.5 − (w − 1)/2 → 0
 * - x > c − 0.5 + (w − 1)/2 → 255
 * - else y = ((x − (c − 0.5)) / (w − 1) + 0.5) × 255
 *
 * LINEAR_EXACT (PS3.3 C.11.2.1.3.2), for width > 0:
 * - x ≤ c − w/2 → 0; x > c + w/2 → 255; else y = ((x − c) / w + 0.5) × 255
 *
 * With width 1 (LINEAR) the ramp is empty: x ≤ c − 0.5 is black, anything above is white.
 * @throws RangeError for a width below 1 (LINEAR) or not above 0 (LINEAR_EXACT), or a non-finite centre.
 */
export function windowTransform(
  center: number,
  width: number,
  fn: VoiLutFunction = 'LINEAR',
): WindowTransform {
  if (!Number.isFinite(center)) throw new RangeError(`Window centre must be a finite number, got ${center}`);
  if (fn === 'LINEAR_EXACT') {
    if (!(width > 0) || !Number.isFinite(width))
      throw new RangeError(`LINEAR_EXACT window width must be > 0 (PS3.3 C.11.2.1.3.2), got ${width}`);
    const slope = Y_MAX / width;
    return {
      lower: center - width / 2,
      upper: center + width / 2,
      below: 0,
      above: Y_MAX,
      slope,
      intercept: (0.5 - center / width) * Y_MAX,
    };
  }
  if (!(width >= MIN_WINDOW_WIDTH) || !Number.isFinite(width))
    throw new RangeError(`Window width must be ≥ 1 (PS3.3 C.11.2.1.2.1), got ${width}`);
  const cm = center - 0.5;
  const half = (width - 1) / 2;
  const span = width - 1;
  return {
    lower: cm - half,
    upper: cm + half,
    below: 0,
    above: Y_MAX,
    slope: span > 0 ? Y_MAX / span : 0,
    intercept: span > 0 ? (0.5 - cm / span) * Y_MAX : 0,
  };
}

/**
 * The LINEAR_EXACT window (PS3.3 C.11.2.1.3.2, {@link windowTransform}) onto 0…1 without the 8-bit
 * output: y = clamp((x − c)/w + 0.5, 0, 1), i.e. `c − w/2` and below → 0, `c + w/2` and above → 1.
 * What a network is fed (the zoo's preprocessing and training data), as one function of x.
 * @throws RangeError for a width that is not above 0, or a non-finite centre
 */
export function unitWindow(center: number, width: number): (x: number) => number {
  const t = windowTransform(center, width, 'LINEAR_EXACT');
  const slope = t.slope / Y_MAX;
  const intercept = t.intercept / Y_MAX;
  return (x) => (x <= t.lower ? 0 : x >= t.upper ? 1 : x * slope + intercept);
}

/** The transform that shows values as they are: round(x) clamped to 0…255 (8-bit data "without a window"). */
export const IDENTITY_TRANSFORM: Readonly<WindowTransform> = {
  lower: 0,
  upper: Y_MAX,
  below: 0,
  above: Y_MAX,
  slope: 1,
  intercept: 0,
};

/**
 * One value through a transform, rounded to the nearest display value (halves round up).
 * The per-pixel loops inline the same arithmetic.
 */
export function windowValue(x: number, t: WindowTransform): number {
  if (x <= t.lower) return t.below;
  if (x > t.upper) return t.above;
  return (x * t.slope + t.intercept + 0.5) | 0;
}

/**
 * Applies a VOI window to modality values (PS3.3 C.11.2.1.2.1 LINEAR, or C.11.2.1.3.2
 * LINEAR_EXACT), one output byte per value, rounded to the nearest integer. NaN maps to 0.
 *
 * @param values modality values (HU for CT: the modality LUT, PS3.3 C.11.1, is already applied).
 * @param out reused when given (must be at least `values.length` long).
 */
export function applyWindow(
  values: Float32Array,
  center: number,
  width: number,
  out?: Uint8Array,
  fn: VoiLutFunction = 'LINEAR',
): Uint8Array {
  const n = values.length;
  if (out && out.length < n) throw new RangeError(`Output holds ${out.length} values, need ${n}`);
  const dst = out ?? new Uint8Array(n);
  const { lower, upper, below, above, slope, intercept } = windowTransform(center, width, fn);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    dst[i] = x <= lower ? below : x > upper ? above : (x * slope + intercept + 0.5) | 0;
  }
  return dst;
}
