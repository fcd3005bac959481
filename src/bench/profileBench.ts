/**
 * Where a TinyVGG training step spends its time on the active backend: tf.profile over a few
 * batch-32 steps, kernel times summed by kernel name. Wall time minus kernel time is the JS overhead
 * (tfjs-layers, the engine, tape bookkeeping).
 */
import { loadTfCore } from '../core/tensor/initBackend';
import { makeDiscBatch } from '../core/datasets/discPhantom';
import { round } from './stats';
import { INPUT_SIZE, TRAIN_BATCH, compiledTinyVgg } from './tinyVggBench';

/** One kernel's share of the profiled steps. */
export interface KernelShare {
  name: string;
  /** Total ms over all profiled steps, divided by the step count. */
  msPerStep: number;
  callsPerStep: number;
}

/** What `profileTrainStep` found. */
export interface TrainProfile {
  backend: string;
  steps: number;
  wallMsPerStep: number;
  kernelMsPerStep: number;
  kernels: KernelShare[];
}

/** Profiles `steps` TinyVGG training steps after `warmup` unprofiled ones. */
export async function profileTrainStep(steps = 3, warmup = 2): Promise<TrainProfile> {
  const tf = await loadTfCore();
  const data = makeDiscBatch(TRAIN_BATCH, INPUT_SIZE, 300);
  const { model, dispose } = await compiledTinyVgg(tf, 3);
  const x = tf.tensor4d(data.images, [TRAIN_BATCH, INPUT_SIZE, INPUT_SIZE, 1]);
  const y = tf.tensor2d(data.oneHot, [TRAIN_BATCH, 2]);
  try {
    for (let i = 0; i < warmup; i++) await model.trainOnBatch(x, y);
    const totals = new Map<string, { ms: number; calls: number }>();
    let wall = 0;
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      const info = await tf.profile(async () => {
        await model.trainOnBatch(x, y);
        return [];
      });
      wall += performance.now() - t0;
      for (const k of info.kernels) {
        const t = await k.kernelTimeMs;
        const ms = typeof t === 'number' ? t : 0;
        const entry = totals.get(k.name) ?? { ms: 0, calls: 0 };
        entry.ms += ms;
        entry.calls += 1;
        totals.set(k.name, entry);
      }
    }
    const kernels = [...totals.entries()]
      .map(([name, v]) => ({ name, msPerStep: round(v.ms / steps, 3), callsPerStep: v.calls / steps }))
      .sort((a, b) => b.msPerStep - a.msPerStep);
    return {
      backend: tf.getBackend(),
      steps,
      wallMsPerStep: round(wall / steps, 2),
      kernelMsPerStep: round(
        kernels.reduce((n, k) => n + k.msPerStep, 0),
        2,
      ),
      kernels,
    };
  } finally {
    tf.dispose([x, y]);
    dispose();
  }
}
