/**
 * One training run of a classifier, owned by the training worker (or by a test): the model, a
 * `logits` view over its layers, the optimizer and the data as plain arrays. Plain arrays in and
 * out; every tensor is made and freed inside a call, except the model's weights and the
 * optimizer's slot variables, which {@link TrainingSession.dispose} frees.
 *
 * One step (mini-batch gradient descent; Goodfellow, Bengio & Courville, "Deep Learning" 2016, §8.1.3):
 *
 *   z = logits(x),  L = −Σ_ik T_ik · log softmax(z_i)_k  (= (1/n) Σ_i w_{y_i} · CE_i, see BatchSampler)
 *   L_total = L + λ · Σ_kernels Σ W²                      (L2 weight decay, kernels only, not biases)
 *   θ ← optimizer(θ, ∇θ L_total)                          (tf.train.sgd | momentum | adam)
 *
 * The loss L and the batch's logits come back in one download per step; accuracy is counted from
 * the logits on the CPU. The logits are the pre-softmax scores: log-softmax of them is stable where
 * log of a softmax output underflows.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { DatasetSplit, ImageDataset, SplitName } from '../datasets/imageDataset';
import { SCORE_LAYER, type CamMethod } from '../models/gradCam';
import { BatchSampler, resolveClassWeights } from './BatchSampler';
import { buildClassifier } from './buildClassifier';
import {
  checkClassifierFits,
  checkTrainConfig,
  checkTrainingData,
  makeOptimizer,
} from './checkTrainingInputs';
import { classifierGradCam } from './classifierGradCam';
import { logitStats } from './logitStats';
import { modelArtifacts, modelFromArtifacts } from './modelArtifacts';
import type { ModelArtifactsPlain } from './modelStore';
import type {
  BatchRecord,
  EpochRecord,
  Evaluation,
  ExampleCam,
  TrainConfig,
  TrainProgress,
  TrainState,
} from './trainingTypes';
import { TrainingError } from './TrainingError';
import { classifierAuc } from './zooMetrics';

type Tf = typeof tfc;
type Layers = typeof tfl;

/** The tfjs modules a session runs on (passed in: core loads tfjs lazily, see initBackend.ts). */
export interface TfModules {
  tf: Tf;
  layers: Layers;
}

/** What one step produced: its batch record, and the epoch's record when it ended an epoch. */
export interface StepResult {
  batch: BatchRecord;
  epoch: EpochRecord | null;
}

/** Images per forward pass when evaluating (no gradients, so larger than a training batch). */
export const EVAL_BATCH = 128;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** A classifier being trained; see the module comment. Create with {@link TrainingSession.create} or `fromArtifacts`. */
export class TrainingSession {
  /** Driven by the host: `running`, `paused`, `stopped`; the session itself sets `ready` and `done`. */
  state: TrainState = 'ready';
  readonly config: TrainConfig;
  readonly classes: number;
  readonly size: number;
  private model: tfl.LayersModel | null;
  private readonly logitsModel: tfl.LayersModel;
  private readonly optimizer: tfc.Optimizer;
  private readonly variables: tfc.Variable[];
  private readonly kernels: tfc.Variable[];
  private readonly sampler: BatchSampler;
  private readonly classWeights: Float64Array;
  private readonly evalBuffer: Float32Array;
  private stepsDone = 0;
  private trainMs = 0;
  private epochMs = 0;
  private epochLossSum = 0;
  private epochCorrect = 0;
  private epochExamples = 0;
  private lastEpochRecord: EpochRecord | null = null;

  private constructor(
    private readonly tf: Tf,
    layers: Layers,
    model: tfl.LayersModel,
    readonly dataset: ImageDataset,
    readonly split: DatasetSplit,
    config: TrainConfig,
  ) {
    this.config = config;
    this.model = model;
    this.classes = dataset.classNames.length;
    this.size = dataset.size;
    const logits = model.getLayer(SCORE_LAYER).output;
    if (Array.isArray(logits)) throw new Error(`the ${SCORE_LAYER} layer has several outputs`);
    // A view over the same layers: it owns no weights and is never disposed separately.
    this.logitsModel = layers.model({ inputs: model.inputs, outputs: logits, name: `${model.name}_logits` });
    // Everything that can throw comes before the optimizer (which holds tensors).
    this.classWeights = resolveClassWeights(config.classWeights, dataset.labels, split.train, this.classes);
    this.optimizer = makeOptimizer(tf, config);
    this.variables = model.trainableWeights.map((w) => w.read() as tfc.Variable);
    this.kernels = model.trainableWeights
      .filter((w) => /kernel$/.test(w.originalName))
      .map((w) => w.read() as tfc.Variable);
    this.sampler = new BatchSampler(
      dataset,
      split,
      config.batchSize,
      this.classWeights,
      config.augment,
      config.seed,
    );
    this.evalBuffer = new Float32Array(EVAL_BATCH * this.size * this.size);
  }

  /**
   * A fresh run: builds `config.model` for the dataset (weights seeded by `config.seed`), copies
   * nothing pretrained (the host does that with copyPretrained before training), and a new optimizer.
   * @throws TrainingError for inconsistent data or settings
   */
  static create(
    { tf, layers }: TfModules,
    dataset: ImageDataset,
    split: DatasetSplit,
    config: TrainConfig,
  ): TrainingSession {
    checkTrainingData(dataset, split);
    checkTrainConfig(config);
    const model = buildClassifier(layers, config.model, {
      size: dataset.size,
      classes: dataset.classNames.length,
      seed: config.seed,
    });
    try {
      return TrainingSession.adopt({ tf, layers }, model, dataset, split, config);
    } catch (e) {
      model.dispose();
      throw e;
    }
  }

  /** Wraps an existing model (taking ownership: dispose() frees it; on a throw the caller still owns it). */
  static adopt(
    { tf, layers }: TfModules,
    model: tfl.LayersModel,
    dataset: ImageDataset,
    split: DatasetSplit,
    config: TrainConfig,
  ): TrainingSession {
    checkTrainingData(dataset, split);
    checkTrainConfig(config);
    checkClassifierFits(model, dataset);
    return new TrainingSession(tf, layers, model, dataset, split, config);
  }

  /**
   * A session around a saved model (`tf.loadLayersModel(tf.io.fromMemory(artifacts))`), with a
   * fresh optimizer: for evaluation, or to train further.
   * @throws TrainingError when the model does not fit the dataset
   */
  static async fromArtifacts(
    modules: TfModules,
    artifacts: ModelArtifactsPlain,
    dataset: ImageDataset,
    split: DatasetSplit,
    config: TrainConfig,
  ): Promise<TrainingSession> {
    const model = await modelFromArtifacts(modules.tf, modules.layers, artifacts);
    try {
      return TrainingSession.adopt(modules, model, dataset, split, config);
    } catch (e) {
      model.dispose();
      throw e;
    }
  }

  private live(): tfl.LayersModel {
    if (!this.model)
      throw new TrainingError({
        en: 'This training run has been closed: configure a new one.',
        zh: '这次训练已关闭：请重新配置一次训练。',
      });
    return this.model;
  }

  /** The model (owned by the session). */
  get network(): tfl.LayersModel {
    return this.live();
  }

  get stepsTotal(): number {
    return this.config.epochs * this.sampler.batchesPerEpoch;
  }

  /** True once every epoch's steps are done. */
  get done(): boolean {
    return this.stepsDone >= this.stepsTotal;
  }

  /** The per-class loss weights in use (see resolveClassWeights). */
  get lossWeights(): readonly number[] {
    return [...this.classWeights];
  }

  /** The last finished epoch's record, or null before the first. */
  get lastEpoch(): EpochRecord | null {
    return this.lastEpochRecord;
  }

  /** Counters for the progress bar (see TrainProgress). */
  progress(): TrainProgress {
    const per = this.sampler.batchesPerEpoch;
    const epoch = this.stepsDone === 0 ? 0 : Math.floor((this.stepsDone - 1) / per) + 1;
    const batchInEpoch = this.stepsDone === 0 ? 0 : this.stepsDone - (epoch - 1) * per;
    const examples = this.examplesDone();
    return {
      state: this.state,
      epoch,
      epochs: this.config.epochs,
      batchInEpoch,
      batchesPerEpoch: per,
      stepsDone: this.stepsDone,
      stepsTotal: this.stepsTotal,
      trainMs: this.trainMs,
      examplesPerSec: this.trainMs > 0 ? (examples / this.trainMs) * 1000 : 0,
    };
  }

  private examplesDone(): number {
    const per = this.sampler.batchesPerEpoch;
    const n = this.split.train.length;
    const full = Math.floor(this.stepsDone / per);
    const rest = this.stepsDone - full * per;
    return full * n + Math.min(n, rest * this.sampler.batchSize);
  }

  /**
   * Trains on the next batch (see the module comment). After the last batch of an epoch it also
   * evaluates the validation split and returns the epoch's record.
   * @throws TrainingError when all epochs are done
   */
  async step(): Promise<StepResult> {
    this.live();
    if (this.done)
      throw new TrainingError({
        en: 'All epochs are done: configure a new run to train again.',
        zh: '所有轮次都已完成：请重新配置以再次训练。',
      });
    const tf = this.tf;
    const batch = this.sampler.next();
    const { count } = batch;
    const s = this.size;
    const decay = this.config.weightDecay;
    const t0 = now();
    const stats = tf.tidy(() => {
      const x = tf.tensor4d(batch.images, [count, s, s, 1]);
      const targets = tf.tensor2d(batch.targets, [count, this.classes]);
      let out: tfc.Tensor | null = null;
      this.optimizer.minimize(
        () => {
          const logits = this.logitsModel.apply(x, { training: true }) as tfc.Tensor2D;
          const ce = tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)))) as tfc.Scalar;
          out = tf.keep(tf.concat([tf.reshape(ce, [1]), tf.reshape(logits, [-1])]));
          if (decay === 0 || this.kernels.length === 0) return ce;
          const sq = tf.addN(this.kernels.map((k) => tf.sum(tf.square(k))));
          return tf.add(ce, tf.mul(tf.scalar(decay), sq));
        },
        false,
        this.variables,
      );
      return out!;
    });
    let values: Float32Array;
    try {
      values = (await stats.data()) as Float32Array;
    } finally {
      stats.dispose();
    }
    const ms = now() - t0;
    this.trainMs += ms;
    this.epochMs += ms;
    const loss = values[0]!;
    const correct = logitStats(values.subarray(1), batch.labels, this.classes, null).correct;
    this.stepsDone++;
    const progress = this.progress();
    const record: BatchRecord = {
      step: this.stepsDone,
      epoch: progress.epoch,
      loss,
      accuracy: correct / count,
    };
    this.epochLossSum += loss * count;
    this.epochCorrect += correct;
    this.epochExamples += count;
    let epoch: EpochRecord | null = null;
    if (progress.batchInEpoch === progress.batchesPerEpoch) epoch = await this.finishEpoch(progress.epoch);
    if (this.done && this.state !== 'stopped') this.state = 'done';
    return { batch: record, epoch };
  }

  private async finishEpoch(epoch: number): Promise<EpochRecord> {
    let validationLoss: number | null = null;
    let validationAccuracy: number | null = null;
    let validationAuc: number | null = null;
    if (this.split.validation.length > 0) {
      const { logits, labels } = await this.logitsOf(this.split.validation);
      const stats = logitStats(logits, labels, this.classes, this.classWeights);
      validationLoss = stats.weightedLoss;
      validationAccuracy = stats.correct / labels.length;
      try {
        validationAuc = classifierAuc(stats.probabilities, labels, this.classes);
      } catch {
        validationAuc = null; // a class absent from validation: AUC undefined
      }
    }
    const record: EpochRecord = {
      epoch,
      trainLoss: this.epochLossSum / this.epochExamples,
      trainAccuracy: this.epochCorrect / this.epochExamples,
      validationLoss,
      validationAccuracy,
      validationAuc,
      trainMs: this.epochMs,
    };
    this.epochLossSum = 0;
    this.epochCorrect = 0;
    this.epochExamples = 0;
    this.epochMs = 0;
    this.lastEpochRecord = record;
    return record;
  }

  /** The logits of dataset images `indices`, in batches of {@link EVAL_BATCH}, one download per batch. */
  private async logitsOf(indices: Int32Array): Promise<{ logits: Float32Array; labels: Int32Array }> {
    this.live();
    const tf = this.tf;
    const s = this.size;
    const pixels = s * s;
    const images = this.dataset.images;
    const logits = new Float32Array(indices.length * this.classes);
    const labels = new Int32Array(indices.length);
    for (let start = 0; start < indices.length; start += EVAL_BATCH) {
      const n = Math.min(EVAL_BATCH, indices.length - start);
      for (let i = 0; i < n; i++) {
        const index = indices[start + i]!;
        this.evalBuffer.set(images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
        labels[start + i] = this.dataset.labels[index]!;
      }
      const y = tf.tidy(
        () =>
          this.logitsModel.predict(
            tf.tensor4d(this.evalBuffer.subarray(0, n * pixels), [n, s, s, 1]),
          ) as tfc.Tensor,
      );
      try {
        logits.set((await y.data()) as Float32Array, start * this.classes);
      } finally {
        y.dispose();
      }
    }
    return { logits, labels };
  }

  /**
   * The model's class probabilities on a split (softmax of the logits, computed in float64 on the
   * CPU), for the evaluation views. Empty arrays for an empty split.
   */
  async evaluate(split: SplitName): Promise<Evaluation> {
    const indices = Int32Array.from(this.split[split]);
    const { logits, labels } = await this.logitsOf(indices);
    const { probabilities } = logitStats(logits, labels, this.classes, null);
    return { split, indices, labels, probabilities, classes: this.classes };
  }

  /**
   * Grad-CAM (Selvaraju et al., ICCV 2017), or HiResCAM with `method` (core/models/gradCam.ts), of class `classIndex` for
   * dataset images `indices`, at the last layer with a spatial output that feeds the logits;
   * each map bilinearly upsampled to size × size and divided by its maximum (0…1; all zeros when
   * the class has no positive evidence).
   * @throws TrainingError for a model without such a layer (the MLP) or an unknown class/image
   */
  async gradCam(
    indices: readonly number[],
    classIndex: number,
    method: CamMethod = 'grad-cam',
  ): Promise<ExampleCam[]> {
    return classifierGradCam(this.tf, this.live(), this.dataset, indices, classIndex, method);
  }

  /** The model as tfjs artifacts (topology JSON, weight specs, one weight buffer), via `model.save(withSaveHandler)`. */
  async artifacts(): Promise<ModelArtifactsPlain> {
    return modelArtifacts(this.tf, this.live());
  }

  /** Trainable parameters of the model. */
  params(): number {
    return this.live().countParams();
  }

  /** Frees the model's weights and the optimizer's slot variables. A second call does nothing. */
  dispose(): void {
    if (!this.model) return;
    this.model.dispose();
    this.model = null;
    this.optimizer.dispose();
  }
}
