/**
 * Writing `.npy` and `.npz` files as NumPy does (`numpy.save`, `numpy.savez`,
 * `numpy.savez_compressed`): test fixtures, and exports of datasets. See npyFormat.ts.
 */
import { zipSync } from 'fflate';
import { DESCR, DTYPES, NPY_MAGIC, type NpyArray } from './npyFormat';

/**
 * Writes an array as a `.npy` file, as `numpy.save` does: format 1.0 (2.0 when the header needs
 * more than 65,535 bytes), header padded with spaces to a 64-byte boundary. `int64`/`uint64`
 * data (an Int32Array or Float64Array of integers) are widened back to 8 bytes.
 */
export function writeNpy(array: NpyArray): Uint8Array {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (array.data.length !== count) {
    throw new Error(
      `writeNpy: shape (${array.shape.join(', ')}) needs ${count} values, data has ${array.data.length}`,
    );
  }
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  const dict = `{'descr': '${DESCR[array.dtype]}', 'fortran_order': ${array.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
  let major = 1;
  let prefix = 10;
  let padded = padHeader(dict, prefix);
  if (padded.length > 0xffff) {
    major = 2;
    prefix = 12;
    padded = padHeader(dict, prefix);
  }
  const itemBytes = DTYPES[DESCR[array.dtype].slice(1)]?.bytes ?? 1;
  const out = new Uint8Array(prefix + padded.length + count * itemBytes);
  out.set(NPY_MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  for (let i = 0; i < padded.length; i++) out[prefix + i] = padded.charCodeAt(i);
  writeData(view, prefix + padded.length, array);
  return out;
}

function padHeader(dict: string, prefix: number): string {
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  return `${dict}${' '.repeat(total - prefix - dict.length - 1)}\n`;
}

function writeData(view: DataView, offset: number, { dtype, data }: NpyArray): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? 0;
    switch (dtype) {
      case 'uint8':
      case 'bool':
        view.setUint8(offset + i, v);
        break;
      case 'int8':
        view.setInt8(offset + i, v);
        break;
      case 'int16':
        view.setInt16(offset + 2 * i, v, true);
        break;
      case 'uint16':
        view.setUint16(offset + 2 * i, v, true);
        break;
      case 'int32':
        view.setInt32(offset + 4 * i, v, true);
        break;
      case 'uint32':
        view.setUint32(offset + 4 * i, v, true);
        break;
      case 'float32':
        view.setFloat32(offset + 4 * i, v, true);
        break;
      case 'float64':
        view.setFloat64(offset + 8 * i, v, true);
        break;
      case 'int64':
        view.setBigInt64(offset + 8 * i, BigInt(v), true);
        break;
      case 'uint64':
        view.setBigUint64(offset + 8 * i, BigInt(v), true);
        break;
    }
  }
}

/**
 * Writes arrays as a `.npz` archive (`numpy.savez` layout: one `<key>.npy` member each), stored
 * uncompressed, or DEFLATE-compressed like `numpy.savez_compressed` when `compress` is true.
 */
export function writeNpz(arrays: Record<string, NpyArray>, compress = false): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [key, array] of Object.entries(arrays)) files[`${key}.npy`] = writeNpy(array);
  return zipSync(files, { level: compress ? 6 : 0 });
}
