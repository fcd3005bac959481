/**
 * The errors a frame decoder throws. Every codec failure becomes an ImageDecodeError whose message
 * names the transfer syntax, in English and Simplified Chinese, so a student knows which file and
 * which compression failed rather than seeing a WebAssembly stack.
 */
import { ImageDecodeError } from '../ImageDecodeError';
import type { CompressedSyntax } from './compressedSyntaxes';

/**
 * Text of anything thrown: an Error's message, a string (dicom-parser throws strings), a C++
 * exception pointer (a number, from the WebAssembly codecs), or dicom-parser's
 * `{ exception, dataSet }` objects (their `exception`).
 */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (typeof e === 'number') return `codec exception #${e}`;
  if (typeof e === 'object' && e !== null && 'exception' in e) return describeThrown(e.exception);
  return String(e);
}

/** `corrupt`: the codec rejected the data, or what it produced does not fit the header. */
export function corruptFrame(syntax: CompressedSyntax, detail: string, cause?: unknown): ImageDecodeError {
  return new ImageDecodeError(
    'corrupt',
    {
      en: `The compressed pixel data (${syntax.name}, ${syntax.uid}) could not be decoded: ${detail}. The file may be damaged or written incorrectly.`,
      zh: `无法解码压缩的像素数据（${syntax.nameZh}，${syntax.uid}）：${detail}。文件可能已损坏或写入有误。`,
    },
    cause === undefined ? undefined : { cause },
  );
}

/** `truncated`: the compressed data stops before the image is complete. */
export function truncatedFrame(syntax: CompressedSyntax, detail: string): ImageDecodeError {
  return new ImageDecodeError('truncated', {
    en: `The compressed pixel data (${syntax.name}, ${syntax.uid}) ends too early: ${detail}. The file was probably cut off while copying or downloading.`,
    zh: `压缩的像素数据（${syntax.nameZh}，${syntax.uid}）提前结束：${detail}。文件可能在复制或下载时被截断。`,
  });
}

/**
 * A frame with no readable JPEG frame header: `truncated` when it starts like a JPEG stream (SOI)
 * or is too short to tell, else `corrupt`.
 */
export function noJpegFrameHeader(syntax: CompressedSyntax, bytes: Uint8Array): ImageDecodeError {
  return bytes.length < 2 || (bytes[0] === 0xff && bytes[1] === 0xd8)
    ? truncatedFrame(syntax, 'the JPEG stream ends before its frame header')
    : corruptFrame(syntax, 'the data does not start with a JPEG start-of-image marker');
}

/** `unsupported-transfer-syntax`: a valid syntax, but a pixel format its codec here cannot decode. */
export function unsupportedFormat(syntax: CompressedSyntax, detail: string): ImageDecodeError {
  return new ImageDecodeError('unsupported-transfer-syntax', {
    en: `This image uses ${syntax.name} (${syntax.uid}) with a pixel format that cannot be decoded here: ${detail}.`,
    zh: `该图像使用 ${syntax.nameZh}（${syntax.uid}），但其像素格式无法在此解码：${detail}。`,
  });
}

/** `unsupported-transfer-syntax`: a UID this module has no decoder for. */
export function unknownSyntax(uid: string): ImageDecodeError {
  return new ImageDecodeError('unsupported-transfer-syntax', {
    en: `The transfer syntax ${uid} is not a compression this app can decode (supported: RLE, JPEG, JPEG Lossless, JPEG-LS, JPEG 2000, HTJ2K).`,
    zh: `传输语法 ${uid} 不是本应用能解码的压缩格式（支持：RLE、JPEG、JPEG 无损、JPEG-LS、JPEG 2000、HTJ2K）。`,
  });
}
