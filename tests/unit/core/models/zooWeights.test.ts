/**
 * The committed weights (public/models/<id>/, written by `npm run train-zoo`) match the code and
 * reproduce their manifests: parameter count, topology of a fresh build, and the validation metric
 * recomputed on the validation set regenerated from the manifest's seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as tfl from '@tensorflow/tfjs-layers';
import { makeZooTaskSet } from '../../../../src/core/datasets/zooTasks';
import { ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import { loadModelFromDir, readManifestFromDir } from '../../../../src/core/models/zooStorageNode';
import type { ZooManifest, ZooMetrics } from '../../../../src/core/models/zooTypes';
import { predictInBatches, zooMetricsOf } from '../../../../src/core/training/zooMetrics';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

const modelsDir = join(process.cwd(), 'public', 'models');
/** Largest difference between a recomputed metric and the manifest's (PSNR: dB). */
const TOLERANCE = 0.02;
/**
 * The MLP baseline is exempt from AUC ≥ 0.9: with no weight sharing, 2,000 patches are too few to
 * learn a detector for a nodule that may sit anywhere within 10 mm of the centre (it reaches
 * ≈ 0.8). It must still do clearly better than chance, and worse than TinyVGG on the same data.
 */
const MLP_MIN_AUC = 0.7;

startTf('wasm');

/** Layer names, output shapes and weight shapes: what must match between committed and built. */
function topology(model: tfl.LayersModel) {
  return model.layers.map((l) => ({
    name: l.name,
    className: l.getClassName(),
    output: JSON.stringify(l.outputShape),
    weights: l.getWeights().map((w) => w.shape),
  }));
}

describe('committed zoo weights', () => {
  it.each(ZOO_MODELS.map((m) => [m.id, m] as const))(
    '%s: matches the code and reproduces its manifest',
    async (_id, def) => {
      const dir = join(modelsDir, def.id);
      const manifest: ZooManifest = readManifestFromDir(dir, def.id);
      expect(manifest.task).toBe(def.task);
      expect(manifest.training.log).toHaveLength(manifest.training.epochs);
      expect(readFileSync(join(dir, 'weights.bin')).byteLength).toBe(manifest.weightBytes);
      const set = makeZooTaskSet(def.task, manifest.data.validationSeed, manifest.data.validationSize);
      await expectNoTensorLeak(tf, async () => {
        const model = await loadModelFromDir(dir);
        const fresh = def.build(layers, manifest.training.initSeed);
        try {
          expect(model.countParams()).toBe(manifest.params);
          expect(fresh.countParams()).toBe(manifest.params);
          expect(topology(model)).toEqual(topology(fresh));
          const outputs = await predictInBatches(tf, model, set.inputs, set.size);
          const metrics = zooMetricsOf(def.kind, set, outputs);
          const keys = Object.keys(manifest.metrics) as (keyof ZooMetrics)[];
          expect(Object.keys(metrics).sort()).toEqual([...keys].sort());
          for (const k of keys)
            expect(Math.abs(metrics[k]! - manifest.metrics[k]!)).toBeLessThanOrEqual(TOLERANCE);
          if (def.kind === 'classification') {
            expect(metrics.auc).toBeGreaterThanOrEqual(def.id === 'mlp' ? MLP_MIN_AUC : 0.9);
          }
          if (def.kind === 'segmentation') expect(metrics.dice).toBeGreaterThan(0.7);
          if (def.kind === 'denoising') expect(metrics.psnr).toBeGreaterThan(metrics.inputPsnr! + 1);
        } finally {
          model.dispose();
          fresh.dispose();
        }
      });
    },
  );

  it('the MLP baseline is worse than TinyVGG on the same validation patches', () => {
    const mlp = readManifestFromDir(join(modelsDir, 'mlp'), 'mlp');
    const vgg = readManifestFromDir(join(modelsDir, 'tiny-vgg'), 'tiny-vgg');
    expect(mlp.data.validationSeed).toBe(vgg.data.validationSeed);
    expect(mlp.metrics.auc!).toBeLessThan(vgg.metrics.auc!);
  });

  it('all weights together fit in 8 MB', () => {
    const total = ZOO_MODELS.reduce(
      (sum, m) => sum + readFileSync(join(modelsDir, m.id, 'weights.bin')).byteLength,
      0,
    );
    expect(total).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
});
