/**
 * Feature standardisation (z-scores): each column is shifted by its mean and divided by its
 * standard deviation, both estimated on the training set only and then applied unchanged to the
 * test set, so that no information leaks from the test set (Hastie, Tibshirani, Friedman, The
 * Elements of Statistical Learning, 2nd ed., §3.4 and §7.10.2).
 */

/** A feature matrix: one row per example, one column per feature. */
export type FeatureRows = readonly (readonly number[])[];

/** Column means and standard deviations learned from a training set. */
export interface Standardizer {
  mean: number[];
  /** Population standard deviation (divides by n); a constant column gets 1, so it maps to 0. */
  std: number[];
}

/** Learns the column means and standard deviations of `rows` (which must not be empty). */
export function fitStandardizer(rows: FeatureRows): Standardizer {
  const first = rows[0];
  if (!first) throw new RangeError('cannot standardise an empty feature matrix');
  const d = first.length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j] as number;
  for (let j = 0; j < d; j++) mean[j]! /= rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) std[j]! += ((r[j] as number) - mean[j]!) ** 2;
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(std[j]! / rows.length);
    std[j] = s > 1e-12 ? s : 1;
  }
  return { mean, std };
}

/** Applies a fitted standardiser: `z = (x − mean) / std`, column by column. */
export function applyStandardizer(s: Standardizer, rows: FeatureRows): number[][] {
  return rows.map((r) => r.map((x, j) => (x - (s.mean[j] ?? 0)) / (s.std[j] ?? 1)));
}
