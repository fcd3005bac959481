/**
 * NumPy's `.npy` and `.npz` files, read and written in plain TypeScript (MedMNIST ships as `.npz`).
 *
 * `.npy` (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays", and
 * numpy/lib/format.py): the 6 magic bytes `\x93NUMPY`, a major and a minor version byte, the
 * header length (uint16 little-endian in version 1.0, uint32 in 2.0 and 3.0), then the header: a
 * Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` padded with
 * spaces and ended by `\n` so that the data starts on a multiple of 64 bytes (16 in old files);
 * ASCII/latin-1 in 1.0 and 2.0, UTF-8 in 3.0. The data follow, the elements back to back in C
 * (row-major) order, or column-major when `fortran_order` is True.
 *
 * `.npz` (`numpy.savez` / `savez_compressed`): a ZIP archive (PKWARE APPNOTE, stored or DEFLATE
 * members, ZIP64 extra fields) holding one `<key>.npy` per array.
 */
import { unzipSync } from 'fflate';
import {
  DTYPES,
  NPY_MAGIC,
  NpyFormatError,
  type DtypeInfo,
  type NpyArray,
  type NpyData,
  type NpyErrorCode,
} from './npyFormat';

export {
  NPY_MAGIC,
  NpyFormatError,
  type NpyArray,
  type NpyData,
  type NpyDtype,
  type NpyErrorCode,
} from './npyFormat';
export { writeNpy, writeNpz } from './writeNpy';

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function fail(code: NpyErrorCode, en: string, zh: string): never {
  throw new NpyFormatError(code, { en, zh });
}

interface Header {
  info: DtypeInfo;
  shape: number[];
  fortranOrder: boolean;
  dataOffset: number;
}

function readHeader(bytes: Uint8Array): Header {
  if (bytes.length < 10 || NPY_MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(
      'not-npy',
      'This is not a NumPy .npy array (it does not start with \\x93NUMPY).',
      '这不是 NumPy .npy 数组文件（开头不是 \\x93NUMPY）。',
    );
  }
  const major = bytes[6] ?? 0;
  if (major < 1 || major > 3) {
    fail(
      'unsupported-version',
      `This .npy file uses format version ${major}.${bytes[7] ?? 0}; only 1.0, 2.0 and 3.0 can be read: save it again with a current NumPy.`,
      `该 .npy 文件使用格式版本 ${major}.${bytes[7] ?? 0}；只能读取 1.0、2.0 和 3.0：请用当前版本的 NumPy 重新保存。`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) truncated();
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (bytes.length < start + headerLength) truncated();
  const raw = bytes.subarray(start, start + headerLength);
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : String.fromCharCode(...raw);
  return { ...parseHeaderDict(text), dataOffset: start + headerLength };
}

function truncated(): never {
  fail(
    'truncated',
    'This .npy array is cut short: the file holds fewer bytes than its header announces. Download or save it again.',
    '该 .npy 数组不完整：文件字节数少于文件头声明的数量。请重新下载或保存。',
  );
}

function badHeader(why: string): never {
  fail(
    'bad-header',
    `The header of this .npy array cannot be read (${why}).`,
    `无法读取该 .npy 数组的文件头（${why}）。`,
  );
}

/** Parses the header's dict literal (keys `descr`, `fortran_order`, `shape`). */
function parseHeaderDict(text: string): Omit<Header, 'dataOffset'> {
  const dict = text.trim();
  if (!dict.startsWith('{') || !dict.endsWith('}')) badHeader('no {…} dictionary');
  if (/['"]descr['"]\s*:\s*\[/.test(dict)) {
    fail(
      'unsupported-dtype',
      'This .npy array has a structured (record) type; only plain numeric arrays can be read.',
      '该 .npy 数组是结构化（记录）类型；只能读取普通数值数组。',
    );
  }
  const descr = /['"]descr['"]\s*:\s*(['"])([^'"]*)\1/.exec(dict)?.[2];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(dict)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(dict)?.[1];
  if (descr === undefined) badHeader("no 'descr'");
  if (fortran === undefined) badHeader("no 'fortran_order'");
  if (shapeText === undefined) badHeader("no 'shape'");
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^(\d+)L?$/.exec(s);
      if (!m?.[1]) badHeader(`shape entry '${s}'`);
      return Number(m[1]);
    });
  return { info: dtypeOf(descr), shape, fortranOrder: fortran === 'True' };
}

function dtypeOf(descr: string): DtypeInfo {
  const order = descr.charAt(0);
  const code = descr.slice(1);
  if (descr === '|O' || code === 'O' || code.startsWith('O')) {
    fail(
      'object-array',
      'This .npy array holds Python objects (pickled), which a web page cannot and should not read. Save it as a numeric array.',
      '该 .npy 数组包含 Python 对象（pickle），网页无法也不应读取。请保存为数值数组。',
    );
  }
  const info = DTYPES[code];
  if (!info || !'<>|'.includes(order) || order === '') {
    fail(
      'unsupported-dtype',
      `This .npy array has element type '${descr}'; only unsigned/signed integers, booleans, float32 and float64 can be read.`,
      `该 .npy 数组的元素类型为 '${descr}'；只能读取有/无符号整数、布尔值、float32 和 float64。`,
    );
  }
  if (order === '>' && info.bytes > 1) {
    fail(
      'big-endian',
      `This .npy array is big-endian ('${descr}'); save it little-endian, e.g. with array.astype('<${code}').`,
      `该 .npy 数组为大端字节序（'${descr}'）；请以小端保存，例如 array.astype('<${code}')。`,
    );
  }
  return info;
}

/** Reads `count` little-endian elements of `info` starting at `bytes[offset]` into a fresh array. */
function readData(bytes: Uint8Array, offset: number, count: number, info: DtypeInfo): NpyData {
  const src = bytes.subarray(offset, offset + count * info.bytes);
  const copy = (): ArrayBuffer => src.slice().buffer;
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const viaView = <T extends NpyData>(out: T, get: (o: number) => number): T => {
    for (let i = 0; i < count; i++) out[i] = get(i * info.bytes);
    return out;
  };
  switch (info.dtype) {
    case 'uint8':
    case 'bool':
      return new Uint8Array(copy());
    case 'int8':
      return new Int8Array(copy());
    case 'int16':
      return LITTLE_ENDIAN_HOST
        ? new Int16Array(copy())
        : viaView(new Int16Array(count), (o) => view.getInt16(o, true));
    case 'uint16':
      return LITTLE_ENDIAN_HOST
        ? new Uint16Array(copy())
        : viaView(new Uint16Array(count), (o) => view.getUint16(o, true));
    case 'int32':
      return LITTLE_ENDIAN_HOST
        ? new Int32Array(copy())
        : viaView(new Int32Array(count), (o) => view.getInt32(o, true));
    case 'uint32':
      return LITTLE_ENDIAN_HOST
        ? new Uint32Array(copy())
        : viaView(new Uint32Array(count), (o) => view.getUint32(o, true));
    case 'float32':
      return LITTLE_ENDIAN_HOST
        ? new Float32Array(copy())
        : viaView(new Float32Array(count), (o) => view.getFloat32(o, true));
    case 'float64':
      return LITTLE_ENDIAN_HOST
        ? new Float64Array(copy())
        : viaView(new Float64Array(count), (o) => view.getFloat64(o, true));
    case 'int64':
    case 'uint64':
      return readInt64(view, count, info.dtype === 'int64');
  }
}

/** 64-bit integers as hi·2³² + lo, narrowed as {@link NpyArray} describes. */
function readInt64(view: DataView, count: number, signed: boolean): Int32Array | Float64Array {
  const values = new Float64Array(count);
  let fitsInt32 = true;
  for (let i = 0; i < count; i++) {
    const lo = view.getUint32(8 * i, true);
    const hi = signed ? view.getInt32(8 * i + 4, true) : view.getUint32(8 * i + 4, true);
    if (hi >= 2 ** 21 || hi < -(2 ** 21)) {
      // v outside −2⁵³ … 2⁵³ − 1: a double would round it.
      fail(
        'int64-range',
        'This .npy array holds 64-bit integers beyond ±2^53, which JavaScript numbers cannot hold exactly.',
        '该 .npy 数组包含超出 ±2^53 的 64 位整数，JavaScript 数值无法精确表示。',
      );
    }
    const v = hi * 2 ** 32 + lo;
    values[i] = v;
    if (v < -(2 ** 31) || v >= 2 ** 31) fitsInt32 = false;
  }
  return fitsInt32 ? Int32Array.from(values) : values;
}

/**
 * Parses a `.npy` file (format 1.0, 2.0 or 3.0; little-endian or single-byte numeric types).
 * The result owns a fresh buffer (safe to transfer to a worker).
 * @throws NpyFormatError for a file that is not `.npy`, an unknown version, an unreadable header,
 *   a big-endian, object (pickled) or structured type, 64-bit integers beyond ±2⁵³, or missing bytes
 */
export function parseNpy(bytes: Uint8Array): NpyArray {
  const { info, shape, fortranOrder, dataOffset } = readHeader(bytes);
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length < dataOffset + count * info.bytes) truncated();
  return { dtype: info.dtype, shape, data: readData(bytes, dataOffset, count, info), fortranOrder };
}

/** The same array with its data in C (row-major) order: a column-major array is transposed. */
export function npyToCOrder(array: NpyArray): NpyArray {
  if (!array.fortranOrder || array.shape.length < 2) return { ...array, fortranOrder: false };
  const { shape, data } = array;
  const out = new (data.constructor as new (n: number) => NpyData)(data.length);
  // Fortran strides: stride[0] = 1, stride[k] = stride[k−1]·shape[k−1].
  const strides: number[] = [];
  let s = 1;
  for (const d of shape) {
    strides.push(s);
    s *= d;
  }
  const index = shape.map(() => 0);
  let src = 0;
  for (let c = 0; c < data.length; c++) {
    out[c] = data[src] ?? 0;
    for (let k = shape.length - 1; k >= 0; k--) {
      const next = (index[k] ?? 0) + 1;
      if (next < (shape[k] ?? 0)) {
        index[k] = next;
        src += strides[k] ?? 0;
        break;
      }
      src -= (index[k] ?? 0) * (strides[k] ?? 0);
      index[k] = 0;
    }
  }
  return { ...array, data: out, fortranOrder: false };
}

/**
 * Parses a `.npz` archive into its arrays, keyed by member name without `.npy`
 * (`train_images.npy` → `train_images`). Members not ending in `.npy` are skipped.
 * @throws NpyFormatError `not-zip` (not a ZIP archive), `npy-not-npz` (a bare .npy was given),
 *   `zip-damaged` (cut short or corrupt), or any {@link parseNpy} error, its message naming the member
 */
export function parseNpz(bytes: Uint8Array): Record<string, NpyArray> {
  if (NPY_MAGIC.every((b, i) => bytes[i] === b)) {
    fail(
      'npy-not-npz',
      'This is a single .npy array, not a .npz archive: open the .npz file that holds the train/val/test arrays.',
      '这是单个 .npy 数组，而不是 .npz 压缩包：请打开包含 train/val/test 数组的 .npz 文件。',
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    fail(
      'not-zip',
      'This file is not a .npz archive (a .npz is a ZIP file and starts with "PK"). Check that you picked the right file.',
      '该文件不是 .npz 压缩包（.npz 是以 "PK" 开头的 ZIP 文件）。请检查是否选错了文件。',
    );
  }
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    fail(
      'zip-damaged',
      `This .npz archive is incomplete or damaged (${why}); the download was probably cut short. Download it again.`,
      `该 .npz 压缩包不完整或已损坏（${why}），很可能下载中断。请重新下载。`,
    );
  }
  const out: Record<string, NpyArray> = {};
  for (const [name, member] of Object.entries(members)) {
    if (!name.endsWith('.npy')) continue;
    const key = name.slice(0, -4);
    try {
      out[key] = parseNpy(member);
    } catch (e) {
      if (!(e instanceof NpyFormatError)) throw e;
      const m = e.localizedMessage;
      throw new NpyFormatError(e.code, { en: `${name}: ${m.en}`, zh: `${name}：${m.zh}` });
    }
  }
  return out;
}
