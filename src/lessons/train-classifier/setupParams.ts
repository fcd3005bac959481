/**
 * The setup step's parameters (model, optimizer, learning rate, batch, epochs, weight decay, class
 * weights, augmentation, seed) and the maps between them and a training config.
 */
import type { EnumParamDef, ParamDef, ParamValues } from '../../core/lessons/types';
import { snapNumber } from '../../core/lessons/lessonState';
import {
  DEFAULT_CUSTOM_SPEC,
  MAX_CUSTOM_BLOCKS,
  MAX_CUSTOM_DENSE,
  MAX_CUSTOM_FILTERS,
  type AugmentSpec,
  type ModelSpec,
  type OptimizerSpec,
  type TrainConfig,
  type TrainableZooId,
} from '../../core/training/trainingTypes';
import { enumValue, MAX_SEED, n, num, onOff, s, type ParamPatch } from './paramBuilders';

/** The model: a zoo architecture or the custom stack. */
export const MODEL_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'model',
  label: { en: 'Model', zh: '模型' },
  options: [
    { value: 'tiny-vgg', label: { en: 'TinyVGG', zh: 'TinyVGG' } },
    { value: 'lenet5', label: { en: 'LeNet-5 style', zh: 'LeNet-5 风格' } },
    { value: 'mlp', label: { en: 'MLP baseline', zh: 'MLP 基线' } },
    { value: 'mobilenet', label: { en: 'MobileNet style', zh: 'MobileNet 风格' } },
    { value: 'resnet', label: { en: 'ResNet style', zh: 'ResNet 风格' } },
    { value: 'custom', label: { en: 'Custom stack', zh: '自定义堆叠' } },
  ],
  default: 'tiny-vgg',
  hidden: true,
};
/** Start a zoo model from the zoo's trained weights (fine-tuning). */
export const PRETRAINED_PARAM = onOff('pre', 'Start from the zoo’s weights', '从模型库的权重开始', 'off');
/** Custom stack: blocks of (conv, ReLU, conv, ReLU, max-pool). Bounds and defaults: trainingTypes (`MAX_CUSTOM_*`, `DEFAULT_CUSTOM_SPEC`). */
export const BLOCKS_PARAM = num(
  'blocks',
  'Blocks',
  '模块数',
  1,
  MAX_CUSTOM_BLOCKS,
  1,
  DEFAULT_CUSTOM_SPEC.blocks,
);
/** Custom stack: filters of the first block (doubling per block). */
export const FILTERS_PARAM = num(
  'filters',
  'Filters in the first block',
  '第一个模块的滤波器数',
  1,
  MAX_CUSTOM_FILTERS,
  1,
  DEFAULT_CUSTOM_SPEC.filters,
);
/** Custom stack: kernel side. */
export const KERNEL_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'kernel',
  label: { en: 'Kernel', zh: '卷积核' },
  options: [
    { value: '3', label: { en: '3 × 3', zh: '3 × 3' } },
    { value: '5', label: { en: '5 × 5', zh: '5 × 5' } },
  ],
  default: String(DEFAULT_CUSTOM_SPEC.kernel),
  hidden: true,
};
/** Custom stack: units of the dense layer before the head (0 = none). */
export const DENSE_PARAM = num(
  'dense',
  'Dense units (0 = none)',
  '全连接单元数（0 表示无）',
  0,
  MAX_CUSTOM_DENSE,
  1,
  DEFAULT_CUSTOM_SPEC.dense,
);

/** The optimizer. */
export const OPTIMIZER_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'opt',
  label: { en: 'Optimizer', zh: '优化器' },
  options: [
    { value: 'sgd', label: { en: 'SGD', zh: 'SGD' } },
    { value: 'momentum', label: { en: 'SGD with momentum', zh: '带动量的 SGD' } },
    { value: 'adam', label: { en: 'Adam', zh: 'Adam' } },
  ],
  default: 'adam',
  hidden: true,
};

/** Learning rate η (the setup panel accepts 10⁻⁶ … 1). */
export const LR_PARAM = num('lr', 'Learning rate', '学习率', 0.000001, 1, 0.000001, 0.001);
/** Weight decay λ (0 … 0.1). */
export const WD_PARAM = num('wd', 'Weight decay', '权重衰减', 0, 0.1, 0.000001, 0);
/** Batch size. */
export const BATCH_PARAM = num('batch', 'Batch size', '批大小', 1, 512, 1, 32);
/** Epochs. */
export const EPOCHS_PARAM = num('epochs', 'Epochs', '轮数', 1, 500, 1, 5);
/** Class weights. */
export const CLASS_WEIGHTS_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'cw',
  label: { en: 'Class weights', zh: '类别权重' },
  options: [
    { value: 'none', label: { en: 'None', zh: '无' } },
    { value: 'balanced', label: { en: 'Balanced', zh: '平衡' } },
  ],
  default: 'none',
  hidden: true,
};
/** Augmentation: random left–right mirror. */
export const FLIP_PARAM = onOff('flip', 'Mirror left–right', '左右镜像', 'off');
/** Augmentation: rotation range, degrees. */
export const ROTATE_PARAM = num('rot', 'Rotation ±, degrees', '旋转范围 ±（度）', 0, 180, 1, 0);
/** Augmentation: shift range, pixels. */
export const SHIFT_PARAM = num('shift', 'Shift ±, pixels', '平移范围 ±（像素）', 0, 16, 1, 0);
/** Augmentation: window/intensity jitter. */
export const INTENSITY_PARAM = num('int', 'Intensity jitter ±', '强度扰动 ±', 0, 1, 0.01, 0);
/** Augmentation: Gaussian noise σ (0…1 units). */
export const AUG_NOISE_PARAM = num('anoise', 'Added noise σ', '附加噪声 σ', 0, 0.5, 0.001, 0);
/** Seed of the run: initial weights, batch order, augmentation. */
export const TRAIN_SEED_PARAM = num('tseed', 'Random seed of the run', '训练的随机种子', 0, MAX_SEED, 1, 1);

/** The augmentation parameters. */
export const AUGMENT_PARAMS: readonly ParamDef[] = [
  FLIP_PARAM,
  ROTATE_PARAM,
  SHIFT_PARAM,
  INTENSITY_PARAM,
  AUG_NOISE_PARAM,
];

/** Every parameter of the setup step, in URL order. */
export const SETUP_PARAMS: readonly ParamDef[] = [
  MODEL_PARAM,
  PRETRAINED_PARAM,
  BLOCKS_PARAM,
  FILTERS_PARAM,
  KERNEL_PARAM,
  DENSE_PARAM,
  OPTIMIZER_PARAM,
  LR_PARAM,
  BATCH_PARAM,
  EPOCHS_PARAM,
  WD_PARAM,
  CLASS_WEIGHTS_PARAM,
  ...AUGMENT_PARAMS,
  TRAIN_SEED_PARAM,
];

/**
 * Parameters that a config does not read for these values (the custom stack's sizes for a zoo
 * model, `pre` for the custom stack): they do not survive a trip through the config.
 */
export function ignoredSetupParams(values: ParamValues): readonly string[] {
  return s(values, MODEL_PARAM) === 'custom'
    ? [PRETRAINED_PARAM.id]
    : [BLOCKS_PARAM.id, FILTERS_PARAM.id, KERNEL_PARAM.id, DENSE_PARAM.id];
}

/** The augmentation the parameters name. */
export function augmentFromParams(values: ParamValues): AugmentSpec {
  return {
    flip: s(values, FLIP_PARAM) === 'on',
    rotateDeg: n(values, ROTATE_PARAM),
    shiftPx: n(values, SHIFT_PARAM),
    intensity: n(values, INTENSITY_PARAM),
    noise: n(values, AUG_NOISE_PARAM),
  };
}

/** The augmentation parameters of a spec, snapped onto their grids. */
export function augmentToParams(augment: AugmentSpec): ParamPatch {
  return {
    [FLIP_PARAM.id]: augment.flip ? 'on' : 'off',
    [ROTATE_PARAM.id]: snapNumber(ROTATE_PARAM, augment.rotateDeg),
    [SHIFT_PARAM.id]: snapNumber(SHIFT_PARAM, augment.shiftPx),
    [INTENSITY_PARAM.id]: snapNumber(INTENSITY_PARAM, augment.intensity),
    [AUG_NOISE_PARAM.id]: snapNumber(AUG_NOISE_PARAM, augment.noise),
  };
}

/** The model the parameters name. */
export function modelFromParams(values: ParamValues): ModelSpec {
  const id = s(values, MODEL_PARAM);
  if (id === 'custom') {
    return {
      kind: 'custom',
      blocks: n(values, BLOCKS_PARAM),
      filters: n(values, FILTERS_PARAM),
      kernel: s(values, KERNEL_PARAM) === '5' ? 5 : 3,
      dense: n(values, DENSE_PARAM),
    };
  }
  return { kind: 'zoo', id: id as TrainableZooId, pretrained: s(values, PRETRAINED_PARAM) === 'on' };
}

/** The optimizer the parameters name (momentum 0.9 for SGD with momentum). */
export function optimizerFromParams(values: ParamValues): OptimizerSpec {
  const kind = s(values, OPTIMIZER_PARAM) as OptimizerSpec['kind'];
  const learningRate = n(values, LR_PARAM);
  return kind === 'momentum' ? { kind, learningRate, momentum: 0.9 } : { kind, learningRate };
}

/** The training config the setup step's parameters name. */
export function trainConfigFromParams(values: ParamValues): TrainConfig {
  return {
    model: modelFromParams(values),
    optimizer: optimizerFromParams(values),
    batchSize: n(values, BATCH_PARAM),
    epochs: n(values, EPOCHS_PARAM),
    weightDecay: n(values, WD_PARAM),
    augment: augmentFromParams(values),
    classWeights: s(values, CLASS_WEIGHTS_PARAM) === 'balanced' ? 'balanced' : 'none',
    seed: n(values, TRAIN_SEED_PARAM),
  };
}

/**
 * The setup parameters of a config, each snapped onto its grid (explicit class weights, which no
 * link names, become `none`).
 */
export function trainConfigToParams(config: TrainConfig): ParamPatch {
  const m = config.model;
  const custom = m.kind === 'custom' ? m : null;
  return {
    [MODEL_PARAM.id]: m.kind === 'custom' ? 'custom' : enumValue(MODEL_PARAM, m.id),
    [PRETRAINED_PARAM.id]: m.kind === 'zoo' && m.pretrained ? 'on' : 'off',
    [BLOCKS_PARAM.id]: custom ? snapNumber(BLOCKS_PARAM, custom.blocks) : BLOCKS_PARAM.default,
    [FILTERS_PARAM.id]: custom ? snapNumber(FILTERS_PARAM, custom.filters) : FILTERS_PARAM.default,
    [KERNEL_PARAM.id]: custom ? String(custom.kernel) : KERNEL_PARAM.default,
    [DENSE_PARAM.id]: custom ? snapNumber(DENSE_PARAM, custom.dense) : DENSE_PARAM.default,
    [OPTIMIZER_PARAM.id]: enumValue(OPTIMIZER_PARAM, config.optimizer.kind),
    [LR_PARAM.id]: snapNumber(LR_PARAM, config.optimizer.learningRate),
    [BATCH_PARAM.id]: snapNumber(BATCH_PARAM, config.batchSize),
    [EPOCHS_PARAM.id]: snapNumber(EPOCHS_PARAM, config.epochs),
    [WD_PARAM.id]: snapNumber(WD_PARAM, config.weightDecay),
    [CLASS_WEIGHTS_PARAM.id]: config.classWeights === 'balanced' ? 'balanced' : 'none',
    ...augmentToParams(config.augment),
    [TRAIN_SEED_PARAM.id]: snapNumber(TRAIN_SEED_PARAM, config.seed),
  };
}

/** JSON with object keys sorted, so that key order does not matter. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** True when two configs hold the same values (plain data; key order ignored). */
export function sameConfig(a: TrainConfig, b: TrainConfig): boolean {
  return stableJson(a) === stableJson(b);
}
