/**
 * The trainer host through the real protocol (client ⇄ MessageChannel ⇄ host, as with the worker):
 * init → setData → configure → play with progress/epoch/finished events → evaluate → pause, step,
 * stop → save to (fake) IndexedDB → errors, and no tensor left after dispose.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makePhantomDataset,
  type PhantomDatasetSpec,
} from '../../../../src/core/datasets/phantomTrainingSet';
import {
  createInProcessTrainer,
  type InProcessTrainer,
} from '../../../../src/core/training/inProcessTrainer';
import { openModelStore } from '../../../../src/core/training/modelStore';
import { datasetTransfer, TrainingError } from '../../../../src/core/training/TrainerClient';
import type { TrainerHostOptions } from '../../../../src/core/training/trainerHost';
import type { TrainerEvent } from '../../../../src/core/training/trainerProtocol';
import type {
  BatchRecord,
  ModelSpec,
  TrainableZooId,
  TrainConfig,
} from '../../../../src/core/training/trainingTypes';
import { buildClassifier } from '../../../../src/core/training/buildClassifier';
import type { StoredModel } from '../../../../src/core/training/modelStore';
import { freshIndexedDb, installFakeIndexedDb } from '../../helpers/fakeIndexedDb';
import { tensorCounts } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';
import { firstSplit, toyConfig, toyDataset } from '../../helpers/trainingFixtures';

startTf('wasm');
installFakeIndexedDb();

let trainer: InProcessTrainer | null = null;
let counts: ReturnType<typeof tensorCounts>;
beforeEach(() => {
  counts = tensorCounts(tf);
});
// Disposing the trainer frees every tensor the host made.
afterEach(() => {
  trainer?.dispose();
  trainer = null;
  expect(tensorCounts(tf)).toEqual(counts);
});

/** A started trainer with the toy data set, and every event it pushes. */
async function ready(options: TrainerHostOptions = {}, count = 40, train = 24, validation = 8) {
  trainer = createInProcessTrainer(options);
  const { client } = trainer;
  const events: TrainerEvent[] = [];
  client.on((e) => events.push(e));
  const report = await client.request({ type: 'init', backend: 'wasm' });
  expect(report.backend).toBe('wasm');
  const dataset = toyDataset(count);
  const t = datasetTransfer(dataset, firstSplit(count, train, validation));
  await client.request({ type: 'setData', dataset: t.dataset, split: t.split }, t.transfer);
  // The copies moved; the page's own arrays are intact.
  expect(t.dataset.images.length).toBe(0);
  expect(dataset.images.length).toBe(count * 64);
  return { client, events, dataset };
}

const finished = (events: TrainerEvent[]) =>
  new Promise<void>((resolve) => {
    const poll = () => (events.some((e) => e.type === 'finished') ? resolve() : setTimeout(poll, 5));
    poll();
  });

const until = (events: TrainerEvent[], test: (e: TrainerEvent) => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (events.some(test) ? resolve() : setTimeout(poll, 2));
    poll();
  });

const exportMeta = {
  name: 'm',
  classNames: [
    { en: 'a', zh: '甲' },
    { en: 'b', zh: '乙' },
  ],
  window: null,
  spacingMm: null,
  architecture: toyConfig().model,
  dataset: 'toy',
  metrics: { auc: null, accuracy: null },
};

function batchesOf(events: TrainerEvent[]): BatchRecord[] {
  return events.flatMap((e) => (e.type === 'progress' || e.type === 'finished' ? e.batches : []));
}

describe('trainerHost via createInProcessTrainer', () => {
  it('runs a whole training: every batch once and in order, an epoch event per epoch, then finished', async () => {
    const { client, events } = await ready();
    const before = await client.request({ type: 'memory' });
    const config: TrainConfig = toyConfig({ epochs: 4 });
    const info = await client.request({ type: 'configure', config });
    // conv 3·3·1·4+4 = 40, 3·3·4·4+4 = 148, flatten 4·4·4 = 64, logits 64·2+2 = 130.
    expect(info.params).toBe(40 + 148 + 130);
    expect(info.layers.map((l) => l.name)).toEqual([
      'input',
      'conv_1_1',
      'conv_1_2',
      'pool_1',
      'flatten',
      'logits',
      'probabilities',
    ]);
    expect(info.layers[3]).toEqual({ name: 'pool_1', kind: 'MaxPooling2D', outputShape: [null, 4, 4, 4] });
    expect(info.progress).toMatchObject({ state: 'ready', stepsDone: 0, stepsTotal: 12, batchesPerEpoch: 3 });
    expect(await client.request({ type: 'play' })).toBeNull();
    await finished(events);
    const batches = batchesOf(events);
    expect(batches.map((b) => b.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(batches.map((b) => b.epoch)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    const epochs = events.flatMap((e) => (e.type === 'epoch' ? [e.record] : []));
    expect(epochs.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
    // Each epoch event comes after its epoch's batches were sent.
    for (const e of events.filter((x) => x.type === 'epoch')) {
      const i = events.indexOf(e);
      const sent = batchesOf(events.slice(0, i));
      expect(sent[sent.length - 1]!.epoch).toBe(e.type === 'epoch' ? e.record.epoch : 0);
    }
    // The epoch's training figures are the (example-weighted) means of its batches (equal batches here).
    const mean = batches.slice(0, 3).reduce((a, b) => a + b.loss, 0) / 3;
    expect(epochs[0]!.trainLoss).toBeCloseTo(mean, 5);
    const last = events[events.length - 1]!;
    expect(last.type).toBe('finished');
    expect(last.type === 'finished' && last.progress.state).toBe('done');
    const ev = await client.request({ type: 'evaluate', split: 'validation' });
    expect(Array.from(ev.indices)).toEqual([24, 25, 26, 27, 28, 29, 30, 31]);
    expect(ev.probabilities.length).toBe(16);
    // play after the end is refused.
    await expect(client.request({ type: 'play' })).rejects.toBeInstanceOf(TrainingError);
    await client.request({ type: 'dispose' });
    expect(await client.request({ type: 'memory' })).toBe(before);
  });

  it('throttles progress events: with a long interval only the flushes before epoch events remain', async () => {
    const { client, events } = await ready({ progressIntervalMs: 1e9 });
    await client.request({ type: 'configure', config: toyConfig({ epochs: 3 }) });
    await client.request({ type: 'play' });
    await finished(events);
    expect(events.map((e) => e.type)).toEqual([
      'progress',
      'epoch',
      'progress',
      'epoch',
      'progress',
      'epoch',
      'finished',
    ]);
    expect(
      events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? e.batches.length : 0)),
    ).toEqual([3, 3, 3]);
  });

  it('pause stops after the current step, step runs exactly one, stop ends the run', async () => {
    const { client, events } = await ready();
    await client.request({ type: 'configure', config: toyConfig({ epochs: 500 }) });
    await client.request({ type: 'play' });
    await until(events, (e) => e.type === 'epoch');
    // Requests are served while it runs.
    const ev = await client.request({ type: 'evaluate', split: 'test' });
    expect(ev.indices.length).toBe(8);
    await expect(client.request({ type: 'configure', config: toyConfig() })).rejects.toThrow(/pause or stop/);
    await expect(client.request({ type: 'step' })).rejects.toThrow(/pause or stop/);
    const paused = await client.request({ type: 'pause' });
    expect(paused.state).toBe('paused');
    // Everything up to the pause has been sent, and nothing comes after it.
    const sent = batchesOf(events);
    expect(sent[sent.length - 1]!.step).toBe(paused.stepsDone);
    const count = events.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(events.length).toBe(count);
    const stepped = await client.request({ type: 'step' });
    expect(stepped.stepsDone).toBe(paused.stepsDone + 1);
    expect(stepped.state).toBe('paused');
    expect(batchesOf(events).at(-1)!.step).toBe(stepped.stepsDone);
    await client.request({ type: 'play' });
    await until(
      events,
      (e) => e.type === 'progress' && e.batches.some((b) => b.step > stepped.stepsDone + 3),
    );
    const stopped = await client.request({ type: 'stop' });
    expect(stopped.state).toBe('stopped');
    expect(stopped.stepsDone).toBeLessThan(stopped.stepsTotal);
    const fin = events.filter((e) => e.type === 'finished');
    expect(fin).toHaveLength(1);
    expect(batchesOf(events).map((b) => b.step)).toEqual(
      Array.from({ length: stopped.stepsDone }, (_, i) => i + 1),
    );
    await expect(client.request({ type: 'play' })).rejects.toThrow(/ended/);
    await expect(client.request({ type: 'step' })).rejects.toThrow(/ended/);
    // The stopped model keeps its weights: it can still be evaluated.
    expect((await client.request({ type: 'evaluate', split: 'validation' })).probabilities.length).toBe(16);
  });

  it('saves the model to IndexedDB with its metadata, and exports it', async () => {
    const idb = freshIndexedDb();
    const { client } = await ready({ modelStoreFactory: idb });
    await client.request({ type: 'configure', config: toyConfig({ epochs: 1 }) });
    await client.request({ type: 'step' });
    const meta = { ...exportMeta, name: 'toy model' };
    const saved = await client.request({ type: 'save', meta });
    expect(saved).toMatchObject({ ...meta, params: 318, inputSize: 8 });
    expect(Number.isNaN(Date.parse(saved.savedAt))).toBe(false);
    const store = await openModelStore(idb);
    try {
      const loaded = await store.load('toy model');
      expect(loaded?.meta).toEqual(saved);
      expect(loaded?.artifacts.weightData.byteLength).toBe(318 * 4);
    } finally {
      store.close();
    }
    const exported = await client.request({ type: 'export', meta });
    expect(exported.artifacts.weightData.byteLength).toBe(318 * 4);
    await expect(client.request({ type: 'save', meta: { ...meta, name: ' ' } })).rejects.toThrow(/name/);
  });

  it('fine-tunes from pretrained weights: conv layers copied, the source freed', async () => {
    let source: ReturnType<typeof buildClassifier> | null = null;
    const loadPretrained = async (id: TrainableZooId) => {
      // The "zoo" model: another class count, so its logits must not be copied.
      source = buildClassifier(
        layers,
        { kind: 'zoo', id, pretrained: false },
        { size: 16, classes: 3, seed: 42 },
      );
      return source;
    };
    const { client } = await ready({ loadPretrained }, 16, 16, 0);
    // toyDataset(count) is 8-pixel: replace it by a 16-pixel one for TinyVGG.
    const data16 = toyDataset(16, 16);
    await client.request({ type: 'setData', dataset: data16, split: firstSplit(16, 16, 0) });
    const model: ModelSpec = { kind: 'zoo', id: 'tiny-vgg', pretrained: false };
    await client.request({ type: 'configure', config: toyConfig({ model }) });
    const memoryScratch = await client.request({ type: 'memory' });
    const scratch = await client.request({ type: 'export', meta: exportMeta });
    await client.request({ type: 'configure', config: toyConfig({ model: { ...model, pretrained: true } }) });
    expect(await client.request({ type: 'memory' })).toBe(memoryScratch); // the source was disposed
    const tuned = await client.request({ type: 'export', meta: exportMeta });
    const weightsOf = (m: StoredModel, name: string) => {
      let offset = 0;
      for (const spec of m.artifacts.weightSpecs) {
        const n = spec.shape.reduce((a, b) => a * b, 1);
        if (spec.name === name) return Array.from(new Float32Array(m.artifacts.weightData, offset * 4, n));
        offset += n;
      }
      throw new Error(`no weight ${name}`);
    };
    expect(() => source!.getLayer('conv_2_2').getWeights()).toThrow(/disposed/); // freed by the host
    const reference = buildClassifier(layers, model, { size: 16, classes: 3, seed: 42 });
    try {
      const expected = Array.from(reference.getLayer('conv_2_2').getWeights()[0]!.dataSync());
      expect(weightsOf(tuned, 'conv_2_2/kernel')).toEqual(expected);
      expect(weightsOf(scratch, 'conv_2_2/kernel')).not.toEqual(expected);
      // The head is the fresh one (same seed as from scratch), not the source's.
      expect(weightsOf(tuned, 'logits/kernel')).toEqual(weightsOf(scratch, 'logits/kernel'));
    } finally {
      reference.dispose();
    }
  });

  it('makes phantom datasets in the host, equal to a direct call', async () => {
    trainer = createInProcessTrainer();
    const spec: PhantomDatasetSpec = {
      task: 'nodule',
      count: 6,
      positiveFraction: 0.5,
      seed: 3,
      difficulty: { lesionSizeMm: [6, 10], contrast: 1, noiseHu: 20 },
      imagesPerPatient: 1,
    };
    const got = await trainer.client.request({ type: 'makePhantom', spec });
    const direct = makePhantomDataset(spec);
    expect(got.count).toBe(6);
    expect(Array.from(got.labels)).toEqual(Array.from(direct.labels));
    expect(got.images).toEqual(direct.images);
    await expect(
      trainer.client.request({ type: 'makePhantom', spec: { ...spec, count: 1 } }),
    ).rejects.toBeInstanceOf(TrainingError);
  });

  it('answers bad requests with localized failures and keeps serving', async () => {
    trainer = createInProcessTrainer();
    const { client } = trainer;
    await client.request({ type: 'init', backend: 'wasm' });
    const noData = client.request({ type: 'configure', config: toyConfig() });
    await expect(noData).rejects.toThrow(/dataset first/);
    const error = await noData.catch((e: unknown) => e);
    expect((error as TrainingError).localized.zh).toMatch(/数据集/);
    await expect(client.request({ type: 'evaluate', split: 'test' })).rejects.toThrow(/no model yet/);
    const dataset = toyDataset(16);
    await client.request({ type: 'setData', dataset, split: firstSplit(16, 16, 0) });
    await client.request({
      type: 'configure',
      config: toyConfig({ model: { kind: 'zoo', id: 'mlp', pretrained: false } }),
    });
    await expect(client.request({ type: 'gradCam', indices: [0], classIndex: 1 })).rejects.toThrow(
      /Grad-CAM/,
    );
    // A diverging run stops itself with an error event.
    const events: TrainerEvent[] = [];
    client.on((e) => events.push(e));
    await client.request({
      type: 'configure',
      config: toyConfig({ optimizer: { kind: 'sgd', learningRate: 1e10 }, epochs: 50 }),
    });
    await client.request({ type: 'play' });
    await finished(events);
    const err = events.find((e) => e.type === 'error');
    expect(err && err.type === 'error' && err.error.message.en).toMatch(
      /loss became NaN at step 3.*learning rate/,
    );
    const fin = events.find((e) => e.type === 'finished');
    expect(fin && fin.type === 'finished' && fin.progress).toMatchObject({ state: 'stopped', stepsDone: 3 });
    // Still serving.
    expect(typeof (await client.request({ type: 'memory' }))).toBe('number');
  });

  it('rejects pending requests when the client is terminated', async () => {
    trainer = createInProcessTrainer();
    const pending = trainer.client.request({ type: 'init', backend: 'wasm' });
    trainer.client.terminate();
    await expect(pending).rejects.toBeInstanceOf(TrainingError);
    await expect(trainer.client.request({ type: 'memory' })).rejects.toThrow(/stopped/);
  });
});
