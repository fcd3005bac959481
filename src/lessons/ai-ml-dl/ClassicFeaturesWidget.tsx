import { useId, useMemo } from 'react';
import {
  SCALAR_FEATURE_IDS,
  featureVector,
  type ScalarFeatureId,
} from '../../core/datasets/handcraftedFeatures';
import { CT_PATCH_SPACING_MM } from '../../core/datasets/phantomPatchDataset';
import type { ScatterPlotOptions } from '../../core/viz/scatterPlot';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import { PATCH_SIZE } from './aiMlDlData';
import { classifierName, FEATURE_NAMES, featureParamValue, numberParamValue } from './aiMlDlParams';
import { formatAuc, formatMs, formatPercent, tx } from './aiMlDlTexts';
import { boundaryInFeatureUnits, runClassic, type ClassifierId } from './classicPipeline';
import type { LessonData } from './lessonData';
import { PatchCanvas } from './PatchCanvas';
import { LessonDataStatus } from './LessonDataStatus';
import { useLessonData } from './useLessonData';
import { prefersReducedMotion } from '../../ui/usePrefersReducedMotion';
import { useScatterPlot } from '../shared/useScatterPlot';
import './aiMlDl.css';

/** Formats a feature value for a table cell. */
export function formatFeature(id: ScalarFeatureId, v: number): string {
  if (id === 'meanHu' || id === 'sdHu' || id === 'dotFilter') return v.toFixed(0);
  return v.toFixed(3);
}

/** The live part of the classic step, once the patches are ready. */
function ClassicLive({ data, params, lang }: { data: LessonData } & Pick<WidgetProps, 'params' | 'lang'>) {
  const id = useId();
  const fx = featureParamValue(params.fx, 'meanHu');
  const fy = featureParamValue(params.fy, 'dotFilter');
  const clf: ClassifierId = params.clf === 'svm' ? 'svm' : 'logreg';
  const all = params.inputs === 'all';
  const n = numberParamValue(params.n, 200);
  const seed = data.seed;
  const { dataset, trainFeatures, testFeatures } = data;

  const result = useMemo(
    () =>
      runClassic(
        { trainFeatures, trainLabels: dataset.train.labels, testFeatures, testLabels: dataset.test.labels },
        { trainCount: n, features: all ? SCALAR_FEATURE_IDS : [fx, fy], withLbp: all, classifier: clf, seed },
      ),
    [trainFeatures, testFeatures, dataset, n, all, fx, fy, clf, seed],
  );

  const scatter = useMemo((): ScatterPlotOptions => {
    const points = trainFeatures.slice(0, n).map((f, i) => {
      const [x, y] = featureVector(f, [fx, fy]) as [number, number];
      return { x, y, cls: dataset.train.labels[i] === 1 ? (1 as const) : (0 as const) };
    });
    return {
      points,
      xLabel: FEATURE_NAMES[fx][lang],
      yLabel: FEATURE_NAMES[fy][lang],
      classNames: [tx('noNodule', lang), tx('nodule', lang)],
      title: tx('scatterTitle', lang, {
        fx: FEATURE_NAMES[fx][lang],
        fy: FEATURE_NAMES[fy][lang],
        n: points.length,
      }),
      description: tx('scatterDesc', lang),
      boundary: all || fx === fy ? null : boundaryInFeatureUnits(result.model, result.standardizer),
      boundaryLabel: tx('boundary', lang),
      reducedMotion: prefersReducedMotion(),
    };
  }, [trainFeatures, n, fx, fy, dataset, lang, all, result]);
  const plotRef = useScatterPlot(scatter);

  const n2 = PATCH_SIZE * PATCH_SIZE;
  const examples = [0, 1].map((i) => ({
    image: dataset.train.images.subarray(i * n2, (i + 1) * n2),
    features: trainFeatures[i]!,
    label: dataset.train.labels[i] === 1 ? tx('nodule', lang) : tx('noNodule', lang),
  }));
  const shownFeatures = [...new Set<ScalarFeatureId>([fx, fy, ...(all ? SCALAR_FEATURE_IDS : [])])];

  return (
    <>
      <figure className="aimldl-examples">
        <div className="aimldl-examples__patches">
          {examples.map((e, i) => (
            <div key={i} className="aimldl-examples__patch">
              <PatchCanvas image={e.image} size={PATCH_SIZE} label={e.label} />
              <span>{e.label}</span>
            </div>
          ))}
          <table className="data-table aimldl-table" data-testid="example-features">
            <thead>
              <tr>
                <th scope="col">{tx('feature', lang)}</th>
                {examples.map((e, i) => (
                  <th key={i} scope="col">
                    {e.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownFeatures.map((f) => (
                <tr key={f}>
                  <th scope="row">{FEATURE_NAMES[f][lang]}</th>
                  {examples.map((e, i) => (
                    <td key={i}>{formatFeature(f, e.features[f])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figcaption>{tx('examplesCaption', lang)}</figcaption>
      </figure>
      <div ref={plotRef} className="aimldl-scatter" data-testid="classic-scatter" />
      {all && <p className="hint">{tx('boundaryHidden', lang, { k: result.featureCount })}</p>}
      <section aria-labelledby={`${id}-r`} className="aimldl-results" data-testid="classic-results">
        <h4 id={`${id}-r`}>{tx('resultsHeading', lang, { test: result.testCount })}</h4>
        <dl className="facts">
          <dt>{tx('classifier', lang)}</dt>
          <dd>{classifierName(clf, lang)}</dd>
          <dt>{tx('inputFeatures', lang)}</dt>
          <dd data-testid="classic-feature-count">{result.featureCount}</dd>
          <dt>{tx('learnedParams', lang)}</dt>
          <dd>{result.paramCount}</dd>
          <dt>{tx('trainingPatches', lang)}</dt>
          <dd>{result.trainCount}</dd>
          <dt>{tx('testAccuracy', lang)}</dt>
          <dd data-testid="classic-accuracy">{formatPercent(result.accuracy)}</dd>
          <dt>{tx('testAuc', lang)}</dt>
          <dd data-testid="classic-auc">{formatAuc(result.auc)}</dd>
          <dt>{tx('trainingTime', lang)}</dt>
          <dd>{formatMs(result.trainMs, lang)}</dd>
        </dl>
        <p className="visually-hidden" aria-live="polite">
          {tx('summary', lang, {
            clf: classifierName(clf, lang),
            k: result.featureCount,
            n: result.trainCount,
            acc: formatPercent(result.accuracy),
            auc: formatAuc(result.auc),
            test: result.testCount,
          })}
        </p>
      </section>
    </>
  );
}

/**
 * The `classic-features` widget (step 2): hand-crafted features of phantom lung patches, a scatter
 * plot of two of them by class, and a logistic regression or linear SVM trained and measured live.
 * Parameters: `fx`, `fy`, `inputs`, `clf`, `n`, `seed`.
 */
export function ClassicFeaturesWidget({ step, params, lang }: WidgetProps) {
  const id = useId();
  const seed = numberParamValue(params.seed, 1);
  const state = useLessonData(seed);
  const fov = Number((PATCH_SIZE * CT_PATCH_SPACING_MM).toFixed(1));
  return (
    <div className="aimldl" data-testid="classic-widget">
      <RichText text={step.body[lang]} />
      <section className="aimldl-panel" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{tx('classicHeading', lang)}</h3>
        <p>{tx('classicIntro', lang, { size: PATCH_SIZE, fov })}</p>
        {state.status === 'ready' ? (
          <ClassicLive data={state.data} params={params} lang={lang} />
        ) : (
          <LessonDataStatus state={state} lang={lang} />
        )}
      </section>
    </div>
  );
}
