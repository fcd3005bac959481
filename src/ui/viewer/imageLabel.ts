import type { Lang } from '../../core/lessons/types';
import type { ViewerImage } from '../../core/imaging/display/displayFrame';
import type { ViewerT } from './useViewerT';

/** Modality codes that read fine inside Chinese text (technical names on the app's allowed list). */
const CODES_IN_ZH = new Set(['CT', 'MR']);

/**
 * What the image is, for the canvas's accessible name: "CT image", "PNG image". In Chinese, DICOM
 * modality codes other than CT and MR are not spelled out (an attribute cannot be marked lang="en").
 */
export function imageLabel(image: ViewerImage, lang: Lang, t: ViewerT): string {
  if (image.kind === 'raster') return t(image.format === 'png' ? 'image.png' : 'image.jpeg');
  const modality = image.kind === 'dicom' ? image.modality : (image.modality ?? '');
  if (!modality) return t(image.kind === 'dicom' ? 'image.dicomGeneric' : 'image.plain');
  if (lang === 'zh' && !CODES_IN_ZH.has(modality)) return t('image.dicomGeneric');
  return t('image.dicom', { modality });
}
