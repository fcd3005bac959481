/**
 * The train-classifier lesson's pure parts: params ↔ spec/config/split maps (every parameter value
 * maps to a valid spec or config and back), the quiz's computed answers against hand-worked values,
 * the overfitting and augmentation maths on hand-made epoch records, the imbalance figures on a
 * hand-worked set, and how the experiments' runs are found among the store's runs.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTY_PRESETS, validatePhantomSpec } from '../../../src/core/datasets/phantomTrainingSet';
import { coerceParam } from '../../../src/core/lessons/lessonState';
import type { NumberParamDef, ParamDef, ParamValues } from '../../../src/core/lessons/types';
import { NO_AUGMENT, type TrainConfig } from '../../../src/core/training/trainingTypes';
import { DEFAULT_CUSTOM } from '../../../src/ui/training/SetupPanel';
import { trainClassifier } from '../../../src/lessons/train-classifier/trainClassifier';
import {
  augmentFromParams,
  BLOCKS_PARAM,
  DATA_PARAMS,
  DENSE_PARAM,
  EXPERIMENT_AUGMENT_PARAMS,
  experimentAugmentFromParams,
  experimentConfig,
  FILTERS_PARAM,
  ignoredSetupParams,
  sameConfig,
  phantomSpecFromParams,
  phantomSpecKey,
  phantomSpecToParams,
  SETUP_PARAMS,
  SMALL_SET_BATCH,
  splitOptionsFromParams,
  splitOptionsToParams,
  trainConfigFromParams,
  trainConfigToParams,
} from '../../../src/lessons/train-classifier/trainClassifierParams';
import {
  alwaysNormalAccuracy,
  batchesPerEpochAnswer,
  constantAuc,
  exampleCurve,
  observedRate,
  ppvAnswer,
  sensitivityAnswer,
  specificityOfTable,
  stepsAnswer,
  trainClassifierQuiz,
} from '../../../src/lessons/train-classifier/trainClassifierQuiz';

const defaults = (params: readonly ParamDef[]): Record<string, number | string> =>
  Object.fromEntries(params.map((p) => [p.id, p.default]));

/** Every value of an enum; for a number, its ends, its default and a few grid points between. */
function sampleValues(p: ParamDef): (number | string)[] {
  if (p.kind === 'enum') return p.options.map((o) => o.value);
  if (p.kind === 'text') return [p.default];
  const n = p as NumberParamDef;
  const k = Math.floor((n.max - n.min) / n.step + 1e-9);
  return [
    ...new Set(
      [0, 1, Math.floor(k / 3), Math.floor(k / 2), k - 1, k].map((i) =>
        coerceParam(n, String(n.min + i * n.step)),
      ),
    ),
  ].concat(n.default);
}

/** Each parameter set to each sampled value, the others at their defaults. */
function variations(params: readonly ParamDef[]): [string, ParamValues][] {
  const base = defaults(params);
  return params.flatMap((p) =>
    sampleValues(p).map((v): [string, ParamValues] => [`${p.id}=${v}`, { ...base, [p.id]: v }]),
  );
}

function validConfig(c: TrainConfig): void {
  expect(c.batchSize).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(c.batchSize)).toBe(true);
  expect(c.epochs).toBeGreaterThanOrEqual(1);
  expect(c.optimizer.learningRate).toBeGreaterThan(0);
  expect(c.weightDecay).toBeGreaterThanOrEqual(0);
  expect(['sgd', 'momentum', 'adam']).toContain(c.optimizer.kind);
  if (c.optimizer.kind === 'momentum') expect(c.optimizer.momentum).toBe(0.9);
  if (c.model.kind === 'custom') {
    expect([3, 5]).toContain(c.model.kernel);
    expect(c.model.blocks).toBeGreaterThanOrEqual(1);
    expect(c.model.filters).toBeGreaterThanOrEqual(1);
  } else expect(['mlp', 'lenet5', 'tiny-vgg', 'mobilenet', 'resnet']).toContain(c.model.id);
  const a = c.augment;
  for (const v of [a.rotateDeg, a.shiftPx, a.intensity, a.noise]) expect(v).toBeGreaterThanOrEqual(0);
}

describe('train-classifier parameters', () => {
  it('a plain link names the easy preset, 600 images, half with a lesion, and the default split', () => {
    const spec = phantomSpecFromParams({});
    expect(spec).toEqual({
      task: 'nodule',
      count: 600,
      positiveFraction: 0.5,
      seed: 1,
      imagesPerPatient: 1,
      difficulty: DIFFICULTY_PRESETS.easy,
    });
    expect(splitOptionsFromParams({})).toEqual({
      fractions: { train: 0.7, validation: 0.15, test: 0.15 },
      seed: 1,
      byPatient: true,
      usePreset: true,
    });
  });

  it('every preset lies on the parameters’ grids and survives the trip through the URL', () => {
    for (const preset of Object.values(DIFFICULTY_PRESETS)) {
      const spec = { ...phantomSpecFromParams({}), difficulty: preset };
      expect(phantomSpecFromParams(phantomSpecToParams(spec)).difficulty).toEqual(preset);
    }
  });

  it.each(variations(DATA_PARAMS))('data %s → a valid spec and split, and back', (_name, values) => {
    const spec = phantomSpecFromParams(values);
    const valid =
      spec.positiveFraction * spec.count >= 0.5 && (1 - spec.positiveFraction) * spec.count >= 0.5;
    if (valid && spec.imagesPerPatient <= spec.count) expect(() => validatePhantomSpec(spec)).not.toThrow();
    const back = phantomSpecToParams(spec);
    // A smallest lesion above the largest comes back swapped; everything else as it was.
    const swapped = Number(values.smin) > Number(values.smax);
    for (const [id, v] of Object.entries(back))
      if (!(swapped && (id === 'smin' || id === 'smax'))) expect(v, id).toBe(values[id]);
    expect(phantomSpecFromParams({ ...values, ...back })).toEqual(spec);
    expect(phantomSpecKey(phantomSpecFromParams({ ...values, ...back }))).toBe(phantomSpecKey(spec));
    const split = splitOptionsFromParams(values);
    const f = split.fractions;
    expect(f.train + f.validation + f.test).toBeCloseTo(1, 9);
    for (const v of [f.train, f.validation, f.test]) expect(v).toBeGreaterThanOrEqual(0);
    const splitBack = splitOptionsToParams(split);
    expect(splitOptionsFromParams({ ...values, ...splitBack })).toEqual(split);
  });

  it('sameConfig ignores key order but not values', () => {
    const a = trainConfigFromParams({});
    const { seed, ...rest } = a;
    const reordered = {
      seed,
      ...rest,
      optimizer: { learningRate: a.optimizer.learningRate, kind: a.optimizer.kind },
    };
    expect(Object.keys(reordered)[0]).toBe('seed');
    expect(sameConfig(a, reordered)).toBe(true);
    expect(sameConfig(a, { ...a, seed: 2 })).toBe(false);
    expect(sameConfig(a, { ...a, augment: { ...a.augment, flip: true } })).toBe(false);
  });

  it('a smallest lesion above the largest is swapped, not rejected', () => {
    expect(phantomSpecFromParams({ smin: 20, smax: 5 }).difficulty.lesionSizeMm).toEqual([5, 20]);
  });

  it('the validation share is cut to what the training share leaves; the test share is the rest', () => {
    expect(splitOptionsFromParams({ ftrain: 0.9, fval: 0.3 }).fractions).toEqual({
      train: 0.9,
      validation: 0.1,
      test: 0,
    });
    expect(splitOptionsFromParams({ ftrain: 0.6, fval: 0.25 }).fractions).toEqual({
      train: 0.6,
      validation: 0.25,
      test: 0.15,
    });
  });

  it.each(variations(SETUP_PARAMS))('setup %s → a valid config, and back', (_name, values) => {
    const config = trainConfigFromParams(values);
    validConfig(config);
    const back = trainConfigToParams(config);
    const ignored = ignoredSetupParams(values);
    for (const [id, v] of Object.entries(back)) if (!ignored.includes(id)) expect(v, id).toBe(values[id]);
    expect(trainConfigFromParams(back)).toEqual(config);
  });

  it('a custom model reads the stack’s sizes; a zoo model its pretrained switch', () => {
    expect(
      trainConfigFromParams({ model: 'custom', blocks: 3, filters: 16, kernel: '5', dense: 0 }).model,
    ).toEqual({
      kind: 'custom',
      blocks: 3,
      filters: 16,
      kernel: 5,
      dense: 0,
    });
    expect(trainConfigFromParams({ model: 'resnet', pre: 'on' }).model).toEqual({
      kind: 'zoo',
      id: 'resnet',
      pretrained: true,
    });
    // The custom stack's defaults are the setup panel's.
    const m = trainConfigFromParams({ ...defaults(SETUP_PARAMS), model: 'custom' }).model;
    expect(m).toEqual(DEFAULT_CUSTOM);
    expect([BLOCKS_PARAM.default, FILTERS_PARAM.default, DENSE_PARAM.default]).toEqual([
      DEFAULT_CUSTOM.blocks,
      DEFAULT_CUSTOM.filters,
      DEFAULT_CUSTOM.dense,
    ]);
  });

  it('a config off the grid is snapped (seed, learning rate) and explicit class weights become none', () => {
    const config: TrainConfig = {
      ...trainConfigFromParams({}),
      optimizer: { kind: 'adam', learningRate: 0.00123456789 },
      seed: 12.6,
      classWeights: [1, 3],
    };
    const back = trainConfigToParams(config);
    expect(back.lr).toBe(0.001235);
    expect(back.tseed).toBe(13);
    expect(back.cw).toBe('none');
  });

  it('the augmentation of step 6 defaults to on; of step 2, to off', () => {
    expect(augmentFromParams({})).toEqual(NO_AUGMENT);
    const on = experimentAugmentFromParams({});
    expect(on).toEqual({ flip: true, rotateDeg: 15, shiftPx: 4, intensity: 0.1, noise: 0.02 });
    expect(experimentAugmentFromParams({ flip: 'off', rot: 0 })).toEqual({
      ...on,
      flip: false,
      rotateDeg: 0,
    });
    expect(EXPERIMENT_AUGMENT_PARAMS.every((p) => !p.hidden)).toBe(true);
  });

  it('an experiment keeps the setup’s model, optimizer and seed, with its own batch, epochs and augmentation', () => {
    const base = trainConfigFromParams({
      model: 'lenet5',
      opt: 'sgd',
      lr: 0.01,
      tseed: 7,
      wd: 0.001,
      cw: 'balanced',
    });
    const c = experimentConfig(base, 30, NO_AUGMENT);
    expect(c).toEqual({
      ...base,
      batchSize: SMALL_SET_BATCH,
      epochs: 30,
      augment: NO_AUGMENT,
      weightDecay: 0,
      classWeights: 'none',
    });
  });

  it('the dataset and setup parameters are hidden (the panels draw them); the experiments’ are not', () => {
    const byId = Object.fromEntries(trainClassifier.steps.map((s) => [s.id, s]));
    expect(byId.dataset!.params.every((p) => p.hidden)).toBe(true);
    expect(byId.setup!.params.every((p) => p.hidden)).toBe(true);
    for (const id of ['overfitting', 'augmentation', 'imbalance'])
      expect(
        byId[id]!.params.every((p) => !p.hidden),
        id,
      ).toBe(true);
  });
});

describe('train-classifier quiz answers', () => {
  const q = (id: string) => trainClassifierQuiz.questions.find((x) => x.id === id)!;

  it('sensitivity and PPV of the worked table: 45/50 and 45/140', () => {
    expect(sensitivityAnswer).toBeCloseTo(0.9, 12);
    expect(ppvAnswer).toBeCloseTo(45 / 140, 12);
    expect(ppvAnswer).toBeCloseTo(0.3214, 4);
    expect(specificityOfTable).toBeCloseTo(855 / 950, 12);
    const s = q('sensitivity');
    const p = q('ppv');
    expect(s.kind === 'numeric' && s.answer).toBe(sensitivityAnswer);
    expect(p.kind === 'numeric' && p.answer).toBe(ppvAnswer);
    expect(p.explanation.en).toContain('= 0.321');
  });

  it('batches: ⌈420/32⌉ = 14 per epoch, 70 updates in 5 epochs', () => {
    expect(batchesPerEpochAnswer).toBe(14);
    expect(stepsAnswer).toBe(70);
    const b = q('batch-steps');
    expect(b.kind === 'numeric' && b.answer).toBe(70);
  });

  it('always-normal accuracy 0.98 and a constant score’s AUC 0.5', () => {
    expect(alwaysNormalAccuracy).toBeCloseTo(0.98, 12);
    expect(constantAuc).toBe(0.5);
    expect(q('auc-imbalance').prompt.en).toContain('98 %');
  });

  it('the overfitting curve has its best validation epoch at 8 and a growing gap', () => {
    expect(exampleCurve.bestEpoch).toBe(8);
    expect(exampleCurve.bestValidationLoss).toBeCloseTo(0.41, 12);
    expect(exampleCurve.firstTrainLoss).toBeCloseTo(0.69, 12);
    expect(exampleCurve.finalValidationLoss).toBeCloseTo(0.41 + 0.0018 * 22 * 22, 12);
    const c = q('overfit-curve');
    expect(c.kind === 'choice' && c.correct).toBe('best');
    expect(c.prompt.en).toContain('at epoch 8');
  });

  it('calibration: 120 of 200 observed is 0.6 below the predicted 0.9', () => {
    expect(observedRate).toBe(0.6);
    const c = q('calibration');
    expect(c.kind === 'choice' && c.correct).toBe('overconfident');
  });

  it('has 6–8 questions mixing numeric and choice', () => {
    const qs = trainClassifierQuiz.questions;
    expect(qs.length).toBeGreaterThanOrEqual(6);
    expect(qs.length).toBeLessThanOrEqual(8);
    expect(qs.some((x) => x.kind === 'numeric')).toBe(true);
    expect(qs.some((x) => x.kind === 'choice')).toBe(true);
  });
});
