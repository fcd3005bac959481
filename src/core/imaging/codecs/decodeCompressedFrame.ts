/**
 * Decodes one frame of encapsulated pixel data (PS3.5 A.4: the DICOM parser has already joined the
 * frame's fragments) into stored sample values, for the compressed transfer syntaxes listed in
 * compressedSyntaxes.ts. Every codec is loaded lazily, the first time its syntax is met.
 */
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../ImageDecodeError';
import {
  corruptFrame,
  describeThrown,
  truncatedFrame,
  unknownSyntax,
  unsupportedFormat,
} from './codecErrors';
import type { CodecOutput } from './codecTypes';
import { type CompressedSyntax, findCompressedSyntax } from './compressedSyntaxes';
import { decodeJpeg2000 } from './decodeJpeg2000';
import { decodeJpegDct } from './decodeJpegDct';
import { decodeJpegLossless } from './decodeJpegLossless';
import { decodeJpegLs } from './decodeJpegLs';
import { decodeRle } from './decodeRle';
import { readJpegFrameHeader } from './readJpegFrameHeader';
import { type StoredSamples, toStoredSamples } from './toStoredSamples';

/** The Image Pixel Module attributes a frame decoder needs (PS3.3 C.7.6.3). */
export interface FrameInfo {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: 0 | 1;
  planarConfiguration: 0 | 1;
  photometricInterpretation: string;
}

/** One decoded frame. */
export interface DecodedFrame {
  /** Stored sample values, row-major. Layout given by `planar`. */
  pixels: StoredSamples;
  /** true: samples ordered colour-by-plane (RRR…GGG…BBB), as RLE produces; false: interleaved. */
  planar: boolean;
  /** true when the codec already converted YCbCr to RGB (e.g. libjpeg-turbo for JPEG baseline colour). */
  colourConverted: boolean;
}

/**
 * Whether `decodeCompressedFrame` decodes frames of this transfer syntax: RLE Lossless (PS3.5
 * Annex G), JPEG Baseline / Extended / Lossless (8.2.1), JPEG-LS (8.2.3), JPEG 2000 (8.2.4) and
 * HTJ2K (8.2.14). Other encapsulated syntaxes (JPEG XL, MPEG, …) return false.
 */
export function isCompressedSyntax(uid: string): boolean {
  return findCompressedSyntax(uid) !== undefined;
}

/** Rows and columns the codestream itself declares, read without decoding, if it can be read. */
function declaredSize(syntax: CompressedSyntax, bytes: Uint8Array): { rows: number; columns: number } | null {
  if (syntax.codec === 'rle') return null;
  if (syntax.codec === 'jpeg-2000') {
    // SOC (FF4F) then SIZ (FF51): Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz (ISO/IEC 15444-1 A.5.1).
    if (
      bytes.length < 24 ||
      bytes[0] !== 0xff ||
      bytes[1] !== 0x4f ||
      bytes[2] !== 0xff ||
      bytes[3] !== 0x51
    ) {
      return null;
    }
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { columns: v.getUint32(8) - v.getUint32(16), rows: v.getUint32(12) - v.getUint32(20) };
  }
  const header = readJpegFrameHeader(bytes);
  if (!header || header.height === 0) return null;
  return { rows: header.height, columns: header.width };
}

/** Checks the header attributes before anything is allocated. */
function checkInfo(syntax: CompressedSyntax, info: FrameInfo): void {
  const { rows, columns, samplesPerPixel, bitsAllocated, bitsStored } = info;
  const positive = (n: number): boolean => Number.isInteger(n) && n > 0;
  if (!positive(rows) || !positive(columns) || (samplesPerPixel !== 1 && samplesPerPixel !== 3)) {
    throw corruptFrame(
      syntax,
      `the header gives ${rows} rows, ${columns} columns and ${samplesPerPixel} samples per pixel`,
    );
  }
  if (bitsAllocated !== 8 && bitsAllocated !== 16 && bitsAllocated !== 32) {
    throw unsupportedFormat(syntax, `Bits Allocated ${bitsAllocated} (8, 16 or 32 expected)`);
  }
  if (!positive(bitsStored) || bitsStored > bitsAllocated) {
    throw corruptFrame(syntax, `Bits Stored ${bitsStored} with Bits Allocated ${bitsAllocated}`);
  }
  const total = rows * columns * samplesPerPixel;
  if (total > MAX_IMAGE_SAMPLES) {
    throw new ImageDecodeError('too-large', {
      en: `This image has ${total.toLocaleString('en')} samples per frame, more than the ${MAX_IMAGE_SAMPLES.toLocaleString('en')} a browser tab can hold.`,
      zh: `该图像每帧有 ${total} 个采样值，超过浏览器标签页可容纳的 ${MAX_IMAGE_SAMPLES} 个。`,
    });
  }
}

/** Runs the codec of the syntax. */
function runCodec(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  info: FrameInfo,
): Promise<CodecOutput> | CodecOutput {
  switch (syntax.codec) {
    case 'rle':
      return decodeRle(syntax, bytes, info);
    case 'jpeg-dct':
      return decodeJpegDct(syntax, bytes, info.photometricInterpretation);
    case 'jpeg-lossless':
      return decodeJpegLossless(syntax, bytes, info.bitsAllocated);
    case 'jpeg-ls':
      return decodeJpegLs(syntax, bytes);
    case 'jpeg-2000':
      return decodeJpeg2000(syntax, bytes, info.photometricInterpretation);
  }
}

/**
 * Decodes one compressed frame into stored values: a typed array of Bits Allocated width, signed
 * when Pixel Representation is 1 (sign-extended from min(codestream precision, Bits Stored),
 * since JPEG lossless, JPEG-LS and RLE carry signed samples as two's complement bit patterns),
 * else masked to Bits Stored.
 * Layout and colour state are reported, not changed: RLE colour is by plane, libjpeg-turbo colour
 * and JPEG 2000 YBR_RCT/YBR_ICT colour are already RGB.
 *
 * Throws ImageDecodeError: 'unsupported-transfer-syntax' for a UID not listed (or a pixel format
 * the codec cannot decode), 'too-large' past MAX_IMAGE_SAMPLES, 'truncated' when the data ends
 * early, 'corrupt' for any other codec failure or a result that does not match the header.
 */
export async function decodeCompressedFrame(
  uid: string,
  bytes: Uint8Array,
  info: FrameInfo,
): Promise<DecodedFrame> {
  const syntax = findCompressedSyntax(uid);
  if (!syntax) throw unknownSyntax(uid);
  checkInfo(syntax, info);
  if (bytes.length === 0) throw truncatedFrame(syntax, 'the frame holds no bytes');
  const declared = declaredSize(syntax, bytes);
  if (declared && (declared.rows !== info.rows || declared.columns !== info.columns)) {
    throw corruptFrame(
      syntax,
      `the compressed image is ${declared.columns}×${declared.rows} but the header says ${info.columns}×${info.rows}`,
    );
  }

  let out: CodecOutput;
  try {
    out = await runCodec(syntax, bytes, info);
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw corruptFrame(syntax, describeThrown(e), e);
  }

  if (out.width !== info.columns || out.height !== info.rows || out.components !== info.samplesPerPixel) {
    throw corruptFrame(
      syntax,
      `the codec produced ${out.width}×${out.height}×${out.components}; the header says ${info.columns}×${info.rows}×${info.samplesPerPixel}`,
    );
  }
  const expected = info.rows * info.columns * info.samplesPerPixel;
  if (out.samples.length !== expected) {
    const detail = `${out.samples.length} samples decoded, ${expected} expected`;
    throw out.samples.length < expected ? truncatedFrame(syntax, detail) : corruptFrame(syntax, detail);
  }
  if (out.precision > info.bitsAllocated) {
    throw corruptFrame(
      syntax,
      `the codestream holds ${out.precision}-bit samples but Bits Allocated is ${info.bitsAllocated}`,
    );
  }
  const signed = info.pixelRepresentation === 1;
  const pixels = toStoredSamples(
    out.samples,
    info.bitsAllocated,
    signed,
    Math.min(out.precision, info.bitsStored),
    info.bitsStored,
  );
  return { pixels, planar: out.planar, colourConverted: out.colourConverted };
}
