/**
 * The shape of the training store (`useTrainingStore` in trainingStore.ts): the page's one owner
 * of the training worker. Components hold only plain data from here (DESIGN.md). Shared by the
 * training panels (src/ui/training) and the `train-classifier` lesson's widgets.
 */
import type { Localized } from '../../core/lessons/types';
import type { DatasetSplit, ImageDataset, SplitName } from '../../core/datasets/imageDataset';
import type { PhantomDatasetSpec } from '../../core/datasets/phantomTrainingSet';
import type { SplitOptions } from '../../core/datasets/splitDataset';
import type { FileEntry } from '../../core/datasets/importImageFiles';
import type { BackendReport } from '../../core/tensor/backendTypes';
import type { ConfiguredInfo } from '../../core/training/trainerProtocol';
import type { StoredModelMeta } from '../../core/training/modelStore';
import type {
  BatchRecord,
  EpochRecord,
  Evaluation,
  ExampleCam,
  TrainConfig,
  TrainProgress,
} from '../../core/training/trainingTypes';

/** How the data is split (see core/datasets/splitDataset.ts). */
export type { SplitOptions };

/** A finished or stopped run, kept to compare curves (overfitting, augmentation). */
export interface RunRecord {
  id: number;
  label: Localized;
  config: TrainConfig;
  /** Training images used. */
  trainCount: number;
  epochs: EpochRecord[];
  batches: BatchRecord[];
}

/** A file skipped by an import, and why. */
export interface SkippedFile {
  path: string;
  reason: Localized;
}

/** Where the data stands. */
export type DataStatus =
  | { status: 'none' }
  | { status: 'loading'; what: Localized; progress: number | null }
  | { status: 'ready' }
  | { status: 'error'; message: Localized };

/** Where the worker stands. */
export type TrainerStatus =
  { status: 'idle' } | { status: 'busy'; what: Localized } | { status: 'error'; message: Localized };

/** State and actions of the training store. */
export interface TrainingStoreState {
  /** The data, kept on the page for previews and the gallery (the worker has its own copy). */
  dataset: ImageDataset | null;
  dataStatus: DataStatus;
  /** Files an import skipped. */
  skipped: readonly SkippedFile[];
  split: DatasetSplit | null;
  splitOptions: SplitOptions;
  /** Train on only this many training images (a stratified subset), or all when null. */
  trainLimit: number | null;

  config: TrainConfig;
  backend: BackendReport | null;
  configured: ConfiguredInfo | null;
  progress: TrainProgress | null;
  /** The current run's batches and epochs. */
  batches: readonly BatchRecord[];
  epochs: readonly EpochRecord[];
  /** Earlier runs, oldest first (the current one is added when it ends). */
  runs: readonly RunRecord[];
  trainer: TrainerStatus;

  evaluation: Evaluation | null;
  /** Class-activation maps by `${index}:${classIndex}:${method}`. */
  cams: Readonly<Record<string, ExampleCam>>;

  savedModels: readonly StoredModelMeta[];

  loadPhantom(spec: PhantomDatasetSpec): Promise<void>;
  /** Images from a folder or drag and drop (paths with sub-folders as labels). */
  loadFiles(entries: readonly FileEntry[]): Promise<void>;
  /** A .zip of images (sub-folders as labels). */
  loadZip(bytes: Uint8Array, name: string): Promise<void>;
  /** A MedMNIST .npz (from the file picker or the download). */
  loadMedMnist(bytes: Uint8Array, datasetId: string): Promise<void>;
  /** Downloads a MedMNIST set from its public host (cached in IndexedDB), then loads it. */
  downloadMedMnist(datasetId: string): Promise<void>;
  setSplitOptions(options: Partial<SplitOptions>): void;
  setTrainLimit(limit: number | null): void;
  setConfig(config: Partial<TrainConfig>): void;
  /** Sends the data if changed, builds a fresh model for `config` and plays. */
  train(label?: Localized): Promise<void>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  stop(): Promise<void>;
  evaluate(split: SplitName): Promise<void>;
  /** Maps of dataset images for a class, kept in `cams` under `camKey(index, classIndex, method)`. */
  gradCam(indices: readonly number[], classIndex: number, method?: ExampleCam['method']): Promise<void>;
  saveModel(name: string): Promise<void>;
  /** The current model as tfjs files (model.json text and weights.bin bytes). */
  exportModel(): Promise<{ baseName: string; modelJson: string; weights: ArrayBuffer }>;
  importModel(modelJson: string, weights: ArrayBuffer): Promise<void>;
  /** Loads a stored model into the worker as the current model. */
  openModel(name: string): Promise<void>;
  deleteModel(name: string): Promise<void>;
  refreshModels(): Promise<void>;
  /** Live tensors in the worker. */
  workerTensors(): Promise<number>;
  /** Terminates the worker and clears everything (tests, language-independent reset). */
  reset(): void;
}
