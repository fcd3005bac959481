/**
 * Stored sample arrays (PS3.5 8.1.1: the value in the Bits Stored bits of each cell, two's
 * complement when Pixel Representation is 1, PS3.3 C.7.6.3.1.1), shared by native pixel reading
 * (dicom/nativePixels.ts), colour conversion (dicom/colour.ts) and the codecs: what a codec returned
 * becomes a typed array of Bits Allocated width and Pixel Representation sign (PS3.3 C.7.6.3.1),
 * masked to Bits Stored, or sign-extended from its stored width when signed.
 */

/** Stored values of one frame, in a typed array that holds them. */
export type StoredSamples = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/** An array for `n` stored values of `bits` bits: the smallest unsigned or signed type. */
export function storedArray(bits: number, signed: boolean, n: number): StoredSamples {
  if (bits <= 8) return signed ? new Int8Array(n) : new Uint8Array(n);
  if (bits <= 16) return signed ? new Int16Array(n) : new Uint16Array(n);
  return signed ? new Int32Array(n) : new Uint32Array(n);
}

/**
 * Masks raw cell values to the Bits Stored bits ending at High Bit and sign-extends them when
 * Pixel Representation is 1 (PS3.5 8.1.1, PS3.3 C.7.6.3.1.1). `raw` holds unsigned or signed cell
 * values; the result is in the smallest array for bitsStored.
 */
export function maskStored(
  raw: ArrayLike<number>,
  bitsStored: number,
  shift: number,
  signed: boolean,
): StoredSamples {
  const n = raw.length;
  const out = storedArray(bitsStored, signed, n);
  if (bitsStored >= 32) {
    for (let i = 0; i < n; i++) out[i] = signed ? (raw[i] ?? 0) | 0 : (raw[i] ?? 0) >>> 0;
    return out;
  }
  const mask = 2 ** bitsStored - 1;
  const signBit = 2 ** (bitsStored - 1);
  const range = 2 ** bitsStored;
  for (let i = 0; i < n; i++) {
    const v = ((raw[i] ?? 0) >>> shift) & mask;
    out[i] = signed && v >= signBit ? v - range : v;
  }
  return out;
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
 * Copies codec samples into a new stored array of `bitsAllocated` bits (8, 16 or 32): sign-extended
 * from `signBits` when `signed`, else masked to the low `bitsStored` bits (≤ bitsAllocated; all of
 * them when not given).
 */
export function toStoredSamples(
  values: ArrayLike<number>,
  bitsAllocated: number,
  signed: boolean,
  signBits: number,
  bitsStored = bitsAllocated,
): StoredSamples {
  const out = storedArray(bitsAllocated, signed, values.length);
  if (signed) {
    for (let i = 0; i < values.length; i++) out[i] = signExtend(values[i] ?? 0, signBits);
  } else if (bitsStored >= 32) {
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? 0;
  } else {
    const mask = 2 ** bitsStored - 1;
    for (let i = 0; i < values.length; i++) out[i] = (values[i] ?? 0) & mask;
  }
  return out;
}
