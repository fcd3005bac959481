/**
 * The data side of a training run, in plain arrays: the seeded per-epoch shuffle of the training
 * split, the batch buffers (reused from step to step, so a step allocates no image-sized array),
 * augmentation, and the per-example loss weights folded into the targets.
 */
import type { DatasetSplit, ImageDataset } from '../datasets/imageDataset';
import { createRng, type Rng } from '../imaging/phantoms/random';
import { augmentBatch } from './augment';
import type { AugmentSpec, TrainConfig } from './trainingTypes';
import { TrainingError } from './TrainingError';

/**
 * Per-class loss weights of `config.classWeights` for the training labels `labels[train[i]]`:
 * `none` → all 1; `balanced` → w_c = n / (C · n_c) (scikit-learn's `compute_class_weight
 * ('balanced')`, King & Zeng 2001), so every class carries the same total weight and the mean
 * weight over the training examples is 1 (a class absent from training gets 0); explicit numbers
 * are used as given.
 * @throws TrainingError for explicit weights of the wrong count, negative or non-finite
 */
export function resolveClassWeights(
  classWeights: TrainConfig['classWeights'],
  labels: Int32Array,
  train: Int32Array,
  classes: number,
): Float64Array {
  const w = new Float64Array(classes);
  if (classWeights === 'none') return w.fill(1);
  if (classWeights === 'balanced') {
    const counts = new Float64Array(classes);
    for (let i = 0; i < train.length; i++) counts[labels[train[i]!]!]! += 1;
    for (let c = 0; c < classes; c++) w[c] = counts[c]! > 0 ? train.length / (classes * counts[c]!) : 0;
    return w;
  }
  if (classWeights.length !== classes || classWeights.some((v) => !Number.isFinite(v) || v < 0))
    throw new TrainingError({
      en: `Give one class weight (a number ≥ 0) per class: ${classes} numbers, not ${classWeights.length}.`,
      zh: `请为每个类别给一个权重（≥ 0 的数）：共 ${classes} 个数，而不是 ${classWeights.length} 个。`,
    });
  classWeights.forEach((v, c) => (w[c] = v));
  return w;
}

/** True when the spec changes nothing (every transform off). */
export function isIdentityAugment(spec: AugmentSpec): boolean {
  return !spec.flip && spec.rotateDeg === 0 && spec.shiftPx === 0 && spec.intensity === 0 && spec.noise === 0;
}

/** One batch, ready to upload: views into the sampler's buffers, valid until the next `next()`. */
export interface Batch {
  /** Examples in this batch (the last batch of an epoch may be smaller than the batch size). */
  count: number;
  /** `count · size²` pixels. */
  images: Float32Array;
  /** `count · classes` targets: row i is one-hot(label_i) · w_{label_i} / count. */
  targets: Float32Array;
  /** `count` labels. */
  labels: Int32Array;
}

/**
 * Draws the training batches of a run. Epoch e visits every training example once, in an order
 * from a Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P) drawn from a mulberry32 stream
 * seeded by `seed`; batches take consecutive slices of that order, the last one smaller when the
 * batch size does not divide the split (kept, not dropped: a small training set, the overfitting
 * lesson's, may hold fewer examples than one batch). Augmentation draws from a second stream of
 * the same seed, so the same seed gives the same batches bit for bit.
 *
 * The targets carry the loss weights: with T_ik = [k = y_i] · w_{y_i} / count, the mean weighted
 * cross-entropy (1/count) Σ_i w_{y_i} · (−log softmax(z_i)_{y_i}) equals −Σ_ik T_ik log softmax(z_i)_k,
 * one multiply and one sum on the device.
 */
export class BatchSampler {
  readonly size: number;
  readonly classes: number;
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  private readonly pixels: number;
  private readonly order: Int32Array;
  private readonly orderRng: Rng;
  private readonly augmentRng: Rng;
  private readonly raw: Float32Array;
  private readonly augmented: Float32Array | null;
  private readonly targets: Float32Array;
  private readonly labelBuf: Int32Array;
  private cursor: number;

  constructor(
    private readonly dataset: ImageDataset,
    split: DatasetSplit,
    batchSize: number,
    private readonly classWeights: Float64Array,
    private readonly augment: AugmentSpec,
    seed: number,
  ) {
    this.size = dataset.size;
    this.classes = classWeights.length;
    this.pixels = dataset.size * dataset.size;
    this.batchSize = Math.min(batchSize, Math.max(1, split.train.length));
    this.order = Int32Array.from(split.train);
    this.batchesPerEpoch = Math.ceil(split.train.length / this.batchSize);
    this.orderRng = createRng(seed >>> 0);
    this.augmentRng = createRng((seed ^ 0x5bd1e995) >>> 0);
    this.raw = new Float32Array(this.batchSize * this.pixels);
    this.augmented = isIdentityAugment(augment) ? null : new Float32Array(this.batchSize * this.pixels);
    this.targets = new Float32Array(this.batchSize * this.classes);
    this.labelBuf = new Int32Array(this.batchSize);
    this.cursor = this.order.length; // the first next() shuffles
  }

  /** Starts a new epoch: reshuffles the training order. */
  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.orderRng.int(i + 1);
      const t = o[i]!;
      o[i] = o[j]!;
      o[j] = t;
    }
    this.cursor = 0;
  }

  /** The next batch of the current epoch (a new epoch's shuffle after the last one). */
  next(): Batch {
    if (this.cursor >= this.order.length) this.shuffle();
    const count = Math.min(this.batchSize, this.order.length - this.cursor);
    const { pixels, classes } = this;
    const images = this.dataset.images;
    const labels = this.dataset.labels;
    const t = this.targets.subarray(0, count * classes);
    t.fill(0);
    for (let i = 0; i < count; i++) {
      const index = this.order[this.cursor + i]!;
      this.raw.set(images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
      const label = labels[index]!;
      this.labelBuf[i] = label;
      t[i * classes + label] = this.classWeights[label]! / count;
    }
    this.cursor += count;
    const raw = this.raw.subarray(0, count * pixels);
    const out = this.augmented
      ? augmentBatch(
          raw,
          this.size,
          count,
          this.augment,
          this.augmentRng,
          this.augmented.subarray(0, count * pixels),
        )
      : raw;
    return { count, images: out, targets: t, labels: this.labelBuf.subarray(0, count) };
  }
}
