/**
 * A d3 line plot with optional logarithmic axes (the gradient-check error against ε), one line per
 * series, each with its own colour, dash pattern and point shape, and an optional vertical marker
 * at the current x. Framework-free.
 */
import { scaleLinear, scaleLog, select, symbol, symbolCircle, symbolSquare, symbolTriangle } from 'd3';
import { appendAxes, appendFigure, type AxesFrame } from './axes';
import type { ViewHandle } from './ViewHandle';

/** One series. */
export interface LineSeries {
  id: string;
  color: string;
  dash: string;
  /** Marker at each point; `none` for a plain line. */
  shape: 'circle' | 'square' | 'triangle' | 'none';
  points: readonly (readonly [number, number])[];
  label: string;
}

/** What the line plot shows. */
export interface LinePlotState {
  series: readonly LineSeries[];
  xLog: boolean;
  yLog: boolean;
  xLabel: string;
  yLabel: string;
  /** Draw a vertical line at this x. */
  markX?: number;
}

/** Static options. */
export interface LinePlotOptions {
  title: string;
  description: string;
  width?: number;
  height?: number;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A tick label for a log axis: 10ⁿ at powers of ten, nothing in between. */
export function powerOfTenLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (!(v > 0) || Math.abs(Math.log10(v) - e) > 1e-9) return '';
  return `10${[...String(e)].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('')}`;
}

const SHAPES = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle } as const;

/** Creates a line plot inside `container`. */
export function createLinePlotView(container: Element, options: LinePlotOptions): ViewHandle<LinePlotState> {
  const W = options.width ?? 520;
  const H = options.height ?? 300;
  const M = { top: 12, right: 16, bottom: 44, left: 64 };
  const frame: AxesFrame = { width: W, height: H, margin: M, titleInset: { bottom: 6, left: 14 } };
  const svg = appendFigure(container, 'line-plot-view', options.title, options.description).attr(
    'viewBox',
    `0 0 ${W} ${H}`,
  );
  const axes = appendAxes(svg);
  const mark = svg.append('line').attr('stroke', '#16202b').attr('stroke-dasharray', '3 3');
  const lines = svg.append('g');

  function update(state: LinePlotState): void {
    const pts = state.series
      .flatMap((s) => s.points)
      .filter(([x, y]) => (!state.xLog || x > 0) && (!state.yLog || y > 0));
    const ext = (k: 0 | 1): [number, number] => {
      const vs = pts.map((p) => p[k]);
      const lo = Math.min(...vs);
      const hi = Math.max(...vs);
      return vs.length ? (lo === hi ? [lo / 2 || -1, hi * 2 || 1] : [lo, hi]) : [1, 10];
    };
    const sx = (state.xLog ? scaleLog() : scaleLinear()).domain(ext(0)).range([M.left, W - M.right]);
    const sy = (state.yLog ? scaleLog() : scaleLinear())
      .domain(ext(1))
      .range([H - M.bottom, M.top])
      .nice();
    axes.draw(frame, {
      x: sx,
      y: sy,
      xLabel: state.xLabel,
      yLabel: state.yLabel,
      xFormat: state.xLog ? powerOfTenLabel : undefined,
      yFormat: state.yLog ? powerOfTenLabel : undefined,
    });
    const ok = (p: readonly [number, number]): boolean =>
      (!state.xLog || p[0] > 0) && (!state.yLog || p[1] > 0);
    lines
      .selectAll<SVGGElement, LineSeries>('g.line-plot-view__series')
      .data(state.series, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'line-plot-view__series');
        g.append('title');
        g.append('polyline').attr('fill', 'none').attr('stroke-width', 2.2);
        g.append('g');
        return g;
      })
      .each(function (s) {
        const g = select(this).attr('data-series', s.id);
        const good = s.points.filter(ok);
        g.select('title').text(s.label);
        g.select('polyline')
          .attr('points', good.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' '))
          .attr('stroke', s.color)
          .attr('stroke-dasharray', s.dash || null);
        g.select('g')
          .selectAll('path')
          .data(s.shape === 'none' ? [] : good)
          .join('path')
          .attr('transform', ([x, y]) => `translate(${sx(x)},${sy(y)})`)
          .attr('d', s.shape === 'none' ? '' : (symbol(SHAPES[s.shape], 48)() ?? ''))
          .attr('fill', s.color);
      });
    const showMark = state.markX !== undefined && (!state.xLog || state.markX > 0);
    mark
      .attr('display', showMark ? null : 'none')
      .attr('x1', showMark ? sx(state.markX ?? 1) : 0)
      .attr('x2', showMark ? sx(state.markX ?? 1) : 0)
      .attr('y1', M.top)
      .attr('y2', H - M.bottom);
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
