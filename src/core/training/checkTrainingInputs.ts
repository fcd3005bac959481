/**
 * The checks a training run makes before it builds anything, each failing with a
 * {@link TrainingError} a student can act on, and the optimizer factory.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { DatasetSplit, ImageDataset } from '../datasets/imageDataset';
import { SCORE_LAYER } from '../models/gradCam';
import type { TrainConfig } from './trainingTypes';
import { TrainingError } from './TrainingError';

function fail(en: string, zh: string): never {
  throw new TrainingError({ en, zh });
}

/**
 * Checks the dataset's invariants (ImageDataset: `images.length = count · size²`, one label per
 * image, each in 0…classes − 1, at least 2 classes) and that the split's indices exist and the
 * training split is not empty.
 * @throws TrainingError naming the first problem
 */
export function checkTrainingData(dataset: ImageDataset, split: DatasetSplit): void {
  const { size, count, images, labels, classNames } = dataset;
  if (images.length !== count * size * size || labels.length !== count)
    fail(
      `The dataset is inconsistent: ${count} images of ${size} × ${size} need ${count * size * size} pixels and ${count} labels, not ${images.length} and ${labels.length}. Load it again.`,
      `数据集不一致：${count} 张 ${size} × ${size} 的图像需要 ${count * size * size} 个像素和 ${count} 个标签，而不是 ${images.length} 和 ${labels.length}。请重新加载。`,
    );
  if (classNames.length < 2) fail('The dataset needs at least 2 classes.', '数据集至少需要 2 个类别。');
  for (let i = 0; i < count; i++) {
    const l = labels[i]!;
    if (!(l >= 0 && l < classNames.length))
      fail(
        `Image ${i} has label ${l}, but the dataset has only ${classNames.length} classes.`,
        `第 ${i} 张图像的标签是 ${l}，但数据集只有 ${classNames.length} 个类别。`,
      );
  }
  for (const part of [split.train, split.validation, split.test])
    for (let i = 0; i < part.length; i++)
      if (!(part[i]! >= 0 && part[i]! < count))
        fail(
          `The split refers to image ${part[i]!}, which does not exist: split the dataset again.`,
          `划分中引用了不存在的第 ${part[i]!} 张图像：请重新划分数据集。`,
        );
  if (split.train.length === 0)
    fail(
      'The training split is empty: give the training set a larger share.',
      '训练集为空：请给训练集分配更大的比例。',
    );
}

/**
 * Checks the numbers of a {@link TrainConfig}: batch size and epochs whole and ≥ 1, learning
 * rate > 0, weight decay ≥ 0, momentum (when used) in 0…1.
 * @throws TrainingError listing the accepted ranges
 */
export function checkTrainConfig(config: TrainConfig): void {
  const { batchSize, epochs, weightDecay, optimizer } = config;
  const momentum = optimizer.momentum ?? 0.9;
  const ok =
    Number.isInteger(batchSize) &&
    batchSize >= 1 &&
    Number.isInteger(epochs) &&
    epochs >= 1 &&
    Number.isFinite(weightDecay) &&
    weightDecay >= 0 &&
    Number.isFinite(optimizer.learningRate) &&
    optimizer.learningRate > 0 &&
    momentum >= 0 &&
    momentum < 1;
  if (!ok)
    fail(
      `These settings cannot train: batch size and epochs must be whole numbers ≥ 1 (got ${batchSize}, ${epochs}), the learning rate > 0 (got ${optimizer.learningRate}), weight decay ≥ 0 (got ${weightDecay}), momentum in 0…1 (got ${momentum}).`,
      `这些设置无法训练：批大小和轮数必须是 ≥ 1 的整数（现在是 ${batchSize}、${epochs}），学习率 > 0（现在是 ${optimizer.learningRate}），权重衰减 ≥ 0（现在是 ${weightDecay}），动量在 0…1 之间（现在是 ${momentum}）。`,
    );
}

/**
 * Checks that `model` is a classifier for `dataset`: one `size × size × 1` input, as many outputs
 * as classes, and a `logits` layer (the pre-softmax scores training and Grad-CAM use).
 * @throws TrainingError saying what does not fit
 */
export function checkClassifierFits(model: tfl.LayersModel, dataset: ImageDataset): void {
  const shape = model.inputs[0]?.shape ?? [];
  const classes = dataset.classNames.length;
  const out = model.outputs[0]?.shape ?? [];
  const outputs = String(out[out.length - 1]);
  const hasLogits = model.layers.some((l) => l.name === SCORE_LAYER);
  if (model.inputs.length !== 1 || shape[1] !== dataset.size || shape[2] !== dataset.size || shape[3] !== 1)
    fail(
      `This model takes [${shape.slice(1).join(' × ')}] inputs, but the dataset's images are ${dataset.size} × ${dataset.size} × 1: choose a dataset of that size or another model.`,
      `这个模型的输入是 [${shape.slice(1).join(' × ')}]，但数据集的图像是 ${dataset.size} × ${dataset.size} × 1：请选择相同尺寸的数据集或换一个模型。`,
    );
  if (out[out.length - 1] !== classes || !hasLogits)
    fail(
      `This model has ${outputs} outputs${hasLogits ? '' : ' and no logits layer'}, but the dataset has ${classes} classes: it cannot be used on it.`,
      `这个模型有 ${outputs} 个输出${hasLogits ? '' : '且没有 logits 层'}，但数据集有 ${classes} 个类别：不能用于这个数据集。`,
    );
}

/**
 * The optimizer of `config.optimizer`: `tf.train.sgd(η)` (θ ← θ − η·g), `tf.train.momentum(η, β)`
 * (v ← β·v + g, θ ← θ − η·v; β defaults to 0.9) or `tf.train.adam(η)` (Kingma & Ba, ICLR 2015;
 * β1 = 0.9, β2 = 0.999, ε = 1e-7 as tfjs).
 */
export function makeOptimizer(tf: typeof tfc, config: TrainConfig): tfc.Optimizer {
  const { kind, learningRate, momentum } = config.optimizer;
  if (kind === 'sgd') return tf.train.sgd(learningRate);
  if (kind === 'momentum') return tf.train.momentum(learningRate, momentum ?? 0.9);
  return tf.train.adam(learningRate);
}
