/**
 * Texts of the backprop-sgd widgets, in both languages. `{name}` placeholders are filled with
 * computed numbers by the widgets (`fillPlaceholders` of src/i18n/translate.ts); mathematical
 * names (x₁, ∂L/∂w, η) are the same in both languages.
 */
import type { Localized } from '../../core/lessons/types';
import type { OptimizerId } from '../../core/autodiff/optimizers2d';

/** Texts of the graph walk (steps 1–3). */
export const graphTexts = {
  neuronTitle: { en: 'Computational graph of one neuron and its loss', zh: '一个神经元及其损失的计算图' },
  twoLayerTitle: {
    en: 'Computational graph of a network with one hidden layer',
    zh: '含一个隐藏层的网络的计算图',
  },
  desc: {
    en: 'Nodes are operations (circles) and inputs, weights and constants (squares). Numbers above an edge are the values flowing forward; orange numbers below an edge are the gradients flowing back, and the orange number under a node is its gradient so far.',
    zh: '圆形节点是运算，方形节点是输入、权重和常数。边上方的数字是前向流动的数值；边下方的橙色数字是反向流动的梯度，节点下方的橙色数字是该节点目前累积的梯度。',
  },
  legend: {
    en: 'Above an edge: the value flowing forward. Orange, below an edge: the gradient flowing back. Orange, under a node: ∂L/∂(node) accumulated so far.',
    zh: '边的上方：前向流动的数值。边下方的橙色数字：反向流动的梯度。节点下方的橙色数字：目前累积的 ∂L/∂（节点）。',
  },
  forwardPosition: {
    en: 'Forward pass: {k} of {n} operations computed',
    zh: '前向传播：已计算 {k} 个运算，共 {n} 个',
  },
  backwardPosition: {
    en: 'Backward pass: {k} of {n} operations processed',
    zh: '反向传播：已处理 {k} 个运算，共 {n} 个',
  },
  forwardStart: {
    en: 'Only the inputs, the weights and the target are known. Press “Step” to compute the first operation.',
    zh: '此时只知道输入、权重和目标值。按“下一步”计算第一个运算。',
  },
  backwardStart: {
    en: 'The forward pass is done. The backward pass starts at the loss, with ∂L/∂L = 1. Press “Step”.',
    zh: '前向传播已完成。反向传播从损失开始，∂L/∂L = 1。请按“下一步”。',
  },
  forwardDone: {
    en: 'Forward pass complete: the loss is L = {loss}.',
    zh: '前向传播完成：损失 L = {loss}。',
  },
  backwardDone: {
    en: 'Backward pass complete: every weight has its gradient, from one sweep through the graph.',
    zh: '反向传播完成：一次反向遍历就得到了每个权重的梯度。',
  },
  computing: { en: 'Computed at this node', zh: '本节点的计算' },
  chainRule: { en: 'Local derivatives and the chain rule at this node', zh: '本节点的局部导数与链式法则' },
  summary: { en: 'Gradients of the loss with respect to the weights', zh: '损失对各权重的梯度' },
  back: { en: 'Back', zh: '上一步' },
  step: { en: 'Step', zh: '下一步' },
  play: { en: 'Play', zh: '自动播放' },
  pause: { en: 'Pause', zh: '暂停' },
  reset: { en: 'Start again', zh: '从头开始' },
  controls: { en: 'Walk through the graph', zh: '逐步浏览计算图' },
} satisfies Record<string, Localized>;

/** Texts of the gradient check (step 4). */
export const checkTexts = {
  plotTitle: {
    en: 'Relative error of the finite difference against ε',
    zh: '有限差分的相对误差随 ε 的变化',
  },
  plotDesc: {
    en: 'Logarithmic axes. The central difference is most accurate near ε = 10⁻⁵; the forward difference is less accurate; for very small ε rounding errors take over.',
    zh: '双对数坐标。中心差分在 ε = 10⁻⁵ 附近最准确；前向差分精度较低；ε 过小时舍入误差占主导。',
  },
  sliceTitle: { en: 'The loss as the chosen weight is nudged', zh: '微调所选权重时损失的变化' },
  sliceDesc: {
    en: 'The loss curve around the current weight, the tangent whose slope is the backprop gradient, and the two nudged points θ ± ε.',
    zh: '当前权重附近的损失曲线、斜率等于反向传播梯度的切线，以及微调后的两个点 θ ± ε。',
  },
  central: { en: 'central difference', zh: '中心差分' },
  nudgedLosses: { en: 'the loss with the weight nudged up and down', zh: '权重向上、向下微调后的损失' },
  backprop: { en: 'the gradient from backpropagation', zh: '反向传播得到的梯度' },
  forward: { en: 'forward difference', zh: '前向差分' },
  lossCurve: { en: 'loss L', zh: '损失 L' },
  tangent: { en: 'tangent (backprop gradient)', zh: '切线（反向传播梯度）' },
  nudged: { en: 'nudged points θ ± ε', zh: '微调点 θ ± ε' },
  errorAxis: { en: 'relative error', zh: '相对误差' },
  epsAxis: { en: 'ε', zh: 'ε' },
  weightAxis: { en: 'value of the weight', zh: '权重取值' },
  relError: {
    en: 'Relative error (the difference divided by the larger of the two magnitudes)',
    zh: '相对误差（两者之差的绝对值除以两者中较大的绝对值）',
  },
  verdictGood: {
    en: 'Agreement to {digits} significant digits: the backward pass is right.',
    zh: '两者在 {digits} 位有效数字上一致：反向传播是正确的。',
  },
  verdictBad: {
    en: 'Poor agreement at this ε: see the plot for why (truncation error for large ε, rounding error for tiny ε).',
    zh: '在这个 ε 下吻合较差：原因见图（ε 太大时是截断误差，ε 太小时是舍入误差）。',
  },
} satisfies Record<string, Localized>;

/** Texts of the kernel-learning step (step 5). */
export const kernelTexts = {
  patches: { en: 'Phantom patches of this mini-batch', zh: '本小批量中的体模图块' },
  patchesDesc: {
    en: 'lung patches in a lung window, averaged down to 8×8 pixels; half of them hold a nodule.',
    zh: '以肺窗显示、平均缩小为 8×8 像素的肺组织图块；其中一半含有结节。',
  },
  withNodule: { en: 'nodule', zh: '有结节' },
  withoutNodule: { en: 'no nodule', zh: '无结节' },
  kernel: { en: 'Kernel K', zh: '卷积核 K' },
  gradient: { en: 'Gradient ∂L/∂K', zh: '梯度 ∂L/∂K' },
  after: { en: 'After the step: K − η·∂L/∂K', zh: '更新后：K − η·∂L/∂K' },
  heatDesc: {
    en: 'A 3×3 grid; blue cells are negative, orange cells positive, the number is written in each cell.',
    zh: '3×3 网格；蓝色格为负值，橙色格为正值，每格中写有数值。',
  },
  batchLoss: {
    en: 'Loss on this mini-batch: {before} → {after}',
    zh: '本小批量上的损失：{before} → {after}',
  },
  fullLoss: {
    en: 'Loss on all {n} patches: {before} → {after}',
    zh: '全部 {n} 个图块上的损失：{before} → {after}',
  },
  stepOf: {
    en: 'SGD step {k} (mini-batch {b} of {nb}, {size} patches)',
    zh: 'SGD 第 {k} 步（第 {b} 个小批量，共 {nb} 个，每批 {size} 个图块）',
  },
  take: { en: 'Take this step', zh: '执行这一步' },
  undo: { en: 'Undo a step', zh: '撤销一步' },
  reset: { en: 'Start again', zh: '从头开始' },
  historyTitle: { en: 'Loss on all patches after each SGD step', zh: '每步 SGD 之后全部图块上的损失' },
  historyDesc: {
    en: 'The loss falls, with some noise from the mini-batches.',
    zh: '损失逐步下降，小批量带来一些波动。',
  },
  stepAxis: { en: 'SGD step', zh: 'SGD 步数' },
  lossAxis: { en: 'loss', zh: '损失' },
  controls: { en: 'Stochastic gradient descent on the kernel', zh: '对卷积核做随机梯度下降' },
} satisfies Record<string, Localized>;

/** Names of the optimizers. */
export const optimizerNames: Record<OptimizerId, Localized> = {
  sgd: { en: 'SGD', zh: 'SGD' },
  momentum: { en: 'Momentum', zh: '动量法' },
  nesterov: { en: 'Nesterov', zh: '涅斯捷罗夫动量' },
  rmsprop: { en: 'RMSProp', zh: '均方根传播' },
  adam: { en: 'Adam', zh: 'Adam' },
};

/** Texts of the optimizer race (step 6). */
export const raceTexts = {
  title: { en: 'Optimizers racing on a loss surface', zh: '各优化器在损失曲面上的比赛' },
  desc: {
    en: 'Filled contours of the loss (dark = low). Each optimizer starts at the white square; the star marks a minimum.',
    zh: '损失的填色等高线图（颜色越深损失越低）。各优化器都从白色方块出发；星号标出极小值。',
  },
  start: { en: 'start', zh: '起点' },
  minimum: { en: 'minimum', zh: '极小值' },
  trained: { en: 'trained weights', zh: '训练得到的权重' },
  legend: { en: 'Optimizers', zh: '优化器' },
  colOptimizer: { en: 'optimizer', zh: '优化器' },
  colLoss: { en: 'loss at the end', zh: '最终损失' },
  colSteps: { en: 'steps', zh: '步数' },
  colStatus: { en: 'outcome', zh: '结果' },
  ok: { en: 'still inside', zh: '仍在图内' },
  diverged: { en: 'diverged', zh: '发散' },
  escaped: { en: 'ran off the plot, still descending', zh: '一路下降，跑出了图' },
  pathLabel: {
    en: '{name}: loss {loss} after {steps} steps ({status})',
    zh: '{name}：{steps} 步后损失为 {loss}（{status}）',
  },
  lr: { en: 'Learning rate η = {lr}; momentum μ = {mu}.', zh: '学习率 η = {lr}；动量 μ = {mu}。' },
  curvature: {
    en: 'Largest curvature at the start: λ = {lambda}. Plain gradient descent is stable only for η < 2/λ = {limit}.',
    zh: '起点处的最大曲率 λ = {lambda}。普通梯度下降只有在 η < 2/λ = {limit} 时才稳定。',
  },
  suggest: { en: 'Set η ≈ 1/λ', zh: '设 η ≈ 1/λ' },
  replay: { en: 'Replay the race', zh: '重新比赛' },
  showAll: { en: 'Show the whole race', zh: '显示完整路径' },
  fixed: {
    en: 'RMSProp uses ρ = 0.9; Adam uses β₁ = 0.9, β₂ = 0.999; both ε = 10⁻⁸.',
    zh: '均方根传播取 ρ = 0.9；Adam 取 β₁ = 0.9、β₂ = 0.999；二者 ε = 10⁻⁸。',
  },
  axisX: { en: 'x', zh: 'x' },
  axisY: { en: 'y', zh: 'y' },
  axisKernel: { en: 'kernel centre K₂₂', zh: '卷积核中心 K₂₂' },
  axisBias: { en: 'output bias b_d', zh: '输出偏置 b_d' },
  computing: { en: 'Computing the surface…', zh: '正在计算曲面……' },
} satisfies Record<string, Localized>;

/** Texts of the mini-batch step (step 7). */
export const batchTexts = {
  panelTitle: { en: 'Mini-batch gradients, B = {b}', zh: '小批量梯度，B = {b}' },
  panelDesc: {
    en: 'Each dot is the gradient of one random mini-batch of {b} patches, in two of the weights; the black arrow is the full-batch gradient.',
    zh: '每个点是一个随机小批量（{b} 个图块）的梯度在两个权重上的分量；黑色箭头是全批量梯度。',
  },
  axisKernel: { en: '∂L/∂K₂₂', zh: '∂L/∂K₂₂' },
  axisBias: { en: '∂L/∂b_d', zh: '∂L/∂b_d' },
  colB: { en: 'batch size B', zh: '批大小 B' },
  colCos: { en: 'mean cosine with the full gradient', zh: '与全批量梯度的平均余弦' },
  colSpread: { en: 'spread ‖g_B − g‖ (measured)', zh: '离散程度 ‖g_B − g‖（实测）' },
  colExpected: { en: 'spread (formula)', zh: '离散程度（公式）' },
  caption: {
    en: '{draws} mini-batches of each size, drawn without replacement from {n} phantom patches; all {d} weights count for the cosine and the spread.',
    zh: '每种批大小各抽取 {draws} 个小批量（从 {n} 个体模图块中不放回抽样）；余弦和离散程度按全部 {d} 个权重计算。',
  },
  plotTitle: { en: 'Spread of the mini-batch gradient against B', zh: '小批量梯度的离散程度随 B 的变化' },
  plotDesc: {
    en: 'Logarithmic axes: the measured spread follows the formula, falling like 1/√B and reaching 0 at B = N.',
    zh: '双对数坐标：实测离散程度与公式吻合，按 1/√B 下降，B = N 时为 0。',
  },
  measured: { en: 'measured', zh: '实测' },
  formula: { en: 'formula', zh: '公式' },
  batchAxis: { en: 'batch size B', zh: '批大小 B' },
  spreadAxis: { en: 'spread', zh: '离散程度' },
} satisfies Record<string, Localized>;
