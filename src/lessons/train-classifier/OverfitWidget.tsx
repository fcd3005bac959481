import { useMemo } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang, Localized } from '../../core/lessons/types';
import { NO_AUGMENT, type EpochRecord } from '../../core/training/trainingTypes';
import { fillBoth } from '../../ui/training/trainingTexts';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { TrainingCurves, runBatchesPerEpoch } from '../../ui/training/TrainingCurves';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { RunRecord } from '../../ui/training/trainingStoreTypes';
import { paramNumber } from '../paramValue';
import type { WidgetProps } from '../widgetTypes';
import { DataGate, RunStatusLine, TrainerError } from './DataGate';
import {
  isTraining,
  latestExperimentRun,
  liveExperimentEpochs,
  runExperiment,
  type ExperimentSpec,
} from './experimentRuns';
import { earlyStopping, overfitSummary } from './overfitMaths';
import { SMALL_EPOCHS_PARAM, SMALL_SET_BATCH, SMALL_SET_PARAM } from './trainClassifierParams';
import { experimentTexts as T } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/** Patience (epochs) of the early stopping the widget describes. */
export const PATIENCE = 5;
/** A validation rise below this counts as none (losses are shown to 3 decimals). */
export const RISE_TOLERANCE = 0.001;

const f3 = (v: number): string => formatNumber(v, 3);

/** The experiment a step's parameters name, with its augmentation. */
export function experimentFromParams(
  params: WidgetProps['params'],
  augment: ExperimentSpec['augment'],
): ExperimentSpec {
  return {
    small: paramNumber(params[SMALL_SET_PARAM.id], SMALL_SET_PARAM.default),
    epochs: paramNumber(params[SMALL_EPOCHS_PARAM.id], SMALL_EPOCHS_PARAM.default),
    augment,
  };
}

/**
 * The run of experiment `e`: the store's current run while it is that experiment (as a record with
 * id 0), else the latest finished run of it, else null.
 */
export function useExperimentRun(e: ExperimentSpec, label: Localized): RunRecord | null {
  const config = useTrainingStore((s) => s.config);
  const trainLimit = useTrainingStore((s) => s.trainLimit);
  const progress = useTrainingStore((s) => s.progress);
  const epochs = useTrainingStore((s) => s.epochs);
  const batches = useTrainingStore((s) => s.batches);
  const runs = useTrainingStore((s) => s.runs);
  const { small, epochs: ep, augment } = e;
  return useMemo(() => {
    const spec = { small, epochs: ep, augment };
    const live = liveExperimentEpochs({ config, trainLimit, progress, epochs }, spec);
    if (live) return { id: 0, label, config, trainCount: small, epochs: [...live], batches: [...batches] };
    return latestExperimentRun(runs, spec) ?? null;
  }, [config, trainLimit, progress, epochs, batches, runs, small, ep, augment, label]);
}

/** The training curves of an experiment's run, with others faded. */
export function ExperimentCurves({
  run,
  others,
  lang,
}: {
  run: RunRecord;
  others: readonly RunRecord[];
  lang: Lang;
}) {
  return (
    <div data-testid="train-experiment-curves">
      <TrainingCurves
        batches={run.batches}
        epochs={run.epochs}
        batchesPerEpoch={runBatchesPerEpoch(run)}
        plannedEpochs={run.config.epochs}
        runs={others}
        lang={lang}
      />
    </div>
  );
}

/** The computed statements about one run's epochs (best epoch, gap, rise, early stopping). */
export function OverfitFindings({ records, lang }: { records: readonly EpochRecord[]; lang: Lang }) {
  const summary = overfitSummary(records);
  const early = earlyStopping(records, PATIENCE);
  if (records.length === 0) return null;
  if (!summary) return <p>{T.noValidation[lang]}</p>;
  const rose = summary.validationRise > RISE_TOLERANCE && summary.bestEpoch < summary.finalEpoch;
  return (
    <ul className="train-findings" data-testid="train-overfit-findings">
      <li>
        {fillPlaceholders(T.trainFell[lang], {
          first: f3(summary.firstTrainLoss),
          last: f3(summary.finalTrainLoss),
        })}
      </li>
      <li data-testid="train-best-epoch" data-epoch={summary.bestEpoch}>
        {fillPlaceholders(T.bestEpoch[lang], {
          loss: f3(summary.bestValidationLoss),
          epoch: summary.bestEpoch,
        })}
      </li>
      <li data-testid="train-final-gap" data-gap={summary.finalGap}>
        {fillPlaceholders(T.finalGap[lang], {
          epoch: summary.finalEpoch,
          train: f3(summary.finalTrainLoss),
          validation: f3(summary.finalValidationLoss),
          gap: f3(summary.finalGap),
        })}
      </li>
      <li data-testid="train-rise">
        {fillPlaceholders((rose ? T.rose : T.didNotRise)[lang], { rise: f3(summary.validationRise) })}
      </li>
      {early && (
        <li data-testid="train-early-stop">
          {fillPlaceholders((early.stoppedEarly ? T.earlyStop : T.noEarlyStop)[lang], {
            patience: PATIENCE,
            stop: early.stopEpoch,
            kept: early.keptEpoch,
          })}
        </li>
      )}
    </ul>
  );
}

/**
 * Step 5: one button trains the setup's model on a small stratified training set without
 * augmentation for many epochs; the curves and the computed statements (epoch of the lowest
 * validation loss, final gap, what early stopping would do) come from the run's epoch records.
 */
export function OverfitWidget({ step, params, lang }: WidgetProps) {
  const e = useMemo(() => experimentFromParams(params, NO_AUGMENT), [params]);
  const label = useMemo(() => fillBoth(T.plainLabel, { n: e.small }), [e.small]);
  const run = useExperimentRun(e, label);
  const training = useTrainingStore(isTraining);
  return (
    <div className="train-widget" data-testid="train-overfit">
      <RichText text={step.body[lang]} />
      <DataGate lang={lang}>
        <p className="hint">
          {fillPlaceholders(T.setup[lang], { n: e.small, batch: SMALL_SET_BATCH, epochs: e.epochs })}
        </p>
        <p className="train-actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="train-run-plain"
            disabled={training}
            onClick={() => void runExperiment(useTrainingStore.getState(), e, label)}
          >
            {T.runPlain[lang]}
          </button>
        </p>
        <RunStatusLine lang={lang} />
        <TrainerError lang={lang} />
        {run ? (
          <>
            <ExperimentCurves run={run} others={[]} lang={lang} />
            <OverfitFindings records={run.epochs} lang={lang} />
          </>
        ) : (
          <p className="hint">{T.notYet[lang]}</p>
        )}
      </DataGate>
    </div>
  );
}
