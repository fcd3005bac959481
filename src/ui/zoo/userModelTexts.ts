/**
 * Texts of the `#/zoo` page about models trained in the browser (the "Your models" list and the
 * run panel's notes), in both languages: `{ en, zh }` pairs or pairs of functions.
 */
type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** The step of the `train-classifier` lesson that saves models ("Models", the 8th step). */
export const TRAIN_MODELS_HREF = '#/lesson/train-classifier?step=8';

/** Texts of the "Your models" section and of a user model in the run panel. */
export const userTexts = {
  title: { en: 'Your models', zh: '你的模型' },
  intro: {
    en: 'Classifiers you trained and saved in this browser. Run one on the samples or on your own file, or take it apart layer by layer in the lesson.',
    zh: '你在本浏览器中训练并保存的分类器。可以在样例切片或你自己的文件上运行它，或在课程中逐层拆解它。',
  },
  listLabel: { en: 'Models saved in this browser', zh: '保存在本浏览器中的模型' },
  loading: { en: 'Reading the saved models…', zh: '正在读取已保存的模型…' },
  failed: { en: 'The saved models could not be read:', zh: '无法读取已保存的模型：' },
  unavailable: {
    en: 'this browser does not let the page store data (private browsing, or site data blocked), so no model can be saved or listed here.',
    zh: '此浏览器不允许本页面存储数据（无痕浏览，或网站数据被阻止），因此这里无法保存或列出模型。',
  },
  empty: {
    en: 'No model is saved in this browser yet. Train one in the lesson “Train a classifier in the browser” and save it on its Models step: it will then appear here.',
    zh: '本浏览器中还没有保存任何模型。请在“在浏览器中训练分类器”一课中训练一个，并在其“模型”步骤中保存：之后它会出现在这里。',
  },
  trainLink: { en: 'Open the Models step of that lesson', zh: '打开该课的“模型”步骤' },
  run: { en: 'Run it', zh: '运行' },
  takeApart: { en: 'Take it apart in the lesson', zh: '在课程中逐层拆解' },
  open: { en: '(open in the run panel)', zh: '（已在运行面板中打开）' },
  facts: {
    en: (classes: string, size: number, saved: string) =>
      `${classes}; ${size} × ${size} input; saved ${saved}`,
    zh: (classes: string, size: number, saved: string) =>
      `${classes}；${size} × ${size} 输入；保存于 ${saved}`,
  } satisfies Fn<[string, number, string]>,
  metrics: {
    en: (auc: string, accuracy: string) => `validation AUC ${auc}, accuracy ${accuracy}`,
    zh: (auc: string, accuracy: string) => `验证集 AUC ${auc}，准确率 ${accuracy}`,
  } satisfies Fn<[string, string]>,
  windowKnown: {
    en: (center: string, width: string) => `window level ${center}, width ${width}`,
    zh: (center: string, width: string) => `窗位 ${center}，窗宽 ${width}`,
  } satisfies Fn<[string, string]>,
  windowUnknown: {
    en: 'window unknown: each slice’s own display window is used',
    zh: '窗未知：使用每幅切片自己的显示窗',
  },
  optionGroup: { en: 'Your model', zh: '你的模型' },
  noPhantom: {
    en: 'A model you trained has no phantom task of the zoo, so no phantom example is offered: run it on a sample slice or on your own file.',
    zh: '你训练的模型没有模型库的体模任务，因此不提供体模样例：请在样例切片或你自己的文件上运行它。',
  },
  imageWindow: {
    en: 'The window this model’s training images were made with was not recorded (they came as 0…1 intensities), so each slice is mapped to 0…1 with its own display window.',
    zh: '该模型训练图像所用的窗没有被记录（它们以 0…1 的强度给出），因此每幅切片都用它自己的显示窗映射到 0…1。',
  },
  assumedModelSpacing: {
    en: (mm: string) =>
      `The training data gave no pixel size: the model is taken to work at ${mm} per pixel, the zoo’s patch spacing, when the slice is cropped.`,
    zh: (mm: string) => `训练数据没有给出像素大小：裁剪切片时按模型库图块的每像素 ${mm} 处理。`,
  } satisfies Fn<[string]>,
  trainedOn: {
    en: (dataset: string) => `Trained in this browser on: ${dataset.replace(/[.。]\s*$/, '')}.`,
    zh: (dataset: string) => `在本浏览器中训练，数据：${dataset.replace(/[.。]\s*$/, '')}。`,
  } satisfies Fn<[string]>,
} as const;

/** A stored model's metric for display: 3 decimals, or a dash when not measured. */
export function metricOrDash(v: number | null, format: (v: number) => string): string {
  return v === null || !Number.isFinite(v) ? '—' : format(v);
}

/** The date part of an ISO date-time (`2025-03-01T…` → `2025-03-01`), or the input when it is not one. */
export function savedDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}
