/**
 * The networks the `train-classifier` lesson trains: the zoo's classifier architectures (built by
 * `core/models/zooArchitectures.ts` at the dataset's image size and class count) or a small custom
 * stack, and the copy of pretrained weights into a fresh model for fine-tuning.
 *
 * Every classifier ends, as the zoo's do, in a linear dense `logits` layer followed by a separate
 * softmax `probabilities` layer: training minimises cross-entropy on the logits (numerically
 * stable log-softmax) and Grad-CAM differentiates the pre-softmax class score (Selvaraju et al.,
 * ICCV 2017, §3).
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildLeNet5, buildMlp, buildMobileNet, buildResNet, buildTinyVgg } from '../models/zooArchitectures';
import {
  MAX_CUSTOM_BLOCKS,
  MAX_CUSTOM_DENSE,
  MAX_CUSTOM_FILTERS,
  type ModelSpec,
  type TrainableZooId,
} from './trainingTypes';
import { TrainingError } from './TrainingError';

type Layers = typeof tfl;
type Sym = tfl.SymbolicTensor;

export { MAX_CUSTOM_BLOCKS, MAX_CUSTOM_DENSE, MAX_CUSTOM_FILTERS };

/** Image side and class count the network is built for, and the seed of its initial weights. */
export interface ClassifierShape {
  size: number;
  classes: number;
  seed: number;
}

const ZOO_BUILDERS: Record<
  TrainableZooId,
  (layers: Layers, seed: number, size: number, classes: number) => tfl.LayersModel
> = {
  mlp: buildMlp,
  lenet5: buildLeNet5,
  'tiny-vgg': buildTinyVgg,
  mobilenet: buildMobileNet,
  resnet: buildResNet,
};

function invalid(en: string, zh: string): never {
  throw new TrainingError({ en, zh });
}

/**
 * The custom stack of a {@link ModelSpec}: for block b = 1…blocks, with f_b = filters · 2^(b−1):
 * `conv_b_1` (k×k, f_b, 'same', ReLU) → `conv_b_2` (k×k, f_b, 'same', ReLU) → `pool_b` (2×2 max,
 * stride 2); then `flatten`, an optional `dense` layer (ReLU) and the `logits` + `probabilities`
 * head. Parameters: conv k²·C_in·C_out + C_out, dense in·out + out, with the flattened length
 * (size / 2^blocks)² · f_blocks (size halved with floor at every pool).
 * Weights are glorot-uniform with consecutive seeds from `seed`, biases zero.
 */
function buildCustom(
  layers: Layers,
  spec: Extract<ModelSpec, { kind: 'custom' }>,
  { size, classes, seed }: ClassifierShape,
): tfl.LayersModel {
  const { blocks, filters, kernel, dense } = spec;
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > MAX_CUSTOM_BLOCKS)
    invalid(
      `A custom network needs 1 to ${MAX_CUSTOM_BLOCKS} blocks, not ${blocks}.`,
      `自定义网络需要 1 到 ${MAX_CUSTOM_BLOCKS} 个模块，而不是 ${blocks} 个。`,
    );
  if (Math.floor(size / 2 ** blocks) < 1)
    invalid(
      `${blocks} blocks halve a ${size}-pixel image ${blocks} times, to nothing: use fewer blocks.`,
      `${blocks} 个模块会把 ${size} 像素的图像减半 ${blocks} 次，最后什么也不剩：请减少模块数。`,
    );
  if (!Number.isInteger(filters) || filters < 1 || filters > MAX_CUSTOM_FILTERS)
    invalid(
      `The first block needs 1 to ${MAX_CUSTOM_FILTERS} filters, not ${filters}.`,
      `第一个模块需要 1 到 ${MAX_CUSTOM_FILTERS} 个滤波器，而不是 ${filters} 个。`,
    );
  if (kernel !== 3 && kernel !== 5)
    invalid(
      `The kernel must be 3 or 5 pixels wide, not ${String(kernel)}.`,
      `卷积核宽度必须是 3 或 5，而不是 ${String(kernel)}。`,
    );
  if (!Number.isInteger(dense) || dense < 0 || dense > MAX_CUSTOM_DENSE)
    invalid(
      `The dense layer needs 0 to ${MAX_CUSTOM_DENSE} units, not ${dense}.`,
      `全连接层需要 0 到 ${MAX_CUSTOM_DENSE} 个单元，而不是 ${dense} 个。`,
    );
  let nextSeed = seed;
  const init = () => layers.initializers.glorotUniform({ seed: nextSeed++ });
  const L = layers.layers;
  const input = layers.input({ shape: [size, size, 1], name: 'input' });
  let y: Sym = input;
  for (let b = 1; b <= blocks; b++) {
    const f = filters * 2 ** (b - 1);
    for (let i = 1; i <= 2; i++) {
      y = L.conv2d({
        name: `conv_${b}_${i}`,
        filters: f,
        kernelSize: kernel,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init(),
      }).apply(y) as Sym;
    }
    y = L.maxPooling2d({ name: `pool_${b}`, poolSize: 2 }).apply(y) as Sym;
  }
  y = L.flatten({ name: 'flatten' }).apply(y) as Sym;
  if (dense > 0)
    y = L.dense({ name: 'dense', units: dense, activation: 'relu', kernelInitializer: init() }).apply(
      y,
    ) as Sym;
  const logits = L.dense({ name: 'logits', units: classes, kernelInitializer: init() }).apply(y) as Sym;
  const probabilities = L.activation({ name: 'probabilities', activation: 'softmax' }).apply(logits) as Sym;
  return layers.model({ inputs: input, outputs: probabilities, name: 'custom_cnn' });
}

/**
 * Builds the network of `spec` for `size × size × 1` inputs and `classes` outputs, its weights
 * seeded by `seed` (same arguments ⇒ same initial weights). Zoo ids use the zoo's own builders
 * (identical layers and names, so zoo weights fit); a custom spec follows the ModelSpec doc
 * comment (see `buildCustom` above: layer names `conv_<block>_<i>`, `pool_<block>`, `flatten`,
 * `dense`, `logits`, `probabilities`). `pretrained` is not handled here (see {@link copyPretrained}).
 * @throws TrainingError for a custom spec out of range, fewer than 2 classes, or an image too small
 */
export function buildClassifier(layers: Layers, spec: ModelSpec, shape: ClassifierShape): tfl.LayersModel {
  const { size, classes, seed } = shape;
  if (!Number.isInteger(classes) || classes < 2)
    invalid(
      `A classifier needs at least 2 classes; this dataset has ${classes}.`,
      `分类器至少需要 2 个类别；这个数据集只有 ${classes} 个。`,
    );
  if (!Number.isInteger(size) || size < 1)
    invalid(`Images must be at least 1 pixel wide, not ${size}.`, `图像宽度至少为 1 像素，而不是 ${size}。`);
  if (spec.kind === 'custom') return buildCustom(layers, spec, shape);
  const build = ZOO_BUILDERS[spec.id];
  if (!build)
    invalid(
      `'${String(spec.id)}' is not a trainable zoo model.`,
      `“${String(spec.id)}”不是可训练的模型库模型。`,
    );
  let model: tfl.LayersModel;
  try {
    model = build(layers, seed, size, classes);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return invalid(
      `The ${spec.id} architecture cannot take ${size} × ${size} images (${detail}): pick another model or a larger image size.`,
      `${spec.id} 架构无法处理 ${size} × ${size} 的图像（${detail}）：请换一个模型或使用更大的图像。`,
    );
  }
  // tfjs-layers builds valid convolutions on too small an input with empty (≤ 0) sizes.
  const empty = model.layers.find((l) =>
    (l.outputShape as (number | null)[]).some((d) => typeof d === 'number' && d <= 0),
  );
  if (empty) {
    model.dispose();
    invalid(
      `The ${spec.id} architecture shrinks a ${size} × ${size} image to nothing at layer '${empty.name}': pick another model or a larger image size.`,
      `${spec.id} 架构在“${empty.name}”层把 ${size} × ${size} 的图像缩小到了零：请换一个模型或使用更大的图像。`,
    );
  }
  return model;
}

/**
 * Copies weights from `source` into `target` layer by layer: for every layer of `target` with
 * weights, the layer of the same name in `source`, weight by weight in order, where the shapes
 * match (so the `logits` layer is skipped when the class counts differ, and a dense layer after a
 * flatten when the image sizes differ). Copies values (`LayerVariable.write`), so `source` may be
 * disposed afterwards.
 * @returns how many weight tensors were copied
 */
export function copyPretrained(target: tfl.LayersModel, source: tfl.LayersModel): number {
  let copied = 0;
  for (const layer of target.layers) {
    if (layer.weights.length === 0) continue;
    const from = source.layers.find((l) => l.name === layer.name);
    if (!from) continue;
    layer.weights.forEach((w, i) => {
      const s = from.weights[i];
      if (!s) return;
      const a = w.shape;
      const b = s.shape;
      if (a.length !== b.length || a.some((d, k) => d !== b[k])) return;
      w.write(s.read());
      copied++;
    });
  }
  return copied;
}
