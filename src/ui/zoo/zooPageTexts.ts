/**
 * Texts of the `#/zoo` page in both languages: `{ en, zh }` pairs, or pairs of functions for texts
 * with computed numbers (the numbers are formatted by the caller, zooFormat.ts). Loaded with the
 * page, not with the app shell.
 */
import type { Localized } from '../../core/lessons/types';
import type { ZooTaskId, ZooTaskKind } from '../../core/models/zooTypes';

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** What each phantom task asks. */
export const TASK_NAMES: Readonly<Record<ZooTaskId, Localized>> = {
  nodule: { en: 'Lung patch: is there a nodule?', zh: '肺部图块：有没有结节？' },
  haemorrhage: { en: 'Head CT: is there an acute haemorrhage?', zh: '头部 CT：有没有急性出血？' },
  region: { en: 'Chest CT patch: what lies at its centre?', zh: '胸部 CT 图块：中心是什么部位？' },
  'nodule-mask': { en: 'Lung patch: outline the nodule (a mask)', zh: '肺部图块：勾画出结节（掩膜）' },
  'low-dose': { en: 'Low-dose lung patch: remove the noise', zh: '低剂量肺部图块：去除噪声' },
};

/** What kind of output a model gives. */
export const KIND_NAMES: Readonly<Record<ZooTaskKind, Localized>> = {
  classification: { en: 'Classification', zh: '分类' },
  segmentation: { en: 'Segmentation', zh: '分割' },
  denoising: { en: 'Denoising', zh: '去噪' },
};

/** Texts of the model cards. */
export const cardTexts = {
  sectionTitle: { en: 'The models', zh: '模型一览' },
  sectionIntro: {
    en: 'Each card shows at once what the catalogue defines. The numbers measured from the model itself (parameters, operations, receptive field) and from its training run (data, validation metrics, weight file) appear as soon as its trained weights have loaded.',
    zh: '每张卡片先显示模型目录中的定义。从模型本身算出的数字（参数、运算量、感受野）和训练记录中的数字（数据、验证指标、权重文件）会在训练好的权重加载后立即出现。',
  },
  listLabel: { en: 'Zoo models', zh: '模型库中的模型' },
  task: { en: 'Task', zh: '任务' },
  classes: { en: 'Classes', zh: '类别' },
  output: { en: 'Output', zh: '输出' },
  maskOutput: { en: 'a probability per pixel (lesion or not)', zh: '每个像素一个概率（是否为病灶）' },
  imageOutput: { en: 'the denoised image', zh: '去噪后的图像' },
  input: { en: 'Input', zh: '输入' },
  inputValue: {
    en: (size: number, fov: string, spacing: string) =>
      `${size} × ${size} pixels: a ${fov} field at ${spacing} per pixel`,
    zh: (size: number, fov: string, spacing: string) =>
      `${size} × ${size} 像素：${fov} 的视野，每像素 ${spacing}`,
  } satisfies Fn<[number, string, string]>,
  window: { en: 'Window', zh: '窗' },
  windowValue: {
    en: (center: string, width: string) => `level ${center}, width ${width}, mapped to 0…1`,
    zh: (center: string, width: string) => `窗位 ${center}，窗宽 ${width}，映射到 0…1`,
  } satisfies Fn<[string, string]>,
  params: { en: 'Parameters', zh: '参数' },
  flops: { en: 'Operations per image', zh: '每幅图像的运算量' },
  flopsNote: { en: '(a multiply-add counts 2)', zh: '（一次乘加算 2 次）' },
  receptive: { en: 'Receptive field', zh: '感受野' },
  receptiveValue: {
    en: (rows: number, cols: number, mm: string) =>
      `a unit of the last spatial layer sees ${rows} × ${cols} input pixels (${mm}); that layer:`,
    zh: (rows: number, cols: number, mm: string) =>
      `最后一个空间层的单元看到 ${rows} × ${cols} 个输入像素（${mm}）；该层为：`,
  } satisfies Fn<[number, number, string]>,
  receptiveWhole: {
    en: 'then the dense layers combine the whole input',
    zh: '之后的全连接层把整幅输入合在一起',
  },
  receptiveMlp: {
    en: 'the whole input from the first layer on (no convolution)',
    zh: '从第一层起就是整幅输入（没有卷积）',
  },
  trainingData: { en: 'Training data', zh: '训练数据' },
  trainingDataValue: {
    en: (train: string, trainSeed: number, val: string, valSeed: number) =>
      `${train} generated examples (seed ${trainSeed}); validation: ${val} more (seed ${valSeed})`,
    zh: (train: string, trainSeed: number, val: string, valSeed: number) =>
      `${train} 个生成的样例（种子 ${trainSeed}）；验证集：另外 ${val} 个（种子 ${valSeed}）`,
  } satisfies Fn<[string, number, string, number]>,
  training: { en: 'Training', zh: '训练' },
  trainingValue: {
    en: (epochs: number, batch: number, lr: string, seconds: string) =>
      `${epochs} epochs, batches of ${batch}, learning rate ${lr}, ${seconds}; optimiser and backend:`,
    zh: (epochs: number, batch: number, lr: string, seconds: string) =>
      `${epochs} 轮，每批 ${batch} 个，学习率 ${lr}，用时 ${seconds}；优化器和计算后端：`,
  } satisfies Fn<[number, number, string, string]>,
  validation: { en: 'Validation', zh: '验证结果' },
  auc: { en: 'AUC', zh: 'AUC' },
  accuracy: { en: 'accuracy', zh: '准确率' },
  dice: { en: 'mean Dice on images with a nodule', zh: '含结节图像上的平均 Dice' },
  psnr: {
    en: (out: string, input: string) => `PSNR ${out} (the noisy input: ${input})`,
    zh: (out: string, input: string) => `PSNR ${out}（有噪声的输入：${input}）`,
  } satisfies Fn<[string, string]>,
  weights: { en: 'Weight file', zh: '权重文件' },
  weightsValue: {
    en: (size: string, floats: string) => `${size} (${floats} 32-bit numbers)`,
    zh: (size: string, floats: string) => `${size}（${floats} 个 32 位数）`,
  } satisfies Fn<[string, string]>,
  loading: { en: 'Loading the trained weights…', zh: '正在加载训练好的权重…' },
  loadFailed: { en: 'The trained weights could not be loaded:', zh: '无法加载训练好的权重：' },
  noManifest: {
    en: 'No training record (manifest) was found for these weights.',
    zh: '没有找到这些权重的训练记录（清单文件）。',
  },
  takeApart: { en: 'Take it apart, layer by layer', zh: '逐层拆开来看' },
  run: { en: 'Run it on an image', zh: '在图像上运行' },
} as const;

/** Texts of the run panel. */
export const runTexts = {
  title: { en: 'Run a model on an image', zh: '在图像上运行模型' },
  intro: {
    en: 'Pick a model and an image: a sample slice, your own file, or a fresh phantom example generated like the model’s validation data. The slice is windowed, cropped to the field the model was trained on and resized; the model then runs in this browser.',
    zh: '选择一个模型和一幅图像：样例切片、你自己的文件，或按模型验证数据的方式新生成的体模样例。切片先加窗，再裁剪到模型训练时的视野并缩放，然后模型在本浏览器中运行。',
  },
  model: { en: 'Model', zh: '模型' },
  source: { en: 'Image', zh: '图像' },
  ownFile: { en: 'Your own file', zh: '你自己的文件' },
  phantom: { en: 'Phantom example (generated)', zh: '体模样例（生成）' },
  seed: { en: 'Seed', zh: '种子' },
  example: { en: 'Example', zh: '样例' },
  exampleOption: {
    en: (n: number, label: string) => `${n}: ${label}`,
    zh: (n: number, label: string) => `${n}：${label}`,
  } satisfies Fn<[number, string]>,
  lesion: { en: 'with a lesion', zh: '有病灶' },
  noLesion: { en: 'no lesion', zh: '无病灶' },
  phantomNote: {
    en: (train: number, val: number) =>
      `Generated by the same code as the model’s data. Its training set used seed ${train} and its validation set seed ${val}; any other seed gives examples it has never seen.`,
    zh: (train: number, val: number) =>
      `由生成模型数据的同一段代码产生。训练集用的种子是 ${train}，验证集是 ${val}；换成其他种子得到的样例，模型从未见过。`,
  } satisfies Fn<[number, number]>,
  seenSeed: {
    en: 'This is the training set’s seed: the model was trained on these very examples, so its answer says little about new ones.',
    zh: '这是训练集的种子：模型正是用这些样例训练的，因此它在这里的回答说明不了它对新样例的表现。',
  },
  phantomNoteNoManifest: {
    en: 'Generated by the same code as the model’s training and validation data.',
    zh: '由生成模型训练和验证数据的同一段代码产生。',
  },
  overview: {
    en: 'The whole slice; the orange square is the field the model sees. Click to move it, or focus it and use the arrow keys (with Shift, a bigger step).',
    zh: '整张切片；橙色方框是模型看到的视野。点击可移动方框，也可聚焦后用方向键移动（按住上档键则每次移动更多）。',
  },
  centreAuto: { en: 'Centre: the sample’s lesion (automatic).', zh: '中心：样例中的病灶（自动）。' },
  centreMiddle: { en: 'Centre: the middle of the slice (automatic).', zh: '中心：切片正中（自动）。' },
  centreChosen: {
    en: (row: number, column: number) => `Centre: row ${row}, column ${column} (chosen).`,
    zh: (row: number, column: number) => `中心：第 ${row} 行、第 ${column} 列（手动选择）。`,
  } satisfies Fn<[number, number]>,
  centreReset: { en: 'Back to the automatic centre', zh: '恢复自动中心' },
  prepared: { en: 'What the model sees', zh: '模型看到的输入' },
  preparedLabel: {
    en: (size: number) => `The prepared input, ${size} × ${size} pixels, windowed to 0…1`,
    zh: (size: number) => `处理后的输入，${size} × ${size} 像素，加窗到 0…1`,
  } satisfies Fn<[number]>,
  preparedInfo: {
    en: (side: number, mm: string, center: string, width: string) =>
      `Cropped ${side} × ${side} source pixels (${mm} a side), window level ${center}, width ${width}.`,
    zh: (side: number, mm: string, center: string, width: string) =>
      `裁剪了 ${side} × ${side} 个原始像素（边长 ${mm}），窗位 ${center}，窗宽 ${width}。`,
  } satisfies Fn<[number, string, string, string]>,
  imageWindow: {
    en: 'This image has no Hounsfield units, so its own display window was used instead of the model’s CT window: the model was never trained on such images, and its answer means little.',
    zh: '这幅图像没有 CT 值（HU），因此用了它自己的显示窗，而不是模型的 CT 窗：模型从未在这类图像上训练过，它的回答意义不大。',
  },
  assumedSpacing: {
    en: (mm: string) => `The file gives no pixel size; it is taken to be ${mm}, as in the training data.`,
    zh: (mm: string) => `文件没有给出像素大小；按训练数据的 ${mm} 处理。`,
  } satisfies Fn<[string]>,
  running: { en: 'Running the model…', zh: '正在运行模型…' },
  ran: {
    en: (ms: string, backend: string) => `One forward pass (every layer read back): ${ms} on ${backend}.`,
    zh: (ms: string, backend: string) => `一次前向传播（读回每一层）：${ms}，运行于 ${backend}。`,
  } satisfies Fn<[string, string]>,
  runFailed: { en: 'The model could not run:', zh: '模型无法运行：' },
  modelLoading: { en: 'Loading the model…', zh: '正在加载模型…' },
  phantomFailed: { en: 'The phantom example could not be generated:', zh: '无法生成体模样例：' },
} as const;

/** Texts of the results. */
export const resultTexts = {
  probabilities: { en: 'Class probabilities (softmax)', zh: '各类别的概率（softmax）' },
  probability: {
    en: (name: string, p: string) => `${name}: ${p}`,
    zh: (name: string, p: string) => `${name}：${p}`,
  } satisfies Fn<[string, string]>,
  predictedMark: { en: 'predicted', zh: '预测类别' },
  predicted: {
    en: (label: string, p: string) => `The model says: ${label} (probability ${p}).`,
    zh: (label: string, p: string) => `模型的判断：${label}（概率 ${p}）。`,
  } satisfies Fn<[string, string]>,
  sum: {
    en: (s: string) => `The probabilities add up to ${s}.`,
    zh: (s: string) => `各概率之和为 ${s}。`,
  } satisfies Fn<[string]>,
  truth: {
    en: (label: string) => `Ground truth of this phantom: ${label}.`,
    zh: (label: string) => `该体模的真实答案：${label}。`,
  } satisfies Fn<[string]>,
  maskTitle: { en: 'Predicted mask over the input', zh: '叠加在输入上的预测掩膜' },
  maskLabel: {
    en: (t: string) => `The input with the pixels of probability ${t} or more filled in orange and outlined`,
    zh: (t: string) => `输入图像，概率不低于 ${t} 的像素以橙色填充并描边`,
  } satisfies Fn<[string]>,
  maskLegendPred: {
    en: (t: string) => `predicted (probability ≥ ${t})`,
    zh: (t: string) => `预测（概率 ≥ ${t}）`,
  } satisfies Fn<[string]>,
  maskLegendTruth: { en: 'true mask of the phantom', zh: '体模的真实掩膜' },
  probMapTitle: { en: 'Probability per pixel', zh: '每个像素的概率' },
  probMapLabel: {
    en: 'The model’s probability of lesion at each pixel',
    zh: '模型给出的每个像素属于病灶的概率',
  },
  area: {
    en: (pixels: number, mm2: string, pixelMm: string) =>
      `Mask area: ${pixels} pixels = ${mm2} (one pixel is ${pixelMm} a side).`,
    zh: (pixels: number, mm2: string, pixelMm: string) =>
      `掩膜面积：${pixels} 个像素 = ${mm2}（每像素边长 ${pixelMm}）。`,
  } satisfies Fn<[number, string, string]>,
  trueArea: {
    en: (pixels: number, mm2: string, dice: string) =>
      `True mask: ${pixels} pixels = ${mm2}; Dice with the prediction ${dice}.`,
    zh: (pixels: number, mm2: string, dice: string) =>
      `真实掩膜：${pixels} 个像素 = ${mm2}；与预测的 Dice 为 ${dice}。`,
  } satisfies Fn<[number, string, string]>,
  denoiseInput: { en: 'Input (noisy)', zh: '输入（有噪声）' },
  denoiseOutput: { en: 'Output (denoised)', zh: '输出（去噪后）' },
  denoiseDiff: { en: 'Input − output (what was removed)', zh: '输入 − 输出（被去掉的部分）' },
  denoiseClean: { en: 'Noise-free phantom (the target)', zh: '无噪声体模（目标）' },
  diffLegend: { en: 'Difference, HU', zh: '差值（HU）' },
  flatNoise: {
    en: (input: string, output: string) =>
      `Noise in the flattest region (the dashed square): σ = ${input} in the input, ${output} in the output.`,
    zh: (input: string, output: string) =>
      `最平坦区域（虚线方框）中的噪声：输入 σ = ${input}，输出 σ = ${output}。`,
  } satisfies Fn<[string, string]>,
  flatHow: {
    en: (box: number, side: number) =>
      `How: the input is smoothed with a ${box} × ${box} mean filter, the ${side} × ${side} square whose smoothed values vary least is taken as flat anatomy, and the standard deviation inside it, converted from window units to HU (× window width), is the noise.`,
    zh: (box: number, side: number) =>
      `方法：先用 ${box} × ${box} 均值滤波平滑输入，平滑后数值变化最小的 ${side} × ${side} 方块视为平坦的解剖区域，方块内的标准差（由窗单位乘以窗宽换算成 HU）即为噪声。`,
  } satisfies Fn<[number, number]>,
  removed: {
    en: (sigma: string) => `Standard deviation of what was removed, over the whole patch: ${sigma}.`,
    zh: (sigma: string) => `被去掉部分在整个图块上的标准差：${sigma}。`,
  } satisfies Fn<[string]>,
  trueNoise: {
    en: (input: string, output: string, psnrIn: string, psnrOut: string) =>
      `Against the noise-free phantom: error σ ${input} → ${output}; PSNR ${psnrIn} → ${psnrOut}.`,
    zh: (input: string, output: string, psnrIn: string, psnrOut: string) =>
      `与无噪声体模相比：误差 σ ${input} → ${output}；PSNR ${psnrIn} → ${psnrOut}。`,
  } satisfies Fn<[string, string, string, string]>,
} as const;

/** Texts of the speed panel. */
export const speedTexts = {
  title: { en: 'Speed on this device', zh: '在本设备上的速度' },
  intro: {
    en: (runs: number, warmup: number) =>
      `Times one forward pass of the selected model (the prediction and its download) as the median of ${runs} passes after ${warmup} warm-up passes. Other backends are switched on one at a time through the app’s backend settings, each running its own copy of the model with the same weights; yours is restored afterwards.`,
    zh: (runs: number, warmup: number) =>
      `对所选模型的一次前向传播（预测并读回结果）计时：先预热 ${warmup} 次，再取 ${runs} 次的中位数。其他计算后端通过本应用的后端设置逐个启用，各自运行一份权重相同的模型副本；结束后恢复你原来的后端。`,
  } satisfies Fn<[number, number]>,
  active: {
    en: (name: string) => `Active backend: ${name}.`,
    zh: (name: string) => `当前计算后端：${name}。`,
  } satisfies Fn<[string]>,
  activeNone: { en: 'The compute backend is starting…', zh: '计算后端正在启动…' },
  timeActive: { en: 'Time on the active backend', zh: '在当前后端上计时' },
  timeAll: { en: 'Time on every backend', zh: '在所有后端上计时' },
  needModel: { en: 'The selected model has to load first.', zh: '需要先加载所选模型。' },
  timing: {
    en: (name: string) => `Timing on ${name}…`,
    zh: (name: string) => `正在 ${name} 上计时…`,
  } satisfies Fn<[string]>,
  caption: {
    en: (model: string) => `Milliseconds per forward pass of ${model}`,
    zh: (model: string) => `${model} 每次前向传播的毫秒数`,
  } satisfies Fn<[string]>,
  backendCol: { en: 'Backend', zh: '计算后端' },
  medianCol: { en: 'Median per pass', zh: '每次的中位数' },
  rangeCol: { en: 'Fastest – slowest', zh: '最快 – 最慢' },
  diffCol: { en: 'Largest difference from the active backend’s output', zh: '与当前后端输出的最大差异' },
  noteCol: { en: 'Note', zh: '备注' },
  activeNote: { en: 'active', zh: '当前' },
  softwareNote: {
    en: 'the GPU is emulated in software here, so this is no measure of a real GPU',
    zh: '这里的 GPU 由软件模拟，不能代表真实 GPU 的速度',
  },
  unavailable: { en: 'cannot start in this browser:', zh: '无法在本浏览器中启动：' },
  failed: { en: 'started, but the model failed on it:', zh: '已启动，但模型在其上运行失败：' },
  restored: {
    en: (name: string) => `Back on ${name}.`,
    zh: (name: string) => `已恢复到 ${name}。`,
  } satisfies Fn<[string]>,
  notRestored: {
    en: (name: string) => `${name} could not be started again; the app is choosing a backend afresh.`,
    zh: (name: string) => `无法重新启动 ${name}；应用正在重新选择计算后端。`,
  } satisfies Fn<[string]>,
  error: { en: 'The timing stopped:', zh: '计时中断：' },
} as const;
