/**
 * Parameter counts of the networks the neurons lesson compares, layer by layer, each from its
 * formula:
 *
 * - dense (fully connected) layer with `inputs` inputs and `units` units: `inputs·units + units`
 *   (one weight per input and unit, one bias per unit);
 * - convolution with `f` filters of `k×k` over `c` channels: `f·(k·k·c + 1)` (the shared
 *   {@link convLayerParams} of the small CNN), whatever the image size;
 * - pooling: no parameters.
 *
 * An MLP on a flattened `s×s` image has `s²` inputs, so its first layer grows with the image; a
 * CNN's convolutions do not (weight sharing and local connections: LeCun Y, Bengio Y, Hinton G.
 * Deep learning. Nature 2015;521:436–444).
 */
import { convLayerParams } from '../../core/models/smallCnn';

/** What kind of layer a row counts. */
export type LayerKind = 'dense' | 'conv' | 'pool' | 'global-pool';

/** One layer of a parameter table. */
export interface LayerCount {
  kind: LayerKind;
  /** 1-based index among the layers of its kind (hidden layer 2, convolution 1…). */
  index: number;
  /** Dense: inputs; conv: input channels; pool: input side. */
  inputs: number;
  /** Dense: units; conv: filters; pool: output side. */
  units: number;
  /** Kernel side of a convolution (0 otherwise). */
  kernel: number;
  /** True for the output layer (the last dense layer). */
  output: boolean;
  params: number;
  /** Shape after the layer: [height, width, channels], or [units] after a dense layer. */
  shape: number[];
}

/** A whole network's table. */
export interface ParamTable {
  layers: LayerCount[];
  total: number;
}

/** Parameters of a dense layer: `inputs·units + units`. */
export function denseLayerParams(inputs: number, units: number): number {
  return inputs * units + units;
}

function table(layers: LayerCount[]): ParamTable {
  return { layers, total: layers.reduce((s, l) => s + l.params, 0) };
}

/**
 * An MLP on a flattened `side × side` grey image: hidden dense layers of the given sizes, then a
 * dense output layer of `outputs` units.
 */
export function mlpParamTable(side: number, hidden: readonly number[], outputs = 2): ParamTable {
  const layers: LayerCount[] = [];
  let inputs = side * side;
  [...hidden, outputs].forEach((units, i) => {
    const output = i === hidden.length;
    layers.push({
      kind: 'dense',
      index: i + 1,
      inputs,
      units,
      kernel: 0,
      output,
      params: denseLayerParams(inputs, units),
      shape: [units],
    });
    inputs = units;
  });
  return table(layers);
}

/** How the small CNN turns its last feature maps into the two outputs. */
export type CnnHead = 'flatten' | 'global';

/** The small CNN of the lesson: filters of both convolutions and their kernel side. */
export const LESSON_CNN = { filters1: 8, filters2: 16, kernel: 3, pool: 2 } as const;

/**
 * The lesson's small CNN on a `side × side` grey image: conv 3×3×8 ('same' padding) → max-pool 2
 * → conv 3×3×16 → max-pool 2 → dense to `outputs`, the dense layer fed either by all the last
 * maps flattened (`flatten`: ⌊side/4⌋²·16 inputs) or by one global max per map (`global`: 16).
 * A global-pooling head keeps the dense layer independent of the image size; it replaced the
 * flattening head in later CNNs (Lin M, Chen Q, Yan S. Network in network. ICLR 2014; He K et al.
 * Deep residual learning for image recognition. CVPR 2016, which ends with global average pooling).
 */
export function cnnParamTable(side: number, head: CnnHead, outputs = 2): ParamTable {
  const { filters1, filters2, kernel, pool } = LESSON_CNN;
  const s1 = Math.floor(side / pool);
  const s2 = Math.floor(s1 / pool);
  const conv = (index: number, c: number, f: number, s: number): LayerCount => ({
    kind: 'conv',
    index,
    inputs: c,
    units: f,
    kernel,
    output: false,
    params: convLayerParams(f, kernel, c),
    shape: [s, s, f],
  });
  const poolRow = (index: number, from: number, to: number, c: number): LayerCount => ({
    kind: 'pool',
    index,
    inputs: from,
    units: to,
    kernel: pool,
    output: false,
    params: 0,
    shape: [to, to, c],
  });
  const layers = [
    conv(1, 1, filters1, side),
    poolRow(1, side, s1, filters1),
    conv(2, filters1, filters2, s1),
    poolRow(2, s1, s2, filters2),
  ];
  let features = s2 * s2 * filters2;
  if (head === 'global') {
    layers.push({
      kind: 'global-pool',
      index: 1,
      inputs: s2,
      units: 1,
      kernel: 0,
      output: false,
      params: 0,
      shape: [filters2],
    });
    features = filters2;
  }
  layers.push({
    kind: 'dense',
    index: 1,
    inputs: features,
    units: outputs,
    kernel: 0,
    output: true,
    params: denseLayerParams(features, outputs),
    shape: [outputs],
  });
  return table(layers);
}

/** Bytes the weights take as 32-bit floats (what tfjs stores): 4 per parameter. */
export function float32Bytes(params: number): number {
  return 4 * params;
}
