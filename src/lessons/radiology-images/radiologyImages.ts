import type { LessonDef } from '../../core/lessons/types';
import { radiologyImagesSteps } from './radiologyImagesSteps';

/** Lesson 1: radiology images as numbers — HU, windowing, MONOCHROME1, the DICOM header. */
export const radiologyImages: LessonDef = {
  id: 'radiology-images',
  title: { en: 'Radiology images as numbers', zh: '放射影像就是数字' },
  summary: {
    en: 'Pixels, DICOM, Hounsfield units, window and level, and inverted (MONOCHROME1) images, live on phantom slices or your own files.',
    zh: '像素、DICOM、亨氏单位（HU）、窗宽窗位与灰度反转（MONOCHROME1）图像，在模型切片或你自己的文件上实时演示。',
  },
  minutes: 20,
  steps: radiologyImagesSteps,
};
