/**
 * The step parameters of the neurons lesson: everything a link must reproduce. All are hidden
 * (`hidden: true`): each widget draws its own labelled controls, except the shared `slice` choice.
 */
import type { EnumParamDef, NumberParamDef } from '../../core/lessons/types';
import { SLICE_PARAM } from '../shared/lessonSlice';
import { DEFAULT_SECOND_FEATURE, SECOND_FEATURES } from './classifierData';
import { NEURON_ACTIVATIONS } from './neuronForward';

function num(
  id: string,
  en: string,
  zh: string,
  min: number,
  max: number,
  step: number,
  def: number,
): NumberParamDef {
  return { kind: 'number', id, label: { en, zh }, min, max, step, default: def, hidden: true };
}

/* Step 1: one neuron. */

/** The neuron's three inputs. */
export const inputParams: readonly NumberParamDef[] = [
  num('x1', 'Input x₁', '输入 x₁', -2, 2, 0.05, 0.05),
  num('x2', 'Input x₂', '输入 x₂', -2, 2, 0.05, 0.8),
  num('x3', 'Input x₃', '输入 x₃', -2, 2, 0.05, 0.9),
];

/** The neuron's three weights. */
export const weightParams: readonly NumberParamDef[] = [
  num('w1', 'Weight w₁', '权重 w₁', -3, 3, 0.05, 1.5),
  num('w2', 'Weight w₂', '权重 w₂', -3, 3, 0.05, 0.8),
  num('w3', 'Weight w₃', '权重 w₃', -3, 3, 0.05, 1.2),
];

/** The neuron's bias. */
export const biasParam = num('b', 'Bias b', '偏置 b', -3, 3, 0.05, -1);

/** Names of the activations, in both languages. */
export const ACTIVATION_NAMES = {
  linear: { en: 'Linear (none): f(z) = z', zh: '线性（无激活）：f(z) = z' },
  relu: { en: 'ReLU: f(z) = max(0, z)', zh: 'ReLU（线性整流）：f(z) = max(0, z)' },
  sigmoid: { en: 'Sigmoid: f(z) = 1 / (1 + e⁻ᶻ)', zh: 'sigmoid（S 型函数）：f(z) = 1 / (1 + e⁻ᶻ)' },
  tanh: {
    en: 'tanh: f(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)',
    zh: 'tanh（双曲正切）：f(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)',
  },
} as const;

/** The activation f. */
export const activationParam: EnumParamDef = {
  kind: 'enum',
  id: 'act',
  label: { en: 'Activation f', zh: '激活函数 f' },
  options: NEURON_ACTIVATIONS.map((value) => ({ value, label: ACTIVATION_NAMES[value] })),
  default: 'sigmoid',
  hidden: true,
};

/* Step 2: a linear classifier. */

/** Names of the second feature, in both languages. */
export const FEATURE_NAMES = {
  meanHu: { en: 'Mean HU', zh: '平均 HU 值' },
  edgeDensity: { en: 'Edge density (Sobel)', zh: '边缘密度（Sobel）' },
  sdHu: { en: 'Standard deviation of HU', zh: 'HU 值的标准差' },
  dotFilter: { en: 'Blob filter response', zh: '斑点滤波响应' },
} as const;

/** The feature on the vertical axis. */
export const secondFeatureParam: EnumParamDef = {
  kind: 'enum',
  id: 'f2',
  label: { en: 'Second feature', zh: '第二个特征' },
  options: SECOND_FEATURES.map((value) => ({ value, label: FEATURE_NAMES[value] })),
  default: DEFAULT_SECOND_FEATURE,
  hidden: true,
};

/** The classifier's weights and bias (on standardised features). */
export const lineParams: readonly NumberParamDef[] = [
  num('w1', 'Weight w₁ (mean HU)', '权重 w₁（平均 HU 值）', -5, 5, 0.01, 1),
  num('w2', 'Weight w₂ (second feature)', '权重 w₂（第二个特征）', -5, 5, 0.01, 0),
  num('b', 'Bias b', '偏置 b', -5, 5, 0.01, 0),
];

/* Step 3: parameter counts. */

/** Hidden layers of the MLP. */
export const layersParam = num('layers', 'Hidden layers', '隐藏层数', 1, 3, 1, 1);

/** Units of each hidden layer. */
export const unitParams: readonly NumberParamDef[] = [1, 2, 3].map((k) =>
  num(
    `u${k}`,
    `Units in hidden layer ${k}`,
    `第 ${k} 个隐藏层的单元数`,
    16,
    1024,
    16,
    [128, 64, 32][k - 1] ?? 16,
  ),
);

/** How the CNN's last maps reach its output layer. */
export const headParam: EnumParamDef = {
  kind: 'enum',
  id: 'head',
  label: { en: 'CNN output head', zh: 'CNN 的输出头' },
  options: [
    { value: 'flatten', label: { en: 'Flatten the last maps', zh: '展平最后的特征图' } },
    { value: 'global', label: { en: 'Global max-pooling', zh: '全局最大池化' } },
  ],
  default: 'flatten',
  hidden: true,
};

/* Step 4: permutation. */

/** The slice (shared with the convolution lessons), shown by the generic controls. */
export { SLICE_PARAM };

/** Horizontal and vertical position of the patch, in % of the free range. */
export const cropParams: readonly NumberParamDef[] = [
  num('cx', 'Patch position, horizontal (%)', '图块水平位置（%）', 0, 100, 1, 25),
  num('cy', 'Patch position, vertical (%)', '图块垂直位置（%）', 0, 100, 1, 42),
];

/** The seed of the permutation. */
export const permSeedParam = num('seed', 'Permutation number', '置换编号', 1, 99, 1, 1);

/** Whether the inverse permutation is applied ("undo"). */
export const undoParam: EnumParamDef = {
  kind: 'enum',
  id: 'undo',
  label: { en: 'Undo the shuffle', zh: '撤销打乱' },
  options: [
    { value: 'off', label: { en: 'Shuffled', zh: '已打乱' } },
    { value: 'on', label: { en: 'Shuffled, then un-shuffled', zh: '先打乱再还原' } },
  ],
  default: 'off',
  hidden: true,
};

/** A number parameter's value from the widget's params, or its default. */
export function numberValue(params: Readonly<Record<string, number | string>>, def: NumberParamDef): number {
  const v = params[def.id];
  return typeof v === 'number' && Number.isFinite(v) ? v : def.default;
}
