import { LESSON_IDS, type LessonId } from '../core/lessons/lessonIds';
import type { LessonMeta, Localized } from '../core/lessons/types';
import { getLessonMeta } from './lessonRegistry';

/**
 * One card of the catalogue. `meta` is set when the lesson is built (status "available"); the
 * lesson itself is loaded only when its page opens.
 */
export interface CatalogueEntry {
  id: LessonId;
  title: Localized;
  summary: Localized;
  minutes: number;
  status: 'available' | 'coming';
  meta?: LessonMeta;
}

type Meta = Pick<CatalogueEntry, 'title' | 'summary' | 'minutes'>;

/** Titles and summaries of the lessons not built yet (a built lesson's card uses its own meta). */
const PLANNED: Readonly<Partial<Record<LessonId, Meta>>> = {
  'transfer-learning': {
    title: { en: 'Transfer learning', zh: '迁移学习' },
    summary: {
      en: 'Start from a pretrained network: freeze or fine-tune, compared with training from scratch as the data grow.',
      zh: '从预训练网络出发：冻结还是微调，并随着数据量增加与从零训练相比较。',
    },
    minutes: 25,
  },
  'off-the-shelf-features': {
    title: { en: 'Off-the-shelf CNN features', zh: '现成的 CNN 特征' },
    summary: {
      en: 'Features from an intermediate layer of a pretrained CNN fed to a support vector machine, versus fine-tuning.',
      zh: '把预训练 CNN 中间层的特征输入支持向量机（SVM），并与微调相比较。',
    },
    minutes: 20,
  },
  'radiology-tasks': {
    title: { en: 'Tasks in radiology', zh: '放射学中的任务' },
    summary: {
      en: 'The survey in miniature: classification, detection, segmentation, denoising and reconstruction, each a tiny live model.',
      zh: '综述的缩影：分类、检测、分割、去噪与重建，每类任务配一个可实时运行的小模型。',
    },
    minutes: 30,
  },
  pitfalls: {
    title: { en: 'Pitfalls', zh: '常见陷阱' },
    summary: {
      en: 'Patient-level splits and leakage, class imbalance, shortcut learning, domain shift, calibration and explainability.',
      zh: '按患者划分数据与数据泄漏、类别不平衡、捷径学习、域偏移、校准与可解释性。',
    },
    minutes: 25,
  },
};

/** All twelve lessons of DESIGN.md, in order, with their status. */
export const catalogue: readonly CatalogueEntry[] = LESSON_IDS.map((id): CatalogueEntry => {
  const meta = getLessonMeta(id);
  if (meta === undefined) {
    const planned = PLANNED[id];
    if (planned === undefined) throw new Error(`Lesson '${id}' has neither a meta nor a planned card`);
    return { id, ...planned, status: 'coming' };
  }
  return {
    id,
    title: meta.title,
    summary: meta.summary,
    minutes: meta.minutes,
    status: 'available',
    meta,
  };
});

/** The catalogue entry of a known lesson id, or `undefined`. */
export function getCatalogueEntry(id: string): CatalogueEntry | undefined {
  return catalogue.find((e) => e.id === id);
}
