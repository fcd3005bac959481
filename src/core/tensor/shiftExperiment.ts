/**
 * The translation-invariance experiment of the `activation-pooling` lesson: is a CNN's representation
 * of a patch unchanged when the patch's content moves by a few pixels? Plain TypeScript on the
 * reference maths (no tfjs), so the same numbers come out in the page, in a worker and in Node.
 *
 * The patch. A size × size crop of a one-channel image, top-left corner (top, left). Its content
 * shifted by s pixels is
 *
 *   x_s(y, x) = source(y − s·u_y, x − s·u_x),   (u_y, u_x) = (0, 1) for 'x', (1, 0) for 'y', (1, 1) for 'diagonal',
 *
 * i.e. the content moves s pixels right and/or down while the crop's grid stays put. With
 * border 'crop' (the default) `source` is the image itself, read from a larger region around the crop:
 * the pixels that enter are real image content, so no artificial edge appears. With border
 * 'circular' `source` is the crop repeated periodically (what leaves on one side enters on the
 * other); convolutions then wrap around too, so every stage except the pooling is exactly
 * shift-equivariant (a test option, and a second setting of the lesson).
 *
 * The representations r(x_s), from a fixed bank of six zero-sum 3×3 filters {@link SHIFT_KERNELS}:
 * - conv:       ReLU(conv₁(x_s)), size × size × 6 (conv₁ reads one pixel of real context around the crop,
 *               or wraps in 'circular', so its output covers exactly the crop's pixels);
 * - conv-pool:  maxpool_P(conv), P × P windows, stride P, 'valid';
 * - two-stage:  maxpool_P(ReLU(conv₂(conv-pool))), conv₂ 3×3 over the 6 channels ({@link stageTwoFilters}),
 *               'valid' ('circular': wrapped);
 * - global:     the global average of each channel of conv: 6 numbers.
 *
 * The distance. For each representation, over all its positions and channels, at the same grid
 * positions (the shift is not undone: invariance means the representation does not change),
 *
 *   d(s) = ‖r(x_s) − r(x_0)‖₂ / ‖r(x_0)‖₂,
 *
 * summed in float64; d = 0 when both norms are 0, +∞ when only ‖r(x_0)‖₂ is 0 (the distances are in
 * ./representationDistance.ts).
 */
import { representationDistance, realignedDistance } from './representationDistance';
import { conv2dRef } from './reference/conv2dRef';
import { convOutputSize } from './reference/convGeometry';
import { globalPoolRef, pool2dRef, poolOutputShape } from './reference/pool2dRef';
import type { Filters, Volume } from './reference/types';
import { SOBEL_X, SOBEL_Y } from '../datasets/edgeDensity';

/** Which way the content moves: right ('x'), down ('y'), or both by the same amount ('diagonal'). */
export type ShiftDirection = 'x' | 'y' | 'diagonal';

/** What enters the crop as its content moves: real image content ('crop') or the crop itself, wrapped ('circular'). */
export type ShiftBorder = 'crop' | 'circular';

/** The representations compared. */
export type RepresentationId = 'conv' | 'conv-pool' | 'two-stage' | 'global';

/** Every representation id, in the order of the lesson's plot and table. */
export const REPRESENTATION_IDS: readonly RepresentationId[] = ['conv', 'conv-pool', 'two-stage', 'global'];

/** One 3×3 kernel of the bank, row-major. */
export interface BankKernel {
  id: 'sobel-x' | 'sobel-y' | 'sobel-diagonal' | 'sobel-antidiagonal' | 'bright-spot' | 'dark-spot';
  weights: readonly number[];
}

/**
 * The first-stage filters: Sobel derivatives along x, y and the two diagonals (brighter to the right,
 * below, bottom-right, bottom-left) and an 8-neighbour Laplacian spot detector in both signs
 * (bright spot: centre 8, ring −1). All sum to 0, so a flat region gives 0 after ReLU.
 */
export const SHIFT_KERNELS: readonly BankKernel[] = [
  { id: 'sobel-x', weights: SOBEL_X.flat() },
  { id: 'sobel-y', weights: SOBEL_Y.flat() },
  { id: 'sobel-diagonal', weights: [-2, -1, 0, -1, 0, 1, 0, 1, 2] },
  { id: 'sobel-antidiagonal', weights: [0, -1, -2, 1, 0, -1, 2, 1, 0] },
  { id: 'bright-spot', weights: [-1, -1, -1, -1, 8, -1, -1, -1, -1] },
  { id: 'dark-spot', weights: [1, 1, 1, 1, -8, 1, 1, 1, 1] },
];

/** Kernel side and radius of both stages. */
const K = 3;
const R = 1;

/** The bank as one [3, 3, 1, 6] filter tensor (tfjs layout). */
export function stageOneFilters(): Filters {
  const F = SHIFT_KERNELS.length;
  const data = new Float32Array(K * K * F);
  SHIFT_KERNELS.forEach((k, f) => k.weights.forEach((w, t) => (data[t * F + f] = w)));
  return { kh: K, kw: K, inChannels: 1, outChannels: F, data };
}

/**
 * The second-stage filters [3, 3, 6, 6]: filter f applies kernel (f + c) mod 6 of the bank to input
 * channel c, divided by 6: w₂[i, j, c, f] = k_{(f+c) mod 6}[i, j] / 6. A fixed, deterministic
 * mixing of the channels (no training involved: the experiment is about the architecture).
 */
export function stageTwoFilters(): Filters {
  const F = SHIFT_KERNELS.length;
  const data = new Float32Array(K * K * F * F);
  for (let t = 0; t < K * K; t++)
    for (let c = 0; c < F; c++)
      for (let f = 0; f < F; f++) data[(t * F + c) * F + f] = SHIFT_KERNELS[(f + c) % F]!.weights[t]! / F;
  return { kh: K, kw: K, inChannels: F, outChannels: F, data };
}

/** What {@link runShiftExperiment} and {@link shiftRepresentations} work on. */
export interface ShiftExperimentOptions {
  /** A one-channel image (e.g. a slice's windowed intensities in [0, 1]). */
  image: Volume;
  /** Row of the crop's top-left pixel in the image. */
  top: number;
  /** Column of the crop's top-left pixel in the image. */
  left: number;
  /** Side of the square crop, pixels. */
  size: number;
  /** Largest shift K: shifts 0, 1, …, K are measured. */
  maxShift: number;
  direction: ShiftDirection;
  /** P: max-pooling window and stride of conv-pool and two-stage. */
  poolSize: number;
  /** Default 'crop'. */
  border?: ShiftBorder;
}

/** The unit step (u_y, u_x) of a direction. */
export function shiftUnit(direction: ShiftDirection): readonly [number, number] {
  return direction === 'x' ? [0, 1] : direction === 'y' ? [1, 0] : [1, 1];
}

function assertInteger(v: number, min: number, what: string): void {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`${what} must be a whole number ≥ ${min}, got ${v}.`);
}

/**
 * The rows and columns of the image that the experiment reads in 'crop' mode: the crop, one pixel
 * of context for the 3×3 convolution, and K·u more above / to the left where the shifted content
 * comes from. Inclusive ranges.
 */
export function sourceRegion(
  o: Pick<ShiftExperimentOptions, 'top' | 'left' | 'size' | 'maxShift' | 'direction'>,
) {
  const [uy, ux] = shiftUnit(o.direction);
  return {
    rows: [o.top - R - o.maxShift * uy, o.top + o.size - 1 + R] as const,
    cols: [o.left - R - o.maxShift * ux, o.left + o.size - 1 + R] as const,
  };
}

/**
 * Checks the options.
 * @throws RangeError with a message a student can act on: image not one channel, crop too small for
 *   two stages of P × P pooling, shifts or pool size not whole numbers, crop (and, in 'crop' mode,
 *   the region the shifted content comes from) not inside the image.
 */
export function validateShiftOptions(o: ShiftExperimentOptions): void {
  const { image } = o;
  if (image.channels !== 1 || image.data.length !== image.width * image.height)
    throw new RangeError(
      `The experiment needs a one-channel image of ${image.height}×${image.width} values.`,
    );
  assertInteger(o.poolSize, 1, 'The pool size');
  assertInteger(o.maxShift, 0, 'The largest shift');
  assertInteger(o.size, 1, 'The crop size');
  assertInteger(o.top, 0, 'The crop row');
  assertInteger(o.left, 0, 'The crop column');
  const P = o.poolSize;
  const pooled = poolOutputShape(o.size, o.size, { size: P }).height;
  const stage2Pad = o.border === 'circular' ? R : 0;
  const stage2 = convOutputSize(pooled, K, 1, stage2Pad, stage2Pad, 1);
  if (stage2 < 1 || poolOutputShape(stage2, stage2, { size: P }).height < 1)
    throw new RangeError(
      `A ${o.size}×${o.size} crop is too small for two stages of ${P}×${P} pooling: use a larger crop or a smaller pool.`,
    );
  if (o.border === 'circular') {
    if (o.top + o.size > image.height || o.left + o.size > image.width)
      throw new RangeError(
        `The ${o.size}×${o.size} crop at (${o.top}, ${o.left}) does not fit in the image.`,
      );
    return;
  }
  const { rows, cols } = sourceRegion(o);
  if (rows[0] < 0 || cols[0] < 0 || rows[1] >= image.height || cols[1] >= image.width)
    throw new RangeError(
      `Rows ${rows[0]}…${rows[1]} and columns ${cols[0]}…${cols[1]} are needed (the crop, 1 pixel of context and ` +
        `the ${o.maxShift} pixel(s) the content moves) but the image is ${image.height}×${image.width}: ` +
        `move the crop, or use a smaller crop or shift.`,
    );
}

/**
 * Where to put a size × size crop centred as near (cy, cx) as possible so that the experiment can read
 * everything it needs (see {@link sourceRegion}; in 'circular' mode the crop alone must fit).
 * @throws RangeError when the image is too small for the crop and its shifts.
 */
export function placeCrop(
  width: number,
  height: number,
  cy: number,
  cx: number,
  size: number,
  maxShift: number,
  direction: ShiftDirection,
  border: ShiftBorder = 'crop',
): { top: number; left: number } {
  const [uy, ux] = border === 'circular' ? [0, 0] : shiftUnit(direction);
  const margin = border === 'circular' ? 0 : R;
  const place = (c: number, n: number, u: number): number => {
    const lo = margin + maxShift * u;
    const hi = n - size - margin;
    if (hi < lo)
      throw new RangeError(
        `The image (${width}×${height} pixels) is too small for a ${size}-pixel crop shifted by up to ${maxShift} pixels.`,
      );
    return Math.min(hi, Math.max(lo, Math.round(c - size / 2)));
  };
  return { top: place(cy, height, uy), left: place(cx, width, ux) };
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/**
 * The input of the first convolution for shift s: (size + 2) × (size + 2) pixels, the shifted crop
 * x_s with one pixel of context on each side (read from the image in 'crop' mode, wrapped in 'circular').
 */
export function shiftedInput(o: ShiftExperimentOptions, s: number): Volume {
  const n = o.size + 2 * R;
  const [uy, ux] = shiftUnit(o.direction);
  const { width: W, data: src } = o.image;
  const circular = o.border === 'circular';
  const data = new Float32Array(n * n);
  for (let y = 0; y < n; y++) {
    const cy = y - R - s * uy;
    const row = o.top + (circular ? mod(cy, o.size) : cy);
    for (let x = 0; x < n; x++) {
      const cx = x - R - s * ux;
      data[y * n + x] = src[row * W + o.left + (circular ? mod(cx, o.size) : cx)]!;
    }
  }
  return { height: n, width: n, channels: 1, data };
}

/** The shifted crop x_s itself, size × size (what the lesson shows). */
export function shiftedCrop(o: ShiftExperimentOptions, s: number): Volume {
  const input = shiftedInput(o, s);
  const n = o.size;
  const data = new Float32Array(n * n);
  for (let y = 0; y < n; y++)
    data.set(input.data.subarray((y + R) * (n + 2 * R) + R, (y + R) * (n + 2 * R) + R + n), y * n);
  return { height: n, width: n, channels: 1, data };
}

/** A volume wrapped around by r pixels on each side (circular padding). */
function wrapPad(v: Volume, r: number): Volume {
  const { height: H, width: W, channels: C } = v;
  const h = H + 2 * r;
  const w = W + 2 * r;
  const data = new Float32Array(h * w * C);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s = (mod(y - r, H) * W + mod(x - r, W)) * C;
      data.set(v.data.subarray(s, s + C), (y * w + x) * C);
    }
  return { height: h, width: w, channels: C, data };
}

const relu = (v: Volume): Volume => {
  const data = new Float32Array(v.data.length);
  for (let k = 0; k < data.length; k++) data[k] = Math.max(0, v.data[k]!);
  return { ...v, data };
};

/**
 * The first stage on its own: ReLU(conv₁(input)) with the bank {@link SHIFT_KERNELS}, 3×3 'valid',
 * so an (n + 2) × (n + 2) input (a crop with one pixel of context) gives n × n × 6.
 */
export function stageOne(input: Volume): Volume {
  return relu(conv2dRef(input, stageOneFilters()));
}

/** The four representations of x_s (see the module comment). */
export interface ShiftRepresentations {
  conv: Volume;
  convPool: Volume;
  twoStage: Volume;
  /** Global average of each channel of `conv`. */
  global: Float32Array;
}

/**
 * The four representations of the crop's content shifted by s pixels: conv = ReLU(conv₁(x_s));
 * convPool = maxpool_P(conv); twoStage = maxpool_P(ReLU(conv₂(convPool))); global = mean of each
 * channel of conv.
 * @throws RangeError for bad options (see {@link validateShiftOptions}).
 */
export function shiftRepresentations(o: ShiftExperimentOptions, s: number): ShiftRepresentations {
  validateShiftOptions(o);
  const pool = { kind: 'max', size: o.poolSize } as const;
  const conv = stageOne(shiftedInput(o, s));
  const convPool = pool2dRef(conv, pool);
  const stage2In = o.border === 'circular' ? wrapPad(convPool, R) : convPool;
  const twoStage = pool2dRef(relu(conv2dRef(stage2In, stageTwoFilters())), pool);
  return { conv, convPool, twoStage, global: globalPoolRef(conv, 'avg') };
}

/** The measured curves: one distance per shift for each representation. */
export interface ShiftExperimentResult {
  /** 0, 1, …, K. */
  shifts: number[];
  curves: { id: RepresentationId; distances: number[] }[];
  /**
   * conv-pool with the whole-cell part of the shift undone: for s = m·P + q (0 ≤ q < P), the
   * {@link realignedDistance} between maxpool(x_0) and maxpool(x_s) moved back by m cells along the
   * direction. 0 at multiples of P (the pooled grid moved by exactly m cells); the residual q pixels
   * are what pooling does not absorb (aliasing of the stride-P subsampling).
   */
  realigned: number[];
  /**
   * ‖r(x_0)‖₂ of each representation. 0 means r(x_0) is all zeros (e.g. a uniform crop: every
   * zero-sum filter gives 0): its distances are then only 0 or +∞ and have no scale.
   */
  referenceNorms: Record<RepresentationId, number>;
  /** The conv-pool map of each shift (what the lesson draws and its findings check cell by cell). */
  convPool: Volume[];
  /** Height, width and channels of each representation (global: 1 × 1 × 6). */
  shapes: Record<RepresentationId, { height: number; width: number; channels: number }>;
}

function flat(r: ShiftRepresentations): Record<RepresentationId, ArrayLike<number>> {
  return { conv: r.conv.data, 'conv-pool': r.convPool.data, 'two-stage': r.twoStage.data, global: r.global };
}

/**
 * Runs the experiment: for s = 0, 1, …, K, the distance d(s) = ‖r(x_s) − r(x_0)‖₂ / ‖r(x_0)‖₂ of each
 * representation (see the module comment for x_s, r and the border modes).
 * @throws RangeError for bad options (see {@link validateShiftOptions}).
 */
export function runShiftExperiment(o: ShiftExperimentOptions): ShiftExperimentResult {
  validateShiftOptions(o);
  const base = shiftRepresentations(o, 0);
  const ref = flat(base);
  const shifts = Array.from({ length: o.maxShift + 1 }, (_, s) => s);
  const curves = REPRESENTATION_IDS.map((id) => ({ id, distances: [] as number[] }));
  const realigned: number[] = [];
  const convPool: Volume[] = [];
  const [uy, ux] = shiftUnit(o.direction);
  for (const s of shifts) {
    const reps = s === 0 ? base : shiftRepresentations(o, s);
    const r = flat(reps);
    for (const c of curves) c.distances.push(representationDistance(ref[c.id], r[c.id]));
    const m = Math.floor(s / o.poolSize);
    realigned.push(realignedDistance(base.convPool, reps.convPool, m * uy, m * ux));
    convPool.push(reps.convPool);
  }
  const shape = (v: Volume) => ({ height: v.height, width: v.width, channels: v.channels });
  const norm = (a: ArrayLike<number>): number => {
    let sum = 0;
    for (let k = 0; k < a.length; k++) sum += a[k]! * a[k]!;
    return Math.sqrt(sum);
  };
  return {
    shifts,
    curves,
    realigned,
    referenceNorms: {
      conv: norm(ref.conv),
      'conv-pool': norm(ref['conv-pool']),
      'two-stage': norm(ref['two-stage']),
      global: norm(ref.global),
    },
    convPool,
    shapes: {
      conv: shape(base.conv),
      'conv-pool': shape(base.convPool),
      'two-stage': shape(base.twoStage),
      global: { height: 1, width: 1, channels: base.global.length },
    },
  };
}
