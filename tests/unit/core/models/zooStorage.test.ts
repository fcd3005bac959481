/** Saving and loading zoo models: URLs, Node round trip, browser loader over fetch, manifest checks. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { getZooModel } from '../../../../src/core/models/zooCatalog';
import {
  absoluteZooBase,
  loadZooModel,
  manifestUrl,
  modelUrl,
  parseZooManifest,
  ZooLoadError,
} from '../../../../src/core/models/zooStorage';
import {
  loadModelFromDir,
  readManifestFromDir,
  saveModelToDir,
  writeManifestToDir,
} from '../../../../src/core/models/zooStorageNode';
import type { ZooManifest, ZooModelId } from '../../../../src/core/models/zooTypes';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

const root = mkdtempSync(join(tmpdir(), 'zoo-storage-'));

startTf('wasm');

afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllGlobals();
});

function manifestFor(id: ZooModelId, params: number, weightBytes: number): ZooManifest {
  return {
    id,
    task: getZooModel(id)!.task,
    data: { trainSeed: 1, trainSize: 10, validationSeed: 2, validationSize: 4 },
    training: {
      epochs: 1,
      batchSize: 2,
      optimizer: 'adam',
      learningRate: 0.001,
      initSeed: 3,
      backend: 'wasm',
      seconds: 0.1,
      log: [{ epoch: 1, loss: 0.7, validation: 0.5 }],
    },
    metrics: { auc: 0.5, accuracy: 0.5 },
    params,
    weightBytes,
    tfjs: tf.version_core,
    trainedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Every weight of a model as flat arrays, in order. */
function weightValues(model: tfl.LayersModel): { shape: number[]; values: Float32Array }[] {
  return model.getWeights().map((w) => ({ shape: w.shape, values: w.dataSync() as Float32Array }));
}

function predict(model: tfl.LayersModel, input: Float32Array): Float32Array {
  return tf.tidy(
    () => (model.predict(tf.tensor4d(input, [2, 64, 64, 1])) as tfc.Tensor).dataSync() as Float32Array,
  );
}

const input = Float32Array.from({ length: 2 * 64 * 64 }, (_, i) => 0.5 + 0.5 * Math.sin(i * 0.37));

describe('URLs', () => {
  it('put model.json and manifest.json under <base>models/<id>/', () => {
    expect(modelUrl('unet', '/')).toBe('/models/unet/model.json');
    // vite.config.ts builds with base './': URLs relative to the page.
    expect(modelUrl('unet', './')).toBe('./models/unet/model.json');
    expect(modelUrl('tiny-vgg', '/lab')).toBe('/lab/models/tiny-vgg/model.json');
    expect(manifestUrl('dae', 'https://example.org/app/')).toBe(
      'https://example.org/app/models/dae/manifest.json',
    );
    expect(modelUrl('mlp')).toBe(`${import.meta.env.BASE_URL}models/mlp/model.json`);
  });
});

describe('Node save → load round trip', () => {
  it.each(['tiny-vgg', 'unet'] as const)(
    '%s: identical topology, weights and predictions, no tensor growth',
    async (id) => {
      await expectNoTensorLeak(tf, async () => {
        const dir = join(root, id);
        const original = getZooModel(id)!.build(layers, 9);
        const files = await saveModelToDir(original, dir);
        expect(files.weightBytes).toBe(original.countParams() * 4);
        expect(readFileSync(join(dir, 'weights.bin')).byteLength).toBe(files.weightBytes);
        const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
          format: string;
          weightsManifest: { paths: string[] }[];
        };
        expect(json.format).toBe('layers-model');
        expect(json.weightsManifest[0]!.paths).toEqual(['weights.bin']);

        const loaded = await loadModelFromDir(dir);
        expect(loaded.layers.map((l) => l.name)).toEqual(original.layers.map((l) => l.name));
        const a = weightValues(original);
        const b = weightValues(loaded);
        // Variable names get a numeric suffix when a name is reused in one process: compare shapes.
        expect(b.map((w) => w.shape)).toEqual(a.map((w) => w.shape));
        a.forEach((w, k) =>
          expect(Buffer.from(b[k]!.values.buffer).equals(Buffer.from(w.values.buffer))).toBe(true),
        );
        expect(Array.from(predict(loaded, input))).toEqual(Array.from(predict(original, input)));
        original.dispose();
        loaded.dispose();
      });
    },
  );

  it('writes and reads back a manifest, and rejects one of another model or with missing fields', () => {
    const dir = join(root, 'manifest');
    const manifest = manifestFor('lenet5', 100, 400);
    writeManifestToDir(manifest, dir);
    expect(readManifestFromDir(dir, 'lenet5')).toEqual(manifest);
    expect(() => readManifestFromDir(dir, 'resnet')).toThrow(ZooLoadError);
    expect(() => parseZooManifest({ ...manifest, metrics: undefined }, 'lenet5')).toThrow(/no metrics/);
    expect(() => parseZooManifest({ ...manifest, data: { trainSeed: 1 } }, 'lenet5')).toThrow(/trainSize/);
    expect(() => parseZooManifest('nope', 'lenet5')).toThrow(/not an object/);
  });
});

describe('loadZooModel (browser loader, fetch served from a folder)', () => {
  /** A fetch that serves `<base>models/<id>/<file>` from `root/<id>/<file>`, and 404 otherwise. */
  function serveFrom(base: string) {
    const requested: string[] = [];
    const fetchStub = async (url: string | URL | Request) => {
      const path = String(url);
      requested.push(path);
      const prefix = `${base}models/`;
      if (!path.startsWith(prefix)) return new Response('not found', { status: 404 });
      try {
        return new Response(readFileSync(join(root, path.slice(prefix.length))), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    };
    vi.stubGlobal('fetch', fetchStub);
    return requested;
  }

  it('loads model.json, weights.bin and manifest.json under the base URL', async () => {
    const dir = join(root, 'resnet');
    const original = getZooModel('resnet')!.build(layers, 4);
    const files = await saveModelToDir(original, dir);
    writeManifestToDir(manifestFor('resnet', original.countParams(), files.weightBytes), dir);
    const requested = serveFrom('/lab/');
    await expectNoTensorLeak(tf, async () => {
      const { model, manifest } = await loadZooModel('resnet', '/lab/');
      expect(manifest.id).toBe('resnet');
      expect(model.countParams()).toBe(manifest.params);
      expect(Array.from(predict(model, input))).toEqual(Array.from(predict(original, input)));
      model.dispose();
    });
    expect(requested).toEqual(
      expect.arrayContaining([
        '/lab/models/resnet/model.json',
        '/lab/models/resnet/weights.bin',
        '/lab/models/resnet/manifest.json',
      ]),
    );
    original.dispose();
  });

  it('a missing model or manifest gives a ZooLoadError and leaves no tensor behind', async () => {
    serveFrom('/lab/');
    await expectNoTensorLeak(tf, async () => {
      await expect(loadZooModel('mobilenet', '/lab/')).rejects.toThrow(ZooLoadError);
      // Weights present, manifest missing: the loaded model is disposed again.
      const original = getZooModel('mlp')!.build(layers, 1);
      await saveModelToDir(original, join(root, 'mlp'));
      original.dispose();
      await expect(loadZooModel('mlp', '/lab/')).rejects.toThrow(/manifest of 'mlp' could not be fetched/);
    });
  });
});

describe('absoluteZooBase', () => {
  it('resolves the app base against the page, not the worker script (relative and absolute bases)', () => {
    expect(absoluteZooBase('https://lab.example/cnn/index.html', './')).toBe('https://lab.example/cnn/');
    expect(absoluteZooBase('https://lab.example/cnn/#/lesson/x', './')).toBe('https://lab.example/cnn/');
    expect(absoluteZooBase('https://lab.example/cnn/index.html', '/')).toBe('https://lab.example/');
    expect(absoluteZooBase('http://127.0.0.1:4173/', './')).toBe('http://127.0.0.1:4173/');
  });
});
