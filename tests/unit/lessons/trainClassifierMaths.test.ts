/**
 * The train-classifier lesson's maths on hand-made data: the overfitting and augmentation figures
 * of epoch records, the imbalance figures of a hand-worked evaluated set, and how the experiments'
 * runs are found among the store's runs (and the setup config a full run goes back to).
 */
import { describe, expect, it } from 'vitest';
import { NO_AUGMENT, type TrainConfig } from '../../../src/core/training/trainingTypes';
import type { RunRecord } from '../../../src/ui/training/trainingStoreTypes';
import {
  fullRunConfig,
  isExperimentConfig,
  latestExperimentRun,
  liveExperimentEpochs,
  resetExperimentMemory,
  runExperiment,
  type ExperimentSpec,
} from '../../../src/lessons/train-classifier/experimentRuns';
import { binaryScores } from '../../../src/core/training/binaryMetrics';
import { imbalanceCurve, imbalanceFigures } from '../../../src/lessons/train-classifier/imbalanceMaths';
import {
  compareRuns,
  earlyStopping,
  overfitSummary,
  runBest,
} from '../../../src/lessons/train-classifier/overfitMaths';
import {
  experimentAugmentFromParams,
  experimentConfig,
  trainConfigFromParams,
} from '../../../src/lessons/train-classifier/trainClassifierParams';
import { epochRecords } from '../helpers/trainClassifierFixtures';

describe('overfitting maths', () => {
  // Training 0.7, 0.5, 0.3, 0.2, 0.1, 0.05; validation 0.6, 0.45, 0.4, 0.42, 0.5, 0.65:
  // best at epoch 3 (0.4); final gap 0.65 − 0.05 = 0.6; rise 0.65 − 0.4 = 0.25.
  const run = epochRecords([0.7, 0.5, 0.3, 0.2, 0.1, 0.05], [0.6, 0.45, 0.4, 0.42, 0.5, 0.65]);

  it('finds the best epoch, the final gap and the rise by hand', () => {
    const s = overfitSummary(run)!;
    expect(s.bestEpoch).toBe(3);
    expect(s.bestValidationLoss).toBe(0.4);
    expect(s.finalEpoch).toBe(6);
    expect(s.finalGap).toBeCloseTo(0.6, 12);
    expect(s.validationRise).toBeCloseTo(0.25, 12);
    expect(s.firstTrainLoss).toBe(0.7);
    expect(s.epochs).toBe(6);
  });

  it('takes the first epoch on a tie and skips epochs without validation', () => {
    const s = overfitSummary(epochRecords([1, 0.9, 0.8, 0.7], [0.5, null, 0.5, 0.6]))!;
    expect(s.bestEpoch).toBe(1);
    expect(s.epochs).toBe(3);
    expect(overfitSummary(epochRecords([1, 0.9], [null, null]))).toBeNull();
    expect(overfitSummary([])).toBeNull();
  });

  it('early stopping: patience 2 stops after epoch 5 keeping epoch 3; patience 3 runs to the end', () => {
    // After the best (epoch 3): epoch 4 no better (1), epoch 5 no better (2) → stop after 5.
    expect(earlyStopping(run, 2)).toEqual({ stopEpoch: 5, keptEpoch: 3, stoppedEarly: true });
    // Patience 3 would stop after epoch 6, the last one: not early.
    expect(earlyStopping(run, 3)).toEqual({ stopEpoch: 6, keptEpoch: 3, stoppedEarly: false });
    expect(earlyStopping(run, 10)).toEqual({ stopEpoch: 6, keptEpoch: 3, stoppedEarly: false });
    // Always improving: never stops, keeps the last.
    expect(earlyStopping(epochRecords([3, 2, 1], [3, 2, 1]), 1)).toEqual({
      stopEpoch: 3,
      keptEpoch: 3,
      stoppedEarly: false,
    });
    expect(earlyStopping([], 5)).toBeNull();
  });

  it('runBest and compareRuns state what was measured, with a tolerance', () => {
    const a = runBest(epochRecords([0.5, 0.3], [0.6, 0.5], [0.7, 0.8]));
    const b = runBest(epochRecords([0.5, 0.4], [0.45, 0.47], [0.85, 0.84]));
    expect(a).toEqual({ loss: { value: 0.5, epoch: 2 }, auc: { value: 0.8, epoch: 2 }, finalGap: 0.2 });
    expect(b.loss).toEqual({ value: 0.45, epoch: 1 });
    expect(b.auc).toEqual({ value: 0.85, epoch: 1 });
    expect(compareRuns(a, b)).toEqual({ loss: 'better', auc: 'better' });
    expect(compareRuns(b, a)).toEqual({ loss: 'worse', auc: 'worse' });
    const c = runBest(epochRecords([0.5], [0.505], [0.803]));
    expect(compareRuns(a, c)).toEqual({ loss: 'same', auc: 'same' });
    expect(compareRuns(a, runBest(epochRecords([0.5], [null])))).toEqual({ loss: 'unknown', auc: 'unknown' });
  });
});

describe('imbalance maths', () => {
  // 4 positives all scoring 0.9; 8 negatives scoring 0.1 ×6, 0.6, 0.7. At prevalence 0.2 the
  // largest subset keeps the 8 negatives and round(8·0.2/0.8) = 2 positives (which two does not
  // matter: they all score 0.9). At 0.5: TP 2, FN 0, FP 2 (0.6, 0.7), TN 6.
  const labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
  const scores = [0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.6, 0.7];
  const data = { scores: Float32Array.from(scores), labels: Uint8Array.from(labels) };

  it('computes the figures of the resampled set by hand', () => {
    const f = imbalanceFigures(data, 0.2, 3);
    expect(f.n).toBe(10);
    expect(f.positives).toBe(2);
    expect(f.prevalence).toBeCloseTo(0.2, 12);
    expect(f.alwaysNormalAccuracy).toBeCloseTo(0.8, 12);
    expect(f.accuracy).toBeCloseTo(0.8, 12); // (2 + 6) / 10
    expect(f.sensitivity).toBe(1);
    expect(f.specificity).toBeCloseTo(0.75, 12);
    expect(f.ppv).toBeCloseTo(0.5, 12); // 2 / (2 + 2)
    expect(f.auc).toBe(1);
    // Whole set: 12 images, AUC 1, prevalence 4/12; PPV there would be 4/6.
    expect(f.fullN).toBe(12);
    expect(f.fullAuc).toBe(1);
    expect(f.fullPrevalence).toBeCloseTo(1 / 3, 12);
    // Bayes at p = 0.2 with se 1, sp 6/8: PPV = 0.2 / (0.2 + 0.25·0.8) = 0.5; accuracy 0.2 + 0.75·0.8 = 0.8.
    expect(f.expectedPpv).toBeCloseTo(0.5, 12);
    expect(f.expectedAccuracy).toBeCloseTo(0.8, 12);
  });

  it('at prevalence 0.5 keeps the 4 positives and 4 of the negatives', () => {
    const f = imbalanceFigures(data, 0.5, 1);
    expect(f.n).toBe(8);
    expect(f.positives).toBe(4);
    expect(f.alwaysNormalAccuracy).toBe(0.5);
    expect(f.auc).toBe(1);
  });

  it('leaves no positive where the negatives cannot carry one, and the curve skips it', () => {
    const f = imbalanceFigures(data, 0.01, 1);
    expect(f.n).toBe(0);
    expect(Number.isNaN(f.accuracy)).toBe(true);
    const curve = imbalanceCurve(data, [1, 20, 50], 1);
    expect(curve.map((c) => c.prevalencePct)).toEqual([20, 50]);
  });

  it('reads class 1 of an evaluation as the positive class', () => {
    const b = binaryScores({
      split: 'validation',
      indices: Int32Array.from([0, 1, 2]),
      labels: Int32Array.from([0, 1, 2]),
      probabilities: Float32Array.from([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.3, 0.3, 0.4]),
      classes: 3,
    });
    expect([...b.scores].map((v) => Math.round(v * 10) / 10)).toEqual([0.1, 0.7, 0.3]);
    expect([...b.labels]).toEqual([0, 1, 0]);
  });
});

describe('experiment runs', () => {
  const base = trainConfigFromParams({});
  const plain: ExperimentSpec = { small: 24, epochs: 40, augment: NO_AUGMENT };
  const aug: ExperimentSpec = { small: 24, epochs: 40, augment: experimentAugmentFromParams({}) };
  const run = (id: number, config: TrainConfig, trainCount: number): RunRecord => ({
    id,
    label: { en: `Run ${id}`, zh: `第 ${id} 次` },
    config,
    trainCount,
    epochs: [],
    batches: [],
  });

  it('matches a run by batch, epochs, augmentation and training images', () => {
    expect(isExperimentConfig(experimentConfig(base, 40, NO_AUGMENT), plain)).toBe(true);
    expect(isExperimentConfig(experimentConfig(base, 40, NO_AUGMENT), aug)).toBe(false);
    expect(isExperimentConfig(experimentConfig(base, 30, NO_AUGMENT), plain)).toBe(false);
    expect(isExperimentConfig(base, plain)).toBe(false);
    const runs = [
      run(1, experimentConfig(base, 40, NO_AUGMENT), 24),
      run(2, experimentConfig(base, 40, aug.augment), 24),
      run(3, experimentConfig(base, 40, NO_AUGMENT), 420),
      run(4, experimentConfig(base, 40, NO_AUGMENT), 24),
    ];
    expect(latestExperimentRun(runs, plain)?.id).toBe(4);
    expect(latestExperimentRun(runs, aug)?.id).toBe(2);
    expect(latestExperimentRun(runs.slice(0, 1), aug)).toBeUndefined();
  });

  it('reads the live epochs only while the current run is the experiment', () => {
    const epochs = epochRecords([0.7], [0.6]);
    const progress = {
      state: 'running' as const,
      epoch: 1,
      epochs: 40,
      batchInEpoch: 1,
      batchesPerEpoch: 3,
      stepsDone: 4,
      stepsTotal: 120,
      trainMs: 10,
      examplesPerSec: 100,
    };
    const config = experimentConfig(base, 40, NO_AUGMENT);
    expect(liveExperimentEpochs({ config, trainLimit: 24, progress, epochs }, plain)).toBe(epochs);
    expect(liveExperimentEpochs({ config, trainLimit: null, progress, epochs }, plain)).toBeNull();
    expect(liveExperimentEpochs({ config, trainLimit: 24, progress: null, epochs }, plain)).toBeNull();
    expect(liveExperimentEpochs({ config: base, trainLimit: 24, progress, epochs }, plain)).toBeNull();
  });

  it('a full run after experiments goes back to the setup’s config; experiments do not stack', async () => {
    resetExperimentMemory();
    const setup = trainConfigFromParams({ batch: 64, epochs: 9, wd: 0.001 });
    let config = setup;
    const store = {
      get config() {
        return config;
      },
      setTrainLimit: () => undefined,
      setConfig: (c: Partial<TrainConfig>) => {
        config = { ...config, ...c };
      },
      train: async () => undefined,
    };
    await runExperiment(store, plain, { en: 'A', zh: '甲' });
    expect(config).toEqual(experimentConfig(setup, 40, NO_AUGMENT));
    await runExperiment(store, aug, { en: 'B', zh: '乙' });
    expect(config).toEqual(experimentConfig(setup, 40, aug.augment));
    expect(fullRunConfig(config)).toBe(setup);
    // A config changed since (on the setup step) is used as it is.
    const changed = { ...config, epochs: 3 };
    expect(fullRunConfig(changed)).toBe(changed);
    resetExperimentMemory();
    expect(fullRunConfig(config)).toBe(config);
  });

  it('runExperiment cuts the training set, sets the config and trains with the label', async () => {
    resetExperimentMemory();
    const calls: string[] = [];
    let config = base;
    const store = {
      get config() {
        return config;
      },
      setTrainLimit: (n: number | null) => calls.push(`limit ${n}`),
      setConfig: (c: Partial<TrainConfig>) => {
        config = { ...config, ...c };
        calls.push('config');
      },
      train: async (label?: { en: string }) => {
        calls.push(`train ${label?.en}`);
      },
    };
    await runExperiment(store, aug, { en: 'A', zh: '甲' });
    expect(calls).toEqual(['limit 24', 'config', 'train A']);
    expect(isExperimentConfig(config, aug)).toBe(true);
  });
});
