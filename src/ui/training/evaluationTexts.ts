/**
 * Texts of the evaluation views and the models panel in both languages: `{ en, zh }` pairs, or
 * pairs of functions for texts with computed numbers (formatted by the caller). Metric names and
 * their definitions follow Altman & Bland (BMJ 1994;308:1552 and 309:102), Hanley & McNeil
 * (Radiology 1982;143:29–36) and Youden (Cancer 1950;3:32–35).
 */
import type { Localized } from '../../core/lessons/types';
import type { SplitName } from '../../core/datasets/imageDataset';

/**
 * A thrown value as a message in both languages: an error's own `localized` or
 * `localizedMessage` pair (TrainingError, ModelStoreError, ModelImportError), or an English
 * `message` with its `messageZh` (ImageDecodeError); anything else is put after `context`.
 */
export function errorText(error: unknown, context: Localized): Localized {
  const e = error as { localized?: unknown; localizedMessage?: unknown; messageZh?: unknown } | null;
  for (const own of [e?.localized, e?.localizedMessage]) {
    const o = own as Partial<Localized> | null | undefined;
    if (o && typeof o.en === 'string' && typeof o.zh === 'string') return { en: o.en, zh: o.zh };
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (typeof e?.messageZh === 'string') return { en: detail, zh: e.messageZh };
  return { en: `${context.en}: ${detail}`, zh: `${context.zh}：${detail}` };
}

type Fn<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };

/** Names of the splits that can be evaluated. */
export const SPLIT_LABELS: Readonly<Record<SplitName, Localized>> = {
  train: { en: 'training split', zh: '训练集' },
  validation: { en: 'validation split', zh: '验证集' },
  test: { en: 'test split', zh: '测试集' },
};

/** Texts of the evaluation panel (split, class choice, confusion matrix). */
export const evalTexts = {
  title: { en: 'Evaluation', zh: '评估' },
  splitLegend: { en: 'Evaluate on', zh: '评估所用的数据' },
  testWarning: {
    en: 'Keep the test split for the very end: a threshold or a model chosen by looking at it makes its figures optimistic.',
    zh: '测试集要留到最后才用：看着它来选阈值或选模型，会让它的结果偏乐观。',
  },
  evaluate: {
    en: (split: string) => `Evaluate the current model on the ${split}`,
    zh: (split: string) => `在${split}上评估当前模型`,
  } satisfies Fn<[string]>,
  evaluating: { en: 'Evaluating…', zh: '正在评估……' },
  none: {
    en: 'No evaluation yet: train or open a model, then evaluate it.',
    zh: '还没有评估结果：请先训练或打开一个模型，再进行评估。',
  },
  shownFor: {
    en: (split: string, n: number) => `Figures for the ${split}: ${n} images.`,
    zh: (split: string, n: number) => `以下是${split}的结果：共 ${n} 幅图像。`,
  } satisfies Fn<[string, number]>,
  stale: {
    en: 'The data has changed since this evaluation: evaluate again to see the images.',
    zh: '评估之后数据已经改变：请重新评估才能看到图像。',
  },
  empty: { en: 'This split holds no images.', zh: '这个数据集划分中没有图像。' },
  positiveLegend: {
    en: 'Positive class (the finding the test looks for)',
    zh: '阳性类别（检查要找的发现）',
  },
  oneVsRestLegend: { en: 'Class for the one-vs-rest figures', zh: '一对其余分析所用的类别' },
  oneVsRestNote: {
    en: 'With more than two classes, the ROC curve, the threshold figures, the precision–recall curve, calibration and the error gallery treat the chosen class as positive and every other class as negative (one vs rest).',
    zh: '类别多于两个时，ROC 曲线、阈值指标、精确率–召回率曲线、校准和错误图库都把所选类别当作阳性，其余所有类别当作阴性（一对其余）。',
  },
  oneClass: {
    en: (name: string) =>
      `This split holds only “${name}” images or none of them: ROC, AUC, the precision–recall curve and the threshold figures need both.`,
    zh: (name: string) =>
      `这个划分中只有“${name}”图像，或者完全没有：ROC、AUC、精确率–召回率曲线和阈值指标都需要两类图像。`,
  } satisfies Fn<[string]>,
  classFallback: {
    en: (k: number) => `class ${k}`,
    zh: (k: number) => `类别 ${k}`,
  } satisfies Fn<[number]>,
  failed: { en: 'The evaluation failed', zh: '评估失败' },
};

/** Texts of the confusion matrix. */
export const confusionTexts = {
  title: { en: 'Confusion matrix', zh: '混淆矩阵' },
  captionBinary: {
    en: (threshold: string, positive: string) =>
      `At threshold ${threshold}: an image is called “${positive}” when its probability of “${positive}” is at least ${threshold}. Rows: true class; columns: predicted class; each cell: count and share of its row.`,
    zh: (threshold: string, positive: string) =>
      `阈值为 ${threshold}：当图像属于“${positive}”的概率不低于 ${threshold} 时，判为“${positive}”。行为真实类别，列为预测类别；每格为数量及其占该行的比例。`,
  } satisfies Fn<[string, string]>,
  captionMulti: {
    en: 'Argmax: each image is called the class with the highest probability. Rows: true class; columns: predicted class; each cell: count and share of its row.',
    zh: '取最大值：每幅图像判为概率最高的类别。行为真实类别，列为预测类别；每格为数量及其占该行的比例。',
  },
  truth: { en: 'True class', zh: '真实类别' },
  predicted: { en: 'Predicted class', zh: '预测类别' },
  total: { en: 'Total', zh: '合计' },
};

/** Texts of the ROC curve and the threshold controls. */
export const rocTexts = {
  title: { en: 'ROC curve', zh: 'ROC 曲线' },
  description: {
    en: (auc: string) =>
      `Sensitivity against 1 − specificity at every threshold; the dashed diagonal is guessing. AUC ${auc}.`,
    zh: (auc: string) => `每个阈值下的灵敏度对 1 − 特异度；虚线对角线表示随机猜测。AUC 为 ${auc}。`,
  } satisfies Fn<[string]>,
  x: { en: '1 − specificity (false-positive rate)', zh: '1 − 特异度（假阳性率）' },
  y: { en: 'Sensitivity (true-positive rate)', zh: '灵敏度（真阳性率）' },
  auc: {
    en: (auc: string) => `AUC = ${auc}`,
    zh: (auc: string) => `AUC = ${auc}`,
  } satisfies Fn<[string]>,
  aucMeaning: {
    en: (auc: string) =>
      `AUC ${auc}: the probability that a random positive image scores higher than a random negative one (Hanley & McNeil, Radiology 1982). It does not depend on the threshold or on prevalence.`,
    zh: (auc: string) =>
      `AUC 为 ${auc}：随机取一幅阳性图像和一幅阴性图像，阳性图像得分更高的概率（见 Radiology 1982 年的经典论文）。它与阈值和患病率都无关。`,
  } satisfies Fn<[string]>,
  handle: {
    en: 'Threshold on the ROC curve: arrow keys move to the next distinct score',
    zh: 'ROC 曲线上的阈值：方向键移到下一个不同的得分',
  },
  handleValue: {
    en: (t: string, se: string, sp: string) => `threshold ${t}: sensitivity ${se}, specificity ${sp}`,
    zh: (t: string, se: string, sp: string) => `阈值 ${t}：灵敏度 ${se}，特异度 ${sp}`,
  } satisfies Fn<[string, string, string]>,
  help: {
    en: 'Drag the red point along the curve, or focus it and press the arrow keys: each press moves it to the next distinct score.',
    zh: '沿曲线拖动红点，或者选中它后按方向键：每按一次移到下一个不同的得分。',
  },
};

/** Texts of the threshold panel. */
export const thresholdTexts = {
  title: { en: 'Threshold and what it gives', zh: '阈值及其结果' },
  threshold: {
    en: (positive: string) => `Threshold: an image is called “${positive}” at or above it`,
    zh: (positive: string) => `阈值：概率不低于它的图像判为“${positive}”`,
  } satisfies Fn<[string]>,
  thresholdNumber: { en: 'Threshold (number)', zh: '阈值（数值）' },
  youden: { en: 'Best threshold by Youden’s index', zh: '按约登指数选最佳阈值' },
  youdenNote: {
    en: (t: string, j: string) =>
      `Youden’s index J = sensitivity + specificity − 1 is largest (${j}) at threshold ${t}.`,
    zh: (t: string, j: string) => `约登指数 J = 灵敏度 + 特异度 − 1 在阈值 ${t} 处最大（${j}）。`,
  } satisfies Fn<[string, string]>,
  atThreshold: {
    en: (t: string) => `At threshold ${t}`,
    zh: (t: string) => `阈值为 ${t} 时`,
  } satisfies Fn<[string]>,
  counts: {
    en: (tp: number, fp: number, tn: number, fn: number) =>
      `true positives ${tp}, false positives ${fp}, true negatives ${tn}, false negatives ${fn}`,
    zh: (tp: number, fp: number, tn: number, fn: number) =>
      `真阳性 ${tp}，假阳性 ${fp}，真阴性 ${tn}，假阴性 ${fn}`,
  } satisfies Fn<[number, number, number, number]>,
  sensitivity: { en: 'Sensitivity', zh: '灵敏度' },
  sensitivityHow: { en: 'positives called positive', zh: '阳性中被判为阳性的比例' },
  specificity: { en: 'Specificity', zh: '特异度' },
  specificityHow: { en: 'negatives called negative', zh: '阴性中被判为阴性的比例' },
  ppv: { en: 'Positive predictive value (PPV)', zh: '阳性预测值' },
  ppvHow: { en: 'positive calls that are right', zh: '判为阳性中确实为阳性的比例' },
  npv: { en: 'Negative predictive value (NPV)', zh: '阴性预测值' },
  npvHow: { en: 'negative calls that are right', zh: '判为阴性中确实为阴性的比例' },
  f1: { en: 'F1 score', zh: 'F1 分数' },
  f1How: { en: 'harmonic mean of PPV and sensitivity', zh: '阳性预测值与灵敏度的调和平均' },
  accuracy: { en: 'Accuracy', zh: '准确率' },
  accuracyHow: { en: 'all calls that are right', zh: '所有判断中正确的比例' },
  undefinedValue: { en: 'undefined (0/0)', zh: '无定义（0/0）' },
  prevalence: {
    en: 'Prevalence: share of positives among the people tested',
    zh: '患病率：受检人群中阳性的比例',
  },
  prevalenceSample: {
    en: (p: string) => `This sample’s prevalence is ${p}.`,
    zh: (p: string) => `本样本的患病率为 ${p}。`,
  } satisfies Fn<[string]>,
  prevalenceChanged: {
    en: (p: string, sample: string) =>
      `PPV, NPV, F1 and accuracy are shown for a prevalence of ${p}, not this sample’s ${sample}: Bayes’ theorem applied to the sensitivity and specificity above (Altman & Bland, BMJ 1994). Sensitivity and specificity do not change with prevalence.`,
    zh: (p: string, sample: string) =>
      `阳性预测值、阴性预测值、F1 分数和准确率按 ${p} 的患病率显示，而不是本样本的 ${sample}：由上面的灵敏度和特异度按贝叶斯定理算出（见 1994 年《英国医学杂志》的诊断试验系列）。灵敏度和特异度不随患病率改变。`,
  } satisfies Fn<[string, string]>,
  prevalenceReset: { en: 'Back to this sample’s prevalence', zh: '恢复本样本的患病率' },
};

/** Texts of the precision–recall panel. */
export const prTexts = {
  title: { en: 'Precision–recall curve', zh: '精确率–召回率曲线' },
  description: {
    en: (ap: string, p: string) =>
      `Precision (PPV) against recall (sensitivity) at every threshold; average precision ${ap}; a classifier that guesses has precision ${p}.`,
    zh: (ap: string, p: string) =>
      `每个阈值下的精确率（阳性预测值）对召回率（灵敏度）；平均精确率为 ${ap}；随机猜测的精确率为 ${p}。`,
  } satisfies Fn<[string, string]>,
  x: { en: 'Recall (sensitivity)', zh: '召回率（灵敏度）' },
  y: { en: 'Precision (PPV)', zh: '精确率（阳性预测值）' },
  ap: {
    en: (ap: string) => `average precision = ${ap}`,
    zh: (ap: string) => `平均精确率 = ${ap}`,
  } satisfies Fn<[string]>,
  baseline: {
    en: (p: string) => `guessing: ${p}`,
    zh: (p: string) => `随机猜测：${p}`,
  } satisfies Fn<[string]>,
  point: {
    en: (t: string, r: string, p: string) => `threshold ${t}: recall ${r}, precision ${p}`,
    zh: (t: string, r: string, p: string) => `阈值 ${t}：召回率 ${r}，精确率 ${p}`,
  } satisfies Fn<[string, string, string]>,
  note: {
    en: 'When the finding is rare, precision stays low even where the ROC curve looks good: the precision–recall curve shows what a positive call is worth.',
    zh: '当发现很少见时，即使 ROC 曲线看起来很好，精确率也可能很低：精确率–召回率曲线显示一次阳性判断的价值。',
  },
};

/** Texts of the calibration panel. */
export const calibrationTexts = {
  title: { en: 'Calibration (reliability diagram)', zh: '校准（可靠性图）' },
  description: {
    en: (ece: string, brier: string) =>
      `Observed share of positives against the mean predicted probability, in ten bins; the dashed diagonal is perfect calibration. ECE ${ece}, Brier score ${brier}.`,
    zh: (ece: string, brier: string) =>
      `十个区间中实际阳性比例对平均预测概率；虚线对角线表示完美校准。期望校准误差 ${ece}，布里尔分数 ${brier}。`,
  } satisfies Fn<[string, string]>,
  x: { en: 'Mean predicted probability', zh: '平均预测概率' },
  y: { en: 'Observed share of positives', zh: '实际阳性比例' },
  histogram: { en: 'predictions per bin', zh: '每个区间的预测数' },
  bin: {
    en: (lo: string, hi: string, n: number, mean: string, observed: string) =>
      `${lo}–${hi}: ${n} images, mean predicted ${mean}, observed ${observed}`,
    zh: (lo: string, hi: string, n: number, mean: string, observed: string) =>
      `${lo}–${hi}：${n} 幅图像，平均预测 ${mean}，实际 ${observed}`,
  } satisfies Fn<[string, string, number, string, string]>,
  ece: { en: 'Expected calibration error (ECE)', zh: '期望校准误差' },
  brier: { en: 'Brier score', zh: '布里尔分数' },
  note: {
    en: 'Below the diagonal the model is over-confident (it says 90 % where 70 % come true), above it under-confident. ECE is the count-weighted mean gap (Guo et al., ICML 2017); the Brier score is the mean squared error of the probability (0 is perfect; always saying 0.5 scores 0.25).',
    zh: '点在对角线下方表示模型过于自信（说 90 % 而实际只有 70 %），在上方表示不够自信。期望校准误差是按数量加权的平均差距（2017 年神经网络校准研究的定义）；布里尔分数是概率的均方误差（0 为完美；总是说 0.5 得 0.25）。',
  },
  failed: { en: 'Calibration could not be computed', zh: '无法计算校准' },
};

/** Texts of the error gallery. */
export const galleryTexts = {
  title: { en: 'Errors at this threshold', zh: '该阈值下的错误' },
  falsePositives: {
    en: (n: number, positive: string) => `False positives (${n}): called “${positive}”, but they are not`,
    zh: (n: number, positive: string) => `假阳性（${n}）：被判为“${positive}”，但实际不是`,
  } satisfies Fn<[number, string]>,
  falseNegatives: {
    en: (n: number, positive: string) => `False negatives (${n}): “${positive}” missed`,
    zh: (n: number, positive: string) => `假阴性（${n}）：漏掉的“${positive}”`,
  } satisfies Fn<[number, string]>,
  order: { en: 'Most confident mistakes first.', zh: '最自信的错误排在最前。' },
  showing: {
    en: (shown: number, total: number) => `Showing ${shown} of ${total}.`,
    zh: (shown: number, total: number) => `显示 ${total} 个中的 ${shown} 个。`,
  } satisfies Fn<[number, number]>,
  none: { en: 'None.', zh: '没有。' },
  item: {
    en: (index: number, truth: string, positive: string, p: string) =>
      `Image ${index}, truly “${truth}”: probability of “${positive}” ${p}`,
    zh: (index: number, truth: string, positive: string, p: string) =>
      `图像 ${index}，真实为“${truth}”：属于“${positive}”的概率 ${p}`,
  } satisfies Fn<[number, string, string, string]>,
  itemCam: {
    en: (index: number, positive: string, method: string) =>
      `Image ${index} with the ${method} map of “${positive}” over it`,
    zh: (index: number, positive: string, method: string) =>
      `图像 ${index}，叠加了“${positive}”的 ${method} 热图`,
  } satisfies Fn<[number, string, string]>,
  method: { en: 'Map', zh: '热图方法' },
  methods: {
    'grad-cam': {
      en: 'Grad-CAM (each channel weighted by its mean gradient)',
      zh: 'Grad-CAM（每个通道按其平均梯度加权）',
    },
    'hires-cam': {
      en: 'HiResCAM (the gradient kept at each position)',
      zh: 'HiResCAM（保留每个位置上的梯度）',
    },
  },
  cam: { en: 'Show the maps for these images', zh: '为这些图像显示热图' },
  camRunning: { en: 'Computing the maps…', zh: '正在计算热图……' },
  camShow: { en: 'Show the overlay', zh: '显示叠加图' },
  camOpacity: { en: 'Overlay opacity', zh: '叠加不透明度' },
  camNote: {
    'grad-cam': {
      en: (positive: string) =>
        `Grad-CAM of “${positive}” in viridis over each image (bright: where the evidence for “${positive}” lay; Selvaraju et al., ICCV 2017).`,
      zh: (positive: string) =>
        `每幅图像上叠加“${positive}”的 Grad-CAM 热图（色图越亮，支持“${positive}”的证据越多；Selvaraju 等，2017 年）。`,
    } satisfies Fn<[string]>,
    'hires-cam': {
      en: (positive: string) =>
        `HiResCAM of “${positive}” in viridis over each image: each position’s own gradient times its activations, so the map adds up what each place contributes to the score of “${positive}” (Draelos and Carin, 2020).`,
      zh: (positive: string) =>
        `每幅图像上叠加“${positive}”的 HiResCAM 热图：每个位置用它自己的梯度乘以激活值，因此热图累加的是每个位置对“${positive}”得分的贡献（Draelos 和 Carin，2020 年）。`,
    } satisfies Fn<[string]>,
  },
  camZero: {
    en: (zero: number, shown: number, positive: string) =>
      `${zero} of the ${shown} maps are zero everywhere: averaged over the map, the gradients of “${positive}” weight every channel so that no position’s sum is positive (Grad-CAM keeps only positive evidence). A small network that ends in flatten and dense layers often gives this: its evidence sits in a few positions and the average cancels it. HiResCAM keeps each position’s gradient: try it.`,
    zh: (zero: number, shown: number, positive: string) =>
      `${shown} 张热图中有 ${zero} 张处处为零：在整张图上平均后，“${positive}”的梯度给各通道的权重使任何位置的加权和都不为正（Grad-CAM 只保留正向证据）。以展平层和全连接层结尾的小网络常常如此：它的证据集中在少数位置，平均后被抵消了。HiResCAM 保留每个位置自己的梯度，可以试一试。`,
  } satisfies Fn<[number, number, string]>,
  camFailed: { en: 'Grad-CAM failed', zh: 'Grad-CAM 计算失败' },
};

/** Texts of the models panel (saved models in this browser). */
export const modelsTexts = {
  title: { en: 'Saved models', zh: '已保存的模型' },
  saveLegend: { en: 'Save the current model in this browser', zh: '把当前模型保存在本浏览器中' },
  name: { en: 'Name', zh: '名称' },
  save: { en: 'Save', zh: '保存' },
  saving: { en: 'Saving…', zh: '正在保存……' },
  saved: {
    en: (name: string) => `Saved “${name}”.`,
    zh: (name: string) => `已保存“${name}”。`,
  } satisfies Fn<[string]>,
  replaces: {
    en: (name: string) => `A model named “${name}” is already saved: saving replaces it.`,
    zh: (name: string) => `已有名为“${name}”的模型：保存会替换它。`,
  } satisfies Fn<[string]>,
  noModel: { en: 'Train or open a model first.', zh: '请先训练或打开一个模型。' },
  list: { en: 'Models saved in this browser', zh: '本浏览器中保存的模型' },
  empty: { en: 'No saved models yet.', zh: '还没有保存的模型。' },
  savedAt: { en: 'Saved', zh: '保存时间' },
  classes: { en: 'Classes', zh: '类别' },
  metrics: { en: 'Validation', zh: '验证结果' },
  metricsValue: {
    en: (auc: string, accuracy: string) => `AUC ${auc}, accuracy ${accuracy}`,
    zh: (auc: string, accuracy: string) => `AUC ${auc}，准确率 ${accuracy}`,
  } satisfies Fn<[string, string]>,
  params: { en: 'Parameters', zh: '参数' },
  actions: { en: 'Actions', zh: '操作' },
  open: { en: 'Open', zh: '打开' },
  openLabel: {
    en: (name: string) => `Open “${name}” as the current model`,
    zh: (name: string) => `把“${name}”打开为当前模型`,
  } satisfies Fn<[string]>,
  opened: {
    en: (name: string) => `“${name}” is now the current model.`,
    zh: (name: string) => `“${name}”现在是当前模型。`,
  } satisfies Fn<[string]>,
  export: { en: 'Export', zh: '导出' },
  exportLabel: {
    en: (name: string) => `Export “${name}” as model files`,
    zh: (name: string) => `把“${name}”导出为模型文件`,
  } satisfies Fn<[string]>,
  exportReady: {
    en: 'Download both files; keep them together to import or load them again:',
    zh: '请下载这两个文件，并放在一起，以便再次导入或加载：',
  },
  delete: { en: 'Delete', zh: '删除' },
  deleteLabel: {
    en: (name: string) => `Delete “${name}”`,
    zh: (name: string) => `删除“${name}”`,
  } satisfies Fn<[string]>,
  confirmDelete: {
    en: (name: string) => `Delete “${name}” from this browser? This cannot be undone.`,
    zh: (name: string) => `要从本浏览器中删除“${name}”吗？删除后无法恢复。`,
  } satisfies Fn<[string]>,
  confirm: { en: 'Yes, delete', zh: '确定删除' },
  cancel: { en: 'Cancel', zh: '取消' },
  deleted: {
    en: (name: string) => `Deleted “${name}”.`,
    zh: (name: string) => `已删除“${name}”。`,
  } satisfies Fn<[string]>,
  openZoo: { en: 'Open in the zoo page', zh: '在模型库页面中打开' },
  openLesson: { en: 'Open in the CNN architecture lesson', zh: '在 CNN 结构课程中打开' },
  importLegend: { en: 'Import a model', zh: '导入模型' },
  importLabel: {
    en: 'Model files: choose the two files of one model together',
    zh: '模型文件：同时选择同一个模型的两个文件',
  },
  importNeedsBoth: {
    en: 'Choose exactly two files together, the model’s description and its weights, named for example',
    zh: '请同时选择恰好两个文件：模型描述和它的权重，文件名例如',
  },
  imported: { en: 'Model imported: it is now the current model.', zh: '模型已导入，现在是当前模型。' },
  failed: { en: 'That did not work', zh: '操作失败' },
};
