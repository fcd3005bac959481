/**
 * Gradient-descent optimizers as pure functions of (state, gradient function, hyper-parameters) →
 * new state. They work on vectors of any length; the lesson races them on 2-D loss surfaces.
 * In the formulas θ is the position, g = ∇f(θ), η the learning rate.
 */

/** The optimizers the lesson compares. */
export type OptimizerId = 'sgd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam';

/** All optimizers, in the order the lesson lists them. */
export const OPTIMIZER_IDS: readonly OptimizerId[] = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'];

/** Hyper-parameters. Defaults: ρ = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8 (the values of the cited papers). */
export interface OptimizerHyper {
  /** Learning rate η > 0. */
  lr: number;
  /** Momentum μ in [0, 1) for heavy-ball and Nesterov momentum. */
  momentum: number;
  /** RMSProp decay ρ of the running mean of g². */
  rho?: number;
  /** Adam decay of the first moment. */
  beta1?: number;
  /** Adam decay of the second moment. */
  beta2?: number;
  /** Added to the root of the second moment to avoid dividing by 0. */
  eps?: number;
}

/** Optimizer state: position, velocity or first moment `v`, second moment `s`, step count `t`. */
export interface OptimizerState {
  x: readonly number[];
  v: readonly number[];
  s: readonly number[];
  t: number;
}

/** ∇f at a point. */
export type GradientFn = (x: readonly number[]) => readonly number[];

/** One optimizer step. */
export type OptimizerStep = (state: OptimizerState, grad: GradientFn, h: OptimizerHyper) => OptimizerState;

/** A fresh state at `x0`: zero velocity and moments, t = 0. */
export function initialState(x0: readonly number[]): OptimizerState {
  return { x: [...x0], v: x0.map(() => 0), s: x0.map(() => 0), t: 0 };
}

const at = (a: readonly number[], i: number): number => a[i] ?? 0;

/**
 * Plain (stochastic) gradient descent (Robbins & Monro, Ann. Math. Stat. 1951;22:400–407):
 * θ ← θ − η·g.
 */
export const sgdStep: OptimizerStep = (st, grad, h) => {
  const g = grad(st.x);
  return { ...st, x: st.x.map((x, i) => x - h.lr * at(g, i)), t: st.t + 1 };
};

/**
 * Heavy-ball momentum (Polyak, USSR Comput. Math. Math. Phys. 1964;4(5):1–17), in the form of
 * Sutskever et al. 2013 eq. 1–2: v ← μ·v − η·g(θ);  θ ← θ + v.
 */
export const momentumStep: OptimizerStep = (st, grad, h) => {
  const g = grad(st.x);
  const v = st.v.map((vi, i) => h.momentum * vi - h.lr * at(g, i));
  return { ...st, x: st.x.map((x, i) => x + at(v, i)), v, t: st.t + 1 };
};

/**
 * Nesterov's accelerated gradient as written by Sutskever, Martens, Dahl & Hinton, "On the
 * importance of initialization and momentum in deep learning", ICML 2013, eq. 3–4: the gradient is
 * taken at the look-ahead point θ + μ·v:  v ← μ·v − η·g(θ + μ·v);  θ ← θ + v.
 */
export const nesterovStep: OptimizerStep = (st, grad, h) => {
  const ahead = st.x.map((x, i) => x + h.momentum * at(st.v, i));
  const g = grad(ahead);
  const v = st.v.map((vi, i) => h.momentum * vi - h.lr * at(g, i));
  return { ...st, x: st.x.map((x, i) => x + at(v, i)), v, t: st.t + 1 };
};

/**
 * RMSProp (Tieleman & Hinton, Coursera "Neural Networks for Machine Learning", lecture 6e, 2012):
 * s ← ρ·s + (1 − ρ)·g²;  θ ← θ − η·g / (√s + ε), elementwise: each coordinate's step is scaled by
 * a running root-mean-square of its own gradient.
 */
export const rmspropStep: OptimizerStep = (st, grad, h) => {
  const rho = h.rho ?? 0.9;
  const eps = h.eps ?? 1e-8;
  const g = grad(st.x);
  const s = st.s.map((si, i) => rho * si + (1 - rho) * at(g, i) ** 2);
  return {
    ...st,
    x: st.x.map((x, i) => x - (h.lr * at(g, i)) / (Math.sqrt(at(s, i)) + eps)),
    s,
    t: st.t + 1,
  };
};

/**
 * Adam (Kingma & Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1):
 * t ← t + 1;  m ← β₁·m + (1 − β₁)·g;  s ← β₂·s + (1 − β₂)·g²;
 * m̂ = m / (1 − β₁ᵗ);  ŝ = s / (1 − β₂ᵗ);  θ ← θ − η·m̂ / (√ŝ + ε).
 * The first step therefore moves every coordinate by about η·sign(g).
 */
export const adamStep: OptimizerStep = (st, grad, h) => {
  const b1 = h.beta1 ?? 0.9;
  const b2 = h.beta2 ?? 0.999;
  const eps = h.eps ?? 1e-8;
  const t = st.t + 1;
  const g = grad(st.x);
  const m = st.v.map((mi, i) => b1 * mi + (1 - b1) * at(g, i));
  const s = st.s.map((si, i) => b2 * si + (1 - b2) * at(g, i) ** 2);
  const c1 = 1 - Math.pow(b1, t);
  const c2 = 1 - Math.pow(b2, t);
  const x = st.x.map((xi, i) => xi - (h.lr * (at(m, i) / c1)) / (Math.sqrt(at(s, i) / c2) + eps));
  return { x, v: m, s, t };
};

/** Each optimizer's step function. */
export const OPTIMIZERS: Readonly<Record<OptimizerId, OptimizerStep>> = {
  sgd: sgdStep,
  momentum: momentumStep,
  nesterov: nesterovStep,
  rmsprop: rmspropStep,
  adam: adamStep,
};

/** How a run ended: still inside the bounds, or stopped because it blew up or ran away. */
export type RunStatus = 'ok' | 'diverged' | 'escaped';

/** The path of one optimizer run. */
export interface OptimizerRun {
  id: OptimizerId;
  /** Positions θ₀, θ₁, … (θ₀ = start). */
  path: number[][];
  /** f(θ) along the path. */
  losses: number[];
  /**
   * `diverged`: f became non-finite, or θ left the region with f above its start value (the step
   * was too large); `escaped`: θ left the region with f below its start value (the descent ran
   * off the region, e.g. away from a saddle). The path stops at the first point outside.
   */
  status: RunStatus;
}

/**
 * Runs one optimizer for `steps` steps from `x0`, stopping early when θ leaves the region where
 * `inside(θ)` holds (see {@link OptimizerRun.status}).
 */
export function runOptimizer(
  id: OptimizerId,
  f: (x: readonly number[]) => number,
  grad: GradientFn,
  x0: readonly number[],
  h: OptimizerHyper,
  steps: number,
  inside: (x: readonly number[]) => boolean,
): OptimizerRun {
  const step = OPTIMIZERS[id];
  let st = initialState(x0);
  const f0 = f(x0);
  const path = [[...x0]];
  const losses = [f0];
  let status: RunStatus = 'ok';
  for (let k = 0; k < steps; k++) {
    st = step(st, grad, h);
    const fx = f(st.x);
    path.push([...st.x]);
    losses.push(fx);
    const outside = st.x.some((xi) => !Number.isFinite(xi)) || !inside(st.x);
    if (!Number.isFinite(fx) || (outside && fx >= f0)) {
      status = 'diverged';
      break;
    }
    if (outside) {
      status = 'escaped';
      break;
    }
  }
  return { id, path, losses, status };
}
