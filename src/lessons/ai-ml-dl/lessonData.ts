/**
 * The phantom patches of the ai-ml-dl lesson and their hand-crafted features, built once per seed
 * (in chunks, so the page stays responsive) and shared by every widget of the lesson.
 */
import { computeBatchFeatures, type PatchFeatures } from '../../core/datasets/handcraftedFeatures';
import {
  chestCtLungPatch,
  makePhantomPatchDatasetAsync,
  type PatchGenerator,
  type PhantomPatchDataset,
} from '../../core/datasets/phantomPatchDataset';
import { PATCH_SIZE, TEST_SIZE, TRAIN_SIZES } from './aiMlDlData';

/** The generator of the lesson's patches. */
export const LESSON_PATCH_GENERATOR: PatchGenerator = chestCtLungPatch;

/** Everything the widgets need, plain arrays only. */
export interface LessonData {
  seed: number;
  dataset: PhantomPatchDataset;
  /** Features of every training patch (the pool of the largest training size). */
  trainFeatures: PatchFeatures[];
  /** Features of every test patch. */
  testFeatures: PatchFeatures[];
  /** Time to generate the patches, ms. */
  generateMs: number;
  /** Time to compute the features of all patches, ms. */
  featureMs: number;
  /** Mean time to compute the features of one patch, ms (`featureMs` over all patches). */
  featureMsPerPatch: number;
}

/** The state of one seed's data: a promise, the data once built, and build progress. */
export interface LessonDataEntry {
  promise: Promise<LessonData>;
  data: LessonData | null;
  /** Why building failed, or null. */
  error: string | null;
  progress: { done: number; total: number };
  listeners: Set<() => void>;
}

const cache = new Map<number, LessonDataEntry>();
const KEEP = 3;

async function build(seed: number, entry: Omit<LessonDataEntry, 'promise'>): Promise<LessonData> {
  const notify = () => entry.listeners.forEach((l) => l());
  const t0 = performance.now();
  const dataset = await makePhantomPatchDatasetAsync(
    {
      seed,
      trainSize: Math.max(...TRAIN_SIZES),
      testSize: TEST_SIZE,
      size: PATCH_SIZE,
      generator: LESSON_PATCH_GENERATOR,
    },
    (done, total) => {
      entry.progress = { done, total };
      notify();
    },
  );
  const t1 = performance.now();
  const trainFeatures = computeBatchFeatures(dataset.train.images, dataset.train.count, PATCH_SIZE);
  const testFeatures = computeBatchFeatures(dataset.test.images, dataset.test.count, PATCH_SIZE);
  const featureMs = performance.now() - t1;
  const data: LessonData = {
    seed,
    dataset,
    trainFeatures,
    testFeatures,
    generateMs: t1 - t0,
    featureMs,
    featureMsPerPatch: featureMs / (dataset.train.count + dataset.test.count),
  };
  entry.data = data;
  notify();
  return data;
}

/** Builds the lesson data of `seed`, or returns the entry already building or built. */
export function loadLessonData(seed: number): LessonDataEntry {
  const hit = cache.get(seed);
  if (hit) return hit;
  const partial: Omit<LessonDataEntry, 'promise'> = {
    data: null,
    error: null,
    progress: { done: 0, total: Math.max(...TRAIN_SIZES) + TEST_SIZE },
    listeners: new Set<() => void>(),
  };
  const entry: LessonDataEntry = Object.assign(partial, { promise: build(seed, partial) });
  entry.promise.catch((e: unknown) => {
    entry.error = e instanceof Error ? e.message : String(e);
    entry.listeners.forEach((l) => l());
  });
  cache.set(seed, entry);
  while (cache.size > KEEP) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return entry;
}

/** Subscribes to progress and completion of the data of `seed`; returns the unsubscribe function. */
export function subscribeLessonData(seed: number, listener: () => void): () => void {
  const entry = loadLessonData(seed);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}
