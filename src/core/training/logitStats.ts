/**
 * Classifier figures computed on the CPU from downloaded logits (float64 arithmetic): softmax
 * probabilities, argmax accuracy and the (class-weighted) mean cross-entropy.
 */

/** What {@link logitStats} returns. */
export interface LogitStats {
  /** `n · classes` softmax probabilities, p_ik = exp(z_ik − m_i) / Σ_j exp(z_ij − m_i), m_i = max_j z_ij. */
  probabilities: Float32Array;
  /** Examples whose argmax (first maximum on a tie) equals the label. */
  correct: number;
  /**
   * (1/n) Σ_i w_{y_i} · CE_i with CE_i = log Σ_j exp(z_ij) − z_{i,y_i} (the training loss's
   * form); NaN when no weights were given or n = 0.
   */
  weightedLoss: number;
}

/**
 * Softmax, accuracy and weighted cross-entropy of `n = labels.length` rows of `classes` logits.
 * @param weights per-class loss weights, or null to skip the loss
 */
export function logitStats(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  weights: ArrayLike<number> | null,
): LogitStats {
  const n = labels.length;
  if (logits.length !== n * classes)
    throw new RangeError(`${logits.length} logits do not fit ${n} examples × ${classes} classes`);
  const probabilities = new Float32Array(n * classes);
  let correct = 0;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const o = i * classes;
    let max = -Infinity;
    let best = 0;
    for (let k = 0; k < classes; k++) {
      const z = logits[o + k] as number;
      if (z > max) {
        max = z;
        best = k;
      }
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp((logits[o + k] as number) - max);
    for (let k = 0; k < classes; k++) probabilities[o + k] = Math.exp((logits[o + k] as number) - max) / sum;
    const y = labels[i] as number;
    if (best === y) correct++;
    if (weights) lossSum += (weights[y] as number) * (max + Math.log(sum) - (logits[o + y] as number));
  }
  return { probabilities, correct, weightedLoss: weights && n > 0 ? lossSum / n : NaN };
}
