/**
 * The maths of the "why AUC and not accuracy" step: the evaluated images are resampled to a chosen
 * prevalence of lesions (`subsampleToPrevalence`: the largest subset with that share of positives),
 * and on that subset we compute the accuracy of a "classifier" that always says normal
 * (= the share of normals = 1 − prevalence), the model's accuracy at a threshold, its ROC AUC
 * (a property of the ranking of positives against negatives, so unchanged by prevalence up to
 * sampling: Hanley & McNeil, Radiology 1982;143:29–36), its sensitivity, and its PPV, which falls
 * with prevalence as Bayes' rule says (Altman & Bland, "Diagnostic tests 2: predictive values",
 * BMJ 1994;309:102). The same PPV and accuracy are also given by the formulas from the whole
 * evaluated set's sensitivity and specificity, to set the sampled figures against.
 */
import {
  confusionAt,
  subsampleToPrevalence,
  thresholdStats,
  type BinaryScores,
} from '../../core/training/binaryMetrics';
import { rocAuc } from '../../core/training/rocAuc';

/** What the imbalance step shows for one prevalence. */
export interface ImbalanceFigures {
  /** Images in the resampled set, and how many of them are positive. */
  n: number;
  positives: number;
  /** The prevalence reached, positives / n (the requested one up to rounding). */
  prevalence: number;
  /** Accuracy of always answering "normal": negatives / n = 1 − prevalence. */
  alwaysNormalAccuracy: number;
  /** The model at `threshold` on the resampled set. */
  accuracy: number;
  sensitivity: number;
  specificity: number;
  ppv: number;
  /** ROC AUC on the resampled set (NaN when a class is missing). */
  auc: number;
  /** On the whole evaluated set: its size, AUC and prevalence. */
  fullN: number;
  fullAuc: number;
  fullPrevalence: number;
  /**
   * PPV and accuracy expected at the reached prevalence p from the whole set's sensitivity se
   * and specificity sp (Bayes): PPV = se·p / (se·p + (1 − sp)(1 − p)), accuracy = se·p + sp(1 − p).
   */
  expectedPpv: number;
  expectedAccuracy: number;
}

/**
 * Resamples the evaluated images to `prevalence` (0…1) with `seed` and computes the figures of
 * {@link ImbalanceFigures} at `threshold` (a score ≥ threshold is called positive). Ratios that
 * are 0/0 (no positive left, nothing called positive) are NaN.
 */
export function imbalanceFigures(
  data: BinaryScores,
  prevalence: number,
  seed: number,
  threshold = 0.5,
): ImbalanceFigures {
  const { scores, labels } = data;
  const full = confusionAt(scores, labels, threshold);
  const fullPositives = full.tp + full.fn;
  const fullN = full.tp + full.fn + full.fp + full.tn;

  const picked = subsampleToPrevalence(labels, prevalence, seed);
  const subScores = Float32Array.from(picked, (i) => scores[i] ?? 0);
  const subLabels = Uint8Array.from(picked, (i) => labels[i] ?? 0);
  const c = confusionAt(subScores, subLabels, threshold);
  const stats = thresholdStats(c);
  const n = picked.length;
  const positives = c.tp + c.fn;
  const p = n > 0 ? positives / n : Number.NaN;
  const expected = n > 0 ? thresholdStats(full, p) : null;
  return {
    n,
    positives,
    prevalence: p,
    alwaysNormalAccuracy: n > 0 ? (n - positives) / n : Number.NaN,
    accuracy: n > 0 ? (c.tp + c.tn) / n : Number.NaN,
    sensitivity: stats.sensitivity,
    specificity: stats.specificity,
    ppv: stats.ppv,
    auc: n > 0 ? rocAuc(subScores, subLabels) : Number.NaN,
    fullN,
    fullAuc: rocAuc(scores, labels),
    fullPrevalence: fullN > 0 ? fullPositives / fullN : Number.NaN,
    expectedPpv: expected && p > 0 ? expected.ppv : Number.NaN,
    expectedAccuracy: expected ? expected.accuracy : Number.NaN,
  };
}

/** Prevalences (percent) at which the step's chart samples the figures. */
export const CURVE_PREVALENCES = [1, 2, 5, 10, 15, 20, 30, 40, 50] as const;

/**
 * The figures at each prevalence (percent) of `prevalencesPct`, the same seed for each; the
 * prevalences at which the resampled set holds no positive or no negative are left out.
 */
export function imbalanceCurve(
  data: BinaryScores,
  prevalencesPct: readonly number[],
  seed: number,
  threshold = 0.5,
): { prevalencePct: number; figures: ImbalanceFigures }[] {
  return prevalencesPct
    .map((p) => ({ prevalencePct: p, figures: imbalanceFigures(data, p / 100, seed, threshold) }))
    .filter(({ figures }) => figures.positives > 0 && figures.positives < figures.n);
}
