/**
 * A d3 heat map of a small matrix (a 3×3 kernel, its gradient, an 8×8 patch): one square per
 * value, coloured with the diverging blue–orange map symmetric around 0 (signed values), viridis
 * (magnitudes) or grey (images), optionally with the number written in each cell in black or white,
 * whichever contrasts more. Framework-free.
 */
import { select } from 'd3';
import { appendFigure } from './axes';
import { blueOrange, textColorOn, viridis } from './colorMaps';
import type { ViewHandle } from './ViewHandle';

/** The colour scale of a heat map. */
export type HeatmapScale = 'diverging' | 'viridis' | 'gray';

/** What the heat map shows. */
export interface HeatmapState {
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  scale: HeatmapScale;
  /**
   * The value mapped to the end of the scale: ±`range` for diverging, [0, range] for viridis,
   * [−range, range] for grey. Default: the largest |value|.
   */
  range?: number;
  /** Formats a cell's number; omit to draw no numbers. */
  format?: (v: number) => string;
}

/** Static options. */
export interface HeatmapOptions {
  title: string;
  description: string;
  /** Side of a cell in SVG units (default 40). */
  cell?: number;
}

/** The fill of one value on a scale with the given range. */
export function heatColor(v: number, scale: HeatmapScale, range: number): string {
  const r = range > 0 ? range : 1;
  if (scale === 'diverging') return blueOrange(v / r);
  if (scale === 'viridis') return viridis(v / r);
  const g = Math.round(255 * Math.min(1, Math.max(0, (v / r + 1) / 2)));
  return `rgb(${g}, ${g}, ${g})`;
}

/** Creates a heat map view inside `container`. */
export function createHeatmapView(container: Element, options: HeatmapOptions): ViewHandle<HeatmapState> {
  const cell = options.cell ?? 40;
  const svg = appendFigure(container, 'heatmap-view', options.title, options.description);
  const layer = svg.append('g');

  function update(state: HeatmapState): void {
    const n = state.rows * state.cols;
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(state.values[i] ?? 0));
    const range = state.range ?? maxAbs;
    svg.attr('viewBox', `0 0 ${state.cols * cell} ${state.rows * cell}`).attr('data-range', range);
    const cells = Array.from({ length: n }, (_, i) => ({ i, v: state.values[i] ?? 0 }));
    layer
      .selectAll<SVGGElement, (typeof cells)[number]>('g.heatmap-view__cell')
      .data(cells)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'heatmap-view__cell');
        g.append('rect');
        g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
        return g;
      })
      .each(function (d) {
        const fill = heatColor(d.v, state.scale, range);
        const g = select(this)
          .attr('transform', `translate(${(d.i % state.cols) * cell},${Math.floor(d.i / state.cols) * cell})`)
          .attr('data-value', d.v);
        g.select('rect')
          .attr('width', cell)
          .attr('height', cell)
          .attr('fill', fill)
          .attr('stroke', '#ffffff');
        g.select('text')
          .attr('x', cell / 2)
          .attr('y', cell / 2)
          .attr('font-size', cell * 0.24)
          .attr('fill', textColorOn(fill))
          .text(state.format ? state.format(d.v) : '');
      });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
