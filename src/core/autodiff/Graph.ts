/**
 * A scalar computational graph for teaching reverse-mode automatic differentiation ("backprop").
 *
 * Every node holds one number. Building a node computes its value at once (the forward pass is
 * recorded as the graph is built, like a tape), and {@link Graph.backward} walks the nodes in
 * reverse creation order, which is a reverse topological order because a node's inputs always
 * exist before it. Each node passes its gradient to its inputs multiplied by the local derivative
 * (the chain rule), and contributions from several uses of one node add up:
 *
 *   ∂L/∂u = Σ_{v uses u} ∂L/∂v · ∂v/∂u
 *
 * (Rumelhart, Hinton & Williams, "Learning representations by back-propagating errors", Nature
 * 1986;323:533–536; Griewank & Walther, "Evaluating Derivatives", 2nd ed., SIAM 2008, ch. 3.)
 *
 * Values live in flat typed arrays so that a graph of tens of thousands of nodes (a tiny CNN on a
 * batch of patches) can be re-evaluated many times with new leaf values ({@link Graph.setValue} and
 * {@link Graph.forward}) without allocating.
 */

import { sigmoid } from './sigmoid';

/** An operation. `leaf` nodes have no inputs: inputs, parameters and constants. */
export type Op =
  | 'leaf'
  | 'add'
  | 'sub'
  | 'mul'
  | 'neg'
  | 'exp'
  | 'log'
  | 'relu'
  | 'sigmoid'
  | 'tanh'
  | 'pow'
  | 'sum'
  | 'max';

/** What a leaf stands for: data fed in, a trainable parameter, or a fixed constant. */
export type LeafKind = 'input' | 'param' | 'const';

/** A node id: the index of the node in creation (= topological) order. */
export type NodeId = number;

/** A read-only view of one node, for drawing and explaining the graph. */
export interface NodeInfo {
  id: NodeId;
  op: Op;
  inputs: readonly NodeId[];
  value: number;
  /** Set on leaves only. */
  leafKind?: LeafKind;
  /** The constant exponent of a `pow` node. */
  exponent?: number;
  label?: string;
}

const OPS: readonly Op[] = [
  'leaf',
  'add',
  'sub',
  'mul',
  'neg',
  'exp',
  'log',
  'relu',
  'sigmoid',
  'tanh',
  'pow',
  'sum',
  'max',
];
const OP_CODE = new Map<Op, number>(OPS.map((o, i) => [o, i]));
// Op codes, the indices into OPS (checked by the unit tests through every op's value and gradient).
const ADD = 1;
const SUB = 2;
const MUL = 3;
const NEG = 4;
const EXP = 5;
const LOG = 6;
const RELU = 7;
const SIGMOID = 8;
const TANH = 9;
const POW = 10;
const SUM = 11;
const MAX = 12;
const LEAF_KINDS: readonly LeafKind[] = ['input', 'param', 'const'];

/** A growable scalar computational graph; see the module comment. */
export class Graph {
  private ops = new Uint8Array(64);
  private vals = new Float64Array(64);
  private extra = new Float64Array(64);
  /** Inputs of node i are `inputList[inputStart[i] .. inputStart[i + 1])`. */
  private inputStart: number[] = [0];
  private inputList: number[] = [];
  private labels = new Map<NodeId, string>();
  private count = 0;

  /** Number of nodes. */
  get size(): number {
    return this.count;
  }

  private push(op: Op, inputs: readonly NodeId[], value: number, extra: number, label?: string): NodeId {
    for (const i of inputs) {
      if (!Number.isInteger(i) || i < 0 || i >= this.count)
        throw new RangeError(`no node ${i} in this graph`);
    }
    if (this.count === this.ops.length) {
      const grow = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.ops = grow(this.ops, (n) => new Uint8Array(n));
      this.vals = grow(this.vals, (n) => new Float64Array(n));
      this.extra = grow(this.extra, (n) => new Float64Array(n));
    }
    const id = this.count++;
    this.ops[id] = OP_CODE.get(op) ?? 0;
    this.vals[id] = value;
    this.extra[id] = extra;
    for (const i of inputs) this.inputList.push(i);
    this.inputStart.push(this.inputList.length);
    if (label !== undefined) this.labels.set(id, label);
    return id;
  }

  /** A leaf holding `value`. */
  leaf(value: number, kind: LeafKind, label?: string): NodeId {
    return this.push('leaf', [], value, LEAF_KINDS.indexOf(kind), label);
  }
  /** A data input (e.g. a pixel). */
  input(value: number, label?: string): NodeId {
    return this.leaf(value, 'input', label);
  }
  /** A trainable parameter (a weight or a bias). */
  param(value: number, label?: string): NodeId {
    return this.leaf(value, 'param', label);
  }
  /** A fixed constant (e.g. a target label). */
  constant(value: number, label?: string): NodeId {
    return this.leaf(value, 'const', label);
  }

  /** a + b. */
  add(a: NodeId, b: NodeId, label?: string): NodeId {
    return this.op('add', [a, b], label);
  }
  /** a − b. */
  sub(a: NodeId, b: NodeId, label?: string): NodeId {
    return this.op('sub', [a, b], label);
  }
  /** a · b. */
  mul(a: NodeId, b: NodeId, label?: string): NodeId {
    return this.op('mul', [a, b], label);
  }
  /** −a. */
  neg(a: NodeId, label?: string): NodeId {
    return this.op('neg', [a], label);
  }
  /** e^a. */
  exp(a: NodeId, label?: string): NodeId {
    return this.op('exp', [a], label);
  }
  /** Natural logarithm ln a. */
  log(a: NodeId, label?: string): NodeId {
    return this.op('log', [a], label);
  }
  /** max(0, a); its derivative at 0 is taken as 0 (as tf.relu's gradient does). */
  relu(a: NodeId, label?: string): NodeId {
    return this.op('relu', [a], label);
  }
  /** σ(a) = 1 / (1 + e^(−a)). */
  sigmoid(a: NodeId, label?: string): NodeId {
    return this.op('sigmoid', [a], label);
  }
  /** tanh a. */
  tanh(a: NodeId, label?: string): NodeId {
    return this.op('tanh', [a], label);
  }
  /** a^p for a constant exponent p. */
  pow(a: NodeId, p: number, label?: string): NodeId {
    return this.push('pow', [a], Math.pow(this.value(a), p), p, label);
  }
  /** a₁ + a₂ + … + aₙ (n ≥ 1). */
  sum(xs: readonly NodeId[], label?: string): NodeId {
    if (xs.length === 0) throw new RangeError('sum of no nodes');
    return this.op('sum', xs, label);
  }
  /** max(a₁, …, aₙ) (n ≥ 1); the gradient goes to the first largest input (max pooling). */
  max(xs: readonly NodeId[], label?: string): NodeId {
    if (xs.length === 0) throw new RangeError('max of no nodes');
    return this.op('max', xs, label);
  }

  private op(op: Op, inputs: readonly NodeId[], label?: string): NodeId {
    const id = this.push(op, inputs, 0, 0, label);
    this.vals[id] = this.compute(id);
    return id;
  }

  private opOf(id: NodeId): Op {
    return OPS[this.ops[id] ?? 0] ?? 'leaf';
  }

  private inputsView(id: NodeId): number[] {
    return this.inputList.slice(this.inputStart[id] ?? 0, this.inputStart[id + 1] ?? 0);
  }

  /** The forward rule of node `id`, from its inputs' current values. */
  private compute(id: NodeId): number {
    const s = this.inputStart[id] ?? 0;
    const e = this.inputStart[id + 1] ?? 0;
    const v = this.vals;
    const list = this.inputList;
    const a = v[list[s] ?? 0] ?? 0;
    switch (this.ops[id]) {
      case ADD:
        return a + (v[list[s + 1] ?? 0] ?? 0);
      case SUB:
        return a - (v[list[s + 1] ?? 0] ?? 0);
      case MUL:
        return a * (v[list[s + 1] ?? 0] ?? 0);
      case NEG:
        return -a;
      case EXP:
        return Math.exp(a);
      case LOG:
        return Math.log(a);
      case RELU:
        return a > 0 ? a : 0;
      case SIGMOID:
        return sigmoid(a);
      case TANH:
        return Math.tanh(a);
      case POW:
        return Math.pow(a, this.extra[id] ?? 1);
      case SUM: {
        let acc = 0;
        for (let k = s; k < e; k++) acc += v[list[k] ?? 0] ?? 0;
        return acc;
      }
      case MAX: {
        let m = -Infinity;
        for (let k = s; k < e; k++) m = Math.max(m, v[list[k] ?? 0] ?? -Infinity);
        return m;
      }
      default:
        return v[id] ?? 0;
    }
  }

  /**
   * The local derivatives ∂node/∂input_k at the current values, one per input (a repeated input,
   * as in `mul(x, x)`, appears once per use):
   * add 1, 1 · sub 1, −1 · mul b, a · neg −1 · exp e^a · log 1/a · relu [a > 0] ·
   * sigmoid σ(a)(1 − σ(a)) · tanh 1 − tanh²a · pow p·a^(p−1) · sum 1 each ·
   * max 1 for the first largest input, 0 for the others.
   */
  localGradients(id: NodeId): number[] {
    const ins = this.inputsView(id);
    const a = this.vals[ins[0] ?? 0] ?? 0;
    const b = this.vals[ins[1] ?? 0] ?? 0;
    const y = this.vals[id] ?? 0;
    switch (this.opOf(id)) {
      case 'leaf':
        return [];
      case 'add':
        return [1, 1];
      case 'sub':
        return [1, -1];
      case 'mul':
        return [b, a];
      case 'neg':
        return [-1];
      case 'exp':
        return [y];
      case 'log':
        return [1 / a];
      case 'relu':
        return [a > 0 ? 1 : 0];
      case 'sigmoid':
        return [y * (1 - y)];
      case 'tanh':
        return [1 - y * y];
      case 'pow': {
        const p = this.extra[id] ?? 1;
        return [p === 0 ? 0 : p * Math.pow(a, p - 1)];
      }
      case 'sum':
        return ins.map(() => 1);
      case 'max': {
        const winner = ins.findIndex((i) => this.vals[i] === y);
        return ins.map((_, k) => (k === winner ? 1 : 0));
      }
    }
  }

  /** Current value of a node. */
  value(id: NodeId): number {
    if (id < 0 || id >= this.count) throw new RangeError(`no node ${id} in this graph`);
    return this.vals[id] ?? Number.NaN;
  }

  /** Changes a leaf's value; call {@link forward} to bring the rest of the graph up to date. */
  setValue(id: NodeId, value: number): void {
    if (this.opOf(id) !== 'leaf' || id >= this.count) throw new RangeError(`node ${id} is not a leaf`);
    this.vals[id] = value;
  }

  /** Re-runs the forward pass over every node in creation order (leaves keep their values). */
  forward(): void {
    for (let id = 0; id < this.count; id++) {
      if (this.ops[id] !== 0) this.vals[id] = this.compute(id);
    }
  }

  /**
   * Reverse-mode accumulation: the gradient ∂output/∂node of every node (0 for nodes the output
   * does not depend on), as an array indexed by node id.
   */
  backward(output: NodeId): Float64Array {
    if (output < 0 || output >= this.count) throw new RangeError(`no node ${output} in this graph`);
    const grad = new Float64Array(this.count);
    grad[output] = 1;
    for (let id = output; id >= 0; id--) {
      if (this.ops[id] !== 0) this.accumulate(id, grad);
    }
    return grad;
  }

  /** Adds node `id`'s gradient times each local derivative to its inputs (no allocation). */
  private accumulate(id: NodeId, grad: Float64Array): void {
    const g = grad[id] ?? 0;
    const s = this.inputStart[id] ?? 0;
    const e = this.inputStart[id + 1] ?? 0;
    const list = this.inputList;
    const v = this.vals;
    const ia = list[s] ?? 0;
    const ib = list[s + 1] ?? 0;
    const a = v[ia] ?? 0;
    const y = v[id] ?? 0;
    switch (this.ops[id]) {
      case ADD:
        grad[ia] = (grad[ia] ?? 0) + g;
        grad[ib] = (grad[ib] ?? 0) + g;
        return;
      case SUB:
        grad[ia] = (grad[ia] ?? 0) + g;
        grad[ib] = (grad[ib] ?? 0) - g;
        return;
      case MUL:
        grad[ia] = (grad[ia] ?? 0) + g * (v[ib] ?? 0);
        grad[ib] = (grad[ib] ?? 0) + g * a;
        return;
      case SUM:
        for (let k = s; k < e; k++) {
          const i = list[k] ?? 0;
          grad[i] = (grad[i] ?? 0) + g;
        }
        return;
      case MAX:
        for (let k = s; k < e; k++) {
          const i = list[k] ?? 0;
          if (v[i] === y) {
            grad[i] = (grad[i] ?? 0) + g;
            return;
          }
        }
        return;
      case NEG:
        grad[ia] = (grad[ia] ?? 0) - g;
        return;
      case EXP:
        grad[ia] = (grad[ia] ?? 0) + g * y;
        return;
      case LOG:
        grad[ia] = (grad[ia] ?? 0) + g / a;
        return;
      case RELU:
        if (a > 0) grad[ia] = (grad[ia] ?? 0) + g;
        return;
      case SIGMOID:
        grad[ia] = (grad[ia] ?? 0) + g * y * (1 - y);
        return;
      case TANH:
        grad[ia] = (grad[ia] ?? 0) + g * (1 - y * y);
        return;
      case POW: {
        const p = this.extra[id] ?? 1;
        if (p !== 0) grad[ia] = (grad[ia] ?? 0) + g * p * Math.pow(a, p - 1);
        return;
      }
    }
  }

  /** Every node `output` depends on, itself included, in creation (topological) order. */
  ancestors(output: NodeId): NodeId[] {
    const seen = new Uint8Array(this.count);
    seen[output] = 1;
    for (let id = output; id >= 0; id--) {
      if (!seen[id]) continue;
      for (const i of this.inputsView(id)) seen[i] = 1;
    }
    const out: NodeId[] = [];
    for (let id = 0; id <= output; id++) if (seen[id]) out.push(id);
    return out;
  }

  /** A read-only description of node `id`. */
  node(id: NodeId): NodeInfo {
    const op = this.opOf(id);
    const info: NodeInfo = { id, op, inputs: this.inputsView(id), value: this.value(id) };
    if (op === 'leaf') info.leafKind = LEAF_KINDS[this.extra[id] ?? 0] ?? 'input';
    if (op === 'pow') info.exponent = this.extra[id] ?? 1;
    const label = this.labels.get(id);
    if (label !== undefined) info.label = label;
    return info;
  }

  /** Every node, in creation order. */
  nodes(): NodeInfo[] {
    return Array.from({ length: this.count }, (_, id) => this.node(id));
  }
}
