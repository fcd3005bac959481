/**
 * Activation functions and their derivatives in plain TypeScript, with tfjs's conventions (values at
 * the kinks included), for the `neurons` and `activation-pooling` lessons and as a test oracle.
 */

/** The activations the lessons offer. */
export type ActivationId = 'linear' | 'relu' | 'leaky-relu' | 'elu' | 'sigmoid' | 'tanh' | 'gelu';

/** Every activation id, in the order the lessons list them. */
export const ACTIVATION_IDS: readonly ActivationId[] = [
  'linear',
  'relu',
  'leaky-relu',
  'elu',
  'sigmoid',
  'tanh',
  'gelu',
];

/**
 * Default α of the activations that take one: leaky ReLU 0.2 (tf.leakyRelu's default; Keras's
 * LeakyReLU layer uses 0.3), ELU 1 (tf.elu's fixed value).
 */
export const DEFAULT_ALPHA: Readonly<{ 'leaky-relu': number; elu: number }> = { 'leaky-relu': 0.2, elu: 1 };

/** Whether activation `id` takes an α parameter (leaky ReLU's slope, ELU's saturation). */
export function activationUsesAlpha(id: ActivationId): id is 'leaky-relu' | 'elu' {
  return id === 'leaky-relu' || id === 'elu';
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * erf(x) for 0 ≤ x < 2 by the series of Abramowitz & Stegun 7.1.6,
 * erf(x) = (2/√π)·e^(−x²)·Σ_{n≥0} 2ⁿ x^(2n+1) / (1·3·5···(2n+1)), whose terms are all positive (no
 * cancellation): relative error near 1e-16.
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * erfc(x) for x ≥ 2 by the continued fraction of A&S 7.1.14,
 * erfc(x) = (e^(−x²)/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from
 * the 60th level up: relative error near 1e-16 for x ≥ 2 (it converges more slowly nearer 0).
 */
function erfcContinuedFraction(x: number): number {
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/**
 * The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, odd, to about 1e-16 (double precision): the
 * series A&S 7.1.6 for |x| < 2 and 1 − erfc by the continued fraction A&S 7.1.14 beyond. (The
 * popular A&S 7.1.26 polynomial, which tfjs's cpu backend uses, is only good to 1.5e-7.)
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const v = a < 2 ? erfSeries(a) : 1 - erfcContinuedFraction(a);
  return x < 0 ? -v : v;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), computed without cancellation for large x
 * (continued fraction A&S 7.1.14 for x ≥ 2), so that tiny tails such as erfc(6) ≈ 2.15e-17 keep
 * their relative accuracy; erfc(−x) = 2 − erfc(x).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 2) return erfcContinuedFraction(x);
  if (x <= -2) return 2 - erfcContinuedFraction(-x);
  return 1 - erf(x);
}

/** Standard normal cumulative distribution Φ(x) = ½·erfc(−x/√2) (accurate in the lower tail too). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * INV_SQRT_2);
}

/** Standard normal density φ(x) = e^(−x²/2) / √(2π). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^(−x)), computed as e^x/(1 + e^x) for x < 0 so that e^(−x) never
 * overflows (σ(−1000) = 0, σ(1000) = 1, no NaN).
 */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function alphaFor(id: ActivationId, alpha: number | undefined): number {
  if (alpha !== undefined) return alpha;
  return id === 'leaky-relu' ? DEFAULT_ALPHA['leaky-relu'] : DEFAULT_ALPHA.elu;
}

/**
 * f(x) of activation `id`:
 * - linear: x
 * - relu: max(0, x)
 * - leaky-relu: x for x > 0, α·x otherwise (α default 0.2)
 * - elu: x for x > 0, α·(eˣ − 1) otherwise (α default 1)
 * - sigmoid: 1/(1 + e^(−x)) (overflow-free)
 * - tanh: (eˣ − e^(−x))/(eˣ + e^(−x))
 * - gelu (exact, not the tanh approximation): x·Φ(x) = ½·x·(1 + erf(x/√2))
 * `alpha` is used by leaky-relu and elu only.
 */
export function activation(id: ActivationId, x: number, alpha?: number): number {
  switch (id) {
    case 'linear':
      return x;
    case 'relu':
      return x > 0 ? x : 0;
    case 'leaky-relu':
      return x > 0 ? x : alphaFor(id, alpha) * x;
    case 'elu':
      return x > 0 ? x : alphaFor(id, alpha) * Math.expm1(x);
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'gelu':
      return x * normalCdf(x);
  }
}

/**
 * f′(x) of activation `id`, with tfjs's gradient at the kinks:
 * - linear: 1
 * - relu: 1 for x > 0, 0 otherwise (0 at x = 0, as tf)
 * - leaky-relu: 1 for x > 0, α otherwise
 * - elu: 1 for x > 0, α·eˣ otherwise (α at 0, which is tf's 1 for tf.elu's α = 1)
 * - sigmoid: σ(x)·(1 − σ(x))
 * - tanh: 1 − tanh²(x)
 * - gelu: Φ(x) + x·φ(x), with φ the standard normal density
 */
export function activationDerivative(id: ActivationId, x: number, alpha?: number): number {
  switch (id) {
    case 'linear':
      return 1;
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leaky-relu':
      return x > 0 ? 1 : alphaFor(id, alpha);
    case 'elu':
      return x > 0 ? 1 : alphaFor(id, alpha) * Math.exp(x);
    case 'sigmoid': {
      const s = sigmoid(x);
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'gelu':
      return normalCdf(x) + x * normalPdf(x);
  }
}

/** f applied to every value of `data` (a new array; `data` is left as is). See `activation`. */
export function applyActivation(id: ActivationId, data: Float32Array, alpha?: number): Float32Array {
  const out = new Float32Array(data.length);
  if (id === 'relu') {
    for (let k = 0; k < data.length; k++) {
      const v = data[k]!;
      out[k] = v > 0 ? v : 0;
    }
    return out;
  }
  for (let k = 0; k < data.length; k++) out[k] = activation(id, data[k]!, alpha);
  return out;
}
