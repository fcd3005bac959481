/**
 * Texts of the training panels and store, in English and Simplified Chinese. Texts with numbers
 * carry `{placeholders}` filled by {@link fill} (both languages have the same placeholders).
 */
import type { Localized } from '../../core/lessons/types';

/** Replaces each `{name}` of `text` with `values[name]`. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** {@link fill} on both languages. */
export function fillBoth(text: Localized, values: Readonly<Record<string, string | number>>): Localized {
  return { en: fill(text.en, values), zh: fill(text.zh, values) };
}

/** Messages of the store (statuses and errors). */
export const storeTexts = {
  failed: { en: 'The training worker failed:', zh: '训练工作线程出错：' },
  loadFailed: { en: 'The data could not be loaded:', zh: '无法加载数据：' },
  generating: { en: 'Generating phantom images…', zh: '正在生成体模图像…' },
  decoding: { en: 'Reading and decoding the images…', zh: '正在读取并解码图像…' },
  reading: { en: 'Reading the MedMNIST file…', zh: '正在读取 MedMNIST 文件…' },
  downloading: { en: 'Downloading the MedMNIST file…', zh: '正在下载 MedMNIST 文件…' },
  noImages: {
    en: 'No usable images were found: put them in one sub-folder per class (at least two classes).',
    zh: '没有找到可用的图像：请把图像按类别放入子文件夹（至少两个类别）。',
  },
  zipFailed: { en: 'The .zip file {name} could not be read:', zh: '无法读取 .zip 文件 {name}：' },
  unknownSetText: {
    en: 'There is no MedMNIST set called “{id}”: choose one from the list.',
    zh: '没有名为“{id}”的 MedMNIST 数据集：请从列表中选择。',
  },
  splitFailed: { en: 'The data could not be split:', zh: '无法划分数据：' },
  noData: {
    en: 'Load a dataset first (a phantom set, your images or a MedMNIST file).',
    zh: '请先加载数据集（体模数据、你自己的图像或 MedMNIST 文件）。',
  },
  building: { en: 'Sending the data and building the model…', zh: '正在发送数据并构建模型…' },
  playing: { en: 'Starting…', zh: '正在开始…' },
  pausing: { en: 'Pausing…', zh: '正在暂停…' },
  stepping: { en: 'Running one batch…', zh: '正在运行一个批次…' },
  stopping: { en: 'Stopping…', zh: '正在停止…' },
  evaluating: { en: 'Evaluating…', zh: '正在评估…' },
  gradCam: { en: 'Computing Grad-CAM maps…', zh: '正在计算 Grad-CAM 热图…' },
  saving: { en: 'Saving the model…', zh: '正在保存模型…' },
  loadingModel: { en: 'Loading the model…', zh: '正在加载模型…' },
  importFailed: { en: 'The model files could not be imported:', zh: '无法导入模型文件：' },
  openFailed: { en: 'The saved model could not be opened:', zh: '无法打开已保存的模型：' },
  deleteFailed: { en: 'The saved model could not be deleted:', zh: '无法删除已保存的模型：' },
  noModel: { en: 'There is no saved model called “{name}”.', zh: '没有名为“{name}”的已保存模型。' },
  listFailed: { en: 'The saved models could not be listed:', zh: '无法列出已保存的模型：' },
  runLabelText: { en: 'Run {n}', zh: '第 {n} 次训练' },
  badZip(name: string): Localized {
    return fillBoth(storeTexts.zipFailed, { name });
  },
  unknownSet(id: string): Localized {
    return fillBoth(storeTexts.unknownSetText, { id });
  },
  runLabel(n: number): Localized {
    return fillBoth(storeTexts.runLabelText, { n });
  },
};

/** The dataset panel. */
export const datasetTexts = {
  title: { en: 'Data', zh: '数据' },
  source: { en: 'Source', zh: '来源' },
  phantom: { en: 'Phantom images (generated)', zh: '体模图像（生成）' },
  own: { en: 'Your own images', zh: '你自己的图像' },
  medmnist: { en: 'MedMNIST', zh: 'MedMNIST' },
  loaded: {
    en: '{count} images of {size} × {size} pixels, {classes} classes.',
    zh: '共 {count} 幅 {size} × {size} 像素的图像，{classes} 个类别。',
  },
  none: { en: 'No data loaded yet.', zh: '尚未加载数据。' },
  keptOld: { en: 'The data loaded before is kept.', zh: '之前加载的数据仍然保留。' },
  progress: { en: 'Progress', zh: '进度' },
};

/** The phantom controls. */
export const phantomTexts = {
  legend: { en: 'Phantom task', zh: '体模任务' },
  task: { en: 'Task', zh: '任务' },
  nodule: { en: 'Lung patch: nodule or not', zh: '肺部图块：有无结节' },
  haemorrhage: { en: 'Head CT: haemorrhage or not', zh: '头部 CT：有无出血' },
  difficulty: { en: 'Difficulty', zh: '难度' },
  custom: { en: 'Custom', zh: '自定义' },
  sizeMin: { en: 'Smallest lesion (mm)', zh: '最小病灶（mm）' },
  sizeMax: { en: 'Largest lesion (mm)', zh: '最大病灶（mm）' },
  contrast: { en: 'Contrast (1 = as in the zoo)', zh: '对比度（1 = 与模型库相同）' },
  noise: { en: 'Noise (HU)', zh: '噪声（HU）' },
  count: { en: 'Images', zh: '图像数量' },
  positive: { en: 'Share with a lesion', zh: '含病灶的比例' },
  perPatient: { en: 'Images per patient', zh: '每位患者的图像数' },
  seed: { en: 'Seed', zh: '种子' },
  generate: { en: 'Generate', zh: '生成' },
  presetNames: {
    easy: { en: 'Easy', zh: '简单' },
    medium: { en: 'Medium', zh: '中等' },
    hard: { en: 'Hard', zh: '困难' },
  } as Record<string, Localized>,
};

/** The import of the user's images. */
export const importTexts = {
  legend: { en: 'Your own images', zh: '你自己的图像' },
  intro: {
    en: 'Put the images (PNG, JPEG or DICOM) in one sub-folder per class, e.g. normal/ and nodule/. Nothing leaves this browser.',
    zh: '把图像（PNG、JPEG 或 DICOM）按类别放入子文件夹，例如“正常”文件夹和“结节”文件夹。所有数据都留在本浏览器中。',
  },
  folder: { en: 'Choose a folder', zh: '选择文件夹' },
  zip: { en: 'Choose a .zip file', zh: '选择 .zip 文件' },
  drop: {
    en: 'Or drop a folder or a .zip file here.',
    zh: '或者把文件夹或 .zip 文件拖放到这里。',
  },
  dropLabel: { en: 'Drop area for a folder or a .zip file', zh: '文件夹或 .zip 文件的拖放区域' },
  counts: { en: 'Images per class', zh: '各类别的图像数' },
  className: { en: 'Class', zh: '类别' },
  images: { en: 'Images', zh: '图像' },
  skipped: { en: 'Skipped files ({n})', zh: '跳过的文件（{n} 个）' },
  reading: { en: 'Reading the files…', zh: '正在读取文件…' },
};

/** The MedMNIST picker. */
export const medTexts = {
  legend: { en: 'MedMNIST', zh: 'MedMNIST' },
  set: { en: 'Data set', zh: '数据集' },
  openFile: { en: 'Open a local .npz file', zh: '打开本地 .npz 文件' },
  download: { en: 'Download', zh: '下载' },
  network: {
    en: 'Downloading is the only time this app contacts another server, and only when you click. The file is then kept in this browser.',
    zh: '下载是本应用唯一一次连接其他服务器的情形，而且只在你点击时发生。文件随后保存在本浏览器中。',
  },
  licence: { en: 'Licence', zh: '许可' },
  citation: { en: 'Cite', zh: '引用' },
  downloadProgress: { en: 'Download progress', zh: '下载进度' },
  partial: {
    en: 'Large sets are loaded in part: at most {n} evenly spaced images of each official split.',
    zh: '大型数据集只加载一部分：每个官方划分最多均匀选取 {n} 幅图像。',
  },
};

/** The split controls and table. */
export const splitTexts = {
  legend: { en: 'Training, validation and test split', zh: '训练集、验证集与测试集的划分' },
  train: { en: 'Training', zh: '训练集' },
  validation: { en: 'Validation', zh: '验证集' },
  test: { en: 'Test', zh: '测试集' },
  fractionTrain: { en: 'Training share', zh: '训练集比例' },
  fractionValidation: { en: 'Validation share', zh: '验证集比例' },
  fractionTest: { en: 'Test share (the rest)', zh: '测试集比例（其余部分）' },
  seed: { en: 'Split seed', zh: '划分种子' },
  byPatient: {
    en: 'Keep each patient’s images in one split (no leakage)',
    zh: '同一患者的图像只放在一个集合中（避免泄漏）',
  },
  usePreset: { en: 'Use the publisher’s official split', zh: '使用发布者的官方划分' },
  limit: { en: 'Train on only some training images', zh: '只用部分训练图像训练' },
  limitCount: { en: 'Training images used', zh: '使用的训练图像数' },
  table: { en: 'Images per class in each split', zh: '各集合中每个类别的图像数' },
  className: { en: 'Class', zh: '类别' },
  total: { en: 'Total', zh: '合计' },
};

/** The sample grid. */
export const sampleTexts = {
  title: { en: 'Samples per class', zh: '各类别的样本' },
  image: { en: '{className}, image {index}', zh: '{className}，第 {index} 幅图像' },
};

/** The setup panel. */
export const setupTexts = {
  legend: { en: 'Model and training', zh: '模型与训练' },
  model: { en: 'Model', zh: '模型' },
  zoo: {
    'tiny-vgg': { en: 'TinyVGG', zh: 'TinyVGG' },
    lenet5: { en: 'LeNet-5', zh: 'LeNet-5' },
    mlp: { en: 'MLP (no convolution)', zh: 'MLP（无卷积）' },
    mobilenet: { en: 'MobileNet (small)', zh: 'MobileNet（小型）' },
    resnet: { en: 'ResNet (small)', zh: 'ResNet（小型）' },
  } as Record<string, Localized>,
  custom: { en: 'Custom stack', zh: '自定义网络' },
  pretrained: {
    en: 'Start from the zoo’s trained weights (fine-tune)',
    zh: '从模型库中训练好的权重开始（微调）',
  },
  blocks: { en: 'Blocks', zh: '块数' },
  filters: { en: 'Filters in the first block', zh: '第一块的滤波器数' },
  kernel: { en: 'Kernel size', zh: '卷积核大小' },
  dense: { en: 'Dense units (0 = none)', zh: '全连接单元数（0 = 不用）' },
  optimizer: { en: 'Optimizer', zh: '优化器' },
  sgd: { en: 'SGD', zh: 'SGD' },
  momentum: { en: 'SGD with momentum', zh: '带动量的 SGD' },
  adam: { en: 'Adam', zh: 'Adam' },
  learningRate: { en: 'Learning rate', zh: '学习率' },
  batchSize: { en: 'Batch size', zh: '批大小' },
  epochs: { en: 'Epochs', zh: '轮数' },
  weightDecay: { en: 'Weight decay (L2)', zh: '权重衰减（L2）' },
  classWeights: { en: 'Class weights', zh: '类别权重' },
  weightsNone: { en: 'None (all 1)', zh: '不加权（都为 1）' },
  weightsBalanced: { en: 'Balanced (rare classes count more)', zh: '平衡（少见类别权重更大）' },
  seed: { en: 'Training seed', zh: '训练种子' },
  augment: { en: 'Augmentation (training images only)', zh: '数据增强（仅用于训练图像）' },
  flip: { en: 'Mirror left–right', zh: '左右镜像' },
  rotate: { en: 'Rotate up to ± degrees', zh: '最大旋转角度（±度）' },
  shift: { en: 'Shift up to ± pixels', zh: '最大平移（±像素）' },
  intensity: { en: 'Window jitter (0…1)', zh: '窗位窗宽抖动（0…1）' },
  noiseAmount: { en: 'Added noise (standard deviation)', zh: '附加噪声（标准差）' },
};

/** The augmentation preview. */
export const previewTexts = {
  title: { en: 'Augmentation preview', zh: '数据增强预览' },
  reroll: { en: 'New random draws', zh: '重新随机生成' },
  original: { en: 'Original: {className}', zh: '原图：{className}' },
  version: {
    en: 'Augmented version {n} of the {className} image',
    zh: '{className} 图像的第 {n} 个增强版本',
  },
  off: {
    en: 'Augmentation is off: all versions equal the original.',
    zh: '数据增强已关闭：所有版本都与原图相同。',
  },
  noData: { en: 'Load data to preview the augmentation.', zh: '加载数据后即可预览数据增强。' },
};

/** The train controls. */
export const controlsTexts = {
  train: { en: 'Train a new model', zh: '训练新模型' },
  play: { en: 'Play', zh: '继续' },
  pause: { en: 'Pause', zh: '暂停' },
  step: { en: 'One batch', zh: '单步一个批次' },
  stop: { en: 'Stop', zh: '停止' },
  progress: { en: 'Training progress', zh: '训练进度' },
  counters: {
    en: 'Epoch {epoch} of {epochs}, batch {batch} of {batches}',
    zh: '第 {epoch}/{epochs} 轮，第 {batch}/{batches} 批',
  },
  speed: { en: '{rate} images/s', zh: '每秒 {rate} 幅图像' },
  eta: { en: 'about {time} left', zh: '约剩 {time}' },
  backend: { en: 'Running on {name}', zh: '运行于 {name}' },
  states: {
    empty: { en: 'No model yet', zh: '尚无模型' },
    ready: { en: 'Ready', zh: '就绪' },
    running: { en: 'Training', zh: '训练中' },
    paused: { en: 'Paused', zh: '已暂停' },
    done: { en: 'Finished', zh: '已完成' },
    stopped: { en: 'Stopped', zh: '已停止' },
  } as Record<string, Localized>,
  seconds: { en: '{n} s', zh: '{n} 秒' },
  minutes: { en: '{m} min {s} s', zh: '{m} 分 {s} 秒' },
  toolbar: { en: 'Training controls', zh: '训练控制' },
};

/** The training curves. */
export const curvesTexts = {
  title: { en: 'Training curves', zh: '训练曲线' },
  description: {
    en: 'Loss (top) and accuracy (bottom) against epochs: each training batch, its moving average, and the means of each epoch on the training and validation images.',
    zh: '损失（上）和准确率（下）随轮数的变化：每个训练批次、其滑动平均，以及每轮在训练图像和验证图像上的平均值。',
  },
  xLabel: { en: 'Epoch', zh: '轮数' },
  loss: { en: 'Loss (cross-entropy)', zh: '损失（交叉熵）' },
  accuracy: { en: 'Accuracy', zh: '准确率' },
  batch: { en: 'Training batch', zh: '训练批次' },
  average: { en: 'Moving average', zh: '滑动平均' },
  trainEpoch: { en: 'Training, per epoch', zh: '训练集（每轮）' },
  validation: { en: 'Validation, per epoch', zh: '验证集（每轮）' },
  showRuns: { en: 'Show earlier runs', zh: '显示之前的训练' },
  summary: {
    en: 'After epoch {epoch}: training loss {trainLoss}, validation loss {valLoss}; validation accuracy {valAcc}.',
    zh: '第 {epoch} 轮后：训练损失 {trainLoss}，验证损失 {valLoss}；验证准确率 {valAcc}。',
  },
  empty: { en: 'The curves appear when training starts.', zh: '开始训练后将显示曲线。' },
};
