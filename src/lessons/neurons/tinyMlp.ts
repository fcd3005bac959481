/**
 * A small MLP in plain TypeScript (float64), for the step that shows that an MLP cannot tell a
 * patch from the same patch with its pixels shuffled:
 *
 *   h = ReLU(W₁x + b₁),  y = W₂h + b₂
 *
 * Permuting the inputs by π and the columns of W₁ by the same π gives exactly the same h (the sum
 * Σᵢ W₁[j, π(i)]·x[π(i)] is Σₖ W₁[j, k]·x[k] in another order), hence the same y: whatever a
 * network learns on the original patches, the permuted network does on the permuted ones.
 */
import { mulberry32 } from '../../core/datasets/discPhantom';

/** A two-layer MLP: weights row-major, `w1[j·inputs + i]` from input i to hidden unit j. */
export interface TinyMlp {
  inputs: number;
  hidden: number;
  outputs: number;
  w1: Float64Array;
  b1: Float64Array;
  w2: Float64Array;
  b2: Float64Array;
}

/**
 * A seeded MLP with Glorot-uniform weights, U(−a, a) with a = √(6/(fan_in + fan_out)) (Glorot X,
 * Bengio Y. AISTATS 2010), and small uniform biases in (−0.1, 0.1).
 */
export function makeTinyMlp(inputs: number, hidden: number, outputs: number, seed: number): TinyMlp {
  const rand = mulberry32(seed);
  const uniform = (n: number, a: number) => Float64Array.from({ length: n }, () => (2 * rand() - 1) * a);
  return {
    inputs,
    hidden,
    outputs,
    w1: uniform(inputs * hidden, Math.sqrt(6 / (inputs + hidden))),
    b1: uniform(hidden, 0.1),
    w2: uniform(hidden * outputs, Math.sqrt(6 / (hidden + outputs))),
    b2: uniform(outputs, 0.1),
  };
}

/** The MLP's outputs y for one flattened input x (sums in input order, float64). */
export function tinyMlpForward(mlp: TinyMlp, x: ArrayLike<number>): Float64Array {
  if (x.length !== mlp.inputs) throw new RangeError(`the MLP takes ${mlp.inputs} inputs, not ${x.length}`);
  const h = new Float64Array(mlp.hidden);
  for (let j = 0; j < mlp.hidden; j++) {
    let s = mlp.b1[j] as number;
    const row = j * mlp.inputs;
    for (let i = 0; i < mlp.inputs; i++) s += (mlp.w1[row + i] as number) * (x[i] as number);
    h[j] = s > 0 ? s : 0;
  }
  const y = new Float64Array(mlp.outputs);
  for (let o = 0; o < mlp.outputs; o++) {
    let s = mlp.b2[o] as number;
    for (let j = 0; j < mlp.hidden; j++) s += (mlp.w2[o * mlp.hidden + j] as number) * (h[j] as number);
    y[o] = s;
  }
  return y;
}

/**
 * The same MLP with the columns of W₁ permuted like the inputs: `w1′[j, i] = w1[j, p[i]]`, so that
 * it gives on `x′[i] = x[p[i]]` what the original gives on x.
 */
export function permuteMlpInputs(mlp: TinyMlp, p: ArrayLike<number>): TinyMlp {
  if (p.length !== mlp.inputs) throw new RangeError(`the MLP takes ${mlp.inputs} inputs, not ${p.length}`);
  const w1 = new Float64Array(mlp.w1.length);
  for (let j = 0; j < mlp.hidden; j++) {
    const row = j * mlp.inputs;
    for (let i = 0; i < mlp.inputs; i++) w1[row + i] = mlp.w1[row + (p[i] as number)] as number;
  }
  return { ...mlp, w1 };
}
