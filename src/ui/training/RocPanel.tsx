import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { RocPoint } from '../../core/training/rocAuc';
import { createRocView, type RocViewState } from '../../core/viz/createRocView';
import { useD3View } from '../../lessons/useD3View';
import { formatPercent, formatProbability } from '../zoo/zooFormat';
import { rocTexts as T } from './evaluationTexts';

/**
 * The ROC curve (from `rocCurve`) with its AUC (from `rocAuc`) and the operating point at
 * `threshold`, which the user drags along the curve or moves with the arrow keys; each move calls
 * `onThreshold`, which the threshold panel shares.
 */
export function RocPanel({
  points,
  auc,
  threshold,
  onThreshold,
  lang,
}: {
  points: readonly RocPoint[];
  auc: number;
  threshold: number;
  onThreshold(threshold: number): void;
  lang: Lang;
}) {
  const callback = useRef(onThreshold);
  useEffect(() => {
    callback.current = onThreshold;
  });
  const aucText = formatProbability(auc);
  const create = useCallback(
    (el: HTMLDivElement) =>
      createRocView(el, {
        title: T.title[lang],
        description: T.description[lang](aucText),
        onThreshold: (t) => callback.current(t),
      }),
    [lang, aucText],
  );
  const state = useMemo<RocViewState>(
    () => ({
      points,
      auc,
      threshold,
      aucText: T.auc[lang](aucText),
      xLabel: T.x[lang],
      yLabel: T.y[lang],
      handleLabel: T.handle[lang],
      valueText: (t: number, p: RocPoint) =>
        T.handleValue[lang](formatProbability(t), formatPercent(p.tpr), formatPercent(1 - p.fpr)),
    }),
    [points, auc, threshold, lang, aucText],
  );
  const ref = useD3View(create, state, `${lang}:${aucText}`);
  return (
    <figure className="eval-figure" data-testid="roc-panel">
      <figcaption>
        <strong>{T.title[lang]}</strong>
      </figcaption>
      <div ref={ref} className="eval-figure__chart" />
      <p className="hint">{T.help[lang]}</p>
      <p data-testid="roc-auc">{T.aucMeaning[lang](aucText)}</p>
    </figure>
  );
}
