/**
 * Reads a tfjs-layers model into a {@link ModelGraph}: plain data (layer kinds, settings, inputs,
 * output shapes) that the analysis, the click-to-explain maths and the React views use without
 * touching tfjs. Functional models are read from `model.layers` (topological order) and each
 * layer's inbound node; a Sequential model is read the same way, its implicit InputLayer put first.
 *
 * Layers that are the identity at inference (Dropout, SpatialDropout1D, GaussianNoise,
 * GaussianDropout, AlphaDropout: they act only while training, Srivastava et al., JMLR 2014) are
 * left out of the graph, their consumers reading their input directly. Any other layer the
 * explainer cannot compute exactly is refused with an {@link UnsupportedModelError} whose message
 * says what to change.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Localized } from '../lessons/types';
import type { GraphLayer, LayerActivation, LayerKind, ModelGraph } from './zooTypes';

/** Why a model cannot be described. */
export type UnsupportedModelCode =
  | 'unsupported-layer'
  | 'batch-normalization'
  | 'separable-conv'
  | 'nested-model'
  | 'shared-layer'
  | 'unsupported-activation'
  | 'channels-first'
  | 'padding'
  | 'dense-on-map'
  | 'axis'
  | 'dynamic-shape'
  | 'inputs'
  | 'outputs';

/**
 * The message of each {@link UnsupportedModelCode}, in both languages, with `{placeholders}` that
 * {@link UnsupportedModelError.localized} fills in (layer names and values stay as they are).
 */
export const UNSUPPORTED_MODEL_MESSAGES: Readonly<Record<UnsupportedModelCode, Localized>> = {
  'unsupported-layer': {
    en:
      "Layer '{layer}' is a {type} layer, which the explainer does not support yet. It supports convolutions " +
      '(ordinary, depthwise, transposed), dense layers, max, average and global average pooling, flatten, add, ' +
      'concatenate and activation layers.',
    zh: '层“{layer}”是 {type} 层，解释器暂不支持。支持的层有：卷积（普通、深度、转置）、全连接层、最大池化、平均池化、全局平均池化、展平、相加、拼接和激活层。',
  },
  'batch-normalization': {
    en:
      "Layer '{layer}' is a BatchNormalization layer, which the explainer does not support yet: fold it into " +
      'the previous convolution (weights w·γ/σ, bias (b − μ)·γ/σ + β) and load the model again.',
    zh: '层“{layer}”是批归一化层，解释器暂不支持：请把它并入前一个卷积层（权重 w·γ/σ，偏置 (b − μ)·γ/σ + β），然后重新加载模型。',
  },
  'separable-conv': {
    en:
      "Layer '{layer}' is a SeparableConv2D layer, which the explainer does not support yet: build it as a " +
      'DepthwiseConv2D layer followed by a 1×1 Conv2D layer (the same maths, shown step by step).',
    zh: '层“{layer}”是可分离卷积层，解释器暂不支持：请把它拆成一个深度卷积层加一个 1×1 卷积层（数学上相同，还能分步展示）。',
  },
  'nested-model': {
    en: "Layer '{layer}' is itself a model; the explainer needs a flat model: build it from the inner model's layers.",
    zh: '层“{layer}”本身是一个模型；解释器需要扁平的模型：请用内部模型的各层重新搭建。',
  },
  'shared-layer': {
    en: "Layer '{layer}' is applied more than once in the model (shared weights); the explainer needs each layer to be applied once.",
    zh: '层“{layer}”在模型中被应用了不止一次（共享权重）；解释器要求每一层只应用一次。',
  },
  'unsupported-activation': {
    en: "Layer '{layer}' uses the activation '{activation}', which the explainer does not support yet: use linear, relu, sigmoid, tanh or softmax.",
    zh: '层“{layer}”使用了激活函数“{activation}”，解释器暂不支持：请使用线性、ReLU、sigmoid、tanh 或 softmax。',
  },
  'channels-first': {
    en: "Layer '{layer}' stores channels first; the explainer needs channels last (height, width, channels), tfjs's default.",
    zh: '层“{layer}”把通道放在最前面；解释器需要通道在最后（高、宽、通道），这是 tfjs 的默认格式。',
  },
  padding: {
    en: "Layer '{layer}' uses '{padding}' padding; the explainer supports 'valid' (none) and 'same' only.",
    zh: '层“{layer}”使用了“{padding}”填充方式；解释器只支持不填充和保持尺寸的填充两种方式。',
  },
  'dense-on-map': {
    en: "Layer '{layer}' is a dense layer applied to a {shape} map; the explainer needs a vector there: add a Flatten or GlobalAveragePooling2D layer before it.",
    zh: '层“{layer}”是作用在 {shape} 特征图上的全连接层；解释器要求这里的输入是向量：请在它前面加一个展平层或全局平均池化层。',
  },
  axis: {
    en: "Layer '{layer}' works along axis {axis}; the explainer supports the channel axis (the last one) only.",
    zh: '层“{layer}”沿第 {axis} 轴运算；解释器只支持通道轴（最后一个轴）。',
  },
  'dynamic-shape': {
    en: "Layer '{layer}' has no fixed size (shape {shape}); the explainer needs a model built for one input size, e.g. an input shape of [64, 64, 1].",
    zh: '层“{layer}”没有固定尺寸（形状 {shape}）；解释器需要针对单一输入尺寸搭建的模型，例如输入形状为 [64, 64, 1]。',
  },
  inputs: {
    en: 'The model has {count} inputs; the explainer needs exactly one image input.',
    zh: '该模型有 {count} 个输入；解释器需要恰好一个图像输入。',
  },
  outputs: {
    en: 'The model has {count} outputs; the explainer needs exactly one.',
    zh: '该模型有 {count} 个输出；解释器需要恰好一个。',
  },
};

/**
 * A model the explainer cannot describe exactly: `code` for programs, `message` (English) and
 * {@link localized} for people.
 */
export class UnsupportedModelError extends Error {
  readonly code: UnsupportedModelCode;
  /** The offending layer's name, when one layer is to blame. */
  readonly layer: string | undefined;
  /** The values of the message's placeholders. */
  readonly values: Readonly<Record<string, string>>;

  constructor(code: UnsupportedModelCode, values: Record<string, string>) {
    super(fill(UNSUPPORTED_MODEL_MESSAGES[code].en, values));
    this.name = 'UnsupportedModelError';
    this.code = code;
    this.layer = values.layer;
    this.values = values;
  }

  /** The message in the given language, placeholders filled. */
  localized(lang: 'en' | 'zh'): string {
    return fill(UNSUPPORTED_MODEL_MESSAGES[this.code][lang], this.values);
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

type Layer = tfl.LayersModel['layers'][number];
type Config = Record<string, unknown>;

/** Layers that are the identity at inference: left out, their consumers rewired to their input. */
const INFERENCE_IDENTITY = new Set([
  'Dropout',
  'SpatialDropout1D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
]);
const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional', 'LayersModel']);
const KINDS: Readonly<Record<string, LayerKind>> = {
  InputLayer: 'input',
  Conv2D: 'conv2d',
  DepthwiseConv2D: 'depthwiseConv2d',
  Conv2DTranspose: 'conv2dTranspose',
  Dense: 'dense',
  MaxPooling2D: 'maxPool',
  AveragePooling2D: 'avgPool',
  GlobalAveragePooling2D: 'globalAvgPool',
  Flatten: 'flatten',
  Add: 'add',
  Concatenate: 'concatenate',
  Activation: 'activation',
  ReLU: 'activation',
  Softmax: 'activation',
};
const ACTIVATIONS: ReadonlySet<string> = new Set<LayerActivation>([
  'linear',
  'relu',
  'sigmoid',
  'softmax',
  'tanh',
]);

function numberPair(v: unknown, what: string, layer: string): readonly [number, number] {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number')
    return [v[0], v[1]];
  throw new Error(`Layer '${layer}': its ${what} ${JSON.stringify(v)} is not one or two numbers.`);
}

function activationOf(v: unknown, layer: string): LayerActivation {
  const name = typeof v === 'string' ? v : v == null ? 'linear' : JSON.stringify(v);
  if (!ACTIVATIONS.has(name))
    throw new UnsupportedModelError('unsupported-activation', { layer, activation: name });
  return name as LayerActivation;
}

function paddingOf(v: unknown, layer: string): 'valid' | 'same' {
  if (v === 'valid' || v === 'same') return v;
  throw new UnsupportedModelError('padding', { layer, padding: String(v) });
}

/** Whether an axis (as configured, −1 allowed) is the last axis of a batch-first shape of `rank` axes. */
function isLastAxis(axis: unknown, rank: number): boolean {
  return axis === -1 || axis === rank - 1;
}

/** The one inbound node of `layer` that belongs to `model` (a layer applied twice is refused). */
function nodeOf(model: tfl.LayersModel, layer: Layer): Layer['inboundNodes'][number] {
  const mine = layer.inboundNodes.filter(
    (_, i) => model.containerNodes.size === 0 || model.containerNodes.has(`${layer.name}_ib-${i}`),
  );
  const node = mine[0] ?? layer.inboundNodes[0];
  if (mine.length > 1 || !node) throw new UnsupportedModelError('shared-layer', { layer: layer.name });
  return node;
}

/** The node's single output shape without the batch axis; every size must be known. */
function shapeOf(layer: string, shapes: unknown): number[] {
  const shape: unknown = Array.isArray(shapes) && Array.isArray(shapes[0]) ? shapes[0] : shapes;
  if (!Array.isArray(shape)) throw new Error(`Layer '${layer}' has no output shape.`);
  const sizes = shape.slice(1);
  if (!sizes.every((s): s is number => typeof s === 'number' && s > 0))
    throw new UnsupportedModelError('dynamic-shape', { layer, shape: JSON.stringify(shape) });
  return sizes;
}

/** Kind-specific settings of one layer, read from its config. */
function settingsOf(
  kind: LayerKind,
  className: string,
  name: string,
  config: Config,
  inputShapes: readonly (readonly number[])[],
  rank: number,
): Partial<GraphLayer> {
  if (kind === 'conv2d' || kind === 'depthwiseConv2d' || kind === 'conv2dTranspose') {
    if (config.dataFormat === 'channelsFirst')
      throw new UnsupportedModelError('channels-first', { layer: name });
    const s: Partial<GraphLayer> = {
      kernel: numberPair(config.kernelSize, 'kernel size', name),
      strides: numberPair(config.strides ?? 1, 'strides', name),
      padding: paddingOf(config.padding, name),
      useBias: config.useBias !== false,
      activation: activationOf(config.activation, name),
    };
    // tfjs-layers 4.22 computes DepthwiseConv2D without its dilationRate (its call passes none and
    // its output shape ignores it) and Conv2DTranspose ignores (and does not serialise) it: the graph
    // records what tfjs computes.
    if (kind === 'conv2d') s.dilation = numberPair(config.dilationRate ?? 1, 'dilation rate', name);
    if (kind === 'depthwiseConv2d') {
      s.dilation = [1, 1];
      s.depthMultiplier = Number(config.depthMultiplier ?? 1);
    } else s.filters = Number(config.filters);
    return s;
  }
  if (kind === 'maxPool' || kind === 'avgPool' || kind === 'globalAvgPool') {
    if (config.dataFormat === 'channelsFirst')
      throw new UnsupportedModelError('channels-first', { layer: name });
    if (kind === 'globalAvgPool') return {};
    const kernel = numberPair(config.poolSize, 'pool size', name);
    return {
      kernel,
      strides: numberPair(config.strides ?? kernel, 'strides', name),
      padding: paddingOf(config.padding, name),
    };
  }
  if (kind === 'dense') {
    const input = inputShapes[0] ?? [];
    if (input.length !== 1)
      throw new UnsupportedModelError('dense-on-map', { layer: name, shape: input.join('×') });
    return {
      filters: Number(config.units),
      useBias: config.useBias !== false,
      activation: activationOf(config.activation, name),
    };
  }
  if (kind === 'concatenate') {
    if (!isLastAxis(config.axis, rank))
      throw new UnsupportedModelError('axis', { layer: name, axis: String(config.axis) });
    return { axis: Number(config.axis) };
  }
  if (kind === 'activation') {
    if (className === 'ReLU') {
      if (config.maxValue != null)
        throw new UnsupportedModelError('unsupported-activation', {
          layer: name,
          activation: `relu (max ${String(config.maxValue)})`,
        });
      return { activation: 'relu' };
    }
    if (className === 'Softmax') {
      if (!isLastAxis(config.axis, rank))
        throw new UnsupportedModelError('axis', { layer: name, axis: JSON.stringify(config.axis) });
      return { activation: 'softmax' };
    }
    return { activation: activationOf(config.activation, name) };
  }
  return {};
}

/**
 * The graph of a tfjs-layers model with one image input and one output: every layer (identity
 * layers left out, see the module comment) in topological order, the input first, the output last,
 * with its kind, settings (kernel, strides, dilation, padding, filters or units, depth multiplier,
 * bias, activation, concatenation axis), inputs and output shape without the batch axis.
 * @throws UnsupportedModelError for a layer, activation or option the explainer does not compute
 *   (BatchNormalization, SeparableConv2D, channels-first data, 'causal' padding, a dense layer on a
 *   map, a shared layer, a nested model, an input size that is not fixed, several inputs or outputs).
 */
export function describeModel(model: tfl.LayersModel): ModelGraph {
  // `inputs` rather than `inputLayers`: a Sequential model sets the latter only once built
  if (model.inputs.length !== 1)
    throw new UnsupportedModelError('inputs', { count: String(model.inputs.length) });
  if (model.outputs.length !== 1)
    throw new UnsupportedModelError('outputs', { count: String(model.outputs.length) });
  const input = model.inputs[0]!.sourceLayer;
  const ordered = model.layers.includes(input) ? model.layers : [input, ...model.layers];
  /** Names of left-out identity layers → the name of the layer they pass through. */
  const alias = new Map<string, string>();
  const shapes = new Map<string, readonly number[]>();
  const layers: GraphLayer[] = [];
  for (const layer of ordered) {
    const name = layer.name;
    const className = layer.getClassName();
    if (MODEL_CLASSES.has(className) || 'layers' in layer)
      throw new UnsupportedModelError('nested-model', { layer: name });
    const node = nodeOf(model, layer);
    const inputs = node.inboundLayers.map((l) => alias.get(l.name) ?? l.name);
    if (INFERENCE_IDENTITY.has(className)) {
      alias.set(name, inputs[0]!);
      continue;
    }
    const kind = KINDS[className];
    if (className === 'BatchNormalization')
      throw new UnsupportedModelError('batch-normalization', { layer: name });
    if (className === 'SeparableConv2D') throw new UnsupportedModelError('separable-conv', { layer: name });
    if (!kind) throw new UnsupportedModelError('unsupported-layer', { layer: name, type: className });
    const outputShape = shapeOf(name, node.outputShapes);
    const inputShapes = inputs.map((n) => shapes.get(n) ?? []);
    const config = layer.getConfig() as Config;
    const settings = settingsOf(kind, className, name, config, inputShapes, outputShape.length + 1);
    shapes.set(name, outputShape);
    layers.push({ name, kind, inputs: kind === 'input' ? [] : inputs, outputShape, ...settings });
  }
  return { name: model.name, layers };
}
