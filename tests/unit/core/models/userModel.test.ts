/**
 * A model trained in the browser as a zoo-like model: ids, the preprocessing mapping from its
 * record (window and spacing known or not), and the loader (fake IndexedDB, tfjs wasm): the loaded
 * runner predicts exactly as the saved model, `build` rebuilds its architecture (a backend copy
 * predicts the same), and the typed errors (not found, invalid name, a record that does not match
 * the weights), with no tensor left behind.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import {
  isUserModelId,
  pendingUserModelDef,
  USER_MODEL_DEFAULT_SPACING_MM,
  userModelDef,
  UserModelError,
  userModelId,
  userModelName,
  userModelPreprocessing,
} from '../../../../src/core/models/userModel';
import { loadStoredModel, loadUserModel, loadUserModelById } from '../../../../src/core/models/userModelLoad';
import { zooRunnerCopier } from '../../../../src/core/models/zooRunnerCopy';
import { getZooModel } from '../../../../src/core/models/zooCatalog';
import { buildClassifier } from '../../../../src/core/training/buildClassifier';
import { modelArtifacts } from '../../../../src/core/training/modelArtifacts';
import {
  openModelStore,
  type StoredModel,
  type StoredModelMeta,
} from '../../../../src/core/training/modelStore';
import type { ModelSpec } from '../../../../src/core/training/trainingTypes';
import { prepareZooInput } from '../../../../src/ui/zoo/prepareZooInput';
import { expectGoodLocalized } from '../../helpers/chineseText';
import { freshIndexedDb, installFakeIndexedDb } from '../../helpers/fakeIndexedDb';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');
installFakeIndexedDb();

const CUSTOM: ModelSpec = { kind: 'custom', blocks: 1, filters: 2, kernel: 3, dense: 0 };
const SIZE = 8;

function meta(over: Partial<StoredModelMeta> = {}): StoredModelMeta {
  return {
    name: 'nodules v2',
    savedAt: '2025-03-01T10:00:00.000Z',
    classNames: [
      { en: 'no nodule', zh: '无结节' },
      { en: 'nodule', zh: '结节' },
    ],
    inputSize: SIZE,
    window: { center: -600, width: 1500 },
    spacingMm: 0.7,
    architecture: CUSTOM,
    dataset: 'nodule phantoms',
    metrics: { auc: 0.91, accuracy: 0.84 },
    params: 0,
    ...over,
  };
}

/** A trained-here classifier (custom stack, seeded) and its stored form. */
async function stored(
  m: StoredModelMeta,
  seed = 3,
): Promise<{ model: tfl.LayersModel; stored: StoredModel }> {
  const model = buildClassifier(layers, m.architecture, {
    size: m.inputSize,
    classes: m.classNames.length,
    seed,
  });
  const artifacts = await modelArtifacts(tf, model);
  return { model, stored: { meta: { ...m, params: model.countParams() }, artifacts } };
}

/** A deterministic 0…1 image. */
function image(size: number, phase = 0): Float32Array {
  return Float32Array.from({ length: size * size }, (_, i) => 0.5 + 0.5 * Math.sin(i * 0.37 + phase));
}

function predict(model: tfl.LayersModel, x: Float32Array, size: number): Float32Array {
  return tf.tidy(
    () => (model.predict(tf.tensor4d(x, [1, size, size, 1])) as tfc.Tensor).dataSync() as Float32Array,
  );
}

describe('ids', () => {
  it('is user:<name> both ways, for valid names only', () => {
    expect(userModelId('结节 v2')).toBe('user:结节 v2');
    expect(userModelName('user:结节 v2')).toBe('结节 v2');
    expect(userModelName('tiny-vgg')).toBeNull();
    expect(userModelName('user:')).toBeNull();
    expect(userModelName('user: padded ')).toBeNull();
    expect(userModelName(`user:${'x'.repeat(81)}`)).toBeNull();
    expect(isUserModelId('user:a')).toBe(true);
    expect(isUserModelId('mlp')).toBe(false);
  });
});

describe('userModelDef / userModelPreprocessing', () => {
  it('takes the recorded window and spacing when known: the zoo’s lung patch preprocessing', () => {
    const def = userModelDef(meta());
    const lung = getZooModel('tiny-vgg')!.preprocessing;
    expect(def.id).toBe('user:nodules v2');
    expect(def.name).toEqual({ en: 'nodules v2', zh: 'nodules v2' });
    expect(def.kind).toBe('classification');
    expect(def.task).toBeUndefined();
    expect(def.classes.map((c) => c.en)).toEqual(['no nodule', 'nodule']);
    expect(def.preprocessing).toEqual({
      center: lung.center,
      width: lung.width,
      size: SIZE,
      spacingMm: lung.spacingMm,
      windowKnown: true,
      spacingKnown: true,
    });
    expect(def.user).toEqual({
      name: 'nodules v2',
      savedAt: '2025-03-01T10:00:00.000Z',
      dataset: 'nodule phantoms',
      metrics: { auc: 0.91, accuracy: 0.84 },
    });
    expectGoodLocalized('idea', def.idea);
  });

  it('without a window: the 0…1 identity and each slice’s own window; without spacing: 0.7 mm, flagged', () => {
    const p = userModelPreprocessing(meta({ window: null, spacingMm: null, inputSize: 28 }));
    expect(p).toEqual({
      center: 0.5,
      width: 1,
      size: 28,
      spacingMm: USER_MODEL_DEFAULT_SPACING_MM,
      windowKnown: false,
      spacingKnown: false,
    });
    expect(USER_MODEL_DEFAULT_SPACING_MM).toBe(0.7);
    // A degenerate recorded window counts as unknown.
    expect(userModelPreprocessing(meta({ window: { center: 0, width: 0 } })).windowKnown).toBe(false);
  });

  it('prepares a CT slice with the recorded window, and any slice with its own window when none was recorded', () => {
    // 4 × 4 CT slice at 0.7 mm: values −1350…+150 HU; the lung window maps −1350 → 0, +150 → 1.
    const values = Float32Array.from({ length: 16 }, (_, i) => -1350 + i * 100);
    const slice = {
      values,
      width: 4,
      height: 4,
      unit: 'HU',
      window: { center: 40, width: 400 },
      spacingMm: 0.7,
    };
    const known = prepareZooInput(slice, { ...userModelDef(meta({ inputSize: 4 })) });
    expect(known.windowFrom).toBe('model');
    expect(known.input[0]).toBeCloseTo(0, 6);
    expect(known.input[5]).toBeCloseTo((-850 + 1350) / 1500, 6);
    expect(known.input[15]).toBeCloseTo(1, 6);
    // Unknown window: the slice's own W 400 / L 40 (−160 → 0, 240 → 1), even though it is in HU.
    const unknown = prepareZooInput(slice, userModelDef(meta({ inputSize: 4, window: null })));
    expect(unknown.windowFrom).toBe('image');
    expect(unknown.preprocessing.center).toBe(40);
    expect(unknown.input[14]).toBeCloseTo((50 + 160) / 400, 6); // +50 HU
    expect(unknown.input[13]).toBeCloseTo((-50 + 160) / 400, 6); // −50 HU
    expect(unknown.input[0]).toBe(0); // −1350 HU, below −160
  });

  it('describes each architecture in both languages', () => {
    for (const architecture of [
      CUSTOM,
      { kind: 'custom', blocks: 2, filters: 4, kernel: 5, dense: 16 },
      { kind: 'zoo', id: 'tiny-vgg', pretrained: true },
      { kind: 'zoo', id: 'lenet5', pretrained: false },
    ] satisfies ModelSpec[]) {
      expectGoodLocalized(JSON.stringify(architecture), userModelDef(meta({ architecture })).idea);
    }
    expect(
      userModelDef(meta({ architecture: { kind: 'zoo', id: 'tiny-vgg', pretrained: true } })).idea.en,
    ).toContain('TinyVGG');
  });

  it('has a stand-in while the record loads', () => {
    const p = pendingUserModelDef('a');
    expect(p.id).toBe('user:a');
    expect(p.classes).toEqual([]);
    expect(() => p.build(layers)).toThrow(UserModelError);
  });
});

describe('loading a stored model', () => {
  it('predicts exactly as the saved model; build() rebuilds it for backend copies; no tensor left', async () => {
    const factory = freshIndexedDb();
    const m = meta();
    const { model, stored: s } = await stored(m);
    const store = await openModelStore(factory);
    await store.save(s);
    store.close();
    const x = image(SIZE);
    const expected = predict(model, x, SIZE);
    model.dispose();

    await expectNoTensorLeak(tf, async () => {
      const loaded = await loadUserModel('nodules v2', factory);
      try {
        expect(loaded.def.id).toBe('user:nodules v2');
        expect(loaded.meta.params).toBe(s.meta.params);
        expect(loaded.runner.inputSize).toBe(SIZE);
        const got = await loaded.runner.predict(x);
        expect([...got]).toEqual([...expected]);
        // Softmax of two classes.
        expect(got[0]! + got[1]!).toBeCloseTo(1, 6);
        const result = await loaded.runner.forwardAll(x);
        expect(result.outputs.map((o) => o.name)).toContain('logits');
        expect([...result.prediction.values]).toEqual([...expected]);
        // The architecture's copy with the runner's weights computes the same function.
        const copy = await zooRunnerCopier(loaded.def, loaded.runner)();
        try {
          expect([...(await copy.predict(x))]).toEqual([...expected]);
        } finally {
          copy.dispose();
        }
      } finally {
        loaded.runner.dispose();
      }
    });
    // By id too.
    const byId = await loadUserModelById('user:nodules v2', factory);
    byId.runner.dispose();
  });

  it('says what to do when the name is not stored, or not a name', async () => {
    const factory = freshIndexedDb();
    const missing = await loadUserModel('已删除的模型', factory).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserModelError);
    expect((missing as UserModelError).code).toBe('not-found');
    expect((missing as UserModelError).message).toContain('No saved model called “已删除的模型”');
    expect((missing as UserModelError).message).toContain('Models step');
    expectGoodLocalized('not found', (missing as UserModelError).localizedMessage);
    const bad = await loadUserModelById('user:', factory).catch((e: unknown) => e);
    expect((bad as UserModelError).code).toBe('invalid-name');
    expectGoodLocalized('invalid', (bad as UserModelError).localizedMessage);
    const notUser = await loadUserModelById('tiny-vgg', factory).catch((e: unknown) => e);
    expect((notUser as UserModelError).code).toBe('invalid-name');
  });

  it('refuses a record that does not match the weights, leaving no tensor', async () => {
    const { model, stored: s } = await stored(meta({ name: '结节模型' }));
    model.dispose();
    await expectNoTensorLeak(tf, async () => {
      const wrongSize = await loadStoredModel({ ...s, meta: { ...s.meta, inputSize: SIZE * 2 } }).catch(
        (e: unknown) => e,
      );
      expect((wrongSize as UserModelError).code).toBe('not-runnable');
      expectGoodLocalized('size', (wrongSize as UserModelError).localizedMessage);
      const threeClasses = await loadStoredModel({
        ...s,
        meta: { ...s.meta, classNames: [...s.meta.classNames, { en: 'other', zh: '其他' }] },
      }).catch((e: unknown) => e);
      expect((threeClasses as UserModelError).code).toBe('not-runnable');
      const broken = await loadStoredModel({
        ...s,
        artifacts: { ...s.artifacts, weightData: new ArrayBuffer(4) },
      }).catch((e: unknown) => e);
      expect((broken as UserModelError).code).toBe('not-runnable');
    });
  });
});
