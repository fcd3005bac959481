import { useMemo } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { Evaluation } from '../../core/training/trainingTypes';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { useTrainingStore } from '../../ui/training/trainingStore';
import { paramNumber } from '../paramValue';
import { useD3View } from '../useD3View';
import type { WidgetProps } from '../widgetTypes';
import { DataGate, TrainerError } from './DataGate';
import { binaryScores, type BinaryScores } from '../../core/training/binaryMetrics';
import { CURVE_PREVALENCES, imbalanceCurve, imbalanceFigures, type ImbalanceFigures } from './imbalanceMaths';
import { DRAW_PARAM, PREVALENCE_PARAM } from './trainClassifierParams';
import { imbalanceWidgetTexts as T, SPLIT_WORDS } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/** The class treated as positive (the lesion class of the binary tasks). */
const POSITIVE_CLASS = 1;
/** Below this many positives the widget warns that the figures rest on few cases. */
export const FEW_POSITIVES = 5;

const f3 = (v: number): string => formatNumber(v, 3);
const pct = (v: number): string => formatNumber(100 * v, 1);

const SERIES = [
  { id: 'always-normal', label: T.alwaysNormal, color: OKABE_ITO[0], dash: '6 4', shape: 'square' },
  { id: 'accuracy', label: T.accuracy, color: OKABE_ITO[5], dash: '', shape: 'circle' },
  { id: 'auc', label: T.auc, color: OKABE_ITO[6], dash: '2 3', shape: 'triangle' },
] as const;

function pick(id: (typeof SERIES)[number]['id'], f: ImbalanceFigures): number {
  return id === 'always-normal' ? f.alwaysNormalAccuracy : id === 'accuracy' ? f.accuracy : f.auc;
}

function PrevalenceChart({
  data,
  seed,
  prevalence,
  lang,
}: {
  data: BinaryScores;
  seed: number;
  prevalence: number;
  lang: Lang;
}) {
  const curve = useMemo(() => imbalanceCurve(data, CURVE_PREVALENCES, seed), [data, seed]);
  const state = useMemo<LinePlotState>(
    () => ({
      series: SERIES.map((s) => ({
        id: s.id,
        label: s.label[lang],
        color: s.color,
        dash: s.dash,
        shape: s.shape,
        points: curve.map(({ prevalencePct, figures }) => [prevalencePct, pick(s.id, figures)] as const),
      })),
      xLog: false,
      yLog: false,
      xLabel: T.prevalenceAxis[lang],
      yLabel: T.valueAxis[lang],
      markX: prevalence,
    }),
    [curve, prevalence, lang],
  );
  const ref = useD3View(
    (el) => createLinePlotView(el, { title: T.curveTitle[lang], description: T.curveDescription[lang] }),
    state,
    lang,
  );
  return (
    <figure className="train-figure">
      <div ref={ref} data-testid="train-imbalance-chart" />
      <figcaption>
        <ul className="train-legend">
          {SERIES.map((s) => (
            <li key={s.id}>
              <span
                className="train-legend__swatch"
                style={{ borderColor: s.color, borderStyle: s.dash ? 'dashed' : 'solid' }}
              />
              {s.label[lang]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The table of figures on the resampled set, with the whole set's AUC and Bayes' PPV for comparison. */
export function ImbalanceTable({ figures, lang }: { figures: ImbalanceFigures; lang: Lang }) {
  const rows: [string, keyof ImbalanceFigures, string][] = [
    ['always-normal', 'alwaysNormalAccuracy', ''],
    ['accuracy', 'accuracy', fillPlaceholders(T.expected[lang], { v: f3(figures.expectedAccuracy) })],
    ['auc', 'auc', fillPlaceholders(T.aucFull[lang], { n: figures.fullN, auc: f3(figures.fullAuc) })],
    ['sensitivity', 'sensitivity', ''],
    ['ppv', 'ppv', fillPlaceholders(T.expected[lang], { v: f3(figures.expectedPpv) })],
  ];
  const labels: Record<string, string> = {
    'always-normal': T.alwaysNormal[lang],
    accuracy: T.accuracy[lang],
    auc: T.auc[lang],
    sensitivity: T.sensitivity[lang],
    ppv: T.ppv[lang],
  };
  return (
    <table className="table train-imbalance-table" data-testid="train-imbalance-table">
      <thead>
        <tr>
          <th scope="col">{T.figure[lang]}</th>
          <th scope="col">{T.value[lang]}</th>
          <th scope="col">{T.reference[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, key, ref]) => (
          <tr key={id} data-testid={`train-imbalance-${id}`} data-value={figures[key]}>
            <th scope="row">{labels[id]}</th>
            <td>{f3(figures[key])}</td>
            <td>{ref}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({
  evaluation,
  prevalencePct,
  draw,
  lang,
}: {
  evaluation: Evaluation;
  prevalencePct: number;
  draw: number;
  lang: Lang;
}) {
  const data = useMemo(() => binaryScores(evaluation, POSITIVE_CLASS), [evaluation]);
  const figures = useMemo(
    () => imbalanceFigures(data, prevalencePct / 100, draw),
    [data, prevalencePct, draw],
  );
  const negatives = data.labels.length - data.labels.reduce((a, b) => a + b, 0);
  const split = SPLIT_WORDS[evaluation.split][lang];
  if (figures.positives === 0 || figures.positives === figures.n)
    return (
      <p className="callout" data-testid="train-imbalance-empty">
        {fillPlaceholders(T.empty[lang], { asked: prevalencePct, negatives })}
      </p>
    );
  return (
    <>
      <p data-testid="train-imbalance-subset">
        {fillPlaceholders(T.subset[lang], {
          n: figures.n,
          split,
          positives: figures.positives,
          prevalence: pct(figures.prevalence),
          asked: prevalencePct,
        })}
      </p>
      {figures.positives < FEW_POSITIVES && (
        <p className="callout" data-testid="train-imbalance-few">
          {fillPlaceholders(T.few[lang], { positives: figures.positives })}
        </p>
      )}
      <ImbalanceTable figures={figures} lang={lang} />
      <PrevalenceChart data={data} seed={draw} prevalence={prevalencePct} lang={lang} />
    </>
  );
}

/**
 * Step 7: the latest evaluation resampled to the chosen prevalence; the accuracy of "always
 * normal", the model's accuracy, AUC, sensitivity and PPV on that subset, all computed.
 */
export function ImbalanceWidget({ step, params, lang }: WidgetProps) {
  const evaluation = useTrainingStore((s) => s.evaluation);
  const dataset = useTrainingStore((s) => s.dataset);
  const trained = useTrainingStore((s) => (s.progress?.stepsDone ?? 0) > 0);
  const busy = useTrainingStore((s) => s.trainer.status === 'busy');
  const prevalencePct = paramNumber(params[PREVALENCE_PARAM.id], PREVALENCE_PARAM.default);
  const draw = paramNumber(params[DRAW_PARAM.id], DRAW_PARAM.default);
  const multi = evaluation && evaluation.classes > 2;
  return (
    <div className="train-widget" data-testid="train-imbalance">
      <RichText text={step.body[lang]} />
      <DataGate lang={lang}>
        <TrainerError lang={lang} />
        {!evaluation ? (
          <div className="callout" data-testid="train-imbalance-need">
            <p>{T.needEvaluation[lang]}</p>
            {trained && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void useTrainingStore.getState().evaluate('validation')}
              >
                {T.evaluate[lang]}
              </button>
            )}
          </div>
        ) : (
          <>
            {multi && (
              <p className="hint">
                {fillPlaceholders(T.multiClass[lang], {
                  classes: evaluation.classes,
                  name: dataset?.classNames[POSITIVE_CLASS]?.[lang] ?? String(POSITIVE_CLASS),
                })}
              </p>
            )}
            <Figures evaluation={evaluation} prevalencePct={prevalencePct} draw={draw} lang={lang} />
          </>
        )}
      </DataGate>
    </div>
  );
}
