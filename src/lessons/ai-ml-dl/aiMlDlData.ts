/**
 * The data the ai-ml-dl lesson computes its numbers from (DESIGN.md: every number a lesson shows
 * is computed, never typed in). Change a value here and the texts, the quiz and its answers follow.
 */
import type { Localized } from '../../core/lessons/types';
import { SMALL_CNN_ARCHITECTURE } from '../../core/models/smallCnn';

/** The hand-crafted features of the classic pipeline in step 2, one per line of the bullet list. */
export const CLASSIC_FEATURES: readonly Localized[] = [
  {
    en: 'mean attenuation in Hounsfield units (HU) inside the ROI (intensity)',
    zh: '感兴趣区内的平均 CT 值，单位为亨氏单位（HU）（密度特征）',
  },
  {
    en: 'standard deviation of the HU values inside the ROI (texture: how heterogeneous the lesion is)',
    zh: '感兴趣区内 HU 值的标准差（纹理特征：反映病灶的不均匀程度）',
  },
  { en: 'maximum diameter in millimetres (size)', zh: '最大径，单位为毫米（大小特征）' },
  {
    en: 'sphericity: how close the outline is to a sphere (shape)',
    zh: '球形度：轮廓接近球体的程度（形状特征）',
  },
];

/** Logistic regression learns one weight per feature plus one bias. */
export function logisticRegressionParams(featureCount: number): number {
  return featureCount + 1;
}

/** The first layer of the small CNN that step 3 trains live (from its architecture in core/models). */
export const SMALL_CNN_FIRST_LAYER = {
  filters: SMALL_CNN_ARCHITECTURE.filters1,
  kernel: SMALL_CNN_ARCHITECTURE.kernel,
  channels: 1,
} as const;

/** Side of the phantom patches, in pixels: the small CNN's input size. */
export const PATCH_SIZE = SMALL_CNN_ARCHITECTURE.inputSize;

/** Training-set sizes the student can pick (a smaller set is a prefix of a larger one). */
export const TRAIN_SIZES: readonly number[] = [20, 50, 200, 800];

/** Patches in the fixed, held-out test set (never used for training). */
export const TEST_SIZE = 400;

/** L2 penalty λ of both classic classifiers, on standardised features. */
export const CLASSIC_LAMBDA = 0.01;

/**
 * The quiz's worked AUC example: five test patches, their scores and true classes
 * (1 = nodule). Two positive–negative pairs are tied in score.
 */
export const QUIZ_AUC_CASE = { scores: [0.9, 0.6, 0.6, 0.6, 0.2], labels: [1, 1, 0, 0, 0] } as const;

/** Pixel values (HU) of an ROI on an adrenal nodule, unenhanced CT, used by the quiz. */
export const ADRENAL_ROI_HU: readonly number[] = [6, -3, 12, 4, 9, -1, 8, 7];

/**
 * Unenhanced-CT threshold: an adrenal nodule with mean attenuation ≤ 10 HU is most likely a
 * lipid-rich adenoma (Boland GW et al., AJR 1998;171:201–204, pooled sensitivity 71 %, specificity
 * 98 %; kept in the ACR incidental-adrenal-mass white paper, Mayo-Smith WW et al., JACR
 * 2017;14:1038–1044).
 */
export const ADRENAL_ADENOMA_THRESHOLD_HU = 10;

/** Sum. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A number for display: at most `digits` decimals, no trailing zeros. */
export function fmt(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}
