/**
 * A single neuron as a linear classifier on two standardised features z₁, z₂: it says "nodule"
 * when w₁z₁ + w₂z₂ + b > 0, i.e. when σ(w₁z₁ + w₂z₂ + b) > ½; the line w₁z₁ + w₂z₂ + b = 0 is its
 * decision boundary. Fitting it by logistic regression is training this neuron (sigmoid
 * activation, log-loss) to the optimum.
 */
import { fitLogisticRegression } from '../../core/training/logisticRegression';
import { applyStandardizer, fitStandardizer, type Standardizer } from '../../core/training/standardize';

/** Two features, standardised, one row per example. */
export interface StandardisedPair {
  rows: number[][];
  standardizer: Standardizer;
}

/** Standardises the two feature columns `a` and `b` (z = (value − mean) / sd over all examples). */
export function standardisePair(a: readonly number[], b: readonly number[]): StandardisedPair {
  if (a.length !== b.length) throw new RangeError('both features need one value per example');
  const raw = a.map((v, i) => [v, b[i] as number]);
  const standardizer = fitStandardizer(raw);
  return { rows: applyStandardizer(standardizer, raw), standardizer };
}

/** A line's weights and bias. */
export interface LineWeights {
  w1: number;
  w2: number;
  b: number;
}

/** Counts of the neuron's answers against the labels (positive class: nodule, label 1). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  /** tp / (tp + fn): nodules found. NaN without nodules. */
  sensitivity: number;
  /** tn / (tn + fp): patches without nodule cleared. NaN without such patches. */
  specificity: number;
}

/** The confusion counts of the line on `rows` (answer "nodule" when w₁z₁ + w₂z₂ + b > 0). */
export function lineConfusion(
  rows: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  { w1, w2, b }: LineWeights,
): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  rows.forEach((r, i) => {
    const yes = w1 * (r[0] as number) + w2 * (r[1] as number) + b > 0;
    const truth = labels[i] === 1;
    if (yes && truth) tp++;
    else if (yes) fp++;
    else if (truth) fn++;
    else tn++;
  });
  const n = tp + fp + tn + fn;
  return {
    tp,
    fp,
    tn,
    fn,
    accuracy: n ? (tp + tn) / n : Number.NaN,
    sensitivity: tp + fn ? tp / (tp + fn) : Number.NaN,
    specificity: tn + fp ? tn / (tn + fp) : Number.NaN,
  };
}

/** The weights logistic regression (L2 penalty λ = 0.01, the default) gives on the standardised rows. */
export function fitLine(rows: readonly (readonly number[])[], labels: ArrayLike<number>): LineWeights {
  const m = fitLogisticRegression(rows, labels);
  return { w1: m.weights[0] ?? 0, w2: m.weights[1] ?? 0, b: m.bias };
}
