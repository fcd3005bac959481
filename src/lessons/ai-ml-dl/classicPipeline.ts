/**
 * The classic pipeline of the ai-ml-dl lesson, as plain functions: hand-crafted feature vectors →
 * standardisation (fitted on the training patches) → logistic regression or linear SVM → scores
 * on the held-out test patches → accuracy and AUC. Everything is measured when it runs.
 */
import {
  featureVector,
  type PatchFeatures,
  type ScalarFeatureId,
} from '../../core/datasets/handcraftedFeatures';
import { fitLinearSvm, predictSvm } from '../../core/training/linearSvm';
import {
  fitLogisticRegression,
  predictLogistic,
  type LinearModel,
} from '../../core/training/logisticRegression';
import { accuracyAt, rocAuc } from '../../core/training/rocAuc';
import { applyStandardizer, fitStandardizer, type Standardizer } from '../../core/training/standardize';
import type { ScatterBoundary } from '../../core/viz/scatterPlot';
import { CLASSIC_LAMBDA } from './aiMlDlData';

/** The two classic classifiers. */
export type ClassifierId = 'logreg' | 'svm';

/** What to train. */
export interface ClassicConfig {
  trainCount: number;
  features: readonly ScalarFeatureId[];
  /** Add the LBP histogram bins to the features. */
  withLbp: boolean;
  classifier: ClassifierId;
  seed: number;
}

/** The inputs of the pipeline: features and labels of the training pool and of the test set. */
export interface ClassicData {
  trainFeatures: readonly PatchFeatures[];
  trainLabels: ArrayLike<number>;
  testFeatures: readonly PatchFeatures[];
  testLabels: ArrayLike<number>;
}

/** A trained classic classifier and its measured results. */
export interface ClassicResult {
  trainCount: number;
  testCount: number;
  /** Number of features in each vector. */
  featureCount: number;
  /** Learned parameters: one weight per feature and a bias. */
  paramCount: number;
  accuracy: number;
  auc: number;
  /** Time to standardise and fit, ms. */
  trainMs: number;
  model: LinearModel;
  standardizer: Standardizer;
  /** Scores of the test patches (probabilities or SVM margins). */
  testScores: number[];
}

/** Trains and measures one classic classifier. */
export function runClassic(data: ClassicData, cfg: ClassicConfig): ClassicResult {
  const n = Math.min(cfg.trainCount, data.trainFeatures.length);
  const rows = data.trainFeatures.slice(0, n).map((f) => featureVector(f, cfg.features, cfg.withLbp));
  const labels = Array.from({ length: n }, (_, i) => data.trainLabels[i] as number);
  const testRows = data.testFeatures.map((f) => featureVector(f, cfg.features, cfg.withLbp));
  const t0 = performance.now();
  const standardizer = fitStandardizer(rows);
  const z = applyStandardizer(standardizer, rows);
  const model =
    cfg.classifier === 'svm'
      ? fitLinearSvm(z, labels, { lambda: CLASSIC_LAMBDA, iterations: 3000, seed: cfg.seed })
      : fitLogisticRegression(z, labels, { lambda: CLASSIC_LAMBDA });
  const trainMs = performance.now() - t0;
  const zTest = applyStandardizer(standardizer, testRows);
  const testScores = cfg.classifier === 'svm' ? predictSvm(model, zTest) : predictLogistic(model, zTest);
  const threshold = cfg.classifier === 'svm' ? 0 : 0.5;
  return {
    trainCount: n,
    testCount: testRows.length,
    featureCount: rows[0]?.length ?? 0,
    paramCount: model.weights.length + 1,
    accuracy: accuracyAt(testScores, data.testLabels, threshold),
    auc: rocAuc(testScores, data.testLabels),
    trainMs,
    model,
    standardizer,
    testScores,
  };
}

/**
 * The decision boundary of a two-feature model in the original feature units: the model scores
 * `w₁(x − μ₁)/σ₁ + w₂(y − μ₂)/σ₂ + b`, which is zero on the line
 * `(w₁/σ₁)x + (w₂/σ₂)y + (b − w₁μ₁/σ₁ − w₂μ₂/σ₂) = 0`. Null unless the model has exactly two weights.
 */
export function boundaryInFeatureUnits(model: LinearModel, s: Standardizer): ScatterBoundary | null {
  if (model.weights.length !== 2) return null;
  const [w1, w2] = model.weights as [number, number];
  const [m1, m2] = s.mean as [number, number];
  const [s1, s2] = s.std as [number, number];
  return { wx: w1 / s1, wy: w2 / s2, b: model.bias - (w1 * m1) / s1 - (w2 * m2) / s2 };
}
