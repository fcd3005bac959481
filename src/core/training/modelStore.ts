/**
 * Models trained in the browser, kept in IndexedDB (placeholder: see the brief; the storage
 * helper writes the implementation).
 */
import type { Localized } from '../lessons/types';
import type { ModelSpec } from './trainingTypes';

/** What the page lists about a stored model (no weights). */
export interface StoredModelMeta {
  /** Unique, chosen by the user (1–80 characters). */
  name: string;
  /** ISO date-time of the save. */
  savedAt: string;
  classNames: readonly Localized[];
  /** Input side in pixels (inputs are inputSize × inputSize × 1, values 0…1). */
  inputSize: number;
  /** The window the data was mapped to 0…1 with, when known (CT phantoms), else null. */
  window: { center: number; width: number } | null;
  /** Pixel size in mm of the training data, when known. */
  spacingMm: number | null;
  architecture: ModelSpec;
  /** What it was trained on, in words. */
  dataset: string;
  /** Validation figures at the save. */
  metrics: { auc: number | null; accuracy: number | null };
  params: number;
}

/** tfjs model artifacts in plain form (model.json's topology and weight specs, the weights). */
export interface ModelArtifactsPlain {
  modelTopology: object;
  weightSpecs: readonly { name: string; shape: number[]; dtype: 'float32' | 'int32' | 'bool' }[];
  weightData: ArrayBuffer;
}

/** A stored model: its metadata and its tfjs artifacts. */
export interface StoredModel {
  meta: StoredModelMeta;
  artifacts: ModelArtifactsPlain;
}
