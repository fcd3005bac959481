import { meanAndSd } from '../../core/datasets/handcraftedFeatures';
import type { QuizDef } from '../../core/lessons/types';
import { rocAuc } from '../../core/training/rocAuc';
import {
  ADRENAL_ADENOMA_THRESHOLD_HU,
  ADRENAL_ROI_HU,
  CLASSIC_FEATURES,
  QUIZ_AUC_CASE,
  fmt,
  logisticRegressionParams,
  sum,
} from './aiMlDlData';

const n = CLASSIC_FEATURES.length;
const lrParams = logisticRegressionParams(n);
const roiMean = meanAndSd(ADRENAL_ROI_HU).mean;
const roiList = ADRENAL_ROI_HU.join(', ');
const below = roiMean <= ADRENAL_ADENOMA_THRESHOLD_HU;

const aucScores = QUIZ_AUC_CASE.scores;
const aucLabels = QUIZ_AUC_CASE.labels;
const positives = aucScores.filter((_, i) => aucLabels[i] === 1);
const negatives = aucScores.filter((_, i) => aucLabels[i] === 0);
/** Each (positive, negative) pair: 1 when the positive scores higher, 1/2 when tied, else 0. */
const pairCredits = positives.flatMap((p) => negatives.map((q) => (p > q ? 1 : p === q ? 0.5 : 0)));
const pairWins = sum(pairCredits);
const auc = rocAuc(aucScores, aucLabels);
const caseList = (lang: 'en' | 'zh'): string =>
  aucScores
    .map((s, i) =>
      lang === 'en'
        ? `${s} (${aucLabels[i] === 1 ? 'nodule' : 'no nodule'})`
        : `${s}（${aucLabels[i] === 1 ? '有结节' : '无结节'}）`,
    )
    .join(lang === 'en' ? ', ' : '、');

/** The quiz of the ai-ml-dl lesson; numeric answers are computed from {@link ADRENAL_ROI_HU} and {@link CLASSIC_FEATURES}. */
export const aiMlDlQuiz: QuizDef = {
  questions: [
    {
      kind: 'choice',
      id: 'nesting',
      prompt: { en: 'Which statement is correct?', zh: '下列说法中哪一项正确？' },
      options: [
        {
          id: 'dl-is-ml',
          text: {
            en: 'Every deep-learning model is also a machine-learning model.',
            zh: '所有深度学习模型也都是机器学习模型。',
          },
        },
        {
          id: 'ml-is-dl',
          text: {
            en: 'Every machine-learning model is a deep neural network.',
            zh: '所有机器学习模型都是深度神经网络。',
          },
        },
        {
          id: 'rules-not-ai',
          text: {
            en: 'A system of hand-written rules cannot be called AI.',
            zh: '由人工编写规则构成的系统不能称为人工智能。',
          },
        },
        {
          id: 'dl-outside-ai',
          text: {
            en: 'Deep learning is a separate field that is not part of AI.',
            zh: '深度学习是独立的领域，不属于人工智能。',
          },
        },
      ],
      correct: 'dl-is-ml',
      explanation: {
        en: 'Deep learning ⊂ machine learning ⊂ AI. Many machine-learning models (logistic regression, support vector machines, random forests) are not deep networks, and rule-based expert systems are AI without any learning.',
        zh: '深度学习 ⊂ 机器学习 ⊂ 人工智能。许多机器学习模型（逻辑回归、支持向量机、随机森林）并不是深度网络；基于规则的专家系统虽然不学习，也属于人工智能。',
      },
    },
    {
      kind: 'choice',
      id: 'feature-origin',
      prompt: {
        en: 'In a classic (radiomics-style) machine-learning pipeline, where do the features come from?',
        zh: '在经典的（影像组学式）机器学习流程中，特征从何而来？',
      },
      options: [
        {
          id: 'designed',
          text: {
            en: 'People design them before training, e.g. mean HU, texture and shape.',
            zh: '由人在训练之前设计，例如平均 HU 值、纹理和形状。',
          },
        },
        {
          id: 'learned',
          text: {
            en: 'The classifier learns them from the raw pixels.',
            zh: '由分类器从原始像素中学习得到。',
          },
        },
        {
          id: 'scanner',
          text: {
            en: 'The CT scanner computes them during image reconstruction.',
            zh: '由 CT 扫描仪在图像重建时自动计算。',
          },
        },
        { id: 'random', text: { en: 'They are chosen at random.', zh: '随机选取。' } },
      ],
      correct: 'designed',
      explanation: {
        en: 'In classic machine learning, humans decide what to measure; the classifier only learns how to weigh those measurements. Learning the features from pixels is what distinguishes deep learning.',
        zh: '在经典机器学习中，测量什么由人决定，分类器只学习如何为这些测量值加权。从像素中自动学习特征，正是深度学习的不同之处。',
      },
    },
    {
      kind: 'numeric',
      id: 'roi-mean',
      prompt: {
        en: `An ROI drawn on an adrenal nodule on unenhanced CT contains ${ADRENAL_ROI_HU.length} pixels with these values (HU): ${roiList}. Compute the hand-crafted feature “mean attenuation”, to one decimal place.`,
        zh: `在平扫 CT 上，于一个肾上腺结节内勾画的感兴趣区含 ${ADRENAL_ROI_HU.length} 个像素，其值（HU）为：${roiList}。请计算人工设计特征“平均 CT 值”，保留一位小数。`,
      },
      answer: roiMean,
      tolerance: 0.1,
      unit: { en: 'HU', zh: 'HU（亨氏单位）' },
      explanation: {
        en: `Sum = ${sum(ADRENAL_ROI_HU)} HU over ${ADRENAL_ROI_HU.length} pixels, so the mean is ${fmt(roiMean)} HU. ${
          below
            ? `That is ≤ ${ADRENAL_ADENOMA_THRESHOLD_HU} HU, which on unenhanced CT points to a lipid-rich adenoma`
            : `That is above ${ADRENAL_ADENOMA_THRESHOLD_HU} HU, so the simple lipid-rich adenoma rule does not apply`
        }: a classic one-feature classifier with a threshold chosen by people.`,
        zh: `总和为 ${sum(ADRENAL_ROI_HU)} HU，共 ${ADRENAL_ROI_HU.length} 个像素，平均值为 ${fmt(roiMean)} HU。${
          below
            ? `该值 ≤ ${ADRENAL_ADENOMA_THRESHOLD_HU} HU，在平扫 CT 上提示富脂性腺瘤`
            : `该值高于 ${ADRENAL_ADENOMA_THRESHOLD_HU} HU，因此不适用富脂性腺瘤这一简单规则`
        }——这就是一个只用一个特征、由人设定阈值的经典分类器。`,
      },
    },
    {
      kind: 'numeric',
      id: 'lr-params',
      prompt: {
        en: `A classic pipeline feeds the ${n} hand-crafted features of step 2 into a logistic regression. How many parameters does the classifier learn?`,
        zh: `某经典流程把第 2 步中的 ${n} 个人工设计特征输入逻辑回归。该分类器需要学习多少个参数？`,
      },
      answer: lrParams,
      tolerance: 0,
      explanation: {
        en: `One weight per feature plus one bias: ${n} + 1 = ${lrParams}. So few parameters is why classic classifiers can be trained on small datasets.`,
        zh: `每个特征一个权重，再加一个偏置：${n} + 1 = ${lrParams}。参数如此之少，正是经典分类器能用小数据集训练的原因。`,
      },
    },
    {
      kind: 'numeric',
      id: 'auc-ties',
      prompt: {
        en: `A classifier gives ${aucScores.length} test patches these scores: ${caseList('en')}. Compute the AUC, counting a tied pair as one half. Give two decimals.`,
        zh: `某分类器给 ${aucScores.length} 个测试图像块的评分为：${caseList('zh')}。请计算 AUC（评分相同的一对记 0.5），保留两位小数。`,
      },
      answer: auc,
      tolerance: 0.005,
      explanation: {
        en: `AUC is the share of (nodule, no nodule) pairs in which the nodule scores higher. There are ${positives.length} × ${negatives.length} = ${pairCredits.length} pairs; they earn ${pairWins} points (a tie earns 0.5), so AUC = ${pairWins}/${pairCredits.length} ≈ ${fmt(auc, 3)}. This is the Mann–Whitney formula the widgets use.`,
        zh: `AUC 是所有（有结节，无结节）配对中，有结节者评分更高的比例。共有 ${positives.length} × ${negatives.length} = ${pairCredits.length} 对，得分合计 ${pairWins}（评分相同记 0.5），所以 AUC = ${pairWins}/${pairCredits.length} ≈ ${fmt(auc, 3)}。这正是各个演示所用的曼–惠特尼公式。`,
      },
    },
    {
      kind: 'choice',
      id: 'small-data',
      prompt: {
        en: 'A team has 150 labelled CT cases and a well-established quantitative biomarker. Which approach is usually the more robust first choice?',
        zh: '某团队只有 150 例带标注的 CT 病例，以及一个公认的定量影像生物标志物。通常哪种方法是更稳妥的首选？',
      },
      options: [
        {
          id: 'classic',
          text: {
            en: 'Hand-crafted features with a simple classifier, validated on separate patients.',
            zh: '人工设计特征加简单分类器，并在另一组患者上验证。',
          },
        },
        {
          id: 'big-cnn',
          text: {
            en: 'A large CNN trained from scratch on the 150 cases.',
            zh: '用这 150 例从零训练一个大型 CNN。',
          },
        },
        {
          id: 'train-accuracy',
          text: {
            en: 'Whichever model reaches 100% accuracy on the training cases.',
            zh: '选在训练病例上准确率达到 100% 的模型。',
          },
        },
      ],
      correct: 'classic',
      explanation: {
        en: 'A CNN trained from scratch has far more parameters than 150 cases can constrain, so it is likely to overfit. A few hand-crafted features need much less data (transfer learning, in a later lesson, is the other option). Accuracy on the training cases says nothing about new patients.',
        zh: '从零训练的 CNN 参数量远超 150 例数据所能约束的范围，很容易过拟合。少量人工设计特征所需的数据要少得多（另一种选择是后面课程中的迁移学习）。训练病例上的准确率并不能说明模型在新患者上的表现。',
      },
    },
  ],
};
