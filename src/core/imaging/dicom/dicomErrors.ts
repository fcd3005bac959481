/**
 * The ImageDecodeErrors of the DICOM decoder, each with a message a student can act on, in English
 * and Simplified Chinese. Kept in one place so that the wording stays consistent.
 */
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../ImageDecodeError';
import type { BilingualMessage } from '../ImageDecodeError';
import { transferSyntaxNames } from './transferSyntaxes';

/** 1234567 → "1,234,567" (both languages use the comma for thousands). */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `not-dicom`: no 'DICM' marker and no plausible data set at the start (PS3.10 7.1). */
export function notDicomError(identified?: BilingualMessage): ImageDecodeError {
  const en =
    'This file is not DICOM: it has no "DICM" marker at byte 128 and does not begin like a DICOM data set.';
  const zh = '此文件不是 DICOM 文件：第 128 字节处没有“DICM”标记，开头也不像 DICOM 数据集。';
  return new ImageDecodeError('not-dicom', {
    en: identified === undefined ? en : `${identified.en} ${en}`,
    zh: identified === undefined ? zh : `${identified.zh}${zh}`,
  });
}

/**
 * Zero bytes: `not-dicom` from the DICOM decoder, `not-an-image` from decodeImageFile, which
 * passes `decorate` to put the file name in front of the message.
 */
export function emptyFileError(
  code: 'not-dicom' | 'not-an-image',
  decorate: (message: BilingualMessage) => BilingualMessage = (message) => message,
): ImageDecodeError {
  return new ImageDecodeError(
    code,
    decorate({
      en: 'The file is empty (0 bytes). Choose the file again; if it came from a download or a disc, copy it again.',
      zh: '文件是空的（0 字节）。请重新选择文件；如果它来自下载或光盘，请重新复制一次。',
    }),
  );
}

/** `truncated`: dicom-parser ran past the end of the bytes while reading an element. */
export function truncatedElementsError(cause: unknown): ImageDecodeError {
  return new ImageDecodeError(
    'truncated',
    {
      en: 'The file ends in the middle of a DICOM element: it was cut short (an interrupted copy or download) or a length field is damaged. Copy the file again from its source.',
      zh: '文件在某个 DICOM 数据元素中间就结束了：文件被截断（复制或下载中断），或者某个长度字段已损坏。请从原始来源重新复制该文件。',
    },
    { cause },
  );
}

/** `truncated`: a Part 10 header and then nothing. */
export function noDataSetError(): ImageDecodeError {
  return new ImageDecodeError('truncated', {
    en: 'The file stops right after its DICOM header: the data set with the image is missing. The file was probably cut short; copy it again from its source.',
    zh: '文件在 DICOM 文件头之后就结束了：缺少包含图像的数据集。文件可能被截断，请从原始来源重新复制。',
  });
}

/** `truncated`: the pixel data holds fewer bytes than the header declares. */
export function shortPixelDataError(
  haveBytes: number,
  needBytes: number,
  what: BilingualMessage,
): ImageDecodeError {
  const missing = needBytes - haveBytes;
  return new ImageDecodeError('truncated', {
    en: `The pixel data is ${formatCount(missing)} bytes short: ${what.en} need ${formatCount(needBytes)} bytes but the file holds ${formatCount(haveBytes)}. The file was cut short (an interrupted copy or download); copy it again from its source.`,
    zh: `像素数据缺少 ${formatCount(missing)} 字节：${what.zh}需要 ${formatCount(needBytes)} 字节，但文件中只有 ${formatCount(haveBytes)} 字节。文件被截断（复制或下载中断），请从原始来源重新复制。`,
  });
}

/** `too-large`: more samples than MAX_IMAGE_SAMPLES, refused before any pixel buffer is allocated. */
export function tooLargeError(
  rows: number,
  columns: number,
  frames: number,
  samples: number,
): ImageDecodeError {
  const total = rows * columns * frames * samples;
  return new ImageDecodeError('too-large', {
    en: `This image is too large to open here: ${formatCount(rows)} × ${formatCount(columns)} pixels × ${formatCount(frames)} frames × ${samples} samples = ${formatCount(total)} values, more than the limit of ${formatCount(MAX_IMAGE_SAMPLES)}. Open a smaller series or a single frame exported with a DICOM tool.`,
    zh: `此图像太大，无法在这里打开：${formatCount(rows)} × ${formatCount(columns)} 像素 × ${formatCount(frames)} 帧 × ${samples} 个样本 = ${formatCount(total)} 个数值，超过上限 ${formatCount(MAX_IMAGE_SAMPLES)}。请打开较小的序列，或用 DICOM 工具导出单帧后再打开。`,
  });
}

/** `corrupt`: a header value or a structure that cannot be right. */
export function corruptError(detail: BilingualMessage, cause?: unknown): ImageDecodeError {
  return new ImageDecodeError(
    'corrupt',
    {
      en: `This DICOM file is damaged or written incorrectly: ${detail.en}`,
      zh: `此 DICOM 文件已损坏或写入有误：${detail.zh}`,
    },
    cause === undefined ? undefined : { cause },
  );
}

/** `unsupported-transfer-syntax`: a syntax with no decoder here, named from PS3.6 Table A-1. */
export function unsupportedSyntaxError(uid: string): ImageDecodeError {
  const names = transferSyntaxNames(uid);
  const advice = {
    en: 'Convert it to an uncompressed file with a DICOM tool (for example "gdcmconv --raw" or dcmtk\'s "dcmdjpeg") and open it again.',
    zh: '请先用 DICOM 工具（例如“gdcmconv --raw”或 dcmtk 的“dcmdjpeg”）把它转换为未压缩文件，再重新打开。',
  };
  if (!names.known) {
    return new ImageDecodeError('unsupported-transfer-syntax', {
      en: `This DICOM file uses the transfer syntax ${uid}, which this app does not know, so its pixel data cannot be read. ${advice.en}`,
      zh: `此 DICOM 文件使用本应用不认识的传输语法 ${uid}，因此无法读取其像素数据。${advice.zh}`,
    });
  }
  return new ImageDecodeError('unsupported-transfer-syntax', {
    en: `This DICOM file stores its pixels as ${names.en} (transfer syntax ${uid}), which this app cannot decode. ${advice.en}`,
    zh: `此 DICOM 文件的像素以 ${names.zh} 格式存储（传输语法 ${uid}），本应用无法解码。${advice.zh}`,
  });
}

/** `unsupported-transfer-syntax`: a valid but unsupported pixel format (retired colour models, float pixels…). */
export function unsupportedPixelsError(detail: BilingualMessage): ImageDecodeError {
  return new ImageDecodeError('unsupported-transfer-syntax', {
    en: `This DICOM image uses a pixel format this app cannot display: ${detail.en}`,
    zh: `此 DICOM 图像使用了本应用无法显示的像素格式：${detail.zh}`,
  });
}

/** `no-pixel-data` for frame(i) with i out of range. */
export function frameIndexError(index: number, frames: number): ImageDecodeError {
  return new ImageDecodeError('no-pixel-data', {
    en: `Frame ${index} does not exist: this image has ${frames} frame${frames === 1 ? '' : 's'}, numbered 0 to ${frames - 1}.`,
    zh: `第 ${index} 帧不存在：此图像共有 ${frames} 帧，编号为 0 到 ${frames - 1}。`,
  });
}
