/**
 * The independent check of the engine: the same graph re-expressed with TensorFlow.js operations
 * and differentiated by `tf.grads` (tfjs's own reverse mode, with its own gradient kernels). Only
 * types are imported from tfjs here; the caller passes the loaded module (e.g. from `loadTfCore()`),
 * so this file adds nothing to a bundle that does not already load tfjs (DESIGN.md boundaries).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { Graph, NodeId } from './Graph';

type Tf = typeof tfc;

/** The output value and its gradients with respect to `wrt`, as computed by tfjs (float32). */
export interface TfGradients {
  value: number;
  gradients: number[];
}

/**
 * Rebuilds the sub-graph that `output` depends on with tfjs ops (one scalar tensor per node),
 * treating the leaves in `wrt` as the variables, and returns `tf.grads` of it. Leaks no tensors.
 */
export function tfGradients(tf: Tf, graph: Graph, output: NodeId, wrt: readonly NodeId[]): TfGradients {
  const nodes = graph.ancestors(output).map((id) => graph.node(id));
  const f = (...xs: tfc.Tensor[]): tfc.Scalar => {
    const t = new Map<NodeId, tfc.Tensor>();
    wrt.forEach((id, k) => {
      const x = xs[k];
      if (x) t.set(id, x);
    });
    const get = (id: NodeId): tfc.Tensor => {
      const v = t.get(id);
      if (!v) throw new Error(`tfGradients: node ${id} used before it was built`);
      return v;
    };
    for (const n of nodes) {
      if (t.has(n.id)) continue;
      const [a, b] = n.inputs.map(get);
      const A = a ?? tf.scalar(0);
      const B = b ?? tf.scalar(0);
      let out: tfc.Tensor;
      switch (n.op) {
        case 'leaf':
          out = tf.scalar(n.value);
          break;
        case 'add':
          out = tf.add(A, B);
          break;
        case 'sub':
          out = tf.sub(A, B);
          break;
        case 'mul':
          out = tf.mul(A, B);
          break;
        case 'neg':
          out = tf.neg(A);
          break;
        case 'exp':
          out = tf.exp(A);
          break;
        case 'log':
          out = tf.log(A);
          break;
        case 'relu':
          out = tf.relu(A);
          break;
        case 'sigmoid':
          out = tf.sigmoid(A);
          break;
        case 'tanh':
          out = tf.tanh(A);
          break;
        case 'pow':
          out = tf.pow(A, tf.scalar(n.exponent ?? 1));
          break;
        case 'sum':
          out = tf.addN(n.inputs.map(get));
          break;
        case 'max':
          out = tf.max(tf.stack(n.inputs.map(get)));
          break;
      }
      t.set(n.id, out);
    }
    return get(output) as tfc.Scalar;
  };
  return tf.tidy(() => {
    const xs = wrt.map((id) => tf.scalar(graph.value(id)));
    const { value, grads } = tf.valueAndGrads(f)(xs);
    return {
      value: value.dataSync()[0] ?? Number.NaN,
      gradients: grads.map((g) => g.dataSync()[0] ?? Number.NaN),
    };
  });
}
