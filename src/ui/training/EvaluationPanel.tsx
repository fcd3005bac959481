import './evaluation.css';
import { useId, useMemo, useState } from 'react';
import type { ImageDataset, SplitName } from '../../core/datasets/imageDataset';
import type { Lang, Localized } from '../../core/lessons/types';
import {
  argmaxRows,
  bestThreshold,
  binaryScores,
  confusionAt,
  confusionMatrix,
  thresholdStats,
} from '../../core/training/binaryMetrics';
import { rocAuc, rocCurve } from '../../core/training/rocAuc';
import type { Evaluation, ExampleCam } from '../../core/training/trainingTypes';
import { formatProbability } from '../zoo/zooFormat';
import { CalibrationPanel } from './CalibrationPanel';
import { ConfusionMatrix } from './ConfusionMatrix';
import { ErrorGallery } from './ErrorGallery';
import { confusionTexts, errorText, evalTexts as T, SPLIT_LABELS } from './evaluationTexts';
import { PrCurvePanel } from './PrCurvePanel';
import { RocPanel } from './RocPanel';
import { ThresholdPanel } from './ThresholdPanel';

/** Props of {@link EvaluationPanel}: plain data and callbacks (the store wrapper fills them). */
export interface EvaluationPanelProps {
  evaluation: Evaluation | null;
  /** The evaluated data (for class names and the gallery's images). */
  dataset: ImageDataset | null;
  /** Grad-CAM maps by `${index}:${classIndex}`. */
  cams: Readonly<Record<string, ExampleCam>>;
  lang: Lang;
  /** True while an evaluation runs. */
  busy?: boolean;
  /** Asks for an evaluation of a split; without it the split choice is not shown. */
  onEvaluate?(split: SplitName): void | Promise<void>;
  onGradCam(
    indices: readonly number[],
    classIndex: number,
    method: ExampleCam['method'],
  ): void | Promise<void>;
}

const EVAL_SPLITS = ['validation', 'test'] as const;

/** True when the evaluation's rows point into `dataset` with the same classes. */
function datasetFits(evaluation: Evaluation, dataset: ImageDataset | null): dataset is ImageDataset {
  if (!dataset || dataset.classNames.length !== evaluation.classes) return false;
  for (let i = 0; i < evaluation.indices.length; i++) {
    const k = evaluation.indices[i] as number;
    if (k < 0 || k >= dataset.count || dataset.labels[k] !== evaluation.labels[i]) return false;
  }
  return true;
}

/**
 * The evaluation of a trained model on the validation or test split: the confusion matrix (at the
 * threshold for two classes, argmax otherwise), the ROC curve with a draggable threshold, the
 * figures at the threshold with an adjustable prevalence, the precision–recall curve, calibration
 * and the gallery of false positives and negatives with Grad-CAM. For more than two classes the
 * threshold figures treat the chosen class against the rest. Every number comes from the metric
 * functions of core/training (binaryMetrics, calibration, rocAuc).
 */
export function EvaluationPanel({
  evaluation,
  dataset,
  cams,
  lang,
  busy = false,
  onEvaluate,
  onGradCam,
}: EvaluationPanelProps) {
  const id = useId();
  const [split, setSplit] = useState<SplitName>(evaluation?.split ?? 'validation');
  const [chosenClass, setChosenClass] = useState(1);
  const [threshold, setThreshold] = useState(0.5);
  const [prevalence, setPrevalence] = useState<number | null>(null);
  const [error, setError] = useState<Localized | null>(null);
  const ask = async (s: SplitName): Promise<void> => {
    setError(null);
    try {
      await onEvaluate?.(s);
    } catch (e) {
      setError(errorText(e, T.failed));
    }
  };

  const classes = evaluation?.classes ?? 2;
  const fits = evaluation ? datasetFits(evaluation, dataset) : false;
  const classNames = Array.from({ length: classes }, (_, k) =>
    fits && dataset ? (dataset.classNames[k]?.[lang] ?? T.classFallback[lang](k)) : T.classFallback[lang](k),
  );
  const positive = Math.min(Math.max(0, chosenClass), classes - 1);

  const derived = useMemo(() => {
    if (!evaluation || evaluation.labels.length === 0) return null;
    const { scores, labels: labels01 } = binaryScores(evaluation, positive);
    const points = rocCurve(scores, labels01);
    const best = points.length ? bestThreshold(scores, labels01) : null;
    return {
      scores,
      labels01,
      points,
      auc: rocAuc(scores, labels01),
      youden: best,
      argmax: evaluation.classes > 2 ? argmaxRows(evaluation.probabilities, evaluation.classes) : null,
    };
  }, [evaluation, positive]);

  const evaluateButton = onEvaluate && (
    <button
      type="button"
      className="button button--primary"
      disabled={busy}
      data-testid="evaluate"
      onClick={() => void ask(split)}
    >
      {busy ? T.evaluating[lang] : T.evaluate[lang](SPLIT_LABELS[split][lang])}
    </button>
  );
  const splitChoice = onEvaluate && (
    <fieldset className="eval-choice">
      <legend>{T.splitLegend[lang]}</legend>
      {EVAL_SPLITS.map((s) => (
        <label key={s}>
          <input
            type="radio"
            name={`${id}-split`}
            checked={split === s}
            data-testid={`eval-split-${s}`}
            onChange={() => {
              setSplit(s);
              if (evaluation) void ask(s);
            }}
          />{' '}
          {SPLIT_LABELS[s][lang]}
        </label>
      ))}
      {split === 'test' && <p className="hint">{T.testWarning[lang]}</p>}
    </fieldset>
  );

  const errorLine = error && (
    <p role="alert" className="widget-error" data-testid="eval-error">
      {error[lang]}
    </p>
  );

  if (!evaluation || !derived) {
    return (
      <section className="eval-panel" data-testid="evaluation-panel" aria-busy={busy}>
        <h3>{T.title[lang]}</h3>
        {splitChoice}
        {evaluateButton}
        {errorLine}
        <p>{evaluation ? T.empty[lang] : T.none[lang]}</p>
      </section>
    );
  }

  const { scores, labels01, points, auc, youden } = derived;
  const counts = confusionAt(scores, labels01, threshold);
  const sampleStats = thresholdStats(counts);
  const stats = prevalence === null ? sampleStats : thresholdStats(counts, prevalence);
  const predicted =
    derived.argmax ?? Int32Array.from(scores, (s) => (s >= threshold ? positive : 1 - positive));
  const matrix = confusionMatrix(predicted, evaluation.labels, classes);
  const positiveName = classNames[positive] ?? '';
  const both = points.length > 0;

  return (
    <section className="eval-panel" data-testid="evaluation-panel" aria-busy={busy}>
      <h3>{T.title[lang]}</h3>
      {splitChoice}
      {evaluateButton}
      {errorLine}
      <p data-testid="eval-shown">
        {T.shownFor[lang](SPLIT_LABELS[evaluation.split][lang], evaluation.labels.length)}
      </p>
      {!fits && dataset && <p className="hint">{T.stale[lang]}</p>}
      <fieldset className="eval-choice">
        <legend>{classes === 2 ? T.positiveLegend[lang] : T.oneVsRestLegend[lang]}</legend>
        {classNames.map((name, k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-class`}
              checked={k === positive}
              data-testid={`eval-class-${k}`}
              onChange={() => {
                setChosenClass(k);
                setPrevalence(null);
              }}
            />{' '}
            {name}
          </label>
        ))}
        {classes > 2 && <p className="hint">{T.oneVsRestNote[lang]}</p>}
      </fieldset>
      <ConfusionMatrix
        matrix={matrix}
        classNames={classNames}
        caption={
          classes === 2
            ? confusionTexts.captionBinary[lang](formatProbability(threshold), positiveName)
            : confusionTexts.captionMulti[lang]
        }
        lang={lang}
      />
      {!both ? (
        <p role="status" data-testid="eval-one-class">
          {T.oneClass[lang](positiveName)}
        </p>
      ) : (
        <>
          <div className="eval-row">
            <RocPanel
              points={points}
              auc={auc}
              threshold={threshold}
              onThreshold={setThreshold}
              lang={lang}
            />
            <ThresholdPanel
              threshold={threshold}
              onThreshold={setThreshold}
              counts={counts}
              stats={stats}
              samplePrevalence={sampleStats.prevalence}
              prevalence={prevalence}
              onPrevalence={setPrevalence}
              youden={youden}
              positiveName={positiveName}
              lang={lang}
            />
          </div>
          <div className="eval-row">
            <PrCurvePanel
              scores={scores}
              labels={labels01}
              prevalence={sampleStats.prevalence}
              threshold={threshold}
              lang={lang}
            />
            <CalibrationPanel probabilities={scores} labels={labels01} lang={lang} />
          </div>
          <ErrorGallery
            evaluation={evaluation}
            dataset={fits ? dataset : null}
            scores={scores}
            labels={labels01}
            threshold={threshold}
            positiveClass={positive}
            classNames={classNames}
            cams={cams}
            onGradCam={onGradCam}
            lang={lang}
          />
        </>
      )}
    </section>
  );
}
