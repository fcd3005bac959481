/**
 * Defaults of the training store and the split it sends: the configuration and split a fresh page
 * starts with, the import size, and how the split options and the training limit apply.
 */
import type { DatasetSplit, ImageDataset } from '../../core/datasets/imageDataset';
import { stratifiedSubset } from '../../core/datasets/splitDataset';
import { NO_AUGMENT, type TrainConfig } from '../../core/training/trainingTypes';
import type { SplitOptions } from './trainingStoreTypes';

/** Side (pixels) images from a folder or a .zip are resized to. */
export const IMPORT_SIZE = 64;

/**
 * At most this many images of each MedMNIST split are loaded (evenly spaced), so the largest sets
 * (TissueMNIST: 165,466 training images) stay within a page's memory.
 */
export const MEDMNIST_MAX_PER_SPLIT = 12_000;

/** The configuration a fresh page starts with. */
export const DEFAULT_CONFIG: TrainConfig = {
  model: { kind: 'zoo', id: 'tiny-vgg', pretrained: false },
  optimizer: { kind: 'adam', learningRate: 0.001 },
  batchSize: 32,
  epochs: 5,
  weightDecay: 0,
  augment: NO_AUGMENT,
  classWeights: 'none',
  seed: 1,
};

/** The split a fresh page starts with. */
export const DEFAULT_SPLIT: SplitOptions = {
  fractions: { train: 0.7, validation: 0.15, test: 0.15 },
  seed: 1,
  byPatient: true,
  usePreset: true,
};

/** The training split with `limit` applied (a stratified subset), as sent to the worker. */
export function limitedSplit(
  dataset: ImageDataset,
  split: DatasetSplit,
  limit: number | null,
  seed: number,
): DatasetSplit {
  if (limit === null || limit >= split.train.length) return split;
  return { ...split, train: stratifiedSubset(split.train, dataset.labels, limit, seed) };
}

/** The split options that apply to `dataset` (no patient grouping or preset where it has none). */
export function effectiveSplit(dataset: ImageDataset, o: SplitOptions): SplitOptions {
  return {
    ...o,
    byPatient: o.byPatient && dataset.patientIds !== null,
    usePreset: o.usePreset && dataset.presetSplit !== null,
  };
}
