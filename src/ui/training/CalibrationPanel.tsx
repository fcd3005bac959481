import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import {
  brierScore,
  calibrationBins,
  expectedCalibrationError,
  type CalibrationBin,
} from '../../core/training/calibration';
import { createCalibrationView, type CalibrationViewState } from '../../core/viz/createCalibrationView';
import { useD3View } from '../../lessons/useD3View';
import { formatProbability } from '../zoo/zooFormat';
import { calibrationTexts as T } from './evaluationTexts';

/** Number of equal-width bins of the reliability diagram. */
export const CALIBRATION_BINS = 10;

function measure(probabilities: Float32Array, labels: Uint8Array) {
  try {
    const bins = calibrationBins(probabilities, labels, CALIBRATION_BINS);
    return {
      bins,
      ece: expectedCalibrationError(bins, labels.length),
      brier: brierScore(probabilities, labels),
    };
  } catch {
    // A probability outside 0…1 (not a softmax output): nothing to draw.
    return null;
  }
}

/**
 * The reliability diagram of the predicted probability of the positive class (from
 * `calibrationBins`, ten bins), with the expected calibration error and the Brier score.
 */
export function CalibrationPanel({
  probabilities,
  labels,
  lang,
}: {
  /** Predicted probability of the positive class, per image. */
  probabilities: Float32Array;
  /** 1 for the positive class, else 0. */
  labels: Uint8Array;
  lang: Lang;
}) {
  const m = useMemo(() => measure(probabilities, labels), [probabilities, labels]);
  const eceText = formatProbability(m?.ece ?? Number.NaN);
  const brierText = formatProbability(m?.brier ?? Number.NaN);
  const create = useCallback(
    (el: HTMLDivElement) =>
      createCalibrationView(el, {
        title: T.title[lang],
        description: T.description[lang](eceText, brierText),
      }),
    [lang, eceText, brierText],
  );
  const state = useMemo<CalibrationViewState>(
    () => ({
      bins: m?.bins ?? [],
      xLabel: T.x[lang],
      yLabel: T.y[lang],
      histogramLabel: T.histogram[lang],
      binText: (b: CalibrationBin) =>
        T.bin[lang](
          formatNumber(b.lower, 2),
          formatNumber(b.upper, 2),
          b.count,
          formatProbability(b.meanPredicted),
          formatProbability(b.observedRate),
        ),
    }),
    [m, lang],
  );
  const ref = useD3View(create, state, `${lang}:${eceText}:${brierText}`);
  if (!m) {
    return (
      <p role="alert" className="widget-error" data-testid="calibration-panel">
        {T.failed[lang]}
      </p>
    );
  }
  return (
    <figure className="eval-figure" data-testid="calibration-panel">
      <figcaption>
        <strong>{T.title[lang]}</strong>
      </figcaption>
      <div ref={ref} className="eval-figure__chart" />
      <dl className="eval-stats">
        <div className="eval-stats__item">
          <dt>{T.ece[lang]}</dt>
          <dd data-testid="calibration-ece" data-value={m.ece}>
            {eceText}
          </dd>
        </div>
        <div className="eval-stats__item">
          <dt>{T.brier[lang]}</dt>
          <dd data-testid="calibration-brier" data-value={m.brier}>
            {brierText}
          </dd>
        </div>
      </dl>
      <p className="hint">{T.note[lang]}</p>
    </figure>
  );
}
