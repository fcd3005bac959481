/**
 * The model store on fake-indexeddb (save/list/load/remove), the tfjs layers-model files
 * (export → import byte for byte, and `tf.loadLayersModel` of the exported files predicts as the
 * original), and the validation errors.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { buildTinyVgg } from '../../../../src/core/models/zooArchitectures';
import {
  ModelImportError,
  ModelStoreError,
  exportModelFiles,
  importModelFiles,
  modelBaseName,
  openModelStore,
  validateModelName,
  type ModelArtifactsPlain,
  type StoredModel,
  type StoredModelMeta,
} from '../../../../src/core/training/modelStore';
import { freshIndexedDb, installFakeIndexedDb } from '../../helpers/fakeIndexedDb';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');
installFakeIndexedDb();

/** The model's artifacts, as `model.save` hands them to a save handler. */
async function artifactsOf(model: tfl.LayersModel): Promise<ModelArtifactsPlain> {
  let out: ModelArtifactsPlain | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      if (!a.weightSpecs || !a.weightData) throw new Error('no weights');
      out = {
        modelTopology: a.modelTopology as object,
        weightSpecs: a.weightSpecs.map(({ name, shape, dtype }) => ({
          name,
          shape,
          dtype: dtype as 'float32' | 'int32' | 'bool',
        })),
        weightData: tf.io.CompositeArrayBuffer.join(a.weightData),
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
    }),
  );
  if (!out) throw new Error('not saved');
  return out;
}

function meta(name: string, savedAt: string, over: Partial<StoredModelMeta> = {}): StoredModelMeta {
  return {
    name,
    savedAt,
    classNames: [
      { en: 'no lesion', zh: '无病灶' },
      { en: 'lesion', zh: '病灶' },
    ],
    inputSize: 16,
    window: { center: 40, width: 400 },
    spacingMm: 0.7,
    architecture: { kind: 'zoo', id: 'tiny-vgg', pretrained: false },
    dataset: 'phantom lesions, 200 images',
    metrics: { auc: 0.91, accuracy: 0.85 },
    params: 0,
    ...over,
  };
}

/** A small artifacts object without tfjs: one dense 4→2 kernel + bias (10 floats, 40 bytes). */
function tinyArtifacts(seed: number): ModelArtifactsPlain {
  const values = Float32Array.from({ length: 10 }, (_, i) => seed + i / 8);
  return {
    modelTopology: { class_name: 'Sequential', config: { name: 'tiny', layers: [] } },
    weightSpecs: [
      { name: 'dense/kernel', shape: [4, 2], dtype: 'float32' },
      { name: 'dense/bias', shape: [2], dtype: 'float32' },
    ],
    weightData: values.buffer,
  };
}

async function importError(json: string, weights: ArrayBuffer): Promise<ModelImportError> {
  try {
    importModelFiles(json, weights);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelImportError);
    expect((e as ModelImportError).localizedMessage.zh.length).toBeGreaterThan(0);
    return e as ModelImportError;
  }
  throw new Error('expected a ModelImportError');
}

describe('openModelStore', () => {
  it('saves, lists newest first, loads byte for byte, replaces and removes', async () => {
    const store = await openModelStore(freshIndexedDb());
    expect(await store.list()).toEqual([]);
    expect(await store.load('none')).toBeNull();
    const a: StoredModel = {
      meta: meta('first', '2024-05-01T10:00:00.000Z', { params: 10 }),
      artifacts: tinyArtifacts(1),
    };
    const b: StoredModel = {
      meta: meta('second', '2024-05-02T10:00:00.000Z', { params: 10 }),
      artifacts: tinyArtifacts(2),
    };
    await store.save(a);
    await store.save(b);
    expect((await store.list()).map((m) => m.name)).toEqual(['second', 'first']);
    expect(await store.list()).toEqual([b.meta, a.meta]);
    const back = await store.load('first');
    expect(back?.meta).toEqual(a.meta);
    expect(back?.artifacts.modelTopology).toEqual(a.artifacts.modelTopology);
    expect(back?.artifacts.weightSpecs).toEqual(a.artifacts.weightSpecs);
    expect(new Uint8Array(back?.artifacts.weightData ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array(a.artifacts.weightData),
    );
    // Replacing 'first' with a newer save moves it to the top.
    await store.save({ ...a, meta: { ...a.meta, savedAt: '2024-05-03T10:00:00.000Z' } });
    expect((await store.list()).map((m) => m.name)).toEqual(['first', 'second']);
    await store.remove('first');
    await store.remove('absent');
    expect((await store.list()).map((m) => m.name)).toEqual(['second']);
    expect(await store.load('first')).toBeNull();
    store.close();
  });

  it('refuses a bad name and weights that do not match their specs', async () => {
    const store = await openModelStore(freshIndexedDb());
    await expect(
      store.save({ meta: meta(' padded', 'x'), artifacts: tinyArtifacts(0) }),
    ).rejects.toBeInstanceOf(ModelStoreError);
    const short = { ...tinyArtifacts(0), weightData: new ArrayBuffer(36) };
    await expect(store.save({ meta: meta('ok', 'x'), artifacts: short })).rejects.toThrow(
      'weights.bin holds 36 bytes but model.json describes 40',
    );
    expect(await store.list()).toEqual([]);
  });
});

describe('validateModelName', () => {
  it('accepts 1–80 characters without edge spaces or control characters', () => {
    expect(validateModelName('Lesion CNN v2')).toBeNull();
    expect(validateModelName('肺结节分类器')).toBeNull();
    expect(validateModelName('x'.repeat(80))).toBeNull();
    expect(validateModelName('😀'.repeat(80))).toBeNull(); // 80 code points, 160 UTF-16 units
    expect(validateModelName('')?.en).toBe('Give the model a name.');
    expect(validateModelName('   ')?.en).toBe('Give the model a name.');
    expect(validateModelName(' a')).not.toBeNull();
    expect(validateModelName('x'.repeat(81))?.en).toBe('The name is 81 characters long; use at most 80.');
    expect(validateModelName('a\tb')).not.toBeNull();
  });

  it('derives safe file base names', () => {
    expect(modelBaseName('Lesion CNN v2')).toBe('Lesion-CNN-v2');
    expect(modelBaseName('肺结节 / test')).toBe('肺结节-test');
    expect(modelBaseName('../..')).toBe('model');
  });
});

describe('exportModelFiles / importModelFiles', () => {
  it('round-trips a trained-in-the-lab model byte for byte, and tf.loadLayersModel opens the files', () =>
    expectNoTensorLeak(tf, async () => {
      const model = buildTinyVgg(layers, 3, 16, 2);
      try {
        const artifacts = await artifactsOf(model);
        const params = model.countParams();
        const stored: StoredModel = {
          meta: meta('Tiny VGG demo', '2024-05-01T10:00:00.000Z', { params }),
          artifacts,
        };
        const files = exportModelFiles(stored);
        expect(files.baseName).toBe('Tiny-VGG-demo');
        const json = JSON.parse(files.modelJson) as Record<string, unknown>;
        expect(json.format).toBe('layers-model');
        expect(json.convertedBy).toBeNull();
        expect(json.weightsManifest).toEqual([
          { paths: ['Tiny-VGG-demo.weights.bin'], weights: artifacts.weightSpecs.map((w) => ({ ...w })) },
        ]);
        expect(json.userDefinedMetadata).toEqual({ radiologyCnnLab: stored.meta });
        // Σ shape × 4 bytes = params × 4 for this all-float32 model.
        expect(files.weights.byteLength).toBe(params * 4);

        const back = importModelFiles(files.modelJson, files.weights);
        expect(back.meta).toEqual(stored.meta);
        expect(back.artifacts.modelTopology).toEqual(artifacts.modelTopology);
        expect(back.artifacts.weightSpecs).toEqual(artifacts.weightSpecs);
        expect(new Uint8Array(back.artifacts.weightData)).toEqual(new Uint8Array(artifacts.weightData));

        // What any tfjs app does with the two files (tf.io.browserFiles / http use this same path).
        const loaded = await layers.loadLayersModel({
          load: () =>
            tf.io.getModelArtifactsForJSON(JSON.parse(files.modelJson) as never, async (manifest) => [
              manifest[0]?.weights ?? [],
              files.weights,
            ]),
        });
        try {
          await expectNoTensorLeak(tf, async () => {
            const x = tf.randomUniform([2, 16, 16, 1], 0, 1, 'float32', 7);
            const y0 = model.predict(x) as ReturnType<typeof tf.zeros>;
            const y1 = loaded.predict(x) as ReturnType<typeof tf.zeros>;
            const [a, b] = [await y0.data(), await y1.data()];
            tf.dispose([x, y0, y1]);
            expect(Array.from(b)).toEqual(Array.from(a));
          });
          expect((loaded.getUserDefinedMetadata() as { radiologyCnnLab?: unknown }).radiologyCnnLab).toEqual(
            stored.meta,
          );
        } finally {
          loaded.dispose();
        }
      } finally {
        model.dispose();
      }
    }));

  it('builds a default description from the topology when the metadata is missing', () =>
    expectNoTensorLeak(tf, async () => {
      const zoo = buildTinyVgg(layers, 1, 20, 3);
      const seq = layers.sequential({
        name: 'my_net',
        layers: [
          layers.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 5, padding: 'same' }),
          layers.layers.maxPooling2d({ poolSize: 2 }),
          layers.layers.flatten(),
          layers.layers.dense({ units: 6 }),
          layers.layers.dense({ units: 4, activation: 'softmax' }),
        ],
      });
      try {
        const cases = [
          [zoo, 20, 3, 'tiny_vgg', { kind: 'zoo', id: 'tiny-vgg', pretrained: false }],
          [seq, 12, 4, 'my_net', { kind: 'custom', blocks: 1, filters: 4, kernel: 5, dense: 6 }],
        ] as const;
        for (const [model, size, classes, name, architecture] of cases) {
          const a = await artifactsOf(model);
          // No userDefinedMetadata, no format (older tfjs files omit it).
          const json = JSON.stringify({
            modelTopology: a.modelTopology,
            weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }],
          });
          const back = importModelFiles(json, a.weightData);
          expect(back.meta.name).toBe(name);
          expect(back.meta.inputSize).toBe(size);
          expect(back.meta.classNames.map((c) => c.en)).toEqual(
            Array.from({ length: classes }, (_, i) => `class ${i + 1}`),
          );
          expect(back.meta.architecture).toEqual(architecture);
          expect(back.meta.params).toBe(model.countParams());
          expect(back.meta.metrics).toEqual({ auc: null, accuracy: null });
          expect(back.meta.window).toBeNull();
        }
      } finally {
        zoo.dispose();
        seq.dispose();
      }
    }));

  it('explains each invalid file', async () => {
    const good = exportModelFiles({
      meta: meta('m', 'x', { inputSize: 16, params: 10 }),
      artifacts: tinyArtifacts(0),
    });
    const parsed = () => JSON.parse(good.modelJson) as Record<string, unknown>;
    expect((await importError('{"format": "layers-model",', good.weights)).code).toBe('not-json');
    expect(
      (await importError(JSON.stringify({ ...parsed(), format: 'graph-model' }), good.weights)).code,
    ).toBe('not-layers-model');
    const twoGroups = {
      ...parsed(),
      weightsManifest: [
        { paths: ['a'], weights: [] },
        { paths: ['b'], weights: [] },
      ],
    };
    expect((await importError(JSON.stringify(twoGroups), good.weights)).code).toBe('weights-manifest');
    const sharded = { ...parsed(), weightsManifest: [{ paths: ['a', 'b'], weights: [] }] };
    expect((await importError(JSON.stringify(sharded), good.weights)).code).toBe('weights-manifest');
    const quantized = {
      ...parsed(),
      weightsManifest: [
        {
          paths: ['a'],
          weights: [{ name: 'k', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8' } }],
        },
      ],
    };
    expect((await importError(JSON.stringify(quantized), good.weights)).code).toBe('weight-spec');
    // 6,212 float32 values = 24,848 bytes; 1,200 given.
    const big = {
      ...parsed(),
      weightsManifest: [{ paths: ['a'], weights: [{ name: 'k', shape: [6212], dtype: 'float32' }] }],
    };
    const e = await importError(JSON.stringify(big), new ArrayBuffer(1200));
    expect(e.code).toBe('byte-length');
    expect(e.message).toContain('weights.bin holds 1,200 bytes but model.json describes 24,848');
  });

  it('checks the input shape, the metadata and the class count', () =>
    expectNoTensorLeak(tf, async () => {
      const rgb = layers.sequential({
        layers: [layers.layers.flatten({ inputShape: [8, 8, 3] }), layers.layers.dense({ units: 2 })],
      });
      const grey = layers.sequential({
        layers: [layers.layers.flatten({ inputShape: [8, 8, 1] }), layers.layers.dense({ units: 2 })],
      });
      try {
        const a = await artifactsOf(rgb);
        const files = exportModelFiles({ meta: meta('rgb', 'x', { inputSize: 8 }), artifacts: a });
        const e = await importError(files.modelJson, files.weights);
        expect(e.code).toBe('input-shape');
        expect(e.message).toContain('[null, 8, 8, 3]');

        const g = await artifactsOf(grey);
        const ok = exportModelFiles({ meta: meta('grey', 'x', { inputSize: 8 }), artifacts: g });
        expect(importModelFiles(ok.modelJson, ok.weights).meta.inputSize).toBe(8);
        const wrongSize = exportModelFiles({ meta: meta('grey', 'x', { inputSize: 16 }), artifacts: g });
        expect((await importError(wrongSize.modelJson, wrongSize.weights)).code).toBe('metadata');
        const damaged = JSON.parse(ok.modelJson) as {
          userDefinedMetadata: { radiologyCnnLab: Record<string, unknown> };
        };
        damaged.userDefinedMetadata.radiologyCnnLab.classNames = 'lesion';
        expect((await importError(JSON.stringify(damaged), ok.weights)).code).toBe('metadata');
        const threeNames = exportModelFiles({
          meta: meta('grey', 'x', {
            inputSize: 8,
            classNames: [
              { en: 'a', zh: '甲' },
              { en: 'b', zh: '乙' },
              { en: 'c', zh: '丙' },
            ],
          }),
          artifacts: g,
        });
        const e3 = await importError(threeNames.modelJson, threeNames.weights);
        expect(e3.code).toBe('class-count');
        expect(e3.message).toBe('model.json names 3 classes but the network has 2 outputs.');
      } finally {
        rgb.dispose();
        grey.dispose();
      }
    }));
});
