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

const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/*
 * W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
 * Computation 23 (1969) 631–637, as in his SPECFUN routine CALERF (netlib.org/specfun/erf): erf on
 * |x| ≤ 0.46875, erfc·e^(x²) on 0.46875 < |x| ≤ 4 and an asymptotic form beyond, each a rational
 * function with at most 9 coefficients (relative error below 1e-15 in double precision). The
 * published 18-digit coefficients are written as the doubles they round to.
 */
const ERF_A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const ERFC_Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
/** Beyond this |x|, erfc(|x|) underflows to 0 in double precision (CALERF's XBIG). */
const ERFC_XBIG = 26.543;

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfSmall(x: number): number {
  const y = Math.abs(x);
  const ysq = y > 1.11e-16 ? y * y : 0;
  let num = ERF_A[4]! * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]!) * ysq;
    den = (den + ERF_B[i]!) * ysq;
  }
  // `+ 0`: erf(−0) is 0, not −0.
  return (x * (num + ERF_A[3]!)) / (den + ERF_B[3]!) + 0;
}

/**
 * erfc(y) for y > 0.46875 (Cody's second and third intervals). e^(−y²) is computed as
 * e^(−t²)·e^(−(y − t)(y + t)) with t = y rounded down to 1/16, which keeps its relative accuracy.
 */
function erfcLarge(y: number): number {
  if (y >= ERFC_XBIG) return 0;
  let r: number;
  if (y <= 4) {
    let num = ERFC_C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * y;
      den = (den + ERFC_D[i]!) * y;
    }
    r = (num + ERFC_C[7]!) / (den + ERFC_D[7]!);
  } else {
    const z = 1 / (y * y);
    let num = ERFC_P[5]! * z;
    let den = z;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_P[i]!) * z;
      den = (den + ERFC_Q[i]!) * z;
    }
    r = (INV_SQRT_PI - (z * (num + ERFC_P[4]!)) / (den + ERFC_Q[4]!)) / y;
  }
  const t = Math.trunc(y * 16) / 16;
  return Math.exp(-t * t) * Math.exp(-(y - t) * (y + t)) * r;
}

/**
 * The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, odd, to about 1e-16 (double precision), by
 * Cody's rational approximations (above). (The popular A&S 7.1.26 polynomial, which tfjs's cpu
 * backend uses, is only good to 1.5e-7.)
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a <= 0.46875) return erfSmall(x);
  const v = 1 - erfcLarge(a);
  return x < 0 ? -v : v;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), computed without cancellation for large x
 * (Cody's erfc intervals), so that tiny tails such as erfc(6) ≈ 2.15e-17 keep their relative
 * accuracy; erfc(−x) = 2 − erfc(x).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a <= 0.46875) return 1 - erfSmall(x);
  const v = erfcLarge(a);
  return x < 0 ? 2 - v : v;
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
