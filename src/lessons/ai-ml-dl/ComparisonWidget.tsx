import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SCALAR_FEATURE_IDS } from '../../core/datasets/handcraftedFeatures';
import { SMALL_CNN_ARCHITECTURE, smallCnnParamCount } from '../../core/models/smallCnn';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import { TRAIN_SIZES } from './aiMlDlData';
import { classifierName, numberParamValue } from './aiMlDlParams';
import { formatAuc, formatInt, formatMs, formatPercent, tx } from './aiMlDlTexts';
import { runClassic, type ClassifierId, type ClassicResult } from './classicPipeline';
import { CnnTrainingControls } from './CnnTrainingControls';
import type { LessonData } from './lessonData';
import { LessonDataStatus } from './LessonDataStatus';
import { classicKey, cnnKey, useRunsStore, type MeasuredRun } from './runsStore';
import { useCnnTraining } from './useCnnTraining';
import { useLessonData } from './useLessonData';
import './aiMlDl.css';

interface ClassicMeasured {
  result: ClassicResult;
  /**
   * Time to compute the features of the training patches, ms: their number times the per-patch
   * time measured when the lesson data was built.
   */
  featureMs: number;
}

/** Runs the classic pipeline on every feature (with the LBP histogram) and times the features too. */
export function measureClassic(data: LessonData, n: number, clf: ClassifierId): ClassicMeasured {
  const { dataset } = data;
  const count = Math.min(n, dataset.train.count);
  const featureMs = count * data.featureMsPerPatch;
  const result = runClassic(
    {
      trainFeatures: data.trainFeatures.slice(0, count),
      trainLabels: dataset.train.labels,
      testFeatures: data.testFeatures,
      testLabels: dataset.test.labels,
    },
    { trainCount: count, features: SCALAR_FEATURE_IDS, withLbp: true, classifier: clf, seed: data.seed },
  );
  return { result, featureMs };
}

function classicRun(data: LessonData, m: ClassicMeasured, clf: ClassifierId): MeasuredRun {
  return {
    key: classicKey(data.seed, m.result.trainCount, clf, 'all'),
    method: 'classic',
    seed: data.seed,
    trainCount: m.result.trainCount,
    epochs: 0,
    model: clf,
    accuracy: m.result.accuracy,
    auc: m.result.auc,
    trainMs: m.result.trainMs,
    paramCount: m.result.paramCount,
  };
}

function ComparisonLive({ data, params, lang }: { data: LessonData } & Pick<WidgetProps, 'params' | 'lang'>) {
  const id = useId();
  const n = numberParamValue(params.n, 200);
  const epochs = numberParamValue(params.epochs, 10);
  const clf: ClassifierId = params.clf === 'svm' ? 'svm' : 'logreg';
  const seed = data.seed;
  const classic = useMemo(() => measureClassic(data, n, clf), [data, n, clf]);
  const recordClassic = useRunsStore((s) => s.recordClassic);
  useEffect(() => recordClassic(classicRun(data, classic, clf)), [data, classic, clf, recordClassic]);

  const training = useCnnTraining({ seed, trainCount: n, epochs });
  const cnn = training.result;
  const history = useRunsStore((s) => s.history);
  const rows = history
    .filter((r) => r.seed === seed && (r.method === 'classic' ? r.model === clf : r.epochs === epochs))
    .sort((a, b) => (a.method === b.method ? a.trainCount - b.trainCount : a.method === 'classic' ? -1 : 1));

  const [sweeping, setSweeping] = useState(false);
  const sweepStop = useRef(false);
  const sweep = async (): Promise<void> => {
    setSweeping(true);
    sweepStop.current = false;
    try {
      for (const size of TRAIN_SIZES) {
        recordClassic(classicRun(data, measureClassic(data, size, clf), clf));
        if (sweepStop.current) break;
        if (useRunsStore.getState().cnn[cnnKey(seed, size, epochs)]) continue;
        const r = await training.run({ seed, trainCount: size, epochs });
        if (!r || r.stopped) break;
      }
    } finally {
      setSweeping(false);
    }
  };
  const stopAll = (): void => {
    sweepStop.current = true;
    training.stop();
  };
  const a = SMALL_CNN_ARCHITECTURE;
  const none = <span className="hint">{tx('notYet', lang)}</span>;

  return (
    <>
      <table className="data-table aimldl-table aimldl-compare" data-testid="classic-vs-cnn-table">
        <caption>
          {tx('tableCaption', lang, { n: classic.result.trainCount, test: classic.result.testCount, seed })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tx('approach', lang)}</th>
            <th scope="col">{tx('features', lang)}</th>
            <th scope="col">{tx('learnedParams', lang)}</th>
            <th scope="col">{tx('trainingExamples', lang)}</th>
            <th scope="col">{tx('testAccuracy', lang)}</th>
            <th scope="col">{tx('testAuc', lang)}</th>
            <th scope="col">{tx('trainingTime', lang)}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="row-classic">
            <th scope="row">{tx('classicRow', lang, { clf: classifierName(clf, lang) })}</th>
            <td>{tx('designed', lang, { k: classic.result.featureCount })}</td>
            <td data-cell="params">{formatInt(classic.result.paramCount)}</td>
            <td data-cell="examples">{classic.result.trainCount}</td>
            <td data-cell="accuracy">{formatPercent(classic.result.accuracy)}</td>
            <td data-cell="auc">{formatAuc(classic.result.auc)}</td>
            <td data-cell="time">
              {tx('featureTime', lang, {
                fit: formatMs(classic.result.trainMs, lang),
                features: formatMs(classic.featureMs, lang),
              })}
            </td>
          </tr>
          <tr data-testid="row-cnn">
            <th scope="row">{tx('cnnRow', lang)}</th>
            <td>{tx('learnedFeatures', lang, { f1: a.filters1, f2: a.filters2 })}</td>
            <td data-cell="params">{formatInt(cnn?.paramCount ?? smallCnnParamCount(a))}</td>
            <td data-cell="examples">{cnn ? cnn.trainCount : n}</td>
            <td data-cell="accuracy">{cnn ? formatPercent(cnn.accuracy) : none}</td>
            <td data-cell="auc">{cnn ? formatAuc(cnn.auc) : none}</td>
            <td data-cell="time">{cnn ? formatMs(cnn.trainMs, lang) : none}</td>
          </tr>
        </tbody>
      </table>
      <CnnTrainingControls training={training} lang={lang} />
      <p>
        {sweeping ? (
          <button type="button" className="button" onClick={stopAll} data-testid="sweep-stop">
            {tx('stop', lang)}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void sweep()}
            disabled={training.busy}
            data-testid="sweep"
          >
            {tx('measureAll', lang)}
          </button>
        )}
      </p>
      <section aria-labelledby={`${id}-h`}>
        <h4 id={`${id}-h`}>{tx('historyHeading', lang)}</h4>
        <table className="data-table aimldl-table" data-testid="runs-table">
          <caption>{tx('historyCaption', lang)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx('method', lang)}</th>
              <th scope="col">{tx('trainingExamples', lang)}</th>
              <th scope="col">{tx('testAccuracy', lang)}</th>
              <th scope="col">{tx('testAuc', lang)}</th>
              <th scope="col">{tx('trainingTime', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.method === 'cnn'
                    ? tx('cnnRow', lang)
                    : tx('classicRow', lang, { clf: classifierName(r.model, lang) })}
                </th>
                <td>{r.trainCount}</td>
                <td>{formatPercent(r.accuracy)}</td>
                <td>{formatAuc(r.auc)}</td>
                <td>{formatMs(r.trainMs, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/**
 * The `classic-vs-cnn` widget (step 4): one table comparing the classic pipeline (every
 * hand-crafted feature + the chosen classifier) with the small CNN on the same patches, both
 * measured live, and the history of runs by training-set size. Parameters: `n`, `clf`, `epochs`, `seed`.
 */
export function ComparisonWidget({ step, params, lang }: WidgetProps) {
  const id = useId();
  const state = useLessonData(numberParamValue(params.seed, 1));
  return (
    <div className="aimldl" data-testid="comparison-widget">
      <section className="aimldl-panel" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{tx('tableHeading', lang)}</h3>
        {state.status === 'ready' ? (
          <ComparisonLive data={state.data} params={params} lang={lang} />
        ) : (
          <LessonDataStatus state={state} lang={lang} />
        )}
      </section>
      <RichText text={step.body[lang]} />
    </div>
  );
}
