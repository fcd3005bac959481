/**
 * The `.npy` format's shared pieces (NEP 1, numpy/lib/format.py): element types, magic bytes, the
 * `descr` codes and the error type. Reading is in npy.ts, writing in writeNpy.ts.
 */
import { LocalizedError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';

/** The element types read here (`descr` `|u1 <u1 |b1 |i1 <i2 <u2 <i4 <u4 <i8 <u8 <f4 <f8`). */
export type NpyDtype =
  | 'uint8'
  | 'bool'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'float32'
  | 'float64';

/** The typed arrays an {@link NpyArray} holds its elements in. */
export type NpyData =
  Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * One array. `data` holds `shape`'s product of elements in file order (row-major, or column-major
 * when `fortranOrder`); `bool` is a Uint8Array of 0/1. JavaScript has no 64-bit integer typed array
 * that arithmetic works on, so `int64`/`uint64` (`dtype` keeps the file's type) are narrowed: to an
 * Int32Array when every value lies in −2³¹…2³¹−1 (class labels always do), else to a Float64Array
 * when every value lies in −2⁵³…2⁵³−1 (integers a double holds exactly), else parsing fails.
 */
export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  data: NpyData;
  fortranOrder: boolean;
}

/** Why a file could not be read, for programs to branch on. */
export type NpyErrorCode =
  | 'not-npy'
  | 'unsupported-version'
  | 'bad-header'
  | 'unsupported-dtype'
  | 'big-endian'
  | 'object-array'
  | 'int64-range'
  | 'truncated'
  | 'not-zip'
  | 'npy-not-npz'
  | 'zip-damaged';

/** A `.npy` or `.npz` that cannot be read; `localizedMessage` says what to do, in both languages. */
export class NpyFormatError extends LocalizedError {
  override readonly name = 'NpyFormatError';
  constructor(
    readonly code: NpyErrorCode,
    localizedMessage: Localized,
  ) {
    super(localizedMessage);
  }
}

/** The 6 magic bytes `\x93NUMPY`. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** An element type and its size in bytes. */
export interface DtypeInfo {
  dtype: NpyDtype;
  bytes: number;
}

/** `descr` type codes (without the byte-order mark) → element type. */
export const DTYPES: Record<string, DtypeInfo> = {
  u1: { dtype: 'uint8', bytes: 1 },
  b1: { dtype: 'bool', bytes: 1 },
  i1: { dtype: 'int8', bytes: 1 },
  i2: { dtype: 'int16', bytes: 2 },
  u2: { dtype: 'uint16', bytes: 2 },
  i4: { dtype: 'int32', bytes: 4 },
  u4: { dtype: 'uint32', bytes: 4 },
  i8: { dtype: 'int64', bytes: 8 },
  u8: { dtype: 'uint64', bytes: 8 },
  f4: { dtype: 'float32', bytes: 4 },
  f8: { dtype: 'float64', bytes: 8 },
};

/** Element type → the `descr` NumPy writes. */
export const DESCR: Record<NpyDtype, string> = {
  uint8: '|u1',
  bool: '|b1',
  int8: '|i1',
  int16: '<i2',
  uint16: '<u2',
  int32: '<i4',
  uint32: '<u4',
  int64: '<i8',
  uint64: '<u8',
  float32: '<f4',
  float64: '<f8',
};
