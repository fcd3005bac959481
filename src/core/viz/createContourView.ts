/**
 * A d3 contour map of a 2-D loss surface (filled bands, viridis on a logarithmic or linear scale of
 * the loss) with optimizer paths drawn on top, each with its own colour, dash pattern and end
 * marker so that the paths stay distinguishable without colour. Framework-free.
 */
import { contours, geoPath, geoTransform, scaleLinear, select } from 'd3';
import { appendAxes, appendFigure, type AxesFrame } from './axes';
import { viridis } from './colorMaps';
import type { ViewHandle } from './ViewHandle';

/** Samples of f on a regular grid, row-major, row 0 at y = domain.y[0] (as sampleSurface makes them). */
export interface ContourGrid {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  domain: { x: readonly [number, number]; y: readonly [number, number] };
}

/** One path (an optimizer's trajectory). */
export interface ContourPath {
  id: string;
  color: string;
  /** SVG stroke-dasharray, or '' for solid. */
  dash: string;
  points: readonly (readonly number[])[];
  /** Draw only the first `shown` points (animation), default all. */
  shown?: number;
  /** Accessible name, e.g. "Adam, loss 0.003 after 200 steps". */
  label: string;
}

/** A marked point: the start (square), a minimum (star) or another point of interest (diamond). */
export interface ContourMarker {
  x: number;
  y: number;
  shape: 'start' | 'minimum' | 'point';
  label: string;
}

/** What the contour view shows. */
export interface ContourState {
  grid: ContourGrid;
  /** Number of contour levels. */
  levels: number;
  /** Space levels evenly in log(f − min + offset) rather than in f. */
  logScale: boolean;
  paths: readonly ContourPath[];
  markers: readonly ContourMarker[];
  xLabel: string;
  yLabel: string;
}

/** Static options. */
export interface ContourOptions {
  title: string;
  description: string;
  width?: number;
  height?: number;
}

/** The contour thresholds: `levels` values between min and max of the grid, log-spaced if asked. */
export function contourThresholds(values: ArrayLike<number>, levels: number, logScale: boolean): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(hi > lo)) return [lo];
  if (!logScale) return Array.from({ length: levels }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / levels);
  // Log spacing of f − lo + δ, δ = 1e-3·(hi − lo), so that the valley floor gets many levels.
  const d = 1e-3 * (hi - lo);
  const a = Math.log(d);
  const b = Math.log(hi - lo + d);
  return Array.from({ length: levels }, (_, k) => lo - d + Math.exp(a + ((b - a) * (k + 0.5)) / levels));
}

let instances = 0;

const MARKER_PATHS = {
  start: 'M-7,-7 L7,-7 L7,7 L-7,7 z',
  minimum: 'M0,-9 L2.6,-3 L9,-3 L4,1.5 L6,8 L0,4 L-6,8 L-4,1.5 L-9,-3 L-2.6,-3 z',
  point: 'M0,-8 L8,0 L0,8 L-8,0 z',
} as const;

/** Creates a contour view inside `container`. */
export function createContourView(container: Element, options: ContourOptions): ViewHandle<ContourState> {
  const W = options.width ?? 560;
  const H = options.height ?? 480;
  const M = { top: 12, right: 12, bottom: 44, left: 56 };
  const frame: AxesFrame = { width: W, height: H, margin: M, titleInset: { bottom: 6, left: 14 } };
  const svg = appendFigure(container, 'contour-view', options.title, options.description)
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('data-testid', 'contour-view');
  const clipId = `contour-clip-${++instances}`;
  svg
    .append('clipPath')
    .attr('id', clipId)
    .append('rect')
    .attr('x', M.left)
    .attr('y', M.top)
    .attr('width', W - M.left - M.right)
    .attr('height', H - M.top - M.bottom);
  const bands = svg.append('g').attr('class', 'contour-view__bands').attr('clip-path', `url(#${clipId})`);
  const paths = svg.append('g').attr('class', 'contour-view__paths').attr('clip-path', `url(#${clipId})`);
  const marks = svg.append('g').attr('class', 'contour-view__markers');
  const axes = appendAxes(svg);
  // What the bands and axes were last drawn from: an animation only changes the paths' `shown`,
  // and then recomputing the contours (several ms) and the axes would be wasted work.
  let drawn: Pick<ContourState, 'grid' | 'levels' | 'logScale' | 'xLabel' | 'yLabel'> | null = null;

  function update(state: ContourState): void {
    const { grid } = state;
    const sx = scaleLinear()
      .domain(grid.domain.x)
      .range([M.left, W - M.right]);
    const sy = scaleLinear()
      .domain(grid.domain.y)
      .range([H - M.bottom, M.top]);
    // d3.contours puts sample (i, j) at (i + 0.5, j + 0.5); map that to the domain.
    const gx = (c: number): number =>
      grid.domain.x[0] + ((c - 0.5) * (grid.domain.x[1] - grid.domain.x[0])) / (grid.nx - 1);
    const gy = (c: number): number =>
      grid.domain.y[0] + ((c - 0.5) * (grid.domain.y[1] - grid.domain.y[0])) / (grid.ny - 1);
    const projection = geoTransform({
      point(x, y) {
        this.stream.point(sx(gx(x)), sy(gy(y)));
      },
    });
    const unchanged =
      drawn !== null &&
      drawn.grid === grid &&
      drawn.levels === state.levels &&
      drawn.logScale === state.logScale &&
      drawn.xLabel === state.xLabel &&
      drawn.yLabel === state.yLabel;
    if (!unchanged) {
      const thresholds = contourThresholds(grid.values, state.levels, state.logScale);
      const values = Array.from(grid.values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
      const polys = contours().size([grid.nx, grid.ny]).thresholds(thresholds)(values);
      const path = geoPath(projection);
      bands
        .selectAll('path')
        .data(polys)
        .join('path')
        .attr('d', (d) => path(d) ?? '')
        .attr('fill', (_, k) => viridis(thresholds.length > 1 ? k / (thresholds.length - 1) : 0.5))
        .attr('stroke', 'rgb(255 255 255 / 20%)')
        .attr('stroke-width', 0.4);
      axes.draw(frame, { x: sx, y: sy, xLabel: state.xLabel, yLabel: state.yLabel });
      drawn = {
        grid,
        levels: state.levels,
        logScale: state.logScale,
        xLabel: state.xLabel,
        yLabel: state.yLabel,
      };
    }

    paths
      .selectAll<SVGGElement, ContourPath>('g.contour-view__path')
      .data(state.paths, (d) => d.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'contour-view__path');
        g.append('title');
        g.append('polyline').attr('fill', 'none');
        g.append('circle').attr('r', 5);
        return g;
      })
      .each(function (d) {
        const g = select(this).attr('data-path', d.id);
        const shown = d.points.slice(0, Math.max(1, d.shown ?? d.points.length));
        const pts = shown.map((p) => `${sx(p[0] ?? 0)},${sy(p[1] ?? 0)}`).join(' ');
        g.select('title').text(d.label);
        g.select('polyline')
          .attr('points', pts)
          .attr('stroke', d.color)
          .attr('stroke-width', 2.6)
          .attr('stroke-dasharray', d.dash || null)
          .attr('stroke-linejoin', 'round');
        const last = shown[shown.length - 1] ?? [0, 0];
        g.select('circle')
          .attr('cx', sx(last[0] ?? 0))
          .attr('cy', sy(last[1] ?? 0))
          .attr('fill', d.color)
          .attr('stroke', '#ffffff')
          .attr('stroke-width', 1.5);
      });

    marks
      .selectAll<SVGGElement, ContourMarker>('g')
      .data(state.markers)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        g.append('path');
        return g;
      })
      .attr('transform', (d) => `translate(${sx(d.x)},${sy(d.y)})`)
      .attr('data-marker', (d) => d.shape)
      .each(function (d) {
        const g = select(this);
        g.select('title').text(d.label);
        g.select('path')
          .attr('d', MARKER_PATHS[d.shape])
          .attr('fill', d.shape === 'start' ? '#ffffff' : d.shape === 'minimum' ? '#F0E442' : '#CC79A7')
          .attr('stroke', '#000000')
          .attr('stroke-width', 1.5);
      });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
