/**
 * The small formulas the `cnn-architecture` texts and quiz compute their numbers with, in plain
 * TypeScript (no tfjs, so the lesson's chunk stays light). A unit test checks each result against
 * `analyseGraph(describeModel(model))` of the zoo's real models.
 *
 * Receptive field (Araujo, Norris & Sim, "Computing receptive fields of convolutional neural
 * networks", Distill 2019): through layers l = 1…L with kernel k_l and stride s_l, a unit of layer L
 * sees r_L = r_{L−1} + (k_L − 1)·j_{L−1} input pixels per axis, where j_L = j_{L−1}·s_L is the
 * distance in input pixels between neighbouring units (r_0 = j_0 = 1).
 *
 * Output sizes and convolution parameters come from the project's own `convOutputSize`
 * (core/tensor/reference/convGeometry) and `convLayerParams` (core/models/smallCnn).
 */

/** A layer as the receptive-field recurrence sees it: kernel side and stride. */
export interface KernelStride {
  k: number;
  s: number;
}

/** Receptive-field size r and jump j after each layer of `stack` (r_0 = j_0 = 1 before the first). */
export function receptiveFieldSteps(stack: readonly KernelStride[]): { r: number; j: number }[] {
  const out: { r: number; j: number }[] = [];
  let r = 1;
  let j = 1;
  for (const { k, s } of stack) {
    r += (k - 1) * j;
    j *= s;
    out.push({ r, j });
  }
  return out;
}

/** Receptive-field size after the whole of `stack`. */
export function receptiveFieldSize(stack: readonly KernelStride[]): number {
  return receptiveFieldSteps(stack).at(-1)?.r ?? 1;
}

/** Parameters of a k × k depthwise convolution (depth multiplier 1) on c channels: k²·c + c. */
export function depthwiseParams(k: number, c: number): number {
  return k * k * c + c;
}
