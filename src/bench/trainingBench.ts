/**
 * Training in the worker next to a bare tfjs loop (bench field `training`).
 *
 * - `bareExamplesPerSec`: on the page, the same TinyVGG (`buildClassifier`, same seed), the same
 *   Adam, batch and backend, the same images in the same order, as plain as tfjs allows: upload
 *   the batch, `optimizer.minimize(softmax cross-entropy of the logits)`, read the loss back.
 * - `workerExamplesPerSec`: the app's training worker (`TrainerClient` + `trainer.worker.ts`) on the
 *   same data and settings, timed on the page from the end of the first (warm-up) epoch to the
 *   `finished` event of the second: everything the worker does per step (batch assembly, accuracy,
 *   progress messages, yielding for pause/stop) is inside the time.
 * - `mainThreadLongestTaskMs`: while the worker trains, the page draws the live training chart
 *   (`createTrainingCurvesView`) on every progress event. The figure is the longest of (a) the
 *   page's own handling of any worker event, timed, and (b) any long task Chromium reports
 *   (PerformanceObserver `longtask`, which sees every task of 50 ms or more).
 *
 * Rounds alternate bare and worker runs; the figures are medians over rounds.
 */
import { loadTfCore, loadTfLayers } from '../core/tensor/initBackend';
import { makePhantomDataset, DIFFICULTY_PRESETS } from '../core/datasets/phantomTrainingSet';
import type { ImageDataset } from '../core/datasets/imageDataset';
import { buildClassifier } from '../core/training/buildClassifier';
import { datasetTransfer, TrainerClient } from '../core/training/TrainerClient';
import type { TrainerEvent } from '../core/training/trainerProtocol';
import {
  NO_AUGMENT,
  type BatchRecord,
  type EpochRecord,
  type TrainConfig,
} from '../core/training/trainingTypes';
import { createTrainingCurvesView } from '../core/viz/createTrainingCurvesView';
import { median, round } from './stats';
import type { Tensor, Tf } from './tfTypes';

type Scalar = ReturnType<Tf['scalar']>;

/** How much work {@link trainingBench} does. */
export interface TrainingBenchOptions {
  /** Batch size (default 32). */
  batch?: number;
  /** Timed steps per run (default 40; the worker also runs as many untimed warm-up steps). */
  steps?: number;
  /** Untimed steps of the bare loop before its timing (default 10). */
  bareWarmup?: number;
  /** Alternating bare/worker rounds (default 3). */
  rounds?: number;
  /** Draw the live chart on the page while the worker trains (default true). */
  drawChart?: boolean;
}

/** What {@link trainingBench} measured. */
export interface TrainingBenchResult {
  backend: string;
  workerBackend: string;
  workerThreads: number | null;
  batch: number;
  steps: number;
  workerExamplesPerSec: number;
  bareExamplesPerSec: number;
  /** worker / bare, target ≥ 0.9. */
  ratio: number;
  mainThreadLongestTaskMs: number;
  /** Longest page-side handling of one worker event (chart update included), ms. */
  longestHandlerMs: number;
  /** Long tasks (≥ 50 ms) Chromium reported during the worker runs, and the longest, ms. */
  longTasks: number;
  longestLongTaskMs: number;
  chartUpdates: number;
  rounds: { bare: number; worker: number }[];
  /** Tensors alive in the worker after its last run was disposed, minus before. */
  workerLeakedTensors: number;
  /** Tensors alive on the page after the bare runs, minus before. */
  pageLeakedTensors: number;
}

const SIZE = 64;

function configFor(batch: number): TrainConfig {
  return {
    model: { kind: 'zoo', id: 'tiny-vgg', pretrained: false },
    optimizer: { kind: 'adam', learningRate: 0.001 },
    batchSize: batch,
    epochs: 2,
    weightDecay: 0,
    augment: NO_AUGMENT,
    classWeights: 'none',
    seed: 1,
  };
}

/** `steps` batches of the bare loop: the dataset's images in order, one-hot labels. */
async function bareRun(data: ImageDataset, batch: number, warmup: number, steps: number): Promise<number> {
  const [tf, layers] = await Promise.all([loadTfCore(), loadTfLayers()]);
  const model = buildClassifier(layers, configFor(batch).model, { size: SIZE, classes: 2, seed: 1 });
  const logits = layers.model({ inputs: model.inputs, outputs: model.getLayer('logits').output });
  const optimizer = tf.train.adam(0.001);
  const pixels = SIZE * SIZE;
  const x = new Float32Array(batch * pixels);
  const y = new Float32Array(batch * 2);
  const step = async (k: number) => {
    const start = (k * batch) % (data.count - batch + 1);
    x.set(data.images.subarray(start * pixels, (start + batch) * pixels));
    y.fill(0);
    for (let i = 0; i < batch; i++) y[i * 2 + (data.labels[start + i] as number)] = 1;
    const loss = tf.tidy(() => {
      const xs = tf.tensor4d(x, [batch, SIZE, SIZE, 1]);
      const ys = tf.tensor2d(y, [batch, 2]);
      const value = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, logits.apply(xs, { training: true }) as Tensor) as Scalar,
        true,
      );
      if (value === null) throw new Error('minimize returned no loss');
      return value;
    });
    await loss.data();
    loss.dispose();
  };
  try {
    for (let k = 0; k < warmup; k++) await step(k);
    const t0 = performance.now();
    for (let k = 0; k < steps; k++) await step(warmup + k);
    return (steps * batch * 1000) / (performance.now() - t0);
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

/** Watches the page while the worker trains. */
function watchMainThread() {
  let longest = 0;
  let count = 0;
  const since = performance.now();
  const see = (e: PerformanceEntry) => {
    // Only tasks that started while the worker trained (not the bare loop's, delivered late).
    if (e.startTime < since) return;
    count++;
    longest = Math.max(longest, e.duration);
  };
  const observer =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((list) => list.getEntries().forEach(see))
      : null;
  observer?.observe({ type: 'longtask', buffered: false });
  return {
    stop: () => {
      if (observer) {
        observer.takeRecords().forEach(see);
        observer.disconnect();
      }
      return { count, longest };
    },
  };
}

/** One worker run: configure, play two epochs, time the second. */
async function workerRun(
  client: TrainerClient,
  config: TrainConfig,
  steps: number,
  chart: ReturnType<typeof createTrainingCurvesView>,
  timing: { longestHandlerMs: number; updates: number },
  drawChart: boolean,
): Promise<number> {
  await client.request({ type: 'configure', config });
  const batches: BatchRecord[] = [];
  const epochs: EpochRecord[] = [];
  let t1 = 0;
  const done = new Promise<number>((resolve, reject) => {
    const off = client.on((e: TrainerEvent) => {
      const t0 = performance.now();
      if (e.type === 'progress' || e.type === 'finished') batches.push(...e.batches);
      if (e.type === 'epoch') {
        epochs.push(e.record);
        if (e.record.epoch === 1) t1 = performance.now();
      }
      if (e.type === 'error') {
        off();
        reject(new Error(e.error.message.en));
        return;
      }
      if (e.type !== 'reply' && e.type !== 'failed' && drawChart) {
        chart.update({ batches, epochs, batchesPerEpoch: steps, runs: [] });
        timing.updates++;
      }
      timing.longestHandlerMs = Math.max(timing.longestHandlerMs, performance.now() - t0);
      if (e.type === 'finished') {
        off();
        resolve(performance.now());
      }
    });
  });
  await client.request({ type: 'play' });
  const t2 = await done;
  return (steps * config.batchSize * 1000) / (t2 - t1);
}

/** Measures training in the worker next to the bare loop (see the module comment). */
export async function trainingBench(options: TrainingBenchOptions = {}): Promise<TrainingBenchResult> {
  const batch = options.batch ?? 32;
  const steps = options.steps ?? 40;
  const rounds = options.rounds ?? 3;
  const bareWarmup = options.bareWarmup ?? 10;
  const tf = await loadTfCore();
  const data = makePhantomDataset({
    task: 'nodule',
    count: steps * batch,
    positiveFraction: 0.5,
    seed: 11,
    difficulty: DIFFICULTY_PRESETS.easy,
    imagesPerPatient: 1,
  });
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  const split = { train: all, validation: new Int32Array(0), test: new Int32Array(0) };
  const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' });
  const client = new TrainerClient(worker);
  const { dataset: copy, split: splitCopy, transfer } = datasetTransfer(data, split);
  const holder = document.createElement('div');
  holder.style.width = '640px';
  document.body.append(holder);
  const chart = createTrainingCurvesView(holder, {});
  const timing = { longestHandlerMs: 0, updates: 0 };
  const results: { bare: number; worker: number }[] = [];
  let longTasks = 0;
  let longestLongTaskMs = 0;
  const pageBefore = tf.memory().numTensors;
  try {
    const report = await client.request({ type: 'init', backend: tf.getBackend() as 'wasm' });
    const workerBefore = await client.request({ type: 'memory' });
    await client.request({ type: 'setData', dataset: copy, split: splitCopy }, transfer);
    for (let r = 0; r < rounds; r++) {
      const bare = await bareRun(data, batch, bareWarmup, steps);
      const watch = watchMainThread();
      const inWorker = await workerRun(
        client,
        configFor(batch),
        steps,
        chart,
        timing,
        options.drawChart ?? true,
      );
      const seen = watch.stop();
      longTasks += seen.count;
      longestLongTaskMs = Math.max(longestLongTaskMs, seen.longest);
      results.push({ bare: round(bare, 1), worker: round(inWorker, 1) });
    }
    await client.request({ type: 'dispose' });
    const workerAfter = await client.request({ type: 'memory' });
    const bareEps = median(results.map((r) => r.bare));
    const workerEps = median(results.map((r) => r.worker));
    return {
      backend: tf.getBackend(),
      workerBackend: report.backend,
      workerThreads: report.wasm?.threads ?? null,
      batch,
      steps,
      workerExamplesPerSec: round(workerEps, 1),
      bareExamplesPerSec: round(bareEps, 1),
      ratio: round(workerEps / bareEps, 3),
      mainThreadLongestTaskMs: round(Math.max(timing.longestHandlerMs, longestLongTaskMs), 2),
      longestHandlerMs: round(timing.longestHandlerMs, 2),
      longTasks,
      longestLongTaskMs: round(longestLongTaskMs, 1),
      chartUpdates: timing.updates,
      rounds: results,
      workerLeakedTensors: workerAfter - workerBefore,
      pageLeakedTensors: tf.memory().numTensors - pageBefore,
    };
  } finally {
    chart.destroy();
    holder.remove();
    client.terminate();
  }
}
