/**
 * A real two-parameter slice through the loss of the tiny CNN: train it on phantom patches, then
 * vary two of its weights (the kernel's centre K₂₂ and the output bias b_d) while every other
 * weight keeps its trained value. The surface the optimizers race on is the true mean
 * cross-entropy of the network on its training patches, computed by the scalar graph.
 */
import { tinyCnnParamCount, tinyCnnParamIds, weightsToVector, type TinyCnnShape } from './buildTinyCnn';
import type { Surface2D, SurfaceEvaluator } from './lossSurfaces';
import { makePhantomPatches, type TinyCnnPatches } from './makePhantomPatches';
import {
  createTinyCnnTrainer,
  initialTinyCnnWeights,
  trainTinyCnn,
  TINY_CNN_SHAPE,
  type TinyCnnTrainer,
} from './trainTinyCnn';

/** How the slice is made. */
export interface CnnSliceOptions {
  shape?: TinyCnnShape;
  /** Training patches (default 16, seed 7). */
  count?: number;
  seed?: number;
  /** Full-batch gradient-descent steps before slicing, and their learning rate. */
  trainSteps?: number;
  trainLr?: number;
  /** Half-width of the plotted square around the trained values of the two weights. */
  halfWidth?: number;
}

/** The slice surface and what it was cut from. */
export interface CnnSlice extends Surface2D {
  data: TinyCnnPatches;
  /** Every trained weight (order: kernel, conv bias, dense weights, dense bias). */
  trained: number[];
  /** Indices into {@link CnnSlice.trained} of the two weights on the axes. */
  axes: readonly [number, number];
  /** Full-batch loss after each training step. */
  trainingLosses: number[];
}

/** The weight indices on the slice's axes: the kernel centre and the dense (output) bias. */
export function cnnSliceAxes(shape: TinyCnnShape): [number, number] {
  const centre = Math.floor(shape.kernel / 2) * shape.kernel + Math.floor(shape.kernel / 2);
  const total = tinyCnnParamCount(shape);
  return [centre, total - 1];
}

/**
 * An evaluator of the full-batch loss as a function of two weights (indices `axes`), the others
 * held at `base`. `trainer` must hold the whole set as one batch.
 */
export function sliceEvaluator(
  trainer: TinyCnnTrainer,
  base: readonly number[],
  axes: readonly [number, number],
): SurfaceEvaluator {
  if (trainer.batchSize !== trainer.data.images.length)
    throw new RangeError('the slice needs a full-batch trainer');
  const [ia, ib] = axes;
  const { net } = trainer;
  const ids = tinyCnnParamIds(net);
  trainer.lossAndGradient(base, 0); // loads the (only) batch and the base weights
  // The graph keeps the values of the last point: f then ∇f at the same point costs one forward pass.
  let at: [number, number] | null = null;
  const moveTo = (p: readonly number[]): void => {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    if (at && at[0] === x && at[1] === y) return;
    net.graph.setValue(ids[ia] ?? 0, x);
    net.graph.setValue(ids[ib] ?? 0, y);
    net.graph.forward();
    at = [x, y];
  };
  return {
    f(p) {
      moveTo(p);
      return net.graph.value(net.loss);
    },
    grad(p) {
      moveTo(p);
      const g = net.graph.backward(net.loss);
      return [g[ids[ia] ?? 0] ?? 0, g[ids[ib] ?? 0] ?? 0];
    },
  };
}

/** Trains the tiny CNN and returns the slice through its loss around the trained weights. */
export function makeCnnSlice(options: CnnSliceOptions = {}): CnnSlice {
  const shape = options.shape ?? TINY_CNN_SHAPE;
  const data = makePhantomPatches(options.count ?? 16, { size: shape.size, seed: options.seed ?? 7 });
  const trainer = createTinyCnnTrainer(shape, data, data.images.length);
  const start = weightsToVector(initialTinyCnnWeights(shape, options.seed ?? 7));
  const records = trainTinyCnn(trainer, start, options.trainSteps ?? 150, options.trainLr ?? 0.5);
  const trained = records.length ? (records[records.length - 1]?.after ?? start) : start;
  const axes = cnnSliceAxes(shape);
  const [ia, ib] = axes;
  const ca = trained[ia] ?? 0;
  const cb = trained[ib] ?? 0;
  const hw = options.halfWidth ?? 4;
  return {
    id: 'cnn',
    domain: { x: [ca - hw, ca + hw], y: [cb - hw, cb + hw] },
    start: [ca - 0.8 * hw, cb + 0.8 * hw],
    minima: [],
    evaluator: () => sliceEvaluator(createTinyCnnTrainer(shape, data, data.images.length), trained, axes),
    data,
    trained,
    axes,
    trainingLosses: records.map((r) => r.batchLossAfter),
  };
}
