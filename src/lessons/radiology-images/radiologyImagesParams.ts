import type { EnumParamDef, NumberParamDef } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { requireWindowPreset, type WindowPresetId } from '../../core/imaging/display/windowPresets';
import { MU_WATER_60KEV } from '../../core/imaging/huScale';

/**
 * The phantom samples a step can open, by id (public/samples/manifest.json, written by
 * `npm run samples`). A unit test checks that every id here is in the manifest.
 */
export const LESSON_SAMPLES = [
  { value: 'chest-ct-nodule', label: { en: 'Chest CT with a nodule', zh: '含结节的胸部 CT' } },
  { value: 'chest-ct-normal', label: { en: 'Chest CT, normal', zh: '正常胸部 CT' } },
  { value: 'head-ct-haemorrhage', label: { en: 'Head CT with haemorrhage', zh: '含出血的头部 CT' } },
  { value: 'head-ct-normal', label: { en: 'Head CT, normal', zh: '正常头部 CT' } },
  { value: 'chest-xray-nodule', label: { en: 'Chest radiograph with a nodule', zh: '含结节的胸部 X 线片' } },
  {
    value: 'brain-mr-t2-tumour',
    label: { en: 'Brain MR (T2) with a tumour', zh: '含肿瘤的脑部磁共振（T2）' },
  },
] as const;

/** Which sample the viewer opens; in the URL as `sample`. */
export const SAMPLE_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'sample',
  label: { en: 'Sample', zh: '样例' },
  options: LESSON_SAMPLES,
  default: 'chest-ct-nodule',
};

/** Window centre (level) and width in HU, in the URL as `wc` and `ww` so a link reopens the same view. */
export function windowParams(center: number, width: number): NumberParamDef[] {
  return [
    {
      kind: 'number',
      id: 'wc',
      label: { en: 'Window centre (level), HU', zh: '窗位（中心），HU' },
      min: -1024,
      max: 3071,
      step: 1,
      default: center,
    },
    {
      kind: 'number',
      id: 'ww',
      label: { en: 'Window width, HU', zh: '窗宽，HU' },
      min: 1,
      max: 4096,
      step: 1,
      default: width,
    },
  ];
}

/** A preset's level and width as the lesson texts write them: "L −600, W 1500" (zh: full-width comma). */
export function presetLw(id: WindowPresetId): { en: string; zh: string } {
  const { center, width } = requireWindowPreset(id);
  const l = formatNumber(center);
  const w = formatNumber(width);
  return { en: `L ${l}, W ${w}`, zh: `L ${l}，W ${w}` };
}

/** The window of the “why windowing” step: the whole 12-bit range, so the brain looks flat at first. */
export const WINDOW_PARAMS: readonly NumberParamDef[] = windowParams(1024, 4096);

/** A linear attenuation coefficient (cm⁻¹ at 60 keV) for the HU calculator; in the URL as `mu`. Starts at water. */
export const MU_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'mu',
  label: { en: 'Attenuation coefficient µ, cm⁻¹ (60 keV)', zh: '线性衰减系数 µ，cm⁻¹（60 keV）' },
  min: 0,
  max: 0.7,
  step: 0.0001,
  default: MU_WATER_60KEV,
};
