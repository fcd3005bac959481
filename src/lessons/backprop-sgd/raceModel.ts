/**
 * The optimizer race of step 6, pure: the chosen surface, its sampled grid (cached), every
 * optimizer's path from the same start, and the largest curvature at the start.
 */
import {
  insideRegion,
  largestCurvature,
  quadraticBowl,
  rosenbrockSurface,
  saddleSurface,
  sampleSurface,
  type Surface2D,
  type SurfaceGrid,
  type SurfaceId,
} from '../../core/autodiff/lossSurfaces';
import {
  OPTIMIZER_IDS,
  runOptimizer,
  type OptimizerId,
  type OptimizerRun,
} from '../../core/autodiff/optimizers2d';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { cnnSlice } from './tinyCnnLab';

/** Grid resolution of the contour plot (the CNN slice costs one forward pass per sample). */
export const GRID_SIZE: Readonly<Record<SurfaceId, number>> = {
  bowl: 61,
  rosenbrock: 81,
  saddle: 61,
  cnn: 33,
};

/** Colour and dash of each optimizer: distinguishable by colour and by line pattern. */
export const OPTIMIZER_STYLE: Readonly<Record<OptimizerId, { color: string; dash: string }>> = {
  sgd: { color: OKABE_ITO[0], dash: '' },
  momentum: { color: OKABE_ITO[1], dash: '8 4' },
  nesterov: { color: OKABE_ITO[2], dash: '2 3' },
  rmsprop: { color: OKABE_ITO[7], dash: '10 3 2 3' },
  adam: { color: OKABE_ITO[3], dash: '4 2' },
};

/** The race settings (the step's parameters). */
export interface RaceSetup {
  surface: SurfaceId;
  kappa: number;
  /** log₁₀ of the learning rate. */
  lrExp: number;
  momentum: number;
  iters: number;
}

/** Everything the race view shows. */
export interface RaceResult {
  surface: Surface2D;
  grid: SurfaceGrid;
  runs: OptimizerRun[];
  lr: number;
  /** Largest Hessian eigenvalue at the start. */
  lambda: number;
}

/** The surface with these settings. */
export function surfaceFor(id: SurfaceId, kappa: number): Surface2D {
  switch (id) {
    case 'bowl':
      return quadraticBowl(kappa);
    case 'rosenbrock':
      return rosenbrockSurface();
    case 'saddle':
      return saddleSurface();
    case 'cnn':
      return cnnSlice();
  }
}

const grids = new Map<string, { surface: Surface2D; grid: SurfaceGrid; lambda: number }>();

/** The surface, its grid and its curvature at the start (cached per surface and κ). */
export function surfaceData(
  id: SurfaceId,
  kappa: number,
): { surface: Surface2D; grid: SurfaceGrid; lambda: number } {
  const key = id === 'bowl' ? `bowl-${kappa}` : id;
  let d = grids.get(key);
  if (!d) {
    const surface = surfaceFor(id, kappa);
    const ev = surface.evaluator();
    const n = GRID_SIZE[id];
    d = {
      surface,
      grid: sampleSurface(ev, surface.domain, n, n),
      lambda: largestCurvature(ev, surface.start),
    };
    grids.set(key, d);
  }
  return d;
}

/** Runs the five optimizers from the surface's start with the same η, μ and number of steps. */
export function runRace(setup: RaceSetup): RaceResult {
  const { surface, grid, lambda } = surfaceData(setup.surface, setup.kappa);
  const lr = Math.pow(10, setup.lrExp);
  const inside = insideRegion(surface.domain, 0.5);
  const runs = OPTIMIZER_IDS.map((id) => {
    const ev = surface.evaluator();
    return runOptimizer(
      id,
      ev.f,
      ev.grad,
      surface.start,
      { lr, momentum: setup.momentum },
      setup.iters,
      inside,
    );
  });
  return { surface, grid, runs, lr, lambda };
}
