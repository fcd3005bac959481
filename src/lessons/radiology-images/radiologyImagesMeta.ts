import type { LessonMeta } from '../../core/lessons/types';

/**
 * Lesson 1, radiology images as numbers, as the catalogue sees it before the lesson is loaded. The
 * lesson takes its title, summary and time from here.
 */
export const radiologyImagesMeta = {
  id: 'radiology-images',
  title: { en: 'Radiology images as numbers', zh: '放射影像就是数字' },
  summary: {
    en: 'Pixels, DICOM, Hounsfield units, window and level, and inverted (MONOCHROME1) images, live on phantom slices or your own files.',
    zh: '像素、DICOM、亨氏单位（HU）、窗宽窗位与灰度反转（MONOCHROME1）图像，在模型切片或你自己的文件上实时演示。',
  },
  minutes: 20,
  stepCount: 6,
  questionIds: ['rescale', 'brain-grey', 'lung-black', 'hu-per-grey', 'nodule-window', 'monochrome1', 'phi'],
} as const satisfies LessonMeta;
