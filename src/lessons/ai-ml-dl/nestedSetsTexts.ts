import type { Localized } from '../../core/lessons/types';

/** Texts of the nested-sets diagram (AI ⊃ ML ⊃ DL), in both languages. */
export const nestedSetsTexts = {
  title: {
    en: 'AI contains machine learning, which contains deep learning',
    zh: '人工智能包含机器学习，机器学习又包含深度学习',
  },
  desc: {
    en: 'Three nested regions. The outer region, artificial intelligence, includes rule-based systems. Inside it, machine learning includes logistic regression, support vector machines and random forests. Innermost, deep learning includes convolutional neural networks.',
    zh: '三个层层嵌套的区域。最外层是人工智能，包括基于规则的系统；其中是机器学习，包括逻辑回归、支持向量机和随机森林；最内层是深度学习，包括卷积神经网络。',
  },
  ai: { en: 'Artificial intelligence (AI)', zh: '人工智能（AI）' },
  ml: { en: 'Machine learning (ML)', zh: '机器学习（ML）' },
  dl: { en: 'Deep learning (DL)', zh: '深度学习（DL）' },
  aiExample: { en: 'e.g. hand-written rules, expert systems', zh: '例：人工编写的规则、专家系统' },
  mlExample: { en: 'e.g. logistic regression, SVM, random forest', zh: '例：逻辑回归、SVM、随机森林' },
  dlExample: { en: 'e.g. CNNs', zh: '例：CNN' },
  aiExplain: {
    en: 'AI: any computer system doing a task that needs intelligence, including rules written by hand.',
    zh: '人工智能：凡是完成需要智能之任务的计算机系统，包括人工编写的规则。',
  },
  mlExplain: {
    en: 'Machine learning: AI that learns from examples, e.g. logistic regression on hand-crafted features.',
    zh: '机器学习：从样本中学习的人工智能，例如基于人工设计特征的逻辑回归。',
  },
  dlExplain: {
    en: 'Deep learning: machine learning with many-layered neural networks, e.g. CNNs that learn their features from pixels.',
    zh: '深度学习：使用多层神经网络的机器学习，例如从像素中自行学习特征的 CNN。',
  },
} satisfies Record<string, Localized>;
