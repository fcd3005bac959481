/**
 * The small CNN of the ai-ml-dl lesson, trained live on the main thread on the app's tfjs backend:
 *
 *   input s×s×1 → conv f₁ 3×3 + ReLU → max-pool 2×2 → conv f₂ 3×3 + ReLU → global max-pool → dense 2 + softmax
 *
 * Parameters: f₁(3·3·1 + 1) + f₂(3·3·f₁ + 1) + (2f₂ + 2); with the defaults f₁ = 8, f₂ = 16:
 * 80 + 1,168 + 34 = 1,282. Global max-pooling makes the answer depend on whether a pattern occurs
 * anywhere in the patch, not where (Oquab M et al., Is object localization for free? CVPR 2015).
 *
 * The training loop awaits a macrotask between mini-batches, so the page keeps painting and
 * responding (a `setTimeout(0)` yield; see the HTML event-loop processing model), and stops at the
 * next batch when its AbortSignal fires. Everything returned is a plain array: the React layer
 * never holds a tensor, and every tensor made here is disposed before the function returns.
 *
 * tfjs is loaded with a dynamic import inside {@link trainSmallCnn}, so importing this module for
 * its constants costs nothing.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32 } from '../datasets/discPhantom';
import type { PatchSet } from '../datasets/phantomPatchDataset';

/** Architecture of the small CNN. */
export interface SmallCnnArchitecture {
  /** Patch side in pixels. */
  inputSize: number;
  /** Filters of the first convolution (the ones the lesson draws). */
  filters1: number;
  /** Filters of the second convolution. */
  filters2: number;
  /** Kernel side of both convolutions. */
  kernel: number;
}

/** The lesson's architecture: 32×32 patches, 8 then 16 filters of 3×3. */
export const SMALL_CNN_ARCHITECTURE: SmallCnnArchitecture = {
  inputSize: 32,
  filters1: 8,
  filters2: 16,
  kernel: 3,
};

/** A 2-D convolution layer: `filters · (k·k·channels + 1)` weights and biases. */
export function convLayerParams(filters: number, kernel: number, channels: number): number {
  return filters * (kernel * kernel * channels + 1);
}

/** Trainable parameters of the small CNN, counted from the formula in the module comment. */
export function smallCnnParamCount(a: SmallCnnArchitecture = SMALL_CNN_ARCHITECTURE): number {
  return (
    convLayerParams(a.filters1, a.kernel, 1) +
    convLayerParams(a.filters2, a.kernel, a.filters1) +
    (2 * a.filters2 + 2)
  );
}

/** Builds the uncompiled model with tfjs-layers (passed in, so callers decide when it loads). */
export function createSmallCnn(
  layers: typeof tfl,
  a: SmallCnnArchitecture = SMALL_CNN_ARCHITECTURE,
  seed = 1,
): tfl.Sequential {
  let nextSeed = seed;
  const init = () => layers.initializers.glorotUniform({ seed: nextSeed++ });
  return layers.sequential({
    name: 'small_cnn',
    layers: [
      layers.layers.conv2d({
        name: 'conv_1',
        inputShape: [a.inputSize, a.inputSize, 1],
        filters: a.filters1,
        kernelSize: a.kernel,
        activation: 'relu',
        kernelInitializer: init(),
      }),
      layers.layers.maxPooling2d({ name: 'max_pool', poolSize: 2 }),
      layers.layers.conv2d({
        name: 'conv_2',
        filters: a.filters2,
        kernelSize: a.kernel,
        activation: 'relu',
        kernelInitializer: init(),
      }),
      layers.layers.globalMaxPooling2d({ name: 'global_max_pool' }),
      layers.layers.dense({ name: 'output', units: 2, activation: 'softmax', kernelInitializer: init() }),
    ],
  });
}

/** Training settings. */
export interface SmallCnnOptions {
  /** Passes over the training set. Default 12. */
  epochs?: number;
  /** Mini-batch size. Default 32. */
  batchSize?: number;
  /** Adam learning rate. Default 0.01. */
  learningRate?: number;
  /** Seed of the weight initialiser and of the shuffling. Default 1. */
  seed?: number;
  /** HU window mapped linearly to [−1, 1] after clipping (the CT window of the network's input). */
  windowHu?: { low: number; high: number };
  /** Architecture; its `inputSize` must match the data. Default {@link SMALL_CNN_ARCHITECTURE}. */
  architecture?: SmallCnnArchitecture;
}

/** Reported after every mini-batch. */
export interface SmallCnnProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  /** Cross-entropy of the last mini-batch. */
  loss: number;
  elapsedMs: number;
}

/** What training leaves behind: plain numbers only. */
export interface SmallCnnResult {
  /** The learned first-layer kernels, one row-major `kernel × kernel` array per filter. */
  kernels: number[][];
  /** P(lesion) for every test patch, in order. */
  testProbabilities: number[];
  /** Mean training loss of each finished epoch. */
  epochLosses: number[];
  epochsDone: number;
  /** True when the signal stopped training early (the results are of the model as it was then). */
  stopped: boolean;
  /** Wall-clock time of the training loop in ms (not counting the test predictions). */
  trainMs: number;
  paramCount: number;
  trainCount: number;
  /** The tfjs backend that ran it. */
  backend: string;
}

/** The data: training and test patches of HU values, `size × size` each. */
export interface SmallCnnData {
  size: number;
  train: PatchSet;
  test: PatchSet;
}

/** Window HU values to [−1, 1]: `2·(clip(v, low, high) − low)/(high − low) − 1`. */
export function windowToUnit(values: Float32Array, low: number, high: number): Float32Array {
  const out = new Float32Array(values.length);
  const scale = 2 / (high - low);
  for (let i = 0; i < values.length; i++) {
    const v = Math.min(high, Math.max(low, values[i] as number));
    out[i] = (v - low) * scale - 1;
  }
  return out;
}

/** A seeded Fisher–Yates permutation of 0…n−1 (mulberry32 stream). */
function permutation(n: number, seed: number): Uint32Array {
  const rand = mulberry32(seed);
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j] as number, p[i] as number];
  }
  return p;
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** P(class 1) of every image, predicted in batches. */
async function predictAll(
  tf: typeof tfc,
  model: tfl.Sequential,
  images: Float32Array,
  count: number,
  size: number,
): Promise<number[]> {
  const out: number[] = [];
  const n = size * size;
  for (let start = 0; start < count; start += 128) {
    const b = Math.min(128, count - start);
    const p = tf.tidy(() => {
      const x = tf.tensor4d(images.subarray(start * n, (start + b) * n), [b, size, size, 1]);
      return (model.predict(x) as tfc.Tensor).slice([0, 1], [b, 1]);
    });
    try {
      out.push(...(await p.data()));
    } finally {
      p.dispose();
    }
  }
  return out;
}

/**
 * Trains a fresh small CNN on `data.train` with Adam and categorical cross-entropy, then predicts
 * `data.test`. Uses whatever tfjs backend is active. Resolves with plain arrays; disposes the model,
 * the optimizer and every intermediate tensor, also when stopped or when a step throws.
 */
export async function trainSmallCnn(
  data: SmallCnnData,
  options: SmallCnnOptions = {},
  onProgress?: (p: SmallCnnProgress) => void,
  signal?: AbortSignal,
): Promise<SmallCnnResult> {
  const {
    epochs = 12,
    batchSize = 32,
    learningRate = 0.01,
    seed = 1,
    windowHu = { low: -1000, high: 200 },
    architecture = SMALL_CNN_ARCHITECTURE,
  } = options;
  const size = data.size;
  if (architecture.inputSize !== size)
    throw new RangeError(`the CNN expects ${architecture.inputSize}² patches`);
  if (data.train.count < 1) throw new RangeError('no training patches');
  const { loadTfCore, loadTfLayers } = await import('../tensor/initBackend');
  const [tf, layers] = await Promise.all([loadTfCore(), loadTfLayers()]);
  const n = size * size;
  const trainX = windowToUnit(
    data.train.images.subarray(0, data.train.count * n),
    windowHu.low,
    windowHu.high,
  );
  const testX = windowToUnit(data.test.images.subarray(0, data.test.count * n), windowHu.low, windowHu.high);
  const count = data.train.count;
  const bs = Math.max(1, Math.min(batchSize, count));
  const batchesPerEpoch = Math.ceil(count / bs);

  const model = createSmallCnn(layers, architecture, seed);
  const optimizer = tf.train.adam(learningRate);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const epochLosses: number[] = [];
  let stopped = false;
  const xBuf = new Float32Array(bs * n);
  const yBuf = new Float32Array(bs * 2);
  const t0 = performance.now();
  try {
    for (let epoch = 0; epoch < epochs && !stopped; epoch++) {
      const order = permutation(count, seed * 7919 + epoch);
      let lossSum = 0;
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        if (signal?.aborted) {
          stopped = true;
          break;
        }
        const start = batch * bs;
        const b = Math.min(bs, count - start);
        yBuf.fill(0);
        for (let k = 0; k < b; k++) {
          const i = order[start + k] as number;
          xBuf.set(trainX.subarray(i * n, (i + 1) * n), k * n);
          yBuf[k * 2 + (data.train.labels[i] === 1 ? 1 : 0)] = 1;
        }
        const x = tf.tensor4d(xBuf.subarray(0, b * n), [b, size, size, 1]);
        const y = tf.tensor2d(yBuf.subarray(0, b * 2), [b, 2]);
        let loss: number;
        try {
          loss = (await model.trainOnBatch(x, y)) as number;
        } finally {
          tf.dispose([x, y]);
        }
        lossSum += loss * b;
        onProgress?.({
          epoch: epoch + 1,
          epochs,
          batch: batch + 1,
          batchesPerEpoch,
          loss,
          elapsedMs: performance.now() - t0,
        });
        await yieldToPage();
      }
      if (!stopped) epochLosses.push(lossSum / count);
    }
    const trainMs = performance.now() - t0;
    const kernelTensor = model.getLayer('conv_1').getWeights()[0] as tfc.Tensor;
    const w = await kernelTensor.data();
    const k2 = architecture.kernel * architecture.kernel;
    const kernels = Array.from({ length: architecture.filters1 }, (_, f) =>
      Array.from({ length: k2 }, (_, rc) => w[rc * architecture.filters1 + f] as number),
    );
    const testProbabilities = await predictAll(tf, model, testX, data.test.count, size);
    return {
      kernels,
      testProbabilities,
      epochLosses,
      epochsDone: epochLosses.length,
      stopped,
      trainMs,
      paramCount: model.countParams(),
      trainCount: count,
      backend: tf.getBackend(),
    };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}
