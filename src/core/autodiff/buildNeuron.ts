/**
 * Graph builder for the smallest network of the backprop lesson, one neuron with its loss, and the
 * helpers the other builders share. Builders return the graph and the ids of the nodes a view names.
 */
import { Graph, type NodeId } from './Graph';

/** An activation function available as a single graph node. */
export type Activation = 'sigmoid' | 'tanh' | 'relu';

/**
 * A loss between a prediction `a` and a target `t`: squared error `(a − t)²`, or binary
 * cross-entropy `−[t·ln a + (1 − t)·ln(1 − a)]` (for `a` in (0, 1), i.e. after a sigmoid).
 */
export type LossKind = 'squared' | 'bce';

/** One neuron and its loss: L = loss(act(Σ wᵢxᵢ + b), t). */
export interface NeuronSpec {
  x: readonly number[];
  w: readonly number[];
  b: number;
  target: number;
  activation?: Activation;
  loss?: LossKind;
}

/** The nodes of a neuron graph. */
export interface NeuronGraph {
  graph: Graph;
  x: NodeId[];
  w: NodeId[];
  b: NodeId;
  /** wᵢ·xᵢ, one per input. */
  products: NodeId[];
  /** The weighted sum z = Σ wᵢxᵢ + b. */
  z: NodeId;
  /** The activation a = act(z). */
  a: NodeId;
  target: NodeId;
  loss: NodeId;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** `name` with the 1-based index written as Unicode subscripts: sub('w', 12) = 'w₁₂'. */
export function subscript(name: string, ...indices: number[]): string {
  return name + indices.map((i) => [...String(i)].map((d) => SUB[Number(d)] ?? d).join('')).join('');
}

/** Applies an activation as one node. */
export function activate(g: Graph, kind: Activation, z: NodeId, label?: string): NodeId {
  if (kind === 'sigmoid') return g.sigmoid(z, label);
  if (kind === 'tanh') return g.tanh(z, label);
  return g.relu(z, label);
}

/** Adds the loss between prediction `a` and target node `t` (see {@link LossKind}). */
export function addLoss(g: Graph, kind: LossKind, a: NodeId, t: NodeId, name = 'a'): NodeId {
  if (kind === 'squared') {
    const diff = g.sub(a, t, `${name} − t`);
    return g.pow(diff, 2, 'L');
  }
  const one = g.constant(1, '1');
  const logA = g.log(a, `ln ${name}`);
  const oneMinusA = g.sub(one, a, `1 − ${name}`);
  const logOneMinusA = g.log(oneMinusA, `ln(1 − ${name})`);
  const oneMinusT = g.sub(one, t, '1 − t');
  const pos = g.mul(t, logA, `t·ln ${name}`);
  const neg = g.mul(oneMinusT, logOneMinusA, `(1 − t)·ln(1 − ${name})`);
  return g.neg(g.add(pos, neg), 'L');
}

/** Builds one neuron with its loss: x, w → wᵢxᵢ → z → a → L. */
export function buildNeuron(spec: NeuronSpec, graph: Graph = new Graph()): NeuronGraph {
  if (spec.x.length !== spec.w.length || spec.x.length === 0) {
    throw new RangeError('a neuron needs as many weights as inputs, and at least one');
  }
  const g = graph;
  const x = spec.x.map((v, i) => g.input(v, subscript('x', i + 1)));
  const w = spec.w.map((v, i) => g.param(v, subscript('w', i + 1)));
  const b = g.param(spec.b, 'b');
  const products = x.map((xi, i) =>
    g.mul(w[i] ?? xi, xi, `${subscript('w', i + 1)}${subscript('x', i + 1)}`),
  );
  const z = g.sum([...products, b], 'z');
  const a = activate(g, spec.activation ?? 'sigmoid', z, 'a');
  const target = g.constant(spec.target, 't');
  const loss = addLoss(g, spec.loss ?? 'squared', a, target);
  return { graph: g, x, w, b, products, z, a, target, loss };
}
