/**
 * The step parameters of the `train-classifier` lesson and the pure maps between them and what the
 * training store takes: a phantom data set spec and its split (step 1, here), a training config
 * (step 2, in setupParams.ts, re-exported) and the experiments of steps 5–7 (here). The URL is the
 * truth for what these cover, so a link reproduces the phantom set and the setup; the data and
 * setup parameters are `hidden` because the widgets draw the training panels' own controls.
 */
import type { EnumParamDef, NumberParamDef, ParamDef, ParamValues } from '../../core/lessons/types';
import { snapNumber } from '../../core/lessons/lessonState';
import {
  DIFFICULTY_PRESETS,
  type PhantomDatasetSpec,
  type PhantomTrainingTask,
} from '../../core/datasets/phantomTrainingSet';
import type { AugmentSpec, TrainConfig } from '../../core/training/trainingTypes';
import type { SplitOptions } from '../../ui/training/trainingStoreTypes';
import { enumValue, MAX_SEED, n, num, onOff, s, type ParamPatch } from './paramBuilders';
import {
  AUG_NOISE_PARAM,
  augmentFromParams,
  FLIP_PARAM,
  INTENSITY_PARAM,
  ROTATE_PARAM,
  SHIFT_PARAM,
} from './setupParams';

export * from './setupParams';
export { changedParams, paramsKey, type ParamPatch } from './paramBuilders';

/** The phantom task: lung nodule patches or head CT slices with or without a haemorrhage. */
export const TASK_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'task',
  label: { en: 'Phantom task', zh: '体模任务' },
  options: [
    { value: 'nodule', label: { en: 'Lung nodule patches', zh: '肺结节图块' } },
    { value: 'haemorrhage', label: { en: 'Head CT haemorrhage', zh: '头部 CT 出血' } },
  ],
  default: 'nodule',
  hidden: true,
};

/** Number of images. */
export const COUNT_PARAM = num('n', 'Images', '图像数', 4, 20000, 1, 600);
/** Share of images with a lesion. */
export const POSITIVE_PARAM = num('pos', 'Share with a lesion', '含病灶的比例', 0.05, 0.95, 0.01, 0.5);
/** Images per phantom patient. */
export const PER_PATIENT_PARAM = num('ipp', 'Images per patient', '每位患者的图像数', 1, 50, 1, 1);
/** Seed of the phantom set (and of its split). */
export const DATA_SEED_PARAM = num('seed', 'Random seed of the data', '数据的随机种子', 0, MAX_SEED, 1, 1);
/** The difficulty a plain link gets: the `easy` preset (a first run that learns in a few epochs). */
const START = DIFFICULTY_PRESETS.easy;
/** Smallest lesion size, mm. */
export const SIZE_MIN_PARAM = num(
  'smin',
  'Smallest lesion, mm',
  '最小病灶（毫米）',
  1,
  40,
  0.1,
  START.lesionSizeMm[0],
);
/** Largest lesion size, mm. */
export const SIZE_MAX_PARAM = num(
  'smax',
  'Largest lesion, mm',
  '最大病灶（毫米）',
  1,
  40,
  0.1,
  START.lesionSizeMm[1],
);
/** Lesion contrast: 1 = the zoo's task, 0 = invisible. */
export const CONTRAST_PARAM = num('con', 'Lesion contrast', '病灶对比度', 0, 2, 0.01, START.contrast);
/** Image noise, HU (standard deviation). */
export const NOISE_PARAM = num('noise', 'Image noise, HU', '图像噪声（HU）', 0, 200, 0.1, START.noiseHu);
/** Keep each patient's images in one split. */
export const BY_PATIENT_PARAM = onOff('bypat', 'Split by patient', '按患者划分', 'on');
/** Use the publisher's split where the data has one (MedMNIST). */
export const PRESET_SPLIT_PARAM = onOff('preset', 'Use the publisher’s split', '使用发布者的划分', 'on');
/** The default split: 70 % training, 15 % validation, 15 % test. */
export const SPLIT_FRACTIONS = { train: 0.7, validation: 0.15, test: 0.15 } as const;
/** Share of the images used for training. */
export const TRAIN_FRACTION_PARAM = num(
  'ftrain',
  'Training share',
  '训练集比例',
  0.05,
  1,
  0.01,
  SPLIT_FRACTIONS.train,
);
/** Share of the images used for validation (the test split gets the rest). */
export const VALIDATION_FRACTION_PARAM = num(
  'fval',
  'Validation share',
  '验证集比例',
  0,
  0.95,
  0.01,
  SPLIT_FRACTIONS.validation,
);
/** Seed of the split. */
export const SPLIT_SEED_PARAM = num('sseed', 'Random seed of the split', '划分的随机种子', 0, MAX_SEED, 1, 1);

/** Every parameter of the data step, in URL order. */
export const DATA_PARAMS: readonly ParamDef[] = [
  TASK_PARAM,
  COUNT_PARAM,
  POSITIVE_PARAM,
  PER_PATIENT_PARAM,
  DATA_SEED_PARAM,
  SIZE_MIN_PARAM,
  SIZE_MAX_PARAM,
  CONTRAST_PARAM,
  NOISE_PARAM,
  TRAIN_FRACTION_PARAM,
  VALIDATION_FRACTION_PARAM,
  SPLIT_SEED_PARAM,
  BY_PATIENT_PARAM,
  PRESET_SPLIT_PARAM,
];

/** The phantom set a data step's parameters name (a smallest size above the largest is swapped). */
export function phantomSpecFromParams(values: ParamValues): PhantomDatasetSpec {
  const a = n(values, SIZE_MIN_PARAM);
  const b = n(values, SIZE_MAX_PARAM);
  return {
    task: s(values, TASK_PARAM) as PhantomTrainingTask,
    count: n(values, COUNT_PARAM),
    positiveFraction: n(values, POSITIVE_PARAM),
    seed: n(values, DATA_SEED_PARAM),
    imagesPerPatient: n(values, PER_PATIENT_PARAM),
    difficulty: {
      lesionSizeMm: [Math.min(a, b), Math.max(a, b)],
      contrast: n(values, CONTRAST_PARAM),
      noiseHu: n(values, NOISE_PARAM),
    },
  };
}

/** The data-step parameters of a phantom spec, each snapped onto its grid. */
export function phantomSpecToParams(spec: PhantomDatasetSpec): ParamPatch {
  return {
    [TASK_PARAM.id]: enumValue(TASK_PARAM, spec.task),
    [COUNT_PARAM.id]: snapNumber(COUNT_PARAM, spec.count),
    [POSITIVE_PARAM.id]: snapNumber(POSITIVE_PARAM, spec.positiveFraction),
    [PER_PATIENT_PARAM.id]: snapNumber(PER_PATIENT_PARAM, spec.imagesPerPatient),
    [DATA_SEED_PARAM.id]: snapNumber(DATA_SEED_PARAM, spec.seed),
    [SIZE_MIN_PARAM.id]: snapNumber(SIZE_MIN_PARAM, spec.difficulty.lesionSizeMm[0]),
    [SIZE_MAX_PARAM.id]: snapNumber(SIZE_MAX_PARAM, spec.difficulty.lesionSizeMm[1]),
    [CONTRAST_PARAM.id]: snapNumber(CONTRAST_PARAM, spec.difficulty.contrast),
    [NOISE_PARAM.id]: snapNumber(NOISE_PARAM, spec.difficulty.noiseHu),
  };
}

/** Rounds a share to the grid of hundredths (so that 1 − 0.7 − 0.15 is 0.15, not 0.15000000000000002). */
const hundredths = (v: number): number => Math.round(v * 100) / 100;

/**
 * The split the data step's parameters name: training share t, validation share
 * v = min(v, 1 − t), test share 1 − t − v; the seed; by patient or not; the publisher's split
 * where the data has one (MedMNIST) or not.
 */
export function splitOptionsFromParams(values: ParamValues): SplitOptions {
  const train = n(values, TRAIN_FRACTION_PARAM);
  const validation = hundredths(Math.min(n(values, VALIDATION_FRACTION_PARAM), 1 - train));
  return {
    fractions: { train, validation, test: Math.max(0, hundredths(1 - train - validation)) },
    seed: n(values, SPLIT_SEED_PARAM),
    byPatient: s(values, BY_PATIENT_PARAM) === 'on',
    usePreset: s(values, PRESET_SPLIT_PARAM) === 'on',
  };
}

/** The data-step parameters of split options, snapped onto their grids. */
export function splitOptionsToParams(options: SplitOptions): ParamPatch {
  return {
    [TRAIN_FRACTION_PARAM.id]: snapNumber(TRAIN_FRACTION_PARAM, options.fractions.train),
    [VALIDATION_FRACTION_PARAM.id]: snapNumber(VALIDATION_FRACTION_PARAM, options.fractions.validation),
    [SPLIT_SEED_PARAM.id]: snapNumber(SPLIT_SEED_PARAM, options.seed),
    [BY_PATIENT_PARAM.id]: options.byPatient ? 'on' : 'off',
    [PRESET_SPLIT_PARAM.id]: options.usePreset ? 'on' : 'off',
  };
}

/** True when two split options are the same (fractions, seed, grouping, preset). */
export function sameSplitOptions(a: SplitOptions, b: SplitOptions): boolean {
  return (
    a.seed === b.seed &&
    a.byPatient === b.byPatient &&
    a.usePreset === b.usePreset &&
    a.fractions.train === b.fractions.train &&
    a.fractions.validation === b.fractions.validation &&
    a.fractions.test === b.fractions.test
  );
}

/** A key that is equal for equal specs (to tell whether the loaded set is the one the link names). */
export function phantomSpecKey(spec: PhantomDatasetSpec): string {
  const d = spec.difficulty;
  return [
    spec.task,
    spec.count,
    spec.positiveFraction,
    spec.seed,
    spec.imagesPerPatient,
    d.lesionSizeMm[0],
    d.lesionSizeMm[1],
    d.contrast,
    d.noiseHu,
  ].join('|');
}

// ---------------------------------------------------------------------------------------------
// Steps 5–7: the experiments.

/** Training images of the small-set experiments (steps 5 and 6). */
export const SMALL_SET_PARAM: NumberParamDef = {
  ...num('small', 'Training images', '训练图像数', 8, 200, 4, 24),
  hidden: false,
};
/** Epochs of the small-set experiments. */
export const SMALL_EPOCHS_PARAM: NumberParamDef = {
  ...num('ep', 'Epochs', '轮数', 5, 80, 5, 40),
  hidden: false,
};
/** Batch size of the small-set experiments (a few steps per epoch even on 24 images). */
export const SMALL_SET_BATCH = 8;

/** Augmentation of step 6, on by default: what a link to that step runs. */
export const EXPERIMENT_AUGMENT_PARAMS: readonly ParamDef[] = [
  { ...FLIP_PARAM, default: 'on', hidden: false },
  { ...ROTATE_PARAM, default: 15, hidden: false },
  { ...SHIFT_PARAM, default: 4, hidden: false },
  { ...INTENSITY_PARAM, default: 0.1, hidden: false },
  { ...AUG_NOISE_PARAM, default: 0.02, hidden: false },
];

/** Prevalence of the imbalance step, percent. */
export const PREVALENCE_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'prev',
  label: { en: 'Prevalence of lesions, %', zh: '病灶的患病率（%）' },
  min: 1,
  max: 50,
  step: 1,
  default: 10,
};
/** Which random subsample the imbalance step draws. */
export const DRAW_PARAM: NumberParamDef = {
  ...num('draw', 'Random draw', '随机抽样编号', 1, 50, 1, 1),
  hidden: false,
};

/** The config of a small-set experiment: the setup's model and optimizer, fixed batch, epochs and augmentation. */
export function experimentConfig(base: TrainConfig, epochs: number, augment: AugmentSpec): TrainConfig {
  return { ...base, batchSize: SMALL_SET_BATCH, epochs, augment, weightDecay: 0, classWeights: 'none' };
}

/** The augmentation of step 6's parameters (missing values take that step's defaults). */
export function experimentAugmentFromParams(values: ParamValues): AugmentSpec {
  const defaults = Object.fromEntries(EXPERIMENT_AUGMENT_PARAMS.map((p) => [p.id, p.default]));
  return augmentFromParams({ ...defaults, ...values });
}
