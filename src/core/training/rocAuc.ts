/**
 * Threshold-free and threshold metrics of a binary classifier: ROC points, the area under the ROC
 * curve (AUC) and accuracy. Labels are 0 (negative) and 1 (positive); a score is any number that
 * grows with the belief in class 1 (a probability, an SVM margin).
 *
 * References: Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating
 * characteristic (ROC) curve. Radiology 1982;143:29–36 (AUC = Mann–Whitney U / (P·N));
 * Fawcett T. An introduction to ROC analysis. Pattern Recognit Lett 2006;27:861–874 (Algorithm 2:
 * one ROC point per distinct threshold, so tied scores give a diagonal segment).
 */

/** One point of an ROC curve: the rates when every score ≥ `threshold` is called positive. */
export interface RocPoint {
  /** False-positive rate, FP / N. */
  fpr: number;
  /** True-positive rate (sensitivity), TP / P. */
  tpr: number;
  /** The decision threshold; `Infinity` for the first point (nothing called positive). */
  threshold: number;
}

function countClasses(labels: ArrayLike<number>): { pos: number; neg: number } {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) pos++;
  return { pos, neg: labels.length - pos };
}

function checkLengths(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new RangeError(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
}

/**
 * The ROC curve (Fawcett 2006, Algorithm 2): sorts by score, descending, and emits one point per
 * distinct score, from (0, 0) to (1, 1). Tied scores move both rates at once (a diagonal step).
 * With only one class present the curve is undefined and an empty array is returned.
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocPoint[] {
  checkLengths(scores, labels);
  const { pos, neg } = countClasses(labels);
  if (pos === 0 || neg === 0) return [];
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({ fpr: fp / neg, tpr: tp / pos, threshold: scores[i] as number });
    }
  }
  return points;
}

/**
 * Area under the ROC curve by the Mann–Whitney formula (Hanley & McNeil 1982): the probability
 * that a random positive scores higher than a random negative, ties counting one half,
 * `AUC = (R₊ − P(P+1)/2) / (P·N)` with `R₊` the sum of the positives' mid-ranks. Equals the
 * trapezoidal area under {@link rocCurve}. Returns `NaN` when only one class is present (the
 * probability is then undefined).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(scores, labels);
  const { pos, neg } = countClasses(labels);
  if (pos === 0 || neg === 0) return Number.NaN;
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let rankSumPos = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    const s = scores[order[start] as number];
    while (end < order.length && scores[order[end] as number] === s) end++;
    // Ranks start..end−1 (0-based) are tied: each gets the mid-rank (1-based).
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (labels[order[k] as number] === 1) rankSumPos += midRank;
    start = end;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Fraction of examples whose predicted class (1 when `score ≥ threshold`, else 0) equals the label.
 * Use 0.5 for probabilities and 0 for SVM margins. `NaN` for an empty set.
 */
export function accuracyAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): number {
  checkLengths(scores, labels);
  if (scores.length === 0) return Number.NaN;
  let right = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = (scores[i] as number) >= threshold ? 1 : 0;
    if (predicted === labels[i]) right++;
  }
  return right / scores.length;
}
