/**
 * Phantom training sets for the `train-classifier` lesson (contract; the datasets helper writes the
 * implementation).
 */
import type { ImageDataset } from './imageDataset';

/** The phantom tasks a classifier can be trained on here (binary: lesion or not). */
export type PhantomTrainingTask = 'nodule' | 'haemorrhage';

/** How hard the task is. */
export interface PhantomDifficulty {
  /** Lesion diameter (nodule) or size (haemorrhage) range, mm. */
  lesionSizeMm: readonly [number, number];
  /** Multiplies the lesion–background HU difference: 1 = the zoo's task, 0 = invisible. */
  contrast: number;
  /** Standard deviation of the image noise, HU. */
  noiseHu: number;
}

/** Everything that defines a phantom set: the same spec gives the same arrays. */
export interface PhantomDatasetSpec {
  task: PhantomTrainingTask;
  /** Number of images (≥ 4). */
  count: number;
  /** Share of images with a lesion, 0.05 … 0.95. */
  positiveFraction: number;
  seed: number;
  difficulty: PhantomDifficulty;
  /** Images per (phantom) patient, ≥ 1: a patient's images share anatomy and label. */
  imagesPerPatient: number;
}

/** Generates the set (64 × 64, windowed to 0…1 with the task's zoo preprocessing). */
export declare function makePhantomDataset(spec: PhantomDatasetSpec): ImageDataset;
