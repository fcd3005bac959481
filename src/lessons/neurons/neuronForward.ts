/**
 * One artificial neuron, the unit every layer of an MLP or a CNN is built from:
 *
 *   z = w₁x₁ + w₂x₂ + … + wₙxₙ + b   (weighted sum plus bias)
 *   y = f(z)                          (activation)
 *
 * (Rosenblatt's perceptron with a smooth f; Goodfellow, Bengio, Courville, Deep Learning, §6.1).
 * The activations and their derivatives are the shared reference maths of
 * src/core/tensor/reference/activations.ts.
 */
import { activation, activationDerivative, type ActivationId } from '../../core/tensor/reference/activations';

/** The activations the neuron step offers. */
export const NEURON_ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
] as const satisfies readonly ActivationId[];

/** One of {@link NEURON_ACTIVATIONS}. */
export type NeuronActivation = (typeof NEURON_ACTIVATIONS)[number];

/** True when `v` names one of {@link NEURON_ACTIVATIONS}. */
export function isNeuronActivation(v: unknown): v is NeuronActivation {
  return typeof v === 'string' && (NEURON_ACTIVATIONS as readonly string[]).includes(v);
}

/** Everything one forward pass of a neuron computes. */
export interface NeuronResult {
  /** wᵢ·xᵢ for each input, in order. */
  products: number[];
  /** The weighted sum plus bias. */
  z: number;
  /** f(z). */
  y: number;
  /** f′(z): how strongly y reacts to a small change of z (what training multiplies by). */
  slope: number;
}

/**
 * The forward pass of one neuron. The sum is taken in input order, then the bias is added.
 * @throws RangeError when `x` and `w` differ in length.
 */
export function neuronForward(
  x: readonly number[],
  w: readonly number[],
  b: number,
  act: NeuronActivation,
): NeuronResult {
  if (x.length !== w.length) {
    throw new RangeError(`a neuron needs one weight per input: ${x.length} inputs, ${w.length} weights`);
  }
  const products = x.map((xi, i) => xi * (w[i] as number));
  const z = products.reduce((s, p) => s + p, 0) + b;
  return { products, z, y: activation(act, z), slope: activationDerivative(act, z) };
}
