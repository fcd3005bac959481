/**
 * Reading a tfjs-layers (Keras JSON) model topology without building the model: the input shape,
 * the class count and a best-effort {@link ModelSpec}. The topology is what `model.toJSON()` /
 * `model.save()` put in model.json's `modelTopology`: `{ class_name: 'Sequential' | 'Model' |
 * 'Functional', config: { name, layers: [{ class_name, config, … }], input_layers, output_layers } }`,
 * or Keras's `{ model_config: {…}, training_config }` wrapping of it (tfjs converter output).
 */
import type { ModelSpec, TrainableZooId } from './trainingTypes';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What {@link readLayersTopology} found. */
export interface TopologySummary {
  /** The model's name (`config.name`), or null. */
  name: string | null;
  /** The batch input shape, e.g. `[null, 64, 64, 1]`, or null when none could be found. */
  inputShape: (number | null)[] | null;
  /** Units of the last layer that has `units` (the classifier head), or null. */
  outputUnits: number | null;
  /** `class_name` of every layer, in file order. */
  layerClasses: string[];
  /** The configs of every layer, in file order. */
  layerConfigs: Json[];
}

/**
 * Summarises a layers-model topology. Functional models must have exactly one input (else
 * `inputShape` is null); the input shape is the `batch_input_shape` (or Keras 3 `batch_shape`) of
 * the input layer, or of the first layer of a Sequential model.
 */
export function readLayersTopology(topology: unknown): TopologySummary | null {
  let top = topology;
  if (isRecord(top) && isRecord(top.model_config)) top = top.model_config;
  if (!isRecord(top)) return null;
  const config = top.config;
  const layerList = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
  if (!Array.isArray(layerList)) return null;
  const layers = layerList.filter(isRecord);
  const layerConfigs = layers.map((l) => (isRecord(l.config) ? l.config : {}));
  const layerClasses = layers.map((l) => (typeof l.class_name === 'string' ? l.class_name : ''));
  const name = isRecord(config) && typeof config.name === 'string' ? config.name : null;

  let inputConfig: Json | undefined;
  if (isRecord(config) && Array.isArray(config.input_layers)) {
    const inputs = config.input_layers;
    const first = inputs[0];
    const inputName = Array.isArray(first) ? first[0] : undefined;
    if (inputs.length === 1 && typeof inputName === 'string') {
      const index = layers.findIndex((l, i) => l.name === inputName || layerConfigs[i]?.name === inputName);
      inputConfig = layerConfigs[index];
    }
  } else {
    inputConfig = layerConfigs[0];
  }
  const shape = inputConfig?.batch_input_shape ?? inputConfig?.batch_shape;
  const inputShape =
    Array.isArray(shape) && shape.every((d) => d === null || (typeof d === 'number' && Number.isInteger(d)))
      ? (shape as (number | null)[])
      : null;

  let outputUnits: number | null = null;
  for (const c of layerConfigs) if (typeof c.units === 'number') outputUnits = c.units;
  return { name, inputShape, outputUnits, layerClasses, layerConfigs };
}

/** The zoo's model names (`buildX(...).name`) and their ids. */
const ZOO_NAMES: Record<string, TrainableZooId> = {
  mlp: 'mlp',
  lenet5: 'lenet5',
  tiny_vgg: 'tiny-vgg',
  'tiny-vgg': 'tiny-vgg',
  mobilenet: 'mobilenet',
  resnet: 'resnet',
};

/**
 * A best-effort {@link ModelSpec} for a model whose own description is missing: the zoo id when
 * the model's name is a zoo name, else a `custom` stack with `blocks` = number of 2-D max-pooling
 * layers (at least 1), `filters` = the first convolution's, `kernel` = 5 when the first
 * convolution is 5×5 else 3, `dense` = units of the dense layer before the head (0 when none).
 * Only a description for the page; the topology itself defines the network.
 */
export function guessModelSpec(summary: TopologySummary): ModelSpec {
  const zoo = summary.name !== null ? ZOO_NAMES[summary.name] : undefined;
  if (zoo) return { kind: 'zoo', id: zoo, pretrained: false };
  const convIndex = summary.layerClasses.indexOf('Conv2D');
  const conv = convIndex >= 0 ? summary.layerConfigs[convIndex] : undefined;
  const kernelSize = conv?.kernel_size;
  const k = Array.isArray(kernelSize) ? kernelSize[0] : kernelSize;
  const denseUnits = summary.layerConfigs
    .filter((_, i) => summary.layerClasses[i] === 'Dense')
    .map((c) => (typeof c.units === 'number' ? c.units : 0));
  return {
    kind: 'custom',
    blocks: Math.max(1, summary.layerClasses.filter((c) => c === 'MaxPooling2D').length),
    filters: typeof conv?.filters === 'number' ? conv.filters : 8,
    kernel: k === 5 ? 5 : 3,
    dense: denseUnits.length >= 2 ? (denseUnits[denseUnits.length - 2] ?? 0) : 0,
  };
}
