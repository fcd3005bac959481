/**
 * The Hounsfield scale: what a CT pixel value means.
 *
 * HU = 1000 × (µ − µ_water) / (µ_water − µ_air), so water is 0 HU and air −1000 HU by definition
 * (Hounsfield 1973, Br J Radiol 46:1016; DICOM PS3.3 C.8.2.1.1.4 "Rescale Type HU").
 */

import { CT_TISSUES, ctTissueIndex, type CtTissueName } from './phantoms/ctTissues';
import type { Hu } from './types';

/** Linear attenuation coefficient of water at 60 keV, cm⁻¹: µ/ρ = 0.2059 cm²/g × ρ = 1.000 g/cm³ (NIST XCOM, Hubbell & Seltzer, NISTIR 5632). */
export const MU_WATER_60KEV = 0.2059;
/** Linear attenuation coefficient of dry air at 60 keV, cm⁻¹: µ/ρ = 0.1875 cm²/g × ρ = 0.001205 g/cm³ (same source). */
export const MU_AIR_60KEV = 0.1875 * 0.001205;

/**
 * Hounsfield units from a linear attenuation coefficient, given the coefficients of water and air
 * at the same effective energy.
 */
export function huFromAttenuation(mu: number, muWater = MU_WATER_60KEV, muAir = MU_AIR_60KEV): Hu {
  return (1000 * (mu - muWater)) / (muWater - muAir);
}

/** The inverse of {@link huFromAttenuation}: µ (cm⁻¹) of a voxel with the given HU. */
export function attenuationFromHu(hu: number, muWater = MU_WATER_60KEV, muAir = MU_AIR_60KEV): number {
  return muWater + (hu * (muWater - muAir)) / 1000;
}

/** One row of the tissue table. */
export interface TissueHu {
  id: string;
  name: { en: string; zh: string };
  /** Range [low, high] in HU. */
  range: readonly [number, number];
}

/** A tissue the CT phantoms paint: its range is the one of {@link CT_TISSUES}, so a probe on a sample reads inside it. */
function painted(phantomName: CtTissueName, id: string, name: { en: string; zh: string }): TissueHu {
  const t = CT_TISSUES[ctTissueIndex(phantomName)];
  if (!t) throw new Error(`unknown phantom tissue ${phantomName}`);
  return { id, name, range: t.range };
}

/**
 * Typical CT numbers of tissues, as the lesson shows them. One table per tissue:
 * - tissues the CT phantoms paint (air, lung, fat, white and grey matter, blood, acute haemorrhage)
 *   take their range from the phantoms' table, phantoms/ctTissues.ts, with its sources (DenOtter TD,
 *   Schubert J, "Hounsfield Unit", StatPearls NBK547721, 2023; Buzug TM, *Computed Tomography*,
 *   Springer 2008, ch. 1; Brant WE, Helms CA, *Fundamentals of Diagnostic Radiology*, 4th ed., 2012;
 *   acute blood: Parizel PM et al., Eur Radiol 2001;11:1770–83);
 * - the others (kidney, spleen, liver, bone): Buzug TM, *Computed Tomography: From Photon Statistics
 *   to Modern Cone-Beam CT*, Springer 2008, p. 475 (tissue table); Prokop M, Galanski M, *Spiral
 *   and Multislice Computed Tomography of the Body*, Thieme 2003.
 * Air and water are exact by definition. Measured values vary with tube voltage, reconstruction
 * and scanner, by several HU.
 */
export const TISSUE_HU: readonly TissueHu[] = [
  painted('air', 'air', { en: 'Air', zh: '空气' }),
  painted('lung', 'lung', { en: 'Lung (inspiration)', zh: '肺实质（吸气相）' }),
  painted('fat', 'fat', { en: 'Fat', zh: '脂肪' }),
  { id: 'water', name: { en: 'Water', zh: '水' }, range: [0, 0] },
  painted('white-matter', 'white-matter', { en: 'White matter', zh: '脑白质' }),
  { id: 'kidney', name: { en: 'Kidney', zh: '肾脏' }, range: [20, 40] },
  { id: 'spleen', name: { en: 'Spleen', zh: '脾脏' }, range: [35, 55] },
  painted('grey-matter', 'grey-matter', { en: 'Grey matter', zh: '脑灰质' }),
  painted('blood', 'blood', { en: 'Blood', zh: '血液' }),
  { id: 'liver', name: { en: 'Liver', zh: '肝脏' }, range: [45, 65] },
  painted('haemorrhage', 'haematoma', { en: 'Fresh haematoma', zh: '新鲜血肿' }),
  { id: 'bone', name: { en: 'Bone', zh: '骨' }, range: [700, 3000] },
];

/** Midpoint of a tissue's range, HU. */
export function tissueMidpoint(t: TissueHu): Hu {
  return (t.range[0] + t.range[1]) / 2;
}

/** The tissue with this id; throws for an unknown id (a programming error). */
export function tissue(id: string): TissueHu {
  const t = TISSUE_HU.find((x) => x.id === id);
  if (!t) throw new Error(`unknown tissue ${id}`);
  return t;
}

/**
 * Storage arithmetic of a CT image: a scanner stores 12 bits (4,096 values, e.g. −1024…3071 HU,
 * DICOM PS3.3 C.7.6.3.1.1 Bits Stored), a display channel has 8 bits (256 grey levels).
 * Returns how many HU share one displayed grey level when a window of `width` HU is shown.
 */
export function huPerGreyLevel(width: number, greyLevels = 256): number {
  return width / greyLevels;
}
