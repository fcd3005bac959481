/**
 * Modality values → 8-bit RGBA for a canvas, in one pass: the VOI window (PS3.3 C.11.2.1.2.1), the
 * MONOCHROME1 inversion (PS3.3 C.7.6.3.1.2) and the user's invert toggle.
 */
import {
  IDENTITY_TRANSFORM,
  windowTransform,
  type VoiLutFunction,
  type WindowTransform,
} from './applyWindow';
import type { VoiWindow } from './voiWindow';

/** What `renderToRgba` needs of an image: one frame of modality values and its layout. */
export interface RenderableImage {
  /** Row-major modality values; interleaved R, G, B when `samplesPerPixel` is 3. */
  values: Float32Array;
  rows: number;
  columns: number;
  /** 1 (grey) or 3 (RGB). */
  samplesPerPixel: number;
  /** Photometric Interpretation (0028,0004); only 'MONOCHROME1' changes the rendering. */
  photometricInterpretation: string;
}

/** Display options on top of the window. */
export interface RenderOptions {
  /** The user's invert toggle, applied on top of the MONOCHROME1 inversion. */
  invert?: boolean;
  /** VOI LUT Function (0028,1056); LINEAR unless given (PS3.3 C.11.2.1.3). */
  voiLutFunction?: VoiLutFunction;
}

/** Whether 32-bit writes put the first byte at the lowest address (true in every current browser). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([0x01020304]).buffer)[0] === 0x04;

/**
 * Whether a frame is MONOCHROME1 (grey, "minimum value displayed white", PS3.3 C.7.6.3.1.2): one
 * sample per pixel and that Photometric Interpretation, read trimmed and case-insensitively.
 */
export function isMonochrome1(photometricInterpretation: string, samplesPerPixel: number): boolean {
  return samplesPerPixel === 1 && photometricInterpretation.trim().toUpperCase() === 'MONOCHROME1';
}

/**
 * Whether the display inverts: MONOCHROME1 means "minimum value displayed white" (PS3.3 C.7.6.3.1.2),
 * so its greyscale is inverted after the VOI LUT; the user's toggle inverts once more.
 */
export function isDisplayInverted(
  photometricInterpretation: string,
  samplesPerPixel: number,
  invert = false,
): boolean {
  return isMonochrome1(photometricInterpretation, samplesPerPixel) !== invert;
}

/**
 * Renders one frame to 8-bit RGBA (alpha 255), ready for `ImageData`.
 *
 * Grey images (1 sample): each value goes through the window (or, when `window` is null, is shown
 * as is: round(x) clamped to 0…255), then MONOCHROME1 and the user's invert flip it (v → 255 − v).
 * RGB images (3 samples): each channel goes through the same window (or as is when null); only the
 * user's invert applies (MONOCHROME1 is a greyscale interpretation).
 *
 * One pass over the values with the window's constants precomputed; `out` is reused when given.
 * @throws RangeError when `values` is shorter than rows × columns × samplesPerPixel, `out` is too small,
 * or samplesPerPixel is neither 1 nor 3.
 */
export function renderToRgba(
  image: RenderableImage,
  window: VoiWindow | null,
  opts: RenderOptions = {},
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const { rows, columns, samplesPerPixel: spp, values } = image;
  if (spp !== 1 && spp !== 3)
    throw new RangeError(`Cannot display ${spp} samples per pixel (1 or 3 expected)`);
  const n = rows * columns;
  if (values.length < n * spp)
    throw new RangeError(`Image holds ${values.length} values, need ${n * spp} (${rows}×${columns}×${spp})`);
  if (out && out.length < n * 4) throw new RangeError(`Output holds ${out.length} bytes, need ${n * 4}`);
  const dst = out ?? new Uint8ClampedArray(n * 4);
  const t: WindowTransform = window
    ? windowTransform(window.center, window.width, opts.voiLutFunction)
    : IDENTITY_TRANSFORM;
  const flip = isDisplayInverted(image.photometricInterpretation, spp, opts.invert) ? 255 : 0;
  const aligned = LITTLE_ENDIAN && dst.byteOffset % 4 === 0;
  if (spp === 1) {
    if (aligned) renderGrey32(values, n, t, flip, new Uint32Array(dst.buffer, dst.byteOffset, n));
    else renderGrey8(values, n, t, flip, dst);
  } else if (aligned) renderRgb32(values, n, t, flip, new Uint32Array(dst.buffer, dst.byteOffset, n));
  else renderRgb8(values, n, t, flip, dst);
  return dst;
}

function renderGrey32(
  values: Float32Array,
  n: number,
  t: WindowTransform,
  flip: number,
  dst: Uint32Array,
): void {
  const { lower, upper, slope, intercept } = t;
  const below = t.below ^ flip;
  const above = t.above ^ flip;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const v = x <= lower ? below : x > upper ? above : ((x * slope + intercept + 0.5) | 0) ^ flip;
    dst[i] = 0xff000000 | (v << 16) | (v << 8) | v;
  }
}

function renderGrey8(
  values: Float32Array,
  n: number,
  t: WindowTransform,
  flip: number,
  dst: Uint8ClampedArray,
): void {
  const { lower, upper, slope, intercept } = t;
  const below = t.below ^ flip;
  const above = t.above ^ flip;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const x = values[i]!;
    const v = x <= lower ? below : x > upper ? above : ((x * slope + intercept + 0.5) | 0) ^ flip;
    dst[j] = v;
    dst[j + 1] = v;
    dst[j + 2] = v;
    dst[j + 3] = 255;
  }
}

function channel(x: number, t: WindowTransform, flip: number): number {
  return x <= t.lower
    ? t.below ^ flip
    : x > t.upper
      ? t.above ^ flip
      : ((x * t.slope + t.intercept + 0.5) | 0) ^ flip;
}

function renderRgb32(
  values: Float32Array,
  n: number,
  t: WindowTransform,
  flip: number,
  dst: Uint32Array,
): void {
  for (let i = 0, k = 0; i < n; i++, k += 3) {
    const r = channel(values[k]!, t, flip);
    const g = channel(values[k + 1]!, t, flip);
    const b = channel(values[k + 2]!, t, flip);
    dst[i] = 0xff000000 | (b << 16) | (g << 8) | r;
  }
}

function renderRgb8(
  values: Float32Array,
  n: number,
  t: WindowTransform,
  flip: number,
  dst: Uint8ClampedArray,
): void {
  for (let i = 0, k = 0, j = 0; i < n; i++, k += 3, j += 4) {
    dst[j] = channel(values[k]!, t, flip);
    dst[j + 1] = channel(values[k + 1]!, t, flip);
    dst[j + 2] = channel(values[k + 2]!, t, flip);
    dst[j + 3] = 255;
  }
}
