/**
 * Types of the plain-TypeScript reference maths (convolution, pooling, activations): the source of
 * every number the step-through views show, and the oracle the tfjs results are tested against.
 * Layouts follow tfjs (NHWC without the batch) so that arrays pass between the two unchanged.
 */

/**
 * A stack of 2-D maps (an image with `channels` channels, or a layer's feature maps), row-major
 * HWC: the value at row y, column x, channel c is `data[(y * width + x) * channels + c]`.
 */
export interface Volume {
  height: number;
  width: number;
  channels: number;
  data: Float32Array;
}

/**
 * The filters of a convolutional layer in tfjs's layout [kh, kw, inChannels, outChannels]: the
 * weight at kernel row i, column j, input channel ci, filter co is
 * `data[((i * kw + j) * inChannels + ci) * outChannels + co]`.
 */
export interface Filters {
  kh: number;
  kw: number;
  inChannels: number;
  outChannels: number;
  data: Float32Array;
}

/** Zero padding on each side, in pixels. */
export interface ExplicitPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * 'valid': no padding; 'same': TensorFlow's rule (output = ceil(n / stride); total padding
 * max((out − 1)·s + d·(k − 1) + 1 − n, 0), the smaller half before); or explicit amounts.
 */
export type PaddingSpec = 'valid' | 'same' | ExplicitPadding;

/** What fills the padding: zeros, or a mirror of the image without repeating the edge (numpy/tf 'reflect'). */
export type PadMode = 'zero' | 'reflect';

/** Options of a 2-D convolution. Numbers apply to both axes; pairs are [vertical, horizontal]. */
export interface ConvOptions {
  stride?: number | readonly [number, number];
  padding?: PaddingSpec;
  padMode?: PadMode;
  dilation?: number | readonly [number, number];
  /** One bias per filter (default: zeros). */
  bias?: Float32Array;
}
