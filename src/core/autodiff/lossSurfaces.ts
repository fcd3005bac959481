/**
 * Two-parameter loss surfaces for the optimizer race. Each surface is written once as a scalar
 * graph ({@link Graph}); its value and gradient at any point come from re-running that graph
 * forward and backward, so the optimizers follow gradients computed by the same engine the lesson
 * teaches.
 */
import { Graph, type NodeId } from './Graph';

/** The plotted rectangle. */
export interface Domain2D {
  x: readonly [number, number];
  y: readonly [number, number];
}

/** f and ∇f at a point (x, y). */
export interface SurfaceEvaluator {
  f(p: readonly number[]): number;
  grad(p: readonly number[]): number[];
}

/** The surfaces of the lesson. `cnn` is the slice through a tiny CNN (see makeCnnSlice). */
export type SurfaceId = 'bowl' | 'rosenbrock' | 'saddle' | 'cnn';

/** A loss surface over two parameters. */
export interface Surface2D {
  id: SurfaceId;
  domain: Domain2D;
  /** Where every optimizer starts. */
  start: readonly [number, number];
  /** The minima, drawn as markers (empty when unknown). */
  minima: readonly (readonly [number, number])[];
  /** Creates an evaluator (each owns its own graph). */
  evaluator(): SurfaceEvaluator;
}

/** An evaluator for f(x, y) given as a graph over two parameter leaves. */
export function graphEvaluator(build: (g: Graph, x: NodeId, y: NodeId) => NodeId): SurfaceEvaluator {
  const g = new Graph();
  const x = g.param(0, 'x');
  const y = g.param(0, 'y');
  const out = build(g, x, y);
  const set = (p: readonly number[]): void => {
    g.setValue(x, p[0] ?? 0);
    g.setValue(y, p[1] ?? 0);
    g.forward();
  };
  return {
    f(p) {
      set(p);
      return g.value(out);
    },
    grad(p) {
      set(p);
      const d = g.backward(out);
      return [d[x] ?? 0, d[y] ?? 0];
    },
  };
}

/** The rotation of the bowl's axes, so that no optimizer gets the axes for free. */
export const BOWL_ANGLE = Math.PI / 6;

/**
 * A quadratic bowl f = ½(u²/κ + v²) in axes (u, v) rotated by {@link BOWL_ANGLE}: Hessian
 * eigenvalues 1/κ and 1, so the condition number is κ and the largest curvature stays 1 (plain
 * gradient descent is stable for η < 2 whatever κ; a larger κ only slows the shallow direction).
 */
export function quadraticBowl(condition: number): Surface2D {
  if (!(condition >= 1)) throw new RangeError('the condition number κ must be ≥ 1');
  const c = Math.cos(BOWL_ANGLE);
  const s = Math.sin(BOWL_ANGLE);
  return {
    id: 'bowl',
    domain: { x: [-3, 3], y: [-3, 3] },
    start: [-2.4, 2.2],
    minima: [[0, 0]],
    evaluator: () =>
      graphEvaluator((g, x, y) => {
        const u = g.add(g.mul(g.constant(c), x), g.mul(g.constant(s), y), 'u');
        const v = g.sub(g.mul(g.constant(c), y), g.mul(g.constant(s), x), 'v');
        const uu = g.mul(g.constant(0.5 / condition), g.pow(u, 2));
        const vv = g.mul(g.constant(0.5), g.pow(v, 2));
        return g.add(uu, vv, 'f');
      }),
  };
}

/**
 * Rosenbrock's banana valley f = (1 − x)² + 100·(y − x²)² (H. H. Rosenbrock, Comput. J.
 * 1960;3:175–184), minimum 0 at (1, 1), from the classic start (−1.2, 1).
 */
export function rosenbrockSurface(): Surface2D {
  return {
    id: 'rosenbrock',
    domain: { x: [-2, 2], y: [-1, 3] },
    start: [-1.2, 1],
    minima: [[1, 1]],
    evaluator: () =>
      graphEvaluator((g, x, y) => {
        const a = g.pow(g.sub(g.constant(1), x), 2);
        const b = g.pow(g.sub(y, g.pow(x, 2)), 2);
        return g.add(a, g.mul(g.constant(100), b), 'f');
      }),
  };
}

/**
 * A saddle at the origin between two minima: f = ½x² + ¼y⁴ − ½y². At (0, 0) the curvature is
 * +1 along x and −1 along y; the minima −¼ lie at (0, ±1). Starting almost on the ridge y = 0,
 * descent first slides to the saddle, then must escape along y.
 */
export function saddleSurface(): Surface2D {
  return {
    id: 'saddle',
    domain: { x: [-2, 2], y: [-2, 2] },
    start: [-1.8, 0.001],
    minima: [
      [0, 1],
      [0, -1],
    ],
    evaluator: () =>
      graphEvaluator((g, x, y) => {
        const xx = g.mul(g.constant(0.5), g.pow(x, 2));
        const y4 = g.mul(g.constant(0.25), g.pow(y, 4));
        const y2 = g.mul(g.constant(-0.5), g.pow(y, 2));
        return g.sum([xx, y4, y2], 'f');
      }),
  };
}

/** f sampled on an nx×ny grid over the domain, row-major with row 0 at y = y_min. */
export interface SurfaceGrid {
  values: Float64Array;
  nx: number;
  ny: number;
  domain: Domain2D;
}

/** Samples f on a regular grid including the domain's edges. */
export function sampleSurface(ev: SurfaceEvaluator, domain: Domain2D, nx: number, ny: number): SurfaceGrid {
  const values = new Float64Array(nx * ny);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  for (let j = 0; j < ny; j++) {
    const y = y0 + ((y1 - y0) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) values[j * nx + i] = ev.f([x0 + ((x1 - x0) * i) / (nx - 1), y]);
  }
  return { values, nx, ny, domain };
}

/** A test for "still near the plot": inside the domain enlarged by `margin` × its size on every side. */
export function insideRegion(domain: Domain2D, margin = 1): (p: readonly number[]) => boolean {
  const wx = domain.x[1] - domain.x[0];
  const wy = domain.y[1] - domain.y[0];
  return (p) => {
    const x = p[0] ?? Number.NaN;
    const y = p[1] ?? Number.NaN;
    return (
      x >= domain.x[0] - margin * wx &&
      x <= domain.x[1] + margin * wx &&
      y >= domain.y[0] - margin * wy &&
      y <= domain.y[1] + margin * wy
    );
  };
}

/**
 * The largest eigenvalue of the 2×2 Hessian at `p`, the Hessian estimated by central differences of
 * the gradient (step `h`). Plain gradient descent on a quadratic is stable only for η < 2/λ_max.
 */
export function largestCurvature(ev: SurfaceEvaluator, p: readonly number[], h = 1e-4): number {
  const x = p[0] ?? 0;
  const y = p[1] ?? 0;
  const gx1 = ev.grad([x + h, y]);
  const gx0 = ev.grad([x - h, y]);
  const gy1 = ev.grad([x, y + h]);
  const gy0 = ev.grad([x, y - h]);
  const a = ((gx1[0] ?? 0) - (gx0[0] ?? 0)) / (2 * h);
  const d = ((gy1[1] ?? 0) - (gy0[1] ?? 0)) / (2 * h);
  const b = ((gx1[1] ?? 0) - (gx0[1] ?? 0) + (gy1[0] ?? 0) - (gy0[0] ?? 0)) / (4 * h);
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
}
