/**
 * Finding the runs of the lesson's small-set experiments (steps 5 and 6) among the training store's
 * runs, and the live epochs of one while it trains. A run belongs to an experiment when its config
 * is the experiment's (see `experimentConfig`) and it trained on the experiment's number of images.
 */
import { isIdentityAugment } from '../../core/training/BatchSampler';
import type { AugmentSpec, EpochRecord, TrainConfig } from '../../core/training/trainingTypes';
import type { RunRecord, TrainingStoreState } from '../../ui/training/trainingStoreTypes';
import { experimentConfig, sameConfig as sameConfigValues, SMALL_SET_BATCH } from './trainClassifierParams';

/** What an experiment trains: how many images, how many epochs, with which augmentation. */
export interface ExperimentSpec {
  small: number;
  epochs: number;
  augment: AugmentSpec;
}

const sameAugment = (a: AugmentSpec, b: AugmentSpec): boolean =>
  isIdentityAugment(a) && isIdentityAugment(b)
    ? true
    : a.flip === b.flip &&
      a.rotateDeg === b.rotateDeg &&
      a.shiftPx === b.shiftPx &&
      a.intensity === b.intensity &&
      a.noise === b.noise;

/** True when `config` is the config of experiment `e` (batch, epochs and augmentation). */
export function isExperimentConfig(config: TrainConfig, e: ExperimentSpec): boolean {
  return (
    config.batchSize === SMALL_SET_BATCH &&
    config.epochs === e.epochs &&
    sameAugment(config.augment, e.augment)
  );
}

/**
 * The most recent finished (or stopped) run of experiment `e`, or undefined. `trainCount` must be
 * `e.small`, or smaller when the training split itself was smaller.
 */
export function latestExperimentRun(runs: readonly RunRecord[], e: ExperimentSpec): RunRecord | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i]!;
    if (r.trainCount <= e.small && isExperimentConfig(r.config, e)) return r;
  }
  return undefined;
}

/** The part of the store an experiment's live view reads. */
export type LiveState = Pick<TrainingStoreState, 'config' | 'trainLimit' | 'progress' | 'epochs'>;

/**
 * The epochs of experiment `e` while it is the store's current run (training, paused, or just
 * finished with the same config and limit), else null.
 */
export function liveExperimentEpochs(state: LiveState, e: ExperimentSpec): readonly EpochRecord[] | null {
  const s = state.progress?.state;
  if (s === undefined || s === 'empty') return null;
  if (state.trainLimit !== e.small || !isExperimentConfig(state.config, e)) return null;
  return state.epochs;
}

/** True while the store's current run is training (or paused mid-run). */
export function isTraining(state: Pick<TrainingStoreState, 'progress'>): boolean {
  const s = state.progress?.state;
  return s === 'running' || s === 'paused';
}

/** The store actions an experiment needs. */
export type ExperimentStore = Pick<TrainingStoreState, 'config' | 'setTrainLimit' | 'setConfig' | 'train'>;

/** The setup's config before the first experiment, and the config the last experiment set. */
let setupBeforeExperiments: TrainConfig | null = null;
let lastExperimentConfig: TrainConfig | null = null;

const sameConfig = (a: TrainConfig | null, b: TrainConfig | null): boolean =>
  a !== null && b !== null && sameConfigValues(a, b);

/**
 * Starts experiment `e` on the store: the training split cut to `e.small` images (stratified), the
 * setup's model, optimizer and seed with the experiment's batch, epochs and augmentation. The
 * setup's own config is remembered, so that a later full run can go back to it.
 */
export async function runExperiment(
  store: ExperimentStore,
  e: ExperimentSpec,
  label: TrainingStoreState['runs'][number]['label'],
): Promise<void> {
  if (!sameConfig(store.config, lastExperimentConfig)) setupBeforeExperiments = store.config;
  const config = experimentConfig(setupBeforeExperiments ?? store.config, e.epochs, e.augment);
  lastExperimentConfig = config;
  store.setTrainLimit(e.small);
  store.setConfig(config);
  await store.train(label);
}

/**
 * The config a full run should use: the setup's config when the store still holds the config the
 * last experiment set, else the store's config.
 */
export function fullRunConfig(current: TrainConfig): TrainConfig {
  return sameConfig(current, lastExperimentConfig) && setupBeforeExperiments
    ? setupBeforeExperiments
    : current;
}

/** Forgets the remembered configs (tests; a reset store). */
export function resetExperimentMemory(): void {
  setupBeforeExperiments = null;
  lastExperimentConfig = null;
}
