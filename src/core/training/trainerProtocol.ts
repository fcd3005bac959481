/**
 * The messages between the page and the training worker (DESIGN.md: one typed module; arrays
 * cross as transferable Float32Array/Int32Array buffers, never tensors). Every request carries an
 * `id`; the worker answers it with exactly one `reply` or `failed` carrying the same id. Progress
 * is pushed unasked (`progress`, `epoch`, `finished`).
 */
import type { BackendPreference, BackendReport } from '../tensor/backendTypes';
import type { DatasetSplit, ImageDataset, SplitName } from '../datasets/imageDataset';
import type { PhantomDatasetSpec } from '../datasets/phantomTrainingSet';
import type { StoredModel, StoredModelMeta } from './modelStore';
import type {
  BatchRecord,
  EpochRecord,
  Evaluation,
  ExampleCam,
  TrainConfig,
  TrainProgress,
  TrainingErrorInfo,
} from './trainingTypes';

/** Requests the page sends, without their id. */
export type TrainerRequest =
  /**
   * Loads tfjs in the worker and picks the backend as initBackend does. `zooBaseUrl`: the app's
   * base URL as an absolute URL (e.g. `new URL(import.meta.env.BASE_URL, document.baseURI).href`),
   * where `models/<id>/` holds the zoo's weights for `pretrained` models; in a worker, relative
   * URLs would resolve against the worker script. Reply: `BackendReport`.
   */
  | { type: 'init'; backend: BackendPreference; zooBaseUrl?: string }
  /**
   * Generates a phantom dataset in the worker (seconds of work kept off the page). The worker does
   * not keep it; the page shows it and sends it back with `setData`. Reply: `ImageDataset`.
   */
  | { type: 'makePhantom'; spec: PhantomDatasetSpec }
  /** Replaces the data (the model and optimizer are rebuilt at the next `configure`). Reply: null. */
  | { type: 'setData'; dataset: ImageDataset; split: DatasetSplit }
  /** Builds a fresh model + optimizer for `config` (or fails if no data). Reply: `ConfiguredInfo`. */
  | { type: 'configure'; config: TrainConfig }
  /** Runs steps until all epochs are done, or pause/stop. Reply (at once): null. */
  | { type: 'play' }
  /** Pauses after the current step. Reply once paused: `TrainProgress`. */
  | { type: 'pause' }
  /** Runs exactly one batch (while paused or ready). Reply: `TrainProgress`. */
  | { type: 'step' }
  /** Ends the run after the current step (the model keeps its weights). Reply: `TrainProgress`. */
  | { type: 'stop' }
  /** The model's probabilities on a split. Reply: `Evaluation`. */
  | { type: 'evaluate'; split: SplitName }
  /** Grad-CAM (or HiResCAM) of dataset images for a class. Reply: `ExampleCam[]`. */
  | { type: 'gradCam'; indices: readonly number[]; classIndex: number; method?: 'grad-cam' | 'hires-cam' }
  /** Saves the model under `meta.name` in IndexedDB. Reply: `StoredModelMeta`. */
  | { type: 'save'; meta: Omit<StoredModelMeta, 'savedAt' | 'params' | 'inputSize'> }
  /** The model as tfjs artifacts, for export. Reply: `StoredModel`. */
  | { type: 'export'; meta: Omit<StoredModelMeta, 'savedAt' | 'params' | 'inputSize'> }
  /** Loads a stored/imported model as the current model (for evaluation or more training). Reply: `ConfiguredInfo`. */
  | { type: 'load'; model: StoredModel; config: TrainConfig }
  /** Live tensor count in the worker (tests, memory display). Reply: number. */
  | { type: 'memory' }
  /** Disposes the model, optimizer and data. Reply: null. */
  | { type: 'dispose' };

/** What `configure` and `load` reply. */
export interface ConfiguredInfo {
  params: number;
  /** Layer names with output shapes, for the page's summary. */
  layers: readonly { name: string; kind: string; outputShape: readonly (number | null)[] }[];
  progress: TrainProgress;
}

/** A request as sent: with its id. */
export type TrainerMessage = TrainerRequest & { id: number };

/** Messages the worker sends. */
export type TrainerEvent =
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: TrainingErrorInfo }
  /** Throttled (at most every PROGRESS_INTERVAL_MS, 500 ms): the batches since the last event and the counters. */
  | { type: 'progress'; batches: BatchRecord[]; progress: TrainProgress }
  | { type: 'epoch'; record: EpochRecord; progress: TrainProgress }
  /** The run ended (all epochs done, or stopped); the last batches not yet sent come with it. */
  | { type: 'finished'; batches: BatchRecord[]; progress: TrainProgress }
  /** A failure outside any request (e.g. during play). */
  | { type: 'error'; error: TrainingErrorInfo };

/** The reply types by request type, for the typed client. */
export interface TrainerReplies {
  init: BackendReport;
  makePhantom: ImageDataset;
  setData: null;
  configure: ConfiguredInfo;
  play: null;
  pause: TrainProgress;
  step: TrainProgress;
  stop: TrainProgress;
  evaluate: Evaluation;
  gradCam: ExampleCam[];
  save: StoredModelMeta;
  export: StoredModel;
  load: ConfiguredInfo;
  memory: number;
  dispose: null;
}
