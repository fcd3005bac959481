/**
 * Native (uncompressed) pixel data: from the bytes of the Pixel Data element (7FE0,0010) to the
 * stored values of one frame. PS3.5 8.1.1 (pixel cells: Bits Allocated per sample, the value in
 * the Bits Stored bits ending at High Bit, 1-bit data packed LSB first across frames), PS3.5 7.3
 * (byte order; OW is a stream of 16-bit words), PS3.3 C.7.6.3.1 (Pixel Representation).
 */
import { maskStored, type StoredSamples } from '../codecs/toStoredSamples';

/** How the samples of a frame are laid out in the pixel data. */
export interface PixelLayout {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  /** 1, 8, 16 or 32. */
  bitsAllocated: number;
  /** 1 … bitsAllocated. */
  bitsStored: number;
  /** bitsStored − 1 … bitsAllocated − 1. */
  highBit: number;
  pixelRepresentation: 0 | 1;
  /**
   * Native YBR_FULL_422 / YBR_PARTIAL_422: two luminance then two chrominance samples per pair of
   * pixels (Y1 Y2 Cb Cr), PS3.3 C.7.6.3.1.2.
   */
  subsampled422: boolean;
}

/** Byte order of the pixel data. */
export interface PixelByteOrder {
  /** Multi-byte samples are big endian (Explicit VR Big Endian, PS3.5 A.3). */
  bigEndian: boolean;
  /**
   * The value is OW in a big-endian syntax: the whole stream is 16-bit words, so even 8-bit and
   * 1-bit data have each pair of bytes swapped (PS3.5 A.3, 8.1.1).
   */
  wordSwapped: boolean;
}

/** Samples in one frame as stored: rows × columns × samples, or 4 per 2 pixels when 4:2:2 subsampled. */
export function samplesPerFrame(layout: PixelLayout): number {
  if (layout.subsampled422) return layout.rows * Math.ceil(layout.columns / 2) * 4;
  return layout.rows * layout.columns * layout.samplesPerPixel;
}

/** Bytes the pixel data needs for `frames` frames (1-bit frames are packed end to end, PS3.5 8.1.1). */
export function nativePixelBytes(layout: PixelLayout, frames: number): number {
  const samples = samplesPerFrame(layout) * frames;
  return layout.bitsAllocated === 1 ? Math.ceil(samples / 8) : (samples * layout.bitsAllocated) / 8;
}

function swapBytes(bytes: Uint8Array, size: 2 | 4): void {
  for (let i = 0; i + size <= bytes.length; i += size) {
    if (size === 2) {
      const a = bytes[i] ?? 0;
      bytes[i] = bytes[i + 1] ?? 0;
      bytes[i + 1] = a;
    } else {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      bytes[i] = bytes[i + 3] ?? 0;
      bytes[i + 1] = bytes[i + 2] ?? 0;
      bytes[i + 2] = b;
      bytes[i + 3] = a;
    }
  }
}

/** 1-bit data: bit k of the stream is bit (k mod 8) of byte ⌊k/8⌋, least significant first (PS3.5 8.1.1). */
function unpackBits(pixelData: Uint8Array, firstBit: number, n: number, wordSwapped: boolean): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = firstBit + i;
    const byteIndex = wordSwapped ? (k >>> 3) ^ 1 : k >>> 3;
    out[i] = ((pixelData[byteIndex] ?? 0) >>> (k & 7)) & 1;
  }
  return out;
}

/**
 * The stored values of frame `frameIndex` (0-based) of native pixel data, in file order: pixel by
 * pixel or plane by plane as Planar Configuration says, Y1 Y2 Cb Cr pairs when 4:2:2. The caller
 * checks first that `pixelData` is long enough (nativePixelBytes).
 */
export function readNativeFrame(
  pixelData: Uint8Array,
  frameIndex: number,
  layout: PixelLayout,
  order: PixelByteOrder,
): StoredSamples {
  const n = samplesPerFrame(layout);
  const signed = layout.pixelRepresentation === 1;
  if (layout.bitsAllocated === 1) return unpackBits(pixelData, frameIndex * n, n, order.wordSwapped);

  const bytesPerSample = layout.bitsAllocated / 8;
  const start = frameIndex * n * bytesPerSample;
  let copy: Uint8Array;
  if (bytesPerSample === 1 && order.wordSwapped) {
    copy = new Uint8Array(n);
    for (let i = 0; i < n; i++) copy[i] = pixelData[(start + i) ^ 1] ?? 0;
  } else {
    // slice() copies into a fresh, aligned buffer, so 16- and 32-bit views are always possible.
    // Typed arrays use the platform's byte order: little endian wherever browsers and Node run.
    copy = pixelData.slice(start, start + n * bytesPerSample);
    if (order.bigEndian && bytesPerSample > 1) swapBytes(copy, bytesPerSample === 2 ? 2 : 4);
  }

  const shift = layout.highBit + 1 - layout.bitsStored;
  const whole = shift === 0 && layout.bitsStored === layout.bitsAllocated;
  if (bytesPerSample === 1) {
    if (whole) return signed ? new Int8Array(copy.buffer, 0, n) : copy;
    return maskStored(copy, layout.bitsStored, shift, signed);
  }
  if (bytesPerSample === 2) {
    if (whole) return signed ? new Int16Array(copy.buffer, 0, n) : new Uint16Array(copy.buffer, 0, n);
    return maskStored(new Uint16Array(copy.buffer, 0, n), layout.bitsStored, shift, signed);
  }
  if (whole) return signed ? new Int32Array(copy.buffer, 0, n) : new Uint32Array(copy.buffer, 0, n);
  return maskStored(new Uint32Array(copy.buffer, 0, n), layout.bitsStored, shift, signed);
}
