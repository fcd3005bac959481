/**
 * A d3 ROC curve (Fawcett T. An introduction to ROC analysis. Pattern Recognit Lett
 * 2006;27:861–874): true-positive rate against false-positive rate, one point per distinct score
 * (as {@link rocCurve} gives them), the chance diagonal, the AUC written in the plot, and the
 * operating point at the current threshold. The operating point is a draggable handle: drag it
 * along the curve with a pointer, or focus it (it is an ARIA slider whose value is the threshold)
 * and move it one distinct score at a time with the arrow keys. Each move calls `onThreshold`.
 * Framework-free; nothing is animated (so reduced motion needs nothing more).
 */
import { line } from 'd3';
import type { RocPoint } from '../training/rocAuc';
import { appendAxes, appendFigure } from './axes';
import { OKABE_ITO } from './colorMaps';
import { appendCurvePath, appendDiagonal, unitSquarePlot } from './unitSquare';
import type { ViewHandle } from './ViewHandle';

/** What the ROC view shows. */
export interface RocViewState {
  /** The curve from {@link rocCurve}: thresholds descending, the first one `Infinity`. */
  points: readonly RocPoint[];
  /** The area under the curve (written as `aucText`, exposed in `data-auc`). */
  auc: number;
  /** The decision threshold: scores ≥ it are called positive. */
  threshold: number;
  /** The AUC as written in the plot, e.g. "AUC = 0.912". */
  aucText: string;
  xLabel: string;
  yLabel: string;
  /** Accessible name of the handle. */
  handleLabel: string;
  /** The handle's `aria-valuetext`: the threshold and what it gives (sensitivity, specificity). */
  valueText(threshold: number, point: RocPoint): string;
}

/** Static options. */
export interface RocViewOptions {
  title: string;
  description: string;
  /** Side of the (square) figure in SVG units. Default 320. */
  size?: number;
  /** Called with the new threshold when the handle is dragged or moved with the keyboard. */
  onThreshold?(threshold: number): void;
}

/** Margins of the ROC figure (exported for tests that check positions against the scales). */
export const ROC_MARGIN = { top: 12, right: 12, bottom: 44, left: 52 } as const;

/**
 * Index of the curve point that holds at `threshold`: the last point (thresholds descending) whose
 * threshold is ≥ `threshold`, i.e. the rates when every score ≥ `threshold` is called positive. A
 * threshold above every score gives point 0 (nothing called positive). −1 for an empty curve.
 * Works for any curve whose points carry descending thresholds (ROC, precision–recall).
 */
export function operatingPointIndex(points: readonly { threshold: number }[], threshold: number): number {
  let k = -1;
  for (let i = 0; i < points.length; i++) {
    if ((points[i] as { threshold: number }).threshold >= threshold) k = i;
    else break;
  }
  return k;
}

/**
 * The threshold that selects point `i` of an ROC curve (for the handle and the keyboard): the
 * point's own threshold, or for the first point (`Infinity`, nothing called positive) 1 when
 * every score is below 1 (probabilities). When a score equals or exceeds 1 the first point has no
 * threshold in 0…1 and the second point's is returned.
 */
export function thresholdOfPoint(points: readonly RocPoint[], i: number): number {
  const t = (points[i] as RocPoint).threshold;
  if (Number.isFinite(t)) return t;
  const next = points[i + 1]?.threshold ?? 0;
  return next < 1 ? 1 : next;
}

/** Index of the curve point nearest to (fpr, tpr) (Euclidean distance in the unit square). */
export function nearestPointIndex(points: readonly RocPoint[], fpr: number, tpr: number): number {
  let best = -1;
  let bestD = Infinity;
  points.forEach((p, i) => {
    const d = (p.fpr - fpr) ** 2 + (p.tpr - tpr) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/**
 * The threshold a key press moves to from `threshold`, or null for a key that does nothing:
 * ArrowUp/ArrowRight raise it to the next distinct score (one point towards (0, 0)),
 * ArrowDown/ArrowLeft lower it to the next one (towards (1, 1)), PageUp/PageDown by ten points,
 * End to the top (nothing positive), Home to the lowest score (everything positive).
 */
export function keyThreshold(points: readonly RocPoint[], threshold: number, key: string): number | null {
  if (points.length === 0) return null;
  const k = Math.max(0, operatingPointIndex(points, threshold));
  const last = points.length - 1;
  const target: Record<string, number> = {
    ArrowUp: k - 1,
    ArrowRight: k - 1,
    ArrowDown: k + 1,
    ArrowLeft: k + 1,
    PageUp: k - 10,
    PageDown: k + 10,
    End: 0,
    Home: last,
  };
  const to = target[key];
  if (to === undefined) return null;
  return thresholdOfPoint(points, Math.max(0, Math.min(last, to)));
}

/** Creates an ROC view inside `container`. */
export function createRocView(container: Element, options: RocViewOptions): ViewHandle<RocViewState> {
  const S = options.size ?? 320;
  const M = ROC_MARGIN;
  const plot = unitSquarePlot(S, S, M);
  const { frame, sx, sy } = plot;
  // A group, not an image: it holds an interactive handle (an image's children are presentational).
  const svg = appendFigure(container, 'roc-view', options.title, options.description)
    .attr('role', 'group')
    .attr('aria-label', options.title)
    .attr('viewBox', `0 0 ${S} ${S}`)
    .attr('data-testid', 'roc-view');
  const axes = appendAxes(svg);
  appendDiagonal(svg, 'roc-view__diagonal', plot);
  const area = svg
    .append('path')
    .attr('class', 'roc-view__area')
    .attr('fill', OKABE_ITO[5])
    .attr('opacity', 0.12);
  const curve = appendCurvePath(svg, 'roc-view__curve', 2.4);
  const guides = svg.append('g').attr('class', 'roc-view__guides').attr('stroke', OKABE_ITO[6]);
  const aucLabel = svg
    .append('text')
    .attr('class', 'roc-view__auc')
    .attr('x', sx(1) - 6)
    .attr('y', sy(0) - 8)
    .attr('text-anchor', 'end');
  const handle = svg
    .append('circle')
    .attr('class', 'roc-view__handle')
    .attr('r', 7)
    .attr('fill', OKABE_ITO[6])
    .attr('stroke', '#000')
    .attr('stroke-width', 1.5)
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', 1)
    .attr('data-testid', 'roc-handle')
    .style('cursor', 'grab');

  let state: RocViewState | null = null;
  let threshold = 0.5;
  let dragging: number | null = null;

  function drawHandle(): void {
    const s = state;
    const k = s ? operatingPointIndex(s.points, threshold) : -1;
    const p = s && k >= 0 ? (s.points[k] as RocPoint) : null;
    svg.attr('data-threshold', threshold);
    handle
      .attr('display', p ? null : 'none')
      .attr('aria-valuenow', threshold)
      .attr('aria-valuetext', s && p ? s.valueText(threshold, p) : null)
      .attr('aria-label', s?.handleLabel ?? null)
      .attr('data-index', k)
      .attr('data-fpr', p?.fpr ?? null)
      .attr('data-tpr', p?.tpr ?? null)
      .attr('cx', p ? sx(p.fpr) : 0)
      .attr('cy', p ? sy(p.tpr) : 0);
    guides
      .selectAll('line')
      .data(p ? [0, 1] : [])
      .join('line')
      .attr('stroke-dasharray', '2 3')
      .attr('x1', (d) => (d ? sx(0) : sx(p?.fpr ?? 0)))
      .attr('y1', (d) => (d ? sy(p?.tpr ?? 0) : sy(0)))
      .attr('x2', sx(p?.fpr ?? 0))
      .attr('y2', sy(p?.tpr ?? 0));
  }

  function setThreshold(t: number): void {
    if (t === threshold) return;
    threshold = t;
    drawHandle();
    options.onThreshold?.(t);
  }

  function update(next: RocViewState): void {
    state = next;
    threshold = next.threshold;
    axes.draw(frame, { x: sx, y: sy, xLabel: next.xLabel, yLabel: next.yLabel, ticks: 5 });
    const path = line<RocPoint>()
      .x((p) => sx(p.fpr))
      .y((p) => sy(p.tpr));
    curve.attr('d', next.points.length ? path(next.points) : null);
    area.attr('d', next.points.length ? `${path(next.points)}L${sx(1)},${sy(0)}L${sx(0)},${sy(0)}Z` : null);
    aucLabel.text(next.points.length ? next.aucText : '');
    svg.attr('data-auc', Number.isFinite(next.auc) ? next.auc : null).attr('data-points', next.points.length);
    drawHandle();
  }

  /** The point nearest to a pointer position, in the figure's viewBox units. */
  function pointAt(event: PointerEvent): number {
    const node = svg.node();
    const rect = node?.getBoundingClientRect();
    if (!state || !rect || rect.width <= 0 || rect.height <= 0) return -1;
    const x = ((event.clientX - rect.left) * S) / rect.width;
    const y = ((event.clientY - rect.top) * S) / rect.height;
    return nearestPointIndex(state.points, sx.invert(x), sy.invert(y));
  }

  function moveTo(event: PointerEvent): void {
    const i = pointAt(event);
    if (i >= 0 && state) setThreshold(thresholdOfPoint(state.points, i));
  }

  handle.on('keydown', (event: KeyboardEvent) => {
    if (!state) return;
    const t = keyThreshold(state.points, threshold, event.key);
    if (t === null) return;
    event.preventDefault();
    setThreshold(t);
  });
  svg.on('pointerdown', (event: PointerEvent) => {
    if (!state || state.points.length === 0 || event.button !== 0) return;
    dragging = event.pointerId;
    (event.target as Element | null)?.setPointerCapture?.(event.pointerId);
    handle.style('cursor', 'grabbing');
    (handle.node() as SVGCircleElement | null)?.focus?.();
    moveTo(event);
    event.preventDefault();
  });
  svg.on('pointermove', (event: PointerEvent) => {
    if (dragging === event.pointerId) moveTo(event);
  });
  const stop = (event: PointerEvent): void => {
    if (dragging !== event.pointerId) return;
    dragging = null;
    handle.style('cursor', 'grab');
  };
  svg.on('pointerup', stop).on('pointercancel', stop);

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
