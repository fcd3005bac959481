/**
 * The quiz of the `train-classifier` lesson. Every number in it is computed here from the worked
 * cases below with the project's metric functions (binaryMetrics.ts, rocAuc.ts, overfitMaths.ts);
 * tests/unit/lessons/trainClassifier.test.ts checks them against hand-worked values.
 *
 * Sources: sensitivity, specificity and predictive values, Altman & Bland, BMJ 1994;308:1552 and
 * 309:102; AUC as the probability that a positive outranks a negative, Hanley & McNeil, Radiology
 * 1982;143:29–36; early stopping, Goodfellow, Bengio & Courville, "Deep Learning" 2016, §7.8;
 * leakage from splitting a patient's slices across sets, Yagis et al., Sci Rep 2021;11:22544;
 * augmentation that must keep the label true, Shorten & Khoshgoftaar, J Big Data 2019;6:60;
 * calibration, Guo et al., ICML 2017.
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { QuizDef } from '../../core/lessons/types';
import { thresholdStats, type ConfusionCounts } from '../../core/training/binaryMetrics';
import { rocAuc } from '../../core/training/rocAuc';
import type { EpochRecord } from '../../core/training/trainingTypes';
import { overfitSummary } from './overfitMaths';

const f = (v: number, d = 2): string => formatNumber(v, d);

/** The worked screening table: 1,000 CT scans, 50 with a nodule, read at one threshold. */
export const WORKED_TABLE: ConfusionCounts = { tp: 45, fn: 5, fp: 95, tn: 855 };
const worked = thresholdStats(WORKED_TABLE);
/** Sensitivity of the worked table, TP / (TP + FN). */
export const sensitivityAnswer = worked.sensitivity;
/** PPV of the worked table, TP / (TP + FP). */
export const ppvAnswer = worked.ppv;
/** Its specificity, TN / (TN + FP) (stated in the explanation). */
export const specificityOfTable = worked.specificity;

/** The batch arithmetic case: training images, batch size, epochs. */
export const BATCH_CASE = { images: 420, batch: 32, epochs: 5 } as const;
/** Batches per epoch: ⌈images / batch⌉ (the last, smaller batch is kept). */
export const batchesPerEpochAnswer = Math.ceil(BATCH_CASE.images / BATCH_CASE.batch);
/** Weight updates in the whole run. */
export const stepsAnswer = batchesPerEpochAnswer * BATCH_CASE.epochs;

/** The imbalance case: a test set with few haemorrhages. */
export const IMBALANCE_CASE = { images: 1000, positives: 20 } as const;
const caseLabels = Array.from({ length: IMBALANCE_CASE.images }, (_, i) =>
  i < IMBALANCE_CASE.positives ? 1 : 0,
);
/** Accuracy of always answering "no haemorrhage". */
export const alwaysNormalAccuracy =
  (IMBALANCE_CASE.images - IMBALANCE_CASE.positives) / IMBALANCE_CASE.images;
/** AUC of that constant answer: every positive–negative pair tied. */
export const constantAuc = rocAuc(
  caseLabels.map(() => 0),
  caseLabels,
);

/**
 * The curve of the overfitting question: training loss falling as a power of the epoch, validation
 * loss a parabola in the epoch with its minimum at epoch 8 (illustrative numbers, read by the
 * same function as the lesson's widget).
 */
export const EXAMPLE_CURVE: readonly EpochRecord[] = Array.from({ length: 30 }, (_, i) => {
  const epoch = i + 1;
  return {
    epoch,
    trainLoss: 0.69 * epoch ** -1.05,
    trainAccuracy: 0,
    validationLoss: 0.41 + 0.0018 * (epoch - 8) ** 2,
    validationAccuracy: null,
    validationAuc: null,
    trainMs: 0,
  };
});
/** What the overfitting question's curve shows. */
export const exampleCurve = overfitSummary(EXAMPLE_CURVE)!;

/** The calibration case: images given a probability near `predicted`, and how many had a lesion. */
export const CALIBRATION_CASE = { images: 200, predicted: 0.9, positives: 120 } as const;
/** The observed rate of lesions among them. */
export const observedRate = CALIBRATION_CASE.positives / CALIBRATION_CASE.images;

const T = WORKED_TABLE;
const positives = T.tp + T.fn;
const total = T.tp + T.fn + T.fp + T.tn;
const pct = (v: number): string => f(100 * v, 1);

/** The quiz of the last step. */
export const trainClassifierQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'sensitivity',
      prompt: {
        en: `A nodule detector reads ${total} screening CT scans, ${positives} of which have a nodule. At its threshold: ${T.tp} true positives, ${T.fn} false negatives, ${T.fp} false positives, ${T.tn} true negatives. What is its sensitivity (a fraction between 0 and 1)?`,
        zh: `一个结节检测器读取 ${total} 例筛查 CT，其中 ${positives} 例有结节。在其阈值下：真阳性 ${T.tp}，假阴性 ${T.fn}，假阳性 ${T.fp}，真阴性 ${T.tn}。它的敏感度是多少（0 到 1 之间的小数）？`,
      },
      answer: sensitivityAnswer,
      tolerance: 0.005,
      explanation: {
        en: `Sensitivity = TP / (TP + FN) = ${T.tp} / (${T.tp} + ${T.fn}) = ${f(sensitivityAnswer, 3)}: the share of the scans with a nodule that the detector flags.`,
        zh: `敏感度 = TP / (TP + FN) = ${T.tp} / (${T.tp} + ${T.fn}) = ${f(sensitivityAnswer, 3)}：有结节的扫描中被检测器标出的比例。`,
      },
    },
    {
      kind: 'numeric',
      id: 'ppv',
      prompt: {
        en: `Same table (TP ${T.tp}, FN ${T.fn}, FP ${T.fp}, TN ${T.tn}). When the detector flags a scan, how likely is a nodule there? Give the positive predictive value (PPV) as a fraction, two decimals.`,
        zh: `同一张表（TP ${T.tp}，FN ${T.fn}，FP ${T.fp}，TN ${T.tn}）。检测器标出一例扫描时，那里真有结节的可能性多大？请给出阳性预测值（PPV），用小数表示，保留两位。`,
      },
      answer: ppvAnswer,
      tolerance: 0.005,
      explanation: {
        en: `PPV = TP / (TP + FP) = ${T.tp} / (${T.tp} + ${T.fp}) = ${f(ppvAnswer, 3)}. Sensitivity is ${f(sensitivityAnswer, 2)} and specificity ${f(specificityOfTable, 2)}, yet only about ${pct(ppvAnswer)} % of the flagged scans have a nodule: with ${pct(positives / total)} % of scans positive, the few misses among many normals outnumber the hits (Altman & Bland, 1994).`,
        zh: `PPV = TP / (TP + FP) = ${T.tp} / (${T.tp} + ${T.fp}) = ${f(ppvAnswer, 3)}。敏感度为 ${f(sensitivityAnswer, 2)}，特异度为 ${f(specificityOfTable, 2)}，但被标出的扫描中只有约 ${pct(ppvAnswer)} % 真有结节：阳性扫描只占 ${pct(positives / total)} %，大量正常扫描中少量的误判就比真阳性还多（Altman 与 Bland，1994）。`,
      },
    },
    {
      kind: 'numeric',
      id: 'batch-steps',
      prompt: {
        en: `A training split of ${BATCH_CASE.images} images is trained with batches of ${BATCH_CASE.batch} for ${BATCH_CASE.epochs} epochs; the last, smaller batch of each epoch is kept. How many times are the weights updated in all?`,
        zh: `训练集有 ${BATCH_CASE.images} 张图像，批大小为 ${BATCH_CASE.batch}，训练 ${BATCH_CASE.epochs} 轮；每轮最后那个较小的批次也保留。权重一共更新多少次？`,
      },
      answer: stepsAnswer,
      tolerance: 0,
      explanation: {
        en: `One epoch is one pass over the training images: ⌈${BATCH_CASE.images} / ${BATCH_CASE.batch}⌉ = ${batchesPerEpochAnswer} batches, one update each. ${BATCH_CASE.epochs} epochs × ${batchesPerEpochAnswer} = ${stepsAnswer} updates.`,
        zh: `一轮就是把训练图像全部过一遍：⌈${BATCH_CASE.images} / ${BATCH_CASE.batch}⌉ = ${batchesPerEpochAnswer} 个批次，每个批次更新一次。${BATCH_CASE.epochs} 轮 × ${batchesPerEpochAnswer} = ${stepsAnswer} 次更新。`,
      },
    },
    {
      kind: 'choice',
      id: 'auc-imbalance',
      prompt: {
        en: `A test set has ${IMBALANCE_CASE.images} head CT slices, ${IMBALANCE_CASE.positives} with a haemorrhage. A “model” that always answers “no haemorrhage” reaches an accuracy of ${pct(alwaysNormalAccuracy)} %. Which figure shows that it has learnt nothing?`,
        zh: `测试集有 ${IMBALANCE_CASE.images} 张头部 CT 切片，其中 ${IMBALANCE_CASE.positives} 张有出血。一个总是回答“无出血”的“模型”准确率达到 ${pct(alwaysNormalAccuracy)} %。哪个指标能说明它什么也没学到？`,
      },
      options: [
        {
          id: 'accuracy',
          text: { en: 'Its accuracy, which is high', zh: '它的准确率，很高' },
        },
        {
          id: 'specificity',
          text: { en: 'Its specificity of 100 %', zh: '它 100 % 的特异度' },
        },
        {
          id: 'auc',
          text: {
            en: `Its ROC AUC of ${f(constantAuc)}: it ranks no haemorrhage above a normal slice`,
            zh: `它的 ROC AUC 为 ${f(constantAuc)}：它没有把任何出血切片排在正常切片之前`,
          },
        },
      ],
      correct: 'auc',
      explanation: {
        en: `Accuracy is dominated by the majority class: 1 − ${IMBALANCE_CASE.positives}/${IMBALANCE_CASE.images} = ${f(alwaysNormalAccuracy)} without looking at a slice, and its sensitivity is 0. The AUC is the probability that a random positive scores above a random negative (ties count half) and does not depend on the prevalence; a constant score ties every pair: ${f(constantAuc)}, chance (Hanley & McNeil, 1982).`,
        zh: `准确率由多数类主导：不看切片也能得到 1 − ${IMBALANCE_CASE.positives}/${IMBALANCE_CASE.images} = ${f(alwaysNormalAccuracy)}，而它的敏感度为 0。AUC 是随机一个阳性样本得分高于随机一个阴性样本的概率（并列算一半），与患病率无关；常数得分让每一对都并列：${f(constantAuc)}，相当于随机猜测（Hanley 与 McNeil，1982）。`,
      },
    },
    {
      kind: 'choice',
      id: 'overfit-curve',
      prompt: {
        en: `Over ${exampleCurve.finalEpoch} epochs the training loss falls from ${f(exampleCurve.firstTrainLoss)} to ${f(exampleCurve.finalTrainLoss)}. The validation loss is lowest, ${f(exampleCurve.bestValidationLoss)}, at epoch ${exampleCurve.bestEpoch}, and ${f(exampleCurve.finalValidationLoss)} at epoch ${exampleCurve.finalEpoch}. Which weights should you keep?`,
        zh: `在 ${exampleCurve.finalEpoch} 轮中，训练损失从 ${f(exampleCurve.firstTrainLoss)} 降到 ${f(exampleCurve.finalTrainLoss)}。验证损失在第 ${exampleCurve.bestEpoch} 轮最低，为 ${f(exampleCurve.bestValidationLoss)}，第 ${exampleCurve.finalEpoch} 轮为 ${f(exampleCurve.finalValidationLoss)}。应该保留哪一轮的权重？`,
      },
      options: [
        {
          id: 'last',
          text: {
            en: `Epoch ${exampleCurve.finalEpoch}: its training loss is the lowest`,
            zh: `第 ${exampleCurve.finalEpoch} 轮：它的训练损失最低`,
          },
        },
        {
          id: 'best',
          text: {
            en: `Epoch ${exampleCurve.bestEpoch}: after it the model fits its training images ever better and new images ever worse`,
            zh: `第 ${exampleCurve.bestEpoch} 轮：此后模型对训练图像拟合得越来越好，对新图像却越来越差`,
          },
        },
        {
          id: 'first',
          text: { en: 'Epoch 1: the two losses are closest', zh: '第 1 轮：两条损失曲线最接近' },
        },
      ],
      correct: 'best',
      explanation: {
        en: `The validation loss estimates the loss on images the model has not seen. It is lowest at epoch ${exampleCurve.bestEpoch}; afterwards the model keeps lowering the training loss by learning its training images by heart (overfitting), and the gap grows to ${f(exampleCurve.finalGap)} at epoch ${exampleCurve.finalEpoch}. Early stopping keeps the weights of the best validation epoch and ends training once it has not improved for a few epochs (Goodfellow et al., 2016, §7.8). The final check is then on the untouched test split.`,
        zh: `验证损失估计的是模型没见过的图像上的损失。它在第 ${exampleCurve.bestEpoch} 轮最低；此后模型靠死记训练图像继续降低训练损失（过拟合），两者的差距到第 ${exampleCurve.finalEpoch} 轮增大到 ${f(exampleCurve.finalGap)}。早停保留验证损失最好那一轮的权重，并在几轮都没有改进后结束训练（Goodfellow 等，2016，第 7.8 节）。最后再在从未动用过的测试集上检验。`,
      },
    },
    {
      kind: 'choice',
      id: 'augment-label',
      prompt: {
        en: 'An augmentation must not make the label of an image false. Which one does?',
        zh: '数据增强绝不能让图像的标签变错。下面哪一种会这样？',
      },
      options: [
        {
          id: 'rotate',
          text: {
            en: 'Rotating head CT slices by up to ±10° for “haemorrhage or not”',
            zh: '在“有无出血”任务中，把头部 CT 切片旋转至多 ±10°',
          },
        },
        {
          id: 'flip-side',
          text: {
            en: 'Mirroring chest radiographs left–right when the label says on which side a pneumothorax is',
            zh: '当标签说明气胸在哪一侧时，把胸片左右镜像',
          },
        },
        {
          id: 'shift',
          text: {
            en: 'Shifting lung patches by a few pixels for “nodule or not”',
            zh: '在“有无结节”任务中，把肺部图块平移几个像素',
          },
        },
      ],
      correct: 'flip-side',
      explanation: {
        en: 'A mirrored image shows the pneumothorax on the other side while its label still names the first side: the model is taught a false answer. Augmentations must leave the label true (Shorten & Khoshgoftaar, 2019). Small rotations and shifts do, for present-or-absent labels. Even where a flip keeps the label, it makes anatomy that is rare in patients (the heart on the right) and mirrors the side markers, so use it only where that does not matter for the task.',
        zh: '镜像后的图像把气胸移到了另一侧，而标签仍写着原来那一侧：模型被教了一个错误的答案。数据增强必须保持标签正确（Shorten 与 Khoshgoftaar，2019）。对于“有或无”这类标签，小角度旋转和平移不会改变标签。即使翻转不改变标签，它也会造出患者中罕见的解剖（心脏在右侧），并把左右标记一起镜像，所以只在这对任务无关紧要时才使用。',
      },
    },
    {
      kind: 'choice',
      id: 'patient-split',
      prompt: {
        en: 'Each patient contributes five slices. The same model, trained and tested on a split made at random by slice, reaches a much higher test AUC than on a split made by patient. Why?',
        zh: '每位患者提供五张切片。同一个模型在按切片随机划分的数据上训练和测试，其测试 AUC 比按患者划分时高得多。为什么？',
      },
      options: [
        {
          id: 'more-data',
          text: {
            en: 'Splitting by slice leaves more training data, so the model really is better',
            zh: '按切片划分留下了更多训练数据，所以模型确实更好',
          },
        },
        {
          id: 'leakage',
          text: {
            en: 'Slices of one patient land in both training and test: the model recognises the patient, not the disease, and the test is too optimistic',
            zh: '同一位患者的切片同时出现在训练集和测试集中：模型认出的是患者而不是疾病，测试结果过于乐观',
          },
        },
        {
          id: 'chance',
          text: {
            en: 'It is chance: another seed would give the same AUC both ways',
            zh: '这是偶然：换一个随机种子，两种划分的 AUC 会相同',
          },
        },
      ],
      correct: 'leakage',
      explanation: {
        en: 'Slices of one patient share anatomy, scanner and often the label. When they are split between training and test, the test set is no longer new to the model (data leakage) and its figures overstate how it will do on new patients; splitting 2D slices by slice rather than by subject inflated accuracy in published brain MRI studies (Yagis et al., 2021). Keep each patient in one split.',
        zh: '同一位患者的切片具有相同的解剖、扫描设备，标签也往往相同。若把它们分到训练集和测试集两边，测试集对模型就不再是新的（数据泄漏），测试指标会高估模型在新患者上的表现；已发表的脑部 MR 研究中，按切片而非按受试者划分二维切片就虚高了准确率（Yagis 等，2021）。应让每位患者只出现在一个子集中。',
      },
    },
    {
      kind: 'choice',
      id: 'calibration',
      prompt: {
        en: `Of ${CALIBRATION_CASE.images} test images to which a model gave a probability of about ${f(CALIBRATION_CASE.predicted)}, ${CALIBRATION_CASE.positives} have a lesion. What does that say?`,
        zh: `在模型给出约 ${f(CALIBRATION_CASE.predicted)} 概率的 ${CALIBRATION_CASE.images} 张测试图像中，有 ${CALIBRATION_CASE.positives} 张有病灶。这说明什么？`,
      },
      options: [
        {
          id: 'calibrated',
          text: { en: 'The model is well calibrated there', zh: '模型在这一段校准良好' },
        },
        {
          id: 'overconfident',
          text: {
            en: `It is overconfident: ${f(observedRate)} of them have a lesion, not ${f(CALIBRATION_CASE.predicted)}; its ranking (and AUC) may still be good`,
            zh: `它过度自信：其中有病灶的比例是 ${f(observedRate)}，而不是 ${f(CALIBRATION_CASE.predicted)}；它的排序（以及 AUC）仍可能很好`,
          },
        },
        {
          id: 'underconfident',
          text: {
            en: 'It is underconfident: its probabilities are too low',
            zh: '它信心不足：给出的概率偏低',
          },
        },
      ],
      correct: 'overconfident',
      explanation: {
        en: `Calibrated means that among images given probability p, a share p has the lesion. Here ${CALIBRATION_CASE.positives} / ${CALIBRATION_CASE.images} = ${f(observedRate)} < ${f(CALIBRATION_CASE.predicted)}: the point lies below the diagonal of the reliability diagram. Modern networks are often overconfident (Guo et al., 2017). AUC depends only on the order of the scores, so a model can rank well and still state probabilities a clinician should not take at face value.`,
        zh: `校准良好是指：在被给出概率 p 的图像中，确有比例 p 的图像有病灶。这里 ${CALIBRATION_CASE.positives} / ${CALIBRATION_CASE.images} = ${f(observedRate)} < ${f(CALIBRATION_CASE.predicted)}：这个点位于可靠性图对角线的下方。现代神经网络常常过度自信（Guo 等，2017）。AUC 只取决于得分的排序，所以一个模型可以排序很好，给出的概率却不能被临床医生直接采信。`,
      },
    },
  ],
};
