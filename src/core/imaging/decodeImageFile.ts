/**
 * decodeImageFile: any file a student picks → a DecodedImage. The format is told from the content
 * (DICOM "DICM" at byte 128 per PS3.10 7.1, or a bare DICOM data set; PNG and JPEG signatures),
 * never from the file name, which only makes messages clearer.
 */
import { decodeDicom } from './dicom/decodeDicom';
import { emptyFileError } from './dicom/dicomErrors';
import { identifyFileType, sniffFileType } from './dicom/sniffFileType';
import { ImageDecodeError } from './ImageDecodeError';
import type { BilingualMessage } from './ImageDecodeError';
import { decodeRaster } from './raster/decodeRaster';
import type { DecodedImage } from './types';

/** Prefixes a message with the file name, when there is one. */
function named(fileName: string | undefined, message: BilingualMessage): BilingualMessage {
  const name = fileName?.trim();
  if (name === undefined || name === '') return message;
  return { en: `“${name}”: ${message.en}`, zh: `“${name}”：${message.zh}` };
}

function notAnImage(bytes: Uint8Array, fileName: string | undefined): ImageDecodeError {
  if (bytes.length === 0) return emptyFileError('not-an-image', (message) => named(fileName, message));
  const identified = identifyFileType(bytes);
  const general: BilingualMessage = {
    en: 'This file is not an image this app can open: it is neither DICOM nor PNG nor JPEG.',
    zh: '此文件不是本应用能打开的图像：它既不是 DICOM，也不是 PNG 或 JPEG。',
  };
  const message =
    identified === undefined
      ? general
      : {
          en: `${identified.en} This app opens DICOM, PNG and JPEG files.`,
          zh: `${identified.zh}本应用可以打开 DICOM、PNG 和 JPEG 文件。`,
        };
  return new ImageDecodeError('not-an-image', named(fileName, message));
}

/**
 * Decodes a DICOM, PNG or JPEG file chosen by its content: DICOM (Part 10, or a data set without
 * preamble that starts with an element of an even group 0000–0028) → decodeDicom; PNG / JPEG → decodeRaster;
 * anything else → ImageDecodeError 'not-an-image' that says what the file is ("This is a PDF
 * document, not an image"). `fileName` only names the file in messages. Rejects with nothing but
 * ImageDecodeError.
 */
export async function decodeImageFile(bytes: Uint8Array, fileName?: string): Promise<DecodedImage> {
  try {
    const type = sniffFileType(bytes);
    if (type === 'dicom') return await decodeDicom(bytes);
    if (type === 'png' || type === 'jpeg') return await decodeRaster(bytes);
    throw notAnImage(bytes, fileName);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new ImageDecodeError(
      'corrupt',
      named(fileName, {
        en: `The file could not be decoded (${detail}). It may be damaged; try exporting it again.`,
        zh: '无法解码此文件，它可能已损坏。请尝试重新导出。',
      }),
      { cause: e },
    );
  }
}
