/**
 * The benchmark page (bench.html). It exposes `window.rclBench`, a set of async functions that
 * scripts/bench.mjs calls through Playwright's `page.evaluate`, and prints what runs into <main>.
 */
import { initBackend, simulateWebGlContextLoss, subscribeBackendEvents } from '../core/tensor/initBackend';
import type { BackendEvent, BackendPreference, BackendReport } from '../core/tensor/backendTypes';
import { conv512Bench, wasmMatmulBench } from './convBench';
import { imagingBench, type ImagingBenchResult } from './imagingBench';
import { convnetjsBench, type ConvnetjsOptions, type ConvnetjsResult } from './convnetjsBench';
import { installImagingHooks } from './imagingHooks';
import { convUpdateBench, type ConvUpdateResult } from './lessonsBench';
import { pageEnv, type PageEnv } from './pageEnv';
import { zooBench, type ZooBenchOptions, type ZooBenchResult } from './zooBench';
import { trainingBench, type TrainingBenchOptions, type TrainingBenchResult } from './trainingBench';
import { workerTrainSmoke, type WorkerSmokeResult } from './workerSmoke';
import { profileTrainStep, type TrainProfile } from './profileBench';
import { nextFrame } from './stats';
import {
  tinyVggBench,
  trainSmoke,
  type TinyVggOptions,
  type TinyVggResult,
  type TrainSmokeResult,
} from './tinyVggBench';

/** The API on `window.rclBench`. Every call resolves with plain JSON-serialisable data. */
export interface RclBench {
  init(pref: BackendPreference): Promise<BackendReport>;
  env(): Promise<PageEnv>;
  tinyVgg(options: TinyVggOptions): Promise<TinyVggResult>;
  /** Median ms of a 512×512 3×3 convolution round trip (upload, conv, download). */
  conv512(): Promise<number>;
  /** GFLOP/s of a 1024³ matmul on the wasm backend. */
  wasmMatmulGflops(): Promise<number>;
  convnetjs(options: ConvnetjsOptions): Promise<ConvnetjsResult>;
  trainSmoke(steps: number): Promise<TrainSmokeResult>;
  /** Loses the WebGL context and resolves with the fallback event that follows (e2e tests). */
  loseWebGlContext(): Promise<BackendEvent>;
  /** Kernel-by-kernel time of TinyVGG training steps on the active backend (for investigations). */
  profileTrainStep(steps?: number): Promise<TrainProfile>;
  /** Imaging figures: re-windowing, phantom generation, DICOM decoding (bench field `imaging`). */
  imaging(): Promise<ImagingBenchResult>;
  /** The convolution lesson's feature-map update next to a bare tf.conv2d + download (bench field `lessons`). */
  convUpdate(): Promise<ConvUpdateResult>;
  /** The zoo's models: forwardAll (every activation) vs bare predict, Grad-CAM (bench field `zoo`). */
  zoo(options?: ZooBenchOptions): Promise<ZooBenchResult>;
  /**
   * Training in the app's worker next to a bare tfjs loop of the same model, batch and backend on
   * the page, and the page's longest task while the worker trains (bench field `training`).
   */
  training(options?: TrainingBenchOptions): Promise<TrainingBenchResult>;
  /** A few TinyVGG steps in a fresh training worker asked for `backend` (e2e: the worker's backend choice). */
  workerTrainSmoke(
    backend: BackendPreference,
    steps?: number,
    pretrained?: boolean,
  ): Promise<WorkerSmokeResult>;
  /** Everything the last calls returned, with their extra detail (runs, threads...). */
  lastDetail: Record<string, unknown>;
}

declare global {
  interface Window {
    rclBench?: RclBench;
  }
}

const output = document.querySelector('main') ?? document.body;

/** Appends one line to the page's log. */
function log(line: string): void {
  const p = document.createElement('p');
  p.textContent = line;
  output.append(p);
}

/** Wraps a bench function: logs start and end (or the error) and yields a frame so the log paints. */
function logged<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    log(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) …`);
    await nextFrame();
    const t0 = performance.now();
    try {
      const result = await fn(...args);
      log(`${name} → ${JSON.stringify(result)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      return result;
    } catch (e) {
      log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  };
}

const lastDetail: Record<string, unknown> = {};

const api: RclBench = {
  init: logged('init', (pref: BackendPreference) => initBackend(pref)),
  env: logged('env', () => Promise.resolve(pageEnv())),
  tinyVgg: logged('tinyVgg', async (options: TinyVggOptions) => {
    const result = await tinyVggBench(options);
    if (result.leakedTensors !== 0) log(`ASSERTION FAILED: TinyVGG leaked ${result.leakedTensors} tensors`);
    return result;
  }),
  conv512: logged('conv512', async () => {
    const result = await conv512Bench();
    lastDetail.conv512 = result;
    return result.ms;
  }),
  wasmMatmulGflops: logged('wasmMatmulGflops', async () => {
    const result = await wasmMatmulBench();
    lastDetail.wasmMatmul = result;
    return result.gflops;
  }),
  convnetjs: logged('convnetjs', convnetjsBench),
  trainSmoke: logged('trainSmoke', trainSmoke),
  loseWebGlContext: logged('loseWebGlContext', async () => {
    const event = new Promise<BackendEvent>((resolve) => {
      const stop = subscribeBackendEvents((e) => {
        stop();
        resolve(e);
      });
    });
    if (!(await simulateWebGlContextLoss())) throw new Error('not running on WebGL');
    return event;
  }),
  imaging: logged('imaging', imagingBench),
  convUpdate: logged('convUpdate', () => convUpdateBench()),
  zoo: logged('zoo', (options?: ZooBenchOptions) => zooBench(options)),
  training: logged('training', (options?: TrainingBenchOptions) => trainingBench(options)),
  workerTrainSmoke: logged(
    'workerTrainSmoke',
    (backend: BackendPreference, steps?: number, pretrained?: boolean) =>
      workerTrainSmoke(backend, steps, pretrained),
  ),
  profileTrainStep: logged('profileTrainStep', (steps?: number) => profileTrainStep(steps)),
  lastDetail,
};

installImagingHooks(api as unknown as Record<string, unknown>);
window.rclBench = api;
log('Ready: window.rclBench is available.');
document.documentElement.dataset.benchReady = 'true';
