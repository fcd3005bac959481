/**
 * Click-to-explain: the exact computation of one unit of one layer, redone in plain TypeScript with
 * the reference maths (`core/tensor/reference`) from the layer's inputs (a forward pass's plain
 * arrays) and its weights. Every number the detail panel shows comes from here; the unit tests
 * check that `value` equals tfjs's own activation for every layer of every zoo model.
 *
 * - conv2d: z = b_f + Σ_{i,j,c} x[y·s − top + i·d, x·s − left + j·d, c]·w[i, j, c, f]   (`convAt`)
 * - depthwiseConv2d: z = b_o + Σ_{i,j} x[…, c]·w[i, j, c, m], o = c·M + m              (`depthwiseAt`)
 * - conv2dTranspose: z = b_f + Σ over the taps that reach the position                   (`conv2dTransposeAt`)
 * - dense: z = b_f + Σ_k x_k·w[k, f]
 * and then the activation f(z); softmax (over the channel axis) is exp(z_i)/Σ_j exp(z_j).
 * Pools list their window's cells inside the image (max: the argmax), global average pooling its
 * whole channel; add, concatenate, flatten and activation layers list the value(s) they copy, sum
 * or map.
 */
import {
  activation as applyScalar,
  conv2dTransposeAt,
  convAt,
  depthwiseAt,
  poolAt,
  type ConvOptions,
  type Volume,
} from '../tensor/reference';
import type {
  GraphLayer,
  LayerActivation,
  LayerOutput,
  ModelGraph,
  UnitExplanation,
  UnitRef,
  UnitTerm,
} from './zooTypes';

/**
 * A layer's weights as plain arrays, in tfjs's layouts: conv2d [kh, kw, in, out], depthwise
 * [kh, kw, in, multiplier], conv2dTranspose [kh, kw, out, in], dense [in, out]; `kernel` null for
 * layers without weights, `bias` null without a bias (`useBias: false`).
 */
export interface LayerWeights {
  kernel: Float32Array | null;
  kernelShape: readonly number[];
  bias: Float32Array | null;
}

type Source = { layer: string; row: number; column: number; channel: number; input: number };
type WeightedSum = Extract<UnitExplanation, { kind: 'weighted-sum' }>;

const product = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/**
 * f(z) for the activations that act on one value (softmax needs the whole vector: see
 * {@link softmaxAt}).
 */
function activate(a: LayerActivation, z: number): number {
  if (a === 'softmax') throw new Error('softmax needs every value of its vector');
  return applyScalar(a, z);
}

/**
 * Softmax of entry i of z: exp(z_i − m)/Σ_j exp(z_j − m) with m = max z (the same value as
 * exp(z_i)/Σ exp(z_j), without overflow), in float64.
 */
export function softmaxAt(z: ArrayLike<number>, i: number): number {
  let m = -Infinity;
  for (let k = 0; k < z.length; k++) m = Math.max(m, z[k]!);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += Math.exp(z[k]! - m);
  return Math.exp(z[i]! - m) / sum;
}

/** Reads the forward pass: each layer's output by name, its length checked against its shape. */
function outputsByName(outputs: readonly LayerOutput[]): (name: string) => LayerOutput {
  const map = new Map(outputs.map((o) => [o.name, o]));
  return (name) => {
    const o = map.get(name);
    if (!o) throw new Error(`The forward pass has no output for layer '${name}': run the whole model first.`);
    if (o.values.length !== product(o.shape))
      throw new Error(
        `The output of layer '${name}' holds ${o.values.length} values, not ${product(o.shape)}.`,
      );
    return o;
  };
}

function asVolume(o: LayerOutput): Volume {
  if (o.shape.length !== 3)
    throw new Error(
      `Layer '${o.name}' should output maps (height × width × channels), not [${o.shape.join(', ')}].`,
    );
  return { height: o.shape[0]!, width: o.shape[1]!, channels: o.shape[2]!, data: o.values };
}

/** Index of unit (row, column, channel) in an output of this shape (vectors: the channel). */
function indexOf(shape: readonly number[], row: number, column: number, channel: number): number {
  return shape.length === 3 ? (row * shape[1]! + column) * shape[2]! + channel : channel;
}

/** @throws RangeError unless the unit exists in a layer with this output shape. */
function checkUnit(layer: GraphLayer, shape: readonly number[], u: UnitRef): void {
  const whole = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (shape.length === 3) {
    const [H, W, C] = shape as [number, number, number];
    if (!whole(u.row, H) || !whole(u.column, W))
      throw new RangeError(
        `Unit (row ${u.row}, column ${u.column}) is outside layer '${layer.name}', whose maps are ${H}×${W}.`,
      );
    if (!whole(u.channel, C))
      throw new RangeError(
        `Layer '${layer.name}' has ${C} channel(s), numbered 0 to ${C - 1}; there is no channel ${u.channel}.`,
      );
    return;
  }
  const n = product(shape);
  if (u.row !== 0 || u.column !== 0)
    throw new RangeError(
      `Layer '${layer.name}' outputs a vector: give its units as row 0, column 0 and an index.`,
    );
  if (!whole(u.channel, n))
    throw new RangeError(
      `Layer '${layer.name}' has ${n} unit(s), numbered 0 to ${n - 1}; there is no unit ${u.channel}.`,
    );
}

/** The kernel (and bias) of a layer, its shape checked against the definition. */
function kernelOf(
  layer: GraphLayer,
  w: LayerWeights,
  expected: readonly number[],
): { kernel: Float32Array; bias?: Float32Array } {
  if (!w.kernel) throw new Error(`Layer '${layer.name}' has no kernel weights.`);
  if (w.kernelShape.length !== expected.length || w.kernelShape.some((s, i) => s !== expected[i]))
    throw new Error(
      `Layer '${layer.name}' has a kernel of shape [${w.kernelShape.join(', ')}] but its definition needs [${expected.join(', ')}].`,
    );
  if (w.kernel.length !== product(expected))
    throw new Error(`Layer '${layer.name}': kernel data of the wrong length.`);
  return w.bias ? { kernel: w.kernel, bias: w.bias } : { kernel: w.kernel };
}

/** Builds the weighted-sum explanation; `preOf(k)` gives channel k's pre-activation (softmax only). */
function weightedSum(
  layer: GraphLayer,
  terms: UnitTerm[],
  sum: number,
  bias: number,
  channels: number,
  channel: number,
  preOf: (k: number) => number,
): WeightedSum {
  const a = layer.activation ?? 'linear';
  const preActivation = sum + bias;
  const value =
    a === 'softmax'
      ? softmaxAt(
          Float64Array.from({ length: channels }, (_, k) => (k === channel ? preActivation : preOf(k))),
          channel,
        )
      : activate(a, preActivation);
  return { kind: 'weighted-sum', terms, sum, bias, preActivation, activation: a, value };
}

function convolution(layer: GraphLayer, u: UnitRef, x: LayerOutput, w: LayerWeights): WeightedSum {
  const vol = asVolume(x);
  const [kh, kw] = layer.kernel ?? [1, 1];
  const opts: ConvOptions = {
    stride: layer.strides ?? 1,
    dilation: layer.dilation ?? 1,
    padding: layer.padding ?? 'valid',
  };
  const C = vol.channels;
  const toTerm = (
    t: { y: number; x: number; c: number; value: number; weight: number; product: number },
    padded: boolean,
  ): UnitTerm => ({
    source: { layer: x.name, row: t.y, column: t.x, channel: t.c },
    padded,
    input: t.value,
    weight: t.weight,
    product: t.product,
  });
  if (layer.kind === 'conv2d') {
    const F = layer.filters ?? 0;
    const { kernel, bias } = kernelOf(layer, w, [kh, kw, C, F]);
    const filters = { kh, kw, inChannels: C, outChannels: F, data: kernel };
    const at = (f: number) =>
      convAt(vol, filters, u.row, u.column, f, { ...opts, ...(bias ? { bias } : {}) });
    const t = at(u.channel);
    const terms = t.taps.map((tap) => toTerm(tap, !tap.inside));
    return weightedSum(layer, terms, t.sum, t.bias, F, u.channel, (f) => at(f).output);
  }
  if (layer.kind === 'depthwiseConv2d') {
    const M = layer.depthMultiplier ?? 1;
    const { kernel, bias } = kernelOf(layer, w, [kh, kw, C, M]);
    const filters = { kh, kw, inChannels: C, multiplier: M, data: kernel };
    const at = (o: number) =>
      depthwiseAt(vol, filters, u.row, u.column, o, { ...opts, ...(bias ? { bias } : {}) });
    const t = at(u.channel);
    const terms = t.taps.map((tap) => toTerm(tap, !tap.inside));
    return weightedSum(layer, terms, t.sum, t.bias, C * M, u.channel, (o) => at(o).output);
  }
  const F = layer.filters ?? 0;
  const { kernel, bias } = kernelOf(layer, w, [kh, kw, F, C]);
  const filters = { kh, kw, outChannels: F, inChannels: C, data: kernel };
  const topts = { stride: layer.strides ?? 1, padding: layer.padding ?? 'valid', ...(bias ? { bias } : {}) };
  const at = (f: number) => conv2dTransposeAt(vol, filters, u.row, u.column, f, topts);
  const t = at(u.channel);
  const terms = t.taps.map((tap) => toTerm(tap, false));
  return weightedSum(layer, terms, t.sum, t.bias, F, u.channel, (f) => at(f).output);
}

function dense(layer: GraphLayer, u: UnitRef, x: LayerOutput, w: LayerWeights): WeightedSum {
  const n = x.values.length;
  const F = layer.filters ?? 0;
  const { kernel, bias } = kernelOf(layer, w, [n, F]);
  const sumOf = (f: number) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += x.values[k]! * kernel[k * F + f]!;
    return s;
  };
  const terms: UnitTerm[] = new Array<UnitTerm>(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const input = x.values[k]!;
    const weight = kernel[k * F + u.channel]!;
    const p = input * weight;
    sum += p;
    terms[k] = {
      source: { layer: x.name, row: 0, column: 0, channel: k },
      padded: false,
      input,
      weight,
      product: p,
    };
  }
  const b = (f: number) => (bias ? bias[f]! : 0);
  return weightedSum(layer, terms, sum, b(u.channel), F, u.channel, (f) => sumOf(f) + b(f));
}

/** The value of `o` at the unit's position and channel `channel` (maps) or index `channel` (vectors). */
function sourceAt(o: LayerOutput, row: number, column: number, channel: number): Source {
  const input = o.values[indexOf(o.shape, row, column, channel)]!;
  return o.shape.length === 3
    ? { layer: o.name, row, column, channel, input }
    : { layer: o.name, row: 0, column: 0, channel, input };
}

/** Every value of the channel axis at the unit's position (the vector a softmax normalises over). */
function channelVector(o: LayerOutput, row: number, column: number): Source[] {
  const C = o.shape.at(-1) ?? 0;
  return Array.from({ length: C }, (_, c) => sourceAt(o, row, column, c));
}

/**
 * The exact computation of `unit` from the forward pass `outputs` (every layer's output, plain
 * arrays) and the layer's weights (`weightsOf`, tfjs layouts, see {@link LayerWeights}), with the
 * reference maths; see the module comment for each layer kind.
 * @throws RangeError when the unit's row, column or channel is outside the layer's output; Error
 *   when the layer is not in the graph, an input's output is missing or a kernel has the wrong shape.
 */
export function explainUnit(
  graph: ModelGraph,
  unit: UnitRef,
  outputs: readonly LayerOutput[],
  weightsOf: (layer: string) => LayerWeights,
): UnitExplanation {
  const layer = graph.layers.find((l) => l.name === unit.layer);
  if (!layer) throw new RangeError(`Model '${graph.name}' has no layer named '${unit.layer}'.`);
  checkUnit(layer, layer.outputShape, unit);
  const out = outputsByName(outputs);
  const ins = layer.inputs.map(out);
  const x = ins[0];
  const { row, column, channel } = unit;
  switch (layer.kind) {
    case 'input':
      return {
        kind: 'input',
        value: out(layer.name).values[indexOf(layer.outputShape, row, column, channel)]!,
      };
    case 'conv2d':
    case 'depthwiseConv2d':
    case 'conv2dTranspose':
      return convolution(layer, unit, x!, weightsOf(layer.name));
    case 'dense':
      return dense(layer, unit, x!, weightsOf(layer.name));
    case 'maxPool':
    case 'avgPool': {
      const [kh, kw] = layer.kernel ?? [1, 1];
      const kind = layer.kind === 'maxPool' ? 'max' : 'avg';
      const opts = {
        kind,
        size: [kh, kw],
        stride: layer.strides ?? [kh, kw],
        padding: layer.padding ?? 'valid',
      } as const;
      const t = poolAt(asVolume(x!), row, column, channel, opts);
      const inside = t.taps.filter((tap) => tap.inside);
      const sources = inside.map((tap) => ({
        layer: x!.name,
        row: tap.y,
        column: tap.x,
        channel,
        input: tap.value,
      }));
      const base = {
        kind: 'pool' as const,
        op: kind === 'max' ? ('max' as const) : ('average' as const),
        sources,
        value: t.output,
      };
      return kind === 'max' ? { ...base, argmax: inside.indexOf(t.taps[t.argmax]!) } : base;
    }
    case 'globalAvgPool': {
      const v = asVolume(x!);
      const sources: Source[] = [];
      let sum = 0;
      for (let y = 0; y < v.height; y++)
        for (let c = 0; c < v.width; c++) {
          const s = sourceAt(x!, y, c, channel);
          sum += s.input;
          sources.push(s);
        }
      return { kind: 'pool', op: 'average', sources, value: sum / (v.height * v.width) };
    }
    case 'add': {
      const sources = ins.map((o) => sourceAt(o, row, column, channel));
      return { kind: 'elementwise', op: 'add', sources, value: sources.reduce((s, v) => s + v.input, 0) };
    }
    case 'concatenate': {
      let offset = channel;
      for (const o of ins) {
        const C = o.shape.at(-1) ?? 0;
        if (offset < C) {
          const s = sourceAt(o, row, column, offset);
          return { kind: 'elementwise', op: 'concatenate', sources: [s], value: s.input };
        }
        offset -= C;
      }
      throw new Error(`Layer '${layer.name}': its inputs hold fewer than ${channel + 1} channels.`);
    }
    case 'flatten': {
      const s = x!.shape;
      const [W, C] = s.length === 3 ? [s[1]!, s[2]!] : [1, 1];
      const source =
        s.length === 3
          ? sourceAt(x!, Math.floor(channel / (W * C)), Math.floor(channel / C) % W, channel % C)
          : sourceAt(x!, 0, 0, channel);
      return { kind: 'elementwise', op: 'flatten', sources: [source], value: source.input };
    }
    case 'activation': {
      const a = layer.activation ?? 'linear';
      if (a === 'softmax') {
        const sources = channelVector(x!, row, column);
        const value = softmaxAt(
          sources.map((s) => s.input),
          channel,
        );
        return { kind: 'elementwise', op: 'activation', sources, activation: a, value };
      }
      const s = sourceAt(x!, row, column, channel);
      return {
        kind: 'elementwise',
        op: 'activation',
        sources: [s],
        activation: a,
        value: activate(a, s.input),
      };
    }
  }
}
