import { useCallback, useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import { averagePrecision, precisionRecallCurve } from '../../core/training/binaryMetrics';
import { createPrView, type PrViewState } from '../../core/viz/createPrView';
import { operatingPointIndex } from '../../core/viz/createRocView';
import { useD3View } from '../../lessons/useD3View';
import { formatPercent, formatProbability } from '../zoo/zooFormat';
import { prTexts as T } from './evaluationTexts';

/**
 * The precision–recall curve of `scores` against 0/1 `labels` (from `precisionRecallCurve`),
 * its average precision (`averagePrecision`), the guessing baseline at the sample's prevalence,
 * and the operating point at `threshold`.
 */
export function PrCurvePanel({
  scores,
  labels,
  prevalence,
  threshold,
  lang,
}: {
  scores: Float32Array;
  labels: Uint8Array;
  /** The sample's share of positives. */
  prevalence: number;
  threshold: number;
  lang: Lang;
}) {
  const points = useMemo(() => precisionRecallCurve(scores, labels), [scores, labels]);
  const ap = useMemo(() => averagePrecision(scores, labels), [scores, labels]);
  const apText = formatProbability(ap);
  const baseText = formatProbability(prevalence);
  const create = useCallback(
    (el: HTMLDivElement) =>
      createPrView(el, { title: T.title[lang], description: T.description[lang](apText, baseText) }),
    [lang, apText, baseText],
  );
  const k = operatingPointIndex(points, threshold);
  const p = k >= 0 ? points[k] : undefined;
  const state = useMemo<PrViewState>(
    () => ({
      points,
      ap,
      apText: T.ap[lang](apText),
      prevalence,
      baselineText: T.baseline[lang](baseText),
      threshold,
      pointText: p
        ? T.point[lang](formatProbability(threshold), formatPercent(p.recall), formatPercent(p.precision))
        : '',
      xLabel: T.x[lang],
      yLabel: T.y[lang],
    }),
    [points, ap, apText, prevalence, baseText, threshold, p, lang],
  );
  const ref = useD3View(create, state, `${lang}:${apText}:${baseText}`);
  return (
    <figure className="eval-figure" data-testid="pr-panel">
      <figcaption>
        <strong>{T.title[lang]}</strong>
      </figcaption>
      <div ref={ref} className="eval-figure__chart" />
      <p data-testid="pr-ap">{T.ap[lang](apText)}</p>
      <p className="hint">{T.note[lang]}</p>
    </figure>
  );
}
