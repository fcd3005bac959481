import { formatModalityValue } from '../../core/imaging/display/formatModalityValue';
import type { Localized } from '../../core/lessons/types';

/** "−823 HU": rounded to whole HU, with a true minus sign (U+2212). */
export function formatHu(hu: number): string {
  return formatModalityValue(Math.round(hu), 'HU');
}

const num = (v: number, d: number): string => v.toFixed(d);

/** Texts of the hu-scale widget, in both languages. */
export const huScaleTexts = {
  svgTitle: {
    en: 'The Hounsfield scale from −1100 to +1100 HU with the range of each tissue',
    zh: '从 −1100 到 +1100 HU 的亨氏标尺，标出每种组织的范围',
  } satisfies Localized,
  tableCaption: {
    en: 'CT numbers of tissues (DenOtter and Schubert 2023; Buzug 2008; Brant and Helms 2012; Prokop and Galanski 2003)',
    zh: '各组织的 CT 值（DenOtter 与 Schubert 2023；Buzug 2008；Brant 与 Helms 2012；Prokop 与 Galanski 2003）',
  } satisfies Localized,
  tissue: { en: 'Tissue', zh: '组织' } satisfies Localized,
  range: { en: 'Range', zh: '范围' } satisfies Localized,
  result: {
    en: (mu: number, hu: number, tissue: string | null) =>
      `µ = ${num(mu, 4)} cm⁻¹ gives ${formatHu(hu)}${tissue ? `, within the range of ${tissue.toLowerCase()}` : ''}.`,
    zh: (mu: number, hu: number, tissue: string | null) =>
      `µ = ${num(mu, 4)} cm⁻¹ 对应 ${formatHu(hu)}${tissue ? `，落在${tissue}的范围内` : ''}。`,
  },
  refs: {
    en: (muWater: number, muAir: number) =>
      `Reference values at 60 keV (NIST XCOM): µ of water ${num(muWater, 4)} cm⁻¹, of air ${num(muAir, 6)} cm⁻¹.`,
    zh: (muWater: number, muAir: number) =>
      `60 keV 下的参考值（NIST XCOM）：水的 µ 为 ${num(muWater, 4)} cm⁻¹，空气为 ${num(muAir, 6)} cm⁻¹。`,
  },
};
