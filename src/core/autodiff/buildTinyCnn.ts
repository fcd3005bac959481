/**
 * A tiny CNN as a scalar graph: one 3×3 (k×k) convolution with a bias, ReLU, non-overlapping max
 * pooling, one dense unit and a sigmoid, trained with binary cross-entropy averaged over a batch:
 *
 *   c[i,j] = ReLU(Σ_{u,v} K[u,v]·x[i+u, j+v] + b_c)      (valid cross-correlation, stride 1,
 *                                                          as tf.conv2d computes it)
 *   p[i,j] = max_{0≤u,v<P} c[P·i+u, P·j+v]
 *   ŷ = σ(Σ_{i,j} W[i,j]·p[i,j] + b_d),   L = −(1/B) Σ [t·ln ŷ + (1 − t)·ln(1 − ŷ)]
 *
 * The graph is built once for a batch; a new batch or new weights are set on the leaves and the
 * graph re-evaluated with {@link Graph.forward}, so training and loss-surface sampling allocate
 * nothing per step.
 */
import { Graph, type NodeId } from './Graph';
import { subscript } from './buildNeuron';

/** Sizes of the tiny CNN. */
export interface TinyCnnShape {
  /** Side of the square input patch. */
  size: number;
  /** Side of the square kernel. */
  kernel: number;
  /** Side (and stride) of the max-pooling window. */
  pool: number;
}

/** The weights of the tiny CNN, as plain numbers. */
export interface TinyCnnWeights {
  /** k×k, row-major. */
  kernel: number[];
  convBias: number;
  /** One weight per pooled value, row-major. */
  dense: number[];
  denseBias: number;
}

/** The nodes of a tiny-CNN graph. */
export interface TinyCnnGraph {
  graph: Graph;
  shape: TinyCnnShape;
  kernel: NodeId[];
  convBias: NodeId;
  dense: NodeId[];
  denseBias: NodeId;
  /** Pixel leaves, one array per example (row-major). */
  pixels: NodeId[][];
  /** Target leaves (0 or 1), one per example. */
  targets: NodeId[];
  /** ŷ per example. */
  probs: NodeId[];
  /** The mean binary cross-entropy over the batch. */
  loss: NodeId;
}

/** Side of the convolution output and of the pooled map. */
export function tinyCnnGeometry(shape: TinyCnnShape): { convSize: number; pooledSize: number } {
  const convSize = shape.size - shape.kernel + 1;
  const pooledSize = Math.floor(convSize / shape.pool);
  if (convSize < 1 || pooledSize < 1)
    throw new RangeError('tiny CNN: the patch is too small for the kernel and pool');
  return { convSize, pooledSize };
}

/** The number of weights: k² + 1 + pooled² + 1. */
export function tinyCnnParamCount(shape: TinyCnnShape): number {
  const { pooledSize } = tinyCnnGeometry(shape);
  return shape.kernel ** 2 + 1 + pooledSize ** 2 + 1;
}

/** The weights as one vector: kernel, conv bias, dense weights, dense bias. */
export function weightsToVector(w: TinyCnnWeights): number[] {
  return [...w.kernel, w.convBias, ...w.dense, w.denseBias];
}

/** The inverse of {@link weightsToVector}. */
export function vectorToWeights(shape: TinyCnnShape, v: readonly number[]): TinyCnnWeights {
  const k2 = shape.kernel ** 2;
  const d = tinyCnnGeometry(shape).pooledSize ** 2;
  if (v.length !== k2 + d + 2)
    throw new RangeError(`tiny CNN: expected ${k2 + d + 2} weights, got ${v.length}`);
  return {
    kernel: v.slice(0, k2),
    convBias: v[k2] ?? 0,
    dense: v.slice(k2 + 1, k2 + 1 + d),
    denseBias: v[k2 + 1 + d] ?? 0,
  };
}

/** Builds the graph for a batch of patches (`images[b]` has size² values) with 0/1 targets. */
export function buildTinyCnn(
  shape: TinyCnnShape,
  weights: TinyCnnWeights,
  images: readonly ArrayLike<number>[],
  targets: readonly number[],
): TinyCnnGraph {
  const { size, kernel: k, pool } = shape;
  const { convSize, pooledSize } = tinyCnnGeometry(shape);
  if (images.length === 0 || images.length !== targets.length) {
    throw new RangeError('tiny CNN: need at least one image and one target per image');
  }
  if (weights.kernel.length !== k * k || weights.dense.length !== pooledSize * pooledSize) {
    throw new RangeError('tiny CNN: the weights do not match the shape');
  }
  const g = new Graph();
  const kernel = weights.kernel.map((v, i) => g.param(v, subscript('K', Math.floor(i / k) + 1, (i % k) + 1)));
  const convBias = g.param(weights.convBias, 'b_c');
  const dense = weights.dense.map((v, i) => g.param(v, subscript('W', i + 1)));
  const denseBias = g.param(weights.denseBias, 'b_d');
  const one = g.constant(1, '1');
  const pixels: NodeId[][] = [];
  const tNodes: NodeId[] = [];
  const probs: NodeId[] = [];
  const losses: NodeId[] = [];
  images.forEach((img, b) => {
    if (img.length !== size * size) throw new RangeError(`tiny CNN: image ${b} is not ${size}×${size}`);
    const px = Array.from({ length: size * size }, (_, i) => g.input(img[i] ?? 0));
    pixels.push(px);
    const conv: NodeId[] = [];
    for (let i = 0; i < convSize; i++) {
      for (let j = 0; j < convSize; j++) {
        const terms: NodeId[] = [];
        for (let u = 0; u < k; u++) {
          for (let v = 0; v < k; v++)
            terms.push(g.mul(kernel[u * k + v] ?? one, px[(i + u) * size + j + v] ?? one));
        }
        terms.push(convBias);
        conv.push(g.relu(g.sum(terms)));
      }
    }
    const denseTerms: NodeId[] = [];
    for (let i = 0; i < pooledSize; i++) {
      for (let j = 0; j < pooledSize; j++) {
        const window: NodeId[] = [];
        for (let u = 0; u < pool; u++) {
          for (let v = 0; v < pool; v++) window.push(conv[(pool * i + u) * convSize + pool * j + v] ?? one);
        }
        denseTerms.push(g.mul(dense[i * pooledSize + j] ?? one, g.max(window)));
      }
    }
    denseTerms.push(denseBias);
    const prob = g.sigmoid(g.sum(denseTerms));
    const t = g.constant(targets[b] ?? 0);
    tNodes.push(t);
    probs.push(prob);
    // BCE for one example: t·ln ŷ + (1 − t)·ln(1 − ŷ) (negated and averaged below).
    const pos = g.mul(t, g.log(prob));
    const negPart = g.mul(g.sub(one, t), g.log(g.sub(one, prob)));
    losses.push(g.add(pos, negPart));
  });
  const loss = g.mul(g.sum(losses), g.constant(-1 / images.length), 'L');
  return { graph: g, shape, kernel, convBias, dense, denseBias, pixels, targets: tNodes, probs, loss };
}

/** The parameter leaves in {@link weightsToVector} order. */
export function tinyCnnParamIds(net: TinyCnnGraph): NodeId[] {
  return [...net.kernel, net.convBias, ...net.dense, net.denseBias];
}

/** Sets new weights (a vector in {@link weightsToVector} order) and re-runs the forward pass. */
export function setTinyCnnWeights(net: TinyCnnGraph, v: readonly number[]): void {
  const ids = tinyCnnParamIds(net);
  if (v.length !== ids.length) throw new RangeError(`tiny CNN: expected ${ids.length} weights`);
  ids.forEach((id, i) => net.graph.setValue(id, v[i] ?? 0));
  net.graph.forward();
}

/** Puts another batch of the same size into the graph and (unless `forward` is false) re-runs the forward pass. */
export function setTinyCnnBatch(
  net: TinyCnnGraph,
  images: readonly ArrayLike<number>[],
  targets: readonly number[],
  forward = true,
): void {
  if (images.length !== net.pixels.length || targets.length !== net.targets.length) {
    throw new RangeError(`tiny CNN: this graph takes batches of ${net.pixels.length}`);
  }
  images.forEach((img, b) => net.pixels[b]?.forEach((id, i) => net.graph.setValue(id, img[i] ?? 0)));
  targets.forEach((t, b) => net.graph.setValue(net.targets[b] ?? 0, t));
  if (forward) net.graph.forward();
}

/** The loss and its gradient with respect to every weight, at the graph's current values. */
export function tinyCnnLossAndGradient(net: TinyCnnGraph): { loss: number; gradient: number[] } {
  const grad = net.graph.backward(net.loss);
  return { loss: net.graph.value(net.loss), gradient: tinyCnnParamIds(net).map((id) => grad[id] ?? 0) };
}
