/**
 * A d3 scatter plot of 2-D vectors around a reference arrow: the mini-batch gradients (dots) and the
 * full-batch gradient (arrow from the origin), on fixed symmetric axes so that panels for several
 * batch sizes compare at a glance. Framework-free. Points of two classes on axes fitted to the
 * data, with a decision boundary and a legend, are the job of `createScatterPlot` (./scatterPlot);
 * both draw their axes with ./axes.
 */
import { scaleLinear } from 'd3';
import { appendAxes, appendFigure, type AxesFrame } from './axes';
import { OKABE_ITO } from './colorMaps';
import type { ViewHandle } from './ViewHandle';

/** What the scatter view shows. */
export interface ScatterState {
  points: readonly (readonly number[])[];
  /** The reference vector, drawn as an arrow from (0, 0). */
  arrow: readonly number[];
  /** Half-width of both axes: they run from −extent to +extent. */
  extent: number;
  color: string;
  xLabel: string;
  yLabel: string;
}

/** Static options. */
export interface ScatterOptions {
  title: string;
  description: string;
  size?: number;
}

let instances = 0;

/** Creates a scatter view inside `container`. */
export function createScatterView(container: Element, options: ScatterOptions): ViewHandle<ScatterState> {
  const S = options.size ?? 240;
  const M = { top: 8, right: 8, bottom: 36, left: 48 };
  const frame: AxesFrame = { width: S, height: S, margin: M, titleInset: { bottom: 4, left: 12 } };
  const markerId = `scatter-arrow-${++instances}`;
  const svg = appendFigure(container, 'scatter-view', options.title, options.description).attr(
    'viewBox',
    `0 0 ${S} ${S}`,
  );
  svg
    .append('defs')
    .append('marker')
    .attr('id', markerId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .attr('fill', OKABE_ITO[0]);
  const axes = appendAxes(svg);
  const cross = svg.append('g').attr('stroke', '#9aa5b1').attr('stroke-width', 0.8);
  const dots = svg.append('g').attr('class', 'scatter-view__dots');
  const arrow = svg
    .append('line')
    .attr('class', 'scatter-view__arrow')
    .attr('stroke', OKABE_ITO[0])
    .attr('stroke-width', 2.5)
    .attr('marker-end', `url(#${markerId})`);

  function update(state: ScatterState): void {
    const e = state.extent > 0 ? state.extent : 1;
    const sx = scaleLinear()
      .domain([-e, e])
      .range([M.left, S - M.right]);
    const sy = scaleLinear()
      .domain([-e, e])
      .range([S - M.bottom, M.top]);
    axes.draw(frame, { x: sx, y: sy, xLabel: state.xLabel, yLabel: state.yLabel, ticks: 4 });
    cross
      .selectAll('line')
      .data([0, 1])
      .join('line')
      .attr('x1', (d) => (d ? sx(0) : M.left))
      .attr('x2', (d) => (d ? sx(0) : S - M.right))
      .attr('y1', (d) => (d ? M.top : sy(0)))
      .attr('y2', (d) => (d ? S - M.bottom : sy(0)));
    dots
      .selectAll('circle')
      .data(state.points)
      .join('circle')
      .attr('cx', (p) => sx(Math.max(-e, Math.min(e, p[0] ?? 0))))
      .attr('cy', (p) => sy(Math.max(-e, Math.min(e, p[1] ?? 0))))
      .attr('r', 2.4)
      .attr('fill', state.color)
      .attr('fill-opacity', 0.55);
    arrow
      .attr('x1', sx(0))
      .attr('y1', sy(0))
      .attr('x2', sx(state.arrow[0] ?? 0))
      .attr('y2', sy(state.arrow[1] ?? 0));
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
