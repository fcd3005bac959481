import type { Localized } from '../../core/lessons/types';

interface ProbeText {
  row: number;
  column: number;
  value: string;
  grey2: number;
  grey1: number;
}

/** Texts of the monochrome widget, in both languages. */
export const monochromeTexts = {
  mono2: {
    en: 'Read as MONOCHROME2: the lowest value is black',
    zh: '按 MONOCHROME2 解释：最小值显示为黑',
  } satisfies Localized,
  mono1: {
    en: 'The same numbers read as MONOCHROME1: the lowest value is white',
    zh: '同一组数字按 MONOCHROME1 解释：最小值显示为白',
  } satisfies Localized,
  probe: {
    en: (p: ProbeText) =>
      `The pixel at row ${p.row}, column ${p.column} holds ${p.value} in both images. Through the same window it becomes grey level ${p.grey2} as MONOCHROME2 and ${p.grey1} (= 255 − ${p.grey2}) as MONOCHROME1.`,
    zh: (p: ProbeText) =>
      `第 ${p.row} 行、第 ${p.column} 列的像素在两幅图中都是 ${p.value}。经过同一个窗，按 MONOCHROME2 它显示为灰度 ${p.grey2}，按 MONOCHROME1 则为 ${p.grey1}（= 255 − ${p.grey2}）。`,
  },
};
