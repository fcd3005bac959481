/**
 * Transposed 2-D convolution ("deconvolution", the upsampling step of U-Net and of decoders) in
 * plain TypeScript, with tfjs's semantics (tf.conv2dTranspose as called by tfjs-layers'
 * Conv2DTranspose): the gradient of a convolution with the same kernel, stride and padding
 * with respect to its input. Along one axis, with stride s, kernel k and `before` pixels of padding,
 * input position o scatters its value to output positions q = o·s − before + t (t = 0…k − 1):
 *
 *   out[qy, qx, f] = bias[f] + Σ_{i, j, c : qy = oy·s_y − top + i, qx = ox·s_x − left + j} in[oy, ox, c] · w[i, j, f, c]
 *
 * i.e. an output position q receives, from each kernel tap t, the input o = (q + before − t)/s
 * when that is a whole number inside the input. Sizes (tfjs-layers' deconvLength):
 * 'valid' → n·s + max(k − s, 0), 'same' → n·s. The padding is that of the forward convolution that
 * maps the output size back to n: 'valid' none, 'same' TensorFlow's rule (`samePadding`) on the
 * output size, the smaller half before.
 */
import { assertVolume } from './conv2dRef';
import { assertPositiveInteger, pair, samePadding } from './convGeometry';
import type { ExplicitPadding, Volume } from './types';

/**
 * The kernel of a transposed convolution in tfjs's layout [kh, kw, outChannels, inChannels] (note
 * the order: output channels first): the weight at kernel row i, column j, output channel f, input
 * channel c is `data[((i * kw + j) * outChannels + f) * inChannels + c]`.
 */
export interface TransposeFilters {
  kh: number;
  kw: number;
  outChannels: number;
  inChannels: number;
  data: Float32Array;
}

/** Options of a transposed convolution. Numbers apply to both axes; pairs are [vertical, horizontal]. */
export interface TransposeOptions {
  stride?: number | readonly [number, number];
  /** 'valid' (default) or 'same' (tfjs-layers' only two modes). */
  padding?: 'valid' | 'same';
  /** One bias per output channel (default: zeros). */
  bias?: Float32Array;
}

/** A transposed convolution's geometry, checked and resolved. */
export interface TransposePlan {
  stride: [number, number];
  /** Pixels cropped on each side of the full scatter (the forward convolution's padding). */
  padding: ExplicitPadding;
  height: number;
  width: number;
}

/**
 * Output size along one axis (tfjs-layers' deconvLength): 'valid' n·s + max(k − s, 0), 'same' n·s.
 * Example: n = 16, k = 2, s = 2, 'same' → 32.
 */
export function transposeOutputSize(n: number, k: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? n * stride : n * stride + Math.max(k - stride, 0);
}

/**
 * Checks a transposed convolution of an image of the given shape with `filters` and resolves its
 * stride, padding and output size.
 * @throws RangeError with a message a student can act on.
 */
export function planConv2dTranspose(
  shape: { height: number; width: number; channels: number },
  filters: TransposeFilters,
  opts: TransposeOptions = {},
): TransposePlan {
  const { kh, kw, inChannels, outChannels } = filters;
  assertPositiveInteger(shape.height, 'The image height');
  assertPositiveInteger(shape.width, 'The image width');
  assertPositiveInteger(kh, 'The kernel height');
  assertPositiveInteger(kw, 'The kernel width');
  assertPositiveInteger(inChannels, "The kernel's number of input channels");
  assertPositiveInteger(outChannels, 'The number of filters');
  const [sy, sx] = pair(opts.stride ?? 1);
  assertPositiveInteger(sy, 'The vertical stride');
  assertPositiveInteger(sx, 'The horizontal stride');
  if (inChannels !== shape.channels)
    throw new RangeError(
      `The transposed kernel has ${inChannels} input channel(s) but the image has ${shape.channels}.`,
    );
  if (filters.data.length !== kh * kw * outChannels * inChannels)
    throw new RangeError(
      `The kernel data holds ${filters.data.length} weights but ${kh}×${kw}×${outChannels}×${inChannels} ` +
        `needs ${kh * kw * outChannels * inChannels}.`,
    );
  if (opts.bias && opts.bias.length !== outChannels)
    throw new RangeError(
      `There are ${outChannels} filter(s) but ${opts.bias.length} bias value(s): give one bias per filter.`,
    );
  const mode = opts.padding ?? 'valid';
  if (mode !== 'valid' && mode !== 'same')
    throw new RangeError(
      `A transposed convolution's padding must be 'valid' or 'same', got '${String(mode)}'.`,
    );
  const height = transposeOutputSize(shape.height, kh, sy, mode);
  const width = transposeOutputSize(shape.width, kw, sx, mode);
  const [top, bottom] = mode === 'same' ? samePadding(height, kh, sy, 1) : [0, 0];
  const [left, right] = mode === 'same' ? samePadding(width, kw, sx, 1) : [0, 0];
  return { stride: [sy, sx], padding: { top, bottom, left, right }, height, width };
}

/** One multiplication of a transposed convolution: input (y, x, c) times kernel tap (i, j). */
export interface TransposeTap {
  /** Kernel row. */
  i: number;
  /** Kernel column. */
  j: number;
  /** Input channel. */
  c: number;
  /** Input row: (qy + top − i)/s_y, always inside the input. */
  y: number;
  /** Input column: (qx + left − j)/s_x, always inside the input. */
  x: number;
  value: number;
  /** w[i, j, filter, c]. */
  weight: number;
  product: number;
}

/** Every term that reaches one output value of a transposed convolution. */
export interface TransposeTerms {
  oy: number;
  ox: number;
  filter: number;
  /** The taps that reach (oy, ox), in order i, then j, then c (possibly none). */
  taps: TransposeTap[];
  /** Σ products, in the order of `taps`, in float64. */
  sum: number;
  bias: number;
  /** sum + bias (float64; the volume stores Math.fround of it). */
  output: number;
}

/**
 * Input index reached by kernel tap t at output index q along one axis: (q + before − t)/s when
 * that is a whole number in 0…n − 1, else −1.
 */
function sourceIndex(q: number, t: number, s: number, before: number, n: number): number {
  const num = q + before - t;
  if (num < 0 || num % s !== 0) return -1;
  const o = num / s;
  return o < n ? o : -1;
}

/**
 * Every term of the transposed-convolution output at (oy, ox) of filter `filter`: the kernel taps
 * (i, j) for which iy = (oy + top − i)/s_y and ix = (ox + left − j)/s_x are whole numbers inside
 * the input, each over every input channel c, in order i, j, c; summed in float64.
 * @throws RangeError for bad options or an output position or filter out of range.
 */
export function conv2dTransposeAt(
  input: Volume,
  filters: TransposeFilters,
  oy: number,
  ox: number,
  filter: number,
  opts: TransposeOptions = {},
): TransposeTerms {
  assertVolume(input);
  const p = planConv2dTranspose(input, filters, opts);
  if (!Number.isInteger(oy) || oy < 0 || oy >= p.height || !Number.isInteger(ox) || ox < 0 || ox >= p.width)
    throw new RangeError(`Output position (${oy}, ${ox}) is outside the ${p.height}×${p.width} output.`);
  const { kh, kw, inChannels: C, outChannels: F } = filters;
  if (!Number.isInteger(filter) || filter < 0 || filter >= F)
    throw new RangeError(`Filter ${filter} does not exist: there are ${F} filter(s).`);
  const taps: TransposeTap[] = [];
  let sum = 0;
  for (let i = 0; i < kh; i++) {
    const y = sourceIndex(oy, i, p.stride[0], p.padding.top, input.height);
    if (y < 0) continue;
    for (let j = 0; j < kw; j++) {
      const x = sourceIndex(ox, j, p.stride[1], p.padding.left, input.width);
      if (x < 0) continue;
      for (let c = 0; c < C; c++) {
        const value = input.data[(y * input.width + x) * C + c]!;
        const weight = filters.data[((i * kw + j) * F + filter) * C + c]!;
        const product = value * weight;
        sum += product;
        taps.push({ i, j, c, y, x, value, weight, product });
      }
    }
  }
  const bias = opts.bias ? opts.bias[filter]! : 0;
  return { oy, ox, filter, taps, sum, bias, output: sum + bias };
}

/**
 * Transposed convolution of an HWC volume with a [kh, kw, outC, inC] kernel (tf.conv2dTranspose
 * with tfjs-layers' output size): each value is exactly Math.fround(conv2dTransposeAt(…).output)
 * (same taps, same order, float64 sums).
 * @throws RangeError with a message a student can act on.
 */
export function conv2dTransposeRef(
  input: Volume,
  filters: TransposeFilters,
  opts: TransposeOptions = {},
): Volume {
  assertVolume(input);
  const p = planConv2dTranspose(input, filters, opts);
  const { kh, kw, inChannels: C, outChannels: F } = filters;
  const { height: H, width: W } = p;
  const out = new Float32Array(H * W * F);
  const acc = new Float64Array(F);
  for (let qy = 0; qy < H; qy++) {
    for (let qx = 0; qx < W; qx++) {
      acc.fill(0);
      for (let i = 0; i < kh; i++) {
        const y = sourceIndex(qy, i, p.stride[0], p.padding.top, input.height);
        if (y < 0) continue;
        for (let j = 0; j < kw; j++) {
          const x = sourceIndex(qx, j, p.stride[1], p.padding.left, input.width);
          if (x < 0) continue;
          const inBase = (y * input.width + x) * C;
          const wBase = (i * kw + j) * F * C;
          for (let f = 0; f < F; f++) {
            let a = acc[f]!;
            for (let c = 0; c < C; c++) a += input.data[inBase + c]! * filters.data[wBase + f * C + c]!;
            acc[f] = a;
          }
        }
      }
      const o = (qy * W + qx) * F;
      for (let f = 0; f < F; f++) out[o + f] = acc[f]! + (opts.bias ? opts.bias[f]! : 0);
    }
  }
  return { height: H, width: W, channels: F, data: out };
}
