/**
 * Texts of the neurons widgets, in both languages. `{name}` placeholders are filled with computed
 * numbers by the widgets (`fillPlaceholders` of src/i18n/translate.ts); mathematical names (x₁, w₁,
 * z, σ) are the same in both languages.
 */
import type { Lang, Localized } from '../../core/lessons/types';
import { fillPlaceholders, type MessageParams } from '../../i18n/translate';

/** Fills a text's placeholders in one language. */
export function tx(text: Localized, lang: Lang, params?: MessageParams): string {
  return fillPlaceholders(text[lang], params);
}

/** Texts of the one-neuron step. */
export const neuronTexts = {
  inputNames: [
    { en: 'mean HU of the region ÷ 1,000', zh: '区域平均 HU 值 ÷ 1,000' },
    { en: 'edge strength', zh: '边缘强度' },
    { en: 'roundness', zh: '圆度' },
  ],
  inputsHeading: { en: 'Inputs and weights', zh: '输入与权重' },
  justNumbers: {
    en: 'The names are ours: to the neuron x₁, x₂ and x₃ are just three numbers.',
    zh: '这些名字是我们起的：对神经元来说，x₁、x₂、x₃ 只是三个数。',
  },
  inputLabel: { en: 'Input x{i}: {name}', zh: '输入 x{i}：{name}' },
  weightLabel: { en: 'Weight w{i}', zh: '权重 w{i}' },
  biasLabel: { en: 'Bias b', zh: '偏置 b' },
  activationLegend: { en: 'Activation f', zh: '激活函数 f' },
  formulaHeading: { en: 'The computation with the current numbers', zh: '用当前数值进行的计算' },
  slope: {
    en: 'Slope f′(z) = {slope}: how much y changes per unit of z (training multiplies by it).',
    zh: '斜率 f′(z) = {slope}：z 每变化一个单位，y 变化多少（训练时要乘上它）。',
  },
  diagramTitle: { en: 'Diagram of the neuron', zh: '神经元示意图' },
  diagramDesc: {
    en: 'Three inputs on the left feed the sum Σ through weighted lines, the bias joins from above, then the activation f gives the output y. Vermillion solid lines are positive weights, blue dashed lines negative ones; thicker lines are larger weights.',
    zh: '左侧三个输入经加权连线汇入求和节点 Σ，偏置从上方加入，再经激活函数 f 得到输出 y。朱红色实线表示正权重，蓝色虚线表示负权重；线越粗，权重的绝对值越大。',
  },
  legendPositive: { en: 'positive weight', zh: '正权重' },
  legendNegative: { en: 'negative weight', zh: '负权重' },
  legendWidth: { en: 'line width: size of the weight', zh: '线宽：权重的大小' },
  plotTitle: { en: 'The activation function and the current z', zh: '激活函数与当前的 z' },
  plotDesc: {
    en: 'The curve y = f(z); the dashed vertical line and the dot mark the current z and y.',
    zh: '曲线 y = f(z)；竖直虚线和圆点标出当前的 z 和 y。',
  },
  curve: { en: 'y = f(z)', zh: 'y = f(z)' },
  current: { en: 'current (z, y)', zh: '当前的 (z, y)' },
  zAxis: { en: 'z (weighted sum + bias)', zh: 'z（加权和 + 偏置）' },
  yAxis: { en: 'y = f(z)', zh: 'y = f(z)' },
} as const;

/** Texts of the linear-classifier step. */
export const classifierTexts = {
  loading: { en: 'Generating {n} phantom patches…', zh: '正在生成 {n} 个体模图块…' },
  failed: { en: 'The phantom patches could not be made: {message}', zh: '无法生成体模图块：{message}' },
  timing: {
    en: '{n} patches generated in {gen} ms and their features computed in {feat} ms, once per page.',
    zh: '{n} 个图块的生成用时 {gen} ms，特征计算用时 {feat} ms，每个页面只计算一次。',
  },
  featureLegend: { en: 'Second feature f₂', zh: '第二个特征 f₂' },
  weightsHeading: {
    en: 'The neuron’s weights (on standardised features)',
    zh: '神经元的权重（作用于标准化特征）',
  },
  standardised: {
    en: 'Standardised: z₁ = (mean HU − {m1}) / {s1} and z₂ = ({f2} − {m2}) / {s2}, means and standard deviations over the {n} patches.',
    zh: '标准化：z₁ =（平均 HU 值 − {m1}）/ {s1}，z₂ =（{f2} − {m2}）/ {s2}，均值和标准差取自这 {n} 个图块。',
  },
  line: { en: 'Decision line: {w1}·z₁ + {w2}·z₂ + {b} = 0', zh: '决策线：{w1}·z₁ + {w2}·z₂ + {b} = 0' },
  fit: { en: 'Fit', zh: '拟合' },
  fitHint: {
    en: 'Sets w₁, w₂ and b by logistic regression (rounded to the sliders’ steps of 0.01).',
    zh: '用逻辑回归设置 w₁、w₂ 和 b（按滑块的步长 0.01 取整）。',
  },
  isFit: {
    en: 'This is the logistic-regression line for these two features.',
    zh: '这就是这两个特征的逻辑回归直线。',
  },
  scatterTitle: {
    en: '{n} phantom patches: mean HU against {f2}, both standardised',
    zh: '{n} 个体模图块：平均 HU 值与{f2}，均已标准化',
  },
  scatterDesc: {
    en: 'Blue circles: patches without a nodule; vermillion triangles: patches with a nodule. The dashed line is the neuron’s decision line; on the side its weights point to, it answers “nodule”.',
    zh: '蓝色圆点：无结节的图块；朱红色三角：有结节的图块。虚线是神经元的决策线；在权重所指向的一侧，它回答“有结节”。',
  },
  xAxis: { en: 'z₁: mean HU, standardised', zh: 'z₁：平均 HU 值（标准化）' },
  yAxis: { en: 'z₂: {f2}, standardised', zh: 'z₂：{f2}（标准化）' },
  noNodule: { en: 'no nodule', zh: '无结节' },
  nodule: { en: 'nodule', zh: '有结节' },
  boundary: { en: 'decision line', zh: '决策线' },
  confusionCaption: {
    en: 'The neuron’s answers on the {n} patches (the same patches the Fit uses: training counts)',
    zh: '神经元在这 {n} 个图块上的回答（即“拟合”所用的同一批图块：训练集上的统计）',
  },
  truth: { en: 'Truth', zh: '真实情况' },
  saysNodule: { en: 'Neuron says “nodule”', zh: '神经元判为“有结节”' },
  saysNone: { en: 'Neuron says “no nodule”', zh: '神经元判为“无结节”' },
  accuracy: { en: 'Training accuracy (on the fitted patches)', zh: '训练准确率（在拟合所用的图块上）' },
  sensitivity: { en: 'Sensitivity (nodules found)', zh: '灵敏度（找到的结节比例）' },
  specificity: { en: 'Specificity (normal patches cleared)', zh: '特异度（正确排除的正常图块比例）' },
  summary: {
    en: 'Training accuracy {acc}: {tp} nodules found, {fn} missed, {fp} false alarms, {tn} normal patches cleared.',
    zh: '训练准确率 {acc}：找到 {tp} 个结节，漏掉 {fn} 个，误报 {fp} 个，正确排除 {tn} 个正常图块。',
  },
  compareCaption: {
    en: 'The fitted line for each choice of features, counted on the same {n} patches it was fitted to',
    zh: '每种特征组合下拟合得到的直线，在拟合所用的同一批 {n} 个图块上统计',
  },
  compareFeatures: { en: 'Features of the line', zh: '直线所用的特征' },
  meanHuOnly: { en: 'Mean HU alone (w₂ = 0)', zh: '仅平均 HU 值（w₂ = 0）' },
  withFeature: { en: 'Mean HU + {f2}', zh: '平均 HU 值 + {f2}' },
  current: { en: '(shown above)', zh: '（即上图）' },
  compareSummary: {
    en: 'With mean HU alone the best line is right on {a0} of the patches; with mean HU and “{f2}” on {a1}. Even that line leaves {wrong} of the {n} patches on the wrong side: the two classes overlap in these features.',
    zh: '仅用平均 HU 值时，最好的直线在 {a0} 的图块上判断正确；用平均 HU 值加“{f2}”时为 {a1}。即使是这条直线，{n} 个图块中仍有 {wrong} 个落在错误的一侧：两类在这些特征上互相重叠。',
  },
  trainingNote: {
    en: 'These are training counts: the line is judged on the patches it was fitted to, which flatters it. Measuring on patches it has never seen comes in the training lessons.',
    zh: '这些是训练集上的统计：直线是在拟合它所用的图块上评判的，结果偏乐观。在从未见过的图块上测量，放在后面的训练课程中。',
  },
} as const;

/** Texts of the parameter-count step. */
export const mlpTexts = {
  mlpHeading: { en: 'The MLP', zh: 'MLP 的结构' },
  layersLegend: { en: 'Hidden layers', zh: '隐藏层数' },
  unitsLabel: { en: 'Units in hidden layer {k}', zh: '第 {k} 个隐藏层的单元数' },
  headLegend: { en: 'The CNN’s output head', zh: 'CNN 的输出头' },
  tableCaption: {
    en: 'Parameters per layer (weights + biases) for a {side}×{side} patch and a 512×512 slice',
    zh: '各层参数量（权重 + 偏置）：{side}×{side} 图块与 512×512 切片',
  },
  colLayer: { en: 'Layer', zh: '层' },
  colPatch: { en: '{side}×{side} patch', zh: '{side}×{side} 图块' },
  colSlice: { en: '512×512 slice', zh: '512×512 切片' },
  mlpGroup: { en: 'MLP on flattened pixels', zh: '展平像素上的 MLP' },
  cnnGroup: { en: 'Small CNN', zh: '小型 CNN' },
  hidden: { en: 'Dense, hidden layer {k}: {units} units', zh: '全连接隐藏层 {k}：{units} 个单元' },
  output: { en: 'Dense, output layer: {units} units', zh: '全连接输出层：{units} 个单元' },
  conv: {
    en: 'Convolution {k}: {filters} filters of {kernel}×{kernel}',
    zh: '卷积层 {k}：{filters} 个 {kernel}×{kernel} 滤波器',
  },
  pool: { en: 'Max-pooling {k}, 2×2', zh: '最大池化 {k}，2×2' },
  globalPool: { en: 'Global max-pooling', zh: '全局最大池化' },
  total: { en: 'Total', zh: '合计' },
  memory: { en: 'Memory of the weights (4 bytes each)', zh: '权重占用的内存（每个 4 字节）' },
  ratio: {
    en: 'On the {side}×{side} patch the MLP has about {ratio} times as many parameters as the CNN.',
    zh: '在 {side}×{side} 图块上，MLP 的参数量约是 CNN 的 {ratio} 倍。',
  },
  barsTitle: { en: 'Total parameters, logarithmic scale', zh: '参数总量（对数刻度）' },
  barsDesc: {
    en: 'One bar per network and input size; each gridline is ten times the previous one.',
    zh: '每个网络和输入尺寸各一根柱；每条网格线是前一条的十倍。',
  },
  barMlpPatch: { en: 'MLP, {side}×{side} patch', zh: 'MLP，{side}×{side} 图块' },
  barMlpSlice: { en: 'MLP, 512×512 slice', zh: 'MLP，512×512 切片' },
  barCnnPatch: { en: 'CNN, {side}×{side} patch', zh: 'CNN，{side}×{side} 图块' },
  barCnnSlice: { en: 'CNN, 512×512 slice', zh: 'CNN，512×512 切片' },
} as const;

/** Texts of the permutation step. */
export const permuteTexts = {
  tooSmall: {
    en: 'This image is {w}×{h} pixels, smaller than the {side}×{side} patch: open a larger image or choose a sample slice.',
    zh: '这幅图像只有 {w}×{h} 像素，小于 {side}×{side} 的图块：请打开更大的图像，或选择一张样例切片。',
  },
  overviewLabel: {
    en: 'The slice with the patch outlined. Click to move the patch; with the keyboard, focus here and use the arrow keys (with Shift: steps of 10%).',
    zh: '切片，图块以方框标出。点击可移动图块；使用键盘时，先聚焦此处，再用方向键移动（按住上档键：每次 10%）。',
  },
  overviewHint: {
    en: 'Click the slice, or focus it and use the arrow keys, to move the patch.',
    zh: '点击切片，或聚焦切片后用方向键，即可移动图块。',
  },
  position: {
    en: 'Patch: columns {x0}–{x1}, rows {y0}–{y1}',
    zh: '图块：第 {x0}–{x1} 列，第 {y0}–{y1} 行',
  },
  cxLabel: { en: 'Patch position, horizontal (%)', zh: '图块水平位置（%）' },
  cyLabel: { en: 'Patch position, vertical (%)', zh: '图块垂直位置（%）' },
  seedLabel: { en: 'Permutation number (seed)', zh: '置换编号（随机种子）' },
  another: { en: 'Another permutation', zh: '换一个置换' },
  undoLabel: { en: 'Undo the shuffle (apply the inverse permutation)', zh: '撤销打乱（应用逆置换）' },
  original: { en: 'Original patch', zh: '原图块' },
  shuffled: { en: 'Shuffled patch', zh: '打乱后的图块' },
  restored: { en: 'Shuffled, then un-shuffled', zh: '打乱后再还原' },
  restoredCheck: {
    en: 'Pixels that differ from the original: {k} of {n}.',
    zh: '与原图块不同的像素：{k} 个，共 {n} 个。',
  },
  patchLabel: { en: '{name}, {side}×{side} pixels, grey levels', zh: '{name}，{side}×{side} 像素，灰度' },
  sobelOriginal: { en: 'Sobel edge magnitude of the original patch', zh: '原图块的 Sobel 边缘强度' },
  sobelShuffled: { en: 'Sobel edge magnitude of the shuffled patch', zh: '打乱后图块的 Sobel 边缘强度' },
  sobelHeading: { en: 'A 3×3 convolution (Sobel) on both', zh: '在两者上做 3×3 卷积（Sobel）' },
  legend: { en: 'Sobel magnitude √(Gx² + Gy²)', zh: 'Sobel 强度 √（水平梯度² + 垂直梯度²）' },
  statsCaption: { en: 'What neighbourhood means, in numbers', zh: '用数字说明“邻域”的含义' },
  statistic: { en: 'Statistic', zh: '统计量' },
  correlation: {
    en: 'Correlation of neighbouring pixels',
    zh: '相邻像素的相关系数',
  },
  meanEdge: { en: 'Mean Sobel magnitude', zh: '平均 Sobel 强度' },
  mlpHeading: { en: 'The same computation for an MLP', zh: '对 MLP 而言计算完全相同' },
  mlpIntro: {
    en: 'An MLP with {inputs} inputs, {hidden} ReLU units and {outputs} outputs, random weights from seed {seed}:',
    zh: '一个有 {inputs} 个输入、{hidden} 个 ReLU 单元和 {outputs} 个输出的 MLP，权重由随机种子 {seed} 生成：',
  },
  mlpCaption: { en: 'MLP outputs y₁ and y₂', zh: 'MLP 的输出 y₁ 和 y₂' },
  mlpOriginal: { en: 'Original network, original patch', zh: '原网络，原图块' },
  mlpPermuted: {
    en: 'First-layer weights permuted the same way, shuffled patch',
    zh: '第一层权重按同样方式置换，打乱后的图块',
  },
  mlpNaive: {
    en: 'Original network, shuffled patch (for comparison)',
    zh: '原网络，打乱后的图块（作对比）',
  },
  mlpDiff: {
    en: 'Largest difference between the first two rows: {diff} (rounding: the same products summed in another order).',
    zh: '前两行之间的最大差值：{diff}（舍入误差：同样的乘积以不同顺序相加）。',
  },
  mlpMeaning: {
    en: 'So an MLP trained on shuffled patches can reach exactly the same outputs: it never used the position of a pixel.',
    zh: '因此，在打乱的图块上训练的 MLP 可以得到完全相同的输出：它从未利用像素的位置。',
  },
} as const;

/** A localised text or a list of them: what the texts test walks. */
export type NeuronsTextTree = Record<string, Localized | readonly Localized[]>;
