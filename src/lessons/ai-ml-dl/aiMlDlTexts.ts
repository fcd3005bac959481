import type { Lang, Localized } from '../../core/lessons/types';
import { fillPlaceholders } from '../../i18n/translate';

/**
 * Texts of the ai-ml-dl widgets, in both languages. `{name}` placeholders are filled by
 * {@link fillPlaceholders}; every entry is checked by tests/unit/lessons/aiMlDlTexts.test.ts (same rules as
 * the lesson texts: no stray English words and full-width punctuation in Chinese).
 */
export const aiMlDlTexts = {
  loading: {
    en: 'Generating phantom lung patches: {done} of {total}…',
    zh: '正在生成肺部体模图像块：{done}/{total}……',
  },
  loadFailed: {
    en: 'The phantom patches could not be generated: {message}',
    zh: '无法生成体模图像块：{message}',
  },

  classicHeading: {
    en: 'Live: hand-crafted features on phantom lung patches',
    zh: '实时演示：肺部体模图像块上的人工设计特征',
  },
  classicIntro: {
    en: 'Each patch is {size}×{size} pixels of simulated lung CT ({fov} mm across); half of them hold a nodule. The features below are computed from the HU values of the whole patch, no outline needed. Change the features, the classifier and the number of training patches with the controls under the plot.',
    zh: '每个图像块为 {size}×{size} 像素的模拟肺部 CT（边长 {fov} 毫米），其中一半含有结节。下列特征直接由整个图像块的 HU 值计算，无需勾画轮廓。可用图下方的控件更换特征、分类器和训练图像块的数量。',
  },
  examplesCaption: {
    en: 'Two training patches (lung window −600/1500 HU) and their features',
    zh: '两个训练图像块（肺窗 −600/1500 HU）及其特征',
  },
  noNodule: { en: 'No nodule', zh: '无结节' },
  nodule: { en: 'Nodule', zh: '有结节' },
  feature: { en: 'Feature', zh: '特征' },
  scatterTitle: {
    en: '{fy} against {fx} for {n} training patches, by class',
    zh: '{n} 个训练图像块的{fy}与{fx}散点图，按类别区分',
  },
  scatterDesc: {
    en: 'Blue circles: patches without a nodule. Orange triangles: patches with a nodule. The dashed line is where the classifier changes its answer.',
    zh: '蓝色圆点：无结节的图像块；橙色三角：有结节的图像块。虚线是分类器判定发生改变的分界线。',
  },
  boundary: { en: 'decision boundary', zh: '决策边界' },
  boundaryHidden: {
    en: 'The classifier uses all {k} features, so its boundary cannot be drawn in this plane.',
    zh: '分类器使用全部 {k} 个特征，因此其决策边界无法画在这个平面上。',
  },
  resultsHeading: {
    en: 'Measured on {test} held-out test patches',
    zh: '在 {test} 个独立测试图像块上的测量结果',
  },
  classifier: { en: 'Classifier', zh: '分类器' },
  inputFeatures: { en: 'Input features', zh: '输入特征数' },
  learnedParams: { en: 'Learned parameters', zh: '学习的参数' },
  trainingPatches: { en: 'Training patches', zh: '训练图像块' },
  testAccuracy: { en: 'Test accuracy', zh: '测试准确率' },
  testAuc: { en: 'Test AUC', zh: '测试 AUC' },
  trainingTime: { en: 'Training time', zh: '训练耗时' },
  summary: {
    en: '{clf} on {k} features from {n} training patches: accuracy {acc}, AUC {auc} on {test} test patches.',
    zh: '{clf}基于 {k} 个特征、{n} 个训练图像块：在 {test} 个测试图像块上准确率 {acc}，AUC {auc}。',
  },

  cnnHeading: { en: 'Live: a small CNN learns its own features', zh: '实时演示：小型 CNN 自行学习特征' },
  cnnArchitecture: {
    en: 'Input {size}×{size} HU patch (window −1000…200 HU scaled to −1…1) → {f1} filters 3×3 + ReLU → max-pool 2×2 → {f2} filters 3×3 + ReLU → global max-pool → 2 outputs (softmax): {params} parameters, trained with Adam on the same patches as step 2.',
    zh: '输入 {size}×{size} 的 HU 图像块（窗口 −1000…200 HU，缩放到 −1…1）→ {f1} 个 3×3 滤波器 + ReLU → 2×2 最大池化 → {f2} 个 3×3 滤波器 + ReLU → 全局最大池化 → 2 个输出（归一化指数函数）：共 {params} 个参数，用 Adam 在与第 2 步相同的图像块上训练。',
  },
  train: { en: 'Train the CNN', zh: '训练 CNN' },
  retrain: { en: 'Train again', zh: '重新训练' },
  stop: { en: 'Stop', zh: '停止' },
  waitingBackend: { en: 'Starting the compute backend…', zh: '正在启动计算后端……' },
  preparing: { en: 'Preparing the patches…', zh: '正在准备图像块……' },
  progress: {
    en: 'Epoch {epoch} of {epochs}, batch {batch} of {batches}, loss {loss}',
    zh: '第 {epoch}/{epochs} 轮，第 {batch}/{batches} 批，损失 {loss}',
  },
  progressLabel: { en: 'CNN training progress', zh: 'CNN 训练进度' },
  trainedOn: {
    en: 'Trained on {n} patches for {epochs} epochs on {backend} in {time}.',
    zh: '在 {backend} 上用 {n} 个图像块训练了 {epochs} 轮，耗时 {time}。',
  },
  stoppedEarly: {
    en: 'Stopped early: these are the results of the network as it was when stopped.',
    zh: '训练已提前停止：以下是停止时网络的结果。',
  },
  notTrained: {
    en: 'Not trained yet: press the button to train it here, in this page.',
    zh: '尚未训练：按下按钮即可在本页中训练。',
  },
  trainFailed: { en: 'Training failed: {message}', zh: '训练失败：{message}' },
  filtersHeading: { en: 'Hand-designed filters and learned filters', zh: '人工设计的滤波器与学到的滤波器' },
  handMade: { en: 'Designed by people', zh: '人工设计' },
  learned: { en: 'Learned by the CNN (first layer)', zh: 'CNN 学到的（第一层）' },
  sobelX: { en: 'Sobel x (edge density)', zh: '索贝尔 x 方向（边缘密度）' },
  sobelY: { en: 'Sobel y (edge density)', zh: '索贝尔 y 方向（边缘密度）' },
  laplacian: { en: 'Laplacian (spots)', zh: '拉普拉斯（斑点）' },
  filterN: { en: 'Filter {i}', zh: '滤波器 {i}' },
  filterAria: { en: '{name}: weights by row {rows}', zh: '{name}：逐行权重 {rows}' },
  legendTitle: {
    en: 'Weight, each filter scaled to its largest |weight|',
    zh: '权重（每个滤波器按其最大绝对值缩放）',
  },
  legendNegative: { en: 'negative', zh: '负' },
  legendZero: { en: '0', zh: '0' },
  legendPositive: { en: 'positive', zh: '正' },
  filtersNote: {
    en: 'The learned filters start random and are shaped only by the training patches; compare them with the edge and spot detectors people designed.',
    zh: '学到的滤波器从随机值开始，仅由训练图像块塑造；请将它们与人设计的边缘和斑点检测器比较。',
  },

  tableHeading: { en: 'Classic versus CNN, measured live', zh: '经典方法与 CNN：实时测量对比' },
  tableCaption: {
    en: 'Same {n} training patches and same {test} test patches (dataset seed {seed}). Every number is measured in this page.',
    zh: '相同的 {n} 个训练图像块和相同的 {test} 个测试图像块（数据集随机种子 {seed}）。每个数字都在本页中实时测得。',
  },
  approach: { en: 'Approach', zh: '方法' },
  features: { en: 'Features', zh: '特征' },
  trainingExamples: { en: 'Training examples', zh: '训练样本' },
  classicRow: { en: 'Hand-crafted features + {clf}', zh: '人工设计特征 + {clf}' },
  cnnRow: { en: 'Small CNN', zh: '小型 CNN' },
  designed: { en: 'Designed by people: {k} numbers per patch', zh: '由人设计：每个图像块 {k} 个数值' },
  learnedFeatures: {
    en: 'Learned from pixels: {f1} + {f2} filters',
    zh: '从像素中学习：{f1} + {f2} 个滤波器',
  },
  featureTime: { en: '{fit} (+ {features} for the features)', zh: '{fit}（另加特征计算 {features}）' },
  measureAll: { en: 'Measure every training-set size', zh: '测量所有训练集规模' },
  historyHeading: { en: 'Data needed: every run so far', zh: '所需数据量：目前为止的每次运行' },
  historyCaption: {
    en: 'Test accuracy and AUC by training-set size, for this dataset seed and number of epochs.',
    zh: '按训练集规模列出的测试准确率与 AUC（本数据集随机种子与训练轮数）。',
  },
  historyEmpty: {
    en: 'No runs yet: train the CNN, or measure every size.',
    zh: '尚无运行记录：请训练 CNN，或测量所有规模。',
  },
  method: { en: 'Method', zh: '方法' },
  notYet: { en: 'not yet', zh: '尚未测量' },
} satisfies Record<string, Localized>;

/** A text in `lang` with its placeholders filled. */
export function tx(
  key: keyof typeof aiMlDlTexts,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fillPlaceholders(aiMlDlTexts[key][lang], vars);
}

/** Accuracy as a percentage with one decimal, e.g. `75.5%`; `—` when undefined. */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—';
}

/** AUC with three decimals; `—` when undefined (one class only). */
export function formatAuc(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '—';
}

/** A duration: `0.8 ms`, `12 ms`, `3.4 s` (`3.4 秒` in Chinese). */
export function formatMs(ms: number, lang: Lang): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = (ms / 1000).toFixed(1);
  return lang === 'zh' ? `${s} 秒` : `${s} s`;
}

/** An integer with thousands separators, e.g. `1,282`. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
