/**
 * The step parameters of the activation-pooling lesson: everything a link must reproduce (the slice,
 * the function, the kernel, the window being stepped through, the crop and the shifts).
 */
import type { EnumParamDef, NumberParamDef } from '../../core/lessons/types';
import { DEFAULT_ALPHA } from '../../core/tensor/reference/activations';
import { SHIFT_KERNELS } from '../../core/tensor/shiftExperiment';
import { kernelNames } from './activationPoolingTexts';

/**
 * Centre of the solid nodule of the chest-ct-nodule sample, in pixels (row, column): the centre of
 * its ground-truth box (rows 221–240, columns 140–159), which a unit test regenerates from the
 * sample's recipe. The crops of steps 2 and 3 start there.
 */
export const NODULE_CENTRE = { row: 231, column: 150 } as const;

/** The activations step 1 offers (the lesson's list without 'linear'). */
export const LESSON_ACTIVATIONS = ['relu', 'leaky-relu', 'elu', 'sigmoid', 'tanh', 'gelu'] as const;
export type LessonActivation = (typeof LESSON_ACTIVATIONS)[number];

/** The activation of step 1. */
export const fnParam: EnumParamDef = {
  kind: 'enum',
  id: 'fn',
  label: { en: 'Activation function', zh: '激活函数' },
  options: [
    { value: 'relu', label: { en: 'ReLU', zh: 'ReLU' } },
    { value: 'leaky-relu', label: { en: 'Leaky ReLU', zh: '带泄漏的 ReLU' } },
    { value: 'elu', label: { en: 'ELU', zh: 'ELU' } },
    { value: 'sigmoid', label: { en: 'Sigmoid', zh: 'sigmoid' } },
    { value: 'tanh', label: { en: 'tanh', zh: 'tanh' } },
    { value: 'gelu', label: { en: 'GELU', zh: 'GELU' } },
  ],
  default: 'relu',
};

/** Leaky ReLU's slope α for x < 0 (shown by the widget when leaky ReLU is chosen). */
export const leakParam: NumberParamDef = {
  kind: 'number',
  id: 'leak',
  label: { en: 'Leaky ReLU slope α', zh: '带泄漏 ReLU 的斜率 α' },
  min: 0.01,
  max: 0.5,
  step: 0.01,
  default: DEFAULT_ALPHA['leaky-relu'],
  hidden: true,
};

/** ELU's α (its value for x → −∞ is −α; shown by the widget when ELU is chosen). */
export const eluAlphaParam: NumberParamDef = {
  kind: 'number',
  id: 'elualpha',
  label: { en: 'ELU α', zh: 'ELU 的 α' },
  min: 0.1,
  max: 2,
  step: 0.1,
  default: DEFAULT_ALPHA.elu,
  hidden: true,
};

/** The kernels step 1 offers for its feature map. */
export const MAP_KERNELS = ['sobel-x', 'sobel-y', 'bright-spot'] as const;

/** The kernel whose response the activation is applied to (step 1). */
export const mapKernelParam: EnumParamDef = {
  kind: 'enum',
  id: 'kernel',
  label: { en: 'Feature map: response of', zh: '特征图：以下卷积核的响应' },
  options: MAP_KERNELS.map((k) => ({ value: k, label: kernelNames[k] })),
  default: 'sobel-x',
};

/** The scale w of the pre-activation z = w · (kernel response) (step 1). */
export const gainParam: NumberParamDef = {
  kind: 'number',
  id: 'gain',
  label: { en: 'Weight scale w (z = w × response)', zh: '权重缩放 w（z = w × 响应）' },
  min: 0.5,
  max: 10,
  step: 0.5,
  default: 2,
};

/** The probe input x of step 1. */
export const probeParam: NumberParamDef = {
  kind: 'number',
  id: 'x',
  label: { en: 'Probe input x', zh: '探针输入 x' },
  min: -8,
  max: 8,
  step: 0.1,
  default: -3,
};

/** Centre of the crop (row, column of the slice); the widgets' crop pickers edit them. */
export function centreParams(): NumberParamDef[] {
  return [
    {
      kind: 'number',
      id: 'cy',
      label: { en: 'Crop centre, row', zh: '裁剪中心的行号' },
      min: 0,
      max: 4095,
      step: 1,
      default: NODULE_CENTRE.row,
      hidden: true,
    },
    {
      kind: 'number',
      id: 'cx',
      label: { en: 'Crop centre, column', zh: '裁剪中心的列号' },
      min: 0,
      max: 4095,
      step: 1,
      default: NODULE_CENTRE.column,
      hidden: true,
    },
  ];
}

/** Side of the region pooled in step 2. */
export const regionParam: NumberParamDef = {
  kind: 'number',
  id: 'region',
  label: { en: 'Region side, pixels', zh: '区域边长（像素）' },
  min: 12,
  max: 48,
  step: 4,
  default: 32,
};

/** The feature-map channel shown in step 2. */
export const channelParam: EnumParamDef = {
  kind: 'enum',
  id: 'channel',
  label: { en: 'Channel (ReLU of the response of)', zh: '通道（以下卷积核响应的 ReLU）' },
  options: SHIFT_KERNELS.map((k) => ({ value: k.id, label: kernelNames[k.id] })),
  default: 'sobel-x',
};

/** Max, average or global-average pooling (step 2). */
export const poolKindParam: EnumParamDef = {
  kind: 'enum',
  id: 'pool',
  label: { en: 'Pooling', zh: '池化方式' },
  options: [
    { value: 'max', label: { en: 'Max pooling', zh: '最大池化' } },
    { value: 'avg', label: { en: 'Average pooling', zh: '平均池化' } },
    { value: 'global', label: { en: 'Global average pooling', zh: '全局平均池化' } },
  ],
  default: 'max',
};

/** Pooling window side k (step 2). */
export const windowSizeParam: NumberParamDef = {
  kind: 'number',
  id: 'size',
  label: { en: 'Window size k', zh: '窗口大小 k' },
  min: 2,
  max: 5,
  step: 1,
  default: 2,
};

/** Pooling stride s (step 2). */
export const strideParam: NumberParamDef = {
  kind: 'number',
  id: 'stride',
  label: { en: 'Stride s', zh: '步长 s' },
  min: 1,
  max: 5,
  step: 1,
  default: 2,
};

/**
 * Output row and column of the window being stepped through (step 2; clamped to the output). The
 * default window, row 6, column 3, lies on the left edge of the nodule in the default region.
 */
export function windowPositionParams(): NumberParamDef[] {
  return (['wy', 'wx'] as const).map((id) => ({
    kind: 'number',
    id,
    label:
      id === 'wy'
        ? { en: 'Window: output row', zh: '窗口：输出行号' }
        : { en: 'Window: output column', zh: '窗口：输出列号' },
    min: 0,
    max: 47,
    step: 1,
    default: id === 'wy' ? 6 : 3,
    hidden: true,
  }));
}

/** Side of the crop of step 3. */
export const cropParam: NumberParamDef = {
  kind: 'number',
  id: 'crop',
  label: { en: 'Crop side, pixels', zh: '裁剪边长（像素）' },
  min: 32,
  max: 96,
  step: 16,
  default: 64,
};

/** Largest shift K (step 3). */
export const maxShiftParam: NumberParamDef = {
  kind: 'number',
  id: 'shifts',
  label: { en: 'Largest shift K, pixels', zh: '最大平移量 K（像素）' },
  min: 2,
  max: 16,
  step: 1,
  default: 12,
};

/** Direction the content moves (step 3). */
export const directionParam: EnumParamDef = {
  kind: 'enum',
  id: 'dir',
  label: { en: 'Content moves', zh: '内容移动方向' },
  options: [
    { value: 'x', label: { en: 'right (x)', zh: '向右（x）' } },
    { value: 'y', label: { en: 'down (y)', zh: '向下（y）' } },
    { value: 'diagonal', label: { en: 'diagonally (right and down)', zh: '沿对角线（向右并向下）' } },
  ],
  default: 'x',
};

/**
 * Pool size P of the experiment (step 3). Its own id, not step 2's `pool` (the kind of pooling), so
 * that a link or a hand-edited URL never reads one as the other.
 */
export const poolSizeParam: NumberParamDef = {
  kind: 'number',
  id: 'poolsize',
  label: { en: 'Max-pool size P (stride P)', zh: '最大池化大小 P（步长 P）' },
  min: 2,
  max: 4,
  step: 1,
  default: 2,
};

/** What enters the crop as the content moves (step 3). */
export const borderParam: EnumParamDef = {
  kind: 'enum',
  id: 'border',
  label: { en: 'What enters at the edge', zh: '从边缘移入的内容' },
  options: [
    { value: 'crop', label: { en: 'the real image (a larger crop)', zh: '真实图像（取更大的裁剪区域）' } },
    { value: 'circular', label: { en: 'the crop itself, wrapped around', zh: '裁剪块自身（循环平移）' } },
  ],
  default: 'crop',
};

/** The shift whose crop and maps are shown (step 3; clamped to K). */
export const shownShiftParam: NumberParamDef = {
  kind: 'number',
  id: 'show',
  label: { en: 'Shift shown, pixels', zh: '显示的平移量（像素）' },
  min: 0,
  max: 16,
  step: 1,
  default: 1,
};
