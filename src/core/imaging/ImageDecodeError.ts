/**
 * The one error type that decoding may throw. Every failure of `decodeDicom`, `decodeRaster` and
 * `decodeImageFile` on bad input ends here, with a code a program can branch on and a message a
 * student can act on, in English and Simplified Chinese.
 */

export type ImageDecodeErrorCode =
  | 'not-an-image'
  | 'not-dicom'
  | 'no-pixel-data'
  | 'unsupported-transfer-syntax'
  | 'truncated'
  | 'too-large'
  | 'corrupt';

/** A message in both of the app's languages. */
export interface BilingualMessage {
  en: string;
  zh: string;
}

export class ImageDecodeError extends Error {
  readonly code: ImageDecodeErrorCode;
  /** The same message in Simplified Chinese (`message` is the English one). */
  readonly messageZh: string;

  constructor(code: ImageDecodeErrorCode, message: BilingualMessage, options?: { cause?: unknown }) {
    super(message.en, options);
    this.name = 'ImageDecodeError';
    this.code = code;
    this.messageZh = message.zh;
  }

  /** The message in the given language. */
  localized(lang: 'en' | 'zh'): string {
    return lang === 'zh' ? this.messageZh : this.message;
  }
}

/**
 * Largest image accepted: rows × columns × frames × samples. 2^28 values = 268 M samples, i.e.
 * 1 GiB as Float32 modality values — the most a browser tab can hold comfortably. A 512×512 CT
 * slice is 262,144 samples; a 3000×3000 radiograph 9 M; a 512×512×600-frame series 157 M.
 * Checked before any pixel buffer is allocated.
 */
export const MAX_IMAGE_SAMPLES = 2 ** 28;
