import './training.css';
import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { BatchRecord, EpochRecord } from '../../core/training/trainingTypes';
import {
  createTrainingCurvesView,
  type CurvesRun,
  type TrainingCurvesData,
  type TrainingCurvesTexts,
} from '../../core/viz/createTrainingCurvesView';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { useD3View } from '../../lessons/useD3View';
import type { RunRecord } from './trainingStoreTypes';
import { curvesTexts as T, fill } from './trainingTexts';

/** The chart's texts in `lang`. */
export function curvesViewTexts(lang: Lang): TrainingCurvesTexts {
  return {
    title: T.title[lang],
    description: T.description[lang],
    xLabel: T.xLabel[lang],
    lossLabel: T.loss[lang],
    accuracyLabel: T.accuracy[lang],
    batchLabel: T.batch[lang],
    averageLabel: T.average[lang],
    trainEpochLabel: T.trainEpoch[lang],
    validationLabel: T.validation[lang],
  };
}

/** Batches per epoch of a finished run: ⌈training images / batch size⌉, or what its first epoch logged. */
export function runBatchesPerEpoch(run: RunRecord): number {
  const inFirst = run.batches.filter((b) => b.epoch === 1).length;
  const fromCount = Math.ceil(run.trainCount / Math.max(1, run.config.batchSize));
  return Math.max(1, run.epochs.length > 0 && inFirst > 0 ? inFirst : fromCount);
}

/** A run record as the chart draws it. */
export function toCurvesRun(run: RunRecord, lang: Lang): CurvesRun {
  return {
    id: `run${run.id}`,
    label: run.label[lang],
    batchesPerEpoch: runBatchesPerEpoch(run),
    batches: run.batches,
    epochs: run.epochs,
  };
}

/**
 * The live loss and accuracy curves of the current run (per batch, moving average, per epoch
 * training and validation), with earlier runs faded for comparison, and a text summary of the
 * last epoch for screen readers and for reading exact numbers.
 */
export function TrainingCurves({
  batches,
  epochs,
  batchesPerEpoch,
  plannedEpochs,
  runs = [],
  lang,
}: {
  batches: readonly BatchRecord[];
  epochs: readonly EpochRecord[];
  batchesPerEpoch: number;
  plannedEpochs: number;
  /** Earlier runs to draw faded (e.g. the store's `runs`). */
  runs?: readonly RunRecord[];
  lang: Lang;
}) {
  const data = useMemo<TrainingCurvesData>(
    () => ({
      batches,
      epochs,
      batchesPerEpoch: Math.max(1, batchesPerEpoch),
      plannedEpochs,
      runs: runs.map((r) => toCurvesRun(r, lang)),
    }),
    [batches, epochs, batchesPerEpoch, plannedEpochs, runs, lang],
  );
  const ref = useD3View((el) => createTrainingCurvesView(el, { texts: curvesViewTexts(lang) }), data, lang);
  const last = epochs[epochs.length - 1];
  const f = (v: number | null): string => (v === null ? '—' : formatNumber(v, 3));
  return (
    <figure className="training-curves">
      <div ref={ref} className="training-curves__chart" />
      <figcaption
        className="hint"
        data-testid="curves-summary"
        data-epoch={last?.epoch ?? 0}
        data-validation-auc={last?.validationAuc ?? undefined}
        data-validation-accuracy={last?.validationAccuracy ?? undefined}
      >
        {last
          ? fill(T.summary[lang], {
              epoch: last.epoch,
              trainLoss: f(last.trainLoss),
              valLoss: f(last.validationLoss),
              valAcc: f(last.validationAccuracy),
            })
          : T.empty[lang]}
      </figcaption>
    </figure>
  );
}
