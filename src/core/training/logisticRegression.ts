/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares, IRLS). The model is `p(y = 1 | x) = σ(w·x + b)` with `σ(z) = 1 / (1 + e^−z)`; the fitted
 * `(w, b)` minimise the mean log-loss plus `(λ/2)·‖w‖²` (the bias is not penalised):
 *
 *   J(w, b) = −(1/n) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + (λ/2) ‖w‖²
 *   ∇J = (1/n) Xᵀ(p − y) + λ(w, 0),   ∇²J = (1/n) Xᵀ diag(pᵢ(1 − pᵢ)) X + λ diag(1, …, 1, 0)
 *
 * with X holding a trailing column of ones for the bias (Hastie, Tibshirani, Friedman, The
 * Elements of Statistical Learning, 2nd ed., §4.4.1). J is convex, so Newton steps with step
 * halving converge to the unique optimum when λ > 0; with λ = 0 and separable classes the optimum
 * is at infinity and the fit stops after `maxIter` steps.
 */
import { sigmoid } from '../autodiff/sigmoid';
import type { FeatureRows } from './standardize';

/** The logistic function σ(z) = 1 / (1 + e^−z), shared with the autodiff engine. */
export { sigmoid };

/** A fitted linear model: score `w·x + b`. */
export interface LinearModel {
  weights: number[];
  bias: number;
}

/** Options of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** L2 penalty λ on the weights (not the bias). Default 1e-2. */
  lambda?: number;
  /** Newton iterations at most. Default 50. */
  maxIter?: number;
  /** Stops when the largest gradient component is below this. Default 1e-10. */
  tolerance?: number;
}

/** `log(1 + e^z)`, stable for large |z|. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The linear score `w·x + b` of one example. */
export function linearScore(model: LinearModel, x: readonly number[]): number {
  let s = model.bias;
  for (let j = 0; j < model.weights.length; j++) s += (model.weights[j] as number) * (x[j] as number);
  return s;
}

/** The regularised mean log-loss J(w, b) defined in the module comment. */
export function logisticObjective(
  model: LinearModel,
  rows: FeatureRows,
  labels: ArrayLike<number>,
  lambda: number,
): number {
  let loss = 0;
  // −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z
  rows.forEach((x, i) => {
    const z = linearScore(model, x);
    loss += softplus(z) - (labels[i] as number) * z;
  });
  const penalty = model.weights.reduce((a, w) => a + w * w, 0);
  return loss / rows.length + (lambda / 2) * penalty;
}

/** Solves `A x = b` (A square, small) by Gaussian elimination with partial pivoting. */
export function solveLinearSystem(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-300) throw new RangeError('singular system');
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const rowC = m[c]!;
    for (let r = c + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[c]! / rowC[c]!;
      for (let k = c; k <= n; k++) row[k]! -= f * rowC[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r]!;
    let s = row[n]!;
    for (let k = r + 1; k < n; k++) s -= row[k]! * x[k]!;
    x[r] = s / row[r]!;
  }
  return x;
}

/**
 * Fits the model by damped Newton steps. `rows` should be standardised (see `standardize.ts`)
 * so that one λ suits every feature; `labels` are 0/1.
 */
export function fitLogisticRegression(
  rows: FeatureRows,
  labels: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
): LinearModel {
  const { lambda = 1e-2, maxIter = 50, tolerance = 1e-10 } = options;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || n !== labels.length) throw new RangeError('need as many labels as rows, at least one');
  let model: LinearModel = { weights: new Array<number>(d).fill(0), bias: 0 };
  let objective = logisticObjective(model, rows, labels, lambda);
  for (let iter = 0; iter < maxIter; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    rows.forEach((x, i) => {
      const p = sigmoid(linearScore(model, x));
      const r = p - (labels[i] as number);
      const s = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        const xj = j < d ? (x[j] as number) : 1;
        grad[j]! += (r * xj) / n;
        const hj = hess[j]!;
        for (let k = 0; k <= j; k++) hj[k]! += (s * xj * (k < d ? (x[k] as number) : 1)) / n;
      }
    });
    for (let j = 0; j <= d; j++) {
      for (let k = j + 1; k <= d; k++) hess[j]![k] = hess[k]![j]!;
      if (j < d) {
        grad[j]! += lambda * model.weights[j]!;
        hess[j]![j]! += lambda;
      }
    }
    if (Math.max(...grad.map(Math.abs)) < tolerance) break;
    // A tiny ridge keeps the system solvable when λ = 0 and a column is constant.
    for (let j = 0; j <= d; j++) hess[j]![j]! += 1e-12;
    const step = solveLinearSystem(hess, grad);
    let t = 1;
    let next: LinearModel = model;
    let nextObjective = objective;
    for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
      next = {
        weights: model.weights.map((w, j) => w - t * step[j]!),
        bias: model.bias - t * step[d]!,
      };
      nextObjective = logisticObjective(next, rows, labels, lambda);
      if (nextObjective <= objective) break;
    }
    if (!(nextObjective <= objective)) break;
    const improvement = objective - nextObjective;
    model = next;
    objective = nextObjective;
    if (improvement < 1e-15) break;
  }
  return model;
}

/** Probabilities `σ(w·x + b)` of class 1 for every row. */
export function predictLogistic(model: LinearModel, rows: FeatureRows): number[] {
  return rows.map((x) => sigmoid(linearScore(model, x)));
}
