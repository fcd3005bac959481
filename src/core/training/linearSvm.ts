/**
 * A linear support vector machine trained by Pegasos, stochastic sub-gradient descent on the
 * primal objective (Shalev-Shwartz S, Singer Y, Srebro N, Cotter A. Pegasos: primal estimated
 * sub-gradient solver for SVM. Math Program 2011;127:3–30):
 *
 *   J(w, b) = (λ/2) ‖w‖² + (1/n) Σᵢ max(0, 1 − yᵢ (w·xᵢ + b)),   yᵢ ∈ {−1, +1}
 *
 * Each iteration takes a mini-batch A (sampled with a seeded generator), step `η_t = 1/(λ t)`,
 *   w ← (1 − η_t λ) w + (η_t/|A|) Σ_{i∈A, yᵢ(w·xᵢ+b)<1} yᵢ xᵢ,   then projects w onto the ball
 *   ‖w‖ ≤ 1/√λ (which holds the optimum, Pegasos Lemma 1);
 * the unpenalised bias takes the same sub-gradient step. The returned model is the average of the
 * iterates of the second half of training (suffix averaging), which smooths the last steps.
 */
import { mulberry32 } from '../datasets/discPhantom';
import { linearScore, type LinearModel } from './logisticRegression';
import type { FeatureRows } from './standardize';

/** Options of {@link fitLinearSvm}. */
export interface LinearSvmOptions {
  /** Regularisation λ > 0. Default 1e-2. */
  lambda?: number;
  /** Number of sub-gradient steps. Default 2000. */
  iterations?: number;
  /** Mini-batch size (clipped to n). Default 16. */
  batchSize?: number;
  /** Seed of the mini-batch sampler. Default 1. */
  seed?: number;
}

/** The primal SVM objective J(w, b) of the module comment; `labels` are 0/1 (mapped to ∓1). */
export function svmObjective(
  model: LinearModel,
  rows: FeatureRows,
  labels: ArrayLike<number>,
  lambda: number,
): number {
  let hinge = 0;
  rows.forEach((x, i) => {
    const y = labels[i] === 1 ? 1 : -1;
    hinge += Math.max(0, 1 - y * linearScore(model, x));
  });
  return (lambda / 2) * model.weights.reduce((a, w) => a + w * w, 0) + hinge / rows.length;
}

/** Trains a linear SVM on (ideally standardised) `rows` with 0/1 `labels`. Deterministic for a seed. */
export function fitLinearSvm(
  rows: FeatureRows,
  labels: ArrayLike<number>,
  options: LinearSvmOptions = {},
): LinearModel {
  const { lambda = 1e-2, iterations = 2000, batchSize = 16, seed = 1 } = options;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || n !== labels.length) throw new RangeError('need as many labels as rows, at least one');
  if (!(lambda > 0)) throw new RangeError('the SVM needs λ > 0');
  const k = Math.max(1, Math.min(batchSize, n));
  const rand = mulberry32(seed);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const avgW = new Array<number>(d).fill(0);
  let avgB = 0;
  let averaged = 0;
  const radius = 1 / Math.sqrt(lambda);
  const grad = new Array<number>(d);
  for (let t = 1; t <= iterations; t++) {
    const eta = 1 / (lambda * t);
    grad.fill(0);
    let gradB = 0;
    for (let s = 0; s < k; s++) {
      const i = Math.min(n - 1, Math.floor(rand() * n));
      const x = rows[i] as readonly number[];
      const y = labels[i] === 1 ? 1 : -1;
      let score = b;
      for (let j = 0; j < d; j++) score += w[j]! * (x[j] as number);
      if (y * score < 1) {
        for (let j = 0; j < d; j++) grad[j]! += y * (x[j] as number);
        gradB += y;
      }
    }
    let norm2 = 0;
    for (let j = 0; j < d; j++) {
      w[j] = (1 - eta * lambda) * w[j]! + (eta / k) * grad[j]!;
      norm2 += w[j]! * w[j]!;
    }
    // The bias is not penalised; its step is capped so the first, huge steps cannot throw it away.
    b += Math.min(eta, 1) * (gradB / k);
    const norm = Math.sqrt(norm2);
    if (norm > radius) for (let j = 0; j < d; j++) w[j]! *= radius / norm;
    if (t > iterations / 2) {
      averaged++;
      for (let j = 0; j < d; j++) avgW[j]! += (w[j]! - avgW[j]!) / averaged;
      avgB += (b - avgB) / averaged;
    }
  }
  return { weights: avgW, bias: avgB };
}

/** SVM scores `w·x + b` (positive means class 1) for every row. */
export function predictSvm(model: LinearModel, rows: FeatureRows): number[] {
  return rows.map((x) => linearScore(model, x));
}
