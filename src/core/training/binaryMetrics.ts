/**
 * Radiology metrics of a classifier at a threshold and across thresholds, on plain arrays:
 * confusion counts, sensitivity / specificity / predictive values (at the sample's prevalence or
 * any other, by Bayes' theorem), F1, the precision–recall curve and average precision, Youden's
 * best threshold, the multi-class confusion matrix and one-vs-rest helpers, and a subsample at a
 * chosen prevalence (to show accuracy and AUC apart when classes are imbalanced).
 *
 * Binary labels are 0 (negative) and 1 (positive); a score is any number that grows with the
 * belief in class 1. A score ≥ the threshold is called positive, as in {@link rocCurve}, whose
 * ROC points and {@link rocAuc} this module reuses rather than repeats. Calibration (reliability
 * bins, ECE, Brier score) is in `calibration.ts`.
 *
 * References: Altman DG, Bland JM. Diagnostic tests 1: sensitivity and specificity. BMJ
 * 1994;308:1552; Altman DG, Bland JM. Diagnostic tests 2: predictive values. BMJ 1994;309:102;
 * Youden WJ. Index for rating diagnostic tests. Cancer 1950;3:32–35; scikit-learn
 * `average_precision_score` (https://scikit-learn.org/stable/modules/model_evaluation.html#precision-recall-f-measure-metrics).
 */
import { createRng, shuffleInPlace } from '../imaging/phantoms/random';
import type { Evaluation } from './trainingTypes';
import { rocCurve } from './rocAuc';

/** The four cells of a binary confusion table. */
export interface ConfusionCounts {
  /** Positives called positive. */
  tp: number;
  /** Negatives called positive. */
  fp: number;
  /** Negatives called negative. */
  tn: number;
  /** Positives called negative. */
  fn: number;
}

/** What a test's result means at one threshold. Every value is a fraction in 0…1 or `NaN` (0/0). */
export interface ThresholdStats {
  /** Sensitivity (recall, true-positive rate): TP / (TP + FN). */
  sensitivity: number;
  /** Specificity (true-negative rate): TN / (TN + FP). */
  specificity: number;
  /** Positive predictive value (precision): P(disease | positive call). */
  ppv: number;
  /** Negative predictive value: P(no disease | negative call). */
  npv: number;
  /** Harmonic mean of PPV and sensitivity. */
  f1: number;
  /** Fraction of calls that are right. */
  accuracy: number;
  /** The prevalence the predictive values and accuracy refer to. */
  prevalence: number;
}

/** One point of a precision–recall curve: the values when every score ≥ `threshold` is called positive. */
export interface PrPoint {
  /** Recall (sensitivity), TP / P. */
  recall: number;
  /** Precision (PPV), TP / (TP + FP). */
  precision: number;
  threshold: number;
}

function checkLengths(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
}

function checkBinary(labels: ArrayLike<number>): void {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l !== 0 && l !== 1) throw new RangeError(`label ${l} of example ${i} is not 0 or 1`);
  }
}

/** `a / b`, `NaN` when both are 0 (a ratio with nothing to count). */
function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

/**
 * Counts the confusion table when every `scores[i] ≥ threshold` is called positive (a score equal
 * to the threshold is positive; a `NaN` score is never positive). With `Float32Array` scores, take
 * the threshold from the scores themselves (a {@link PrPoint} or `RocPoint` threshold) or pass it
 * through `Math.fround`: the float `0.7f` is 0.69999998…, below the double 0.7.
 * @throws RangeError when the lengths differ or a label is not 0 or 1
 */
export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  checkLengths(scores, labels);
  checkBinary(labels);
  const c: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const called = (scores[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (called) c.tp++;
      else c.fn++;
    } else if (called) c.fp++;
    else c.tn++;
  }
  return c;
}

/**
 * Sensitivity, specificity, predictive values, F1 and accuracy of a confusion table
 * (Altman & Bland, BMJ 1994).
 *
 * Sensitivity `se = TP/(TP+FN)` and specificity `sp = TN/(TN+FP)` do not depend on prevalence;
 * the rest do. Without `prevalence` they are read from the counts (the sample's prevalence
 * `(TP+FN)/n`): PPV = TP/(TP+FP), NPV = TN/(TN+FN), accuracy = (TP+TN)/n. With a prevalence `p`
 * they are what the same se and sp would give in a population where a fraction `p` has the
 * disease (Bayes' theorem, "Diagnostic tests 2: predictive values"):
 *
 *   PPV = se·p / (se·p + (1−sp)(1−p)),  NPV = sp(1−p) / (sp(1−p) + (1−se)p),
 *   accuracy = se·p + sp(1−p).
 *
 * F1 = 2·PPV·se / (PPV + se), computed as `2TP / (2TP + FP + FN)` from the counts (or from the
 * expected fractions se·p, (1−sp)(1−p), (1−se)p): equal wherever PPV is defined, and 0 rather
 * than `NaN` when nothing is called positive but positives exist.
 *
 * `NaN` marks a ratio that is 0/0: sensitivity with no positives, specificity with no negatives,
 * PPV with no positive calls, NPV with no negative calls, all with an empty table.
 * @throws RangeError when `prevalence` is given outside 0…1
 */
export function thresholdStats(c: ConfusionCounts, prevalence?: number): ThresholdStats {
  const sensitivity = ratio(c.tp, c.tp + c.fn);
  const specificity = ratio(c.tn, c.tn + c.fp);
  let tp = c.tp;
  let fp = c.fp;
  let tn = c.tn;
  let fn = c.fn;
  let p: number;
  if (prevalence === undefined) {
    p = ratio(c.tp + c.fn, c.tp + c.fp + c.tn + c.fn);
  } else {
    if (!(prevalence >= 0 && prevalence <= 1)) {
      throw new RangeError(`prevalence must lie in 0…1, got ${prevalence}`);
    }
    p = prevalence;
    // Expected fractions of a population at prevalence p (the table per person).
    tp = sensitivity * p;
    fn = (1 - sensitivity) * p;
    fp = (1 - specificity) * (1 - p);
    tn = specificity * (1 - p);
  }
  return {
    sensitivity,
    specificity,
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
    prevalence: p,
  };
}

/**
 * The precision–recall curve: scores sorted descending, one point per distinct score (tied scores
 * move together, as in {@link rocCurve}), thresholds descending, recall rising to 1. No synthetic
 * point is added at recall 0 (precision is 0/0 there; scikit-learn draws it at 1 by convention).
 * With only one class present the curve is undefined and an empty array is returned.
 * @throws RangeError when the lengths differ or a label is not 0 or 1
 */
export function precisionRecallCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): PrPoint[] {
  checkLengths(scores, labels);
  checkBinary(labels);
  // rocCurve has already grouped the ties: TP = tpr·P and FP = fpr·N at each distinct threshold.
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) pos++;
  const neg = labels.length - pos;
  const points: PrPoint[] = [];
  for (const r of rocCurve(scores, labels)) {
    if (r.threshold === Infinity) continue;
    const tp = Math.round(r.tpr * pos);
    const fp = Math.round(r.fpr * neg);
    points.push({ recall: tp / pos, precision: tp / (tp + fp), threshold: r.threshold });
  }
  return points;
}

/**
 * Average precision, scikit-learn's definition: `AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ` over the points of
 * {@link precisionRecallCurve} (R₀ = 0), a step-wise area under the PR curve without
 * interpolation. In 0…1; 1 for a perfect ranking; about the prevalence for a random one.
 * `NaN` when only one class is present.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const curve = precisionRecallCurve(scores, labels);
  if (curve.length === 0) return Number.NaN;
  let ap = 0;
  let previousRecall = 0;
  for (const point of curve) {
    ap += (point.recall - previousRecall) * point.precision;
    previousRecall = point.recall;
  }
  return ap;
}

/**
 * The threshold that maximises Youden's index `J = se + sp − 1` (Youden 1950), the point of the
 * ROC curve farthest above the diagonal, searched over every distinct score. The threshold is a
 * score: scores ≥ it are called positive. Of equal J the highest threshold wins (fewest positive
 * calls). Stats are at the sample's prevalence unless `prevalence` is given (J does not depend
 * on it). With one class only J is undefined: threshold `NaN` and every stat `NaN`.
 * @throws RangeError when the lengths differ or a label is not 0 or 1
 */
export function bestThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  prevalence?: number,
): { threshold: number; stats: ThresholdStats } {
  checkLengths(scores, labels);
  checkBinary(labels);
  let best = Number.NaN;
  let bestJ = -Infinity;
  for (const r of rocCurve(scores, labels)) {
    if (r.threshold === Infinity) continue;
    const j = r.tpr - r.fpr;
    if (j > bestJ) {
      bestJ = j;
      best = r.threshold;
    }
  }
  if (Number.isNaN(best)) {
    const empty = thresholdStats({ tp: 0, fp: 0, tn: 0, fn: 0 });
    return { threshold: best, stats: { ...empty, prevalence: prevalence ?? Number.NaN } };
  }
  return { threshold: best, stats: thresholdStats(confusionAt(scores, labels, best), prevalence) };
}

function checkClasses(classes: number): void {
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be ≥ 2, got ${classes}`);
}

function checkClass(value: number, classes: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= classes) {
    throw new RangeError(`${what} ${value} is not a class (0…${classes - 1})`);
  }
}

/**
 * The multi-class confusion matrix: `m[t][p]` counts examples of true class `t` predicted as
 * class `p` (rows = truth, columns = prediction, the convention of scikit-learn's
 * `confusion_matrix`). The diagonal holds the right calls; row sums are the class sizes.
 * @throws RangeError when the lengths differ or a value is not a class
 */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number[][] {
  checkClasses(classes);
  if (predicted.length !== labels.length) {
    throw new RangeError(`predicted (${predicted.length}) and labels (${labels.length}) differ in length`);
  }
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i] as number;
    const p = predicted[i] as number;
    checkClass(t, classes, `label of example ${i}:`);
    checkClass(p, classes, `prediction of example ${i}:`);
    (m[t] as number[])[p] = ((m[t] as number[])[p] as number) + 1;
  }
  return m;
}

/**
 * The predicted class of each row of `probabilities` (row-major, `n × classes`): the index of the
 * row's largest value, the first one on a tie.
 * @throws RangeError when the length is not a multiple of `classes`
 */
export function argmaxRows(probabilities: Float32Array, classes: number): Int32Array {
  checkClasses(classes);
  if (probabilities.length % classes !== 0) {
    throw new RangeError(`${probabilities.length} values do not fit rows of ${classes} classes`);
  }
  const n = probabilities.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = probabilities[i * classes] as number;
    for (let k = 1; k < classes; k++) {
      const v = probabilities[i * classes + k] as number;
      if (v > bestValue) {
        bestValue = v;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * The column of one class in row-major `n × classes` probabilities: each example's score for
 * `positiveClass`, to use with the binary metrics one-vs-rest (with {@link oneVsRest}).
 * @throws RangeError when the length is not a multiple of `classes` or the class is out of range
 */
export function classScores(
  probabilities: Float32Array,
  classes: number,
  positiveClass: number,
): Float32Array {
  checkClasses(classes);
  checkClass(positiveClass, classes, 'positiveClass');
  if (probabilities.length % classes !== 0) {
    throw new RangeError(`${probabilities.length} values do not fit rows of ${classes} classes`);
  }
  const n = probabilities.length / classes;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = probabilities[i * classes + positiveClass] as number;
  return out;
}

/** Binary labels for one class against the rest: 1 where `labels[i] === positiveClass`, else 0. */
export function oneVsRest(labels: ArrayLike<number>, positiveClass: number): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = labels[i] === positiveClass ? 1 : 0;
  return out;
}

/** Scores of the positive class and 0/1 labels of evaluated images. */
export interface BinaryScores {
  scores: Float32Array;
  labels: Uint8Array;
}

/**
 * The evaluation as a binary problem: the probability of `positiveClass` as the score and
 * "is `positiveClass`" as the label (one-vs-rest when there are more than two classes).
 */
export function binaryScores(evaluation: Evaluation, positiveClass = 1): BinaryScores {
  return {
    scores: classScores(evaluation.probabilities, evaluation.classes, positiveClass),
    labels: oneVsRest(evaluation.labels, positiveClass),
  };
}

/**
 * The indices (sorted ascending) of the largest subset of a binary-labelled set whose share of
 * label-1 items is `prevalence`, to the nearest whole item: either every positive is kept and
 * `round(P·(1−p)/p)` negatives drawn, or every negative kept and `round(N·p/(1−p))` positives
 * drawn, whichever subset is larger and fits. The kept count `k₁` of positives in a subset of
 * size `n` then satisfies `|k₁ − p·n| ≤ ½`. Items are drawn without replacement by a seeded
 * Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P), so a seed fixes the subset.
 * `p = 0` keeps the negatives, `p = 1` the positives; where `0 < p < 1` and the rounding leaves
 * one class with no item (no positives at all, or too few negatives or positives for `p`), the
 * share cannot be met and the subset is empty.
 * @throws RangeError when `prevalence` is outside 0…1 or a label is not 0 or 1
 */
export function subsampleToPrevalence(
  labels: ArrayLike<number>,
  prevalence: number,
  seed: number,
): Int32Array {
  if (!(prevalence >= 0 && prevalence <= 1)) {
    throw new RangeError(`prevalence must lie in 0…1, got ${prevalence}`);
  }
  checkBinary(labels);
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? positives : negatives).push(i);
  const pos = positives.length;
  const neg = negatives.length;
  const p = prevalence;
  let keepPos: number;
  let keepNeg: number;
  if (p === 0) [keepPos, keepNeg] = [0, neg];
  else if (p === 1) [keepPos, keepNeg] = [pos, 0];
  else if (pos * (1 - p) <= neg * p)
    [keepPos, keepNeg] = [pos, Math.min(neg, Math.round((pos * (1 - p)) / p))];
  else [keepPos, keepNeg] = [Math.min(pos, Math.round((neg * p) / (1 - p))), neg];
  // A subset must hold both classes where 0 < p < 1 (else its share is 0 or 1, not p).
  if (p > 0 && p < 1 && (keepPos === 0 || keepNeg === 0)) return new Int32Array(0);
  const rng = createRng(seed);
  const chosen = [
    ...shuffleInPlace(positives, rng).slice(0, keepPos),
    ...shuffleInPlace(negatives, rng).slice(0, keepNeg),
  ];
  return Int32Array.from(chosen).sort();
}
