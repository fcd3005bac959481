/**
 * Plain types of in-browser training, shared by core (the session), the worker, the React layer
 * and the `train-classifier` lesson. No tfjs here.
 */
import type { Localized } from '../lessons/types';
import type { SplitName } from '../datasets/imageDataset';

/** The zoo's classifiers that can be trained here (all take size × size × 1 inputs). */
export type TrainableZooId = 'mlp' | 'lenet5' | 'tiny-vgg' | 'mobilenet' | 'resnet';

/**
 * The network to train: a zoo architecture (from scratch, or fine-tuned from the zoo's trained
 * weights, its `logits` layer replaced when the class count differs) or a small custom stack of
 * `blocks` × (conv k×k, ReLU, conv k×k, ReLU, 2×2 max-pool), `filters` doubling per block, then
 * an optional dense layer of `dense` units and the `logits` + softmax head.
 */
export type ModelSpec =
  | { kind: 'zoo'; id: TrainableZooId; pretrained: boolean }
  | { kind: 'custom'; blocks: number; filters: number; kernel: 3 | 5; dense: number };

/** Largest custom stack: 4 blocks halve a 64-pixel image to 4 × 4. */
export const MAX_CUSTOM_BLOCKS = 4;
/** Filters of the first custom block, at most (they double per block). */
export const MAX_CUSTOM_FILTERS = 64;
/** Units of the custom dense layer, at most. */
export const MAX_CUSTOM_DENSE = 512;

/** The custom stack offered when the learner first picks one. */
export const DEFAULT_CUSTOM_SPEC: Extract<ModelSpec, { kind: 'custom' }> = {
  kind: 'custom',
  blocks: 2,
  filters: 8,
  kernel: 3,
  dense: 32,
};

/** Optimizer and its settings (tfjs `tf.train.sgd`, `momentum` (β = momentum), `adam`). */
export interface OptimizerSpec {
  kind: 'sgd' | 'momentum' | 'adam';
  learningRate: number;
  /** Momentum coefficient for `momentum` (default 0.9). */
  momentum?: number;
}

/**
 * Random augmentation applied to each training batch (never to validation or test images).
 * Every value 0 (or false) switches that transform off.
 */
export interface AugmentSpec {
  /** Mirror left–right with probability 1/2. */
  flip: boolean;
  /** Rotate by a uniform angle in ±rotateDeg degrees (bilinear, edges clamped). */
  rotateDeg: number;
  /** Shift by a uniform whole number of pixels in ±shiftPx, both axes (edges clamped). */
  shiftPx: number;
  /**
   * Window/intensity jitter: v → (v − 0.5)·(1 + c) + 0.5 + b with c, b uniform in ±intensity
   * (a wider/narrower window and a shifted level), then clamped to 0…1.
   */
  intensity: number;
  /** Standard deviation of added Gaussian noise in 0…1 units. */
  noise: number;
}

/** No augmentation at all. */
export const NO_AUGMENT: AugmentSpec = { flip: false, rotateDeg: 0, shiftPx: 0, intensity: 0, noise: 0 };

/** Everything that defines a training run besides the data. Same config + data + seed ⇒ same run (on cpu/wasm). */
export interface TrainConfig {
  model: ModelSpec;
  optimizer: OptimizerSpec;
  batchSize: number;
  epochs: number;
  /** L2 weight decay: λ · Σ w² over kernels (not biases) is added to the loss. */
  weightDecay: number;
  augment: AugmentSpec;
  /**
   * Per-class loss weights: `none` (all 1), `balanced` (n / (classes · n_c), computed on the
   * training split), or explicit numbers, one per class.
   */
  classWeights: 'none' | 'balanced' | readonly number[];
  /** Seeds weight initialisation, batch order and augmentation. */
  seed: number;
}

/** One training batch, as logged. */
export interface BatchRecord {
  /** Global step number, 1-based. */
  step: number;
  /** Epoch (1-based) the batch belongs to. */
  epoch: number;
  /** Mean (class-weighted) cross-entropy of the batch, without the weight-decay term. */
  loss: number;
  /** Share of the batch classified correctly (argmax). */
  accuracy: number;
}

/** One finished epoch: training means over its batches, and the validation split's figures. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** Null when the validation split is empty. */
  validationLoss: number | null;
  validationAccuracy: number | null;
  /** Binary: ROC AUC of class 1; multi-class: mean one-vs-rest AUC. Null when undefined (one class). */
  validationAuc: number | null;
  /** Wall time of the epoch's training steps, ms (validation excluded). */
  trainMs: number;
}

/** What the session is doing. */
export type TrainState = 'empty' | 'ready' | 'running' | 'paused' | 'done' | 'stopped';

/** Counters for the progress bar and ETA. */
export interface TrainProgress {
  state: TrainState;
  /** Current epoch, 1-based (0 before the first step). */
  epoch: number;
  epochs: number;
  /** Batches done in the current epoch. */
  batchInEpoch: number;
  batchesPerEpoch: number;
  /** Steps done in all, of `stepsTotal = epochs · batchesPerEpoch`. */
  stepsDone: number;
  stepsTotal: number;
  /** Time spent in training steps so far, ms (pauses and validation excluded). */
  trainMs: number;
  /** Training examples per second over the steps so far (0 before any). */
  examplesPerSec: number;
}

/** The model's outputs on one split, for the evaluation views. */
export interface Evaluation {
  split: SplitName;
  /** Dataset indices of the evaluated images, in order. */
  indices: Int32Array;
  labels: Int32Array;
  /** `indices.length · classes` softmax probabilities, row-major. */
  probabilities: Float32Array;
  classes: number;
}

/** A class-activation map of one evaluated image (see core/models/gradCam.ts). */
export interface ExampleCam {
  /** Dataset index of the image. */
  index: number;
  classIndex: number;
  /** Grad-CAM or HiResCAM (`CamMethod` in core/models/gradCam.ts). */
  method: 'grad-cam' | 'hires-cam';
  /** size × size heat in 0…1, upsampled to the input. */
  map: Float32Array;
  layer: string;
}

/** A failure a student can act on, in both languages. */
export interface TrainingErrorInfo {
  message: Localized;
}
