/**
 * The tiny-CNN experiments behind steps 5–7, computed on demand and cached (a page shows one step
 * at a time, and each computation takes a fraction of a second): SGD on a 3×3 kernel, the
 * two-parameter slice of the loss, and per-example gradients for the mini-batch study.
 */
import { weightsToVector } from '../../core/autodiff/buildTinyCnn';
import { makeCnnSlice, type CnnSlice } from '../../core/autodiff/makeCnnSlice';
import { makePhantomPatches, type TinyCnnPatches } from '../../core/autodiff/makePhantomPatches';
import { perExampleGradients } from '../../core/autodiff/miniBatchNoise';
import {
  createTinyCnnTrainer,
  initialTinyCnnWeights,
  TINY_CNN_SHAPE,
  type SgdStepRecord,
  type TinyCnnTrainer,
} from '../../core/autodiff/trainTinyCnn';

import { BATCH_STUDY, KERNEL_SET } from './tinyCnnLabSetup';

export { BATCH_STUDY, KERNEL_SET };

let trainer: TinyCnnTrainer | null = null;

/** The trainer of step 5 (built once). */
export function kernelTrainer(): TinyCnnTrainer {
  trainer ??= createTinyCnnTrainer(
    TINY_CNN_SHAPE,
    makePhantomPatches(KERNEL_SET.count, { seed: KERNEL_SET.seed }),
    KERNEL_SET.batchSize,
  );
  return trainer;
}

/** The starting weights of step 5. */
export function kernelStart(): number[] {
  return weightsToVector(initialTinyCnnWeights(TINY_CNN_SHAPE, KERNEL_SET.seed));
}

/** A training run of step 5 up to some step. */
export interface KernelRun {
  /** Records of steps 0 … k (step k is the one about to be taken). */
  records: SgdStepRecord[];
  /** Loss on the whole set before step 0 and after each step: fullLosses[i] at the weights before step i. */
  fullLosses: number[];
}

const runs = new Map<number, KernelRun>();

/** Replays SGD with learning rate `lr` up to and including step `k` (cached per learning rate). */
export function kernelRun(lr: number, k: number): KernelRun {
  const tr = kernelTrainer();
  let run = runs.get(lr);
  if (!run) {
    const start = kernelStart();
    run = { records: [], fullLosses: [tr.fullLoss(start)] };
    runs.set(lr, run);
  }
  while (run.records.length <= k) {
    const i = run.records.length;
    const from = i === 0 ? kernelStart() : (run.records[i - 1]?.after ?? kernelStart());
    const rec = tr.step(from, i, lr);
    run.records.push(rec);
    run.fullLosses.push(tr.fullLoss(rec.after));
  }
  return { records: run.records.slice(0, k + 1), fullLosses: run.fullLosses.slice(0, k + 2) };
}

let slice: CnnSlice | null = null;

/** The trained tiny CNN and its two-parameter loss slice (step 6 and the trained point of step 7). */
export function cnnSlice(): CnnSlice {
  slice ??= makeCnnSlice();
  return slice;
}

let studySet: TinyCnnPatches | null = null;
const studyGradients = new Map<'start' | 'trained', number[][]>();

/** Per-example gradients of the mini-batch study at the starting or the trained weights. */
export function studyPerExample(at: 'start' | 'trained'): number[][] {
  studySet ??= makePhantomPatches(BATCH_STUDY.count, { seed: BATCH_STUDY.seed });
  let g = studyGradients.get(at);
  if (!g) {
    const w =
      at === 'start'
        ? weightsToVector(initialTinyCnnWeights(TINY_CNN_SHAPE, BATCH_STUDY.seed))
        : cnnSlice().trained;
    g = perExampleGradients(TINY_CNN_SHAPE, studySet, w);
    studyGradients.set(at, g);
  }
  return g;
}
