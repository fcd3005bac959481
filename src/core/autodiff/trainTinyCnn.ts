/**
 * Training the tiny CNN of {@link buildTinyCnn} with plain mini-batch SGD, θ ← θ − η·∇L_batch(θ)
 * (Robbins & Monro 1951; LeCun, Bottou, Orr & Müller, "Efficient BackProp", 1998), every gradient
 * from the scalar graph's backward pass. Deterministic: the same seed gives the same weights.
 */
import { mulberry32 } from '../datasets/discPhantom';
import {
  buildTinyCnn,
  setTinyCnnBatch,
  setTinyCnnWeights,
  tinyCnnGeometry,
  tinyCnnLossAndGradient,
  type TinyCnnGraph,
  type TinyCnnShape,
  type TinyCnnWeights,
} from './buildTinyCnn';
import type { TinyCnnPatches } from './makePhantomPatches';
import { TINY_CNN_SHAPE } from './tinyCnnSetup';

export { TINY_CNN_SHAPE };

/**
 * Small positive starting weights, 0.1 ± 0.1 uniform, biases 0: the kernel starts as a faint blob
 * detector whose ReLU outputs are mostly alive, so the first gradients are informative.
 */
export function initialTinyCnnWeights(shape: TinyCnnShape, seed: number): TinyCnnWeights {
  const rand = mulberry32(seed);
  const { pooledSize } = tinyCnnGeometry(shape);
  const draw = (): number => 0.1 + (rand() - 0.5) * 0.2;
  return {
    kernel: Array.from({ length: shape.kernel ** 2 }, draw),
    convBias: 0,
    dense: Array.from({ length: pooledSize ** 2 }, draw),
    denseBias: 0,
  };
}

/** Indices of mini-batch `k` (0-based) when a set of `n` examples is cut into consecutive batches of `size`. */
export function batchIndices(n: number, size: number, k: number): number[] {
  const batches = Math.max(1, Math.floor(n / size));
  const start = (k % batches) * size;
  return Array.from({ length: size }, (_, i) => start + i);
}

/** One SGD step: the batch loss and gradient before the step, and the weights after it. */
export interface SgdStepRecord {
  /** Weights before the step (order: kernel, conv bias, dense weights, dense bias). */
  before: number[];
  gradient: number[];
  after: number[];
  batchLossBefore: number;
  batchLossAfter: number;
}

/** A tiny CNN that trains on a fixed patch set in mini-batches of one size. */
export interface TinyCnnTrainer {
  net: TinyCnnGraph;
  data: TinyCnnPatches;
  batchSize: number;
  /** The loss of batch `k` at `weights` and its gradient. */
  lossAndGradient(weights: readonly number[], k: number): { loss: number; gradient: number[] };
  /** Takes SGD step number `k` (uses batch `k`), from `weights`, with learning rate `lr`. */
  step(weights: readonly number[], k: number, lr: number): SgdStepRecord;
  /** Mean loss over the whole set at `weights`. */
  fullLoss(weights: readonly number[]): number;
}

/** Builds a trainer (set size a multiple of `batchSize`); the graph holds one batch, re-filled every step. */
export function createTinyCnnTrainer(
  shape: TinyCnnShape,
  data: TinyCnnPatches,
  batchSize: number,
): TinyCnnTrainer {
  if (batchSize < 1 || data.images.length % batchSize !== 0) {
    throw new RangeError('the set size must be a multiple of the batch size');
  }
  const n = data.images.length;
  const pick = (idx: number[]): [Float64Array[], number[]] => [
    idx.map((i) => data.images[i] ?? new Float64Array(shape.size ** 2)),
    idx.map((i) => data.labels[i] ?? 0),
  ];
  const [imgs0, labels0] = pick(batchIndices(n, batchSize, 0));
  const net = buildTinyCnn(shape, initialTinyCnnWeights(shape, 1), imgs0, labels0);
  const batches = n / batchSize;
  let loaded = 0;
  /** Fills the graph with batch `k` (the next forward pass brings the graph up to date). */
  const loadBatch = (k: number): void => {
    if (k % batches === loaded) return;
    loaded = k % batches;
    const [imgs, labels] = pick(batchIndices(n, batchSize, k));
    setTinyCnnBatch(net, imgs, labels, false);
  };
  const lossAndGradient = (weights: readonly number[], k: number): { loss: number; gradient: number[] } => {
    loadBatch(k);
    setTinyCnnWeights(net, weights);
    return tinyCnnLossAndGradient(net);
  };
  return {
    net,
    data,
    batchSize,
    lossAndGradient,
    step(weights, k, lr) {
      const { loss, gradient } = lossAndGradient(weights, k);
      const after = weights.map((w, i) => w - lr * (gradient[i] ?? 0));
      setTinyCnnWeights(net, after);
      return {
        before: [...weights],
        gradient,
        after,
        batchLossBefore: loss,
        batchLossAfter: net.graph.value(net.loss),
      };
    },
    fullLoss(weights) {
      let total = 0;
      for (let k = 0; k < batches; k++) {
        loadBatch(k);
        setTinyCnnWeights(net, weights);
        total += net.graph.value(net.loss);
      }
      return total / batches;
    },
  };
}

/** Runs `steps` SGD steps from `start` (batches 0, 1, 2, … in turn); returns every step's record. */
export function trainTinyCnn(
  trainer: TinyCnnTrainer,
  start: readonly number[],
  steps: number,
  lr: number,
): SgdStepRecord[] {
  const records: SgdStepRecord[] = [];
  let w = [...start];
  for (let k = 0; k < steps; k++) {
    const r = trainer.step(w, k, lr);
    records.push(r);
    w = r.after;
  }
  return records;
}
