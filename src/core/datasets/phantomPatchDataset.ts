/**
 * A seeded, balanced two-class dataset of small phantom patches for the ai-ml-dl lesson: class 1
 * holds a lesion, class 0 does not. The same patches feed the hand-crafted features and the small
 * CNN, so the two pipelines are compared on identical data.
 *
 * Patches are generated one by one from their own seed (derived from the dataset seed, the split
 * and the index), so the first n training patches are the same whatever the training-set size: a
 * smaller training set is a prefix of a larger one, and the test set never changes with it.
 * Labels alternate 0, 1, 0, 1…, so every even-sized prefix is exactly balanced.
 */
import { makeChestCtPatch } from '../imaging/phantoms/chestCtPatch';
import { CT_PATCH_SPACING_MM } from './ctPatchSpacing';
import { makeDiscBatch, mulberry32 } from './discPhantom';

/** Makes one `size × size` patch of HU values from a seed, with or without a lesion. */
export type PatchGenerator = (seed: number, lesion: boolean, size: number) => Float32Array;

/** Patches stored back to back (`count · size · size` HU values, row-major) with their labels. */
export interface PatchSet {
  images: Float32Array;
  /** 1 = lesion present, 0 = absent. */
  labels: Uint8Array;
  count: number;
}

/** A training and a test split of phantom patches. */
export interface PhantomPatchDataset {
  /** Patch side in pixels. */
  size: number;
  train: PatchSet;
  test: PatchSet;
}

/** Options of {@link makePhantomPatchDataset}. */
export interface PhantomPatchOptions {
  /** Dataset seed. Default 1. */
  seed?: number;
  /** Training patches. Default 800. */
  trainSize?: number;
  /** Test patches. Default 400. */
  testSize?: number;
  /** Patch side in pixels. Default 32. */
  size?: number;
  /** The patch generator. Default {@link discPatchHu}; the lesson uses {@link chestCtLungPatch}. */
  generator?: PatchGenerator;
}

/**
 * The seed of patch `index` of a split (0 = train, 1 = test): a 32-bit mix (the finaliser of
 * MurmurHash3, Appleby 2008) of the three numbers, so neighbouring seeds give unrelated patches.
 */
export function patchSeed(datasetSeed: number, split: 0 | 1, index: number): number {
  let h = (Math.imul(datasetSeed >>> 0, 0x9e3779b1) ^ Math.imul(split + 1, 0x85ebca6b) ^ index) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A simple, fast generator (the default, used by tests): the disc phantom of `discPhantom.ts`
 * mapped to lung-like HU,
 * `HU = −850 + 850·v` (background −850 HU with noise σ 0.1·850 = 85 HU, the disc about 0 HU).
 */
export const discPatchHu: PatchGenerator = (seed, lesion, size) => {
  const pair = makeDiscBatch(2, size, seed, 0.1);
  const n = size * size;
  const v = pair.images.subarray(lesion ? n : 0, lesion ? 2 * n : n);
  return Float32Array.from(v, (x) => -850 + 850 * x);
};

export { CT_PATCH_SPACING_MM };

/**
 * Lung patches from the chest-CT phantom ({@link makeChestCtPatch}: parenchyma with texture,
 * vessels running along and across the slice, CT blur and noise), in HU, taken inside the lung
 * (no chest wall).
 * With a lesion, the patch holds one nodule of diameter 4–10 mm (uniform), solid with probability
 * 3/4 and ground-glass otherwise, both drawn from a stream seeded by the patch seed. Vessels cut
 * across look like small round dots, so a single bright blob does not give the answer away.
 */
export const chestCtLungPatch: PatchGenerator = (seed, lesion, size) => {
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const diameterMm = 4 + 6 * rand();
  const kind = rand() < 0.75 ? 'solid' : 'ground-glass';
  return makeChestCtPatch({
    size,
    spacingMm: CT_PATCH_SPACING_MM,
    seed,
    chestWallProbability: 0,
    ...(lesion ? { nodule: { diameterMm, kind } } : {}),
  }).image;
};

function emptySplit(count: number, size: number): PatchSet {
  return { images: new Float32Array(count * size * size), labels: new Uint8Array(count), count };
}

/** Fills patch `i` of a split: label `i mod 2`, generated from {@link patchSeed}. */
function fillPatch(
  set: PatchSet,
  gen: PatchGenerator,
  seed: number,
  split: 0 | 1,
  i: number,
  size: number,
): void {
  const n = size * size;
  const label = i % 2;
  set.labels[i] = label;
  const patch = gen(patchSeed(seed, split, i), label === 1, size);
  if (patch.length !== n) throw new RangeError(`the generator returned ${patch.length} values, not ${n}`);
  set.images.set(patch, i * n);
}

function resolve(options: PhantomPatchOptions): Required<PhantomPatchOptions> {
  const { seed = 1, trainSize = 800, testSize = 400, size = 32, generator = discPatchHu } = options;
  return { seed, trainSize, testSize, size, generator };
}

/** Generates the dataset; see the module comment for how seeds, balance and prefixes work. */
export function makePhantomPatchDataset(options: PhantomPatchOptions = {}): PhantomPatchDataset {
  const { seed, trainSize, testSize, size, generator } = resolve(options);
  const train = emptySplit(trainSize, size);
  const test = emptySplit(testSize, size);
  for (let i = 0; i < trainSize; i++) fillPatch(train, generator, seed, 0, i, size);
  for (let i = 0; i < testSize; i++) fillPatch(test, generator, seed, 1, i, size);
  return { size, train, test };
}

/**
 * The same dataset as {@link makePhantomPatchDataset} (bit for bit), generated in chunks of
 * `chunk` patches with a macrotask yield between chunks so that a page stays responsive;
 * `onProgress(done, total)` follows every chunk. Rejects with the signal's reason when aborted.
 */
export async function makePhantomPatchDatasetAsync(
  options: PhantomPatchOptions = {},
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  chunk = 25,
): Promise<PhantomPatchDataset> {
  const { seed, trainSize, testSize, size, generator } = resolve(options);
  const train = emptySplit(trainSize, size);
  const test = emptySplit(testSize, size);
  const total = trainSize + testSize;
  for (let k = 0; k < total; k++) {
    if (k < trainSize) fillPatch(train, generator, seed, 0, k, size);
    else fillPatch(test, generator, seed, 1, k - trainSize, size);
    if ((k + 1) % chunk === 0 || k + 1 === total) {
      onProgress?.(k + 1, total);
      await new Promise((r) => setTimeout(r, 0));
      signal?.throwIfAborted();
    }
  }
  return { size, train, test };
}

/** The first `n` patches of a set (a view, no copy); `n` is clipped to the set. */
export function takeFirst(set: PatchSet, n: number, size: number): PatchSet {
  const count = Math.max(0, Math.min(set.count, Math.floor(n)));
  return {
    images: set.images.subarray(0, count * size * size),
    labels: set.labels.subarray(0, count),
    count,
  };
}
