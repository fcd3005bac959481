/**
 * A d3 precision–recall curve: precision (PPV) against recall (sensitivity), one point per
 * distinct score (as `precisionRecallCurve` gives them), drawn as the step function whose area is
 * the average precision `AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ` (scikit-learn's definition), the baseline of a
 * classifier that guesses (precision = prevalence, the share of positives), and the operating
 * point at the current threshold. Unlike ROC, the PR curve changes with prevalence: with rare
 * disease, precision stays low even when the ROC curve looks good (Saito T, Rehmsmeier M. The
 * precision-recall plot is more informative than the ROC plot when evaluating binary classifiers
 * on imbalanced datasets. PLoS ONE 2015;10:e0118432). Framework-free; nothing is animated.
 */
import { curveStepBefore, line } from 'd3';
import type { PrPoint } from '../training/binaryMetrics';
import { appendAxes, appendFigure } from './axes';
import { OKABE_ITO } from './colorMaps';
import { operatingPointIndex } from './createRocView';
import { appendCurvePath, appendReferenceLine, unitSquarePlot } from './unitSquare';
import type { ViewHandle } from './ViewHandle';

/** What the PR view shows. */
export interface PrViewState {
  /** The curve from `precisionRecallCurve`: thresholds descending, recall rising. */
  points: readonly PrPoint[];
  /** Average precision (written as `apText`, exposed in `data-ap`). */
  ap: number;
  apText: string;
  /** Share of positives in the data: the precision of a classifier that guesses. */
  prevalence: number;
  /** Label of the baseline, e.g. "guessing: 0.30". */
  baselineText: string;
  /** Scores ≥ it are called positive; the operating point is drawn there. */
  threshold: number;
  /** Tooltip of the operating point. */
  pointText: string;
  xLabel: string;
  yLabel: string;
}

/** Static options. */
export interface PrViewOptions {
  title: string;
  description: string;
  /** Side of the (square) figure in SVG units. Default 320. */
  size?: number;
}

/** Margins of the PR figure (exported for tests that check positions against the scales). */
export const PR_MARGIN = { top: 12, right: 12, bottom: 44, left: 52 } as const;

/**
 * The vertices of the step curve whose area is the average precision: (0, P₁), then for each
 * point n a vertical move to Pₙ at Rₙ₋₁ and a horizontal one to Rₙ (d3's `curveStepBefore`
 * through (0, P₁), (R₁, P₁), (R₂, P₂), …).
 */
export function prStepVertices(points: readonly PrPoint[]): [number, number][] {
  if (points.length === 0) return [];
  const first = points[0] as PrPoint;
  return [[0, first.precision], ...points.map((p): [number, number] => [p.recall, p.precision])];
}

/** Creates a PR view inside `container`. */
export function createPrView(container: Element, options: PrViewOptions): ViewHandle<PrViewState> {
  const S = options.size ?? 320;
  const M = PR_MARGIN;
  const { frame, sx, sy } = unitSquarePlot(S, S, M);
  const svg = appendFigure(container, 'pr-view', options.title, options.description)
    .attr('viewBox', `0 0 ${S} ${S}`)
    .attr('data-testid', 'pr-view');
  const axes = appendAxes(svg);
  const baseline = appendReferenceLine(svg, 'pr-view__baseline');
  const baselineLabel = svg
    .append('text')
    .attr('class', 'pr-view__baseline-label')
    .attr('text-anchor', 'end');
  const curve = appendCurvePath(svg, 'pr-view__curve', 2.4);
  const apLabel = svg
    .append('text')
    .attr('class', 'pr-view__ap')
    .attr('x', sx(0) + 6)
    .attr('y', sy(0) - 8);
  const point = svg
    .append('circle')
    .attr('class', 'pr-view__point')
    .attr('r', 6)
    .attr('fill', OKABE_ITO[6])
    .attr('stroke', '#000')
    .attr('stroke-width', 1.5)
    .attr('data-testid', 'pr-point');
  const pointTitle = point.append('title');

  function update(state: PrViewState): void {
    axes.draw(frame, { x: sx, y: sy, xLabel: state.xLabel, yLabel: state.yLabel, ticks: 5 });
    const path = line<[number, number]>()
      .x((v) => sx(v[0]))
      .y((v) => sy(v[1]))
      .curve(curveStepBefore);
    const vertices = prStepVertices(state.points);
    curve.attr('d', vertices.length ? path(vertices) : null);
    const base = Number.isFinite(state.prevalence) ? state.prevalence : null;
    baseline
      .attr('display', base === null ? 'none' : null)
      .attr('x1', sx(0))
      .attr('x2', sx(1))
      .attr('y1', sy(base ?? 0))
      .attr('y2', sy(base ?? 0));
    baselineLabel
      .attr('x', sx(1) - 4)
      .attr('y', sy(base ?? 0) - 5)
      .text(base === null ? '' : state.baselineText);
    apLabel.text(state.points.length ? state.apText : '');
    const k = operatingPointIndex(state.points, state.threshold);
    const p = k >= 0 ? (state.points[k] as PrPoint) : null;
    point
      .attr('display', p ? null : 'none')
      .attr('cx', p ? sx(p.recall) : 0)
      .attr('cy', p ? sy(p.precision) : 0)
      .attr('data-index', k)
      .attr('data-recall', p?.recall ?? null)
      .attr('data-precision', p?.precision ?? null);
    pointTitle.text(p ? state.pointText : '');
    svg
      .attr('data-ap', Number.isFinite(state.ap) ? state.ap : null)
      .attr('data-baseline', base)
      .attr('data-points', state.points.length)
      .attr('data-threshold', state.threshold);
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
