/**
 * The strings of the `train-classifier` widgets, in English and Simplified Chinese. Texts with
 * numbers carry `{placeholders}` (filled with `fillPlaceholders`); every number filled in is
 * computed by the widget from the store's records.
 */
import type { Localized } from '../../core/lessons/types';

/** Shared strings: missing data, missing model, busy states. */
export const commonTexts = {
  needData: {
    en: 'No data is loaded yet. Choose the data on step 1, or load the phantom set of a plain link here.',
    zh: '尚未加载数据。请在第 1 步选择数据，或在这里加载默认链接的体模数据集。',
  },
  loadDefault: { en: 'Load the default phantom set', zh: '加载默认的体模数据集' },
  goToData: { en: 'Go to step 1', zh: '前往第 1 步' },
  loading: { en: 'Loading the data…', zh: '正在加载数据……' },
  needModel: {
    en: 'No model has been trained yet: train one on step 3 (or run an experiment on steps 5 and 6).',
    zh: '还没有训练过模型：请在第 3 步训练一个（或在第 5、6 步运行实验）。',
  },
  running: { en: 'Training: epoch {epoch} of {epochs}.', zh: '训练中：第 {epoch} 轮，共 {epochs} 轮。' },
  error: { en: 'Something went wrong:', zh: '出现问题：' },
} satisfies Record<string, Localized>;

/** Step 1. */
export const dataTexts = {
  phantomHeading: { en: 'Phantom task (reproduced by the link)', zh: '体模任务（链接可重现）' },
  ownHeading: { en: 'Your own images (not in the link)', zh: '你自己的图像（不在链接中）' },
  medHeading: { en: 'MedMNIST (not in the link)', zh: 'MedMNIST（不在链接中）' },
  splitHeading: { en: 'The split', zh: '数据划分' },
  samplesHeading: { en: 'Samples of each class', zh: '各类别的样本' },
  notPhantom: {
    en: 'The data loaded now is not the phantom set of this link: a link cannot reproduce your own images or a MedMNIST set.',
    zh: '当前加载的数据不是此链接的体模数据集：链接无法重现你自己的图像或 MedMNIST 数据集。',
  },
  usePhantom: { en: 'Use the phantom set of this link instead', zh: '改用此链接的体模数据集' },
  byPatient: { en: 'Keep each patient’s images in one split', zh: '同一患者的图像只放入一个子集' },
  byPatientNone: {
    en: 'This data has no patient ids: it is split image by image.',
    zh: '这组数据没有患者编号：按图像逐张划分。',
  },
  fractions: {
    en: 'Fractions: {train} % training, {validation} % validation, {test} % test, stratified by class.',
    zh: '比例：训练 {train} %，验证 {validation} %，测试 {test} %，按类别分层。',
  },
  counts: { en: 'Images per class in each split', zh: '各子集中每个类别的图像数' },
  classHeader: { en: 'Class', zh: '类别' },
  total: { en: 'Total', zh: '合计' },
} satisfies Record<string, Localized>;

/** Split names as the tables show them. */
export const SPLIT_NAMES_TEXT = {
  train: { en: 'Training', zh: '训练' },
  validation: { en: 'Validation', zh: '验证' },
  test: { en: 'Test', zh: '测试' },
} satisfies Record<string, Localized>;

/** Step 2. */
export const setupWidgetTexts = {
  previewHeading: { en: 'What the model will see', zh: '模型将看到的图像' },
} satisfies Record<string, Localized>;

/** Split names inside a sentence ("the {split} split", "{split}集"). */
export const SPLIT_WORDS = {
  train: { en: 'training', zh: '训练' },
  validation: { en: 'validation', zh: '验证' },
  test: { en: 'test', zh: '测试' },
} satisfies Record<string, Localized>;

/** Step 3. */
export const runTexts = {
  fullSet: {
    en: 'Trains on the whole training split ({n} images) with the setup of step 2.',
    zh: '使用第 2 步的设置，在整个训练集（{n} 张图像）上训练。',
  },
} satisfies Record<string, Localized>;

/** Step 4. */
export const evaluateWidgetTexts = {
  evaluate: { en: 'Evaluate on the validation split', zh: '在验证集上评估' },
} satisfies Record<string, Localized>;

/** Steps 5 and 6. */
export const experimentTexts = {
  runPlain: { en: 'Run: small set, no augmentation', zh: '运行：小训练集，无增强' },
  runAugmented: { en: 'Run: small set, with augmentation', zh: '运行：小训练集，有增强' },
  plainLabel: { en: '{n} images, no augmentation', zh: '{n} 张图像，无增强' },
  augmentedLabel: { en: '{n} images, augmented', zh: '{n} 张图像，有增强' },
  setup: {
    en: 'Model and optimizer of step 2; {n} training images (stratified), batches of {batch}, {epochs} epochs, no weight decay; the validation split unchanged.',
    zh: '模型和优化器沿用第 2 步；{n} 张训练图像（分层抽取），批大小 {batch}，{epochs} 轮，无权重衰减；验证集不变。',
  },
  notYet: { en: 'Not run yet with these settings.', zh: '尚未用这些设置运行。' },
  bestEpoch: {
    en: 'Lowest validation loss: {loss} at epoch {epoch}.',
    zh: '验证损失最低：第 {epoch} 轮，为 {loss}。',
  },
  finalGap: {
    en: 'At epoch {epoch}: training loss {train}, validation loss {validation}; the gap is {gap}.',
    zh: '第 {epoch} 轮：训练损失 {train}，验证损失 {validation}；差距为 {gap}。',
  },
  trainFell: {
    en: 'The training loss fell from {first} to {last}.',
    zh: '训练损失从 {first} 降到了 {last}。',
  },
  rose: {
    en: 'After its best epoch the validation loss rose by {rise}: the model fitted its training images at the expense of new ones.',
    zh: '在最好的一轮之后，验证损失上升了 {rise}：模型以牺牲新图像为代价拟合了训练图像。',
  },
  didNotRise: {
    en: 'In this run the validation loss did not rise after its best epoch (change {rise}): no overfitting was measured. Try fewer images or a harder task.',
    zh: '这次训练中，验证损失在最好的一轮之后没有上升（变化 {rise}）：没有测到过拟合。可以减少图像数或把任务调难后再试。',
  },
  earlyStop: {
    en: 'Early stopping with a patience of {patience} epochs would have stopped after epoch {stop} and kept the weights of epoch {kept}.',
    zh: '耐心为 {patience} 轮的早停会在第 {stop} 轮后停止，并保留第 {kept} 轮的权重。',
  },
  noEarlyStop: {
    en: 'Early stopping with a patience of {patience} epochs would not have stopped before the end; it would keep the weights of epoch {kept}.',
    zh: '耐心为 {patience} 轮的早停不会在结束前停止；它会保留第 {kept} 轮的权重。',
  },
  noValidation: {
    en: 'This run has no validation figures (the validation split is empty).',
    zh: '这次训练没有验证指标（验证集为空）。',
  },
  compareHeading: { en: 'Best validation figures of each run', zh: '每次训练最好的验证指标' },
  runColumn: { en: 'Run', zh: '训练' },
  lossColumn: { en: 'Lowest validation loss (epoch)', zh: '最低验证损失（轮）' },
  aucColumn: { en: 'Highest validation AUC (epoch)', zh: '最高验证 AUC（轮）' },
  gapColumn: { en: 'Final gap', zh: '最终差距' },
  lossBetter: {
    en: 'With augmentation the lowest validation loss was lower by {d}.',
    zh: '开启增强后，最低验证损失低了 {d}。',
  },
  lossWorse: {
    en: 'With augmentation the lowest validation loss was higher by {d}: in these runs it did not help.',
    zh: '开启增强后，最低验证损失高了 {d}：在这两次训练中它没有帮助。',
  },
  lossSame: {
    en: 'The lowest validation losses differ by {d} only: no clear difference in these runs.',
    zh: '两次最低验证损失只相差 {d}：这两次训练没有明显差别。',
  },
  aucBetter: { en: 'The best validation AUC rose by {d}.', zh: '最好的验证 AUC 提高了 {d}。' },
  aucWorse: { en: 'The best validation AUC fell by {d}.', zh: '最好的验证 AUC 降低了 {d}。' },
  aucSame: { en: 'The best validation AUCs differ by {d} only.', zh: '两次最好的验证 AUC 只相差 {d}。' },
  needBoth: {
    en: 'Run both experiments to compare them: the one without augmentation is the run of step 5.',
    zh: '运行两个实验后才能比较：无增强的那次就是第 5 步的训练。',
  },
} satisfies Record<string, Localized>;

/** Step 7. */
export const imbalanceWidgetTexts = {
  needEvaluation: {
    en: 'This step needs the model’s scores on evaluated images: evaluate a trained model first.',
    zh: '这一步需要模型在已评估图像上的得分：请先评估一个训练好的模型。',
  },
  evaluate: { en: 'Evaluate the validation split now', zh: '现在评估验证集' },
  subset: {
    en: '{n} images of the {split} split, {positives} with a lesion: a prevalence of {prevalence} % (asked: {asked} %).',
    zh: '{split}集中的 {n} 张图像，其中 {positives} 张有病灶：患病率 {prevalence} %（设定为 {asked} %）。',
  },
  empty: {
    en: 'At {asked} % the {negatives} normal images evaluated leave no image with a lesion: raise the prevalence or evaluate a larger split.',
    zh: '在 {asked} % 时，已评估的 {negatives} 张正常图像不足以保留任何有病灶的图像：请提高患病率或评估更大的子集。',
  },
  few: {
    en: 'Only {positives} images with a lesion remain: AUC, sensitivity and PPV rest on very few cases here and vary from draw to draw.',
    zh: '只剩 {positives} 张有病灶的图像：此时 AUC、敏感度和 PPV 只依赖极少数病例，每次抽样都会变化。',
  },
  figure: { en: 'Figure', zh: '指标' },
  value: { en: 'On this subset', zh: '在此子集上' },
  reference: { en: 'For comparison', zh: '对照' },
  alwaysNormal: { en: 'Accuracy of always saying “normal”', zh: '总说“正常”的准确率' },
  accuracy: { en: 'Model accuracy at threshold 0.5', zh: '模型在 0.5 阈值下的准确率' },
  auc: { en: 'Model ROC AUC', zh: '模型的 ROC AUC' },
  sensitivity: { en: 'Sensitivity at 0.5', zh: '0.5 阈值下的敏感度' },
  ppv: { en: 'PPV at 0.5', zh: '0.5 阈值下的 PPV' },
  aucFull: { en: 'all {n} evaluated images: {auc}', zh: '全部 {n} 张已评估图像：{auc}' },
  expected: { en: 'expected from Bayes’ rule: {v}', zh: '按贝叶斯公式的预期值：{v}' },
  curveTitle: { en: 'Accuracy and AUC against prevalence', zh: '准确率和 AUC 随患病率的变化' },
  curveDescription: {
    en: 'Accuracy of always saying normal, the model’s accuracy and its AUC on subsets resampled to each prevalence.',
    zh: '在按各患病率重新抽样的子集上，总说正常的准确率、模型的准确率及其 AUC。',
  },
  prevalenceAxis: { en: 'Prevalence, %', zh: '患病率（%）' },
  valueAxis: { en: 'Value', zh: '数值' },
  multiClass: {
    en: 'This data has {classes} classes: the step treats “{name}” against all the others.',
    zh: '这组数据有 {classes} 个类别：本步把“{name}”与其余类别相对比。',
  },
} satisfies Record<string, Localized>;
