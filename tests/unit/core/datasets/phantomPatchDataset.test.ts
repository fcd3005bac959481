import { describe, expect, it } from 'vitest';
import { maxDotResponse } from '../../../../src/core/datasets/dotFilter';
import {
  chestCtLungPatch,
  discPatchHu,
  makePhantomPatchDataset,
  makePhantomPatchDatasetAsync,
  patchSeed,
  takeFirst,
  type PatchGenerator,
} from '../../../../src/core/datasets/phantomPatchDataset';

/** A generator whose patches record their seed and label: value = seed mod 1000 (+ 5000 with a lesion). */
const tagging: PatchGenerator = (seed, lesion, size) =>
  new Float32Array(size * size).fill((seed % 1000) + (lesion ? 5000 : 0));

describe('phantom patch dataset', () => {
  it('labels alternate 0, 1 in both splits; each patch comes from its own seed and its label', () => {
    const d = makePhantomPatchDataset({ seed: 3, trainSize: 6, testSize: 4, size: 4, generator: tagging });
    expect([...d.train.labels]).toEqual([0, 1, 0, 1, 0, 1]);
    expect([...d.test.labels]).toEqual([0, 1, 0, 1]);
    for (let i = 0; i < 6; i++) {
      expect(d.train.images[i * 16]).toBe((patchSeed(3, 0, i) % 1000) + (i % 2 ? 5000 : 0));
      expect(d.train.images[i * 16 + 15]).toBe(d.train.images[i * 16]);
    }
    expect(d.test.images[16]).toBe((patchSeed(3, 1, 1) % 1000) + 5000);
  });

  it('a smaller training set is a prefix of a larger one; the test set does not depend on it', () => {
    const small = makePhantomPatchDataset({ seed: 2, trainSize: 20, testSize: 10, size: 8 });
    const large = makePhantomPatchDataset({ seed: 2, trainSize: 60, testSize: 10, size: 8 });
    expect(small.train.images).toEqual(large.train.images.subarray(0, 20 * 64));
    expect(small.test.images).toEqual(large.test.images);
    const first = takeFirst(large.train, 20, 8);
    expect(first.count).toBe(20);
    expect(first.images).toEqual(small.train.images);
    expect(takeFirst(large.train, 1000, 8).count).toBe(60);
  });

  it('different dataset seeds and splits give different patches', () => {
    expect(
      new Set([patchSeed(1, 0, 0), patchSeed(2, 0, 0), patchSeed(1, 1, 0), patchSeed(1, 0, 1)]).size,
    ).toBe(4);
    const a = makePhantomPatchDataset({ seed: 1, trainSize: 2, testSize: 2, size: 8 });
    const b = makePhantomPatchDataset({ seed: 2, trainSize: 2, testSize: 2, size: 8 });
    expect(a.train.images).not.toEqual(b.train.images);
    expect(a.train.images).not.toEqual(a.test.images);
  });

  it('the async builder gives the same bytes, reports progress and can be aborted', async () => {
    const opts = { seed: 4, trainSize: 30, testSize: 12, size: 8 };
    const seen: number[] = [];
    const d = await makePhantomPatchDatasetAsync(opts, (done) => seen.push(done), undefined, 10);
    expect(d).toEqual(makePhantomPatchDataset(opts));
    expect(seen).toEqual([10, 20, 30, 40, 42]);
    const controller = new AbortController();
    const run = makePhantomPatchDatasetAsync(opts, () => controller.abort(), controller.signal, 10);
    await expect(run).rejects.toThrow();
  });

  it('the disc generator gives lung-like HU: background ≈ −850, the disc ≈ 0', () => {
    const bg = discPatchHu(9, false, 32);
    const mean = bg.reduce((a, b) => a + b, 0) / bg.length;
    expect(Math.abs(mean + 850)).toBeLessThan(15);
    const lesion = discPatchHu(9, true, 32);
    expect(Math.max(...lesion)).toBeGreaterThan(-200);
  });

  it('CT lung patches: HU within the CT range, seeded, and with a lesion a brighter round blob', () => {
    const a = chestCtLungPatch(11, true, 32);
    expect(a).toHaveLength(32 * 32);
    expect(chestCtLungPatch(11, true, 32)).toEqual(a);
    expect(chestCtLungPatch(12, true, 32)).not.toEqual(a);
    let blobWith = 0;
    let blobWithout = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const withNodule = chestCtLungPatch(seed, true, 32);
      const without = chestCtLungPatch(seed, false, 32);
      for (const v of [...withNodule, ...without]) {
        expect(v).toBeGreaterThanOrEqual(-1100);
        expect(v).toBeLessThanOrEqual(3100);
      }
      blobWith += maxDotResponse(withNodule, 32, 32, 4);
      blobWithout += maxDotResponse(without, 32, 32, 4);
    }
    expect(blobWith).toBeGreaterThan(1.2 * blobWithout);
  });
});
