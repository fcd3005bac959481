/**
 * A single neuron as a linear classifier on two standardised features z₁, z₂: it says "nodule"
 * when w₁z₁ + w₂z₂ + b > 0, i.e. when σ(w₁z₁ + w₂z₂ + b) > ½; the line w₁z₁ + w₂z₂ + b = 0 is its
 * decision boundary. Fitting it by logistic regression is training this neuron (sigmoid
 * activation, log-loss) to the optimum.
 */
import { snapNumber } from '../../core/lessons/lessonState';
import { fitLogisticRegression } from '../../core/training/logisticRegression';
import { applyStandardizer, fitStandardizer, type Standardizer } from '../../core/training/standardize';
import { SECOND_FEATURES, type ClassifierData, type SecondFeature } from './classifierData';
import { lineParams } from './neuronsParams';

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

/** The best line that ignores the second feature (w₂ = 0): logistic regression on z₁ alone. */
export function fitFirstOnly(rows: readonly (readonly number[])[], labels: ArrayLike<number>): LineWeights {
  const m = fitLogisticRegression(
    rows.map((r) => [r[0] as number]),
    labels,
  );
  return { w1: m.weights[0] ?? 0, w2: 0, b: m.bias };
}

const [W1, W2, B] = lineParams as [(typeof lineParams)[0], (typeof lineParams)[0], (typeof lineParams)[0]];

/** A line snapped to the sliders' grid (steps of 0.01 within their range): what the page can show. */
export function snapLine({ w1, w2, b }: LineWeights): LineWeights {
  return { w1: snapNumber(W1, w1), w2: snapNumber(W2, w2), b: snapNumber(B, b) };
}

/** The fitted line of a feature pair, snapped to the sliders' grid (what "Fit" writes). */
export function snappedFit(rows: readonly (readonly number[])[], labels: ArrayLike<number>): LineWeights {
  return snapLine(fitLine(rows, labels));
}

/** One row of {@link compareSecondFeatures}: which features the line uses, its weights and counts. */
export interface FeatureComparisonRow {
  /** `meanHuOnly`: the line w₂ = 0; otherwise mean HU and this second feature. */
  id: 'meanHuOnly' | SecondFeature;
  line: LineWeights;
  confusion: Confusion;
}

/**
 * The best line (logistic regression, snapped like "Fit") with mean HU alone and with each second
 * feature, and its counts on the same patches it was fitted to (training counts).
 */
export function compareSecondFeatures(data: ClassifierData): FeatureComparisonRow[] {
  const row = (id: FeatureComparisonRow['id'], rows: number[][], line: LineWeights) => ({
    id,
    line,
    confusion: lineConfusion(rows, data.labels, line),
  });
  const pairs = SECOND_FEATURES.map((id) => ({
    id,
    rows: standardisePair(data.meanHu, data.second[id]).rows,
  }));
  // z₁ (standardised mean HU) is the same column in every pair.
  const z1 = pairs[0]?.rows ?? [];
  return [
    row('meanHuOnly', z1, snapLine(fitFirstOnly(z1, data.labels))),
    ...pairs.map(({ id, rows }) => row(id, rows, snappedFit(rows, data.labels))),
  ];
}
