/**
 * The numbers of the step-through view: a small crop of the slice (the input here), every output
 * position of the convolution over it, and each position's terms from `convAt` (the reference maths),
 * computed once per parameter change so that a frame only reads them.
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { convAt, type ConvTerms } from '../../core/tensor/reference/conv2dRef';
import { convOutputShape } from '../../core/tensor/reference/convGeometry';
import type { PaddingSpec, Volume } from '../../core/tensor/reference/types';
import { kernelFilters } from './kernelString';
import { copyRegion } from '../shared/centralRegion';

/** Side of the crop the step-through works on, in pixels. */
export const CROP_SIZE = 12;

/** A crop of a slice: where it lies and its intensities as a one-channel volume. */
export interface Crop {
  /** Column of the crop's left edge in the slice. */
  x0: number;
  /** Row of the crop's top edge in the slice. */
  y0: number;
  volume: Volume;
}

/**
 * The size × size crop of `image` (row-major `data`, width × height) centred as near to (cx, cy) as the
 * image allows: x0 = clamp(cx − ⌊size/2⌋, 0, width − size). An image smaller than `size` is used whole.
 */
export function cropRegion(
  image: { width: number; height: number; data: ArrayLike<number> },
  cx: number,
  cy: number,
  size = CROP_SIZE,
): Crop {
  const w = Math.min(size, image.width);
  const h = Math.min(size, image.height);
  const half = Math.floor(size / 2);
  const x0 = Math.max(0, Math.min(image.width - w, Math.round(cx) - half));
  const y0 = Math.max(0, Math.min(image.height - h, Math.round(cy) - half));
  const data = copyRegion(image.data, image.width, x0, y0, w, h);
  return { x0, y0, volume: { height: h, width: w, channels: 1, data } };
}

/** Stride, padding and bias of the step-through. */
export interface StepperOptions {
  stride: number;
  padding: PaddingSpec;
  bias: number;
}

/** Every output position of a convolution over a crop, with its terms. */
export interface StepperModel {
  /** Kernel side k. */
  k: number;
  stride: number;
  outHeight: number;
  outWidth: number;
  /** outHeight · outWidth. */
  positions: number;
  /** The padding used (pixels on each side). */
  padding: { top: number; bottom: number; left: number; right: number };
  /** terms[p] for position p = oy · outWidth + ox. */
  terms: ConvTerms[];
  /** [−m, m], m = max |output| (1 when all are 0): the colour range of the output map. */
  range: [number, number];
}

/**
 * The convolution of `crop` with the k × k kernel `weights`: output size from the reference geometry
 * and each position's taps, products, sum and output from `convAt`.
 */
export function stepperModel(crop: Volume, weights: readonly number[], opts: StepperOptions): StepperModel {
  const filters = kernelFilters(weights);
  const convOpts = { stride: opts.stride, padding: opts.padding, bias: Float32Array.of(opts.bias) };
  const shape = convOutputShape(crop.height, crop.width, filters.kh, filters.kw, convOpts);
  const terms: ConvTerms[] = [];
  let m = 0;
  for (let oy = 0; oy < shape.height; oy++)
    for (let ox = 0; ox < shape.width; ox++) {
      const t = convAt(crop, filters, oy, ox, 0, convOpts);
      terms.push(t);
      m = Math.max(m, Math.abs(t.output));
    }
  const r = m > 0 ? m : 1;
  return {
    k: filters.kh,
    stride: opts.stride,
    outHeight: shape.height,
    outWidth: shape.width,
    positions: terms.length,
    padding: shape.padding,
    terms,
    range: [-r, r],
  };
}

/** A number for the worked line: 3 decimals, U+2212 minus, negative factors in brackets. */
export function fmt3(v: number): string {
  return formatNumber(v, 3);
}

function factor(v: number): string {
  const s = fmt3(v);
  return v < 0 && s !== '0' ? `(${s})` : s;
}

/**
 * The worked line of one output: "Σ x·w + b = 0.31×(−1) + 0.35×0 + … + 0.1 = 0.57" (Chinese uses the
 * same notation). Each product is written as input × weight, in the order of the taps.
 */
export function workedLine(t: ConvTerms): string {
  const products = t.taps.map((tap) => `${factor(tap.value)}×${factor(tap.weight)}`).join(' + ');
  return `Σ x·w + b = ${products} + ${factor(t.bias)} = ${fmt3(t.output)}`;
}

/** Output row and column of position p. */
export function positionOf(p: number, outWidth: number): { oy: number; ox: number } {
  return { oy: Math.floor(p / outWidth), ox: p % outWidth };
}
