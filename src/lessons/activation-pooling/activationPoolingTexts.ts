/**
 * Texts of the activation-pooling widgets, in both languages. `{name}` placeholders are filled with
 * computed numbers by the widgets (`fillPlaceholders` of src/i18n/translate.ts); mathematical names
 * (x, f(x), f′(x), α, P, K) are the same in both languages.
 */
import type { Localized } from '../../core/lessons/types';
import type { ActivationId } from '../../core/tensor/reference/activations';
import type { BankKernel, RepresentationId } from '../../core/tensor/shiftExperiment';

/** Names of the bank's kernels. */
export const kernelNames: Record<BankKernel['id'], Localized> = {
  'sobel-x': { en: 'Sobel x (vertical edges)', zh: 'Sobel x（竖直边缘）' },
  'sobel-y': { en: 'Sobel y (horizontal edges)', zh: 'Sobel y（水平边缘）' },
  'sobel-diagonal': { en: 'Sobel, diagonal ↘', zh: 'Sobel 对角线 ↘' },
  'sobel-antidiagonal': { en: 'Sobel, diagonal ↙', zh: 'Sobel 对角线 ↙' },
  'bright-spot': { en: 'Laplacian: bright spot', zh: '拉普拉斯算子：亮点' },
  'dark-spot': { en: 'Laplacian: dark spot', zh: '拉普拉斯算子：暗点' },
};

/** Names of the activations. */
export const activationNames: Record<Exclude<ActivationId, 'linear'>, Localized> = {
  relu: { en: 'ReLU', zh: 'ReLU' },
  'leaky-relu': { en: 'leaky ReLU', zh: '带泄漏的 ReLU' },
  elu: { en: 'ELU', zh: 'ELU' },
  sigmoid: { en: 'sigmoid', zh: 'sigmoid' },
  tanh: { en: 'tanh', zh: 'tanh' },
  gelu: { en: 'GELU', zh: 'GELU' },
};

/** Texts of the crop picker shared by steps 2 and 3. */
export const pickerTexts = {
  label: {
    en: 'The slice, with the crop outlined. Click to move the crop, or focus here and use the arrow keys (Shift: larger steps).',
    zh: '切片，框出的是裁剪区域。点击可移动裁剪区域；也可以聚焦此处后用方向键移动（按住上档键移动得更多）。',
  },
  where: {
    en: 'Crop: rows {top}–{bottom}, columns {left}–{right} (centre row {cy}, column {cx})',
    zh: '裁剪区域：第 {top}–{bottom} 行，第 {left}–{right} 列（中心在第 {cy} 行、第 {cx} 列）',
  },
  source: {
    en: 'Dashed: the larger region the shifted content is read from.',
    zh: '虚线框：读取平移后内容的更大区域。',
  },
  up: { en: 'Move the crop up', zh: '裁剪区域上移' },
  down: { en: 'Move the crop down', zh: '裁剪区域下移' },
  left: { en: 'Move the crop left', zh: '裁剪区域左移' },
  right: { en: 'Move the crop right', zh: '裁剪区域右移' },
  reset: { en: 'Back to the nodule', zh: '回到结节处' },
  moves: { en: 'Move the crop', zh: '移动裁剪区域' },
} satisfies Record<string, Localized>;

/** Texts of step 1 (activation functions). */
export const actTexts = {
  plotTitle: { en: '{name}: f(x) and its derivative f′(x)', zh: '{name}：f(x) 及其导数 f′(x)' },
  plotDesc: {
    en: 'The function (solid) and its derivative (dashed) for x from −8 to 8; the dotted vertical line is the probe x.',
    zh: '函数（实线）及其导数（虚线），x 从 −8 到 8；竖直点线是探针位置 x。',
  },
  fLabel: { en: 'f(x)', zh: 'f(x)' },
  dLabel: { en: 'f′(x), the gradient it passes back', zh: 'f′(x)，它回传的梯度因子' },
  xAxis: { en: 'input x', zh: '输入 x' },
  yAxis: { en: 'value', zh: '数值' },
  legend: { en: 'Curves', zh: '曲线' },
  probe: {
    en: 'At x = {x}: f(x) = {f}, f′(x) = {d}.',
    zh: '在 x = {x} 处：f(x) = {f}，f′(x) = {d}。',
  },
  before: { en: 'Before: z = w × response', zh: '激活前：z = w × 响应' },
  beforeCaption: {
    en: 'Before: z = w × response ({kernel}, w = {w})',
    zh: '激活前：z = w × 响应（{kernel}，w = {w}）',
  },
  after: { en: 'After: f(z)', zh: '激活后：f(z)' },
  mapLabel: {
    en: '{what} of the whole slice, {w}×{h} pixels; blue negative, orange positive, grey 0',
    zh: '整张切片的{what}，{w}×{h} 像素；蓝色为负，橙色为正，灰色为 0',
  },
  scale: { en: 'Both maps share one colour scale', zh: '两幅图使用同一色标' },
  statsTitle: { en: 'Over the {n} values of this feature map', zh: '在这幅特征图的 {n} 个数值上统计' },
  zeroed: {
    en: '{share} ({count} values) are exactly 0 after f',
    zh: '{share}（{count} 个数值）经过 f 后恰好为 0',
  },
  saturated: {
    en: '{share} ({count} values) with |f′(z)| < {t}: saturated or switched off',
    zh: '{share}（{count} 个数值）满足 |f′(z)| < {t}：饱和或被关闭',
  },
  negative: {
    en: '{share} ({count} values) with a negative input z < 0',
    zh: '{share}（{count} 个数值）的输入为负（z < 0）',
  },
  range: { en: 'z ranges from {lo} to {hi}', zh: 'z 的取值范围：{lo} 到 {hi}' },
  cropped: {
    en: 'This image is {w}×{h} pixels: the maps and counts below are of its central {cw}×{ch} region, so that each change stays quick.',
    zh: '该图像为 {w}×{h} 像素：为使每次调整都能迅速完成，下面的特征图和统计只取其中央 {cw}×{ch} 的区域。',
  },
  sliceTooSmall: {
    en: 'The slice is {w}×{h} pixels: the 3×3 kernel, with the border mirrored, needs at least 2×2. Open a larger image or choose a sample.',
    zh: '切片为 {w}×{h} 像素：3×3 卷积核在边界镜像填充时至少需要 2×2 像素。请打开更大的图像或选择示例切片。',
  },
  alphaLeak: { en: 'Leaky ReLU slope α', zh: '带泄漏 ReLU 的斜率 α' },
  alphaElu: { en: 'ELU α', zh: 'ELU 的 α' },
  relu: {
    en: 'ReLU passes back f′ = 1 for z > 0 and exactly 0 for z < 0: {zeroed} of this map’s units give no gradient at all. A unit whose input is negative for every image never changes again: a dead ReLU.',
    zh: 'ReLU 在 z > 0 时回传 f′ = 1，在 z < 0 时回传恰好 0：这幅图中 {zeroed} 的单元完全没有梯度。若某单元对所有图像的输入都为负，它就再也不会改变：这就是死亡的 ReLU。',
  },
  leaky: {
    en: 'Leaky ReLU passes back α = {alpha} for z < 0 ({negative} of this map): small, but never 0, so no unit can die.',
    zh: '带泄漏的 ReLU 在 z < 0 时回传 α = {alpha}（这幅图中占 {negative}）：很小，但从不为 0，所以没有单元会死亡。',
  },
  elu: {
    en: 'ELU passes back α·eᶻ for z < 0: {d3} at z = −3 and {d6} at z = −6. It fades for very negative inputs (f tends to −α = −{alpha}) but is never exactly 0; {saturated} of this map has |f′| < {t}.',
    zh: 'ELU 在 z < 0 时回传 α·eᶻ：z = −3 时为 {d3}，z = −6 时为 {d6}。输入很负时它逐渐消失（f 趋于 −α = −{alpha}），但从不恰好为 0；这幅图中 {saturated} 的数值满足 |f′| < {t}。',
  },
  sigmoid: {
    en: 'The sigmoid’s derivative is at most σ′(0) = {d0}; σ′(5) = {d5} and σ′(10) = {d10}. A sigmoid multiplies the gradient passing through it by at most {d0}, and by almost 0 in saturation: {saturated} of this map is saturated (|f′| < {t}). Stack a few such layers and, unless the weights make up for it, the gradient vanishes.',
    zh: 'sigmoid 的导数最大为 σ′(0) = {d0}；σ′(5) = {d5}，σ′(10) = {d10}。经过 sigmoid 的梯度至多乘以 {d0}，饱和时几乎乘以 0：这幅图中 {saturated} 的数值处于饱和（|f′| < {t}）。叠加几层这样的函数，除非权重把它补回来，梯度就会消失。',
  },
  tanh: {
    en: 'tanh′ is at most tanh′(0) = {d0}, but tanh′(3) = {d3} and tanh′(5) = {d5}: {saturated} of this map is saturated (|f′| < {t}), where almost no gradient flows back.',
    zh: 'tanh′ 最大为 tanh′(0) = {d0}，但 tanh′(3) = {d3}，tanh′(5) = {d5}：这幅图中 {saturated} 的数值处于饱和（|f′| < {t}），那里几乎没有梯度回传。',
  },
  gelu: {
    en: 'GELU is smooth: its derivative is small but not 0 for negative inputs, with its lowest value {dmin} at x = {xmin} on the plot. {saturated} of this map has |f′| < {t}.',
    zh: 'GELU 是光滑的：输入为负时导数很小但不为 0，图中导数的最小值为 {dmin}，出现在 x = {xmin} 处。这幅图中 {saturated} 的数值满足 |f′| < {t}。',
  },
} satisfies Record<string, Localized>;

/** Texts of step 2 (pooling). */
export const poolTexts = {
  input: { en: 'Input: ReLU of the {kernel} response', zh: '输入：{kernel} 响应的 ReLU' },
  output: { en: 'Output: {kind}', zh: '输出：{kind}' },
  mapLabel: {
    en: '{what}, {h}×{w} values, viridis colour scale from {lo} to {hi}',
    zh: '{what}，{h}×{w} 个数值，由深紫到黄的色标，从 {lo} 到 {hi}',
  },
  formula: {
    en: 'Output size per axis: ⌊(n − k) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = {out}, so {out}×{out} values from {n}×{n}.',
    zh: '每个方向的输出尺寸：⌊(n − k) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = {out}，即由 {n}×{n} 个数值得到 {out}×{out} 个。',
  },
  globalFormula: {
    en: 'Global average pooling keeps one number per channel: the mean of all {n}×{n} = {count} values.',
    zh: '全局平均池化每个通道只保留一个数：全部 {n}×{n} = {count} 个数值的平均值。',
  },
  windowTitle: {
    en: 'Window at output row {oy}, column {ox}: input rows {y0}–{y1}, columns {x0}–{x1}',
    zh: '输出第 {oy} 行、第 {ox} 列的窗口：输入第 {y0}–{y1} 行，第 {x0}–{x1} 列',
  },
  windowValues: { en: 'The values in the window', zh: '窗口中的数值' },
  maxResult: {
    en: 'The largest of the {count} values is {max} (marked): that is the output.',
    zh: '这 {count} 个数值中最大的是 {max}（已标出）：它就是输出。',
  },
  avgResult: {
    en: 'Sum {sum} ÷ count {count} = {mean}: that is the output.',
    zh: '总和 {sum} ÷ 个数 {count} = {mean}：它就是输出。',
  },
  globalResult: {
    en: 'Channel {kernel}: sum of all values {sum} ÷ {count} = {mean}.',
    zh: '通道 {kernel}：全部数值之和 {sum} ÷ {count} = {mean}。',
  },
  maxMark: { en: 'max', zh: 'max' },
  kindMax: { en: 'max pooling', zh: '最大池化' },
  kindAvg: { en: 'average pooling', zh: '平均池化' },
  kindGlobal: { en: 'global average pooling', zh: '全局平均池化' },
  prev: { en: 'Previous window', zh: '上一个窗口' },
  next: { en: 'Next window', zh: '下一个窗口' },
  first: { en: 'First window', zh: '第一个窗口' },
  stepper: { en: 'Step through the windows', zh: '逐个查看窗口' },
  outputHint: {
    en: 'Output map: click a value, or focus it and use the arrow keys, to step through the windows.',
    zh: '输出图：点击某个数值，或聚焦后用方向键，逐个查看窗口。',
  },
  globalTitle: { en: 'Global average of each channel', zh: '各通道的全局平均值' },
  colChannel: { en: 'channel', zh: '通道' },
  colMean: { en: 'global average', zh: '全局平均值' },
  colMax: { en: 'largest value', zh: '最大值' },
  colZero: { en: 'share of zeros (ReLU)', zh: '零值比例（ReLU）' },
  sliceTooSmall: {
    en: 'The slice is {w}×{h} pixels, but a {n}-pixel region with one pixel of context needs {need}×{need}: choose a smaller region or another slice.',
    zh: '切片为 {w}×{h} 像素，而 {n} 像素的区域加上四周各 1 像素的上下文需要 {need}×{need} 像素：请选择更小的区域或换一张切片。',
  },
  tooSmall: {
    en: 'The window (k = {k}) is larger than the region ({n} pixels): choose a smaller window or a larger region.',
    zh: '窗口（k = {k}）比区域（{n} 像素）还大：请选较小的窗口或较大的区域。',
  },
} satisfies Record<string, Localized>;

/** Names of the representations of step 3. */
export const representationNames: Record<RepresentationId, Localized> = {
  conv: { en: 'conv + ReLU', zh: '卷积 + ReLU' },
  'conv-pool': { en: 'conv + ReLU + max-pool', zh: '卷积 + ReLU + 最大池化' },
  'two-stage': { en: 'two stages of conv + ReLU + max-pool', zh: '两级“卷积 + ReLU + 最大池化”' },
  global: { en: 'conv + ReLU + global average pool', zh: '卷积 + ReLU + 全局平均池化' },
};
