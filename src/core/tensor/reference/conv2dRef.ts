/**
 * 2-D convolution in plain TypeScript (strictly, cross-correlation, as in every deep-learning
 * library): the numbers the step-through view of the `convolution` lesson shows, and the oracle
 * tfjs is tested against. With padding (top, left), stride (s_y, s_x) and dilation (d_y, d_x):
 *
 *   out[oy, ox, f] = bias[f] + Σ_i Σ_j Σ_c  in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, f]
 *
 * where pixels outside the image read 0 ('zero' padding) or their mirror image ('reflect').
 * Sums run over i, then j, then c, in float64; the stored output is rounded once to float32.
 */
import { assertPositiveInteger, convOutputShape, pair } from './convGeometry';
import type { ConvOptions, ExplicitPadding, Filters, PadMode, Volume } from './types';

/**
 * Index of coordinate `p` (possibly outside 0…n−1) after mirroring without repeating the edge,
 * numpy's and tf.mirrorPad's 'reflect': −1 → 1, −2 → 2, n → n − 2, n + 1 → n − 3.
 * @throws RangeError when `p` is further than n − 1 outside the image (the padding would be ≥ n).
 */
function reflectIndex(p: number, n: number): number {
  if (p >= 0 && p < n) return p;
  const r = p < 0 ? -p : 2 * (n - 1) - p;
  if (r < 0 || r >= n)
    throw new RangeError(
      `Reflect padding can mirror at most ${n - 1} pixel(s) of an image ${n} pixel(s) wide; ` +
        `use less padding, a smaller kernel, or zero padding.`,
    );
  return r;
}

/**
 * The value the convolution reads at row y, column x, channel c, where (y, x) may lie in the
 * padding: inside the image, the pixel itself; outside, 0 in 'zero' mode (source null) or, in
 * 'reflect' mode, the pixel mirrored across the edge without repeating it (index −1 reads 1, n reads
 * n − 2, like numpy's and tf.mirrorPad's 'reflect').
 * @throws RangeError in 'reflect' mode when the padding needed is ≥ the image size (tf refuses it too).
 */
export function readPadded(
  input: Volume,
  y: number,
  x: number,
  c: number,
  mode: PadMode,
): { value: number; sourceY: number | null; sourceX: number | null } {
  const inside = y >= 0 && y < input.height && x >= 0 && x < input.width;
  if (!inside && mode === 'zero') return { value: 0, sourceY: null, sourceX: null };
  const sy = reflectIndex(y, input.height);
  const sx = reflectIndex(x, input.width);
  return { value: input.data[(sy * input.width + sx) * input.channels + c]!, sourceY: sy, sourceX: sx };
}

/** One multiplication of a convolution: kernel tap (i, j, c) over input (y, x, c). */
export interface ConvTap {
  /** Kernel row. */
  i: number;
  /** Kernel column. */
  j: number;
  /** Input channel. */
  c: number;
  /** Input row the tap falls on: oy·s_y − top + i·d_y (may be outside the image). */
  y: number;
  /** Input column the tap falls on: ox·s_x − left + j·d_x (may be outside the image). */
  x: number;
  /** Whether (y, x) is inside the image. */
  inside: boolean;
  /** Row actually read (the mirror in 'reflect' mode), or null for zero padding. */
  sourceY: number | null;
  /** Column actually read, or null for zero padding. */
  sourceX: number | null;
  /** The input value read (0 in the zero padding). */
  value: number;
  /** The weight w[i, j, c, filter]. */
  weight: number;
  /** value · weight. */
  product: number;
}

/** Every term of one output value of a convolution. */
export interface ConvTerms {
  oy: number;
  ox: number;
  filter: number;
  /** Taps in order i, then j, then c. */
  taps: ConvTap[];
  /** Σ products, in the order of `taps`, in float64. */
  sum: number;
  /** bias[filter] (0 without bias). */
  bias: number;
  /** sum + bias (float64; the volume stores Math.fround of it). */
  output: number;
}

/** A convolution's settings, checked and resolved (see `planConv2d`). */
export interface Conv2dPlan {
  /** [vertical, horizontal]. */
  stride: [number, number];
  /** [vertical, horizontal]. */
  dilation: [number, number];
  /** Pixels of padding on each side (TensorFlow's rule for 'same'). */
  padding: ExplicitPadding;
  padMode: PadMode;
  /** Output height ⌊(H + top + bottom − d_y(kh − 1) − 1)/s_y⌋ + 1 (0 if ≤ 0). */
  height: number;
  /** Output width ⌊(W + left + right − d_x(kw − 1) − 1)/s_x⌋ + 1 (0 if ≤ 0). */
  width: number;
}

/** Throws a RangeError unless `data` holds height·width·channels values. */
export function assertVolume(v: Volume): void {
  assertPositiveInteger(v.height, 'The image height');
  assertPositiveInteger(v.width, 'The image width');
  assertPositiveInteger(v.channels, 'The number of image channels');
  if (v.data.length !== v.height * v.width * v.channels)
    throw new RangeError(
      `The image data holds ${v.data.length} values but ${v.height}×${v.width}×${v.channels} needs ` +
        `${v.height * v.width * v.channels}.`,
    );
}

/**
 * Checks a convolution of an image of the given shape (its data is not looked at) with `filters`
 * and resolves its stride, dilation, padding and output size, shared by `conv2dRef`, `convAt` and
 * the tfjs version so that all three refuse the same inputs with the same messages.
 * @throws RangeError with a message a student can act on: channel mismatch, wrong kernel data or
 *   bias length, stride or dilation not a whole number ≥ 1, bad padding, reflect padding ≥ image size.
 */
export function planConv2d(
  shape: { height: number; width: number; channels: number },
  filters: Filters,
  opts: ConvOptions = {},
): Conv2dPlan {
  const { height, width, channels } = shape;
  assertPositiveInteger(channels, 'The number of image channels');
  const { kh, kw, inChannels, outChannels } = filters;
  assertPositiveInteger(inChannels, "The kernel's number of input channels");
  assertPositiveInteger(outChannels, 'The number of filters');
  if (inChannels !== channels)
    throw new RangeError(
      `The kernel has ${inChannels} input channel(s) but the image has ${channels}: ` +
        `each filter needs one ${kh}×${kw} slice per image channel.`,
    );
  const out = convOutputShape(height, width, kh, kw, opts);
  if (filters.data.length !== kh * kw * inChannels * outChannels)
    throw new RangeError(
      `The kernel data holds ${filters.data.length} weights but ${kh}×${kw}×${inChannels}×${outChannels} ` +
        `needs ${kh * kw * inChannels * outChannels}.`,
    );
  if (opts.bias && opts.bias.length !== outChannels)
    throw new RangeError(
      `There are ${outChannels} filter(s) but ${opts.bias.length} bias value(s): give one bias per filter.`,
    );
  const padMode = opts.padMode ?? 'zero';
  if (padMode !== 'zero' && padMode !== 'reflect')
    throw new RangeError(`Padding mode must be 'zero' or 'reflect', got '${String(padMode)}'.`);
  const pad = out.padding;
  if (
    padMode === 'reflect' &&
    (Math.max(pad.top, pad.bottom) >= height || Math.max(pad.left, pad.right) >= width)
  )
    throw new RangeError(
      `Reflect padding of ${pad.top}/${pad.bottom} rows and ${pad.left}/${pad.right} columns is too much for ` +
        `a ${height}×${width} image: it must be smaller than the image on each side. Use zero padding, ` +
        `less padding or a smaller kernel.`,
    );
  return {
    stride: pair(opts.stride ?? 1),
    dilation: pair(opts.dilation ?? 1),
    padding: pad,
    padMode,
    height: out.height,
    width: out.width,
  };
}

interface Resolved {
  sy: number;
  sx: number;
  dy: number;
  dx: number;
  mode: PadMode;
  pad: ExplicitPadding;
  outH: number;
  outW: number;
}

/** Checks the input, filters and options, and resolves padding and output size. */
function resolve(input: Volume, filters: Filters, opts: ConvOptions): Resolved {
  assertVolume(input);
  const p = planConv2d(input, filters, opts);
  const [sy, sx] = p.stride;
  const [dy, dx] = p.dilation;
  return { sy, sx, dy, dx, mode: p.padMode, pad: p.padding, outH: p.height, outW: p.width };
}

/**
 * Every term of the output value at (oy, ox) of filter `filter`:
 * out = bias[filter] + Σ_{i,j,c} in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, filter],
 * the taps listed in order i, then j, then c, summed in that order in float64.
 * @throws RangeError for bad options (see `conv2dRef`) or an output position out of range.
 */
export function convAt(
  input: Volume,
  filters: Filters,
  oy: number,
  ox: number,
  filter: number,
  opts: ConvOptions = {},
): ConvTerms {
  const r = resolve(input, filters, opts);
  if (!Number.isInteger(oy) || oy < 0 || oy >= r.outH || !Number.isInteger(ox) || ox < 0 || ox >= r.outW)
    throw new RangeError(`Output position (${oy}, ${ox}) is outside the ${r.outH}×${r.outW} output.`);
  if (!Number.isInteger(filter) || filter < 0 || filter >= filters.outChannels)
    throw new RangeError(`Filter ${filter} does not exist: there are ${filters.outChannels} filter(s).`);
  const { kh, kw, inChannels: C, outChannels: F } = filters;
  const taps: ConvTap[] = [];
  let sum = 0;
  for (let i = 0; i < kh; i++) {
    const y = oy * r.sy - r.pad.top + i * r.dy;
    for (let j = 0; j < kw; j++) {
      const x = ox * r.sx - r.pad.left + j * r.dx;
      const inside = y >= 0 && y < input.height && x >= 0 && x < input.width;
      for (let c = 0; c < C; c++) {
        const { value, sourceY, sourceX } = readPadded(input, y, x, c, r.mode);
        const weight = filters.data[((i * kw + j) * C + c) * F + filter]!;
        const product = value * weight;
        sum += product;
        taps.push({ i, j, c, y, x, inside, sourceY, sourceX, value, weight, product });
      }
    }
  }
  const bias = opts.bias ? opts.bias[filter]! : 0;
  return { oy, ox, filter, taps, sum, bias, output: sum + bias };
}

/**
 * For each output index o along one axis and kernel tap t, the input index read, or −1 for zero
 * padding: o·s − padBefore + t·d, mirrored in 'reflect' mode.
 */
function sourceIndices(
  out: number,
  k: number,
  s: number,
  d: number,
  before: number,
  n: number,
  mode: PadMode,
) {
  const idx = new Int32Array(out * k);
  for (let o = 0; o < out; o++)
    for (let t = 0; t < k; t++) {
      const p = o * s - before + t * d;
      idx[o * k + t] = p >= 0 && p < n ? p : mode === 'zero' ? -1 : reflectIndex(p, n);
    }
  return idx;
}

/**
 * 2-D convolution of an HWC volume with [kh, kw, inC, outC] filters (tfjs layout and semantics):
 * out[oy, ox, f] = bias[f] + Σ_{i,j,c} in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, f],
 * of size ⌊(n + p_before + p_after − d(k − 1) − 1)/s⌋ + 1 per axis (see `convOutputShape`), with
 * outChannels channels. Each value is exactly Math.fround(convAt(…).output): same order, float64 sums.
 * @throws RangeError with a message a student can act on: channel mismatch, wrong data or bias
 *   lengths, stride or dilation not a whole number ≥ 1, bad padding, reflect padding ≥ image size.
 */
export function conv2dRef(input: Volume, filters: Filters, opts: ConvOptions = {}): Volume {
  const r = resolve(input, filters, opts);
  const { kh, kw, inChannels: C, outChannels: F } = filters;
  const { outH, outW } = r;
  const W = input.width;
  const src = input.data;
  const wt = filters.data;
  const out = new Float32Array(outH * outW * F);
  const rows = sourceIndices(outH, kh, r.sy, r.dy, r.pad.top, input.height, r.mode);
  const cols = sourceIndices(outW, kw, r.sx, r.dx, r.pad.left, W, r.mode);
  const bias = opts.bias ?? new Float32Array(F);
  if (C === 1 && F === 1) {
    // The lesson's common case (one grey slice, one kernel): a scalar accumulator.
    const b = bias[0]!;
    for (let oy = 0; oy < outH; oy++) {
      const rb = oy * kh;
      for (let ox = 0; ox < outW; ox++) {
        const cb = ox * kw;
        let sum = 0;
        for (let i = 0; i < kh; i++) {
          const y = rows[rb + i]!;
          if (y < 0) continue;
          const rowBase = y * W;
          const wBase = i * kw;
          for (let j = 0; j < kw; j++) {
            const x = cols[cb + j]!;
            if (x < 0) continue;
            sum += src[rowBase + x]! * wt[wBase + j]!;
          }
        }
        out[oy * outW + ox] = sum + b;
      }
    }
    return { height: outH, width: outW, channels: F, data: out };
  }
  const acc = new Float64Array(F);
  for (let oy = 0; oy < outH; oy++) {
    const rb = oy * kh;
    for (let ox = 0; ox < outW; ox++) {
      const cb = ox * kw;
      acc.fill(0);
      for (let i = 0; i < kh; i++) {
        const y = rows[rb + i]!;
        if (y < 0) continue;
        for (let j = 0; j < kw; j++) {
          const x = cols[cb + j]!;
          if (x < 0) continue;
          const inBase = (y * W + x) * C;
          const wBase = (i * kw + j) * C * F;
          for (let c = 0; c < C; c++) {
            const v = src[inBase + c]!;
            const wc = wBase + c * F;
            for (let f = 0; f < F; f++) acc[f] = acc[f]! + v * wt[wc + f]!;
          }
        }
      }
      const o = (oy * outW + ox) * F;
      for (let f = 0; f < F; f++) out[o + f] = acc[f]! + bias[f]!;
    }
  }
  return { height: outH, width: outW, channels: F, data: out };
}
