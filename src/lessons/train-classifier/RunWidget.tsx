import { useMemo } from 'react';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { TrainControls } from '../../ui/training/TrainControls';
import { TrainingCurves } from '../../ui/training/TrainingCurves';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { RunRecord } from '../../ui/training/trainingStoreTypes';
import type { BatchRecord } from '../../core/training/trainingTypes';
import type { WidgetProps } from '../widgetTypes';
import { DataGate, TrainerError } from './DataGate';
import { fullRunConfig } from './experimentRuns';
import { runTexts as T } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/**
 * Trains a new model on the whole training split (an experiment may have cut it) with the setup's
 * config (an experiment may have replaced it).
 */
export function trainOnFullSet(): void {
  const store = useTrainingStore.getState();
  store.setTrainLimit(null);
  const config = fullRunConfig(store.config);
  if (config !== store.config) store.setConfig(config);
  void store.train();
}

/**
 * True when `run` is the store's current run: the store keeps a copy of the current batches in the
 * run it closes, so the records themselves (not the array) are compared.
 */
export function isCurrentRun(run: RunRecord, batches: readonly BatchRecord[]): boolean {
  const n = batches.length;
  return (
    n > 0 &&
    run.batches.length === n &&
    run.batches[0] === batches[0] &&
    run.batches[n - 1] === batches[n - 1]
  );
}

/**
 * Step 3: train a new model on the whole training split with the setup of step 2: the controls
 * (train, play, pause, one batch, stop, progress) and the live curves, earlier runs faded.
 */
export function RunWidget({ step, lang }: WidgetProps) {
  const split = useTrainingStore((s) => s.split);
  const dataset = useTrainingStore((s) => s.dataset);
  const batches = useTrainingStore((s) => s.batches);
  const epochs = useTrainingStore((s) => s.epochs);
  const runs = useTrainingStore((s) => s.runs);
  const progress = useTrainingStore((s) => s.progress);
  const backend = useTrainingStore((s) => s.backend);
  const trainer = useTrainingStore((s) => s.trainer);
  const store = useTrainingStore.getState;
  // The current run joins `runs` when it ends (as a copy of its batches): draw it once, in full.
  const earlier = useMemo(() => runs.filter((r) => !isCurrentRun(r, batches)), [runs, batches]);
  return (
    <div className="train-widget" data-testid="train-run">
      <RichText text={step.body[lang]} />
      <DataGate lang={lang}>
        <p className="hint">{fillPlaceholders(T.fullSet[lang], { n: split?.train.length ?? 0 })}</p>
        <TrainControls
          progress={progress}
          backend={backend}
          trainer={trainer}
          canTrain={dataset !== null}
          onTrain={trainOnFullSet}
          onPlay={() => void store().play()}
          onPause={() => void store().pause()}
          onStep={() => void store().step()}
          onStop={() => void store().stop()}
          lang={lang}
        />
        <TrainerError lang={lang} />
        <TrainingCurves
          batches={batches}
          epochs={epochs}
          batchesPerEpoch={progress?.batchesPerEpoch ?? 1}
          plannedEpochs={progress?.epochs ?? 1}
          runs={earlier}
          lang={lang}
        />
      </DataGate>
    </div>
  );
}
