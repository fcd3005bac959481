/**
 * Fixtures of the train-classifier lesson's tests: hand-made epoch records, runs, a tiny dataset,
 * split and evaluation, and `withTrainingStoreSpies()`, which resets the training store before each
 * test with its actions replaced by spies (so that no worker starts) and gives a widget's props.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { DatasetSplit, ImageDataset } from '../../../src/core/datasets/imageDataset';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { Lang, ParamValues, StepDef } from '../../../src/core/lessons/types';
import type { EpochRecord, Evaluation, TrainConfig } from '../../../src/core/training/trainingTypes';
import { resetRequestedPhantom } from '../../../src/lessons/train-classifier/DataWidget';
import { resetExperimentMemory } from '../../../src/lessons/train-classifier/experimentRuns';
import { trainClassifier } from '../../../src/lessons/train-classifier/trainClassifier';
import { INITIAL_TRAINING_STATE, useTrainingStore } from '../../../src/ui/training/trainingStore';
import type { RunRecord, TrainingStoreState } from '../../../src/ui/training/trainingStoreTypes';

/** Both languages, for `it.each`. */
export const LANGS: Lang[] = ['en', 'zh'];

/** Epoch records with the given training and validation losses (and AUCs); null = none. */
export function epochRecords(
  train: readonly number[],
  validation: readonly (number | null)[],
  auc: readonly (number | null)[] = [],
): EpochRecord[] {
  return train.map((t, i) => ({
    epoch: i + 1,
    trainLoss: t,
    trainAccuracy: 0.5,
    validationLoss: validation[i] ?? null,
    validationAccuracy: 0.5,
    validationAuc: auc[i] ?? null,
    trainMs: 5,
  }));
}

/** A finished run of `config` with these epochs (3 batches each) on `trainCount` images. */
export function runRecord(
  id: number,
  config: TrainConfig,
  epochs: EpochRecord[],
  trainCount = 24,
): RunRecord {
  return {
    id,
    label: { en: `Run ${id}`, zh: `第 ${id} 次` },
    config,
    trainCount,
    epochs,
    batches: epochs.flatMap((e) =>
      [1, 2, 3].map((k) => ({
        step: (e.epoch - 1) * 3 + k,
        epoch: e.epoch,
        loss: e.trainLoss,
        accuracy: 0.5,
      })),
    ),
  };
}

/** 8 images of 4 × 4: labels 0,1,0,1,0,1,0,1; a patient each. */
export function fixtureDataset(kind: 'phantom' | 'folder' = 'phantom'): ImageDataset {
  return {
    size: 4,
    count: 8,
    images: Float32Array.from({ length: 128 }, (_, i) => (i % 16) / 16),
    labels: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
    classNames: [
      { en: 'no nodule', zh: '无结节' },
      { en: 'nodule', zh: '结节' },
    ],
    patientIds: Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
    presetSplit: null,
    spacingMm: 0.7,
    source:
      kind === 'phantom'
        ? { kind: 'phantom', description: { en: 'phantom', zh: '体模' } }
        : { kind: 'folder', name: 'mine' },
  };
}

/** A split of {@link fixtureDataset}: 6 training images, 1 validation, 1 test. */
export const fixtureSplit: DatasetSplit = {
  train: Int32Array.from([0, 1, 2, 3, 4, 5]),
  validation: Int32Array.from([6]),
  test: Int32Array.from([7]),
};

/**
 * 12 evaluated images: class-1 scores 0.9 for the 4 positives; 0.1 ×6, 0.6 and 0.7 for the 8
 * negatives (worked by hand in trainClassifierMaths.test.ts).
 */
export const fixtureEvaluation: Evaluation = {
  split: 'validation',
  indices: Int32Array.from({ length: 12 }, (_, i) => i),
  labels: Int32Array.from([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
  probabilities: Float32Array.from(
    [0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.6, 0.7].flatMap((s) => [1 - s, s]),
  ),
  classes: 2,
};

const ACTIONS = [
  'loadPhantom',
  'loadFiles',
  'loadZip',
  'loadMedMnist',
  'downloadMedMnist',
  'setSplitOptions',
  'setTrainLimit',
  'setConfig',
  'train',
  'play',
  'pause',
  'step',
  'stop',
  'evaluate',
  'gradCam',
  'saveModel',
  'refreshModels',
] as const;

/** The spies of the store's actions, by name. */
export type StoreSpies = Record<(typeof ACTIONS)[number], ReturnType<typeof vi.fn>>;

/**
 * Registers hooks that, before each test, reset the training store with spies for its actions
 * (read them with the returned getter), and after each, unmount and restore real timers.
 */
export function withTrainingStoreSpies(): () => StoreSpies {
  let spies: StoreSpies | null = null;
  beforeAll(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  beforeEach(() => {
    resetRequestedPhantom();
    resetExperimentMemory();
    spies = Object.fromEntries(ACTIONS.map((n) => [n, vi.fn(async () => undefined)])) as StoreSpies;
    useTrainingStore.setState({
      ...(spies as unknown as Partial<TrainingStoreState>),
      ...INITIAL_TRAINING_STATE,
    });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
  return () => spies!;
}

/** The props the lesson page gives the widget of step `id` (defaults overridden by `params`). */
export function stepProps(id: string, params: ParamValues = {}, lang: Lang = 'en') {
  const step: StepDef = trainClassifier.steps.find((s) => s.id === id)!;
  return {
    lesson: trainClassifier,
    step,
    params: { ...defaultParams(step), ...params },
    lang,
    setParam: vi.fn(),
  };
}
