/**
 * A d3 scatter plot of two features coloured by class, with an optional linear decision boundary.
 * Framework-free (DESIGN.md "viz"): `createScatterPlot(container, options)` draws into the given
 * element and returns `{ update, destroy }`; it touches no DOM global, only the container's own
 * document.
 *
 * The two classes differ in shape as well as colour (class 0: blue circles, class 1: vermillion
 * triangles, from the Okabe–Ito colour-blind-safe palette: Okabe M, Ito K. Color Universal Design,
 * 2008), so they stay apart for every colour vision and in greyscale print.
 *
 * The figure's axes and their titles are drawn by `./axes`, shared with the other engines; a cloud
 * of vectors on fixed symmetric axes around a reference arrow is `createScatterView`'s job.
 */
import { extent, scaleLinear, select, symbol, symbolCircle, symbolTriangle } from 'd3';
import { appendAxes, type AxesFrame } from './axes';

/** One example: its two feature values and its class. */
export interface ScatterPoint {
  x: number;
  y: number;
  cls: 0 | 1;
}

/** The line `wx·x + wy·y + b = 0`, in the plot's data coordinates. */
export interface ScatterBoundary {
  wx: number;
  wy: number;
  b: number;
}

/** What the plot shows. */
export interface ScatterPlotOptions {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  /** Legend names of class 0 and class 1. */
  classNames: readonly [string, string];
  /** Accessible name of the drawing. */
  title: string;
  /** Longer accessible description (e.g. counts and ranges). */
  description?: string;
  boundary?: ScatterBoundary | null;
  /** Legend text of the boundary line. */
  boundaryLabel?: string;
  /** Turns off the movement of the marks between updates (prefers-reduced-motion). */
  reducedMotion?: boolean;
  /** Width and height of the viewBox. Default 520 × 360. */
  width?: number;
  height?: number;
}

/** The handle of a drawn plot. */
export interface ScatterPlot {
  /** Redraws with some options changed. */
  update(next: Partial<ScatterPlotOptions>): void;
  /** Removes everything the plot added to its container. */
  destroy(): void;
}

/** Okabe–Ito blue and vermillion. */
export const SCATTER_COLOURS = ['#0072B2', '#D55E00'] as const;

const MARGIN = { top: 36, right: 16, bottom: 48, left: 64 };
const TITLE_INSET = { bottom: 8, left: 16 };
let nextId = 0;

/**
 * The segment of the line `wx·x + wy·y + b = 0` inside the box [x0, x1] × [y0, y1], or null when the
 * line misses the box or is undefined (wx = wy = 0).
 */
export function clipLine(
  l: ScatterBoundary,
  [x0, x1]: readonly [number, number],
  [y0, y1]: readonly [number, number],
): [[number, number], [number, number]] | null {
  const pts: [number, number][] = [];
  const push = (x: number, y: number) => {
    if (x >= x0 - 1e-9 && x <= x1 + 1e-9 && y >= y0 - 1e-9 && y <= y1 + 1e-9) {
      if (!pts.some((p) => Math.abs(p[0] - x) < 1e-9 && Math.abs(p[1] - y) < 1e-9)) pts.push([x, y]);
    }
  };
  if (Math.abs(l.wy) > 1e-12) {
    for (const x of [x0, x1]) push(x, -(l.wx * x + l.b) / l.wy);
  }
  if (Math.abs(l.wx) > 1e-12) {
    for (const y of [y0, y1]) push(-(l.wy * y + l.b) / l.wx, y);
  }
  return pts.length >= 2 ? [pts[0]!, pts[1]!] : null;
}

/** Draws a scatter plot into `container`. */
export function createScatterPlot(container: HTMLElement, initial: ScatterPlotOptions): ScatterPlot {
  let opts: ScatterPlotOptions = { ...initial };
  const id = `scatter-${++nextId}`;
  const svg = select(container)
    .append('svg')
    .attr('class', 'scatter-plot')
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .attr('data-testid', 'scatter-plot');
  const title = svg.append('title').attr('id', `${id}-title`);
  const desc = svg.append('desc').attr('id', `${id}-desc`);
  svg.append('defs').append('clipPath').attr('id', `${id}-clip`).append('rect');
  const axes = appendAxes(svg);
  const marks = svg.append('g').attr('clip-path', `url(#${id}-clip)`);
  const boundary = svg
    .append('line')
    .attr('data-testid', 'scatter-boundary')
    .attr('stroke', '#222')
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '6 4')
    .attr('clip-path', `url(#${id}-clip)`);
  const legend = svg.append('g').attr('class', 'scatter-plot__legend').attr('font-size', 12);

  function draw(): void {
    const width = opts.width ?? 520;
    const height = opts.height ?? 360;
    const iw = width - MARGIN.left - MARGIN.right;
    const ih = height - MARGIN.top - MARGIN.bottom;
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    title.text(opts.title);
    desc.text(opts.description ?? '');
    svg
      .select(`#${id}-clip rect`)
      .attr('x', MARGIN.left)
      .attr('y', MARGIN.top)
      .attr('width', iw)
      .attr('height', ih);

    const pad = (e: [number, number] | [undefined, undefined]): [number, number] => {
      const lo = e[0] ?? 0;
      const hi = e[1] ?? 1;
      const span = hi - lo || Math.abs(hi) || 1;
      return [lo - 0.05 * span, hi + 0.05 * span];
    };
    const xDomain = pad(extent(opts.points, (p) => p.x));
    const yDomain = pad(extent(opts.points, (p) => p.y));
    const x = scaleLinear()
      .domain(xDomain)
      .range([MARGIN.left, width - MARGIN.right])
      .nice();
    const y = scaleLinear()
      .domain(yDomain)
      .range([height - MARGIN.bottom, MARGIN.top])
      .nice();
    const frame: AxesFrame = {
      width,
      height,
      margin: MARGIN,
      titleInset: TITLE_INSET,
      centreXTitleOnPlot: true,
    };
    axes.draw(frame, { x, y, xLabel: opts.xLabel, yLabel: opts.yLabel });

    const shape = [symbol(symbolCircle, 40)(), symbol(symbolTriangle, 48)()] as const;
    const sel = marks
      .selectAll<SVGPathElement, ScatterPoint>('path')
      .data(opts.points)
      .join('path')
      .attr('data-cls', (p) => p.cls)
      .attr('d', (p) => shape[p.cls])
      .attr('fill', (p) => SCATTER_COLOURS[p.cls])
      .attr('fill-opacity', 0.55)
      .attr('stroke', (p) => SCATTER_COLOURS[p.cls])
      .attr('stroke-width', 1);
    // A CSS transition (not d3-transition) moves the marks; none when motion is reduced.
    sel
      .style('transition', opts.reducedMotion ? '' : 'transform 300ms ease-out')
      .style('transform', (p) => `translate(${x(p.x)}px, ${y(p.y)}px)`);

    const seg = opts.boundary
      ? clipLine(opts.boundary, x.domain() as [number, number], y.domain() as [number, number])
      : null;
    boundary
      .attr('display', seg ? null : 'none')
      .attr('x1', seg ? x(seg[0][0]) : 0)
      .attr('y1', seg ? y(seg[0][1]) : 0)
      .attr('x2', seg ? x(seg[1][0]) : 0)
      .attr('y2', seg ? y(seg[1][1]) : 0);

    const items: { label: string; draw: 'c0' | 'c1' | 'line' }[] = [
      { label: opts.classNames[0], draw: 'c0' },
      { label: opts.classNames[1], draw: 'c1' },
      ...(seg && opts.boundaryLabel ? [{ label: opts.boundaryLabel, draw: 'line' as const }] : []),
    ];
    legend.attr('transform', `translate(${MARGIN.left},14)`);
    const item = legend
      .selectAll<SVGGElement, (typeof items)[number]>('g')
      .data(items)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path');
        g.append('text').attr('x', 12).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_d, i) => `translate(${i * Math.min(170, iw / 3)},0)`);
    item
      .select('path')
      .attr('d', (d) => (d.draw === 'line' ? 'M-8,0H8' : shape[d.draw === 'c0' ? 0 : 1]))
      .attr('fill', (d) => (d.draw === 'line' ? 'none' : SCATTER_COLOURS[d.draw === 'c0' ? 0 : 1]))
      .attr('stroke', (d) => (d.draw === 'line' ? '#222' : SCATTER_COLOURS[d.draw === 'c0' ? 0 : 1]))
      .attr('stroke-width', (d) => (d.draw === 'line' ? 2 : 1))
      .attr('stroke-dasharray', (d) => (d.draw === 'line' ? '6 4' : null));
    item
      .select('text')
      .attr('x', (d) => (d.draw === 'line' ? 14 : 10))
      .text((d) => d.label);
  }

  draw();
  return {
    update(next) {
      opts = { ...opts, ...next };
      draw();
    },
    destroy() {
      svg.remove();
    },
  };
}
