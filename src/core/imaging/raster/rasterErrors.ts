/** The errors of PNG/JPEG decoding, in English and Simplified Chinese (see ImageDecodeError). */
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../ImageDecodeError';

/** Which raster format, for messages. */
export type RasterFormat = 'png' | 'jpeg';

const formatName: Record<RasterFormat, string> = { png: 'PNG', jpeg: 'JPEG' };

/** `truncated`: the file stops before the image is complete. */
export function truncatedRaster(format: RasterFormat, detail: string): ImageDecodeError {
  const name = formatName[format];
  return new ImageDecodeError('truncated', {
    en: `This ${name} file is incomplete (${detail}). It was probably cut off while copying or downloading: try the original file again.`,
    zh: `该 ${name} 文件不完整（${detail}）。可能在复制或下载时被截断，请重新获取原始文件。`,
  });
}

/** `corrupt`: the decoder rejected the data. */
export function corruptRaster(format: RasterFormat, detail: string, cause?: unknown): ImageDecodeError {
  const name = formatName[format];
  return new ImageDecodeError(
    'corrupt',
    {
      en: `This ${name} file could not be decoded (${detail}). It may be damaged, or use a feature this app does not read.`,
      zh: `无法解码该 ${name} 文件（${detail}）。文件可能已损坏，或使用了本应用无法读取的特性。`,
    },
    cause === undefined ? undefined : { cause },
  );
}

/** `too-large`: more samples than MAX_IMAGE_SAMPLES, refused before decoding. */
export function tooLargeRaster(
  format: RasterFormat,
  width: number,
  height: number,
  samples: number,
): ImageDecodeError {
  const name = formatName[format];
  return new ImageDecodeError('too-large', {
    en: `This ${name} image is ${width}×${height} (${samples.toLocaleString('en')} samples), more than the ${MAX_IMAGE_SAMPLES.toLocaleString('en')} a browser tab can hold. Use a smaller image.`,
    zh: `该 ${name} 图像为 ${width}×${height}（${samples} 个采样值），超过浏览器标签页可容纳的 ${MAX_IMAGE_SAMPLES} 个。请使用更小的图像。`,
  });
}

/** `not-an-image`: neither a PNG nor a JPEG signature. */
export function notRaster(): ImageDecodeError {
  return new ImageDecodeError('not-an-image', {
    en: 'This file is neither a PNG nor a JPEG image (its first bytes are not a PNG or JPEG signature).',
    zh: '该文件既不是 PNG 也不是 JPEG 图像（开头字节不是 PNG 或 JPEG 的文件签名）。',
  });
}
