import type { EnumParamDef, Lang, Localized, NumberParamDef } from '../../core/lessons/types';
import { SCALAR_FEATURE_IDS, type ScalarFeatureId } from '../../core/datasets/handcraftedFeatures';
import { TRAIN_SIZES } from './aiMlDlData';

/** Short names of the hand-crafted features (axis labels, choices, table cells). */
export const FEATURE_NAMES: Readonly<Record<ScalarFeatureId, Localized>> = {
  meanHu: { en: 'Mean HU', zh: '平均 CT 值（HU）' },
  sdHu: { en: 'HU standard deviation', zh: 'CT 值标准差（HU）' },
  edgeDensity: { en: 'Edge density (Sobel)', zh: '边缘密度（索贝尔算子）' },
  glcmContrast: { en: 'GLCM contrast', zh: '灰度共生矩阵对比度' },
  glcmHomogeneity: { en: 'GLCM homogeneity', zh: '灰度共生矩阵同质性' },
  lbpNonUniform: { en: 'LBP non-uniform share', zh: '局部二值模式非均匀占比' },
  dotFilter: { en: 'Blob filter (Hessian dot)', zh: '圆斑滤波（黑塞矩阵点状增强）' },
};

function featureParam(id: string, label: Localized, def: ScalarFeatureId): EnumParamDef {
  return {
    kind: 'enum',
    id,
    label,
    options: SCALAR_FEATURE_IDS.map((f) => ({ value: f, label: FEATURE_NAMES[f] })),
    default: def,
  };
}

/** Feature on the scatter plot's horizontal axis; in the URL as `fx`. */
export const FX_PARAM = featureParam('fx', { en: 'Feature on the x axis', zh: '横轴特征' }, 'meanHu');

/** Feature on the scatter plot's vertical axis; in the URL as `fy`. */
export const FY_PARAM = featureParam('fy', { en: 'Feature on the y axis', zh: '纵轴特征' }, 'dotFilter');

/** What the classic classifier sees: the two plotted features, or every feature; `inputs`. */
export const INPUTS_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'inputs',
  label: { en: 'Classifier input', zh: '分类器的输入' },
  options: [
    { value: 'two', label: { en: 'The two plotted features', zh: '图中的两个特征' } },
    {
      value: 'all',
      label: { en: 'All features (with the LBP histogram)', zh: '全部特征（含局部二值模式直方图）' },
    },
  ],
  default: 'two',
};

/** The classic classifier; `clf`. */
export const CLASSIFIER_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'clf',
  label: { en: 'Classifier', zh: '分类器' },
  options: [
    { value: 'logreg', label: { en: 'Logistic regression', zh: '逻辑回归' } },
    { value: 'svm', label: { en: 'Linear SVM', zh: '线性 SVM' } },
  ],
  default: 'logreg',
};

/** Display name of a classifier id in `lang` (the id itself when unknown). */
export function classifierName(clf: string, lang: Lang): string {
  return CLASSIFIER_PARAM.options.find((o) => o.value === clf)?.label[lang] ?? clf;
}

/** Training examples used (a prefix of the same pool); `n`. */
export const TRAIN_SIZE_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'n',
  label: { en: 'Training examples', zh: '训练样本数' },
  options: TRAIN_SIZES.map((n) => ({ value: String(n), label: { en: String(n), zh: String(n) } })),
  default: '200',
};

/** Dataset seed: another draw of phantom patches; `seed`. */
export const SEED_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'seed',
  label: { en: 'Dataset seed', zh: '数据集随机种子' },
  min: 1,
  max: 20,
  step: 1,
  default: 1,
};

/** Passes of the CNN over its training set; `epochs`. */
export const EPOCHS_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'epochs',
  label: { en: 'CNN training epochs', zh: 'CNN 训练轮数' },
  min: 1,
  max: 30,
  step: 1,
  default: 10,
};

/** Reads an enum parameter that names a scalar feature. */
export function featureParamValue(
  v: number | string | undefined,
  fallback: ScalarFeatureId,
): ScalarFeatureId {
  return (SCALAR_FEATURE_IDS as readonly string[]).includes(String(v)) ? (v as ScalarFeatureId) : fallback;
}

/** Reads a numeric parameter (numbers and numeric strings), else the fallback. */
export function numberParamValue(v: number | string | undefined, fallback: number): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
}
