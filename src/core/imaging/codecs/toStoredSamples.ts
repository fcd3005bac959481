/**
 * Turns what a codec returned into the stored sample array of the DICOM header: a typed array of
 * Bits Allocated width and Pixel Representation sign (PS3.3 C.7.6.3.1), with signed samples
 * sign-extended from their stored width (PS3.5 8.1.1: Bits Stored bits, two's complement when
 * Pixel Representation is 1).
 */

/** The stored sample arrays decodeCompressedFrame returns. */
export type StoredSamples = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/** A new zeroed array for `length` samples of `bitsAllocated` bits (8, 16 or 32). */
export function allocateSamples(bitsAllocated: number, signed: boolean, length: number): StoredSamples {
  if (bitsAllocated === 8) return signed ? new Int8Array(length) : new Uint8Array(length);
  if (bitsAllocated === 16) return signed ? new Int16Array(length) : new Uint16Array(length);
  return signed ? new Int32Array(length) : new Uint32Array(length);
}

/**
 * Sign-extends a `bits`-wide two's complement pattern (1 ≤ bits ≤ 32). Values that are already
 * signed and fit in `bits` bits come back unchanged, so the same rule serves codecs that return
 * bit patterns (JPEG lossless, JPEG-LS, RLE) and those that return signed values (JPEG 2000).
 */
export function signExtend(value: number, bits: number): number {
  const shift = 32 - bits;
  return (value << shift) >> shift;
}

/**
 * Copies codec samples into the stored array: sign-extended from `signBits` when `signed`, else
 * as they are (the typed array keeps the low Bits Allocated bits).
 */
export function toStoredSamples(
  values: ArrayLike<number>,
  bitsAllocated: number,
  signed: boolean,
  signBits: number,
): StoredSamples {
  const out = allocateSamples(bitsAllocated, signed, values.length);
  if (signed) {
    for (let i = 0; i < values.length; i++) out[i] = signExtend(values[i] ?? 0, signBits);
  } else {
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? 0;
  }
  return out;
}
