/**
 * The training store: event handling and runs with a scripted fake worker, then the real trainer
 * host in this thread (phantom → split → train one epoch → a run; evaluation; a bad .zip keeps
 * the dataset loaded before).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { absoluteZooBase } from '../../../../src/core/models/zooStorage';
import { TrainerClient, type TrainerClientPort } from '../../../../src/core/training/TrainerClient';
import { createInProcessTrainer } from '../../../../src/core/training/inProcessTrainer';
import type { TrainerEvent, TrainerMessage } from '../../../../src/core/training/trainerProtocol';
import type { TrainProgress } from '../../../../src/core/training/trainingTypes';
import type { ImageDataset } from '../../../../src/core/datasets/imageDataset';
import { writeNpz, type NpyArray } from '../../../../src/core/datasets/npy';
import { DIFFICULTY_PRESETS } from '../../../../src/core/datasets/phantomTrainingSet';
import { useBackendStore } from '../../../../src/ui/backendStore';
import { setTrainerFactory, useTrainingStore } from '../../../../src/ui/training/trainingStore';
import { expectGoodLocalized } from '../../helpers/chineseText';

const store = useTrainingStore;

/** A port whose replies come from `answer`; `emit` pushes events as the worker would. */
class FakePort implements TrainerClientPort {
  readonly sent: TrainerMessage[] = [];
  private readonly listeners = new Set<(e: { data: TrainerEvent }) => void>();
  terminated = false;
  constructor(private readonly answer: (m: TrainerMessage) => unknown) {}
  postMessage(message: TrainerMessage): void {
    this.sent.push(message);
    const value = this.answer(message);
    queueMicrotask(() => this.emit({ type: 'reply', id: message.id, value }));
  }
  addEventListener(_: 'message', l: (e: { data: TrainerEvent }) => void): void {
    this.listeners.add(l);
  }
  removeEventListener(_: 'message', l: (e: { data: TrainerEvent }) => void): void {
    this.listeners.delete(l);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(e: TrainerEvent): void {
    for (const l of [...this.listeners]) l({ data: e });
  }
}

function progress(state: TrainProgress['state'], stepsDone: number): TrainProgress {
  return {
    state,
    epoch: Math.ceil(stepsDone / 2),
    epochs: 2,
    batchInEpoch: ((stepsDone - 1) % 2) + 1,
    batchesPerEpoch: 2,
    stepsDone,
    stepsTotal: 4,
    trainMs: 10 * stepsDone,
    examplesPerSec: 100,
  };
}

/** A 4-image, 2-class dataset of 2 × 2 pixels. */
function tinyDataset(): ImageDataset {
  return {
    size: 2,
    count: 8,
    images: new Float32Array(32).map((_, i) => (i % 5) / 5),
    labels: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
    classNames: [
      { en: 'no lesion', zh: '无病灶' },
      { en: 'lesion', zh: '有病灶' },
    ],
    patientIds: null,
    presetSplit: null,
    spacingMm: null,
    source: { kind: 'phantom', description: { en: 'tiny', zh: '小' } },
  };
}

beforeEach(() => {
  useBackendStore.setState({ preference: 'wasm' });
  store.getState().reset();
});
afterEach(() => {
  store.getState().reset();
  setTrainerFactory(null);
});

describe('with a scripted worker', () => {
  let port: FakePort;
  beforeEach(() => {
    port = new FakePort((m) => {
      switch (m.type) {
        case 'init':
          return { backend: 'wasm', reason: 'user-choice', softwareGpu: false, attempts: [] };
        case 'makePhantom':
          return tinyDataset();
        case 'configure':
          return { params: 10, layers: [], progress: progress('ready', 0) };
        case 'stop':
          return progress('stopped', 1);
        default:
          return null;
      }
    });
    setTrainerFactory(() => new TrainerClient(port));
  });

  it('inits with the backend preference, splits, sends the data once, and records each run once', async () => {
    const s = store.getState;
    // A page served under a sub-path (this test runs in Node: the page's document is stood in for).
    vi.stubGlobal('document', { baseURI: 'https://lab.example/cnn/index.html' });
    await s().loadPhantom({
      task: 'nodule',
      count: 8,
      positiveFraction: 0.5,
      seed: 1,
      difficulty: DIFFICULTY_PRESETS.easy,
      imagesPerPatient: 1,
    });
    expect(port.sent[0]).toMatchObject({ type: 'init', backend: 'wasm' });
    // The worker fetches the zoo's weights itself: it gets the page's base as an absolute URL.
    const init = port.sent[0] as Extract<TrainerMessage, { type: 'init' }>;
    expect(init.zooBaseUrl).toBe(absoluteZooBase('https://lab.example/cnn/index.html'));
    vi.unstubAllGlobals();
    expect(s().backend?.backend).toBe('wasm');
    expect(s().dataStatus).toEqual({ status: 'ready' });
    const split = s().split!;
    // Every image in exactly one split.
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    s().setTrainLimit(2);
    await s().train({ en: 'small', zh: '小' });
    const setData = port.sent.filter((m) => m.type === 'setData');
    expect(setData).toHaveLength(1);
    const sentSplit = (setData[0] as Extract<TrainerMessage, { type: 'setData' }>).split;
    expect(sentSplit.train).toHaveLength(2);
    // Stratified: one image of each class.
    expect([...sentSplit.train].map((i) => tinyDataset().labels[i]).sort()).toEqual([0, 1]);
    expect(sentSplit.validation).toEqual(split.validation);
    expect(port.sent.map((m) => m.type).slice(-2)).toEqual(['configure', 'play']);
    expect(s().progress?.state).toBe('ready');

    const b = (step: number) => ({ step, epoch: Math.ceil(step / 2), loss: 1 / step, accuracy: 0.5 });
    port.emit({ type: 'progress', batches: [b(1)], progress: progress('running', 1) });
    port.emit({ type: 'progress', batches: [b(2)], progress: progress('running', 2) });
    const epoch = {
      epoch: 1,
      trainLoss: 0.75,
      trainAccuracy: 0.5,
      validationLoss: 0.7,
      validationAccuracy: 0.5,
      validationAuc: 0.5,
      trainMs: 20,
    };
    port.emit({ type: 'epoch', record: epoch, progress: progress('running', 2) });
    port.emit({ type: 'finished', batches: [b(3)], progress: progress('stopped', 3) });
    expect(s().batches.map((x) => x.step)).toEqual([1, 2, 3]);
    expect(s().epochs).toEqual([epoch]);
    expect(s().runs).toHaveLength(1);
    expect(s().runs[0]).toMatchObject({ id: 1, label: { en: 'small' }, trainCount: 2 });
    expect(s().runs[0]!.batches).toHaveLength(3);

    // A second run: data unchanged, so not sent again; the default label names the run.
    await s().train();
    expect(port.sent.filter((m) => m.type === 'setData')).toHaveLength(1);
    expect(s().batches).toEqual([]);
    port.emit({ type: 'finished', batches: [b(1)], progress: progress('done', 4) });
    expect(s().runs.map((r) => r.label.en)).toEqual(['small', 'Run 2']);
    expectGoodLocalized('runs[1].label', s().runs[1]!.label);

    // A new limit resends the data.
    s().setTrainLimit(null);
    await s().train();
    expect(port.sent.filter((m) => m.type === 'setData')).toHaveLength(2);

    port.emit({ type: 'error', error: { message: { en: 'Out of memory.', zh: '内存不足。' } } });
    expect(s().trainer).toEqual({ status: 'error', message: { en: 'Out of memory.', zh: '内存不足。' } });

    s().reset();
    expect(port.terminated).toBe(true);
    expect(s().dataset).toBeNull();
    expect(s().runs).toEqual([]);
  });

  it('downloads a MedMNIST file with progress (no IndexedDB here: no cache), then uses its official split', async () => {
    const n = { train: 4, val: 2, test: 2 };
    const arrays: Record<string, NpyArray> = {};
    for (const [k, count] of Object.entries(n)) {
      arrays[`${k}_images`] = {
        dtype: 'uint8',
        shape: [count, 28, 28],
        data: new Uint8Array(count * 784).fill(51),
        fortranOrder: false,
      };
      arrays[`${k}_labels`] = {
        dtype: 'uint8',
        shape: [count, 1],
        data: Uint8Array.from({ length: count }, (_, i) => i % 2),
        fortranOrder: false,
      };
    }
    const bytes = writeNpz(arrays);
    const seen: number[] = [];
    const fetchMock = vi.fn(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, 100));
          c.enqueue(bytes.slice(100));
          c.close();
        },
      });
      return new Response(body, { headers: { 'Content-Length': String(bytes.length) } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const off = store.subscribe((st) => {
      if (st.dataStatus.status === 'loading' && st.dataStatus.progress !== null)
        seen.push(st.dataStatus.progress);
    });
    try {
      await store.getState().downloadMedMnist('pneumoniamnist');
    } finally {
      off();
      vi.unstubAllGlobals();
    }
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toContain('pneumoniamnist.npz');
    expect(seen).toContain(100 / bytes.length);
    expect(seen[seen.length - 1]).toBe(1);
    const s = store.getState();
    expect(s.dataStatus).toEqual({ status: 'ready' });
    expect(s.dataset?.count).toBe(8);
    expect(s.dataset?.images[0]).toBeCloseTo(51 / 255, 6);
    // The official split (usePreset by default): images in file order train, val, test.
    expect([...s.split!.train]).toEqual([0, 1, 2, 3]);
    expect([...s.split!.validation]).toEqual([4, 5]);
    expect([...s.split!.test]).toEqual([6, 7]);

    await store.getState().downloadMedMnist('nosuchmnist');
    expect(store.getState().dataStatus.status).toBe('error');
    expect(store.getState().dataset?.count).toBe(8);
  });

  it('saves the dataset’s window and pixel size in the model’s record (null when unknown)', async () => {
    const s = store.getState;
    const windowed = { ...tinyDataset(), window: { center: 40, width: 80 }, spacingMm: 3.75 };
    store.setState({ dataset: windowed });
    await s().saveModel('head model');
    const save = port.sent.find((m) => m.type === 'save') as Extract<TrainerMessage, { type: 'save' }>;
    expect(save.meta).toMatchObject({
      name: 'head model',
      window: { center: 40, width: 80 },
      spacingMm: 3.75,
    });
    port.sent.length = 0;
    store.setState({ dataset: tinyDataset() });
    await s().saveModel('plain model');
    const plain = port.sent.find((m) => m.type === 'save') as Extract<TrainerMessage, { type: 'save' }>;
    expect(plain.meta).toMatchObject({ window: null, spacingMm: null });
  });

  it('refuses a bad model name before asking the worker', async () => {
    await store.getState().saveModel('  ');
    const t = store.getState().trainer;
    expect(t.status).toBe('error');
    if (t.status === 'error') expectGoodLocalized('name', t.message);
    expect(port.sent).toEqual([]);
  });

  it('refuses to train without data, with a message in both languages', async () => {
    await store.getState().train();
    const t = store.getState().trainer;
    expect(t.status).toBe('error');
    if (t.status === 'error') expectGoodLocalized('noData', t.message);
  });
});

describe('with the real trainer host in this thread', () => {
  const disposers: (() => void)[] = [];
  beforeEach(() => {
    setTrainerFactory(() => {
      const t = createInProcessTrainer();
      disposers.push(t.dispose);
      return t.client;
    });
  });
  afterEach(() => {
    store.getState().reset();
    for (const d of disposers.splice(0)) d();
  });

  it('phantom → patient-level split → one epoch → a run; a bad .zip keeps the dataset', async () => {
    const s = store.getState;
    await s().loadPhantom({
      task: 'nodule',
      count: 48,
      positiveFraction: 0.5,
      seed: 5,
      difficulty: DIFFICULTY_PRESETS.easy,
      imagesPerPatient: 2,
    });
    expect(s().dataStatus).toEqual({ status: 'ready' });
    const data = s().dataset!;
    expect(data.count).toBe(48);
    const split = s().split!;
    const where = new Map<number, string>();
    for (const name of ['train', 'validation', 'test'] as const) {
      for (const i of split[name]) {
        const p = data.patientIds![i]!;
        // No patient in two splits.
        expect(where.get(p) ?? name).toBe(name);
        where.set(p, name);
      }
    }
    expect(split.train.length + split.validation.length + split.test.length).toBe(48);

    s().setConfig({
      model: { kind: 'custom', blocks: 1, filters: 2, kernel: 3, dense: 0 },
      optimizer: { kind: 'adam', learningRate: 0.01 },
      batchSize: 8,
      epochs: 1,
    });
    s().setTrainLimit(16);
    await s().train();
    await vi.waitFor(() => expect(s().runs).toHaveLength(1), { timeout: 60_000, interval: 50 });
    const run = s().runs[0]!;
    expect(run.trainCount).toBe(16);
    expect(s().progress?.state).toBe('done');
    expect(s().epochs).toHaveLength(1);
    const perEpoch = s().progress!.batchesPerEpoch;
    expect(run.batches.map((b) => b.step)).toEqual(Array.from({ length: perEpoch }, (_, i) => i + 1));
    expect(perEpoch).toBe(Math.ceil(16 / 8));
    for (const b of run.batches) expect(Number.isFinite(b.loss)).toBe(true);
    expect(s().trainer.status).toBe('idle');

    const tensors = await s().workerTensors();
    await s().evaluate('validation');
    const ev = s().evaluation!;
    expect([...ev.indices]).toEqual([...split.validation]);
    expect([...ev.labels]).toEqual([...split.validation].map((i) => data.labels[i]));
    expect(ev.probabilities).toHaveLength(split.validation.length * 2);
    for (let r = 0; r < split.validation.length; r++)
      expect(ev.probabilities[2 * r]! + ev.probabilities[2 * r + 1]!).toBeCloseTo(1, 5);
    expect(await s().workerTensors()).toBe(tensors);

    // Export, import back: the same probabilities.
    const files = await s().exportModel();
    expect(JSON.parse(files.modelJson)).toHaveProperty('modelTopology');
    // The nodule phantoms' lung window (W 1500 / L −600 HU) and 0.7 mm pixels ride in the record.
    expect(JSON.parse(files.modelJson).userDefinedMetadata.radiologyCnnLab).toMatchObject({
      window: { center: -600, width: 1500 },
      spacingMm: 0.7,
    });
    await s().importModel(files.modelJson, files.weights);
    expect(s().trainer.status).toBe('idle');
    expect(s().configured?.params).toBeGreaterThan(0);
    await s().evaluate('validation');
    expect([...s().evaluation!.probabilities]).toEqual([...ev.probabilities]);

    await s().loadZip(new Uint8Array([1, 2, 3, 4, 5]), 'broken.zip');
    const status = s().dataStatus;
    expect(status.status).toBe('error');
    if (status.status === 'error') expectGoodLocalized('zip error', status.message);
    expect(s().dataset).toBe(data);
    expect(s().split).toBe(split);

    // Files that are not images: the import fails, says why, lists them, keeps the data.
    const text = new TextEncoder().encode('not an image');
    await s().loadFiles([
      { path: 'normal/a.txt', bytes: text },
      { path: 'nodule/b.txt', bytes: text },
    ]);
    const after = s().dataStatus;
    expect(after.status).toBe('error');
    if (after.status === 'error') expectGoodLocalized('files error', after.message);
    expect(
      s()
        .skipped.map((f) => f.path)
        .sort(),
    ).toEqual(['nodule/b.txt', 'normal/a.txt']);
    expect(s().dataset).toBe(data);
  });
});
