// @vitest-environment jsdom
/** The d3 engines in a DOM: what they draw for a given state, re-drawing on update, clean removal. */
import { afterEach, describe, expect, it } from 'vitest';
import { contourThresholds, createContourView } from '../../../../src/core/viz/createContourView';
import { createGraphView, edgeKey, type GraphViewNode } from '../../../../src/core/viz/createGraphView';
import { createHeatmapView, heatColor } from '../../../../src/core/viz/createHeatmapView';
import { createLinePlotView, powerOfTenLabel } from '../../../../src/core/viz/createLinePlotView';
import { createScatterView } from '../../../../src/core/viz/createScatterView';
import { blueOrange } from '../../../../src/core/viz/colorMaps';

let host: HTMLDivElement;
afterEach(() => host?.remove());
function makeHost(): HTMLDivElement {
  host = document.createElement('div');
  document.body.append(host);
  return host;
}

const nodes: GraphViewNode[] = [
  { id: 0, inputs: [], symbol: 'x', name: '', kind: 'input', description: 'x = 2' },
  { id: 1, inputs: [], symbol: 'w', name: '', kind: 'param', description: 'w = 3' },
  { id: 2, inputs: [1, 0], symbol: '×', name: 'z', kind: 'op', description: 'z = w·x' },
  { id: 3, inputs: [2], symbol: 'σ', name: 'a', kind: 'op', description: 'a = σ(z)' },
];

describe('createGraphView', () => {
  it('draws one group per node and per edge, with the texts it is given', () => {
    const view = createGraphView(makeHost(), { title: 'A neuron', description: 'graph' });
    view.update({
      nodes,
      edgeValues: new Map([[edgeKey(0, 2), '2']]),
      edgeGrads: new Map(),
      nodeNotes: new Map(),
      active: 2,
      phase: 'forward',
      animate: false,
    });
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('A neuron');
    expect(host.querySelectorAll('g.graph-view__node')).toHaveLength(4);
    expect(host.querySelectorAll('g.graph-view__edge')).toHaveLength(3);
    expect(host.querySelector('[data-edge="0>2"] .graph-view__edge-value')?.textContent).toBe('2');
    expect(host.querySelector('[data-edge="0>2"] .graph-view__edge-value')?.getAttribute('opacity')).toBe(
      '1',
    );
    expect(host.querySelector('[data-edge="2>3"] .graph-view__edge-value')?.getAttribute('opacity')).toBe(
      '0',
    );
    expect(host.querySelector('[data-node="2"]')?.classList.contains('is-active')).toBe(true);
    expect(host.querySelector('[data-edge="0>2"]')?.classList.contains('is-active')).toBe(true);
    expect(host.querySelector('[data-node="3"] .graph-view__name')?.textContent).toBe('a');
    expect(host.querySelector('[data-node="1"]')?.getAttribute('data-kind')).toBe('param');

    view.update({
      nodes,
      edgeValues: new Map(),
      edgeGrads: new Map([[edgeKey(2, 3), '−0.25']]),
      nodeNotes: new Map([[3, '∂L/∂a = 1']]),
      active: 3,
      phase: 'backward',
      animate: false,
    });
    expect(host.querySelectorAll('g.graph-view__node')).toHaveLength(4);
    expect(host.querySelector('[data-edge="2>3"] .graph-view__edge-grad')?.textContent).toBe('−0.25');
    expect(host.querySelector('[data-edge="2>3"] path')?.getAttribute('marker-start')).toContain('bwd');
    expect(host.querySelector('[data-node="3"] .graph-view__note')?.textContent).toBe('∂L/∂a = 1');
    view.destroy();
    expect(host.innerHTML).toBe('');
  });
});

describe('createContourView', () => {
  it('thresholds: evenly or log-spaced between the extremes', () => {
    expect(contourThresholds([0, 10], 5, false)).toEqual([1, 3, 5, 7, 9]);
    const log = contourThresholds([0, 10], 4, true);
    expect(log).toHaveLength(4);
    for (let k = 1; k < 4; k++)
      expect(log[k]! - log[k - 1]!).toBeGreaterThan(log[k - 1]! - (log[k - 2] ?? -0.01));
    expect(contourThresholds([2, 2], 4, true)).toEqual([2]);
  });

  it('draws bands, one path per optimizer up to `shown`, and the markers', () => {
    const nx = 21;
    const values = Array.from(
      { length: nx * nx },
      (_, k) => ((k % nx) - 10) ** 2 + (Math.floor(k / nx) - 10) ** 2,
    );
    const view = createContourView(makeHost(), { title: 'Bowl', description: 'contours' });
    const state = {
      grid: { values, nx, ny: nx, domain: { x: [-1, 1] as const, y: [-1, 1] as const } },
      levels: 8,
      logScale: false,
      paths: [
        {
          id: 'sgd',
          color: '#000',
          dash: '',
          points: [
            [-1, 1],
            [0, 0.5],
            [0, 0],
          ],
          label: 'SGD',
        },
        {
          id: 'adam',
          color: '#E69F00',
          dash: '4 2',
          points: [
            [-1, 1],
            [-0.5, 0.5],
          ],
          shown: 1,
          label: 'Adam',
        },
      ],
      markers: [{ x: 0, y: 0, shape: 'minimum' as const, label: 'minimum' }],
      xLabel: 'w₁',
      yLabel: 'w₂',
    };
    view.update(state);
    expect(host.querySelectorAll('.contour-view__bands path').length).toBe(8);
    expect(host.querySelector('[data-path="sgd"] polyline')?.getAttribute('points')?.split(' ')).toHaveLength(
      3,
    );
    expect(
      host.querySelector('[data-path="adam"] polyline')?.getAttribute('points')?.split(' '),
    ).toHaveLength(1);
    expect(host.querySelector('[data-path="adam"] polyline')?.getAttribute('stroke-dasharray')).toBe('4 2');
    expect(host.querySelector('[data-path="adam"] title')?.textContent).toBe('Adam');
    expect(host.querySelectorAll('[data-marker="minimum"]')).toHaveLength(1);
    // The minimum (0, 0) maps to the centre of the plot area: x = 56 + (560 − 68)/2, y = 12 + (480 − 56)/2.
    expect(host.querySelector('[data-marker="minimum"]')?.getAttribute('transform')).toBe(
      'translate(302,224)',
    );
    view.update({ ...state, paths: state.paths.slice(0, 1) });
    expect(host.querySelectorAll('.contour-view__path')).toHaveLength(1);
    view.destroy();
    expect(host.innerHTML).toBe('');
  });

  it('keeps the band paths (and does not redraw them) when only the shown count changes', () => {
    const nx = 11;
    const values = Array.from(
      { length: nx * nx },
      (_, k) => ((k % nx) - 5) ** 2 + (Math.floor(k / nx) - 5) ** 2,
    );
    const grid = { values, nx, ny: nx, domain: { x: [-1, 1] as const, y: [-1, 1] as const } };
    const points = [
      [-1, 1],
      [-0.5, 0.5],
      [0, 0],
    ];
    const state = (shown: number) => ({
      grid,
      levels: 6,
      logScale: true,
      paths: [{ id: 'sgd', color: '#000', dash: '', points, shown, label: 'SGD' }],
      markers: [],
      xLabel: 'w₁',
      yLabel: 'w₂',
    });
    const view = createContourView(makeHost(), { title: 'Bowl', description: 'contours' });
    view.update(state(1));
    const before = [...host.querySelectorAll('.contour-view__bands path')];
    expect(before.length).toBeGreaterThan(0);
    // A mark that a redraw of the bands would overwrite.
    before[0]!.setAttribute('d', 'M0,0');
    view.update(state(3));
    const after = [...host.querySelectorAll('.contour-view__bands path')];
    expect(after).toHaveLength(before.length);
    after.forEach((node, k) => expect(node).toBe(before[k]));
    expect(after[0]!.getAttribute('d')).toBe('M0,0');
    expect(host.querySelector('[data-path="sgd"] polyline')?.getAttribute('points')?.split(' ')).toHaveLength(
      3,
    );
    // A new grid (or levels, scale or labels) redraws them.
    view.update({ ...state(3), grid: { ...grid } });
    expect(host.querySelector('.contour-view__bands path')?.getAttribute('d')).not.toBe('M0,0');
    view.destroy();
  });
});

describe('createHeatmapView', () => {
  it('colours each cell on a symmetric diverging scale and writes its number', () => {
    const view = createHeatmapView(makeHost(), { title: 'Kernel gradient', description: '3×3' });
    view.update({
      values: [-2, 0, 1, 0.5, 2, -1, 0, 0, 0],
      rows: 3,
      cols: 3,
      scale: 'diverging',
      format: (v) => v.toFixed(1),
    });
    const cells = host.querySelectorAll('g.heatmap-view__cell');
    expect(cells).toHaveLength(9);
    expect(cells[0]!.querySelector('rect')?.getAttribute('fill')).toBe(blueOrange(-1));
    expect(cells[4]!.querySelector('rect')?.getAttribute('fill')).toBe(blueOrange(1));
    expect(cells[2]!.querySelector('rect')?.getAttribute('fill')).toBe(blueOrange(0.5));
    expect(cells[5]!.querySelector('text')?.textContent).toBe('-1.0');
    expect(cells[5]!.getAttribute('transform')).toBe('translate(80,40)');
    expect(host.querySelector('svg')?.getAttribute('data-range')).toBe('2');
    expect(heatColor(1, 'gray', 1)).toBe('rgb(255, 255, 255)');
    expect(heatColor(-1, 'gray', 1)).toBe('rgb(0, 0, 0)');
    view.destroy();
  });
});

describe('createScatterView', () => {
  it('one dot per vector, clamped to the axes, and the reference arrow', () => {
    const view = createScatterView(makeHost(), { title: 'B = 8', description: 'scatter' });
    view.update({
      points: [
        [0.1, 0.2],
        [5, -5],
        [0, 0],
      ],
      arrow: [0.5, 0.5],
      extent: 1,
      color: '#0072B2',
      xLabel: 'a',
      yLabel: 'b',
    });
    const dots = host.querySelectorAll('.scatter-view__dots circle');
    expect(dots).toHaveLength(3);
    // (5, −5) is clamped to the corner (1, −1): x = 240 − 8, y = 240 − 36.
    expect(dots[1]!.getAttribute('cx')).toBe('232');
    expect(dots[1]!.getAttribute('cy')).toBe('204');
    const arrow = host.querySelector('.scatter-view__arrow')!;
    expect(Number(arrow.getAttribute('x2'))).toBeGreaterThan(Number(arrow.getAttribute('x1')));
    view.destroy();
    expect(host.innerHTML).toBe('');
  });
});

describe('createLinePlotView', () => {
  it('log-axis labels: 10ⁿ at powers of ten only', () => {
    expect(powerOfTenLabel(1e-12)).toBe('10⁻¹²');
    expect(powerOfTenLabel(100)).toBe('10²');
    expect(powerOfTenLabel(1)).toBe('10⁰');
    expect(powerOfTenLabel(3e-5)).toBe('');
    expect(powerOfTenLabel(0)).toBe('');
  });

  it('one polyline per series, skipping points a log axis cannot show', () => {
    const view = createLinePlotView(makeHost(), { title: 'Error vs ε', description: 'log-log' });
    view.update({
      series: [
        {
          id: 'c',
          color: '#000',
          dash: '',
          shape: 'circle',
          points: [
            [1e-1, 1e-3],
            [1e-2, 1e-5],
            [1e-3, 0],
          ],
          label: 'central',
        },
        {
          id: 'f',
          color: '#E69F00',
          dash: '5 3',
          shape: 'square',
          points: [
            [1e-1, 1e-2],
            [1e-2, 1e-3],
          ],
          label: 'forward',
        },
      ],
      xLog: true,
      yLog: true,
      xLabel: 'ε',
      yLabel: 'error',
      markX: 1e-2,
    });
    expect(host.querySelector('[data-series="c"] polyline')?.getAttribute('points')?.split(' ')).toHaveLength(
      2,
    );
    expect(host.querySelectorAll('[data-series="f"] path')).toHaveLength(2);
    expect(host.querySelector('[data-series="f"] polyline')?.getAttribute('stroke-dasharray')).toBe('5 3');
    const labels = [...host.querySelectorAll('.tick text')].map((t) => t.textContent).filter(Boolean);
    expect(labels).toContain('10⁻²');
    view.destroy();
  });
});
