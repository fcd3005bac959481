/**
 * The phantom patches of the linear-classifier step and their hand-crafted features, made once per
 * page: {@link CLASSIFIER_DATA}.count lung patches of the chest-CT phantom (half of them with a
 * nodule), generated from a fixed seed, and per patch the mean HU and three candidates for the
 * second feature. Generation yields to the page between chunks, so it never freezes it.
 */
import { computePatchFeatures } from '../../core/datasets/handcraftedFeatures';
import {
  chestCtLungPatch,
  makePhantomPatchDataset,
  makePhantomPatchDatasetAsync,
  type PhantomPatchDataset,
  type PhantomPatchOptions,
} from '../../core/datasets/phantomPatchDataset';

/** Seed, number and side (pixels) of the step's patches. */
export const CLASSIFIER_DATA = { seed: 1, count: 160, size: 32 } as const;

/**
 * The features offered as the second axis (the first is always the mean HU). The first one, the
 * blob (Hessian dot) filter designed for nodules, is the default: it is the one that separates the
 * classes best (the step's comparison table computes this for all three).
 */
export const SECOND_FEATURES = ['dotFilter', 'edgeDensity', 'sdHu'] as const;

/** The default second feature. */
export const DEFAULT_SECOND_FEATURE: SecondFeature = SECOND_FEATURES[0];

/** One of {@link SECOND_FEATURES}. */
export type SecondFeature = (typeof SECOND_FEATURES)[number];

/** True when `v` names one of {@link SECOND_FEATURES}. */
export function isSecondFeature(v: unknown): v is SecondFeature {
  return typeof v === 'string' && (SECOND_FEATURES as readonly string[]).includes(v);
}

/** The patches and their features, plain arrays only. */
export interface ClassifierData {
  size: number;
  count: number;
  /** The patches' HU values back to back (`count · size²`). */
  images: Float32Array;
  /** 1 = nodule, 0 = no nodule. */
  labels: Uint8Array;
  /** Mean HU of each patch. */
  meanHu: number[];
  /** The second-axis features of each patch. */
  second: Record<SecondFeature, number[]>;
  /** Time to generate the patches, ms. */
  generateMs: number;
  /** Time to compute their features, ms. */
  featureMs: number;
}

const OPTIONS: PhantomPatchOptions = {
  seed: CLASSIFIER_DATA.seed,
  trainSize: CLASSIFIER_DATA.count,
  testSize: 0,
  size: CLASSIFIER_DATA.size,
  generator: chestCtLungPatch,
};

function withFeatures(dataset: PhantomPatchDataset, generateMs: number): ClassifierData {
  const t0 = performance.now();
  const { size } = dataset;
  const { images, labels, count } = dataset.train;
  const n = size * size;
  const meanHu: number[] = [];
  const second: Record<SecondFeature, number[]> = { dotFilter: [], edgeDensity: [], sdHu: [] };
  for (let i = 0; i < count; i++) {
    const f = computePatchFeatures(images.subarray(i * n, (i + 1) * n), size);
    meanHu.push(f.meanHu);
    for (const id of SECOND_FEATURES) second[id].push(f[id]);
  }
  return { size, count, images, labels, meanHu, second, generateMs, featureMs: performance.now() - t0 };
}

/** Builds the data synchronously (tests, and the oracle of the asynchronous build). */
export function buildClassifierData(): ClassifierData {
  const t0 = performance.now();
  const dataset = makePhantomPatchDataset(OPTIONS);
  return withFeatures(dataset, performance.now() - t0);
}

let cached: Promise<ClassifierData> | null = null;

/** The data, built once per page without blocking it (a failed build is retried on the next call). */
export function loadClassifierData(): Promise<ClassifierData> {
  if (!cached) {
    const t0 = performance.now();
    const p = makePhantomPatchDatasetAsync(OPTIONS).then((d) => withFeatures(d, performance.now() - t0));
    cached = p;
    p.catch(() => {
      if (cached === p) cached = null;
    });
  }
  return cached;
}
