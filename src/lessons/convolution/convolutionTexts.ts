/**
 * Texts of the convolution widgets, in both languages: `{ en, zh }` pairs, or pairs of functions for
 * texts with computed numbers. Symbols (x, w, b, y, k, s, p, d, C, F, Σ, ⊛) are the same in both.
 */
import type { Localized } from '../../core/lessons/types';

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** Texts shared by the widgets. */
export const commonTexts = {
  play: { en: 'Play', zh: '播放' },
  pause: { en: 'Pause', zh: '暂停' },
  back: { en: 'Step back', zh: '后退一步' },
  forward: { en: 'Step forward', zh: '前进一步' },
  restart: { en: 'Start again', zh: '从头开始' },
  controls: { en: 'Walk through the output positions', zh: '逐个浏览输出位置' },
  computing: { en: 'Computing…', zh: '正在计算…' },
  reducedMotion: {
    en: 'Reduced motion is on: the window jumps from position to position without animation.',
    zh: '已开启减少动态效果：窗口逐个位置跳动，不做过渡动画。',
  },
  position: {
    en: (p: number, n: number, oy: number, ox: number) =>
      `Position ${p} of ${n}: output row ${oy}, column ${ox}`,
    zh: (p: number, n: number, oy: number, ox: number) =>
      `第 ${p} 个位置，共 ${n} 个：输出第 ${oy} 行、第 ${ox} 列`,
  } satisfies Fn<[number, number, number, number]>,
  /** Followed by the compute backend's own message (in English, marked as such). */
  error: { en: 'This could not be computed:', zh: '无法完成计算：' },
} as const;

/** Texts of the step-through (step 1). */
export const stepperTexts = {
  overviewTitle: { en: 'Choose a region', zh: '选择区域' },
  overviewLabel: {
    en: 'The whole slice; the square marks the region the kernel slides over. Click to move it, or focus it and use the arrow keys (with Shift, a whole region at a time).',
    zh: '整张切片；方框标出卷积核滑过的区域。点击可移动方框，也可聚焦后用方向键移动（按住上档键则每次移动一个区域）。',
  },
  cropLabel: {
    en: (n: number) =>
      `The region, ${n} × ${n} pixels, enlarged; the outlined square is the kernel window. Arrow keys move the window, Home and End jump to the first and last position.`,
    zh: (n: number) =>
      `放大显示的区域，${n} × ${n} 像素；描边方框是卷积核窗口。方向键移动窗口，首页键和末页键跳到第一个和最后一个位置。`,
  } satisfies Fn<[number]>,
  cropNote: {
    en: 'The region is the input here: padding adds zeros around the region, not the rest of the slice.',
    zh: '这里把该区域当作输入：填充是在区域四周补零，而不是取切片的其余部分。',
  },
  pixel: {
    en: (row: number, col: number, value: string) => `Pixel at row ${row}, column ${col}: x = ${value}`,
    zh: (row: number, col: number, value: string) => `第 ${row} 行、第 ${col} 列的像素：x = ${value}`,
  } satisfies Fn<[number, number, string]>,
  padCell: {
    en: (row: number, col: number) => `Padding at row ${row}, column ${col}: x = 0`,
    zh: (row: number, col: number) => `第 ${row} 行、第 ${col} 列的填充：x = 0`,
  } satisfies Fn<[number, number]>,
  patch: { en: 'Input patch x', zh: '输入图块 x' },
  kernel: { en: 'Kernel w', zh: '卷积核 w' },
  products: { en: 'Products x·w', zh: '乘积 x·w' },
  output: {
    en: (h: number, w: number) => `Output map y (${h} × ${w}), filled as the window moves`,
    zh: (h: number, w: number) => `输出图 y（${h} × ${w}），随窗口移动逐个填入`,
  } satisfies Fn<[number, number]>,
  outputLabel: {
    en: 'Output map: each cell is one position of the window; blue negative, grey 0, orange positive.',
    zh: '输出图：每个格子对应窗口的一个位置；蓝色为负，灰色为 0，橙色为正。',
  },
  worked: { en: 'This output, worked out', zh: '本输出的计算过程' },
  speed: {
    en: (s: number) => `Speed: ${s} positions per second`,
    zh: (s: number) => `速度：每秒 ${s} 个位置`,
  } satisfies Fn<[number]>,
  noOutput: {
    en: 'The kernel is larger than the region: there is no output position. Use padding or a smaller kernel.',
    zh: '卷积核比区域还大：没有输出位置。请使用填充或更小的卷积核。',
  },
};

/** Texts of the live feature map (step 2). */
export const featureTexts = {
  input: {
    en: (w: number, h: number) => `Input: the slice (${w} × ${h}), windowed grey levels in [0, 1]`,
    zh: (w: number, h: number) => `输入：切片（${w} × ${h}），加窗后的灰度值，范围 [0, 1]`,
  } satisfies Fn<[number, number]>,
  map: {
    en: (w: number, h: number) => `Feature map: the slice convolved with the kernel (${w} × ${h})`,
    zh: (w: number, h: number) => `特征图：切片与卷积核卷积的结果（${w} × ${h}）`,
  } satisfies Fn<[number, number]>,
  legend: {
    en: 'Feature-map value: blue negative, light grey 0, orange positive',
    zh: '特征图数值：蓝色为负，浅灰为 0，橙色为正',
  },
  clipped: {
    en: (p: number, m: string) =>
      `The colour scale ends at ±${m}, the ${p}th percentile of |value|: values beyond take the end colours.`,
    zh: (p: number, m: string) => `色标止于 ±${m}，即绝对值的第 ${p} 百分位数：超出的数值以两端的颜色显示。`,
  } satisfies Fn<[number, string]>,
  presets: { en: 'Kernel presets', zh: '预设卷积核' },
  custom: { en: 'Custom kernel: your own weights.', zh: '自定义卷积核：你自己设定的权重。' },
  customLabel: { en: 'Custom', zh: '自定义' },
  editor: { en: 'Kernel weights, row by row', zh: '卷积核权重（逐行）' },
  cell: {
    en: (r: number, c: number) => `row ${r}, column ${c}`,
    zh: (r: number, c: number) => `第 ${r} 行，第 ${c} 列`,
  } satisfies Fn<[number, number]>,
  size: { en: 'Kernel size', zh: '卷积核尺寸' },
  normalise: { en: 'Normalise', zh: '归一化' },
  normaliseHint: {
    en: 'Divides by the sum of the weights (by the sum of their sizes when that is 0).',
    zh: '除以权重之和（和为 0 时除以各权重绝对值之和）。',
  },
  random: { en: 'Random', zh: '随机' },
  sum: {
    en: (s: string) => `Sum of the weights: ${s}`,
    zh: (s: string) => `权重之和：${s}`,
  } satisfies Fn<[string]>,
  range: {
    en: (min: string, max: string) => `Feature map: min ${min}, max ${max}`,
    zh: (min: string, max: string) => `特征图：最小值 ${min}，最大值 ${max}`,
  } satisfies Fn<[string, string]>,
  probe: {
    en: (r: number, c: number, x: string, y: string) => `Row ${r}, column ${c}: input ${x}, feature map ${y}`,
    zh: (r: number, c: number, x: string, y: string) => `第 ${r} 行、第 ${c} 列：输入 ${x}，特征图 ${y}`,
  } satisfies Fn<[number, number, string, string]>,
  probeHint: {
    en: 'Point at the feature map to read its value there.',
    zh: '把指针移到特征图上，即可读出该处的数值。',
  },
  timing: {
    en: (ms: string) => `Updated ${ms} ms after the kernel changed.`,
    zh: (ms: string) => `卷积核改变后 ${ms} ms 完成更新。`,
  } satisfies Fn<[string]>,
};

/** Texts of the stride, padding and dilation step (step 3). */
export const strideTexts = {
  grid: {
    en: (n: number, rows: number, cols: number) =>
      `Input ${n} × ${n} with its padding (${rows} × ${cols} cells). The outlined cells are the taps of the current output. Arrow keys move to another output.`,
    zh: (n: number, rows: number, cols: number) =>
      `输入 ${n} × ${n} 及其填充（共 ${rows} × ${cols} 格）。描边的格子是当前输出的采样点。方向键可切换到其他输出。`,
  } satisfies Fn<[number, number, number]>,
  legend: {
    en: 'Grey cells: input pixels, with their values. Dashed cells: padding. Orange outlines: the pixels the current output sees; dotted square: the span of the dilated kernel.',
    zh: '灰色格子：输入像素及其数值。虚线格子：填充。橙色描边：当前输出所看到的像素；点线方框：膨胀后卷积核的覆盖范围。',
  },
  output: {
    en: (h: number, w: number) =>
      `Output ${h} × ${w} (each value is the mean of the values its taps read, padding included)`,
    zh: (h: number, w: number) => `输出 ${h} × ${w}（每个值是其各采样点读到的值的平均，包括填充）`,
  } satisfies Fn<[number, number]>,
  formula: { en: 'Output size along each axis', zh: '每个方向上的输出尺寸' },
  sees: {
    en: (oy: number, ox: number, cells: string, padded: number) =>
      `Output (${oy}, ${ox}) sees input pixels ${cells}${padded > 0 ? ` and ${padded} padding cell(s)` : ''}.`,
    zh: (oy: number, ox: number, cells: string, padded: number) =>
      `输出 (${oy}, ${ox}) 看到的输入像素：${cells}${padded > 0 ? `，另有 ${padded} 个填充格` : ''}。`,
  } satisfies Fn<[number, number, string, number]>,
  noPixels: { en: 'none', zh: '无' },
  span: {
    en: (k: number, d: number, span: number) =>
      `A ${k} × ${k} kernel with dilation ${d} spans ${span} × ${span} pixels with ${k * k} weights.`,
    zh: (k: number, d: number, span: number) =>
      `膨胀率为 ${d} 的 ${k} × ${k} 卷积核覆盖 ${span} × ${span} 个像素，只有 ${k * k} 个权重。`,
  } satisfies Fn<[number, number, number]>,
  paddingUsed: {
    en: (top: number, bottom: number) =>
      top === bottom ? `Padding: ${top} on each side.` : `Padding: ${top} before, ${bottom} after.`,
    zh: (top: number, bottom: number) =>
      top === bottom ? `填充：每侧 ${top} 个像素。` : `填充：前侧 ${top} 个像素，后侧 ${bottom} 个像素。`,
  } satisfies Fn<[number, number]>,
};

/** Texts of the convolutional layer (step 4). */
export const layerTexts = {
  inputs: {
    en: (c: number) => `Input channels (C = ${c})`,
    zh: (c: number) => `输入通道（C = ${c}）`,
  } satisfies Fn<[number]>,
  cropped: {
    en: (w: number, h: number, cw: number, ch: number) =>
      `This image is ${w} × ${h} pixels: the maps below are of its central ${cw} × ${ch} region, to keep the page’s memory in bounds. The parameter counts are for the whole image.`,
    zh: (w: number, h: number, cw: number, ch: number) =>
      `该图像为 ${w} × ${h} 像素：为控制页面内存，下面的特征图只取其中央 ${cw} × ${ch} 的区域。参数量按整张图像计算。`,
  } satisfies Fn<[number, number, number, number]>,
  ctChannels: {
    en: 'A CT slice in HU, so the channels are the same slice in three windows (lung, soft tissue, bone), the way a radiologist reads it.',
    zh: '这是以 HU 为单位的 CT 切片，所以各通道是同一切片的三种窗（肺窗、软组织窗、骨窗），与放射科医生阅片的方式相同。',
  },
  gradientChannels: {
    en: 'This image has no Hounsfield units, so the channels are its intensity and its horizontal and vertical gradients (central differences).',
    zh: '该图像没有 HU 值，所以各通道是它的强度以及水平和竖直方向的梯度（中心差分）。',
  },
  filters: {
    en: (f: number, k: number, c: number) => `Filter bank: F = ${f} filters, each ${k} × ${k} × ${c}`,
    zh: (f: number, k: number, c: number) => `滤波器组：F = ${f} 个滤波器，每个为 ${k} × ${k} × ${c}`,
  } satisfies Fn<[number, number, number]>,
  filterName: {
    en: (f: number, shape: string, mix: string) => `Filter ${f}: ${shape}, channel weights ${mix}`,
    zh: (f: number, shape: string, mix: string) => `滤波器 ${f}：${shape}，通道权重 ${mix}`,
  } satisfies Fn<[number, string, string]>,
  slice: {
    en: (c: number, f: number) => `Kernel slice for channel ${c} of filter ${f}`,
    zh: (c: number, f: number) => `滤波器 ${f} 在通道 ${c} 上的卷积核切片`,
  } satisfies Fn<[number, number]>,
  outputs: {
    en: 'Output maps: map f = Σ over channels c of (channel c ⊛ kernel slice (c, f)) + b_f, with b_f = 0',
    zh: '输出特征图：第 f 个图 = 对所有通道 c 求和（通道 c ⊛ 卷积核切片 (c, f)）+ b_f，这里 b_f = 0',
  },
  outputMap: {
    en: (f: number, lo: string, hi: string) => `Map ${f} (from ${lo} to ${hi})`,
    zh: (f: number, lo: string, hi: string) => `特征图 ${f}（${lo} 至 ${hi}）`,
  } satisfies Fn<[number, string, string]>,
  countsTitle: { en: 'Weight sharing, counted', zh: '权值共享的参数量' },
  convCount: {
    en: (k: number, c: number, f: number, total: string) =>
      `Convolutional layer: k·k·C·F + F = ${k}·${k}·${c}·${f} + ${f} = ${total} parameters, whatever the image size.`,
    zh: (k: number, c: number, f: number, total: string) =>
      `卷积层：k·k·C·F + F = ${k}·${k}·${c}·${f} + ${f} = ${total} 个参数，与图像大小无关。`,
  } satisfies Fn<[number, number, number, string]>,
  denseCount: {
    en: (
      h: number,
      w: number,
      c: number,
      ho: number,
      wo: number,
      f: number,
      total: string,
      words: string,
      sci: string,
    ) =>
      `Dense layer from the same ${h} × ${w} × ${c} input to the same ${ho} × ${wo} × ${f} output: (H·W·C)·(H′·W′·F) + H′·W′·F = (${h}·${w}·${c})·(${ho}·${wo}·${f}) + ${ho}·${wo}·${f} = ${total} parameters (${words}, ${sci}).`,
    zh: (
      h: number,
      w: number,
      c: number,
      ho: number,
      wo: number,
      f: number,
      total: string,
      words: string,
      sci: string,
    ) =>
      `把同样的 ${h} × ${w} × ${c} 输入映射到同样的 ${ho} × ${wo} × ${f} 输出的全连接层：(H·W·C)·(H′·W′·F) + H′·W′·F = (${h}·${w}·${c})·(${ho}·${wo}·${f}) + ${ho}·${wo}·${f} = ${total} 个参数（${words}，${sci}）。`,
  } satisfies Fn<[number, number, number, number, number, number, string, string, string]>,
  ratio: {
    en: (r: string) => `The dense layer needs ${r} times as many parameters.`,
    zh: (r: string) => `全连接层需要的参数是卷积层的 ${r} 倍。`,
  } satisfies Fn<[string]>,
};

/** Every static text, keyed `group.key` (for the i18n test). */
export const staticTexts: Record<string, Localized> = Object.fromEntries(
  Object.entries({
    common: commonTexts,
    stepper: stepperTexts,
    feature: featureTexts,
    stride: strideTexts,
    layer: layerTexts,
  }).flatMap(([group, texts]) =>
    Object.entries(texts)
      .filter((e): e is [string, Localized] => typeof e[1].en === 'string' && typeof e[1].zh === 'string')
      .map(([key, text]) => [`${group}.${key}`, text]),
  ),
);
