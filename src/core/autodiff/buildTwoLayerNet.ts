/** Graph builder for a network with one hidden layer (the second network of the backprop lesson). */
import { Graph, type NodeId } from './Graph';
import { activate, addLoss, subscript, type Activation, type LossKind } from './buildNeuron';

/** A network with one hidden layer: h = act(W₁x + b₁), ŷ = σ(w₂·h + b₂), L = loss(ŷ, t). */
export interface TwoLayerSpec {
  x: readonly number[];
  /** Hidden weights, one row per hidden unit, one column per input. */
  w1: readonly (readonly number[])[];
  b1: readonly number[];
  /** Output weights, one per hidden unit. */
  w2: readonly number[];
  b2: number;
  target: number;
  hidden?: Activation;
  loss?: LossKind;
}

/** The nodes of a two-layer network graph. */
export interface TwoLayerGraph {
  graph: Graph;
  x: NodeId[];
  w1: NodeId[][];
  b1: NodeId[];
  /** Hidden pre-activations and activations. */
  z1: NodeId[];
  h: NodeId[];
  w2: NodeId[];
  b2: NodeId;
  z2: NodeId;
  /** The output ŷ = σ(z₂). */
  a: NodeId;
  target: NodeId;
  loss: NodeId;
}

/** Builds the two-layer network of {@link TwoLayerSpec}. */
export function buildTwoLayerNet(spec: TwoLayerSpec, graph: Graph = new Graph()): TwoLayerGraph {
  const m = spec.w1.length;
  const n = spec.x.length;
  if (
    m === 0 ||
    n === 0 ||
    spec.b1.length !== m ||
    spec.w2.length !== m ||
    spec.w1.some((r) => r.length !== n)
  ) {
    throw new RangeError('two-layer net: w1 must be hidden×inputs, b1 and w2 of length hidden');
  }
  const g = graph;
  const x = spec.x.map((v, i) => g.input(v, subscript('x', i + 1)));
  const w1 = spec.w1.map((row, j) => row.map((v, i) => g.param(v, subscript('w', j + 1, i + 1))));
  const b1 = spec.b1.map((v, j) => g.param(v, subscript('b', j + 1)));
  const z1: NodeId[] = [];
  const h: NodeId[] = [];
  for (let j = 0; j < m; j++) {
    const terms = x.map((xi, i) =>
      g.mul(w1[j]?.[i] ?? xi, xi, `${subscript('w', j + 1, i + 1)}${subscript('x', i + 1)}`),
    );
    const zj = g.sum([...terms, b1[j] ?? 0], subscript('z', j + 1));
    z1.push(zj);
    h.push(activate(g, spec.hidden ?? 'relu', zj, subscript('h', j + 1)));
  }
  const w2 = spec.w2.map((v, j) => g.param(v, subscript('v', j + 1)));
  const b2 = g.param(spec.b2, 'c');
  const outTerms = h.map((hj, j) =>
    g.mul(w2[j] ?? hj, hj, `${subscript('v', j + 1)}${subscript('h', j + 1)}`),
  );
  const z2 = g.sum([...outTerms, b2], 'z');
  const a = g.sigmoid(z2, 'ŷ');
  const target = g.constant(spec.target, 't');
  const loss = addLoss(g, spec.loss ?? 'squared', a, target, 'ŷ');
  return { graph: g, x, w1, b1, z1, h, w2, b2, z2, a, target, loss };
}
