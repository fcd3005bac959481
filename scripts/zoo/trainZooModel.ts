/**
 * Trains one zoo model on its phantom task, reproducibly: seeded initialisation (`def.build`),
 * seeded data (`makeZooTaskSet`), a seeded Fisher–Yates permutation per epoch, Adam, batches fed
 * in that order with `trainOnBatch`, on the single-threaded wasm backend (deterministic
 * float32 arithmetic). Losses: sparse categorical cross-entropy on the softmax output
 * (classifiers), binary cross-entropy + soft Dice (U-Net; Milletari et al., 3DV 2016), mean
 * squared error (denoising autoencoder). After every epoch the validation metric is computed.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32 } from '../../src/core/datasets/discPhantom';
import { patchSeed } from '../../src/core/datasets/phantomPatchDataset';
import { makeZooTaskSet, type ZooTaskSet } from '../../src/core/datasets/zooTasks';
import type { ZooMetrics, ZooModelDef } from '../../src/core/models/zooTypes';
import { headlineMetric, predictInBatches, zooMetricsOf } from '../../src/core/training/zooMetrics';
import type { ZooTrainingPlan } from './zooTrainingPlan';

/** One line of the training log. */
export interface EpochLog {
  epoch: number;
  loss: number;
  validation: number;
}

/** A trained model and how it got there. */
export interface TrainedZooModel {
  model: tfl.LayersModel;
  log: EpochLog[];
  metrics: ZooMetrics;
  /** Wall-clock seconds of training and per-epoch validation (data generation excluded). */
  seconds: number;
  /** Seconds spent generating the training and validation sets. */
  dataSeconds: number;
}

/** A permutation of 0…n−1 (Fisher–Yates, Knuth vol. 2 §3.4.2) driven by mulberry32(seed). */
export function seededPermutation(n: number, seed: number): Int32Array {
  const next = mulberry32(seed);
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

/**
 * Binary cross-entropy plus soft Dice loss, 1 − (2Σ y·p + 1)/(Σ y + Σ p + 1) over the batch: the
 * Dice term keeps the few lesion pixels from being drowned by the background.
 */
function bceDiceLoss(tf: typeof tfc): (yTrue: tfc.Tensor, yPred: tfc.Tensor) => tfc.Tensor {
  return (yTrue, yPred) =>
    tf.tidy(() => {
      const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
      const bce = tf.neg(
        tf.mean(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))))),
      );
      const inter = tf.sum(tf.mul(yTrue, yPred));
      const dice = tf.div(tf.add(tf.mul(2, inter), 1), tf.add(tf.add(tf.sum(yTrue), tf.sum(yPred)), 1));
      return tf.add(bce, tf.sub(1, dice));
    });
}

/** Copies examples `order[start…start+n)` of a back-to-back array into one batch buffer. */
function gatherRows(
  values: Float32Array,
  rowLength: number,
  order: Int32Array,
  start: number,
  n: number,
): Float32Array {
  const out = new Float32Array(n * rowLength);
  for (let k = 0; k < n; k++) {
    const i = order[start + k] as number;
    out.set(values.subarray(i * rowLength, (i + 1) * rowLength), k * rowLength);
  }
  return out;
}

/** The validation metrics of `model` on `set`. */
export async function evaluateZooModel(
  tf: typeof tfc,
  model: tfl.LayersModel,
  def: ZooModelDef,
  set: ZooTaskSet,
): Promise<ZooMetrics> {
  const outputs = await predictInBatches(tf, model, set.inputs, set.size);
  return zooMetricsOf(def.kind, set, outputs);
}

/** Generates the data, builds and trains `def` by `plan`, logging each epoch with `print`. */
export async function trainZooModel(
  tf: typeof tfc,
  layers: typeof tfl,
  def: ZooModelDef,
  plan: ZooTrainingPlan,
  print: (line: string) => void = () => {},
): Promise<TrainedZooModel> {
  const t0 = performance.now();
  const train = makeZooTaskSet(def.task, plan.trainSeed, plan.trainSize);
  const validation = makeZooTaskSet(def.task, plan.validationSeed, plan.validationSize);
  const dataSeconds = (performance.now() - t0) / 1000;
  print(
    `${def.id}: ${train.count} training and ${validation.count} validation examples in ${dataSeconds.toFixed(1)} s`,
  );

  const model = def.build(layers, plan.initSeed);
  const loss =
    def.kind === 'classification'
      ? 'sparseCategoricalCrossentropy'
      : def.kind === 'segmentation'
        ? bceDiceLoss(tf)
        : 'meanSquaredError';
  const optimizer = tf.train.adam(plan.learningRate);
  model.compile({ optimizer, loss });

  const size = train.size;
  const pixels = size * size;
  const labels = Float32Array.from(train.labels);
  const log: EpochLog[] = [];
  const t1 = performance.now();
  let metrics: ZooMetrics = {};
  try {
    for (let epoch = 1; epoch <= plan.epochs; epoch++) {
      const order = seededPermutation(train.count, patchSeed(plan.trainSeed, 1, epoch));
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < train.count; start += plan.batchSize) {
        const n = Math.min(plan.batchSize, train.count - start);
        const x = tf.tensor4d(gatherRows(train.inputs, pixels, order, start, n), [n, size, size, 1]);
        const y =
          train.targets === null
            ? tf.tensor2d(gatherRows(labels, 1, order, start, n), [n, 1])
            : tf.tensor4d(gatherRows(train.targets, pixels, order, start, n), [n, size, size, 1]);
        try {
          const value = await model.trainOnBatch(x, y);
          lossSum += Array.isArray(value) ? (value[0] as number) : value;
          batches++;
        } finally {
          tf.dispose([x, y]);
        }
      }
      metrics = await evaluateZooModel(tf, model, def, validation);
      const entry = { epoch, loss: lossSum / batches, validation: headlineMetric(def.kind, metrics) };
      log.push(entry);
      const elapsed = (performance.now() - t1) / 1000;
      print(
        `${def.id} epoch ${epoch}/${plan.epochs}: loss ${entry.loss.toFixed(4)}, validation ${entry.validation.toFixed(4)} (${elapsed.toFixed(0)} s)`,
      );
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  // The optimizer's slot variables are not part of the model: free them.
  model.optimizer.dispose();
  return { model, log, metrics, seconds: (performance.now() - t1) / 1000, dataSeconds };
}
