/**
 * TinyVGG (CNN Explainer's network, 64×64×1, 6,212 parameters) on the active tfjs backend:
 * batch-1 inference latency and batch-32 Adam training throughput, with a tensor-leak check.
 */
import { loadTfCore, loadTfLayers } from '../core/tensor/initBackend';
import { createTinyVgg } from '../core/models/tinyVgg';
import { makeDiscBatch, type DiscBatch } from '../core/datasets/discPhantom';
import { median, round, timeImageRoundTrips, timeRuns } from './stats';
import type { Tensor, Tf } from './tfTypes';

type Model = ReturnType<typeof createTinyVgg>;

/** Input side and training batch size, as in BROWSER.md. */
export const INPUT_SIZE = 64;
export const TRAIN_BATCH = 32;
/** Distinct training batches cycled through, so steps do not see one batch only. */
const DISTINCT_BATCHES = 4;

/** How much work `tinyVggBench` does. */
export interface TinyVggOptions {
  inferenceRuns: number;
  trainWarmupSteps: number;
  trainSteps: number;
  /** Untimed inference runs first (shader compilation, allocations). Default 3. */
  inferenceWarmup?: number;
}

/** What `tinyVggBench` measured. */
export interface TinyVggResult {
  /** Median batch-1 forward pass, including reading the output back, ms. */
  inferenceMs: number;
  /** Training examples per second over the timed steps (batch 32, Adam). */
  trainExamplesPerSec: number;
  /** Median duration of one training step, ms. */
  trainStepMs: number;
  /** Tensors alive after everything was disposed, minus those alive before; should be 0. */
  leakedTensors: number;
  /** The first and last training losses, to show the steps did real work. */
  firstLoss: number;
  lastLoss: number;
  backend: string;
}

/** What `trainSmoke` returns: proof that training runs on the active backend. */
export interface TrainSmokeResult {
  backend: string;
  losses: number[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}

/** A compiled TinyVGG, with its own Adam optimizer, and how to dispose both. */
export async function compiledTinyVgg(tf: Tf, seed: number) {
  const layers = await loadTfLayers();
  const model = createTinyVgg(layers, {
    inputSize: INPUT_SIZE,
    channels: 1,
    filters: 10,
    numClasses: 2,
    seed,
  });
  const optimizer = tf.train.adam(0.001);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return {
    model,
    dispose: () => {
      model.dispose();
      optimizer.dispose();
    },
  };
}

/** Seeded disc-phantom batches (made once, outside any timing). */
function makeBatches(count: number, batch: number, seed: number): DiscBatch[] {
  return Array.from({ length: count }, (_, i) => makeDiscBatch(batch, INPUT_SIZE, seed + i));
}

/**
 * One training step on `data`: upload, forward, backward, Adam update; resolves with the loss
 * (trainOnBatch reads it back, so GPU work has finished).
 */
async function trainStep(tf: Tf, model: Model, data: DiscBatch): Promise<number> {
  const x = tf.tensor4d(data.images, [data.batch, INPUT_SIZE, INPUT_SIZE, 1]);
  const y = tf.tensor2d(data.oneHot, [data.batch, 2]);
  try {
    const out = await model.trainOnBatch(x, y);
    return Array.isArray(out) ? out[0]! : out;
  } finally {
    tf.dispose([x, y]);
  }
}

/** Median batch-1 inference time, ms; the output is read back with `await data()` each run. */
async function inferenceMedian(tf: Tf, model: Model, warmup: number, runs: number): Promise<number> {
  const image = makeDiscBatch(1, INPUT_SIZE, 7).images;
  const times = await timeImageRoundTrips(
    tf,
    image,
    INPUT_SIZE,
    (x) => model.predict(x) as Tensor,
    warmup,
    runs,
  );
  return median(times);
}

/** Measures TinyVGG inference and training on the active backend. */
export async function tinyVggBench(options: TinyVggOptions): Promise<TinyVggResult> {
  const tf = await loadTfCore();
  const before = tf.memory().numTensors;
  const batches = makeBatches(DISTINCT_BATCHES, TRAIN_BATCH, 100);
  const { model, dispose } = await compiledTinyVgg(tf, 1);
  const losses: number[] = [];
  let stepTimes: number[];
  let inferenceMs: number;
  try {
    inferenceMs = await inferenceMedian(tf, model, options.inferenceWarmup ?? 3, options.inferenceRuns);
    let step = 0;
    const next = async () => {
      losses.push(await trainStep(tf, model, batches[step++ % batches.length]!));
    };
    stepTimes = await timeRuns(next, options.trainWarmupSteps, options.trainSteps);
  } finally {
    dispose();
  }
  const leakedTensors = tf.memory().numTensors - before;
  console.assert(leakedTensors === 0, `TinyVGG bench leaked ${leakedTensors} tensors`);
  const totalMs = stepTimes.reduce((a, b) => a + b, 0);
  return {
    inferenceMs: round(inferenceMs),
    trainExamplesPerSec: round((TRAIN_BATCH * stepTimes.length * 1000) / totalMs, 2),
    trainStepMs: round(median(stepTimes), 2),
    leakedTensors,
    firstLoss: round(losses[0] ?? Number.NaN, 5),
    lastLoss: round(losses[losses.length - 1] ?? Number.NaN, 5),
    backend: tf.getBackend(),
  };
}

/** A few TinyVGG training steps on the active backend (the end-to-end suite's wasm training check). */
export async function trainSmoke(steps: number): Promise<TrainSmokeResult> {
  const tf = await loadTfCore();
  const numTensorsBefore = tf.memory().numTensors;
  const batches = makeBatches(Math.min(steps, DISTINCT_BATCHES), TRAIN_BATCH, 500);
  const { model, dispose } = await compiledTinyVgg(tf, 2);
  const losses: number[] = [];
  try {
    for (let i = 0; i < steps; i++) losses.push(await trainStep(tf, model, batches[i % batches.length]!));
  } finally {
    dispose();
  }
  return { backend: tf.getBackend(), losses, numTensorsBefore, numTensorsAfter: tf.memory().numTensors };
}
