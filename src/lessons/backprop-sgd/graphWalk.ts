/**
 * The step-by-step walk through a computational graph shown by the graph widgets: what is known
 * after k nodes of the forward pass or k nodes of the backward pass, as a state for the d3 graph
 * view, and the TeX of the computation at the current node, written with the actual numbers.
 * Pure (no React, no DOM): the widget only renders what this returns.
 */
import { backwardTrace, type BackwardStep } from '../../core/autodiff/backwardTrace';
import type { Graph, NodeId, NodeInfo } from '../../core/autodiff/Graph';
import { edgeKey, type GraphViewNode, type GraphViewState } from '../../core/viz/createGraphView';
import { fmt, tex } from './backpropSgdData';

/** A graph prepared for walking: its forward order and its backward trace. */
export interface WalkModel {
  graph: Graph;
  output: NodeId;
  nodes: NodeInfo[];
  /** Operations in forward order. */
  forward: NodeId[];
  /** Backward steps in the order the pass visits them. */
  backward: BackwardStep[];
  /** ∂output/∂node for every node. */
  grads: Float64Array;
}

/** Which pass the walk is in. */
export type Pass = 'forward' | 'backward';

/** Prepares a graph for walking. */
export function walkModel(graph: Graph, output: NodeId): WalkModel {
  const ids = graph.ancestors(output);
  const nodes = ids.map((id) => graph.node(id));
  return {
    graph,
    output,
    nodes,
    forward: nodes.filter((n) => n.op !== 'leaf').map((n) => n.id),
    backward: backwardTrace(graph, output),
    grads: graph.backward(output),
  };
}

/** Number of positions of a pass: 0 … length. */
export function passLength(m: WalkModel, pass: Pass): number {
  return pass === 'forward' ? m.forward.length : m.backward.length;
}

const SUB_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** A node label in TeX: subscript digits → _{…}, ŷ → \hat{y}, − → -. */
export function texName(label: string): string {
  return label
    .replace(/ŷ/g, '\\hat{y}')
    .replace(/[₀-₉]+/g, (d) => `_{${[...d].map((c) => SUB_DIGITS.indexOf(c)).join('')}}`)
    .replace(/−/g, '-')
    .replace(/·/g, '\\cdot ');
}

/** True when a label names an expression of several symbols (w₁x₁, a − t), not one quantity (z₁, ŷ). */
export function isCompound(label: string): boolean {
  return label.replace(/[₀-₉]/g, '').length > 1;
}

/** The TeX name of node `id`, in parentheses when `wrap` and it is compound (for ∂ denominators). */
function name(m: WalkModel, id: NodeId, wrap = false): string {
  const label = m.graph.node(id).label ?? `v${id}`;
  const t = texName(label);
  return wrap && isCompound(label) ? `(${t})` : t;
}

/** The symbol drawn inside a node. */
export function nodeSymbol(n: NodeInfo): string {
  switch (n.op) {
    case 'leaf':
      return n.label ?? '';
    case 'add':
    case 'sum':
      return n.inputs.length > 2 || n.op === 'sum' ? 'Σ' : '+';
    case 'sub':
      return '−';
    case 'mul':
      return '×';
    case 'neg':
      return '−';
    case 'sigmoid':
      return 'σ';
    case 'relu':
      return 'ReLU';
    case 'pow':
      return `( )${n.exponent === 2 ? '²' : n.exponent === 3 ? '³' : `^${n.exponent ?? 1}`}`;
    case 'exp':
      return 'eˣ';
    case 'log':
      return 'ln';
    case 'tanh':
      return 'tanh';
    case 'max':
      return 'max';
  }
}

/** The state of the graph view at `position` of `pass`. */
export function walkViewState(m: WalkModel, pass: Pass, position: number, animate: boolean): GraphViewState {
  const k = Math.max(0, Math.min(position, passLength(m, pass)));
  const computed = new Set<NodeId>(m.nodes.filter((n) => n.op === 'leaf').map((n) => n.id));
  const opsDone = pass === 'forward' ? m.forward.slice(0, k) : m.forward;
  for (const id of opsDone) computed.add(id);
  const edgeValues = new Map<string, string>();
  for (const n of m.nodes)
    for (const i of n.inputs) if (computed.has(i)) edgeValues.set(edgeKey(i, n.id), fmt(m.graph.value(i), 3));
  const edgeGrads = new Map<string, string>();
  const nodeNotes = new Map<NodeId, string>();
  const partial = new Map<NodeId, number>();
  if (pass === 'forward') {
    if (computed.has(m.output)) nodeNotes.set(m.output, fmt(m.graph.value(m.output), 4));
  } else {
    partial.set(m.output, 1);
    for (const s of m.backward.slice(0, k)) {
      for (const t of s.terms) {
        if (m.graph.node(t.input).leafKind === 'const') continue;
        edgeGrads.set(edgeKey(t.input, s.node), fmt(t.product, 3));
        partial.set(t.input, (partial.get(t.input) ?? 0) + t.product);
      }
    }
    for (const [id, g] of partial) nodeNotes.set(id, fmt(g, 3));
  }
  const active =
    pass === 'forward' ? (k > 0 ? m.forward[k - 1] : undefined) : k > 0 ? m.backward[k - 1]?.node : m.output;
  const nodes: GraphViewNode[] = m.nodes.map((n) => {
    const label = n.label ?? '';
    const known = computed.has(n.id);
    const value = known ? `${label} = ${fmt(n.value, 4)}` : `${label}`;
    const g = partial.get(n.id);
    return {
      id: n.id,
      inputs: n.inputs,
      symbol: nodeSymbol(n),
      name: n.op === 'leaf' ? '' : label,
      kind: n.op === 'leaf' ? (n.leafKind ?? 'input') : 'op',
      description:
        g === undefined ? value : `${value}; ∂L/∂${isCompound(label) ? `(${label})` : label} = ${fmt(g, 4)}`,
    };
  });
  const state: GraphViewState = { nodes, edgeValues, edgeGrads, nodeNotes, phase: pass, animate };
  if (active !== undefined) state.active = active;
  return state;
}

/** The forward computation of operation `id` in TeX, with its inputs' values. */
export function forwardTex(m: WalkModel, id: NodeId): string {
  const n = m.graph.node(id);
  const v = (i: NodeId, paren = false): string => tex(m.graph.value(i), 4, paren);
  const [a = 0, b = 0] = n.inputs;
  const lhs = name(m, id);
  const out = tex(n.value, 4);
  switch (n.op) {
    case 'mul':
      return `${lhs} = ${name(m, a)}\\cdot ${name(m, b)} = ${v(a, true)} \\times ${v(b, true)} = ${out}`;
    case 'add':
    case 'sum':
      return `${lhs} = ${n.inputs.map((i) => name(m, i)).join(' + ')} = ${n.inputs.map((i) => v(i, true)).join(' + ')} = ${out}`;
    case 'sub':
      return `${lhs} = ${v(a, true)} - ${v(b, true)} = ${out}`;
    case 'neg':
      return `${lhs} = -${v(a, true)} = ${out}`;
    case 'sigmoid':
      return `${lhs} = \\sigma(${name(m, a)}) = \\frac{1}{1 + e^{-${name(m, a, true)}}} = \\frac{1}{1 + e^{-${v(a, true)}}} = ${out}`;
    case 'relu':
      return `${lhs} = \\operatorname{ReLU}(${name(m, a)}) = \\begin{cases} ${name(m, a)} & ${name(m, a)} > 0 \\\\ 0 & ${name(m, a)} \\le 0 \\end{cases} = ${out}`;
    case 'pow':
      return `${lhs} = ${name(m, a, true)}^{${n.exponent ?? 1}} = ${v(a, true)}^{${n.exponent ?? 1}} = ${out}`;
    case 'exp':
      return `${lhs} = e^{${v(a)}} = ${out}`;
    case 'log':
      return `${lhs} = \\ln ${v(a, true)} = ${out}`;
    case 'tanh':
      return `${lhs} = \\tanh ${v(a, true)} = ${out}`;
    case 'max':
      return `${lhs} = \\max(${n.inputs.map((i) => v(i)).join(', ')}) = ${out}`;
    case 'leaf':
      return `${lhs} = ${out}`;
  }
}

/** The local derivative ∂node/∂input (term `k`) as "formula = value" in TeX. */
function localTex(m: WalkModel, id: NodeId, k: number, local: number): string {
  const n = m.graph.node(id);
  const [a = 0, b = 0] = n.inputs;
  const val = tex(local, 4);
  switch (n.op) {
    case 'mul':
      return `${name(m, k === 0 ? b : a)} = ${val}`;
    case 'sigmoid': {
      const s = tex(n.value, 4);
      return `${name(m, id)}\\,(1 - ${name(m, id)}) = ${s}\\times(1 - ${s}) = ${val}`;
    }
    case 'relu':
      return `${m.graph.value(a) > 0 ? `1 \\quad (${name(m, a)} > 0)` : `0 \\quad (${name(m, a)} \\le 0)`}`;
    case 'pow': {
      const p = n.exponent ?? 1;
      const power = p - 1 === 1 ? '' : `^{${p - 1}}`;
      return `${p}\\,${name(m, a, true)}${power} = ${p}\\times ${tex(m.graph.value(a), 4, true)}${power} = ${val}`;
    }
    case 'tanh':
      return `1 - ${name(m, id)}^2 = ${val}`;
    case 'exp':
      return `${name(m, id)} = ${val}`;
    case 'log':
      return `\\frac{1}{${name(m, a)}} = ${val}`;
    case 'max':
      return val;
    default:
      return val; // add, sum, sub, neg: constants ±1
  }
}

/** Whether `id` feeds more than one operation (its gradient is a sum over its uses). */
function fansOut(m: WalkModel, id: NodeId): boolean {
  return m.nodes.reduce((c, n) => c + n.inputs.filter((i) => i === id).length, 0) > 1;
}

/**
 * The TeX of one backward step: for every non-constant input, the local derivative and the
 * chain-rule product ∂L/∂input (+)= ∂L/∂node · ∂node/∂input.
 */
export function backwardTex(m: WalkModel, step: BackwardStep): string[] {
  const v = step.node;
  const lines: string[] = [];
  step.terms.forEach((t, k) => {
    if (m.graph.node(t.input).leafKind === 'const') return;
    const u = name(m, t.input, true);
    const dv = name(m, v, true);
    const rel = fansOut(m, t.input) ? '\\mathrel{+}=' : '=';
    lines.push(`\\frac{\\partial ${name(m, v, true)}}{\\partial ${u}} = ${localTex(m, v, k, t.local)}`);
    // At the output, ∂L/∂L = 1: the local derivative is already the gradient.
    if (v === m.output) return;
    lines.push(
      `\\frac{\\partial L}{\\partial ${u}} ${rel} \\frac{\\partial L}{\\partial ${dv}}\\cdot\\frac{\\partial ${dv}}{\\partial ${u}} = ${tex(step.upstream, 4, true)}\\times ${tex(t.local, 4, true)} = ${tex(t.product, 4)}`,
    );
  });
  return lines;
}
