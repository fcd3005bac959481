/**
 * `useTrainingStore`: the page's one owner of the training worker (see trainingStoreTypes.ts for
 * the contract). The worker is created lazily on the first action that needs it and initialised
 * with the user's backend preference. The page keeps its own copy of the dataset (previews, the
 * gallery) and sends a copy with `setData` whenever the data, the split or the training limit
 * changed since the last send. Phantoms are generated in the worker (seconds of work).
 */
import { create } from 'zustand';
import type { Localized } from '../../core/lessons/types';
import type { DatasetSplit, ImageDataset } from '../../core/datasets/imageDataset';
import { importImageFiles, unzipEntries } from '../../core/datasets/importImageFiles';
import { splitDataset } from '../../core/datasets/splitDataset';
import { medMnistDataset, MEDMNIST_DATASETS } from '../../core/datasets/medMnist';
import { parseNpz } from '../../core/datasets/npy';
import { downloadWithProgress } from '../../core/datasets/downloadWithProgress';
import { openDatasetCache, type DatasetCache } from '../../core/storage/datasetCache';
import { TrainerClient, datasetTransfer } from '../../core/training/TrainerClient';
import {
  exportModelFiles,
  importModelFiles,
  openModelStore,
  validateModelName,
} from '../../core/training/modelStore';
import type { ModelStore, StoredModel, StoredModelMeta } from '../../core/training/modelStore';
import type { ConfiguredInfo, TrainerEvent } from '../../core/training/trainerProtocol';
import { useBackendStore } from '../backendStore';
import { forgetUserModel } from '../zoo/useZooModel';
import { absoluteZooBase } from '../../core/models/zooStorage';
import { camKey } from './camKey';
import { fillBoth, storeTexts as S } from './trainingTexts';
import type { RunRecord, TrainingStoreState } from './trainingStoreTypes';
import {
  DEFAULT_CONFIG,
  DEFAULT_SPLIT,
  IMPORT_SIZE,
  MEDMNIST_MAX_PER_SPLIT,
  effectiveSplit,
  limitedSplit,
} from './trainingDefaults';

export { DEFAULT_CONFIG, DEFAULT_SPLIT, IMPORT_SIZE, MEDMNIST_MAX_PER_SPLIT } from './trainingDefaults';

let factory: (() => TrainerClient) | null = null;
let client: TrainerClient | null = null;
let ready: Promise<TrainerClient> | null = null;
/** What the worker was last sent (identities), to skip resending unchanged data. */
let sent: { dataset: ImageDataset; split: DatasetSplit; trainLimit: number | null } | null = null;
/** The run in progress, pushed to `runs` when it ends. */
let openRun: Omit<RunRecord, 'epochs' | 'batches'> | null = null;
let runCounter = 0;
/** Bumped by `reset()` so late answers of a terminated worker are ignored. */
let generation = 0;

/**
 * Replaces how the worker is made (tests: `() => createInProcessTrainer().client`); `null`
 * restores the module worker. Takes effect for the next worker (after `reset()`).
 */
export function setTrainerFactory(next: (() => TrainerClient) | null): void {
  factory = next;
}

function defaultFactory(): TrainerClient {
  const worker = new Worker(new URL('../../workers/trainer.worker.ts', import.meta.url), { type: 'module' });
  return new TrainerClient(worker);
}

/** A thrown value as a Localized message (a TrainingError's own, else wrapped with `context`). */
export function errorMessage(error: unknown, context: Localized): Localized {
  const e = error as { localized?: unknown; localizedMessage?: unknown; messageZh?: unknown } | null;
  for (const own of [e?.localized, e?.localizedMessage]) {
    const o = own as Partial<Localized> | undefined;
    if (o && typeof o.en === 'string' && typeof o.zh === 'string') return { en: o.en, zh: o.zh };
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (typeof e?.messageZh === 'string') return { en: detail, zh: e.messageZh };
  return { en: `${context.en} ${detail}`, zh: `${context.zh}${detail}` };
}

/** Runs `fn` on a freshly opened model store, closing it afterwards. */
async function withModelStore<T>(fn: (store: ModelStore) => Promise<T>): Promise<T> {
  const store = await openModelStore();
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** The store's data before anything is loaded (also what `reset()` returns to). */
export const INITIAL_TRAINING_STATE = {
  dataset: null,
  dataStatus: { status: 'none' },
  skipped: [],
  split: null,
  splitOptions: DEFAULT_SPLIT,
  trainLimit: null,
  config: DEFAULT_CONFIG,
  backend: null,
  configured: null,
  progress: null,
  batches: [],
  epochs: [],
  runs: [],
  trainer: { status: 'idle' },
  evaluation: null,
  cams: {},
  savedModels: [],
} satisfies Partial<TrainingStoreState>;

/** The training store (see the module comment). */
export const useTrainingStore = create<TrainingStoreState>((set, get) => {
  function onEvent(e: TrainerEvent): void {
    switch (e.type) {
      case 'progress':
        set((s) => ({
          batches: e.batches.length ? s.batches.concat(e.batches) : s.batches,
          progress: e.progress,
        }));
        break;
      case 'epoch':
        set((s) => ({ epochs: [...s.epochs, e.record], progress: e.progress }));
        break;
      case 'finished':
        set((s) => ({
          batches: e.batches.length ? s.batches.concat(e.batches) : s.batches,
          progress: e.progress,
        }));
        closeRun();
        break;
      case 'error':
        set({ trainer: { status: 'error', message: e.error.message } });
        break;
      default:
        break;
    }
  }

  function closeRun(): void {
    if (!openRun) return;
    const { batches, epochs } = get();
    if (batches.length > 0)
      set((s) => ({ runs: [...s.runs, { ...openRun!, batches: batches.slice(), epochs: epochs.slice() }] }));
    openRun = null;
  }

  function worker(): Promise<TrainerClient> {
    if (!ready) {
      const gen = generation;
      const c = (factory ?? defaultFactory)();
      client = c;
      c.on(onEvent);
      const init = {
        type: 'init',
        backend: useBackendStore.getState().preference,
        // The zoo's weights (fine-tuning) are fetched by the worker: give it the page's base URL.
        ...(typeof document !== 'undefined' ? { zooBaseUrl: absoluteZooBase(document.baseURI) } : {}),
      } as const;
      ready = c.request(init).then((report) => {
        if (gen === generation) set({ backend: report });
        return c;
      });
      ready.catch(() => {
        if (gen !== generation) return;
        c.terminate();
        client = null;
        ready = null;
        sent = null;
      });
    }
    return ready;
  }

  /** Runs a worker request with the trainer status busy, then idle, or error with a message. */
  async function busy<T>(what: Localized, fn: (c: TrainerClient) => Promise<T>): Promise<T | undefined> {
    const gen = generation;
    set({ trainer: { status: 'busy', what } });
    try {
      const value = await fn(await worker());
      if (gen === generation) set({ trainer: { status: 'idle' } });
      return value;
    } catch (e) {
      if (gen === generation) set({ trainer: { status: 'error', message: errorMessage(e, S.failed) } });
      return undefined;
    }
  }

  /** Runs a data load with `dataStatus` loading; on failure the old dataset stays. */
  async function loading(what: Localized, fn: () => Promise<void>): Promise<void> {
    const gen = generation;
    set({ dataStatus: { status: 'loading', what, progress: null } });
    try {
      await fn();
    } catch (e) {
      if (gen === generation)
        set({ dataStatus: { status: 'error', message: errorMessage(e, S.loadFailed) } });
    }
  }

  function progressOf(what: Localized): (done: number, total: number | null) => void {
    return (done, total) =>
      set({
        dataStatus: { status: 'loading', what, progress: total !== null && total > 0 ? done / total : null },
      });
  }

  function useDataset(dataset: ImageDataset, skipped: TrainingStoreState['skipped'] = []): void {
    const split = splitDataset(dataset, effectiveSplit(dataset, get().splitOptions));
    set({ dataset, split, skipped, dataStatus: { status: 'ready' }, evaluation: null, cams: {} });
  }

  async function sendData(c: TrainerClient): Promise<number> {
    const { dataset, split, trainLimit, splitOptions } = get();
    if (!dataset || !split) throw Object.assign(new Error(S.noData.en), { localized: S.noData });
    const s = limitedSplit(dataset, split, trainLimit, splitOptions.seed);
    if (!sent || sent.dataset !== dataset || sent.split !== split || sent.trainLimit !== trainLimit) {
      const t = datasetTransfer(dataset, s);
      await c.request({ type: 'setData', dataset: t.dataset, split: t.split }, t.transfer);
      sent = { dataset, split, trainLimit };
    }
    return s.train.length;
  }

  /** A new current model: its progress, no batches or evaluation yet. */
  function freshModel(configured: ConfiguredInfo): void {
    set({ configured, progress: configured.progress, batches: [], epochs: [], evaluation: null, cams: {} });
  }

  /** Makes `model` the worker's current model (sending the data first, for evaluation). */
  async function loadModel(model: StoredModel): Promise<void> {
    closeRun();
    const configured = await busy(S.loadingModel, async (c) => {
      if (get().dataset) await sendData(c);
      return c.request({ type: 'load', model, config: get().config });
    });
    if (configured) freshModel(configured);
  }

  function modelMeta(name: string): Omit<StoredModelMeta, 'savedAt' | 'params' | 'inputSize'> {
    const { dataset, config, epochs } = get();
    const last = epochs[epochs.length - 1];
    const source = dataset?.source;
    const described = source?.kind === 'phantom' ? source.description.en : source ? source.name : '';
    return {
      name,
      classNames: dataset?.classNames ?? [],
      window: dataset?.window ?? null,
      spacingMm: dataset?.spacingMm ?? null,
      architecture: config.model,
      dataset: described,
      metrics: { auc: last?.validationAuc ?? null, accuracy: last?.validationAccuracy ?? null },
    };
  }

  return {
    ...INITIAL_TRAINING_STATE,

    async loadPhantom(spec) {
      await loading(S.generating, async () => {
        const gen = generation;
        const c = await worker();
        const dataset = await c.request({ type: 'makePhantom', spec });
        if (gen === generation) useDataset(dataset);
      });
    },

    async loadFiles(entries) {
      await loading(S.decoding, async () => {
        const gen = generation;
        const result = await importImageFiles(entries, {
          size: IMPORT_SIZE,
          onProgress: progressOf(S.decoding),
        });
        if (gen !== generation) return;
        if (!result.dataset) {
          const message = result.problem ?? S.noImages;
          set({ skipped: result.skipped, dataStatus: { status: 'error', message } });
          return;
        }
        useDataset(result.dataset, result.skipped);
      });
    },

    async loadZip(bytes, name) {
      let entries;
      try {
        entries = unzipEntries(bytes);
      } catch (e) {
        set({ dataStatus: { status: 'error', message: errorMessage(e, S.badZip(name)) } });
        return;
      }
      await get().loadFiles(entries);
    },

    async loadMedMnist(bytes, datasetId) {
      await loading(S.reading, async () => {
        const dataset = medMnistDataset(parseNpz(bytes), datasetId, { maxPerSplit: MEDMNIST_MAX_PER_SPLIT });
        useDataset(dataset);
      });
    },

    async downloadMedMnist(datasetId) {
      const info = MEDMNIST_DATASETS.find((d) => d.id === datasetId);
      if (!info) {
        set({ dataStatus: { status: 'error', message: S.unknownSet(datasetId) } });
        return;
      }
      let bytes: Uint8Array | null = null;
      await loading(S.downloading, async () => {
        // No IndexedDB (private mode): download every time.
        const cache: DatasetCache | null = await openDatasetCache().catch(() => null);
        bytes = cache ? await cache.get(info.url).catch(() => null) : null;
        try {
          if (!bytes) {
            bytes = await downloadWithProgress(info.url, { onProgress: progressOf(S.downloading) });
            await cache?.put(info.url, bytes).catch(() => {
              /* a full disk only costs the next download */
            });
          }
        } finally {
          cache?.close();
        }
      });
      if (bytes) await get().loadMedMnist(bytes, datasetId);
    },

    setSplitOptions(options) {
      const splitOptions = {
        ...get().splitOptions,
        ...options,
        fractions: { ...get().splitOptions.fractions, ...options.fractions },
      };
      const { dataset } = get();
      if (!dataset) {
        set({ splitOptions });
        return;
      }
      try {
        set({
          splitOptions,
          split: splitDataset(dataset, effectiveSplit(dataset, splitOptions)),
          evaluation: null,
        });
      } catch (e) {
        set({ dataStatus: { status: 'error', message: errorMessage(e, S.splitFailed) } });
      }
    },

    setTrainLimit(limit) {
      set({ trainLimit: limit === null ? null : Math.max(1, Math.floor(limit)) });
    },

    setConfig(config) {
      set({ config: { ...get().config, ...config } });
    },

    async train(label) {
      const gen = generation;
      const state = get().progress?.state;
      if (state === 'running' || state === 'paused') await get().stop();
      closeRun();
      await busy(S.building, async (c) => {
        const trainCount = await sendData(c);
        const config = get().config;
        const configured = await c.request({ type: 'configure', config });
        if (gen !== generation) return;
        runCounter += 1;
        openRun = { id: runCounter, label: label ?? S.runLabel(runCounter), config, trainCount };
        freshModel(configured);
        await c.request({ type: 'play' });
      });
    },

    async play() {
      await busy(S.playing, async (c) => {
        await c.request({ type: 'play' });
      });
    },

    async pause() {
      const progress = await busy(S.pausing, (c) => c.request({ type: 'pause' }));
      if (progress) set({ progress });
    },

    async step() {
      const progress = await busy(S.stepping, (c) => c.request({ type: 'step' }));
      if (progress) set({ progress });
    },

    async stop() {
      const progress = await busy(S.stopping, (c) => c.request({ type: 'stop' }));
      if (progress) set({ progress });
    },

    async evaluate(split) {
      const evaluation = await busy(S.evaluating, (c) => c.request({ type: 'evaluate', split }));
      if (evaluation) set({ evaluation });
    },

    async gradCam(indices, classIndex, method = 'grad-cam') {
      const cams = await busy(S.gradCam, (c) => c.request({ type: 'gradCam', indices, classIndex, method }));
      if (!cams) return;
      const next = { ...get().cams };
      for (const cam of cams) next[camKey(cam.index, cam.classIndex, cam.method)] = cam;
      set({ cams: next });
    },

    async saveModel(name) {
      const problem = validateModelName(name);
      if (problem) {
        set({ trainer: { status: 'error', message: problem } });
        return;
      }
      const saved = await busy(S.saving, (c) => c.request({ type: 'save', meta: modelMeta(name) }));
      if (saved) {
        // The zoo page and cnn-architecture may hold the old model under this name: drop it.
        forgetUserModel(name);
        await get().refreshModels();
      }
    },

    async exportModel() {
      const c = await worker();
      const { dataset } = get();
      const name = dataset?.source.kind === 'phantom' ? 'phantom-classifier' : 'classifier';
      return exportModelFiles(await c.request({ type: 'export', meta: modelMeta(name) }));
    },

    async importModel(modelJson, weights) {
      try {
        await loadModel(importModelFiles(modelJson, weights));
      } catch (e) {
        set({ trainer: { status: 'error', message: errorMessage(e, S.importFailed) } });
      }
    },

    async openModel(name) {
      try {
        const model = await withModelStore((m) => m.load(name));
        if (!model)
          throw Object.assign(new Error(S.noModel.en), { localized: fillBoth(S.noModel, { name }) });
        await loadModel(model);
      } catch (e) {
        set({ trainer: { status: 'error', message: errorMessage(e, S.openFailed) } });
      }
    },

    async deleteModel(name) {
      try {
        await withModelStore((m) => m.remove(name));
        forgetUserModel(name);
        await get().refreshModels();
      } catch (e) {
        set({ trainer: { status: 'error', message: errorMessage(e, S.deleteFailed) } });
      }
    },

    async refreshModels() {
      try {
        set({ savedModels: await withModelStore((m) => m.list()) });
      } catch (e) {
        set({ trainer: { status: 'error', message: errorMessage(e, S.listFailed) } });
      }
    },

    async workerTensors() {
      return (await worker()).request({ type: 'memory' });
    },

    reset() {
      generation += 1;
      client?.terminate();
      client = null;
      ready = null;
      sent = null;
      openRun = null;
      runCounter = 0;
      set({ ...INITIAL_TRAINING_STATE });
    },
  };
});
