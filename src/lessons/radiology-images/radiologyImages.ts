import type { LessonDef } from '../../core/lessons/types';
import { radiologyImagesSteps } from './radiologyImagesSteps';
import { radiologyImagesMeta } from './radiologyImagesMeta';

/** Lesson 1: radiology images as numbers — HU, windowing, MONOCHROME1, the DICOM header. */
export const radiologyImages: LessonDef = {
  id: radiologyImagesMeta.id,
  title: radiologyImagesMeta.title,
  summary: radiologyImagesMeta.summary,
  minutes: radiologyImagesMeta.minutes,
  steps: radiologyImagesSteps,
};
