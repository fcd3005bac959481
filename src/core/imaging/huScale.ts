/**
 * The Hounsfield scale: what a CT pixel value means.
 *
 * HU = 1000 × (µ − µ_water) / (µ_water − µ_air), so water is 0 HU and air −1000 HU by definition
 * (Hounsfield 1973, Br J Radiol 46:1016; DICOM PS3.3 C.8.2.1.1.4 "Rescale Type HU").
 */

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

/**
 * Typical CT numbers of tissues. Sources: Buzug TM, *Computed Tomography: From Photon Statistics to
 * Modern Cone-Beam CT*, Springer 2008, p. 475 (tissue table); Prokop M, Galanski M, *Spiral and
 * Multislice Computed Tomography of the Body*, Thieme 2003. Air and water are exact by definition.
 * Measured values vary with tube voltage, reconstruction and scanner, by several HU.
 */
export const TISSUE_HU: readonly TissueHu[] = [
  { id: 'air', name: { en: 'Air', zh: '空气' }, range: [-1000, -1000] },
  { id: 'lung', name: { en: 'Lung (inspiration)', zh: '肺实质（吸气相）' }, range: [-910, -850] },
  { id: 'fat', name: { en: 'Fat', zh: '脂肪' }, range: [-100, -50] },
  { id: 'water', name: { en: 'Water', zh: '水' }, range: [0, 0] },
  { id: 'white-matter', name: { en: 'White matter', zh: '脑白质' }, range: [20, 30] },
  { id: 'kidney', name: { en: 'Kidney', zh: '肾脏' }, range: [20, 40] },
  { id: 'spleen', name: { en: 'Spleen', zh: '脾脏' }, range: [35, 55] },
  { id: 'grey-matter', name: { en: 'Grey matter', zh: '脑灰质' }, range: [37, 45] },
  { id: 'blood', name: { en: 'Blood', zh: '血液' }, range: [45, 65] },
  { id: 'liver', name: { en: 'Liver', zh: '肝脏' }, range: [45, 65] },
  { id: 'haematoma', name: { en: 'Fresh haematoma', zh: '新鲜血肿' }, range: [40, 90] },
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
