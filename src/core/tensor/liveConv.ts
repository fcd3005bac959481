/**
 * Convolution, pooling and activations with tfjs, on the active backend, with exactly the semantics
 * of the plain-TypeScript reference (`./reference`), which they are property-tested against:
 *
 *   out[oy, ox, f] = bias[f] + Σ_{i,j,c} in[oy·s_y − top + i·d_y, ox·s_x − left + j·d_x, c] · w[i, j, c, f]
 *
 * What tfjs does not do directly is built from its ops:
 * - explicit and 'same' padding are resolved by `planConv2d` (TensorFlow's rule) and passed to
 *   tf.conv2d in its explicit-padding form [[0, 0], [top, bottom], [left, right], [0, 0]]. Never
 *   'same': tfjs-backend-wasm 4.22 returns zeros for tf.conv2d(…, 'same') when the stride skips past
 *   the kernel along an axis ((⌈n/s⌉ − 1)·s + d(k − 1) + 1 < n) and the kernel is not 1×1
 *   (tests/unit/core/tensor/reference/tfjsAgreement.property.test.ts keeps a canary);
 * - reflect padding: tf.mirrorPad(…, 'reflect') first, then a 'valid' convolution;
 * - stride > 1 together with dilation > 1, which tf.conv2d refuses: a stride-1 dilated convolution,
 *   then every s-th output by a strided slice (output ⌊(n + p − d(k − 1) − 1)/s⌋ + 1 either way).
 *
 * `ConvImage` keeps one image uploaded for the `convolution` lesson, which recomputes a 512×512
 * feature map on every kernel edit.
 */
import {
  add,
  avgPool,
  clone,
  conv2d,
  elu,
  erf,
  expm1,
  fused,
  keep,
  leakyRelu,
  max,
  maxPool,
  mean,
  minimum,
  mirrorPad,
  mul,
  relu,
  sigmoid,
  stridedSlice,
  tanh,
  tensor1d,
  tensor3d,
  tensor4d,
  tidy,
  type Tensor,
  type Tensor4D,
} from '@tensorflow/tfjs-core';
import { DEFAULT_ALPHA, type ActivationId } from './reference/activations';
import { assertVolume, planConv2d, type Conv2dPlan } from './reference/conv2dRef';
import { pair } from './reference/convGeometry';
import { poolOutputShape, type PoolOptions } from './reference/pool2dRef';
import type { ConvOptions, Filters, Volume } from './reference/types';

type Paddings4 = [[number, number], [number, number], [number, number], [number, number]];

/**
 * The tfjs graph of one convolution of `x` ([1, H, W, C]) as planned by `planConv2d`. Call inside
 * `tidy`: intermediates (filter tensor, padded input, unstrided output) are left to it.
 */
function convTensor(
  x: Tensor4D,
  filters: Filters,
  plan: Conv2dPlan,
  bias: Float32Array | undefined,
): Tensor4D {
  const { kh, kw, inChannels, outChannels } = filters;
  const f = tensor4d(filters.data, [kh, kw, inChannels, outChannels]);
  const { top, bottom, left, right } = plan.padding;
  const paddings: Paddings4 = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  const padded = top + bottom + left + right > 0;
  let input = x;
  let pad: 'valid' | Paddings4 = 'valid';
  if (padded && plan.padMode === 'reflect') input = mirrorPad(x, paddings, 'reflect');
  else if (padded) pad = paddings;
  const [sy, sx] = plan.stride;
  const [dy, dx] = plan.dilation;
  // tf.conv2d refuses stride > 1 with dilation > 1: convolve at stride 1, then keep every s-th output.
  const stridedDilated = (sy > 1 || sx > 1) && (dy > 1 || dx > 1);
  if (bias && !stridedDilated)
    return fused.conv2d({
      x: input,
      filter: f,
      strides: [sy, sx],
      pad,
      dilations: [dy, dx],
      bias: tensor1d(bias),
    });
  let y = conv2d(input, f, stridedDilated ? 1 : [sy, sx], pad, 'NHWC', [dy, dx]);
  if (stridedDilated) y = stridedSlice(y, [0, 0, 0, 0], y.shape, [1, sy, sx, 1]) as Tensor4D;
  return bias ? add(y, tensor1d(bias)) : y;
}

/** `out` itself, or a copy when a kernel handed back the caller's own array (cpu backend identities). */
function owned(out: Float32Array, source: Float32Array): Float32Array {
  return out.buffer === source.buffer ? out.slice() : out;
}

/**
 * 2-D convolution with tfjs on the active backend, synchronously (tidy + dataSync): the same result
 * as `conv2dRef` (to float32 rounding), same padding, reflect mode, stride, dilation and bias.
 * @throws RangeError for the inputs `conv2dRef` refuses, with the same messages.
 */
export function conv2dTf(input: Volume, filters: Filters, opts: ConvOptions = {}): Volume {
  assertVolume(input);
  const plan = planConv2d(input, filters, opts);
  const shape = { height: plan.height, width: plan.width, channels: filters.outChannels };
  if (plan.height === 0 || plan.width === 0) return { ...shape, data: new Float32Array(0) };
  const data = tidy(() => {
    const x = tensor4d(input.data, [1, input.height, input.width, input.channels]);
    return convTensor(x, filters, plan, opts.bias).dataSync() as Float32Array;
  });
  return { ...shape, data: owned(data, input.data) };
}

/**
 * One image kept uploaded on the active backend, convolved again and again with changing kernels
 * (the `convolution` lesson's live feature map). Owns one tensor: call `dispose()` when done. The
 * input's data is uploaded as is: do not change it afterwards (the cpu backend keeps the array).
 */
export class ConvImage {
  /** Image height in pixels. */
  readonly height: number;
  /** Image width in pixels. */
  readonly width: number;
  /** Number of channels. */
  readonly channels: number;
  #x: Tensor4D | null;

  /** Uploads `input` once. @throws RangeError when its data length does not match its shape. */
  constructor(input: Volume) {
    assertVolume(input);
    this.height = input.height;
    this.width = input.width;
    this.channels = input.channels;
    this.#x = keep(tensor4d(input.data, [1, input.height, input.width, input.channels]));
  }

  /** Whether `dispose()` has been called. */
  get disposed(): boolean {
    return this.#x === null;
  }

  /**
   * The image convolved with `filters` (see `conv2dTf`), downloaded asynchronously so the page does
   * not block on the GPU. Every intermediate tensor is freed, also on failure.
   * @throws Error after `dispose()`; RangeError for inputs `conv2dRef` refuses.
   */
  async convolve(filters: Filters, opts: ConvOptions = {}): Promise<Volume> {
    const x = this.#x;
    if (!x) throw new Error('This ConvImage was disposed: create a new one for the image.');
    const plan = planConv2d(this, filters, opts);
    const shape = { height: plan.height, width: plan.width, channels: filters.outChannels };
    if (plan.height === 0 || plan.width === 0) return { ...shape, data: new Float32Array(0) };
    const y = tidy(() => convTensor(x, filters, plan, opts.bias));
    try {
      return { ...shape, data: (await y.data()) as Float32Array };
    } finally {
      y.dispose();
    }
  }

  /** Frees the uploaded image. Idempotent. */
  dispose(): void {
    this.#x?.dispose();
    this.#x = null;
  }
}

/**
 * Max or average pooling with tf.maxPool / tf.avgPool on the active backend (tidy + dataSync):
 * the same result as `pool2dRef` (padded cells ignored by max and left out of the average).
 * @throws RangeError for the options `pool2dRef` refuses.
 */
export function pool2dTf(input: Volume, opts: PoolOptions): Volume {
  assertVolume(input);
  if (opts.kind !== 'max' && opts.kind !== 'avg')
    throw new RangeError(`Pooling must be 'max' or 'avg', got '${String(opts.kind)}'.`);
  const out = poolOutputShape(input.height, input.width, opts);
  const shape = { height: out.height, width: out.width, channels: input.channels };
  if (out.height === 0 || out.width === 0) return { ...shape, data: new Float32Array(0) };
  const size = pair(opts.size);
  const stride = pair(opts.stride ?? opts.size);
  const padding = opts.padding ?? 'valid';
  const data = tidy(() => {
    const x = tensor4d(input.data, [1, input.height, input.width, input.channels]);
    const y = opts.kind === 'max' ? maxPool(x, size, stride, padding) : avgPool(x, size, stride, padding);
    return y.dataSync() as Float32Array;
  });
  return { ...shape, data: owned(data, input.data) };
}

/** Global max or average pooling, one value per channel: tf.max / tf.mean over height and width. */
export function globalPoolTf(input: Volume, kind: 'max' | 'avg'): Float32Array {
  assertVolume(input);
  const data = tidy(() => {
    const x = tensor3d(input.data, [input.height, input.width, input.channels]);
    return (kind === 'max' ? max(x, [0, 1]) : mean(x, [0, 1])).dataSync() as Float32Array;
  });
  return owned(data, input.data);
}

/**
 * Activation `id` as tfjs ops on tensor `x` (call inside `tidy`; differentiable with tf.grad):
 * tf.relu, tf.leakyRelu(α), tf.elu (α = 1; other α: relu(x) + α·expm1(min(x, 0)), whose gradient
 * is α at 0 as the reference's),
 * tf.sigmoid, tf.tanh, GELU as ½·x·(1 + erf(x/√2)) with tf.erf, and a copy of x for 'linear'.
 */
export function activationTensor<T extends Tensor>(id: ActivationId, x: T, alpha?: number): T {
  switch (id) {
    case 'linear':
      return clone(x);
    case 'relu':
      return relu(x);
    case 'leaky-relu':
      return leakyRelu(x, alpha ?? DEFAULT_ALPHA['leaky-relu']);
    case 'elu': {
      const a = alpha ?? DEFAULT_ALPHA.elu;
      if (a === 1) return elu(x);
      return add(relu(x), mul(expm1(minimum(x, 0)), a));
    }
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
    case 'gelu':
      return mul(mul(x, 0.5), add(erf(mul(x, Math.SQRT1_2)), 1)) as T;
  }
}

/** Activation `id` applied to every value of `data` with tfjs on the active backend (tidy + dataSync). */
export function activationTf(id: ActivationId, data: Float32Array, alpha?: number): Float32Array {
  const out = tidy(() => activationTensor(id, tensor1d(data), alpha).dataSync() as Float32Array);
  return owned(out, data);
}
