import type { Localized } from '../../core/lessons/types';

/** Texts of the window-math widget, in both languages. */
export const windowMathTexts = {
  viewerLabel: {
    en: 'Head CT phantom under the chosen window',
    zh: '所选窗下的头部 CT 模型',
  } satisfies Localized,
  range: {
    en: 'HU shown as grey (black below, white above)',
    zh: '显示为灰阶的 HU 范围（以下为黑，以上为白）',
  } satisfies Localized,
  perGrey: { en: 'HU per grey level', zh: '每级灰度对应的 HU' } satisfies Localized,
  gmWm: {
    en: 'Grey levels between grey and white matter',
    zh: '脑灰质与白质之间相差的灰阶数',
  } satisfies Localized,
  levels: {
    en: (n: number) => `${n} of 256`,
    zh: (n: number) => `256 级中的 ${n} 级`,
  },
  caption: {
    en: 'Grey level of each tissue under this window (midpoint of its cited HU range)',
    zh: '本窗下各组织的灰度（取其文献 HU 范围的中点）',
  } satisfies Localized,
  tissue: { en: 'Tissue', zh: '组织' } satisfies Localized,
  grey: { en: 'Grey level (0–255)', zh: '灰度（0–255）' } satisfies Localized,
};
