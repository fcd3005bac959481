/**
 * Save → store → export → import round trip of a trained model: `artifacts()` →
 * `openModelStore(fake IndexedDB).save` → `load` → `exportModelFiles` → `importModelFiles` →
 * `TrainingSession.fromArtifacts` predicts exactly (bit for bit) as the original, and the bare
 * tfjs route (`tf.loadLayersModel(tf.io.fromMemory)`) agrees too.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  exportModelFiles,
  importModelFiles,
  openModelStore,
  type StoredModel,
} from '../../../../src/core/training/modelStore';
import { TrainingError } from '../../../../src/core/training/TrainingError';
import { TrainingSession } from '../../../../src/core/training/TrainingSession';
import type { ModelSpec } from '../../../../src/core/training/trainingTypes';
import { freshIndexedDb, installFakeIndexedDb } from '../../helpers/fakeIndexedDb';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';
import { firstSplit, toyConfig, toyDataset } from '../../helpers/trainingFixtures';

startTf('wasm');
installFakeIndexedDb();

const MODELS: [string, ModelSpec][] = [
  ['custom CNN', { kind: 'custom', blocks: 2, filters: 4, kernel: 3, dense: 8 }],
  ['TinyVGG', { kind: 'zoo', id: 'tiny-vgg', pretrained: false }],
  ['ResNet (a graph with skips)', { kind: 'zoo', id: 'resnet', pretrained: false }],
];

describe('model save/export/import round trip', () => {
  it.each(MODELS)('%s predicts bit for bit the same after the round trip', async (_, model) => {
    const size = 16;
    const data = toyDataset(24, size);
    const split = firstSplit(24, 16, 8);
    const config = toyConfig({ model, epochs: 2 });
    await expectNoTensorLeak(tf, async () => {
      const original = TrainingSession.create({ tf, layers }, data, split, config);
      let restored: TrainingSession | null = null;
      try {
        for (let i = 0; i < 3; i++) await original.step();
        const stored: StoredModel = {
          meta: {
            name: 'round trip',
            savedAt: new Date(0).toISOString(),
            classNames: data.classNames,
            inputSize: size,
            window: { center: -600, width: 1500 },
            spacingMm: 0.7,
            architecture: model,
            dataset: 'toy',
            metrics: { auc: 0.5, accuracy: 0.5 },
            params: original.params(),
          },
          artifacts: await original.artifacts(),
        };
        const idb = freshIndexedDb();
        const store = await openModelStore(idb);
        let loaded: StoredModel | null;
        try {
          await store.save(stored);
          loaded = await store.load('round trip');
        } finally {
          store.close();
        }
        expect(loaded).not.toBeNull();
        const files = exportModelFiles(loaded!);
        const imported = importModelFiles(files.modelJson, files.weights);
        expect(imported.meta).toEqual(stored.meta);
        expect(new Uint8Array(imported.artifacts.weightData)).toEqual(
          new Uint8Array(stored.artifacts.weightData),
        );

        restored = await TrainingSession.fromArtifacts(
          { tf, layers },
          imported.artifacts,
          data,
          split,
          config,
        );
        expect(restored.params()).toBe(original.params());
        const a = await original.evaluate('test');
        const b = await restored.evaluate('test');
        expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));

        // The model's own softmax output through plain tfjs, bit for bit.
        const bare = await layers.loadLayersModel(
          tf.io.fromMemory({
            modelTopology: imported.artifacts.modelTopology,
            weightSpecs: imported.artifacts.weightSpecs.map((s) => ({ ...s, shape: [...s.shape] })),
            weightData: imported.artifacts.weightData,
          }),
        );
        const x = tf.tensor4d(data.images.subarray(16 * size * size), [8, size, size, 1]);
        const ya = original.network.predict(x) as tfc.Tensor;
        const yb = bare.predict(x) as tfc.Tensor;
        expect(Array.from(yb.dataSync())).toEqual(Array.from(ya.dataSync()));
        tf.dispose([x, ya, yb]);
        bare.dispose();
        // The restored session trains on from the saved weights.
        const r = await restored.step();
        expect(Number.isFinite(r.batch.loss)).toBe(true);
      } finally {
        original.dispose();
        restored?.dispose();
      }
    });
  });

  it('refuses a stored model that does not fit the dataset, without leaking it', async () => {
    const data = toyDataset(12, 16);
    const split = firstSplit(12, 8, 4);
    const config = toyConfig();
    const s = TrainingSession.create({ tf, layers }, data, split, config);
    const artifacts = await s.artifacts();
    s.dispose();
    await expectNoTensorLeak(tf, async () => {
      const other = toyDataset(12, 8); // 8-pixel images: the 16-pixel model does not fit
      await expect(
        TrainingSession.fromArtifacts({ tf, layers }, artifacts, other, split, config),
      ).rejects.toThrow(TrainingError);
      const threeClasses = toyDataset(12, 16, 1, 3);
      await expect(
        TrainingSession.fromArtifacts({ tf, layers }, artifacts, threeClasses, split, config),
      ).rejects.toThrow(/3 classes/);
    });
  });
});
