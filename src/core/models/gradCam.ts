/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual explanations from deep networks via
 * gradient-based localization", ICCV 2017, eq. 1–2) on a tfjs-layers functional model:
 *
 *   y_c      = the class's pre-softmax score (the zoo's classifiers end `logits` → softmax `probabilities`)
 *   A        = the chosen layer's output, shape [h, w, K]
 *   α_k      = (1/Z) Σ_ij ∂y_c/∂A^k_ij           (Z = h·w: global average of the gradients)
 *   L_c      = ReLU(Σ_k α_k A^k)                   (the map, at the layer's resolution)
 *
 * The gradient is `tf.valueAndGrad` of a function of A that runs the rest of the graph: the layers
 * are executed in topological order with `layer.apply(tensors)`, their inputs taken from
 * `layer.inboundNodes[0].inboundLayers`, A standing in for the chosen layer's output. Layers that
 * do not depend on A (everything before it, and e.g. a skip branch that leaves the graph before
 * the chosen layer and joins after it) are computed once, outside the gradient, as constants.
 * Like tfjs-examples' `visualize-convnet/cam.js`, everything happens in one `tf.tidy`.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LayerKind, ModelGraph } from './zooTypes';

type Tf = typeof tfc;
type Layer = tfl.LayersModel['layers'][number];

/** The name of the layer whose outputs are the class scores y_c in every zoo classifier. */
export const SCORE_LAYER = 'logits';

/** Layer kinds whose output is a stack of maps Grad-CAM can weight (when h, w > 1). */
export const GRAD_CAM_KINDS: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'conv2d',
  'depthwiseConv2d',
  'conv2dTranspose',
  'maxPool',
  'avgPool',
  'add',
  'concatenate',
  'activation',
]);

/** Names of the layers `target` depends on (its ancestors in the graph), from the plain graph. */
function ancestorsOf(graph: ModelGraph, target: string): Set<string> {
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const seen = new Set<string>();
  const stack = [...(byName.get(target)?.inputs ?? [])];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(byName.get(name)?.inputs ?? []));
  }
  return seen;
}

/**
 * The layers Grad-CAM can be taken at, the last one first (the usual choice: the deepest maps
 * still have a spatial layout): conv-like layers with a 3-D output of h, w > 1 that feed the
 * class scores. Empty when the model has no `logits` layer (not a classifier).
 */
export function gradCamLayerNames(graph: ModelGraph): string[] {
  if (!graph.layers.some((l) => l.name === SCORE_LAYER)) return [];
  const feeds = ancestorsOf(graph, SCORE_LAYER);
  return graph.layers
    .filter(
      (l) =>
        feeds.has(l.name) &&
        GRAD_CAM_KINDS.has(l.kind) &&
        l.outputShape.length === 3 &&
        l.outputShape[0]! > 1 &&
        l.outputShape[1]! > 1,
    )
    .map((l) => l.name)
    .reverse();
}

/** The layers feeding `layer` in its first (the model's) call. */
function inboundOf(layer: Layer): Layer[] {
  return layer.inboundNodes[0]?.inboundLayers ?? [];
}

/** Runs one layer on concrete tensors (eager call, no new graph node). */
function applyLayer(layer: Layer, values: ReadonlyMap<Layer, tfc.Tensor>): tfc.Tensor {
  const inputs = inboundOf(layer).map((l) => {
    const v = values.get(l);
    if (!v) throw new Error(`layer ${l.name} was not computed before ${layer.name}`);
    return v;
  });
  const out = layer.apply(inputs.length === 1 ? inputs[0]! : inputs);
  if (Array.isArray(out))
    throw new Error(`layer ${layer.name} has several outputs: the zoo does not use such layers`);
  return out as tfc.Tensor;
}

/** Tensors of one Grad-CAM computation, to be downloaded and disposed by the caller. */
export interface GradCamTensors {
  /** ReLU(Σ_k α_k A^k), [h, w]. */
  map: tfc.Tensor;
  /** α_k, [K]. */
  channelWeights: tfc.Tensor;
  /** y_c, a scalar. */
  score: tfc.Tensor;
}

/**
 * How the map weights the layer's channels:
 * - `grad-cam` (Selvaraju et al., ICCV 2017): L = ReLU(Σ_k α_k A^k), α_k the mean over positions of
 *   ∂y_c/∂A^k.
 * - `hires-cam` (Draelos & Carin, "Use HiResCAM instead of Grad-CAM for faithful explanations of
 *   convolutional neural networks", arXiv:2011.08891, 2020): L = ReLU(Σ_k ∂y_c/∂A^k ⊙ A^k), the
 *   gradient kept per position. When the layer feeds the scores through flatten and dense layers
 *   only (TinyVGG, LeNet), Σ_k ∂y_c/∂A^k_ij · A^k_ij is exactly position (i, j)'s share of y_c
 *   (minus the bias), whereas averaging the gradients can cancel a small region's evidence against
 *   the weights of the rest of the map and leave a Grad-CAM map that is zero everywhere.
 */
export type CamMethod = 'grad-cam' | 'hires-cam';

/**
 * Computes Grad-CAM (or, with `method`, HiResCAM) for class `classIndex` at layer `layerName` of `model` on the batch-1 input `x`
 * (see the module comment for the maths). Runs in one `tf.tidy`: only the three returned tensors
 * survive, and the caller disposes them.
 * @throws Error when the model has no `logits` layer, the layer does not exist or does not feed
 *   the logits, or its output is not a map [1, h, w, K].
 */
export function gradCamTensors(
  tf: Tf,
  model: tfl.LayersModel,
  x: tfc.Tensor,
  layerName: string,
  classIndex: number,
  method: CamMethod = 'grad-cam',
): GradCamTensors {
  const layers = model.layers; // topological order (functional models)
  const chosen = layers.find((l) => l.name === layerName);
  const scoreLayer = layers.find((l) => l.name === SCORE_LAYER);
  if (!scoreLayer)
    throw new Error(`${model.name} has no '${SCORE_LAYER}' layer: Grad-CAM needs class scores.`);
  if (!chosen) throw new Error(`${model.name} has no layer called '${layerName}'.`);
  // Layers whose output depends on A (the chosen layer and everything downstream of it).
  const dependent = new Set<Layer>([chosen]);
  for (const l of layers) if (inboundOf(l).some((i) => dependent.has(i))) dependent.add(l);
  if (!dependent.has(scoreLayer))
    throw new Error(`Layer '${layerName}' does not feed the class scores, so it has no Grad-CAM.`);
  const classes = scoreLayer.outputShape[scoreLayer.outputShape.length - 1];
  if (
    !Number.isInteger(classIndex) ||
    classIndex < 0 ||
    (typeof classes === 'number' && classIndex >= classes)
  )
    throw new Error(`Class ${classIndex} does not exist: the model has ${String(classes)} classes.`);
  const inputLayers = new Set(model.inputLayers);

  return tf.tidy(() => {
    // Constants: every layer that does not depend on A, plus A itself.
    const constants = new Map<Layer, tfc.Tensor>();
    for (const l of layers) {
      if (inputLayers.has(l)) constants.set(l, x);
      else if (l === chosen || !dependent.has(l)) constants.set(l, applyLayer(l, constants));
    }
    const a = constants.get(chosen)!;
    if (a.rank !== 4)
      throw new Error(`Layer '${layerName}' has no spatial output (shape [${a.shape.slice(1).join(', ')}]).`);

    // y_c as a function of A: the rest of the graph, A in place of the chosen layer's output.
    const scoreOf = (aIn: tfc.Tensor): tfc.Scalar => {
      const values = new Map(constants);
      values.set(chosen, aIn);
      for (const l of layers) {
        if (l === chosen || !dependent.has(l)) continue;
        values.set(l, applyLayer(l, values));
        if (l === scoreLayer) break;
      }
      const logits = values.get(scoreLayer)!;
      return tf.sum(tf.slice(logits, [0, classIndex], [1, 1]));
    };
    const { value, grad } = tf.valueAndGrad(scoreOf)(a);
    const channelWeights = tf.mean(grad, [0, 1, 2]); // α_k = (1/Z) Σ_ij ∂y_c/∂A^k_ij
    // Grad-CAM weights each channel by its mean gradient; HiResCAM keeps the gradient per position.
    const weighted = method === 'hires-cam' ? tf.mul(a, grad) : tf.mul(a, channelWeights);
    const map = tf.reshape(tf.relu(tf.sum(weighted, -1)), [a.shape[1]!, a.shape[2]!]);
    return { map, channelWeights, score: value };
  });
}
