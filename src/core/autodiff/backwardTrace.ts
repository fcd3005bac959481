/**
 * The backward pass of a {@link Graph} written out step by step, for teaching: at every operation,
 * the gradient that has arrived and, for each input, the local derivative and the chain-rule
 * product passed back (∂L/∂input += ∂L/∂node · ∂node/∂input).
 */
import type { Graph, NodeId } from './Graph';

/** One input's share of a node's gradient in the backward pass. */
export interface ChainTerm {
  input: NodeId;
  /** ∂node/∂input at the current values. */
  local: number;
  /** upstream · local: what this node adds to the input's gradient. */
  product: number;
}

/** One node of the backward pass: its gradient (complete when it is reached) and what it passes on. */
export interface BackwardStep {
  node: NodeId;
  /** ∂output/∂node. */
  upstream: number;
  terms: readonly ChainTerm[];
}

/**
 * One step per non-leaf ancestor of `output`, in the order the backward pass visits them
 * (reverse topological): each node's complete gradient and, for every input, the local
 * derivative and the product it passes back.
 */
export function backwardTrace(graph: Graph, output: NodeId): BackwardStep[] {
  const grad = graph.backward(output);
  const steps: BackwardStep[] = [];
  for (const id of graph.ancestors(output).reverse()) {
    const node = graph.node(id);
    if (node.op === 'leaf') continue;
    const upstream = grad[id] ?? 0;
    const terms = graph.localGradients(id).map((local, k) => ({
      input: node.inputs[k] ?? 0,
      local,
      product: upstream * local,
    }));
    steps.push({ node: id, upstream, terms });
  }
  return steps;
}
