import type { Localized } from '../../core/lessons/types';

/** Texts of the slice line shared by the neurons, convolution and activation-pooling lessons. */
export const sliceTexts = {
  open: { en: 'Open your own file…', zh: '打开你自己的文件…' } satisfies Localized,
  noFile: {
    en: 'No file opened yet: open a DICOM, PNG or JPEG file, or choose a sample slice.',
    zh: '尚未打开文件：请打开一个 DICOM、PNG 或 JPEG 文件，或选择一张样例切片。',
  } satisfies Localized,
  opening: {
    en: (name: string) => `Opening ${name}…`,
    zh: (name: string) => `正在打开 ${name}…`,
  },
  showing: {
    en: (name: string, w: number, h: number) => `Slice: ${name} (${w} × ${h} pixels)`,
    zh: (name: string, w: number, h: number) => `切片：${name}（${w} × ${h} 像素）`,
  },
  tooLarge: {
    en: (name: string, maxMiB: number) =>
      `${name} is larger than ${maxMiB} MB; it was not opened. The slice shown is unchanged.`,
    zh: (name: string, maxMiB: number) => `${name} 超过 ${maxMiB} MB，未打开。当前显示的切片保持不变。`,
  },
};
