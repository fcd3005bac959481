/**
 * The step parameters of the `convolution` lesson: everything a link must reproduce (slice, kernel,
 * region, position, speed, stride, padding, dilation, layer sizes).
 */
import type { EnumParamDef, NumberParamDef, TextParamDef } from '../../core/lessons/types';
import { KERNEL_PRESETS, kernelPreset } from './kernelPresets';
import { formatKernel, KERNEL_MAX_LENGTH, KERNEL_PATTERN } from './kernelString';
import { CROP_SIZE } from './slidingWindow';
import { MAX_SPEED } from './SlidingWindowPlayer';
import { MAX_FILTERS, MAX_IN_CHANNELS } from './convLayerBank';

/** The default region centre: the right edge of the nodule of the chest CT sample (column, row). */
export const DEFAULT_CENTRE = { x: 156, y: 230 } as const;
/** Largest image side a region centre can name. */
const MAX_SIDE = 4096;

const presetOptions = KERNEL_PRESETS.map((p) => ({ value: p.id, label: p.label }));

/** The preset kernel the step-through slides (a visible choice). */
export const stepperKernelParam: EnumParamDef = {
  kind: 'enum',
  id: 'kernel',
  label: { en: 'Kernel', zh: '卷积核' },
  options: presetOptions,
  default: 'sobel-x',
};

/** Region centre, column (hidden: chosen by clicking the overview). */
export const centreXParam: NumberParamDef = {
  kind: 'number',
  id: 'cx',
  label: { en: 'Region centre, column', zh: '区域中心（列）' },
  min: 0,
  max: MAX_SIDE - 1,
  step: 1,
  default: DEFAULT_CENTRE.x,
  hidden: true,
};

/** Region centre, row. */
export const centreYParam: NumberParamDef = {
  kind: 'number',
  id: 'cy',
  label: { en: 'Region centre, row', zh: '区域中心（行）' },
  min: 0,
  max: MAX_SIDE - 1,
  step: 1,
  default: DEFAULT_CENTRE.y,
  hidden: true,
};

/** Current output position of the step-through (index oy·W′ + ox). */
export const positionParam: NumberParamDef = {
  kind: 'number',
  id: 'pos',
  label: { en: 'Output position', zh: '输出位置' },
  min: 0,
  max: CROP_SIZE * CROP_SIZE - 1,
  step: 1,
  default: 0,
  hidden: true,
};

/** Playing speed, positions per second. */
export const speedParam: NumberParamDef = {
  kind: 'number',
  id: 'speed',
  label: { en: 'Speed (positions per second)', zh: '速度（每秒位置数）' },
  min: 1,
  max: MAX_SPEED,
  step: 1,
  default: 4,
  hidden: true,
};

/** Stride of the step-through. */
export const stepperStrideParam: NumberParamDef = {
  kind: 'number',
  id: 'stride',
  label: { en: 'Stride', zh: '步长' },
  min: 1,
  max: 3,
  step: 1,
  default: 1,
};

/** Padding of the step-through: none, or zeros so that the output keeps the crop's size. */
export const stepperPaddingParam: EnumParamDef = {
  kind: 'enum',
  id: 'padding',
  label: { en: 'Padding', zh: '填充' },
  options: [
    { value: 'valid', label: { en: 'None (“valid”)', zh: '无填充（有效卷积）' } },
    { value: 'same', label: { en: 'Zeros to keep the size (“same”)', zh: '补零以保持尺寸（同尺寸卷积）' } },
  ],
  default: 'valid',
};

/** Bias b added to every output. */
export const biasParam: NumberParamDef = {
  kind: 'number',
  id: 'bias',
  label: { en: 'Bias b', zh: '偏置 b' },
  min: -1,
  max: 1,
  step: 0.05,
  default: 0,
};

/** The kernel of the feature-map step: a preset, or 'custom' (the `k` text). */
export const presetParam: EnumParamDef = {
  kind: 'enum',
  id: 'preset',
  label: { en: 'Kernel preset', zh: '预设卷积核' },
  options: [...presetOptions, { value: 'custom', label: { en: 'Custom', zh: '自定义' } }],
  default: 'sobel-x',
  hidden: true,
};

/** The percentile of |value| the clipped colour scale of the feature map ends at. */
export const CONTRAST_PERCENTILE = 99;

/**
 * The colour scale of the feature map: ± its largest |value|, or ± the {@link CONTRAST_PERCENTILE}th
 * percentile of |value| (a few strong edges, such as the body outline, then no longer make the
 * rest of the map pale; values beyond take the end colours).
 */
export const contrastParam: EnumParamDef = {
  kind: 'enum',
  id: 'contrast',
  label: { en: 'Colour scale of the feature map', zh: '特征图的色标范围' },
  options: [
    { value: 'full', label: { en: '± the largest |value|', zh: '± 最大绝对值' } },
    {
      value: 'p99',
      label: {
        en: `± the ${CONTRAST_PERCENTILE}th percentile of |value|`,
        zh: `± 绝对值的第 ${CONTRAST_PERCENTILE} 百分位数`,
      },
    },
  ],
  default: 'full',
};

/** The kernel weights, row-major, comma-separated (9, 25 or 49 numbers). */
export const kernelTextParam: TextParamDef = {
  kind: 'text',
  id: 'k',
  label: { en: 'Kernel weights', zh: '卷积核权重' },
  pattern: KERNEL_PATTERN,
  maxLength: KERNEL_MAX_LENGTH,
  default: formatKernel(kernelPreset('sobel-x')!.weights),
  hidden: true,
};

/** Input size n of the stride/padding step. */
export const inputSizeParam: NumberParamDef = {
  kind: 'number',
  id: 'n',
  label: { en: 'Input size n', zh: '输入尺寸 n' },
  min: 5,
  max: 9,
  step: 1,
  default: 7,
};

/** Kernel size k of the stride/padding step. */
export const kernelSizeParam: NumberParamDef = {
  kind: 'number',
  id: 'ks',
  label: { en: 'Kernel size k', zh: '卷积核尺寸 k' },
  min: 1,
  max: 5,
  step: 1,
  default: 3,
};

/** Stride s of the stride/padding step. */
export const strideParam: NumberParamDef = {
  kind: 'number',
  id: 's',
  label: { en: 'Stride s', zh: '步长 s' },
  min: 1,
  max: 3,
  step: 1,
  default: 1,
};

/** Padding choice of the stride/padding step. */
export const paddingChoiceParam: EnumParamDef = {
  kind: 'enum',
  id: 'padding',
  label: { en: 'Padding', zh: '填充方式' },
  options: [
    { value: 'valid', label: { en: 'None (“valid”)', zh: '无填充（有效卷积）' } },
    { value: 'same', label: { en: 'Keep the size (“same”)', zh: '保持尺寸（同尺寸卷积）' } },
    { value: 'custom', label: { en: 'Custom amount p', zh: '自定义填充量 p' } },
  ],
  default: 'valid',
};

/** Custom padding amount p (pixels on every side). */
export const padAmountParam: NumberParamDef = {
  kind: 'number',
  id: 'p',
  label: { en: 'Padding p (custom)', zh: '填充量 p（自定义时）' },
  min: 0,
  max: 3,
  step: 1,
  default: 1,
};

/** What fills the padding. */
export const padFillParam: EnumParamDef = {
  kind: 'enum',
  id: 'fill',
  label: { en: 'Padding fill', zh: '填充内容' },
  options: [
    { value: 'zero', label: { en: 'Zeros', zh: '补零' } },
    { value: 'reflect', label: { en: 'Mirror of the image (reflect)', zh: '图像的镜像（反射填充）' } },
  ],
  default: 'zero',
};

/** Dilation d of the stride/padding step. */
export const dilationParam: NumberParamDef = {
  kind: 'number',
  id: 'd',
  label: { en: 'Dilation d', zh: '膨胀率 d' },
  min: 1,
  max: 3,
  step: 1,
  default: 1,
};

/** Output position of the stride/padding step (at most 15 × 15 outputs). */
export const stridePositionParam: NumberParamDef = {
  ...positionParam,
  max: 15 * 15 - 1,
};

/** Kernel size k of the convolutional layer. */
export const layerKernelParam: NumberParamDef = {
  kind: 'number',
  id: 'k',
  label: { en: 'Kernel size k', zh: '卷积核尺寸 k' },
  min: 3,
  max: 7,
  step: 2,
  default: 3,
};

/** Input channels C of the layer. */
export const inChannelsParam: NumberParamDef = {
  kind: 'number',
  id: 'cin',
  label: { en: 'Input channels C', zh: '输入通道数 C' },
  min: 1,
  max: MAX_IN_CHANNELS,
  step: 1,
  default: MAX_IN_CHANNELS,
};

/** Filters F (output channels) of the layer. */
export const outChannelsParam: NumberParamDef = {
  kind: 'number',
  id: 'cout',
  label: { en: 'Filters F (output channels)', zh: '滤波器数 F（输出通道数）' },
  min: 1,
  max: MAX_FILTERS,
  step: 1,
  default: 4,
};
