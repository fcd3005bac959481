import { describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import {
  CROP_REACH_PX,
  DIFFICULTY_PRESETS,
  makePhantomDataset,
  PhantomSpecError,
  phantomPreprocessing,
  SOLID_NODULE_CONTRAST_HU,
  type PhantomDatasetSpec,
} from '../../../../src/core/datasets/phantomTrainingSet';
import { buildTinyVgg } from '../../../../src/core/models/zooArchitectures';
import { classifierAuc, predictInBatches } from '../../../../src/core/training/zooMetrics';
import { startTf, layers, tf } from '../../helpers/tfBackend';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

const base: PhantomDatasetSpec = {
  task: 'nodule',
  count: 24,
  positiveFraction: 0.5,
  seed: 3,
  difficulty: DIFFICULTY_PRESETS.easy,
  imagesPerPatient: 1,
};
const spec = (over: Partial<PhantomDatasetSpec>): PhantomDatasetSpec => ({ ...base, ...over });
const image = (images: Float32Array, i: number, n = 64 * 64): Float32Array =>
  images.subarray(i * n, (i + 1) * n);
/** Lung window of the nodule task: HU → 0…1 (W 1500 / L −600, unclamped inside). */
const lungUnit = (hu: number): number => (hu + 600) / 1500 + 0.5;

describe('makePhantomDataset: shape, labels, patients', () => {
  it('makes count 64 × 64 images in 0…1 with exactly round(count · share) positives', () => {
    for (const [count, share] of [
      [24, 0.5],
      [30, 0.1],
      [37, 0.33],
    ] as const) {
      const d = makePhantomDataset(spec({ count, positiveFraction: share, imagesPerPatient: 4 }));
      expect(d.size).toBe(64);
      expect(d.count).toBe(count);
      expect(d.images.length).toBe(count * 4096);
      expect(d.labels.length).toBe(count);
      expect(d.labels.reduce((a, b) => a + b, 0)).toBe(Math.round(count * share));
      expect(d.images.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(d.spacingMm).toBe(0.7);
      expect(d.presetSplit).toBeNull();
      expect(d.classNames.map((c) => c.en)).toEqual(['no nodule', 'nodule']);
    }
  });

  it('groups images by patient: one label per patient, at most imagesPerPatient each, contiguous ids', () => {
    const count = 37;
    const m = 4;
    const d = makePhantomDataset(spec({ count, positiveFraction: 0.3, imagesPerPatient: m }));
    const ids = d.patientIds!;
    const positives = Math.round(count * 0.3); // 11 → patients 4+4+3; negatives 26 → 4·6+2
    const patients = Math.ceil(positives / m) + Math.ceil((count - positives) / m);
    expect(Math.max(...ids) + 1).toBe(patients);
    // Ids appear in order 0, 1, 2… and each patient's images are back to back.
    for (let i = 1; i < count; i++) expect([0, 1]).toContain((ids[i] as number) - (ids[i - 1] as number));
    for (let p = 0; p < patients; p++) {
      const mine = [...ids.keys()].filter((i) => ids[i] === p);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(m);
      expect(new Set(mine.map((i) => d.labels[i])).size).toBe(1);
    }
    // The patients are shuffled by the seed, not laid out positives first.
    const orders = [1, 2, 3, 4, 5].map((seed) =>
      makePhantomDataset(spec({ count, seed, positiveFraction: 0.3, imagesPerPatient: m })).labels.join(''),
    );
    expect(new Set(orders).size).toBe(5);
    expect(orders.filter((o) => o.startsWith('1')).length).toBeLessThan(5);
  });

  it('crops one patient’s images from one field: similar but not identical (noise 0: exact shifts)', () => {
    const d = makePhantomDataset(
      spec({ count: 12, imagesPerPatient: 3, difficulty: { ...DIFFICULTY_PRESETS.easy, noiseHu: 0 } }),
    );
    const k = CROP_REACH_PX.nodule;
    const ids = d.patientIds!;
    let identical = 0;
    for (let i = 1; i < d.count; i++) {
      if (ids[i] !== ids[i - 1]) continue;
      const a = image(d.images, i - 1);
      const b = image(d.images, i);
      if (a.every((v, j) => v === b[j])) identical++;
      // Some shift (sx, sy) within ±2k maps b onto a exactly on their overlap.
      let found = false;
      for (let sy = -2 * k; sy <= 2 * k && !found; sy++) {
        for (let sx = -2 * k; sx <= 2 * k && !found; sx++) {
          let same = true;
          for (let r = Math.max(0, -sy); r < Math.min(64, 64 - sy) && same; r++) {
            for (let c = Math.max(0, -sx); c < Math.min(64, 64 - sx); c++) {
              if (a[(r + sy) * 64 + c + sx] !== b[r * 64 + c]) {
                same = false;
                break;
              }
            }
          }
          found = same;
        }
      }
      expect(found).toBe(true);
    }
    expect(identical).toBeLessThan(3);
    // Different patients: not shifts of each other (patient 0 vs patient 1 differ broadly).
    const p0 = image(d.images, 0);
    const other = image(d.images, ids.indexOf(1));
    const differing = p0.reduce((s, v, j) => s + (Math.abs(v - (other[j] as number)) > 0.02 ? 1 : 0), 0);
    expect(differing).toBeGreaterThan(500);
  });

  it('regenerates bit for bit from the spec and changes with the seed', () => {
    const a = makePhantomDataset(spec({ task: 'haemorrhage', imagesPerPatient: 2 }));
    const b = makePhantomDataset(spec({ task: 'haemorrhage', imagesPerPatient: 2 }));
    const c = makePhantomDataset(spec({ task: 'haemorrhage', imagesPerPatient: 2, seed: 4 }));
    expect(a.images).toEqual(b.images);
    expect(a.labels).toEqual(b.labels);
    expect(a.patientIds).toEqual(b.patientIds);
    expect(a.images).not.toEqual(c.images);
    expect(a.source).toEqual({
      kind: 'phantom',
      description: {
        en: 'Phantom head CT slices: 24 images, 12 (50 %) with a haemorrhage, 12 patients (2 per patient); easy difficulty (lesions 8–14 mm, contrast ×1, noise 5 HU); seed 3.',
        zh: '模体头部 CT 切片：共 24 张图像，其中 12 张（50%）含出血；12 位患者（每位 2 张）；简单难度（病灶 8–14 毫米，对比度 ×1，噪声 5 HU）；随机种子 3。',
      },
    });
  });

  it('uses the zoo’s preprocessing of each task', () => {
    expect(phantomPreprocessing('nodule')).toEqual({ center: -600, width: 1500, size: 64, spacingMm: 0.7 });
    expect(phantomPreprocessing('haemorrhage')).toEqual({ center: 40, width: 80, size: 64, spacingMm: 3.75 });
  });

  it('refuses a bad spec with a Localized PhantomSpecError', () => {
    const bad: Partial<PhantomDatasetSpec>[] = [
      { count: 3 },
      { count: 10.5 },
      { positiveFraction: 0.01 },
      { positiveFraction: 0.96 },
      { imagesPerPatient: 0 },
      { difficulty: { lesionSizeMm: [8, 4], contrast: 1, noiseHu: 5 } },
      { difficulty: { lesionSizeMm: [4, 8], contrast: -1, noiseHu: 5 } },
      { difficulty: { lesionSizeMm: [4, 8], contrast: 1, noiseHu: -1 } },
    ];
    for (const over of bad) {
      let error: unknown;
      try {
        makePhantomDataset(spec(over));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PhantomSpecError);
      expect((error as PhantomSpecError).localized.zh.length).toBeGreaterThan(5);
    }
  });
});

describe('makePhantomDataset: lesion contrast and noise', () => {
  it('contrast 0 draws no lesion: the images do not depend on the labels', () => {
    const d = { ...DIFFICULTY_PRESETS.easy, contrast: 0 };
    const a = makePhantomDataset(spec({ count: 12, positiveFraction: 0.5, difficulty: d }));
    const b = makePhantomDataset(spec({ count: 12, positiveFraction: 0.25, difficulty: d }));
    expect(a.labels).not.toEqual(b.labels);
    expect(a.images).toEqual(b.images);
  });

  it('sets a nodule’s HU to lung + contrast · 910 HU (a plateau at that value where the images differ)', () => {
    expect(SOLID_NODULE_CONTRAST_HU).toBe(40 - -870);
    const quiet = { lesionSizeMm: [8, 10] as const, noiseHu: 0 };
    const none = makePhantomDataset(spec({ count: 16, difficulty: { ...quiet, contrast: 0 } }));
    for (const contrast of [1, 0.8]) {
      const d = makePhantomDataset(spec({ count: 16, difficulty: { ...quiet, contrast } }));
      // Solid above −300 HU: the inside of the nodule is flat at exactly its HU.
      const expected = lungUnit(-870 + contrast * 910);
      for (let i = 0; i < 16; i++) {
        const a = image(d.images, i);
        const b = image(none.images, i);
        const changed = a.reduce((s, v, j) => s + (v !== b[j] ? 1 : 0), 0);
        const plateau = a.reduce((s, v, j) => s + (v !== b[j] && Math.abs(v - expected) < 1e-4 ? 1 : 0), 0);
        if (d.labels[i] === 0) expect(changed).toBe(0);
        // An 8 mm nodule is ≈ 100 pixels at 0.7 mm; its flat inside (past the blurred edge) ≈ 30–40.
        else expect(plateau).toBeGreaterThan(15);
      }
    }
  });

  it('sets a bleed to brain + contrast · (zoo density − brain): a plateau in the scaled range', () => {
    const quiet = { lesionSizeMm: [8, 12] as const, noiseHu: 0 };
    const none = makePhantomDataset(
      spec({ task: 'haemorrhage', count: 12, difficulty: { ...quiet, contrast: 0 } }),
    );
    const d = makePhantomDataset(
      spec({ task: 'haemorrhage', count: 12, difficulty: { ...quiet, contrast: 0.5 } }),
    );
    // Zoo densities +50…+90 HU → 40 + 0.5·(10…50) = 45…65 HU → brain window (hu − 40)/80 + 0.5.
    const [low, high] = [(45 - 40) / 80 + 0.5, (65 - 40) / 80 + 0.5];
    for (let i = 0; i < 12; i++) {
      if (d.labels[i] === 0) continue;
      const a = image(d.images, i);
      const b = image(none.images, i);
      const counts = new Map<number, number>();
      a.forEach((v, j) => {
        if (v !== b[j]) counts.set(Math.round(v * 1e4), (counts.get(Math.round(v * 1e4)) ?? 0) + 1);
      });
      const [mode, n] = [...counts].reduce((best, e) => (e[1] > best[1] ? e : best), [0, 0]);
      expect(n).toBeGreaterThan(3);
      expect(mode / 1e4).toBeGreaterThanOrEqual(low - 1e-4);
      expect(mode / 1e4).toBeLessThanOrEqual(high + 1e-4);
    }
  });

  it('adds noise of σ noiseHu in a flat region', () => {
    const quiet = makePhantomDataset(
      spec({ count: 4, difficulty: { lesionSizeMm: [6, 8], contrast: 1, noiseHu: 0 } }),
    );
    const noisy = makePhantomDataset(
      spec({ count: 4, difficulty: { lesionSizeMm: [6, 8], contrast: 1, noiseHu: 40 } }),
    );
    const diff: number[] = [];
    for (let j = 0; j < noisy.images.length; j++) {
      const q = quiet.images[j] as number;
      const v = noisy.images[j] as number;
      if (q > 0.02 && q < 0.98 && v > 0 && v < 1) diff.push((v - q) * 1500); // back to HU
    }
    const mean = diff.reduce((a, b) => a + b, 0) / diff.length;
    const sd = Math.sqrt(diff.reduce((a, b) => a + (b - mean) ** 2, 0) / diff.length);
    expect(Math.abs(mean)).toBeLessThan(2);
    // Kernel-correlated noise: fewer independent samples than pixels, so a loose band.
    expect(sd).toBeGreaterThan(36);
    expect(sd).toBeLessThan(44);
  });
});

describe('the easy preset is learnable: TinyVGG, 400 images, 4 epochs, batch 32, Adam 1e-3', () => {
  startTf('wasm');

  it('reaches a validation AUC ≥ 0.9 on a separate set (timing reported)', async () => {
    const t0 = performance.now();
    const train = makePhantomDataset(spec({ count: 400, seed: 21 }));
    const validation = makePhantomDataset(spec({ count: 200, seed: 22 }));
    const t1 = performance.now();
    const aucs: number[] = [];
    await expectNoTensorLeak(tf, async () => {
      const model = buildTinyVgg(layers, 5);
      const optimizer = tf.train.adam(1e-3);
      model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy' });
      try {
        let state = 12345;
        const order = Int32Array.from({ length: train.count }, (_, i) => i);
        for (let epoch = 0; epoch < 4; epoch++) {
          for (let i = order.length - 1; i > 0; i--) {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j] as number, order[i] as number];
          }
          for (let start = 0; start < train.count; start += 32) {
            const n = Math.min(32, train.count - start);
            const xs = new Float32Array(n * 4096);
            const ys = new Float32Array(n);
            for (let k = 0; k < n; k++) {
              const idx = order[start + k] as number;
              xs.set(image(train.images, idx), k * 4096);
              ys[k] = train.labels[idx] as number;
            }
            const x = tf.tensor4d(xs, [n, 64, 64, 1]);
            const y = tf.tensor2d(ys, [n, 1]);
            try {
              await model.trainOnBatch(x, y);
            } finally {
              tf.dispose([x, y] as tfc.Tensor[]);
            }
          }
          const p = await predictInBatches(tf, model, validation.images, 64);
          aucs.push(classifierAuc(p, validation.labels, 2));
        }
      } finally {
        model.dispose();
        optimizer.dispose();
      }
    });
    const t2 = performance.now();
    console.info(
      `easy nodule: data ${((t1 - t0) / 1000).toFixed(1)} s, training + validation ${((t2 - t1) / 1000).toFixed(1)} s, validation AUC by epoch ${aucs.map((a) => a.toFixed(3)).join(', ')}`,
    );
    expect(aucs[3]).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});

describe('makePhantomDataset: the window it was made with', () => {
  it('records the task’s zoo window (lung W 1500 / L −600 HU, brain W 80 / L 40 HU) for saved models', () => {
    const nodule = makePhantomDataset(spec({ count: 4 }));
    expect(nodule.window).toEqual({ center: -600, width: 1500 });
    const head = makePhantomDataset(spec({ task: 'haemorrhage', count: 4 }));
    expect(head.window).toEqual({ center: 40, width: 80 });
    expect(head.spacingMm).toBe(3.75);
    // The same window as phantomPreprocessing, the one the images were mapped with.
    const p = phantomPreprocessing('haemorrhage');
    expect(head.window).toEqual({ center: p.center, width: p.width });
  });
});
