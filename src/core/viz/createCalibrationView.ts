/**
 * A d3 reliability diagram (DeGroot MH, Fienberg SE. The Statistician 1983;32:12–22; Niculescu-
 * Mizil A, Caruana R. Predicting good probabilities with supervised learning. ICML 2005): for each
 * bin of predicted probability (from `calibrationBins`), the observed rate of positives against the
 * bin's mean predicted probability, as a marker whose area grows with the bin's count, joined by a
 * line; the diagonal of perfect calibration; and under it a small histogram of the predictions
 * (the bins' counts), which shows where the model's confidence lies. Points below the diagonal
 * are over-confident, above it under-confident. Framework-free; nothing is animated.
 */
import { line } from 'd3';
import type { CalibrationBin } from '../training/calibration';
import { appendAxes, appendFigure } from './axes';
import { OKABE_ITO } from './colorMaps';
import { appendCurvePath, appendDiagonal, unitSquarePlot } from './unitSquare';
import type { ViewHandle } from './ViewHandle';

/** What the calibration view shows. */
export interface CalibrationViewState {
  bins: readonly CalibrationBin[];
  xLabel: string;
  yLabel: string;
  /** Label of the histogram of predictions. */
  histogramLabel: string;
  /** Tooltip of a bin's marker and bar. */
  binText(bin: CalibrationBin): string;
}

/** Static options. */
export interface CalibrationViewOptions {
  title: string;
  description: string;
  /** Width of the figure in SVG units. Default 340. */
  width?: number;
}

/** Layout of the calibration figure (exported for tests that check positions against the scales). */
export const CALIBRATION_LAYOUT = {
  margin: { top: 12, right: 12, bottom: 44, left: 52 },
  /** Height of the reliability plot's area. */
  plotHeight: 250,
  /** Gap between the plot and the histogram. */
  gap: 14,
  /** Height of the histogram's tallest bar. */
  histogramHeight: 48,
  /** Radius of the marker of the fullest bin; others have radius `maxRadius · √(count / max)`. */
  maxRadius: 9,
  /** Smallest radius of a non-empty bin's marker, so that it stays visible. */
  minRadius: 2.5,
} as const;

/**
 * Radius of a bin's marker: proportional to √count, so that the marker's area is proportional to
 * the count (the fullest bin has `maxRadius`), never below `minRadius`; 0 for an empty bin.
 */
export function markerRadius(count: number, maxCount: number): number {
  const L = CALIBRATION_LAYOUT;
  if (count <= 0 || maxCount <= 0) return 0;
  return Math.max(L.minRadius, L.maxRadius * Math.sqrt(count / maxCount));
}

/** Creates a calibration view inside `container`. */
export function createCalibrationView(
  container: Element,
  options: CalibrationViewOptions,
): ViewHandle<CalibrationViewState> {
  const L = CALIBRATION_LAYOUT;
  const M = L.margin;
  const W = options.width ?? 340;
  const plotBottom = M.top + L.plotHeight;
  const histTop = plotBottom + L.gap;
  const H = histTop + L.histogramHeight + M.bottom;
  const plot = unitSquarePlot(W, H, M, plotBottom);
  const { frame, sx, sy } = plot;
  const svg = appendFigure(container, 'calibration-view', options.title, options.description)
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('data-testid', 'calibration-view');
  const axes = appendAxes(svg);
  appendDiagonal(svg, 'calibration-view__diagonal', plot);
  const bars = svg.append('g').attr('class', 'calibration-view__histogram').attr('fill', OKABE_ITO[2]);
  const histLabel = svg
    .append('text')
    .attr('class', 'calibration-view__histogram-label')
    .attr('x', sx(0) + 4)
    .attr('y', histTop + 10);
  const joined = appendCurvePath(svg, 'calibration-view__line', 1.6);
  const markers = svg.append('g').attr('class', 'calibration-view__markers');

  function update(state: CalibrationViewState): void {
    axes.draw(frame, { x: sx, y: sy, xLabel: state.xLabel, yLabel: state.yLabel, ticks: 5 });
    const maxCount = Math.max(0, ...state.bins.map((b) => b.count));
    const full = state.bins.filter((b) => b.count > 0);
    joined.attr(
      'd',
      full.length
        ? line<CalibrationBin>()
            .x((b) => sx(b.meanPredicted))
            .y((b) => sy(b.observedRate))(full)
        : null,
    );
    markers
      .selectAll<SVGCircleElement, CalibrationBin>('circle')
      .data(full)
      .join((enter) => {
        const c = enter.append('circle');
        c.append('title');
        return c;
      })
      .attr('cx', (b) => sx(b.meanPredicted))
      .attr('cy', (b) => sy(b.observedRate))
      .attr('r', (b) => markerRadius(b.count, maxCount))
      .attr('fill', OKABE_ITO[5])
      .attr('fill-opacity', 0.75)
      .attr('stroke', '#000')
      .attr('data-count', (b) => b.count)
      .attr('data-mean', (b) => b.meanPredicted)
      .attr('data-observed', (b) => b.observedRate)
      .select('title')
      .text((b) => state.binText(b));
    const barHeight = (count: number): number => (maxCount > 0 ? (L.histogramHeight * count) / maxCount : 0);
    bars
      .selectAll<SVGRectElement, CalibrationBin>('rect')
      .data(state.bins)
      .join((enter) => {
        const r = enter.append('rect');
        r.append('title');
        return r;
      })
      .attr('x', (b) => sx(b.lower) + 0.5)
      .attr('width', (b) => Math.max(0, sx(b.upper) - sx(b.lower) - 1))
      .attr('y', (b) => histTop + L.histogramHeight - barHeight(b.count))
      .attr('height', (b) => barHeight(b.count))
      .attr('data-count', (b) => b.count)
      .select('title')
      .text((b) => state.binText(b));
    histLabel.text(state.histogramLabel);
    svg.attr('data-bins', state.bins.length).attr(
      'data-total',
      state.bins.reduce((s, b) => s + b.count, 0),
    );
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
