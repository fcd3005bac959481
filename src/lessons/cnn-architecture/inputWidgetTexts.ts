/**
 * Texts of the model-and-input widget (step 1 of `cnn-architecture`), in both languages: `{ en, zh }`
 * pairs, or pairs of functions for texts with computed numbers. Layer names and the manifest's own
 * words (optimiser, backend) are never put inside a text: the widget shows them apart, marked as
 * English (`lang="en"`).
 */
import type { Localized } from '../../core/lessons/types';
import type { ZooTaskId, ZooTaskKind } from '../../core/models/zooTypes';

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** What each zoo task asks of the model. */
export const TASK_TEXTS: Readonly<Record<ZooTaskId, Localized>> = {
  nodule: {
    en: 'Is there a lung nodule in this chest-CT patch? (phantom patches, lung window)',
    zh: '这块胸部 CT 图块中有没有肺结节？（体模图块，肺窗）',
  },
  haemorrhage: {
    en: 'Does this head CT slice show a haemorrhage? (whole phantom slices, brain window)',
    zh: '这张头颅 CT 切片中有没有出血？（完整的体模切片，脑窗）',
  },
  region: {
    en: 'What lies at the centre of this chest-CT patch: lung, heart, spine or chest wall?',
    zh: '这块胸部 CT 图块的中心是什么：肺、心脏、脊柱还是胸壁？',
  },
  'nodule-mask': {
    en: 'Which pixels of this chest-CT patch belong to a nodule? (segmentation)',
    zh: '这块胸部 CT 图块中哪些像素属于结节？（分割）',
  },
  'low-dose': {
    en: 'Turn a noisy low-dose patch into the standard-dose image (denoising).',
    zh: '把有噪声的低剂量图块变成标准剂量的图像（去噪）。',
  },
};

/** What the model outputs, by kind. */
export const OUTPUT_TEXTS: Readonly<Record<ZooTaskKind, Localized>> = {
  classification: { en: 'one probability per class (softmax)', zh: '每个类别一个概率（softmax）' },
  segmentation: { en: 'one lesion probability per pixel (sigmoid)', zh: '每个像素一个病灶概率（sigmoid）' },
  denoising: {
    en: 'a denoised image of the input’s size, in window units 0…1',
    zh: '一张与输入同样大小的去噪图像，窗口单位 0…1',
  },
};

/** Texts of the widget. */
export const inputTexts = {
  model: { en: 'Model', zh: '模型' },
  loadingModel: { en: 'Loading the model…', zh: '正在加载模型…' },
  modelFailed: { en: 'The model could not be loaded:', zh: '无法加载模型：' },
  forwardFailed: { en: 'The forward pass failed:', zh: '前向传播失败：' },
  running: { en: 'Running the model…', zh: '正在运行模型…' },
  pipelineTitle: { en: 'From slice to model input', zh: '从切片到模型输入' },
  overviewLabel: {
    en: 'The whole slice; the orange square is the field the model sees. Click to move it, or focus it and use the arrow keys (with Shift, half a field at a time).',
    zh: '整张切片；橙色方框是模型看到的视野。点击可移动方框，也可聚焦后用方向键移动（按住上档键则每次移动半个视野）。',
  },
  sliceStage: { en: '1. The slice', zh: '1. 切片' },
  sliceFacts: {
    en: (w: number, h: number, range: string) => `${w} × ${h} pixels, values ${range}.`,
    zh: (w: number, h: number, range: string) => `${w} × ${h} 像素，数值 ${range}。`,
  } satisfies Fn<[number, number, string]>,
  spacing: {
    en: (mm: string) => `Pixel size ${mm} mm.`,
    zh: (mm: string) => `像素大小 ${mm} mm。`,
  } satisfies Fn<[string]>,
  noSpacing: {
    en: (mm: string) => `This file gives no pixel size: the model’s ${mm} mm is assumed.`,
    zh: (mm: string) => `该文件没有给出像素大小：假定为模型的 ${mm} mm。`,
  } satisfies Fn<[string]>,
  crop: {
    en: (n: number, mm: string, row: number, col: number) =>
      `Crop: ${n} × ${n} pixels (${mm} mm) around row ${row}, column ${col}.`,
    zh: (n: number, mm: string, row: number, col: number) =>
      `裁剪：以第 ${row} 行、第 ${col} 列为中心，${n} × ${n} 像素（${mm} mm）。`,
  } satisfies Fn<[number, string, number, number]>,
  cropWhole: {
    en: 'The slice is no larger than the model’s field of view: the whole slice is taken.',
    zh: '切片不大于模型的视野：取整张切片。',
  },
  cropOutside: {
    en: 'Part of the crop lies outside the slice: those pixels get the window’s low end, 0.',
    zh: '裁剪框有一部分在切片之外：这些像素取窗的下限，即 0。',
  },
  autoLesion: {
    en: (row: number, col: number) =>
      `Automatic centre: the sample’s lesion, at row ${row}, column ${col} (found by regenerating the phantom).`,
    zh: (row: number, col: number) =>
      `自动中心：样例中病灶的位置，第 ${row} 行、第 ${col} 列（通过重新生成体模得到）。`,
  } satisfies Fn<[number, number]>,
  autoMiddle: { en: 'Automatic centre: the middle of the slice.', zh: '自动中心：切片的中央。' },
  chosenCentre: { en: 'Centre chosen by you.', zh: '中心由你选定。' },
  auto: { en: 'Automatic centre', zh: '自动中心' },
  windowStage: { en: '2. Window', zh: '2. 加窗' },
  modelWindow: {
    en: (l: string, w: string, lo: string, hi: string) =>
      `The model’s window L ${l}, W ${w}: ${lo} and below → 0, ${hi} and above → 1, linear between.`,
    zh: (l: string, w: string, lo: string, hi: string) =>
      `模型的窗 L ${l}，W ${w}：${lo} 及以下 → 0，${hi} 及以上 → 1，中间线性变化。`,
  } satisfies Fn<[string, string, string, string]>,
  imageWindow: {
    en: (l: string, w: string, lo: string, hi: string) =>
      `This image has no Hounsfield units, so the model’s CT window cannot apply: its own display window L ${l}, W ${w} is used (${lo} → 0, ${hi} → 1). The model was trained on CT: its output means little here.`,
    zh: (l: string, w: string, lo: string, hi: string) =>
      `这幅图像没有 HU，模型的 CT 窗无法使用：改用它自己的显示窗 L ${l}，W ${w}（${lo} → 0，${hi} → 1）。模型是用 CT 训练的：它在这里的输出意义不大。`,
  } satisfies Fn<[string, string, string, string]>,
  example: {
    en: (v: string, lo: string, w: string, y: string) => `Centre pixel: (${v} − ${lo}) / ${w} = ${y}.`,
    zh: (v: string, lo: string, w: string, y: string) => `中心像素：(${v} − ${lo}) / ${w} = ${y}。`,
  } satisfies Fn<[string, string, string, string]>,
  rampLabel: {
    en: 'The window as a graph: slice value across, model value 0 to 1 up; the dot is the centre pixel.',
    zh: '窗的函数图：横轴为切片数值，纵轴为模型数值 0 到 1；圆点是中心像素。',
  },
  normalisedStage: { en: '3. Normalised, 0…1', zh: '3. 归一化到 0…1' },
  clipped: {
    en: (low: string, high: string, mean: string) =>
      `${low} of the crop is at 0 (below the window), ${high} at 1 (above it); mean ${mean}.`,
    zh: (low: string, high: string, mean: string) =>
      `裁剪块中 ${low} 为 0（低于窗），${high} 为 1（高于窗）；平均值 ${mean}。`,
  } satisfies Fn<[string, string, string]>,
  croppedImage: {
    en: (n: number) => `The crop, windowed to 0…1 (${n} × ${n})`,
    zh: (n: number) => `加窗到 0…1 的裁剪块（${n} × ${n}）`,
  } satisfies Fn<[number]>,
  resizedStage: { en: '4. Resized to the input', zh: '4. 缩放为输入' },
  resized: {
    en: (n: number, size: number, scale: string, how: string) =>
      `${n} × ${n} → ${size} × ${size}: ×${scale} (${how}).`,
    zh: (n: number, size: number, scale: string, how: string) =>
      `${n} × ${n} → ${size} × ${size}：×${scale}（${how}）。`,
  } satisfies Fn<[number, number, string, string]>,
  shrink: { en: 'area average', zh: '面积平均' },
  enlarge: { en: 'bilinear', zh: '双线性插值' },
  same: { en: 'no resampling', zh: '无需重采样' },
  modelPixel: {
    en: (mm: string) => `One input pixel is ${mm} mm of the slice.`,
    zh: (mm: string) => `一个输入像素对应切片上的 ${mm} mm。`,
  } satisfies Fn<[string]>,
  inputImage: {
    en: (n: number) => `The model’s input (${n} × ${n}, 0…1)`,
    zh: (n: number) => `模型的输入（${n} × ${n}，0…1）`,
  } satisfies Fn<[number]>,
  cardTitle: { en: 'Model card', zh: '模型卡' },
  task: { en: 'Task', zh: '任务' },
  output: { en: 'Output', zh: '输出' },
  classes: { en: 'Classes', zh: '类别' },
  input: { en: 'Input', zh: '输入' },
  inputFacts: {
    en: (n: number, mm: string, field: string, l: string, w: string) =>
      `${n} × ${n} × 1 at ${mm} mm per pixel (a ${field} mm field), window L ${l}, W ${w}`,
    zh: (n: number, mm: string, field: string, l: string, w: string) =>
      `${n} × ${n} × 1，每像素 ${mm} mm（视野 ${field} mm），窗 L ${l}，W ${w}`,
  } satisfies Fn<[number, string, string, string, string]>,
  parameters: { en: 'Parameters', zh: '参数量' },
  manifestDiffers: {
    en: (n: string) => `The training record says ${n}: the weights do not match this definition.`,
    zh: (n: string) => `训练记录中为 ${n}：权重与此定义不符。`,
  } satisfies Fn<[string]>,
  flops: { en: 'FLOPs per image', zh: '每张图像的 FLOPs' },
  receptiveField: { en: 'Receptive field', zh: '感受野' },
  rfFacts: {
    en: (r: string, mm: string) => `${r} input pixels (${mm} mm) after the last spatial layer,`,
    zh: (r: string, mm: string) => `最后一个空间层之后为 ${r} 个输入像素（${mm} mm），该层为`,
  } satisfies Fn<[string, string]>,
  rfWhole: {
    en: 'the layers after it see the whole input.',
    zh: '其后的层能看到整个输入。',
  },
  rfNone: {
    en: 'No spatial layer: every unit sees the whole input.',
    zh: '没有空间层：每个单元都能看到整个输入。',
  },
  training: { en: 'Training data', zh: '训练数据' },
  trainingFacts: {
    en: (n: number, seed: number, v: number, vSeed: number) =>
      `${n} generated phantoms (seed ${seed}); validation: ${v} others (seed ${vSeed})`,
    zh: (n: number, seed: number, v: number, vSeed: number) =>
      `${n} 张生成的体模（种子 ${seed}）；验证：另外 ${v} 张（种子 ${vSeed}）`,
  } satisfies Fn<[number, number, number, number]>,
  schedule: { en: 'Training', zh: '训练过程' },
  scheduleFacts: {
    en: (epochs: number, batch: number, lr: string, seconds: string) =>
      `${epochs} epochs, batch ${batch}, learning rate ${lr}, ${seconds} s, optimiser and backend:`,
    zh: (epochs: number, batch: number, lr: string, seconds: string) =>
      `${epochs} 轮，批大小 ${batch}，学习率 ${lr}，用时 ${seconds} 秒，优化器与后端：`,
  } satisfies Fn<[number, number, string, string]>,
  validation: { en: 'Validation', zh: '验证结果' },
  auc: { en: (v: string) => `AUC ${v}`, zh: (v: string) => `AUC ${v}` } satisfies Fn<[string]>,
  accuracy: { en: (v: string) => `accuracy ${v}`, zh: (v: string) => `准确率 ${v}` } satisfies Fn<[string]>,
  dice: { en: (v: string) => `Dice ${v}`, zh: (v: string) => `Dice ${v}` } satisfies Fn<[string]>,
  psnr: {
    en: (v: string, input: string) => `PSNR ${v} dB (noisy input: ${input} dB)`,
    zh: (v: string, input: string) => `PSNR ${v} dB（有噪声的输入：${input} dB）`,
  } satisfies Fn<[string, string]>,
  noMetrics: { en: 'none recorded', zh: '没有记录' },
  weights: { en: 'Weight file', zh: '权重文件' },
  noManifest: {
    en: 'No training record (manifest) was found for this model, so where its weights come from and how well they do cannot be shown.',
    zh: '没有找到这个模型的训练记录（清单文件），因此无法显示其权重的来源和表现。',
  },
  predictionTitle: { en: 'Prediction', zh: '预测' },
  maskArea: {
    en: (n: number, mm2: string) => `${n} pixels with P ≥ 0.5, ${mm2} mm².`,
    zh: (n: number, mm2: string) => `P ≥ 0.5 的像素有 ${n} 个，共 ${mm2} mm²。`,
  } satisfies Fn<[number, string]>,
  meanChange: {
    en: (d: string) => `Mean absolute change from the input: ${d}.`,
    zh: (d: string) => `与输入相比的平均绝对变化：${d}。`,
  } satisfies Fn<[string]>,
  timing: {
    en: (ms: string) => `Forward pass, every layer’s output downloaded: ${ms}. Step 3 shows them all.`,
    zh: (ms: string) => `前向传播（下载每一层的输出）用时 ${ms}。第 3 步会全部展示。`,
  } satisfies Fn<[string]>,
};
