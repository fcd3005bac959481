/**
 * Texts of the layer-table widget (step 2 of `cnn-architecture`), in both languages. Layer names are
 * never put inside a text: the widget shows them apart, marked as English (`lang="en"`).
 */
import type { Localized } from '../../core/lessons/types';
import type { LayerKind } from '../../core/models/zooTypes';

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** The name of each layer kind (the layer table of step 2, the feature-map rows of step 3). */
export const LAYER_KIND_NAMES: Readonly<Record<LayerKind, Localized>> = {
  input: { en: 'input', zh: '输入' },
  conv2d: { en: 'convolution', zh: '卷积' },
  depthwiseConv2d: { en: 'depthwise convolution', zh: '深度卷积' },
  conv2dTranspose: { en: 'transposed convolution', zh: '转置卷积' },
  dense: { en: 'dense', zh: '全连接' },
  maxPool: { en: 'max pooling', zh: '最大池化' },
  avgPool: { en: 'average pooling', zh: '平均池化' },
  globalAvgPool: { en: 'global average pooling', zh: '全局平均池化' },
  flatten: { en: 'flatten', zh: '展平' },
  add: { en: 'add (skip connection)', zh: '相加（跳跃连接）' },
  concatenate: { en: 'concatenate', zh: '拼接' },
  activation: { en: 'activation', zh: '激活' },
};

/** Texts of the widget. */
export const layerTexts = {
  caption: {
    en: 'The layers in the order the model computes them. Select a row (click it, or focus the table and use ↑ ↓, Home and End) to outline on the input what its centre unit sees.',
    zh: '各层按模型计算的先后排列。选择一行（点击该行，或聚焦表格后用 ↑ ↓、首页键和末页键），即可在输入上框出其中心单元所看到的区域。',
  },
  tableLabel: { en: 'Layer table', zh: '层表' },
  layer: { en: 'Layer', zh: '层' },
  kind: { en: 'Kind', zh: '类型' },
  output: { en: 'Output shape', zh: '输出形状' },
  params: { en: 'Parameters', zh: '参数量' },
  flops: { en: 'FLOPs', zh: 'FLOPs' },
  field: { en: 'Receptive field (size, jump)', zh: '感受野（大小，跳距）' },
  wholeInput: { en: 'whole input', zh: '整个输入' },
  total: { en: 'Total', zh: '合计' },
  manifestMatch: {
    en: (n: string) => `The training record (manifest) counts ${n} parameters too.`,
    zh: (n: string) => `训练记录（清单文件）中的参数量同样是 ${n}。`,
  } satisfies Fn<[string]>,
  manifestDiffers: {
    en: (n: string) =>
      `The training record (manifest) counts ${n} parameters: the weights do not match this definition.`,
    zh: (n: string) => `训练记录（清单文件）中的参数量为 ${n}：权重与此定义不符。`,
  } satisfies Fn<[string]>,
  noManifest: {
    en: 'No training record (manifest) to compare the total with.',
    zh: '没有训练记录（清单文件）可与合计数比较。',
  },
  selected: { en: 'Selected layer:', zh: '所选的层：' },
  unitBox: {
    en: (
      row: number,
      col: number,
      r0: number,
      r1: number,
      c0: number,
      c1: number,
      rows: number,
      cols: number,
    ) =>
      `Its centre unit (row ${row}, column ${col}) sees input rows ${r0} to ${r1} and columns ${c0} to ${c1}: ${rows} × ${cols} pixels.`,
    zh: (
      row: number,
      col: number,
      r0: number,
      r1: number,
      c0: number,
      c1: number,
      rows: number,
      cols: number,
    ) =>
      `它的中心单元（第 ${row} 行、第 ${col} 列）看到输入的第 ${r0} 至 ${r1} 行、第 ${c0} 至 ${c1} 列：${rows} × ${cols} 个像素。`,
  } satisfies Fn<[number, number, number, number, number, number, number, number]>,
  boxMm: {
    en: (mm: string) => `On this slice that is ${mm} mm.`,
    zh: (mm: string) => `在这张切片上相当于 ${mm} mm。`,
  } satisfies Fn<[string]>,
  pastEdge: {
    en: (n: number) =>
      `Part of it lies outside the ${n} × ${n} input: there the unit sees the padding (zeros).`,
    zh: (n: number) => `其中一部分在 ${n} × ${n} 的输入之外：单元在那里看到的是填充（零）。`,
  } satisfies Fn<[number]>,
  vectorLayer: {
    en: 'A vector layer (flatten, dense or global pooling): each of its units depends on the whole input, so there is no box to draw.',
    zh: '这是向量层（展平、全连接或全局池化）：它的每个单元都依赖整个输入，因此无法画出方框。',
  },
  recurrence: {
    en: (rPrev: string, k: number, jPrev: string, r: string, s: number, j: string) =>
      `r = ${rPrev} + (${k} − 1) × ${jPrev} = ${r},  j = ${jPrev} × ${s} = ${j}`,
    zh: (rPrev: string, k: number, jPrev: string, r: string, s: number, j: string) =>
      `r = ${rPrev} + (${k} − 1) × ${jPrev} = ${r}，j = ${jPrev} × ${s} = ${j}`,
  } satisfies Fn<[string, number, string, string, number, string]>,
  recurrenceFrom: { en: 'from the layer before,', zh: '由前一层算得，前一层为' },
  transposeField: {
    en: 'A transposed convolution spreads each input over a k × k window with stride s: the field grows by (k − 1)·j′/s and the jump becomes j′/s (it can be a fraction of a pixel).',
    zh: '转置卷积把每个输入以步长 s 铺到 k × k 的窗口上：感受野增加 (k − 1)·j′/s，跳距变为 j′/s（可以不足一个像素）。',
  },
  unionField: {
    en: 'This layer combines several inputs: its field is the union of theirs.',
    zh: '这一层合并了多个输入：它的感受野是这些输入感受野的并集。',
  },
  sameField: {
    en: 'This layer works value by value: its field is its input’s.',
    zh: '这一层逐个数值运算：它的感受野与其输入相同。',
  },
  inputField: { en: 'The input itself: each unit is one pixel.', zh: '输入本身：每个单元就是一个像素。' },
  inputLabel: {
    en: (n: number) => `The model’s input, ${n} × ${n}, with the selected unit’s receptive field outlined`,
    zh: (n: number) => `模型的输入（${n} × ${n}），框出所选单元的感受野`,
  } satisfies Fn<[number]>,
  noInput: {
    en: 'The input appears here once the slice is loaded.',
    zh: '切片加载后，输入会显示在这里。',
  },
  chartTitle: { en: 'Receptive field by depth', zh: '感受野随深度的变化' },
  chartLabel: {
    en: 'Receptive field size in input pixels for each layer with a spatial output, in order; the dashed line is the input size; the selected layer is ringed.',
    zh: '每个有空间输出的层的感受野大小（输入像素），按先后排列；虚线为输入大小；所选的层画了圆圈。',
  },
  chartInput: {
    en: (n: number) => `input, ${n} px`,
    zh: (n: number) => `输入，${n} px`,
  } satisfies Fn<[number]>,
  chartY: { en: 'pixels', zh: '像素' },
  chartX: { en: 'layer, in order', zh: '层（按先后）' },
};
