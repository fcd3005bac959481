/**
 * Models trained in the browser, kept in IndexedDB: the database `radiology-cnn-lab`
 * (core/storage/labDatabase.ts), store `models` (the {@link StoredModelMeta}, key `name`, read by
 * `list` without touching weights) and store `weights` (the tfjs artifacts, same key), written
 * together in one transaction. Export/import as tfjs files: modelFiles.ts (re-exported here).
 */
import { LocalizedError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';
import type { ModelSpec } from './trainingTypes';
import { guardQuota, openLabDb } from '../storage/labDatabase';
import { validateModelName, weightBytesProblem } from './modelFiles';

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

// ---------------------------------------------------------------------------------------------
// Implementation: IndexedDB store (stores `models` and `weights` of the lab database) and the
// tfjs layers-model files.

/** A model that cannot be saved (invalid name, inconsistent weights). */
export class ModelStoreError extends LocalizedError {
  override readonly name = 'ModelStoreError';
}

/** The stored models' operations. */
export interface ModelStore {
  /** Saves (or replaces) the model under `model.meta.name`. */
  save(model: StoredModel): Promise<void>;
  /** Every stored model's metadata, newest first. */
  list(): Promise<StoredModelMeta[]>;
  /** The model stored under `name`, or null. */
  load(name: string): Promise<StoredModel | null>;
  /** Deletes the model `name` (nothing happens when absent). */
  remove(name: string): Promise<void>;
  /** Closes the connection. */
  close(): void;
}

/**
 * Opens the model store on `factory` (default `globalThis.indexedDB`; works in pages and workers).
 * `save` validates the name ({@link validateModelName}) and the weights' byte length, and throws
 * {@link ModelStoreError} when either is wrong, StorageError `quota` when storage is full.
 * @throws StorageError `unavailable` when IndexedDB is missing or refused
 */
export async function openModelStore(factory?: IDBFactory): Promise<ModelStore> {
  const db = await openLabDb(factory);
  return {
    async save(model) {
      const nameProblem = validateModelName(model.meta.name);
      if (nameProblem) throw new ModelStoreError(nameProblem);
      const bytesProblem = weightBytesProblem(
        model.artifacts.weightSpecs,
        model.artifacts.weightData.byteLength,
      );
      if (bytesProblem) throw new ModelStoreError(bytesProblem);
      const { modelTopology, weightSpecs, weightData } = model.artifacts;
      await guardQuota(async () => {
        const tx = db.transaction(['models', 'weights'], 'readwrite');
        await Promise.all([
          tx.objectStore('models').put(model.meta),
          tx.objectStore('weights').put({
            name: model.meta.name,
            modelTopology,
            weightSpecs: weightSpecs.map(({ name, shape, dtype }) => ({ name, shape: [...shape], dtype })),
            weightData: weightData.slice(0),
          }),
          tx.done,
        ]);
      });
    },
    async list() {
      const all = await db.getAll('models');
      return all.sort(
        (a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt) || a.name.localeCompare(b.name),
      );
    },
    async load(name) {
      const tx = db.transaction(['models', 'weights'], 'readonly');
      const [meta, weights] = await Promise.all([
        tx.objectStore('models').get(name),
        tx.objectStore('weights').get(name),
        tx.done,
      ]);
      if (!meta || !weights) return null;
      const { modelTopology, weightSpecs, weightData } = weights;
      return { meta, artifacts: { modelTopology, weightSpecs, weightData } };
    },
    async remove(name) {
      const tx = db.transaction(['models', 'weights'], 'readwrite');
      await Promise.all([
        tx.objectStore('models').delete(name),
        tx.objectStore('weights').delete(name),
        tx.done,
      ]);
    },
    close() {
      db.close();
    },
  };
}

export {
  expectedWeightBytes,
  exportModelFiles,
  importModelFiles,
  MODEL_NAME_MAX,
  ModelImportError,
  modelBaseName,
  validateModelName,
  type ExportedModelFiles,
  type ModelImportErrorCode,
} from './modelFiles';
