import { useMemo } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { NO_AUGMENT } from '../../core/training/trainingTypes';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { RunRecord } from '../../ui/training/trainingStoreTypes';
import { fillBoth } from '../../ui/training/trainingTexts';
import type { WidgetProps } from '../widgetTypes';
import { DataGate, RunStatusLine, TrainerError } from './DataGate';
import { isTraining, runExperiment } from './experimentRuns';
import { compareRuns, runBest, type RunBest, type Verdict } from './overfitMaths';
import { ExperimentCurves, experimentFromParams, useExperimentRun } from './OverfitWidget';
import { experimentAugmentFromParams, SMALL_SET_BATCH } from './trainClassifierParams';
import { experimentTexts as T } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

const f3 = (v: number): string => formatNumber(v, 3);

function cell(best: { value: number; epoch: number } | null): string {
  return best ? `${f3(best.value)} (${best.epoch})` : '—';
}

function verdictText(
  kind: 'loss' | 'auc',
  verdict: Verdict,
  a: RunBest,
  b: RunBest,
  lang: Lang,
): string | null {
  const x = a[kind]?.value;
  const y = b[kind]?.value;
  if (verdict === 'unknown' || x === undefined || y === undefined) return null;
  const d = f3(Math.abs(y - x));
  const texts =
    kind === 'loss'
      ? { better: T.lossBetter, worse: T.lossWorse, same: T.lossSame }
      : { better: T.aucBetter, worse: T.aucWorse, same: T.aucSame };
  return fillPlaceholders(texts[verdict][lang], { d });
}

/** The table of both runs' best validation figures and what the comparison measured. */
export function AugmentComparison({
  plain,
  augmented,
  lang,
}: {
  plain: RunRecord;
  augmented: RunRecord;
  lang: Lang;
}) {
  const a = runBest(plain.epochs);
  const b = runBest(augmented.epochs);
  const verdict = compareRuns(a, b);
  const rows: [RunRecord, RunBest][] = [
    [plain, a],
    [augmented, b],
  ];
  const loss = verdictText('loss', verdict.loss, a, b, lang);
  const auc = verdictText('auc', verdict.auc, a, b, lang);
  return (
    <div data-testid="train-augment-comparison" data-loss={verdict.loss} data-auc={verdict.auc}>
      <table className="table">
        <caption>{T.compareHeading[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.runColumn[lang]}</th>
            <th scope="col">{T.lossColumn[lang]}</th>
            <th scope="col">{T.aucColumn[lang]}</th>
            <th scope="col">{T.gapColumn[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([run, best]) => (
            <tr key={run.label.en}>
              <th scope="row">{run.label[lang]}</th>
              <td>{cell(best.loss)}</td>
              <td>{cell(best.auc)}</td>
              <td>{best.finalGap === null ? '—' : f3(best.finalGap)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {loss && <p data-testid="train-augment-loss">{loss}</p>}
      {auc && <p data-testid="train-augment-auc">{auc}</p>}
    </div>
  );
}

/**
 * Step 6: the small-set experiment with and without augmentation (the latter is step 5's run);
 * both runs' curves together and each run's best validation loss and AUC, compared as measured.
 */
export function AugmentWidget({ step, params, lang }: WidgetProps) {
  const augment = useMemo(() => experimentAugmentFromParams(params), [params]);
  const plainSpec = useMemo(() => experimentFromParams(params, NO_AUGMENT), [params]);
  const augSpec = useMemo(() => experimentFromParams(params, augment), [params, augment]);
  const plainLabel = useMemo(() => fillBoth(T.plainLabel, { n: plainSpec.small }), [plainSpec.small]);
  const augLabel = useMemo(() => fillBoth(T.augmentedLabel, { n: augSpec.small }), [augSpec.small]);
  const plain = useExperimentRun(plainSpec, plainLabel);
  const augmented = useExperimentRun(augSpec, augLabel);
  const training = useTrainingStore(isTraining);
  const start = (which: 'plain' | 'augmented'): void => {
    const [e, label] = which === 'plain' ? [plainSpec, plainLabel] : [augSpec, augLabel];
    void runExperiment(useTrainingStore.getState(), e, label);
  };
  const current = augmented ?? plain;
  const others = useMemo(() => (augmented && plain ? [plain] : []), [augmented, plain]);
  return (
    <div className="train-widget" data-testid="train-augment">
      <RichText text={step.body[lang]} />
      <DataGate lang={lang}>
        <p className="hint">
          {fillPlaceholders(T.setup[lang], {
            n: augSpec.small,
            batch: SMALL_SET_BATCH,
            epochs: augSpec.epochs,
          })}
        </p>
        <p className="train-actions">
          <button
            type="button"
            className="button"
            data-testid="train-run-plain"
            disabled={training}
            onClick={() => start('plain')}
          >
            {T.runPlain[lang]}
          </button>{' '}
          <button
            type="button"
            className="button button--primary"
            data-testid="train-run-augmented"
            disabled={training}
            onClick={() => start('augmented')}
          >
            {T.runAugmented[lang]}
          </button>
        </p>
        <RunStatusLine lang={lang} />
        <TrainerError lang={lang} />
        {current && <ExperimentCurves run={current} others={others} lang={lang} />}
        {plain && augmented ? (
          <AugmentComparison plain={plain} augmented={augmented} lang={lang} />
        ) : (
          <p className="hint">{T.needBoth[lang]}</p>
        )}
      </DataGate>
    </div>
  );
}
