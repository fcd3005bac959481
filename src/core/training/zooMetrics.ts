/**
 * Validation metrics of the model zoo, on plain arrays (the models' outputs read back from tfjs):
 * accuracy and ROC AUC for classifiers, Dice for masks, PSNR for denoised images. Each function
 * documents what it does with an edge case (a class that never occurs, an empty mask, a perfect
 * reconstruction) instead of returning a silent NaN.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ZooTaskSet } from '../datasets/zooTasks';
import type { ZooMetrics, ZooTaskKind } from '../models/zooTypes';
import { rocAuc } from './rocAuc';

function checkShape(probabilities: ArrayLike<number>, labels: ArrayLike<number>, classes: number): void {
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be ≥ 2, got ${classes}`);
  if (probabilities.length !== labels.length * classes) {
    throw new RangeError(
      `${probabilities.length} scores do not fit ${labels.length} examples × ${classes} classes`,
    );
  }
  if (labels.length === 0) throw new RangeError('no examples: the metric is undefined');
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    if (!Number.isInteger(l) || l < 0 || l >= classes)
      throw new RangeError(`label ${l} of example ${i} is not a class`);
  }
}

/**
 * Fraction of examples whose predicted class, the argmax of its row of `probabilities` (row-major,
 * `labels.length × classes`; the first maximum wins a tie), equals its label.
 * @throws RangeError for no examples, mismatched lengths or a label outside 0…classes−1
 */
export function argmaxAccuracy(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  checkShape(probabilities, labels, classes);
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) {
      if ((probabilities[i * classes + k] as number) > (probabilities[i * classes + best] as number))
        best = k;
    }
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}

/** Column `k` of a row-major `n × classes` matrix. */
function column(values: ArrayLike<number>, n: number, classes: number, k: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i * classes + k] as number;
  return out;
}

/**
 * ROC AUC of a classifier from its class probabilities (row-major, `labels.length × classes`):
 * for 2 classes the Mann–Whitney AUC of the class-1 score ({@link rocAuc}, Hanley & McNeil 1982,
 * ties counting one half); for more, the unweighted mean of the one-vs-rest AUCs, class k's score
 * against "label = k" (Fawcett 2006, §10; scikit-learn's `roc_auc_score(multi_class='ovr',
 * average='macro')`).
 * @throws RangeError when a class has no example (its AUC, hence the mean, is undefined), or as
 *   {@link argmaxAccuracy} for bad shapes
 */
export function classifierAuc(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  checkShape(probabilities, labels, classes);
  const n = labels.length;
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < n; i++) counts[labels[i] as number]! += 1;
  const missing = counts.findIndex((c) => c === 0);
  if (missing >= 0) throw new RangeError(`AUC is undefined: class ${missing} has no example`);
  if (classes === 2) return rocAuc(column(probabilities, n, classes, 1), labels);
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    const isK = Int8Array.from({ length: n }, (_, i) => (labels[i] === k ? 1 : 0));
    sum += rocAuc(column(probabilities, n, classes, k), isK);
  }
  return sum / classes;
}

/**
 * Dice similarity coefficient (Dice 1945; Sørensen 1948) of one predicted probability map against
 * a 0/1 mask: the prediction is binarised at `threshold` (p ≥ threshold → 1), then
 * DSC = 2|A ∩ B| / (|A| + |B|). Two empty masks agree perfectly: 1.
 */
export function diceScore(prediction: ArrayLike<number>, mask: ArrayLike<number>, threshold = 0.5): number {
  if (prediction.length !== mask.length) {
    throw new RangeError(`prediction (${prediction.length}) and mask (${mask.length}) differ in length`);
  }
  let both = 0;
  let a = 0;
  let b = 0;
  for (let i = 0; i < mask.length; i++) {
    const p = (prediction[i] as number) >= threshold ? 1 : 0;
    const t = (mask[i] as number) >= 0.5 ? 1 : 0;
    both += p & t;
    a += p;
    b += t;
  }
  return a + b === 0 ? 1 : (2 * both) / (a + b);
}

/**
 * Mean {@link diceScore} over the images (`pixels` values each, stored back to back) whose mask
 * holds a lesion; images without one are skipped (their Dice is 0 or 1 and says nothing about how
 * well a lesion is outlined).
 * @throws RangeError when no mask holds a lesion, or the lengths do not fit
 */
export function meanLesionDice(
  predictions: Float32Array,
  masks: Float32Array,
  pixels: number,
  threshold = 0.5,
): number {
  if (predictions.length !== masks.length || masks.length % pixels !== 0) {
    throw new RangeError(
      `${predictions.length} predictions and ${masks.length} mask values do not fit images of ${pixels}`,
    );
  }
  let sum = 0;
  let images = 0;
  for (let start = 0; start < masks.length; start += pixels) {
    const mask = masks.subarray(start, start + pixels);
    if (!mask.some((v) => v >= 0.5)) continue;
    sum += diceScore(predictions.subarray(start, start + pixels), mask, threshold);
    images++;
  }
  if (images === 0) throw new RangeError('no mask holds a lesion: the mean Dice is undefined');
  return sum / images;
}

/**
 * Peak signal-to-noise ratio of one image in 0…1 against its reference, in dB:
 * PSNR = 10·log10(1² / MSE), the peak being the window's full range 1. `Infinity` when the two are
 * identical.
 */
export function psnr(image: ArrayLike<number>, reference: ArrayLike<number>): number {
  if (image.length !== reference.length || image.length === 0) {
    throw new RangeError(
      `image (${image.length}) and reference (${reference.length}) must be equal and non-empty`,
    );
  }
  let sumSq = 0;
  for (let i = 0; i < image.length; i++) {
    const d = (image[i] as number) - (reference[i] as number);
    sumSq += d * d;
  }
  const mse = sumSq / image.length;
  return mse === 0 ? Infinity : 10 * Math.log10(1 / mse);
}

/**
 * Mean {@link psnr} in dB over images of `pixels` values stored back to back (the mean of the
 * per-image dB values, as denoising papers report it).
 * @throws RangeError when the lengths do not fit or there is no image
 */
export function meanPsnr(images: Float32Array, references: Float32Array, pixels: number): number {
  if (images.length !== references.length || images.length === 0 || images.length % pixels !== 0) {
    throw new RangeError(`${images.length} and ${references.length} values do not fit images of ${pixels}`);
  }
  let sum = 0;
  const count = images.length / pixels;
  for (let start = 0; start < images.length; start += pixels) {
    sum += psnr(images.subarray(start, start + pixels), references.subarray(start, start + pixels));
  }
  return sum / count;
}

/**
 * The validation metrics a manifest records for a model of `kind` from its outputs on `set`
 * (`outputs`: class probabilities, `count × classes`, for classifiers; one map of `size²` per
 * example otherwise): classification → AUC ({@link classifierAuc}) and accuracy
 * ({@link argmaxAccuracy}); segmentation → mean Dice over images with a lesion
 * ({@link meanLesionDice}, threshold 0.5); denoising → mean PSNR of the output and of the noisy
 * input against the noise-free target ({@link meanPsnr}).
 * @throws RangeError when a mask/denoising set has no targets, or as the metrics themselves
 */
export function zooMetricsOf(kind: ZooTaskKind, set: ZooTaskSet, outputs: Float32Array): ZooMetrics {
  const pixels = set.size * set.size;
  if (kind === 'classification') {
    return {
      auc: classifierAuc(outputs, set.labels, set.classes),
      accuracy: argmaxAccuracy(outputs, set.labels, set.classes),
    };
  }
  if (set.targets === null) throw new RangeError(`the ${set.task} set has no targets to compare with`);
  if (kind === 'segmentation') return { dice: meanLesionDice(outputs, set.targets, pixels) };
  return {
    psnr: meanPsnr(outputs, set.targets, pixels),
    inputPsnr: meanPsnr(set.inputs, set.targets, pixels),
  };
}

/** The one number logged per epoch and checked against the manifest: AUC, Dice or PSNR (dB). */
export function headlineMetric(kind: ZooTaskKind, metrics: ZooMetrics): number {
  const value =
    kind === 'classification' ? metrics.auc : kind === 'segmentation' ? metrics.dice : metrics.psnr;
  if (value === undefined) throw new RangeError(`the metrics hold no ${kind} headline value`);
  return value;
}

/**
 * Runs `model` on `count` inputs of `size × size` (back to back in `inputs`) in batches of
 * `batchSize` and returns its outputs back to back as one array. No tensor outlives the call.
 */
export async function predictInBatches(
  tf: typeof tfc,
  model: tfl.LayersModel,
  inputs: Float32Array,
  size: number,
  batchSize = 64,
): Promise<Float32Array> {
  const pixels = size * size;
  const count = inputs.length / pixels;
  if (!Number.isInteger(count))
    throw new RangeError(`${inputs.length} values are not whole ${size}×${size} images`);
  const parts: Float32Array[] = [];
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const y = tf.tidy(() => {
      const x = tf.tensor4d(inputs.subarray(start * pixels, (start + n) * pixels), [n, size, size, 1]);
      return model.predict(x) as tfc.Tensor;
    });
    try {
      parts.push((await y.data()) as Float32Array);
    } finally {
      y.dispose();
    }
  }
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
