/**
 * The training worker's side of trainerProtocol.ts: owns tfjs, the data and the
 * {@link TrainingSession}, answers every request with exactly one `reply` or `failed`, and pushes
 * `progress`, `epoch`, `finished` and `error` events while training runs.
 *
 * - Requests are handled one at a time, in arrival order. `play` replies at once and starts the
 *   play loop, which runs beside the queue: between two steps it yields to the event loop (a
 *   MessageChannel round trip: a macrotask without setTimeout's 4 ms clamp), so `pause`, `stop`,
 *   `evaluate`, `gradCam`, `save`, `export` and `memory` are served while it runs.
 * - While training runs, `configure`, `setData`, `load` and `step` are refused (a `failed` saying
 *   to pause or stop first), never queued: a refused request changes nothing. `dispose` stops the
 *   run first, then frees everything.
 * - `pause` and `stop` reply once the current step has finished (with the progress then); pending
 *   batches are flushed first, so the page's charts are complete when the reply arrives. `stop`
 *   ends the run (state `stopped`, a `finished` event); a stopped or done run can be evaluated and
 *   saved, but `play`/`step` need a new `configure`.
 * - `progress` events come at most every {@link PROGRESS_INTERVAL_MS} with the batches since the
 *   last one; before each `epoch` event the pending batches are flushed; `finished` carries the rest.
 * - A non-finite loss (learning rate too high) stops the run with an `error` and a `finished`.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import type { DatasetSplit, ImageDataset } from '../datasets/imageDataset';
import { makePhantomDataset } from '../datasets/phantomTrainingSet';
import type { Localized } from '../lessons/types';
import { loadZooModel } from '../models/zooStorage';
import { initBackend, loadTfCore, loadTfLayers } from '../tensor/initBackend';
import { copyPretrained } from './buildClassifier';
import { openModelStore, type StoredModel, type StoredModelMeta } from './modelStore';
import type {
  ConfiguredInfo,
  TrainerEvent,
  TrainerMessage,
  TrainerReplies,
  TrainerRequest,
} from './trainerProtocol';
import type { BatchRecord, TrainableZooId } from './trainingTypes';
import { TrainingError, toTrainingErrorInfo } from './TrainingError';
import { TrainingSession, type TfModules } from './TrainingSession';
import { createYielder } from './createYielder';

/** The worker's end of the channel (`self` in a worker, a MessagePort in tests). */
export interface TrainerPort {
  postMessage(message: TrainerEvent, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: { data: TrainerMessage }) => void): void;
  removeEventListener(type: 'message', listener: (e: { data: TrainerMessage }) => void): void;
  /** A MessagePort listened to with addEventListener must be started. */
  start?(): void;
}

/** Injection points for tests and special hosts. */
export interface TrainerHostOptions {
  /** IndexedDB used by `save` (default `globalThis.indexedDB`). */
  modelStoreFactory?: IDBFactory;
  /** Loads a zoo model's trained weights for `pretrained` (default: `loadZooModel(id, zooBaseUrl)`). */
  loadPretrained?: (id: TrainableZooId, baseUrl: string | undefined) => Promise<tfl.LayersModel>;
  /** Minimum time between two `progress` events, ms (default {@link PROGRESS_INTERVAL_MS}). */
  progressIntervalMs?: number;
}

/**
 * Minimum time between two `progress` events, ms. Two chart updates a second look live; each
 * costs the page a redraw, and on a 2-core machine every millisecond the page spends drawing is
 * taken from the training threads (bench `training`, worker vs bare loop with the live chart drawn:
 * 0.87–0.94 at 250 ms, 0.89–0.98 at 100 ms, 1.03 at 500 ms; 1.00 with no chart at all).
 */
export const PROGRESS_INTERVAL_MS = 500;

const now = (): number => globalThis.performance?.now() ?? Date.now();

function refuse(en: string, zh: string): never {
  throw new TrainingError({ en, zh });
}

const CONTEXT: Record<TrainerRequest['type'], Localized> = {
  init: { en: 'Starting TensorFlow.js failed', zh: '启动 TensorFlow.js 失败' },
  makePhantom: { en: 'Making the phantom dataset failed', zh: '生成体模数据集失败' },
  setData: { en: 'Loading the data into the trainer failed', zh: '把数据载入训练器失败' },
  configure: { en: 'Building the network failed', zh: '构建网络失败' },
  play: { en: 'Starting training failed', zh: '开始训练失败' },
  pause: { en: 'Pausing failed', zh: '暂停失败' },
  step: { en: 'The training step failed', zh: '训练步骤失败' },
  stop: { en: 'Stopping failed', zh: '停止失败' },
  evaluate: { en: 'Evaluating the model failed', zh: '评估模型失败' },
  gradCam: { en: 'Computing Grad-CAM failed', zh: '计算 Grad-CAM 失败' },
  save: { en: 'Saving the model failed', zh: '保存模型失败' },
  export: { en: 'Exporting the model failed', zh: '导出模型失败' },
  load: { en: 'Loading the model failed', zh: '加载模型失败' },
  memory: { en: 'Reading the memory use failed', zh: '读取内存使用失败' },
  dispose: { en: 'Freeing the trainer failed', zh: '释放训练器失败' },
};

/**
 * Serves trainerProtocol.ts on `port` (see the module comment for the semantics).
 * @returns `dispose()`: stops listening, stops a run and frees every tensor the host owns
 */
export function createTrainerHost(port: TrainerPort, options: TrainerHostOptions = {}): { dispose(): void } {
  const interval = options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
  const yielder = createYielder();
  let modules: TfModules | null = null;
  let zooBaseUrl: string | undefined;
  let data: { dataset: ImageDataset; split: DatasetSplit } | null = null;
  let session: TrainingSession | null = null;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  // The play loop.
  let loop: Promise<void> | null = null;
  let pauseRequested = false;
  let stopRequested = false;
  let pending: BatchRecord[] = [];
  let lastPost = 0;

  const post = (event: TrainerEvent, transfer: Transferable[] = []): void => {
    if (!closed) port.postMessage(event, transfer);
  };

  const ensureModules = async (): Promise<TfModules> => {
    if (!modules) {
      await initBackend('auto');
      modules = { tf: await loadTfCore(), layers: await loadTfLayers() };
    }
    return modules;
  };

  const needData = (): { dataset: ImageDataset; split: DatasetSplit } =>
    data ?? refuse('Choose a dataset first: the trainer has no data.', '请先选择数据集：训练器还没有数据。');

  const needSession = (): TrainingSession =>
    session ??
    refuse(
      'There is no model yet: configure a network (or load a saved one) first.',
      '还没有模型：请先配置网络（或加载已保存的模型）。',
    );

  const notWhileRunning = (what: Localized): void => {
    if (loop)
      refuse(
        `Training is running: pause or stop it before you ${what.en}.`,
        `正在训练：请先暂停或停止，再${what.zh}。`,
      );
  };

  const flush = (): void => {
    if (!session || pending.length === 0) return;
    post({ type: 'progress', batches: pending, progress: session.progress() });
    pending = [];
    lastPost = now();
  };

  const finish = (s: TrainingSession): void => {
    post({ type: 'finished', batches: pending, progress: s.progress() });
    pending = [];
    lastPost = now();
  };

  /** One step with its events; returns false when the run has to end (non-finite loss). */
  const stepWithEvents = async (s: TrainingSession): Promise<boolean> => {
    const { batch, epoch } = await s.step();
    pending.push(batch);
    if (!Number.isFinite(batch.loss)) {
      s.state = 'stopped';
      post({
        type: 'error',
        error: {
          message: {
            en: `The loss became ${batch.loss} at step ${batch.step}: the weights diverged. Lower the learning rate and train again.`,
            zh: `第 ${batch.step} 步的损失变成了 ${batch.loss}：权重发散了。请降低学习率后重新训练。`,
          },
        },
      });
      finish(s);
      return false;
    }
    if (epoch) {
      flush();
      post({ type: 'epoch', record: epoch, progress: s.progress() });
    } else if (now() - lastPost >= interval) flush();
    if (s.done) {
      s.state = 'done';
      finish(s);
    }
    return true;
  };

  const runLoop = async (s: TrainingSession): Promise<void> => {
    s.state = 'running';
    try {
      while (!pauseRequested && !stopRequested && !s.done && !closed) {
        if (!(await stepWithEvents(s))) return;
        await yielder.yieldNow();
      }
      if (s.done) return;
      if (stopRequested) {
        s.state = 'stopped';
        finish(s);
      } else {
        s.state = 'paused';
        flush();
      }
    } catch (e) {
      s.state = 'stopped';
      post({ type: 'error', error: toTrainingErrorInfo(e, CONTEXT.step) });
      finish(s);
    }
  };

  const endLoop = async (mode: 'pause' | 'stop'): Promise<void> => {
    if (!loop) return;
    if (mode === 'pause') pauseRequested = true;
    else stopRequested = true;
    await loop;
  };

  const replaceSession = (next: TrainingSession | null): void => {
    session?.dispose();
    session = next;
  };

  const configuredInfo = (s: TrainingSession): ConfiguredInfo => ({
    params: s.params(),
    layers: s.network.layers.map((l) => {
      const shape = l.outputShape;
      const single = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
      return { name: l.name, kind: l.getClassName(), outputShape: [...single] };
    }),
    progress: s.progress(),
  });

  const withMeta = (
    s: TrainingSession,
    meta: Omit<StoredModelMeta, 'savedAt' | 'params' | 'inputSize'>,
  ): StoredModelMeta => ({
    ...meta,
    savedAt: new Date().toISOString(),
    params: s.params(),
    inputSize: s.size,
  });

  const handlers: {
    [K in TrainerRequest['type']]: (
      req: Extract<TrainerRequest, { type: K }>,
    ) => Promise<{ value: TrainerReplies[K]; transfer?: Transferable[] }>;
  } = {
    async init(req) {
      const report = await initBackend(req.backend);
      modules = { tf: await loadTfCore(), layers: await loadTfLayers() };
      if (req.zooBaseUrl !== undefined) zooBaseUrl = req.zooBaseUrl;
      return { value: report };
    },
    async makePhantom(req) {
      const dataset = makePhantomDataset(req.spec);
      const transfer: Transferable[] = [dataset.images.buffer, dataset.labels.buffer];
      if (dataset.patientIds) transfer.push(dataset.patientIds.buffer);
      if (dataset.presetSplit) transfer.push(dataset.presetSplit.buffer);
      return { value: dataset, transfer };
    },
    async setData(req) {
      notWhileRunning({ en: 'change the data', zh: '更换数据' });
      replaceSession(null);
      data = { dataset: req.dataset, split: req.split };
      return { value: null };
    },
    async configure(req) {
      notWhileRunning({ en: 'change the settings', zh: '修改设置' });
      const { dataset, split } = needData();
      const mods = await ensureModules();
      const next = TrainingSession.create(mods, dataset, split, req.config);
      try {
        if (req.config.model.kind === 'zoo' && req.config.model.pretrained) {
          const id = req.config.model.id;
          const source = options.loadPretrained
            ? await options.loadPretrained(id, zooBaseUrl)
            : (await loadZooModel(id, zooBaseUrl)).model;
          try {
            copyPretrained(next.network, source);
          } finally {
            source.dispose();
          }
        }
      } catch (e) {
        next.dispose();
        throw e;
      }
      replaceSession(next);
      return { value: configuredInfo(next) };
    },
    async play() {
      const s = needSession();
      if (loop) return { value: null };
      if (s.state === 'done' || s.state === 'stopped')
        refuse(
          'This run has ended: configure a new run (or load the model again) to train more.',
          '这次训练已结束：请重新配置（或重新加载模型）以继续训练。',
        );
      pauseRequested = false;
      stopRequested = false;
      lastPost = now();
      loop = runLoop(s).finally(() => {
        loop = null;
      });
      return { value: null };
    },
    async pause() {
      const s = needSession();
      await endLoop('pause');
      return { value: s.progress() };
    },
    async step() {
      const s = needSession();
      notWhileRunning({ en: 'step one batch', zh: '单步训练' });
      if (s.state === 'done' || s.state === 'stopped')
        refuse(
          'This run has ended: configure a new run to train more.',
          '这次训练已结束：请重新配置以继续训练。',
        );
      s.state = 'paused';
      await stepWithEvents(s);
      flush();
      return { value: s.progress() };
    },
    async stop() {
      const s = needSession();
      if (loop) await endLoop('stop');
      else if (s.state !== 'done' && s.state !== 'stopped') {
        s.state = 'stopped';
        finish(s);
      }
      return { value: s.progress() };
    },
    async evaluate(req) {
      const e = await needSession().evaluate(req.split);
      return { value: e, transfer: [e.indices.buffer, e.labels.buffer, e.probabilities.buffer] };
    },
    async gradCam(req) {
      const cams = await needSession().gradCam(req.indices, req.classIndex, req.method);
      return { value: cams, transfer: cams.map((c) => c.map.buffer) };
    },
    async save(req) {
      const s = needSession();
      const model: StoredModel = { meta: withMeta(s, req.meta), artifacts: await s.artifacts() };
      const store = await openModelStore(options.modelStoreFactory);
      try {
        await store.save(model);
      } finally {
        store.close();
      }
      return { value: model.meta };
    },
    async export(req) {
      const s = needSession();
      const model: StoredModel = { meta: withMeta(s, req.meta), artifacts: await s.artifacts() };
      return { value: model, transfer: [model.artifacts.weightData] };
    },
    async load(req) {
      notWhileRunning({ en: 'load another model', zh: '加载其他模型' });
      const { dataset, split } = needData();
      const mods = await ensureModules();
      const next = await TrainingSession.fromArtifacts(mods, req.model.artifacts, dataset, split, req.config);
      replaceSession(next);
      return { value: configuredInfo(next) };
    },
    async memory() {
      return { value: modules ? modules.tf.memory().numTensors : 0 };
    },
    async dispose() {
      await endLoop('stop');
      replaceSession(null);
      data = null;
      return { value: null };
    },
  };

  const serve = async (message: TrainerMessage): Promise<void> => {
    const { id, type } = message;
    const handler = handlers[type] as
      ((req: TrainerRequest) => Promise<{ value: unknown; transfer?: Transferable[] }>) | undefined;
    try {
      if (!handler)
        refuse(
          `The trainer does not know the request '${String(type)}': reload the page.`,
          `训练器不认识请求“${String(type)}”：请重新加载页面。`,
        );
      const { value, transfer } = await handler(message);
      post({ type: 'reply', id, value }, transfer);
    } catch (e) {
      post({ type: 'failed', id, error: toTrainingErrorInfo(e, CONTEXT[type] ?? CONTEXT.step) });
    }
  };

  const onMessage = (e: { data: TrainerMessage }): void => {
    const message = e.data;
    queue = queue.then(() => serve(message));
  };
  port.addEventListener('message', onMessage);
  port.start?.();

  return {
    dispose() {
      if (closed) return;
      closed = true;
      port.removeEventListener('message', onMessage);
      stopRequested = true;
      const free = () => {
        session?.dispose();
        session = null;
        data = null;
        yielder.close();
      };
      if (loop) void loop.then(free);
      else free();
    },
  };
}
