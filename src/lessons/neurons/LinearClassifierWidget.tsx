import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { ScatterPlotOptions } from '../../core/viz/scatterPlot';
import { RichText } from '../../ui/RichText';
import { usePrefersReducedMotion } from '../../ui/usePrefersReducedMotion';
import type { WidgetProps } from '../widgetTypes';
import {
  CLASSIFIER_DATA,
  isSecondFeature,
  SECOND_FEATURES,
  DEFAULT_SECOND_FEATURE,
  type ClassifierData,
  type SecondFeature,
} from './classifierData';
import { FeatureComparisonTable } from './FeatureComparisonTable';
import {
  compareSecondFeatures,
  lineConfusion,
  snappedFit,
  standardisePair,
  type LineWeights,
} from './lineClassifier';
import { RadioGroup, SliderField } from './NeuronsControls';
import { fmtNum, fmtPercent, fmtSig, fmtTerm } from './neuronsFormat';
import { FEATURE_NAMES, lineParams, numberValue, secondFeatureParam } from './neuronsParams';
import { classifierTexts as T, tx } from './neuronsTexts';
import { useClassifierData } from './useClassifierData';
import { useScatterPlot } from '../shared/useScatterPlot';
import './neurons.css';

const [W1, W2, B] = lineParams as [(typeof lineParams)[0], (typeof lineParams)[0], (typeof lineParams)[0]];

function ClassifierLive({
  data,
  f2,
  line,
  lang,
  setParam,
}: {
  data: ClassifierData;
  f2: SecondFeature;
  line: LineWeights;
  lang: Lang;
  setParam: WidgetProps['setParam'];
}) {
  const reducedMotion = usePrefersReducedMotion();
  const pair = useMemo(() => standardisePair(data.meanHu, data.second[f2]), [data, f2]);
  const fit = useMemo(() => snappedFit(pair.rows, data.labels), [pair, data]);
  const comparison = useMemo(() => compareSecondFeatures(data), [data]);
  const c = lineConfusion(pair.rows, data.labels, line);
  const isFit = fit.w1 === line.w1 && fit.w2 === line.w2 && fit.b === line.b;
  const f2Name = FEATURE_NAMES[f2][lang];

  const scatter = useMemo(
    (): ScatterPlotOptions => ({
      points: pair.rows.map((r, i) => ({
        x: r[0] ?? 0,
        y: r[1] ?? 0,
        cls: data.labels[i] === 1 ? (1 as const) : (0 as const),
      })),
      xLabel: T.xAxis[lang],
      yLabel: tx(T.yAxis, lang, { f2: f2Name }),
      classNames: [T.noNodule[lang], T.nodule[lang]],
      title: tx(T.scatterTitle, lang, { n: data.count, f2: f2Name }),
      description: T.scatterDesc[lang],
      boundary: { wx: line.w1, wy: line.w2, b: line.b },
      boundaryLabel: T.boundary[lang],
      reducedMotion,
    }),
    [pair, data, lang, f2Name, line.w1, line.w2, line.b, reducedMotion],
  );
  const plotRef = useScatterPlot(scatter);
  const { mean, std } = pair.standardizer;

  return (
    <div
      className="classifier-live"
      data-testid="classifier-live"
      data-accuracy={c.accuracy}
      data-tp={c.tp}
      data-fp={c.fp}
      data-tn={c.tn}
      data-fn={c.fn}
      data-fitted={isFit}
      data-fit-w1={fit.w1}
      data-fit-w2={fit.w2}
      data-fit-b={fit.b}
    >
      <p className="hint" data-testid="classifier-standardised">
        {tx(T.standardised, lang, {
          m1: (mean[0] ?? 0) < 0 ? `(${fmtNum(mean[0] ?? 0, 1)} HU)` : `${fmtNum(mean[0] ?? 0, 1)} HU`,
          s1: `${fmtNum(std[0] ?? 1, 1)} HU`,
          f2: f2Name,
          m2: (mean[1] ?? 0) < 0 ? `(${fmtSig(mean[1] ?? 0, 3)})` : fmtSig(mean[1] ?? 0, 3),
          s2: fmtSig(std[1] ?? 1, 3),
          n: data.count,
        })}
      </p>
      <p className="neurons-formula" data-testid="classifier-line">
        {tx(T.line, lang, { w1: fmtNum(line.w1, 2), w2: fmtTerm(line.w2, 2), b: fmtTerm(line.b, 2) })}
      </p>
      <p>
        <button
          type="button"
          className="button button--primary"
          data-testid="classifier-fit"
          onClick={() => {
            setParam(W1.id, fit.w1);
            setParam(W2.id, fit.w2);
            setParam(B.id, fit.b);
          }}
        >
          {T.fit[lang]}
        </button>{' '}
        <span className="hint">{isFit ? T.isFit[lang] : T.fitHint[lang]}</span>
      </p>
      <div ref={plotRef} className="neurons-scatter" data-testid="classifier-scatter" />
      <table className="data-table neurons-table" data-testid="classifier-confusion">
        <caption>{tx(T.confusionCaption, lang, { n: data.count })}</caption>
        <thead>
          <tr>
            <th scope="col">{T.truth[lang]}</th>
            <th scope="col">{T.saysNodule[lang]}</th>
            <th scope="col">{T.saysNone[lang]}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{T.nodule[lang]}</th>
            <td data-testid="classifier-tp">{c.tp}</td>
            <td data-testid="classifier-fn">{c.fn}</td>
          </tr>
          <tr>
            <th scope="row">{T.noNodule[lang]}</th>
            <td data-testid="classifier-fp">{c.fp}</td>
            <td data-testid="classifier-tn">{c.tn}</td>
          </tr>
        </tbody>
      </table>
      <dl className="facts">
        <dt>{T.accuracy[lang]}</dt>
        <dd data-testid="classifier-accuracy">{fmtPercent(c.accuracy)}</dd>
        <dt>{T.sensitivity[lang]}</dt>
        <dd>{fmtPercent(c.sensitivity)}</dd>
        <dt>{T.specificity[lang]}</dt>
        <dd>{fmtPercent(c.specificity)}</dd>
      </dl>
      <FeatureComparisonTable rows={comparison} f2={f2} count={data.count} lang={lang} />
      <p className="visually-hidden" aria-live="polite">
        {tx(T.summary, lang, { acc: fmtPercent(c.accuracy), tp: c.tp, fn: c.fn, fp: c.fp, tn: c.tn })}
      </p>
      <p
        className="hint"
        data-testid="classifier-timing"
        data-generate-ms={data.generateMs}
        data-feature-ms={data.featureMs}
      >
        {tx(T.timing, lang, {
          n: data.count,
          gen: fmtNum(data.generateMs, 0),
          feat: fmtNum(data.featureMs, 0),
        })}
      </p>
    </div>
  );
}

/**
 * Step 2 (`neurons-linear-classifier`): a neuron as a linear classifier of phantom patches on two
 * standardised hand-crafted features (parameters f2, w1, w2, b): a scatter plot with the decision
 * line, the confusion counts of the current line, and a "Fit" button that writes the
 * logistic-regression weights into the parameters.
 */
export function LinearClassifierWidget({ step, params, lang, setParam }: WidgetProps) {
  const state = useClassifierData();
  const f2: SecondFeature = isSecondFeature(params.f2) ? params.f2 : DEFAULT_SECOND_FEATURE;
  const line: LineWeights = {
    w1: numberValue(params, W1),
    w2: numberValue(params, W2),
    b: numberValue(params, B),
  };
  return (
    <div className="neurons-widget" data-testid="classifier-widget" data-state={state.status} data-f2={f2}>
      <RichText text={step.body[lang]} />
      <div className="neurons-panel">
        <RadioGroup
          legend={T.featureLegend[lang]}
          name="f2"
          testId="classifier-feature"
          options={SECOND_FEATURES.map((value) => ({ value, label: FEATURE_NAMES[value][lang] }))}
          value={f2}
          onChange={(v) => setParam(secondFeatureParam.id, v)}
        />
        <fieldset className="neurons-fieldset">
          <legend>{T.weightsHeading[lang]}</legend>
          <div className="neuron-controls__grid">
            {lineParams.map((def) => (
              <SliderField
                key={def.id}
                def={def}
                label={def.label[lang]}
                value={numberValue(params, def)}
                onChange={(v) => setParam(def.id, v)}
              />
            ))}
          </div>
        </fieldset>
      </div>
      {state.status === 'ready' ? (
        <ClassifierLive data={state.data} f2={f2} line={line} lang={lang} setParam={setParam} />
      ) : state.status === 'loading' ? (
        <p role="status" data-testid="classifier-loading">
          {tx(T.loading, lang, { n: CLASSIFIER_DATA.count })}
        </p>
      ) : (
        <p role="alert" className="widget-error" data-testid="classifier-error">
          {tx(T.failed, lang, { message: state.message })}
        </p>
      )}
    </div>
  );
}
