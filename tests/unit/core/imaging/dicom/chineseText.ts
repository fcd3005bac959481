/**
 * Checks a Simplified Chinese message: full-width punctuation next to Chinese characters, a final
 * "。", and no Latin words other than technical names (formats, standards, tools, UIDs).
 */
import { expect } from 'vitest';

const TECHNICAL =
  /^(DICOM|DICM|DICOMDIR|PNG|JPEG|JPIP|HTJ2K|RPCL|MPEG|MPEG2|CT|MR|PET|UID|SOP|PDF|CDA|RLE|VR|ACR|NEMA|RGB|ARGB|CMYK|HSV|YBR|FULL|PALETTE|COLOR|MONOCHROME1|MONOCHROME2|PS3|C|ZIP|GIF|TIFF|BMP|WebP|HEIC|AVIF|MP4|MOV|NIfTI|NRRD|RAR|gzip|Deflate|LS|XL|SV1|gdcmconv|raw|dcmtk|dcmdjpeg|x|7z)$/;

export function expectGoodChinese(zh: string): void {
  expect(zh.length).toBeGreaterThan(0);
  expect(zh.endsWith('。'), `ends with 。: ${zh}`).toBe(true);
  // A half-width , : ; ! ? ( ) next to a Chinese character.
  expect(/[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]/.test(zh), `half-width punctuation: ${zh}`).toBe(
    false,
  );
  // "." after a Chinese character (a sentence ended the English way).
  expect(/[\u4e00-\u9fff]\./.test(zh), `half-width full stop: ${zh}`).toBe(false);
  // Tags such as 7FE0,0010 are hexadecimal numbers, not words.
  const latinWords = zh.replace(/[0-9A-F]{4},[0-9A-F]{4}/g, '').match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? [];
  for (const word of latinWords) {
    const parts = word.split(/[_-]/).filter((p) => p !== '' && !/^\d+$/.test(p));
    for (const part of parts)
      expect(TECHNICAL.test(part), `stray English word "${part}" in: ${zh}`).toBe(true);
  }
}
