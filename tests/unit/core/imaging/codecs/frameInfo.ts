/** FrameInfo builders for the codec tests (PS3.3 C.7.6.3 Image Pixel module attributes). */
import type { FrameInfo } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';

/** One sample per pixel, MONOCHROME2. */
export function monoInfo(
  rows: number,
  columns: number,
  bitsAllocated: number,
  bitsStored: number,
  signed = false,
): FrameInfo {
  return {
    rows,
    columns,
    samplesPerPixel: 1,
    bitsAllocated,
    bitsStored,
    pixelRepresentation: signed ? 1 : 0,
    planarConfiguration: 0,
    photometricInterpretation: 'MONOCHROME2',
  };
}

/** Three 8-bit samples per pixel. */
export function colourInfo(rows: number, columns: number, photometricInterpretation = 'RGB'): FrameInfo {
  return { ...monoInfo(rows, columns, 8, 8), samplesPerPixel: 3, photometricInterpretation };
}

/** Signed values → their `bits`-wide two's complement patterns (what JPEG lossless/JPEG-LS/RLE store). */
export function patterns(values: readonly number[], bits: number): number[] {
  return values.map((v) => v & (2 ** bits - 1));
}

/** Rejects with an ImageDecodeError of this code? Returns the error for further checks. */
export async function decodeError(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; messageZh: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; message: string; messageZh: string };
  }
  throw new Error('expected the decode to fail');
}
