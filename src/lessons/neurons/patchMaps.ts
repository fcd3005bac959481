/**
 * The patch of the permutation step: a square crop of a slice's intensities, and its Sobel edge
 * magnitude computed with the reference convolution (the operation a CNN's first layer performs).
 */
import { SOBEL_X, SOBEL_Y } from '../../core/datasets/edgeDensity';
import { conv2dRef } from '../../core/tensor/reference/conv2dRef';
import { copyRegion } from '../shared/centralRegion';

/** Side of the patch, in pixels (the MLP's 64·64 = 4,096 inputs). */
export const PATCH_SIDE = 64;

/** A square crop and where it was taken. */
export interface Patch {
  /** Column and row of the crop's top-left pixel in the slice. */
  x0: number;
  y0: number;
  side: number;
  /** `side²` values, row-major. */
  data: Float32Array;
}

/**
 * The top-left corner of a `side × side` crop placed at `percent` (0–100) of the free range
 * `0 … length − side` along one axis (0 % = first pixel, 100 % = flush with the far edge).
 */
export function cropStart(length: number, side: number, percent: number): number {
  const free = Math.max(0, length - side);
  const p = Math.min(100, Math.max(0, percent));
  return Math.round((p / 100) * free);
}

/**
 * The inverse of {@link cropStart}: the whole percentage (0–100) that puts a crop's top-left corner
 * as close as possible to `start` (clamped into the free range; 0 when there is none).
 */
export function percentFor(start: number, length: number, side: number): number {
  const free = length - side;
  if (free <= 0) return 0;
  return Math.round(Math.min(100, Math.max(0, (100 * start) / free)));
}

/**
 * Copies the `side × side` crop of a `width × height` image at (cx %, cy %) of the free range.
 * @throws RangeError when the image is smaller than the crop.
 */
export function cropPatch(
  image: ArrayLike<number>,
  width: number,
  height: number,
  cx: number,
  cy: number,
  side = PATCH_SIDE,
): Patch {
  if (width < side || height < side) {
    throw new RangeError(`the image (${width}×${height}) is smaller than the ${side}×${side} patch`);
  }
  const x0 = cropStart(width, side, cx);
  const y0 = cropStart(height, side, cy);
  return { x0, y0, side, data: copyRegion(image, width, x0, y0, side, side) };
}

const kernel = (k: readonly (readonly number[])[]) => ({
  kh: 3,
  kw: 3,
  inChannels: 1,
  outChannels: 1,
  data: Float32Array.from(k.flat()),
});

/**
 * Sobel gradient magnitude √(Gx² + Gy²) of a square image, same size as the input: both kernels
 * applied by {@link conv2dRef} with 'same' padding that mirrors the border ('reflect'), so the
 * frame of the image shows no artificial edge.
 */
export function sobelMagnitudeMap(image: Float32Array, side: number): Float32Array {
  const input = { height: side, width: side, channels: 1, data: image };
  const opts = { padding: 'same', padMode: 'reflect' } as const;
  const gx = conv2dRef(input, kernel(SOBEL_X), opts).data;
  const gy = conv2dRef(input, kernel(SOBEL_Y), opts).data;
  return gx.map((v, i) => Math.hypot(v, gy[i] as number));
}
