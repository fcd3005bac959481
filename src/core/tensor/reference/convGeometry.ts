/**
 * Output-size arithmetic of 2-D convolution and pooling, as the `convolution` lesson teaches it and
 * as TensorFlow computes it. Along one axis, with input size n, kernel size k, stride s, dilation d
 * and padding p_before / p_after:
 *
 *   effective kernel   k_eff = d·(k − 1) + 1
 *   output size        out   = ⌊(n + p_before + p_after − k_eff) / s⌋ + 1      (0 if that is ≤ 0)
 *
 * With symmetric padding p this is the textbook ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1.
 */
import type { ConvOptions, ExplicitPadding } from './types';

/** A number for both axes, or a [vertical, horizontal] pair, as a fresh [vertical, horizontal] pair. */
export function pair(v: number | readonly [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

function isNonNegativeInteger(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/** Throws a RangeError unless `v` is an integer ≥ 1. `what` names the quantity for the message. */
export function assertPositiveInteger(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 1)
    throw new RangeError(`${what} must be a whole number of at least 1, got ${v}.`);
}

/**
 * Size of the kernel's footprint once dilated: d·(k − 1) + 1 (a 3-wide kernel with dilation 2
 * spans 5 pixels, with a gap between taps).
 */
export function effectiveKernelSize(k: number, d: number): number {
  return d * (k - 1) + 1;
}

/**
 * Output size along one axis: ⌊(n + padBefore + padAfter − d·(k − 1) − 1) / s⌋ + 1, or 0 when that
 * is ≤ 0 (the dilated kernel does not fit in the padded input even once).
 *
 * Example: n = 5, k = 3, s = 2, p = 1 on each side, d = 1 → ⌊(5 + 2 − 2 − 1) / 2⌋ + 1 = 3.
 */
export function convOutputSize(
  n: number,
  k: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
): number {
  const span = n + padBefore + padAfter - effectiveKernelSize(k, dilation);
  if (span < 0) return 0;
  return Math.floor(span / stride) + 1;
}

/**
 * TensorFlow's 'same' padding along one axis: out = ⌈n / s⌉, total = max((out − 1)·s + k_eff − n, 0),
 * before = ⌊total / 2⌋, after = total − before (the extra pixel, if any, goes after).
 */
export function samePadding(n: number, k: number, stride: number, dilation: number): [number, number] {
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + effectiveKernelSize(k, dilation) - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * The padding, in pixels on each side, that `opts.padding` means for a height × width input and a
 * kh × kw kernel: 'valid' (the default) → none; 'same' → TensorFlow's rule (see `samePadding`,
 * with the stride and dilation of `opts`); explicit amounts → as given.
 * @throws RangeError for sizes, strides or dilations that are not whole numbers ≥ 1, or explicit
 *   padding that is not a whole number ≥ 0.
 */
export function resolvePadding(
  height: number,
  width: number,
  kh: number,
  kw: number,
  opts: ConvOptions = {},
): ExplicitPadding {
  assertPositiveInteger(height, 'The image height');
  assertPositiveInteger(width, 'The image width');
  assertPositiveInteger(kh, 'The kernel height');
  assertPositiveInteger(kw, 'The kernel width');
  const [sy, sx] = pair(opts.stride ?? 1);
  const [dy, dx] = pair(opts.dilation ?? 1);
  assertPositiveInteger(sy, 'The vertical stride');
  assertPositiveInteger(sx, 'The horizontal stride');
  assertPositiveInteger(dy, 'The vertical dilation');
  assertPositiveInteger(dx, 'The horizontal dilation');
  const padding = opts.padding ?? 'valid';
  if (padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (padding === 'same') {
    const [top, bottom] = samePadding(height, kh, sy, dy);
    const [left, right] = samePadding(width, kw, sx, dx);
    return { top, bottom, left, right };
  }
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const v = padding[side];
    if (!isNonNegativeInteger(v))
      throw new RangeError(`The ${side} padding must be a whole number of pixels, 0 or more; got ${v}.`);
  }
  return { top: padding.top, bottom: padding.bottom, left: padding.left, right: padding.right };
}

/**
 * Output height and width of a convolution of a height × width input with a kh × kw kernel, and the
 * padding used: out = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1 per axis (0 if ≤ 0).
 */
export function convOutputShape(
  height: number,
  width: number,
  kh: number,
  kw: number,
  opts: ConvOptions = {},
): { height: number; width: number; padding: ExplicitPadding } {
  const padding = resolvePadding(height, width, kh, kw, opts);
  const [sy, sx] = pair(opts.stride ?? 1);
  const [dy, dx] = pair(opts.dilation ?? 1);
  return {
    height: convOutputSize(height, kh, sy, padding.top, padding.bottom, dy),
    width: convOutputSize(width, kw, sx, padding.left, padding.right, dx),
    padding,
  };
}
