/**
 * Raw-kernel benchmarks: a 512×512 single-channel 3×3 convolution round trip on the active backend,
 * and the wasm backend's 1024³ matmul throughput (a ceiling for what convolutions can reach).
 */
import { getBackendReport, initBackend, loadTfCore } from '../core/tensor/initBackend';
import { mulberry32 } from '../core/datasets/discPhantom';
import { median, round, timeImageRoundTrips, timeRuns } from './stats';

/** Side of the convolved image and of the matmul. */
export const CONV_SIZE = 512;
export const MATMUL_N = 1024;

/** Seeded uniform values in [-1, 1). */
function randomValues(length: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rand() * 2 - 1;
  return out;
}

/** What `conv512Bench` measured. */
export interface Conv512Result {
  /** Median ms of upload + conv2d 3×3 ('same') + `await data()`. */
  ms: number;
  runsMs: number[];
  backend: string;
}

/**
 * One 512×512×1 image convolved with one 3×3 kernel, including the upload (`tf.tensor4d` from a
 * Float32Array) and the download (`await data()`), median of `runs` after `warmup` runs.
 */
export async function conv512Bench(warmup = 3, runs = 7): Promise<Conv512Result> {
  const tf = await loadTfCore();
  const image = randomValues(CONV_SIZE * CONV_SIZE, 11);
  const kernel = tf.tensor4d(randomValues(9, 12), [3, 3, 1, 1]);
  try {
    const times = await timeImageRoundTrips(
      tf,
      image,
      CONV_SIZE,
      (x) => tf.conv2d(x, kernel, 1, 'same'),
      warmup,
      runs,
    );
    return { ms: round(median(times)), runsMs: times.map((t) => round(t, 2)), backend: tf.getBackend() };
  } finally {
    kernel.dispose();
  }
}

/** What `wasmMatmulBench` measured. */
export interface MatmulResult {
  /** 2·n³ / median seconds / 1e9. */
  gflops: number;
  medianMs: number;
  threads: number;
  backend: string;
}

/**
 * GFLOP/s of an n×n by n×n float32 matmul (n = 1024, 2·n³ flops) on the wasm backend, median of
 * `runs` after `warmup`, each including `await data()`. Switches to wasm first if another backend runs.
 */
export async function wasmMatmulBench(warmup = 2, runs = 7): Promise<MatmulResult> {
  const tf = await loadTfCore();
  const report = tf.getBackend() === 'wasm' ? null : await initBackend('wasm');
  if (report && report.backend !== 'wasm')
    throw new Error(`wasm backend unavailable (got ${report.backend})`);
  const n = MATMUL_N;
  const a = tf.tensor2d(randomValues(n * n, 21), [n, n]);
  const b = tf.tensor2d(randomValues(n * n, 22), [n, n]);
  try {
    const times = await timeRuns(
      async () => {
        const c = tf.matMul(a, b);
        try {
          await c.data();
        } finally {
          c.dispose();
        }
      },
      warmup,
      runs,
    );
    const ms = median(times);
    const threads = getBackendReport()?.wasm?.threads ?? 1;
    return {
      gflops: round((2 * n ** 3) / (ms / 1000) / 1e9, 2),
      medianMs: round(ms, 2),
      threads,
      backend: tf.getBackend(),
    };
  } finally {
    tf.dispose([a, b]);
  }
}
