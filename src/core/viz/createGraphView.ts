/**
 * A d3 drawing of a computational graph: nodes are operations (circles) and leaves (rounded
 * squares), edges run left to right and carry the value flowing forward (above the edge) and,
 * in the backward pass, the chain-rule product flowing back (below the edge, orange). The caller
 * decides what is revealed; the view only draws. Framework-free: `update` and `destroy`.
 */
import { select, type Selection } from 'd3';
import { appendFigure } from './axes';
import { DIVERGING_STOPS, OKABE_ITO } from './colorMaps';
import { layoutGraph } from './layoutGraph';
import type { ViewHandle } from './ViewHandle';

/** A node as drawn. */
export interface GraphViewNode {
  id: number;
  inputs: readonly number[];
  /** Drawn inside the node: an operation symbol (×, +, σ) or a leaf's name (x₁). */
  symbol: string;
  /** Written above an operation node (its name, e.g. z); empty for none. */
  name: string;
  kind: 'input' | 'param' | 'const' | 'op';
  /** Accessible description of the node (its <title>). */
  description: string;
}

/** What the view shows; texts absent from the maps are hidden. */
export interface GraphViewState {
  nodes: readonly GraphViewNode[];
  /** Value carried by each edge, keyed `from>to`. */
  edgeValues: ReadonlyMap<string, string>;
  /** Chain-rule product flowing back along each edge, keyed `from>to`. */
  edgeGrads: ReadonlyMap<string, string>;
  /** Text under a node (its value, or its gradient in the backward pass). */
  nodeNotes: ReadonlyMap<number, string>;
  /** The node being computed now, drawn thick; its input edges are highlighted. */
  active?: number;
  /** The pass, which sets the highlight colour. */
  phase: 'forward' | 'backward';
  /** Fade new texts in (false under prefers-reduced-motion). */
  animate: boolean;
}

/** Static options of a graph view. */
export interface GraphViewOptions {
  title: string;
  description: string;
}

/** Key of the edge from → to in {@link GraphViewState} maps. */
export const edgeKey = (from: number, to: number): string => `${from}>${to}`;

const COL_W = 118;
const ROW_H = 64;
const PAD = 34;
const R = 19;
const FORWARD = OKABE_ITO[5];
const BACKWARD = DIVERGING_STOPS.positive;
/** A darker orange for small text: contrast ≥ 4.5 on white (WCAG 2.1 AA). */
export const BACKWARD_TEXT = '#a04400';

/** Creates a graph view inside `container` (an element; the view appends one SVG). */
export function createGraphView(container: Element, options: GraphViewOptions): ViewHandle<GraphViewState> {
  const svg = appendFigure(container, 'graph-view', options.title, options.description).attr(
    'data-testid',
    'graph-view',
  );
  const defs = svg.append('defs');
  for (const [id, color] of [
    ['fwd', '#5b6770'],
    ['bwd', BACKWARD],
  ] as const) {
    defs
      .append('marker')
      .attr('id', `graph-arrow-${id}`)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('fill', color);
  }
  const edgeLayer = svg.append('g').attr('class', 'graph-view__edges');
  const nodeLayer = svg.append('g').attr('class', 'graph-view__nodes');

  /** Shows or hides a text; a text that appears fades in (Web Animations API) when `animate`. */
  const fade = <E extends Element>(
    sel: Selection<E, unknown, null, undefined>,
    on: boolean,
    animate: boolean,
  ): void => {
    const wasOn = sel.attr('data-on') === '1';
    sel.attr('data-on', on ? '1' : '0').attr('opacity', on ? 1 : 0);
    const el = sel.node();
    if (animate && on && !wasOn && el && typeof el.animate === 'function') {
      el.animate([{ opacity: 0 }, { opacity: 1 }], { duration: 350, easing: 'ease-out' });
    }
  };

  function update(state: GraphViewState): void {
    const pos = layoutGraph(state.nodes);
    const maxCol = Math.max(0, ...[...pos.values()].map((p) => p.column));
    const maxY = Math.max(0, ...[...pos.values()].map((p) => p.y));
    const xy = (id: number): [number, number] => {
      const p = pos.get(id) ?? { column: 0, y: 0 };
      return [PAD + R + p.column * COL_W, PAD + 14 + p.y * ROW_H];
    };
    svg.attr('viewBox', `0 0 ${2 * PAD + 2 * R + maxCol * COL_W} ${2 * PAD + 40 + maxY * ROW_H}`);
    const active = state.nodes.find((n) => n.id === state.active);
    const edges = state.nodes.flatMap((n) =>
      n.inputs.map((i) => ({ from: i, to: n.id, key: edgeKey(i, n.id) })),
    );
    const uniqueEdges = edges.filter((e, k) => edges.findIndex((f) => f.key === e.key) === k);

    const eSel = edgeLayer
      .selectAll<SVGGElement, (typeof uniqueEdges)[number]>('g.graph-view__edge')
      .data(uniqueEdges, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'graph-view__edge');
        g.append('path').attr('class', 'graph-view__line');
        g.append('text').attr('class', 'graph-view__edge-value').attr('text-anchor', 'middle');
        g.append('text').attr('class', 'graph-view__edge-grad').attr('text-anchor', 'middle');
        return g;
      });
    eSel.each(function (d) {
      const g = select(this);
      const [x0, y0] = xy(d.from);
      const [x1, y1] = xy(d.to);
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const [ux, uy] = [(x1 - x0) / len, (y1 - y0) / len];
      const into = active !== undefined && d.to === active.id;
      const back = state.phase === 'backward' && state.edgeGrads.has(d.key);
      g.attr('data-edge', d.key).classed('is-active', into);
      g.select('path')
        .attr('d', `M${x0 + ux * (R + 2)},${y0 + uy * (R + 2)} L${x1 - ux * (R + 4)},${y1 - uy * (R + 4)}`)
        .attr('stroke', into ? (state.phase === 'forward' ? FORWARD : BACKWARD) : back ? BACKWARD : '#5b6770')
        .attr('stroke-width', into ? 3 : 1.4)
        .attr('marker-end', back ? null : 'url(#graph-arrow-fwd)')
        .attr('marker-start', back ? 'url(#graph-arrow-bwd)' : null);
      const mx = x0 + (x1 - x0) * 0.45;
      const my = y0 + (y1 - y0) * 0.45;
      const value = state.edgeValues.get(d.key);
      const vText = g
        .select<SVGTextElement>('text.graph-view__edge-value')
        .attr('x', mx)
        .attr('y', my - 6)
        .text(value ?? '');
      fade(vText, value !== undefined, state.animate);
      const grad = state.edgeGrads.get(d.key);
      const gText = g
        .select<SVGTextElement>('text.graph-view__edge-grad')
        .attr('x', mx)
        .attr('y', my + 15)
        .style('fill', BACKWARD_TEXT)
        .text(grad ?? '');
      fade(gText, grad !== undefined, state.animate);
    });

    const nSel = nodeLayer
      .selectAll<SVGGElement, GraphViewNode>('g.graph-view__node')
      .data(state.nodes, (d) => String(d.id))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'graph-view__node');
        g.append('title');
        g.append('rect');
        g.append('text')
          .attr('class', 'graph-view__symbol')
          .attr('text-anchor', 'middle')
          .attr('dy', '0.35em');
        g.append('text').attr('class', 'graph-view__name').attr('text-anchor', 'middle');
        g.append('text').attr('class', 'graph-view__note').attr('text-anchor', 'middle');
        return g;
      });
    nSel.each(function (d) {
      const g = select(this);
      const [x, y] = xy(d.id);
      const isActive = d.id === state.active;
      g.attr('transform', `translate(${x},${y})`)
        .attr('data-node', d.id)
        .attr('data-kind', d.kind)
        .classed('is-active', isActive);
      g.select('title').text(d.description);
      const leaf = d.kind !== 'op';
      g.select('rect')
        .attr('x', -R)
        .attr('y', -R)
        .attr('width', 2 * R)
        .attr('height', 2 * R)
        .attr('rx', leaf ? 6 : R)
        .attr('fill', d.kind === 'param' ? '#e7eef8' : d.kind === 'op' ? '#ffffff' : '#f2f2f2')
        .attr('stroke', isActive ? (state.phase === 'forward' ? FORWARD : BACKWARD) : '#2b3640')
        .attr('stroke-width', isActive ? 4 : 1.5);
      g.select('text.graph-view__symbol').text(d.symbol);
      g.select('text.graph-view__name')
        .attr('y', -R - 6)
        .text(leaf ? '' : d.name);
      const note = state.nodeNotes.get(d.id);
      const nText = g
        .select<SVGTextElement>('text.graph-view__note')
        .attr('y', R + 16)
        .text(note ?? '');
      // A style, not an attribute: the page's CSS colours SVG text and would override `fill`.
      if (state.phase === 'backward') nText.style('fill', BACKWARD_TEXT);
      else nText.style('fill', null);
      fade(nText, note !== undefined, state.animate);
    });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
