/**
 * Reading a run's epoch records for the overfitting and augmentation steps: the epoch of the lowest
 * validation loss, the gap between validation and training loss at the end, when early stopping
 * would have stopped, and the best figures of two runs side by side. Pure maths on plain records.
 *
 * Early stopping as in Goodfellow, Bengio & Courville, "Deep Learning" (MIT Press 2016), §7.8,
 * Algorithm 7.1: keep the parameters of the epoch with the lowest validation loss and stop once
 * `patience` epochs in a row have not improved on it.
 */
import type { EpochRecord } from '../../core/training/trainingTypes';

/** What the overfitting step states about one run. */
export interface OverfitSummary {
  /** Epochs with a validation loss. */
  epochs: number;
  /** The epoch (1-based) of the lowest validation loss (the first one on a tie). */
  bestEpoch: number;
  bestValidationLoss: number;
  /** Figures of the last epoch. */
  finalEpoch: number;
  finalTrainLoss: number;
  finalValidationLoss: number;
  /** Validation minus training loss at the last epoch (> 0: the model fits its training set better). */
  finalGap: number;
  /** Last validation loss minus the lowest one (≥ 0): how much validation got worse after its best. */
  validationRise: number;
  /** Training loss of the first and the last epoch. */
  firstTrainLoss: number;
}

type WithValidation = EpochRecord & { validationLoss: number };

const hasValidation = (r: EpochRecord): r is WithValidation =>
  r.validationLoss !== null && Number.isFinite(r.validationLoss);

/**
 * The summary of a run's epochs (records in epoch order), or null when no epoch has a validation
 * loss. The best epoch is `argmin_e L_val(e)`, the first on a tie; the gap is
 * `L_val(last) − L_train(last)`; the rise is `L_val(last) − min_e L_val(e)`.
 */
export function overfitSummary(records: readonly EpochRecord[]): OverfitSummary | null {
  const valid = records.filter(hasValidation);
  const first = valid[0];
  const last = valid.at(-1);
  if (!first || !last) return null;
  let best = first;
  for (const r of valid) if (r.validationLoss < best.validationLoss) best = r;
  return {
    epochs: valid.length,
    bestEpoch: best.epoch,
    bestValidationLoss: best.validationLoss,
    finalEpoch: last.epoch,
    finalTrainLoss: last.trainLoss,
    finalValidationLoss: last.validationLoss,
    finalGap: last.validationLoss - last.trainLoss,
    validationRise: last.validationLoss - best.validationLoss,
    firstTrainLoss: first.trainLoss,
  };
}

/** Where early stopping ends a run. */
export interface EarlyStop {
  /** The epoch after which training stops (the last epoch when patience never ran out). */
  stopEpoch: number;
  /** The epoch whose weights are kept: the best validation loss seen up to `stopEpoch`. */
  keptEpoch: number;
  /** True when patience ran out before the run's last epoch. */
  stoppedEarly: boolean;
}

/**
 * Early stopping with `patience` (≥ 1) epochs (Goodfellow et al. 2016, Algorithm 7.1): walking the
 * epochs in order, a validation loss strictly below the best so far resets the count; otherwise
 * the count grows, and training stops when it reaches `patience`. Null without validation losses.
 */
export function earlyStopping(records: readonly EpochRecord[], patience: number): EarlyStop | null {
  const valid = records.filter(hasValidation);
  const first = valid[0];
  if (!first) return null;
  const p = Math.max(1, Math.floor(patience));
  let best = first;
  let waited = 0;
  for (const r of valid.slice(1)) {
    if (r.validationLoss < best.validationLoss) {
      best = r;
      waited = 0;
    } else if (++waited >= p) {
      return { stopEpoch: r.epoch, keptEpoch: best.epoch, stoppedEarly: r !== valid.at(-1) };
    }
  }
  return { stopEpoch: valid.at(-1)!.epoch, keptEpoch: best.epoch, stoppedEarly: false };
}

/** The best validation figures of one run. */
export interface RunBest {
  /** Lowest validation loss and its epoch (null without validation). */
  loss: { value: number; epoch: number } | null;
  /** Highest validation AUC and its epoch (null when no epoch has one). */
  auc: { value: number; epoch: number } | null;
  /** Validation − training loss at the last epoch with a validation loss (null without). */
  finalGap: number | null;
}

/** The best validation loss and AUC of a run (the first epoch on ties) and its final gap. */
export function runBest(records: readonly EpochRecord[]): RunBest {
  let loss: RunBest['loss'] = null;
  let auc: RunBest['auc'] = null;
  for (const r of records) {
    if (r.validationLoss !== null && Number.isFinite(r.validationLoss)) {
      if (loss === null || r.validationLoss < loss.value) loss = { value: r.validationLoss, epoch: r.epoch };
    }
    if (r.validationAuc !== null && Number.isFinite(r.validationAuc)) {
      if (auc === null || r.validationAuc > auc.value) auc = { value: r.validationAuc, epoch: r.epoch };
    }
  }
  return { loss, auc, finalGap: overfitSummary(records)?.finalGap ?? null };
}

/** How run B compares with run A on one figure. */
export type Verdict = 'better' | 'worse' | 'same' | 'unknown';

/**
 * Compares the best figures of run `b` (augmented) with run `a` (not): lower validation loss and
 * higher AUC are better; differences within `tolerance` (absolute) count as the same.
 */
export function compareRuns(
  a: RunBest,
  b: RunBest,
  tolerance = { loss: 0.01, auc: 0.005 },
): { loss: Verdict; auc: Verdict } {
  const judge = (
    x: number | undefined,
    y: number | undefined,
    tol: number,
    higherBetter: boolean,
  ): Verdict => {
    if (x === undefined || y === undefined) return 'unknown';
    const d = higherBetter ? y - x : x - y;
    return Math.abs(d) <= tol ? 'same' : d > 0 ? 'better' : 'worse';
  };
  return {
    loss: judge(a.loss?.value, b.loss?.value, tolerance.loss, false),
    auc: judge(a.auc?.value, b.auc?.value, tolerance.auc, true),
  };
}
