/**
 * Calibration of predicted probabilities: does "70 % malignant" come true 70 % of the time?
 * Reliability-diagram bins, the expected calibration error (ECE) and the Brier score, for a
 * binary outcome (labels 0/1; for a multi-class model use one class's column against the rest,
 * see `classScores` and `oneVsRest` in binaryMetrics.ts).
 *
 * References: DeGroot MH, Fienberg SE. The comparison and evaluation of forecasters. The
 * Statistician 1983;32:12–22 (reliability diagrams); Naeini MP, Cooper GF, Hauskrecht M.
 * Obtaining well calibrated probabilities using Bayesian binning. AAAI 2015 (ECE); Guo C, Pleiss G,
 * Sun Y, Weinberger KQ. On calibration of modern neural networks. ICML 2017 (ECE, eq. 3);
 * Brier GW. Verification of forecasts expressed in terms of probability. Mon Weather Rev
 * 1950;78:1–3.
 */

/** One bin of a reliability diagram: the predictions in `[lower, upper)` and how often they came true. */
export interface CalibrationBin {
  lower: number;
  /** Exclusive, except for the last bin, which also holds probability 1. */
  upper: number;
  /** Predictions in the bin. */
  count: number;
  /** Mean predicted probability of the bin's examples (`NaN` when empty). */
  meanPredicted: number;
  /** Fraction of the bin's examples whose label is 1 (`NaN` when empty). */
  observedRate: number;
}

function checkInputs(probabilities: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (probabilities.length !== labels.length) {
    throw new RangeError(
      `probabilities (${probabilities.length}) and labels (${labels.length}) differ in length`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i] as number;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} of example ${i} is not in 0…1`);
    const l = labels[i];
    if (l !== 0 && l !== 1) throw new RangeError(`label ${l} of example ${i} is not 0 or 1`);
  }
}

/**
 * Sorts predicted probabilities of class 1 into `bins` equal-width bins on [0, 1]: bin `k` holds
 * `k/bins ≤ p < (k+1)/bins`, and `p = 1` goes to the last bin. (A probability exactly on an edge
 * goes up; note that a Float32 value such as `0.7f = 0.69999998…` lies just below its edge.)
 * Every bin is returned, an empty one with count 0 and `NaN` means, so a diagram keeps its axis.
 * @throws RangeError when `bins` is not a positive integer, lengths differ, a probability is
 *   outside 0…1 or a label is not 0 or 1
 */
export function calibrationBins(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  checkInputs(probabilities, labels);
  const count = new Array<number>(bins).fill(0);
  const sumPredicted = new Array<number>(bins).fill(0);
  const sumPositive = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i] as number;
    const k = Math.min(Math.floor(p * bins), bins - 1);
    count[k] = (count[k] as number) + 1;
    sumPredicted[k] = (sumPredicted[k] as number) + p;
    sumPositive[k] = (sumPositive[k] as number) + (labels[i] as number);
  }
  return count.map((n, k) => ({
    lower: k / bins,
    upper: (k + 1) / bins,
    count: n,
    meanPredicted: n === 0 ? Number.NaN : (sumPredicted[k] as number) / n,
    observedRate: n === 0 ? Number.NaN : (sumPositive[k] as number) / n,
  }));
}

/**
 * Expected calibration error (Naeini et al. 2015; Guo et al. 2017, eq. 3): the bin-size-weighted
 * mean gap between confidence and outcome, `ECE = Σₖ (|Bₖ| / n) · |observedₖ − meanPredictedₖ|`,
 * over the non-empty bins of {@link calibrationBins}. 0 for a perfectly calibrated model (at this
 * binning), at most 1. `total` is `n`, the number of examples binned; `NaN` when it is 0.
 * @throws RangeError when `total` differs from the bins' summed counts
 */
export function expectedCalibrationError(bins: readonly CalibrationBin[], total: number): number {
  const counted = bins.reduce((sum, b) => sum + b.count, 0);
  if (total !== counted) {
    throw new RangeError(`total ${total} differs from the ${counted} examples in the bins`);
  }
  if (total === 0) return Number.NaN;
  let ece = 0;
  for (const b of bins) {
    if (b.count > 0) ece += (b.count / total) * Math.abs(b.observedRate - b.meanPredicted);
  }
  return ece;
}

/**
 * Brier score (Brier 1950), the mean squared error of the predicted probability of class 1
 * against the 0/1 outcome: `BS = (1/n) Σᵢ (pᵢ − yᵢ)²`. 0 is perfect; always predicting 0.5
 * scores 0.25. `NaN` for no examples.
 * @throws RangeError when lengths differ, a probability is outside 0…1 or a label is not 0 or 1
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkInputs(probabilities, labels);
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = (probabilities[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return sum / labels.length;
}
