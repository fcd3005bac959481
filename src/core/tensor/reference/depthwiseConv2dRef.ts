/**
 * Depthwise 2-D convolution in plain TypeScript, with tfjs's semantics (tf.depthwiseConv2d, NHWC
 * without the batch): each input channel c is convolved on its own with `multiplier` kernels, and
 * output channel c·multiplier + m holds channel c convolved with kernel m (MobileNet's "depthwise"
 * step, Howard et al., arXiv:1704.04861, §3.1):
 *
 *   out[oy, ox, c·M + m] = bias[c·M + m] + Σ_i Σ_j in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, m]
 *
 * It is the ordinary convolution of `conv2dRef` applied to one channel with a one-filter kernel, and
 * is computed exactly so (same tap order, float64 sums), so padding, stride and dilation follow the
 * same rules and the same checks.
 */
import { assertVolume, conv2dRef, convAt, type ConvTerms } from './conv2dRef';
import { assertPositiveInteger, convOutputShape } from './convGeometry';
import type { ConvOptions, Filters, Volume } from './types';

/**
 * The kernels of a depthwise layer in tfjs's layout [kh, kw, inChannels, multiplier]: the weight
 * at kernel row i, column j, channel c, multiplier m is `data[((i * kw + j) * inChannels + c) * multiplier + m]`.
 */
export interface DepthwiseFilters {
  kh: number;
  kw: number;
  inChannels: number;
  multiplier: number;
  data: Float32Array;
}

/** Channel `c` of an HWC volume, as a one-channel volume. */
function channelOf(input: Volume, c: number): Volume {
  const { height, width, channels, data } = input;
  const out = new Float32Array(height * width);
  for (let p = 0; p < out.length; p++) out[p] = data[p * channels + c]!;
  return { height, width, channels: 1, data: out };
}

/** Kernel m of channel c, as a [kh, kw, 1, 1] conv kernel. */
function kernelOf(filters: DepthwiseFilters, c: number, m: number): Filters {
  const { kh, kw, inChannels: C, multiplier: M } = filters;
  const data = new Float32Array(kh * kw);
  for (let t = 0; t < kh * kw; t++) data[t] = filters.data[(t * C + c) * M + m]!;
  return { kh, kw, inChannels: 1, outChannels: 1, data };
}

/**
 * Checks a depthwise convolution: the input's channels match the kernel's, the data lengths are
 * right and there is one bias per output channel (inChannels · multiplier).
 * @throws RangeError with a message a student can act on.
 */
function checkDepthwise(input: Volume, filters: DepthwiseFilters, opts: ConvOptions): void {
  assertVolume(input);
  const { kh, kw, inChannels: C, multiplier: M } = filters;
  assertPositiveInteger(M, 'The depth multiplier');
  assertPositiveInteger(C, "The kernel's number of channels");
  if (C !== input.channels)
    throw new RangeError(
      `The depthwise kernel has ${C} channel(s) but the image has ${input.channels}: ` +
        `a depthwise layer needs ${input.channels} kernel(s) of ${kh}×${kw} per multiplier.`,
    );
  if (filters.data.length !== kh * kw * C * M)
    throw new RangeError(
      `The depthwise kernel data holds ${filters.data.length} weights but ${kh}×${kw}×${C}×${M} needs ${kh * kw * C * M}.`,
    );
  if (opts.bias && opts.bias.length !== C * M)
    throw new RangeError(
      `There are ${C * M} output channel(s) but ${opts.bias.length} bias value(s): give one bias per output channel.`,
    );
}

/** The options for one channel's convolution: the same geometry, with that output channel's bias. */
function channelOptions(opts: ConvOptions, outChannel: number): ConvOptions {
  const { bias, ...rest } = opts;
  return bias ? { ...rest, bias: Float32Array.of(bias[outChannel]!) } : rest;
}

/**
 * Every term of the depthwise output at (oy, ox) of output channel `outChannel` = c·M + m:
 * bias + Σ_{i,j} in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, m], taps in order
 * i, then j (each tap's `c` is the input channel c), summed in that order in float64.
 * @throws RangeError for bad options, a position out of range or a channel that does not exist.
 */
export function depthwiseAt(
  input: Volume,
  filters: DepthwiseFilters,
  oy: number,
  ox: number,
  outChannel: number,
  opts: ConvOptions = {},
): ConvTerms {
  checkDepthwise(input, filters, opts);
  const M = filters.multiplier;
  const total = filters.inChannels * M;
  if (!Number.isInteger(outChannel) || outChannel < 0 || outChannel >= total)
    throw new RangeError(`Output channel ${outChannel} does not exist: there are ${total} channel(s).`);
  const c = Math.floor(outChannel / M);
  const t = convAt(
    channelOf(input, c),
    kernelOf(filters, c, outChannel % M),
    oy,
    ox,
    0,
    channelOptions(opts, outChannel),
  );
  return { ...t, filter: outChannel, taps: t.taps.map((tap) => ({ ...tap, c })) };
}

/**
 * Depthwise convolution of an HWC volume with [kh, kw, C, M] kernels (tf.depthwiseConv2d):
 * C·M output channels, channel c·M + m being channel c convolved with kernel m; output size per
 * axis ⌊(n + p_before + p_after − d(k − 1) − 1)/s⌋ + 1 (see `convOutputShape`). Each value is
 * exactly Math.fround(depthwiseAt(…).output).
 * @throws RangeError with a message a student can act on (channel mismatch, data or bias lengths,
 *   stride, dilation or padding out of range).
 */
export function depthwiseConv2dRef(input: Volume, filters: DepthwiseFilters, opts: ConvOptions = {}): Volume {
  checkDepthwise(input, filters, opts);
  const { kh, kw, inChannels: C, multiplier: M } = filters;
  const { height, width } = convOutputShape(input.height, input.width, kh, kw, opts);
  const out = new Float32Array(height * width * C * M);
  for (let c = 0; c < C; c++) {
    const single = channelOf(input, c);
    for (let m = 0; m < M; m++) {
      const o = c * M + m;
      const y = conv2dRef(single, kernelOf(filters, c, m), channelOptions(opts, o));
      for (let p = 0; p < height * width; p++) out[p * C * M + o] = y.data[p]!;
    }
  }
  return { height, width, channels: C * M, data: out };
}
