/**
 * The hand-crafted features of the ai-ml-dl lesson, computed on one square patch of HU values:
 * first-order statistics (mean and standard deviation of HU, as in radiomics "first-order"
 * features: Zwanenburg A et al. The Image Biomarker Standardization Initiative. Radiology
 * 2020;295:328–338), Sobel edge density, GLCM contrast and homogeneity at offset (0, 1), and the
 * 10-bin uniform rotation-invariant LBP histogram, and one feature designed for nodules, the
 * Hessian dot filter (`dotFilter.ts`). Each is a number a person chose to measure; the classifier
 * only learns how to weigh them.
 */
import { DOT_FILTER_SIGMA_PX, maxDotResponse } from './dotFilter';
import { edgeDensity } from './edgeDensity';
import { LESSON_GLCM_QUANTISATION, glcm, glcmContrast, glcmHomogeneity, type Quantisation } from './glcm';
import { LBP_BINS, lbpHistogram } from './lbp';

/** The scalar features, in the order they appear in feature vectors. */
export const SCALAR_FEATURE_IDS = [
  'meanHu',
  'sdHu',
  'edgeDensity',
  'glcmContrast',
  'glcmHomogeneity',
  'lbpNonUniform',
  'dotFilter',
] as const;

/** Id of one scalar feature. */
export type ScalarFeatureId = (typeof SCALAR_FEATURE_IDS)[number];

/** Every hand-crafted feature of one patch. */
export interface PatchFeatures {
  /** Mean HU over the patch. */
  meanHu: number;
  /** Population standard deviation of HU over the patch. */
  sdHu: number;
  /** Fraction of interior pixels with Sobel magnitude above the edge threshold. */
  edgeDensity: number;
  /** GLCM contrast at offset (0, 1), quantisation {@link LESSON_GLCM_QUANTISATION}. */
  glcmContrast: number;
  /** GLCM homogeneity at offset (0, 1), same quantisation. */
  glcmHomogeneity: number;
  /** Share of non-uniform LBP patterns (bin 9 of {@link lbp}): irregular, speckled texture. */
  lbpNonUniform: number;
  /** Largest Hessian dot-filter response (σ = {@link DOT_FILTER_SIGMA_PX} px): nodule-like blobs. */
  dotFilter: number;
  /** The LBP^riu2 histogram, {@link LBP_BINS} bins summing to 1. */
  lbp: number[];
}

/** Settings of the feature extractor. */
export interface FeatureOptions {
  /** Sobel magnitude (HU) above which a pixel counts as edge. Default {@link DEFAULT_EDGE_THRESHOLD_HU}. */
  edgeThreshold?: number;
  /** GLCM grey levels. Default {@link LESSON_GLCM_QUANTISATION}. */
  quantisation?: Quantisation;
  /** Scale of the dot filter in pixels. Default {@link DOT_FILTER_SIGMA_PX}. */
  dotSigma?: number;
}

/**
 * Default edge threshold: 1,000 HU of Sobel magnitude, i.e. a step of 250 HU between neighbours
 * (a step edge of height h gives 4h), far above the lung's noise yet well below the ≈ 3,500 of a
 * soft-tissue nodule's rim against aerated lung (≈ −850 → 0 HU).
 */
export const DEFAULT_EDGE_THRESHOLD_HU = 1000;

/** Mean and population standard deviation of a list of values. */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i] as number;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((values[i] as number) - mean) ** 2;
  return { mean, sd: Math.sqrt(v / n) };
}

/** Computes every hand-crafted feature of one `size × size` patch of HU values. */
export function computePatchFeatures(
  image: ArrayLike<number>,
  size: number,
  options: FeatureOptions = {},
): PatchFeatures {
  const {
    edgeThreshold = DEFAULT_EDGE_THRESHOLD_HU,
    quantisation = LESSON_GLCM_QUANTISATION,
    dotSigma = DOT_FILTER_SIGMA_PX,
  } = options;
  const { mean, sd } = meanAndSd(image);
  const p = glcm(image, size, size, quantisation);
  const lbp = lbpHistogram(image, size, size);
  return {
    meanHu: mean,
    sdHu: sd,
    edgeDensity: edgeDensity(image, size, size, edgeThreshold),
    glcmContrast: glcmContrast(p, quantisation.levels),
    glcmHomogeneity: glcmHomogeneity(p, quantisation.levels),
    lbpNonUniform: lbp[LBP_BINS - 1] as number,
    dotFilter: maxDotResponse(image, size, size, dotSigma),
    lbp,
  };
}

/** Features of every patch of a batch stored back to back (`count · size · size` values). */
export function computeBatchFeatures(
  images: Float32Array,
  count: number,
  size: number,
  options: FeatureOptions = {},
): PatchFeatures[] {
  const n = size * size;
  return Array.from({ length: count }, (_, i) =>
    computePatchFeatures(images.subarray(i * n, (i + 1) * n), size, options),
  );
}

/**
 * A feature vector: the chosen scalar features in the given order, then (with `withLbp`) the whole
 * LBP histogram. The bins sum to 1, so with `withLbp` the scalar `lbpNonUniform` (the last bin) is
 * left out of `ids`, and the last bin itself too: it is 1 minus the others and would add nothing
 * but a collinear column.
 */
export function featureVector(f: PatchFeatures, ids: readonly ScalarFeatureId[], withLbp = false): number[] {
  if (!withLbp) return ids.map((id) => f[id]);
  return [...ids.filter((id) => id !== 'lbpNonUniform').map((id) => f[id]), ...f.lbp.slice(0, LBP_BINS - 1)];
}
