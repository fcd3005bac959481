/**
 * Texts of the `cnn-architecture` widgets about a model the learner trained in the browser (the
 * `um` parameter), in both languages.
 */
type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

export const userModelTexts = {
  optionLabel: {
    en: (name: string) => `Your model: ${name}`,
    zh: (name: string) => `你的模型：${name}`,
  } satisfies Fn<[string]>,
  trainedHere: {
    en: (dataset: string) => `A classifier you trained in this browser, on: ${dataset}`,
    zh: (dataset: string) => `你在本浏览器中训练的分类器，数据：${dataset}`,
  } satisfies Fn<[string]>,
  savedRecord: { en: 'Saved', zh: '保存记录' },
  savedFacts: {
    en: (date: string, auc: string, accuracy: string) =>
      `${date}; validation AUC ${auc}, accuracy ${accuracy} at the save`,
    zh: (date: string, auc: string, accuracy: string) =>
      `${date}；保存时验证集 AUC ${auc}，准确率 ${accuracy}`,
  } satisfies Fn<[string, string, string]>,
  windowUnknown: {
    en: 'each slice’s own display window (the training images came as 0…1 intensities; their window was not recorded)',
    zh: '每幅切片自己的显示窗（训练图像以 0…1 强度给出，其窗未被记录）',
  },
  inputFactsUnknownWindow: {
    en: (n: number, mm: string, field: string) =>
      `${n} × ${n} × 1 at ${mm} mm per pixel (a ${field} mm field)`,
    zh: (n: number, mm: string, field: string) => `${n} × ${n} × 1，每像素 ${mm} mm（视野 ${field} mm）`,
  } satisfies Fn<[number, string, string]>,
  assumedSpacing: {
    en: (mm: string) =>
      `The training data gave no pixel size: ${mm} mm per pixel (the zoo’s patch spacing) is assumed to crop slices.`,
    zh: (mm: string) => `训练数据没有给出像素大小：裁剪切片时假定每像素 ${mm} mm（模型库图块的间距）。`,
  } satisfies Fn<[string]>,
  imageWindow: {
    en: (l: string, w: string, lo: string, hi: string) =>
      `The window of this model’s training images was not recorded (they came as 0…1 intensities), so this slice’s own display window L ${l}, W ${w} is used (${lo} → 0, ${hi} → 1).`,
    zh: (l: string, w: string, lo: string, hi: string) =>
      `该模型训练图像的窗没有被记录（它们以 0…1 强度给出），因此使用这幅切片自己的显示窗 L ${l}，W ${w}（${lo} → 0，${hi} → 1）。`,
  } satisfies Fn<[string, string, string, string]>,
  noPhantom: {
    en: 'Your model has no phantom task of the zoo, so it has no phantom example: the gallery’s chest CT is shown instead. Choose a sample or open your own file.',
    zh: '你的模型没有模型库的体模任务，因此没有体模样例：改为显示图库中的胸部 CT。请选择一个样例或打开你自己的文件。',
  },
  stepsLabel: { en: 'Your model in each step', zh: '在各步骤中查看你的模型' },
  overrides: {
    en: 'Your own model is open: it takes the place of the model chosen among the zoo’s.',
    zh: '你自己的模型已打开：它取代了在模型库中选择的模型。',
  },
  close: { en: 'Back to the zoo’s models', zh: '回到模型库的模型' },
  stepLink: {
    en: (n: number, title: string) => `Step ${n}: ${title}`,
    zh: (n: number, title: string) => `第 ${n} 步：${title}`,
  } satisfies Fn<[number, string]>,
} as const;
