/**
 * The one shape every training dataset takes, whatever its source (a phantom task, the user's
 * folder or .zip, a MedMNIST .npz): square single-channel images in 0…1, stored back to back,
 * with a class label each and, where known, the patient each image came from. Plain data only, so
 * it crosses to the training worker as transferable arrays.
 */
import type { Localized } from '../lessons/types';

/** Where a dataset came from, for the page to state (and, for phantoms, to regenerate it). */
export type DatasetSource =
  | { kind: 'phantom'; description: Localized }
  | { kind: 'folder'; name: string }
  | { kind: 'medmnist'; name: string };

/** A labelled image set. Invariant: `images.length === count · size²`, `labels.length === count`. */
export interface ImageDataset {
  /** Side of every (square) image in pixels. */
  size: number;
  count: number;
  /** `count · size²` values in 0…1, row-major, one channel, image i at `i · size²`. */
  images: Float32Array;
  /** Class index of each image, 0 … classNames.length − 1. */
  labels: Int32Array;
  /** Class names in label order (at least 2). */
  classNames: readonly Localized[];
  /** The patient (or study) each image belongs to, or null when unknown. */
  patientIds: Int32Array | null;
  /**
   * A split fixed by the data's publisher (MedMNIST's official train/val/test), one entry per
   * image: 0 training, 1 validation, 2 test; null when the data has none.
   */
  presetSplit: Uint8Array | null;
  /** Pixel size in mm where known (phantoms), else null. */
  spacingMm: number | null;
  /**
   * The window (VOI LUT, DICOM PS3.3 C.11.2.1.2) the modality values were mapped to 0…1 with,
   * where known (phantoms: the task's zoo window in HU); null or absent when the images came as
   * intensities (PNG/JPEG, MedMNIST). A saved model records it to prepare new slices the same way.
   */
  window?: { center: number; width: number } | null;
  source: DatasetSource;
}

/** Indices into an {@link ImageDataset}, one array per split. No index appears twice. */
export interface DatasetSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** The three split names, in order. */
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
/** One of {@link SPLIT_NAMES}. */
export type SplitName = (typeof SPLIT_NAMES)[number];
