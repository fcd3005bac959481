/**
 * A few training steps in the app's training worker on a chosen backend (the end-to-end suite
 * checks that the worker picks its backend as `initBackend` does: WebGL through OffscreenCanvas,
 * WebGPU, wasm, cpu).
 */
import { DIFFICULTY_PRESETS } from '../core/datasets/phantomTrainingSet';
import { absoluteZooBase } from '../core/models/zooStorage';
import type { BackendPreference, BackendReport } from '../core/tensor/backendTypes';
import { datasetTransfer, TrainerClient } from '../core/training/TrainerClient';
import type { TrainerEvent } from '../core/training/trainerProtocol';
import { NO_AUGMENT, type BatchRecord } from '../core/training/trainingTypes';

/** What {@link workerTrainSmoke} saw. */
export interface WorkerSmokeResult {
  report: BackendReport;
  /** The batches' losses, in order. */
  losses: number[];
  /** Live tensors in the worker before the run, after it, and after `dispose`. */
  tensors: { before: number; trained: number; disposed: number };
}

/**
 * Trains TinyVGG (from scratch, or with `pretrained` fine-tuned from the zoo's weights, which the
 * worker fetches from the app) for `steps` batches of 8 on easy nodule phantoms in a fresh training
 * worker that was asked for `backend`, and reports what ran.
 */
export async function workerTrainSmoke(
  backend: BackendPreference,
  steps = 2,
  pretrained = false,
): Promise<WorkerSmokeResult> {
  const client = new TrainerClient(
    new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' }),
  );
  try {
    const report = await client.request({
      type: 'init',
      backend,
      zooBaseUrl: absoluteZooBase(document.baseURI),
    });
    const before = await client.request({ type: 'memory' });
    const data = await client.request({
      type: 'makePhantom',
      spec: {
        task: 'nodule',
        count: steps * 8,
        positiveFraction: 0.5,
        seed: 3,
        difficulty: DIFFICULTY_PRESETS.easy,
        imagesPerPatient: 1,
      },
    });
    const all = Int32Array.from({ length: data.count }, (_, i) => i);
    const split = { train: all, validation: new Int32Array(0), test: new Int32Array(0) };
    const t = datasetTransfer(data, split);
    await client.request({ type: 'setData', dataset: t.dataset, split: t.split }, t.transfer);
    await client.request({
      type: 'configure',
      config: {
        model: { kind: 'zoo', id: 'tiny-vgg', pretrained },
        optimizer: { kind: 'adam', learningRate: 0.001 },
        batchSize: 8,
        epochs: 1,
        weightDecay: 0,
        augment: NO_AUGMENT,
        classWeights: 'none',
        seed: 1,
      },
    });
    const batches: BatchRecord[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      client.on((e: TrainerEvent) => {
        if (e.type === 'progress' || e.type === 'finished') batches.push(...e.batches);
        if (e.type === 'error') reject(new Error(e.error.message.en));
        if (e.type === 'finished') resolve();
      });
    });
    await client.request({ type: 'play' });
    await finished;
    const trained = await client.request({ type: 'memory' });
    await client.request({ type: 'dispose' });
    const disposed = await client.request({ type: 'memory' });
    return { report, losses: batches.map((b) => b.loss), tensors: { before, trained, disposed } };
  } finally {
    client.terminate();
  }
}
