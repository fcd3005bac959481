/**
 * Texts of the feature-map (step 3) and Grad-CAM (step 4) widgets of `cnn-architecture`, in both
 * languages: `{ en, zh }` pairs, or pairs of functions for texts with computed numbers. Layer names
 * are never put inside a text: the widgets show them apart, marked as English (`lang="en"`).
 * Symbols (x, w, b, z, y, Σ, α, A) are the same in both languages.
 */

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** Texts of the frame of steps 3 and 4 (the forward pass's status) and the prediction's title. */
export const frameTexts = {
  running: { en: 'Running the model on this input…', zh: '正在用该输入运行模型…' },
  updating: { en: 'Updating for the new input…', zh: '正在针对新的输入更新…' },
  forwardTime: {
    en: (ms: string, layers: number) => `Forward pass with all ${layers} layer outputs downloaded: ${ms} ms.`,
    zh: (ms: string, layers: number) => `前向传播（下载全部 ${layers} 层的输出）用时 ${ms} ms。`,
  } satisfies Fn<[string, number]>,
  predictionTitle: { en: 'What the model outputs for this input', zh: '模型对该输入的输出' },
};

/** Texts of the feature-map overview, the large map and its keys (step 3). */
export const mapsTexts = {
  overviewTitle: { en: 'Every layer’s output', zh: '每一层的输出' },
  overviewHint: {
    en: 'One row per layer, in the order the model computes them. Each square is one channel (one feature map); all channels of a layer share one colour scale, shown beside it. Click a map to open it large; in a row, the arrow keys move between maps and Enter opens one.',
    zh: '每层一行，按模型计算的先后排列。每个小方块是一个通道（一张特征图）；同一层的所有通道共用一个色标，显示在旁边。点击某张特征图即可放大查看；在一行内，方向键在特征图之间移动，回车键打开。',
  },
  shapeMaps: {
    en: (h: number, w: number, c: number) => `${h} × ${w} × ${c}`,
    zh: (h: number, w: number, c: number) => `${h} × ${w} × ${c}`,
  } satisfies Fn<[number, number, number]>,
  shapeVector: {
    en: (n: number) => `vector of ${n}`,
    zh: (n: number) => `长度为 ${n} 的向量`,
  } satisfies Fn<[number]>,
  legend: {
    en: (scale: string) =>
      scale === 'diverging'
        ? 'This layer’s colour scale: blue negative, light grey 0, orange positive'
        : 'This layer’s colour scale (viridis): dark purple lowest, yellow highest',
    zh: (scale: string) =>
      scale === 'diverging' ? '本层色标：蓝色为负，浅灰为 0，橙色为正' : '本层色标：深紫最低，黄色最高',
  } satisfies Fn<[string]>,
  range: {
    en: (min: string, max: string) => `min ${min}, max ${max}`,
    zh: (min: string, max: string) => `最小值 ${min}，最大值 ${max}`,
  } satisfies Fn<[string, string]>,
  showAll: {
    en: (n: number) => `Show all ${n} channels`,
    zh: (n: number) => `显示全部 ${n} 个通道`,
  } satisfies Fn<[number]>,
  showFewer: { en: 'Show fewer', zh: '少显示一些' },
  thumb: {
    en: (layer: number, c: number, n: number) => `Layer ${layer}, channel ${c} of ${n}: open large`,
    zh: (layer: number, c: number, n: number) => `第 ${layer} 层，第 ${c} 个通道（共 ${n} 个）：放大查看`,
  } satisfies Fn<[number, number, number]>,
  channelsGroup: {
    en: (layer: number) => `Layer ${layer}: channel maps`,
    zh: (layer: number) => `第 ${layer} 层：各通道的特征图`,
  } satisfies Fn<[number]>,
  vectorStrip: {
    en: (layer: number, n: number) =>
      `Layer ${layer}: ${n} values as a colour strip. Click a value, or use the arrow keys, to explain it.`,
    zh: (layer: number, n: number) =>
      `第 ${layer} 层：以色条显示的 ${n} 个数值。点击某个数值或使用方向键，即可查看它的计算过程。`,
  } satisfies Fn<[number, number]>,
  selectedTitle: { en: 'The selected map', zh: '选中的特征图' },
  channelOf: {
    en: (c: number, n: number) => `Channel ${c} of ${n}`,
    zh: (c: number, n: number) => `第 ${c} 个通道，共 ${n} 个`,
  } satisfies Fn<[number, number]>,
  prevChannel: { en: 'Previous channel', zh: '上一个通道' },
  nextChannel: { en: 'Next channel', zh: '下一个通道' },
  bigMap: {
    en: (h: number, w: number) =>
      `The selected channel, ${h} × ${w}; the outlined square is the selected unit. Click a unit or use the arrow keys to move it; Page Up and Page Down change the channel.`,
    zh: (h: number, w: number) =>
      `选中的通道，${h} × ${w}；描边方框是选中的单元。点击某个单元或用方向键移动它；上翻页键和下翻页键切换通道。`,
  } satisfies Fn<[number, number]>,
  bigVector: {
    en: (n: number) =>
      `The selected layer, ${n} values; the marked one is the selected unit. Click a value or use the arrow keys to move.`,
    zh: (n: number) => `选中的层，共 ${n} 个数值；标记的是选中的单元。点击某个数值或用方向键移动。`,
  } satisfies Fn<[number]>,
  unitAt: {
    en: (r: number, c: number, ch: number) => `Unit: row ${r}, column ${c}, channel ${ch}`,
    zh: (r: number, c: number, ch: number) => `单元：第 ${r} 行，第 ${c} 列，第 ${ch} 个通道`,
  } satisfies Fn<[number, number, number]>,
  unitIndex: {
    en: (i: number, n: number) => `Unit: index ${i} of ${n}`,
    zh: (i: number, n: number) => `单元：第 ${i} 个，共 ${n} 个`,
  } satisfies Fn<[number, number]>,
};

/** Texts of the unit detail panel (step 3). */
export const unitTexts = {
  title: { en: 'How this unit was computed', zh: '这个单元是如何算出来的' },
  receptiveTitle: { en: 'Its receptive field on the input', zh: '它在输入上的感受野' },
  receptive: {
    en: (h: number, w: number, r0: number, r1: number, c0: number, c1: number) =>
      `The unit sees ${h} × ${w} input pixels: rows ${r0} to ${r1}, columns ${c0} to ${c1} (outlined).`,
    zh: (h: number, w: number, r0: number, r1: number, c0: number, c1: number) =>
      `该单元看到 ${h} × ${w} 个输入像素：第 ${r0} 到 ${r1} 行，第 ${c0} 到 ${c1} 列（描边方框）。`,
  } satisfies Fn<[number, number, number, number, number, number]>,
  pastEdge: {
    en: (n: number) =>
      `Part of the field lies outside the ${n} × ${n} input: there the unit sees padding (zeros).`,
    zh: (n: number) => `感受野有一部分落在 ${n} × ${n} 的输入之外：那里该单元看到的是填充（零）。`,
  } satisfies Fn<[number]>,
  wholeInput: {
    en: 'After flattening, every unit depends on the whole input: its receptive field is the entire image.',
    zh: '展平之后，每个单元都依赖整个输入：它的感受野就是整张图像。',
  },
  inputFigure: {
    en: (n: number) => `The model input, ${n} × ${n}, with the unit’s receptive field outlined`,
    zh: (n: number) => `模型输入（${n} × ${n}），描边方框为该单元的感受野`,
  } satisfies Fn<[number]>,
  inputUnit: {
    en: 'An input unit: it is the pixel value itself, after windowing and resizing.',
    zh: '输入单元：它就是加窗和缩放之后的像素值本身。',
  },
  patch: { en: 'Input patch x', zh: '输入图块 x' },
  kernel: { en: 'Kernel slice w', zh: '卷积核切片 w' },
  products: { en: 'Products x·w', zh: '乘积 x·w' },
  padded: { en: 'Dashed cells are padding (x = 0).', zh: '虚线格子是填充（x = 0）。' },
  channelGroup: {
    en: (c: number, partial: string) => `Input channel ${c}: Σ x·w = ${partial}`,
    zh: (c: number, partial: string) => `输入通道 ${c}：Σ x·w = ${partial}`,
  } satisfies Fn<[number, string]>,
  channelsShown: {
    en: (shown: number, total: number) =>
      `The ${shown} input channels with the largest |Σ x·w| are drawn; the sums of all ${total} are listed below.`,
    zh: (shown: number, total: number) =>
      `画出的是 |Σ x·w| 最大的 ${shown} 个输入通道；全部 ${total} 个通道的和列在下面。`,
  } satisfies Fn<[number, number]>,
  showAllChannels: {
    en: (n: number) => `Draw all ${n} input channels`,
    zh: (n: number) => `画出全部 ${n} 个输入通道`,
  } satisfies Fn<[number]>,
  showStrongest: { en: 'Draw only the strongest channels', zh: '只画出最强的几个通道' },
  partialsTitle: { en: 'Σ x·w per input channel', zh: '各输入通道的 Σ x·w' },
  largestTitle: {
    en: (k: number, n: number) => `The ${k} largest of ${n} terms, by |x·w|`,
    zh: (k: number, n: number) => `共 ${n} 项中按 |x·w| 最大的 ${k} 项`,
  } satisfies Fn<[number, number]>,
  rest: {
    en: (n: number, s: string) => `… and ${n} more terms, summing to ${s}.`,
    zh: (n: number, s: string) => `……另有 ${n} 项，其和为 ${s}。`,
  } satisfies Fn<[number, string]>,
  source: { en: 'Input', zh: '输入' },
  weight: { en: 'w', zh: 'w' },
  sumLine: {
    en: 'Σ x·w over all terms',
    zh: '所有项的 Σ x·w',
  },
  biasLine: { en: '+ bias b', zh: '+ 偏置 b' },
  preLine: { en: '= pre-activation z', zh: '= 激活前的值 z' },
  activationLine: {
    en: (f: string) => `value y = ${f}(z)`,
    zh: (f: string) => `输出 y = ${f}(z)`,
  } satisfies Fn<[string]>,
  linearLine: { en: 'value y = z (no activation function)', zh: '输出 y = z（没有激活函数）' },
  maxPool: {
    en: (n: number) => `Max pooling: the largest of these ${n} values (outlined) is the output.`,
    zh: (n: number) => `最大池化：这 ${n} 个数值中最大的一个（描边）就是输出。`,
  } satisfies Fn<[number]>,
  avgPool: {
    en: (n: number) => `Average pooling: the mean of these ${n} values is the output.`,
    zh: (n: number) => `平均池化：这 ${n} 个数值的平均值就是输出。`,
  } satisfies Fn<[number]>,
  globalPool: {
    en: (n: number, h: number, w: number) =>
      `Global average pooling: the mean of all ${n} values of this channel (${h} × ${w}) is the output.`,
    zh: (n: number, h: number, w: number) =>
      `全局平均池化：该通道全部 ${n} 个数值（${h} × ${w}）的平均值就是输出。`,
  } satisfies Fn<[number, number, number]>,
  poolSum: {
    en: (sum: string, n: number, v: string) => `Σ = ${sum}; ${sum} / ${n} = ${v}`,
    zh: (sum: string, n: number, v: string) => `Σ = ${sum}；${sum} / ${n} = ${v}`,
  } satisfies Fn<[string, number, string]>,
  add: {
    en: 'Add: the skip connection’s value plus the branch’s value, at the same position and channel.',
    zh: '相加：跳跃连接的值加上分支的值，位置和通道相同。',
  },
  concatenate: {
    en: 'Concatenate: channels are stacked, so this unit is a copy of one unit of one input.',
    zh: '拼接：各输入的通道叠在一起，所以这个单元就是某个输入中一个单元的副本。',
  },
  flatten: {
    en: 'Flatten: the maps are read out row by row, channel fastest, so this value is a copy of one unit.',
    zh: '展平：按行读出特征图（通道变化最快），所以这个数值就是某个单元的副本。',
  },
  activation: {
    en: (f: string) => `Activation: y = ${f}(z), applied to one value.`,
    zh: (f: string) => `激活：y = ${f}(z)，作用于一个数值。`,
  } satisfies Fn<[string]>,
  softmax: {
    en: (n: number) => `Softmax over all ${n} logits: y_i = exp(z_i) / Σ_j exp(z_j).`,
    zh: (n: number) => `对全部 ${n} 个 logits 做 softmax：y_i = exp(z_i) / Σ_j exp(z_j)。`,
  } satisfies Fn<[number]>,
  checkTitle: { en: 'Check against tfjs', zh: '与 tfjs 的结果核对' },
  reference: { en: 'Reference (plain TypeScript, above)', zh: '参考值（上面逐项列出的计算）' },
  tfjs: { en: 'tfjs forward pass', zh: 'tfjs 前向传播' },
  delta: { en: 'Difference', zh: '差值' },
  explainFailed: { en: 'This unit could not be explained:', zh: '无法解释这个单元：' },
};

/** Texts of the Grad-CAM step (step 4). */
export const camTexts = {
  classTitle: { en: 'Class to explain', zh: '要解释的类别' },
  classOption: {
    en: (name: string, p: string) => `${name} (p ${p.startsWith('<') ? p : `= ${p}`})`,
    zh: (name: string, p: string) => `${name}（p ${p.startsWith('<') ? p : `= ${p}`}）`,
  } satisfies Fn<[string, string]>,
  predictedMark: { en: ' — predicted', zh: '（预测类别）' },
  layerLabel: { en: 'Layer whose maps are weighted', zh: '被加权的特征图所在的层' },
  opacity: { en: 'Heat-map opacity', zh: '热力图不透明度' },
  computing: { en: 'Computing Grad-CAM…', zh: '正在计算 Grad-CAM…' },
  failed: { en: 'Grad-CAM failed:', zh: 'Grad-CAM 计算失败：' },
  overlay: {
    en: (n: number, h: number, w: number) =>
      `Grad-CAM map (${h} × ${w}) upsampled bilinearly onto the ${n} × ${n} input and laid over it`,
    zh: (n: number, h: number, w: number) =>
      `Grad-CAM 图（${h} × ${w}）经双线性插值放大到 ${n} × ${n} 的输入上并叠加显示`,
  } satisfies Fn<[number, number, number]>,
  raw: {
    en: (h: number, w: number) => `The map at the layer’s own resolution, ${h} × ${w}`,
    zh: (h: number, w: number) => `该层自身分辨率下的图，${h} × ${w}`,
  } satisfies Fn<[number, number]>,
  legend: {
    en: 'ReLU(Σ_k α_k A^k) (viridis): dark purple 0, yellow the largest value',
    zh: 'ReLU(Σ_k α_k A^k)：深紫为 0，黄色为最大值',
  },
  lesionMark: {
    en: (r: string) => `Dashed circle: the lesion centre and a radius of ${r} pixels.`,
    zh: (r: string) => `虚线圆：病灶中心，半径 ${r} 个像素。`,
  } satisfies Fn<[string]>,
  score: {
    en: (y: string, p: string) =>
      `Class score y_c (the logit, before softmax) = ${y}; its probability is ${p}.`,
    zh: (y: string, p: string) => `类别得分 y_c（softmax 之前的 logit）= ${y}；其概率为 ${p}。`,
  } satisfies Fn<[string, string]>,
  alphaTitle: {
    en: (k: number) => `Channel weights α_k (mean gradient ∂y_c/∂A^k over positions), ${k} channels`,
    zh: (k: number) => `通道权重 α_k（∂y_c/∂A^k 在各位置上的平均），共 ${k} 个通道`,
  } satisfies Fn<[number]>,
  alphaLabel: {
    en: (k: number, pos: number, neg: number, lo: string, hi: string) =>
      `Bar chart of ${k} channel weights: ${pos} positive (orange), ${neg} negative (blue); from ${lo} to ${hi}.`,
    zh: (k: number, pos: number, neg: number, lo: string, hi: string) =>
      `${k} 个通道权重的条形图：${pos} 个为正（橙色），${neg} 个为负（蓝色）；范围 ${lo} 到 ${hi}。`,
  } satisfies Fn<[number, number, number, string, string]>,
  zeroMap: {
    en: 'The map is zero everywhere: at this layer, no position raises this class’s score (every weighted sum Σ_k α_k A^k is ≤ 0).',
    zh: '这张图处处为零：在这一层，没有任何位置提高该类别的得分（每个加权和 Σ_k α_k A^k 都 ≤ 0）。',
  },
  nearLesion: {
    en: (share: string, r: string, area: string, d: string) =>
      `${share} of the map’s total lies within ${r} pixels of the lesion centre, a disc covering ${area} of the input; the hottest pixel is ${d} pixels from the centre.`,
    zh: (share: string, r: string, area: string, d: string) =>
      `图的总量中有 ${share} 落在距病灶中心 ${r} 个像素之内，这个圆盘占输入的 ${area}；最热的像素距中心 ${d} 个像素。`,
  } satisfies Fn<[string, string, string, string]>,
  verdict: {
    concentrated: {
      en: 'The heat is concentrated on the lesion (at least twice what an even spread would put there).',
      zh: '热区集中在病灶上（至少是均匀分布时的两倍）。',
    },
    away: {
      en: 'The heat lies mostly away from the lesion (at most half of what an even spread would put there).',
      zh: '热区大多不在病灶处（至多是均匀分布时的一半）。',
    },
    spread: {
      en: 'The heat is neither concentrated on the lesion nor kept away from it.',
      zh: '热区既没有集中在病灶上，也没有避开病灶。',
    },
  },
  noLesion: {
    en: 'This slice has no known lesion position, so the map is described relative to the crop.',
    zh: '这张切片没有已知的病灶位置，因此相对于裁剪区域来描述这张图。',
  },
  lesionOutside: {
    en: 'The sample’s lesion lies outside this crop, so the map is described relative to the crop.',
    zh: '样例的病灶不在这个裁剪区域内，因此相对于裁剪区域来描述这张图。',
  },
  central: {
    en: (share: string, row: number, col: number) =>
      `${share} of the map’s total lies in the central quarter of the crop (the middle half of each side, 25 % of the area); the hottest pixel is at row ${row}, column ${col}.`,
    zh: (share: string, row: number, col: number) =>
      `图的总量中有 ${share} 落在裁剪区域的中央四分之一（每边的中间一半，面积占 25%）；最热的像素位于第 ${row} 行、第 ${col} 列。`,
  } satisfies Fn<[string, number, number]>,
  centralVerdict: {
    centre: { en: 'The heat is mostly in the centre of the crop.', zh: '热区主要在裁剪区域的中央。' },
    edges: { en: 'The heat is mostly near the edges of the crop.', zh: '热区主要在裁剪区域的边缘附近。' },
    spread: {
      en: 'The heat is spread over the crop, not mainly in its centre.',
      zh: '热区分散在裁剪区域中，并不主要集中在中央。',
    },
  },
  layersTitle: { en: 'How the map changes with the layer', zh: '图如何随层而变化' },
  layersHint: {
    en: 'Early layers have large maps (fine detail) but small receptive fields and little knowledge of the class; the last convolution has the coarsest map but units that see most of the input and feed the class score directly.',
    zh: '靠前的层特征图大（细节精细），但感受野小，对类别的了解也少；最后一个卷积层的图最粗糙，但其单元能看到输入的大部分，并直接影响类别得分。',
  },
  layerRow: {
    en: (h: number, w: number, rf: number, jump: number) =>
      `map ${h} × ${w}; each cell ${jump} input pixels apart; receptive field ${rf} × ${rf} pixels`,
    zh: (h: number, w: number, rf: number, jump: number) =>
      `图 ${h} × ${w}；相邻格子相隔 ${jump} 个输入像素；感受野 ${rf} × ${rf} 个像素`,
  } satisfies Fn<[number, number, number, number]>,
  compare: { en: 'Compute the map at every layer', zh: '计算每一层的图' },
  comparing: {
    en: (i: number, n: number) => `Computing layer ${i} of ${n}…`,
    zh: (i: number, n: number) => `正在计算第 ${i} 层，共 ${n} 层…`,
  } satisfies Fn<[number, number]>,
  compareFigure: {
    en: (h: number, w: number, peak: string) => `Map ${h} × ${w}, largest value ${peak}`,
    zh: (h: number, w: number, peak: string) => `图 ${h} × ${w}，最大值 ${peak}`,
  } satisfies Fn<[number, number, string]>,
  useLayer: { en: 'Use this layer', zh: '使用这一层' },
  notClassifier: {
    en: (task: string) =>
      `Grad-CAM explains a class score: it weights a layer’s maps by the gradient of one class’s logit. This model ${task}, so it has no class score to explain.`,
    zh: (task: string) =>
      `Grad-CAM 解释的是类别得分：它用某个类别 logit 的梯度来给一层的特征图加权。这个模型${task}，没有可解释的类别得分。`,
  } satisfies Fn<[string]>,
  noMaps: {
    en: 'This classifier flattens the image before its first layer, so it has no feature maps: Grad-CAM has nothing to weight.',
    zh: '这个分类器在第一层之前就把图像展平了，所以它没有特征图：Grad-CAM 没有可加权的对象。',
  },
  segmentationTask: { en: 'outputs a probability per pixel (a mask)', zh: '输出每个像素的概率（一张掩膜）' },
  denoisingTask: { en: 'outputs a denoised image', zh: '输出一张去噪后的图像' },
  switchTo: {
    en: (name: string) => `Switch to the ${name} classifier`,
    zh: (name: string) => `切换到 ${name} 分类器`,
  } satisfies Fn<[string]>,
};
