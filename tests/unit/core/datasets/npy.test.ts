/**
 * .npy/.npz: hand-built byte fixtures (NEP 1 layout, one comment per part) and files written by
 * NumPy 2.4 itself (base64 below, produced by the Python lines quoted next to them).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  NpyFormatError,
  npyToCOrder,
  parseNpy,
  parseNpz,
  writeNpy,
  writeNpz,
  type NpyArray,
} from '../../../../src/core/datasets/npy';

/** magic + version + header length (2 or 4 bytes LE) + header padded to `align` with spaces + \n + data. */
function npyBytes(major: number, dict: string, data: number[], align = 64): Uint8Array {
  const prefix = major === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / align) * align;
  const header = dict + ' '.repeat(total - prefix - dict.length - 1) + '\n';
  const out = new Uint8Array(prefix + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]); // \x93NUMPY, version major.0
  if (major === 1) {
    out[8] = header.length & 0xff; // uint16 LE header length
    out[9] = header.length >> 8;
  } else {
    new DataView(out.buffer).setUint32(8, header.length, true); // uint32 LE header length
  }
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(data, prefix + header.length);
  return out;
}

function b64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof NpyFormatError) {
      expect(e.localizedMessage.zh.length).toBeGreaterThan(0);
      return e.code;
    }
    throw e;
  }
  return 'no error';
}

// np.save(f, np.array([[1, 2, 3], [4, 5, 255]], dtype=np.uint8))
const NUMPY_U1 =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAgMEBf8=';
// np.save(f, np.array([1.5, -2.25, 3.0e-3], dtype='<f4'))
const NUMPY_F4 =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAQwKabRDs=';
// np.savez_compressed(f, a=np.array([1, 2, 3], dtype=np.uint8),
//   b=np.array([[0.5, -1.0]], dtype='<f4'), c=np.array([7, -8], dtype='<i8'))   (ZIP64 local headers)
const NUMPY_NPZ =
  'UEsDBC0AAAAIAAAAIQAq446x//////////8FABQAYS5ucHkBABAAgwAAAAAAAABHAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loF5Taqiuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GsY6mjoKtQoUAC5GJmYAUEsDBC0AAAAIAAAAIQCvJXTi//////////8FABQAYi5ucHkBABAAiAAAAAAAAABOAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GoY6CkaaOgq1CmQDLgYGBnsGhob9AFBLAwQtAAAACAAAACEA+ZsLtv//////////BQAUAGMubnB5AQAQAJAAAAAAAAAASwAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOpo6CrUKFAAudgYI+PEfAgBQSwECLQMtAAAACAAAACEAKuOOsUcAAACDAAAABQAAAAAAAAAAAAAAgAEAAAAAYS5ucHlQSwECLQMtAAAACAAAACEAryV04k4AAACIAAAABQAAAAAAAAAAAAAAgAF+AAAAYi5ucHlQSwECLQMtAAAACAAAACEA+ZsLtksAAACQAAAABQAAAAAAAAAAAAAAgAEDAQAAYy5ucHlQSwUGAAAAAAMAAwCZAAAAhQEAAAAA';

describe('parseNpy', () => {
  it('reads a hand-built 2×3 uint8 array, and NumPy writes the very same bytes', () => {
    const bytes = npyBytes(
      1,
      "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }",
      [1, 2, 3, 4, 5, 255],
    );
    expect(bytes).toEqual(b64(NUMPY_U1));
    const a = parseNpy(bytes);
    expect(a.dtype).toBe('uint8');
    expect(a.shape).toEqual([2, 3]);
    expect(a.fortranOrder).toBe(false);
    expect(a.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 255]);
  });

  it('reads <f4 little-endian floats (NumPy file), values exact to float32', () => {
    const a = parseNpy(b64(NUMPY_F4));
    expect(a.dtype).toBe('float32');
    expect(a.shape).toEqual([3]);
    expect(a.data).toBeInstanceOf(Float32Array);
    // 1.5 = 0x3FC00000, −2.25 = 0xC0100000: bytes 00 00 C0 3F, 00 00 10 C0.
    expect(Array.from(a.data)).toEqual([1.5, -2.25, Math.fround(3.0e-3)]);
  });

  it('reads a 2.0 header (uint32 length), a 3.0 UTF-8 header and an old 16-byte-aligned header', () => {
    const dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (2,), }";
    const data = [0x01, 0x00, 0xff, 0xff]; // int16 LE: 1, −1
    for (const bytes of [npyBytes(2, dict, data), npyBytes(3, dict, data), npyBytes(1, dict, data, 16)]) {
      const a = parseNpy(bytes);
      expect(a.dtype).toBe('int16');
      expect(Array.from(a.data)).toEqual([1, -1]);
    }
  });

  it('keeps Fortran order as stored and npyToCOrder transposes it to row-major', () => {
    // np.asfortranarray(np.arange(6, dtype='<i2').reshape(2, 3)) stores columns: 0 3 1 4 2 5.
    const bytes = npyBytes(
      1,
      "{'descr': '<i2', 'fortran_order': True, 'shape': (2, 3), }",
      [0, 0, 3, 0, 1, 0, 4, 0, 2, 0, 5, 0],
    );
    const a = parseNpy(bytes);
    expect(a.fortranOrder).toBe(true);
    expect(Array.from(a.data)).toEqual([0, 3, 1, 4, 2, 5]);
    const c = npyToCOrder(a);
    expect(c.fortranOrder).toBe(false);
    expect(Array.from(c.data)).toEqual([0, 1, 2, 3, 4, 5]);
    // 3-D: element (i, j, k) of shape (2, 3, 2) at Fortran offset i + 2j + 6k holds 100i + 10j + k.
    const f = new Int32Array(12);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) for (let k = 0; k < 2; k++) f[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
    const c3 = npyToCOrder({ dtype: 'int32', shape: [2, 3, 2], data: f, fortranOrder: true });
    const expected: number[] = [];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) for (let k = 0; k < 2; k++) expected.push(100 * i + 10 * j + k);
    expect(Array.from(c3.data)).toEqual(expected);
  });

  it('narrows int64 to Int32Array when values fit, to Float64Array up to 2^53, else refuses', () => {
    const dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }";
    const le64 = (v: bigint): number[] => {
      const d = new DataView(new ArrayBuffer(8));
      d.setBigInt64(0, v, true);
      return Array.from(new Uint8Array(d.buffer));
    };
    const small = parseNpy(npyBytes(1, dict, [...le64(-2147483648n), ...le64(7n)]));
    expect(small.dtype).toBe('int64');
    expect(small.data).toBeInstanceOf(Int32Array);
    expect(Array.from(small.data)).toEqual([-2147483648, 7]);
    const big = parseNpy(npyBytes(1, dict, [...le64(2n ** 40n + 3n), ...le64(-(2n ** 53n))]));
    expect(big.data).toBeInstanceOf(Float64Array);
    expect(Array.from(big.data)).toEqual([2 ** 40 + 3, -(2 ** 53)]);
    expect(code(() => parseNpy(npyBytes(1, dict, [...le64(2n ** 53n), ...le64(0n)])))).toBe('int64-range');
    const u8 = "{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }";
    expect(Array.from(parseNpy(npyBytes(1, u8, le64(2n ** 32n))).data)).toEqual([2 ** 32]);
  });

  it('reads bool and scalar (shape ()) arrays', () => {
    const b = parseNpy(npyBytes(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", [1, 0, 1]));
    expect(b.dtype).toBe('bool');
    expect(Array.from(b.data)).toEqual([1, 0, 1]);
    const s = parseNpy(
      npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", [0, 0, 0, 0, 0, 0, 0xf0, 0x3f]),
    );
    expect(s.shape).toEqual([]);
    expect(Array.from(s.data)).toEqual([1]); // 0x3FF0000000000000 = 1.0
  });

  it('refuses bad files with the right error code', () => {
    const dict = (descr: string): string => `{'descr': '${descr}', 'fortran_order': False, 'shape': (1,), }`;
    expect(code(() => parseNpy(new TextEncoder().encode('PK\x03\x04 not numpy')))).toBe('not-npy');
    expect(code(() => parseNpy(npyBytes(4, dict('<f4'), [0, 0, 0, 0])))).toBe('unsupported-version');
    expect(code(() => parseNpy(npyBytes(1, dict('>f4'), [0x3f, 0x80, 0, 0])))).toBe('big-endian');
    expect(code(() => parseNpy(npyBytes(1, dict('|O'), [0, 0, 0, 0, 0, 0, 0, 0])))).toBe('object-array');
    expect(code(() => parseNpy(npyBytes(1, dict('<U3'), [0, 0, 0, 0])))).toBe('unsupported-dtype');
    expect(code(() => parseNpy(npyBytes(1, dict('<f2'), [0, 0])))).toBe('unsupported-dtype');
    expect(
      code(() =>
        parseNpy(
          npyBytes(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }", [0, 0, 0, 0]),
        ),
      ),
    ).toBe('unsupported-dtype');
    expect(code(() => parseNpy(npyBytes(1, "{'descr': '<f4', 'shape': (1,), }", [0, 0, 0, 0])))).toBe(
      'bad-header',
    );
    // A 2×3 float32 needs 24 data bytes; 23 are given.
    const cut = npyBytes(
      1,
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
      new Array(23).fill(0),
    );
    expect(code(() => parseNpy(cut))).toBe('truncated');
    expect(code(() => parseNpy(b64(NUMPY_U1).subarray(0, 50)))).toBe('truncated');
    // A single-byte type may carry any byte-order mark.
    expect(Array.from(parseNpy(npyBytes(1, dict('>u1'), [9])).data)).toEqual([9]);
  });
});

describe('writeNpy', () => {
  it('writes what NumPy writes (u1, f4) and round-trips every dtype', () => {
    expect(writeNpy(parseNpy(b64(NUMPY_U1)))).toEqual(b64(NUMPY_U1));
    expect(writeNpy(parseNpy(b64(NUMPY_F4)))).toEqual(b64(NUMPY_F4));
    const cases: NpyArray[] = [
      { dtype: 'int8', shape: [2], data: Int8Array.of(-128, 127), fortranOrder: false },
      { dtype: 'uint16', shape: [2], data: Uint16Array.of(0, 65535), fortranOrder: false },
      { dtype: 'int32', shape: [1, 2], data: Int32Array.of(-5, 2 ** 31 - 1), fortranOrder: false },
      { dtype: 'uint32', shape: [1], data: Uint32Array.of(2 ** 32 - 1), fortranOrder: false },
      { dtype: 'float64', shape: [2], data: Float64Array.of(Math.PI, -0.1), fortranOrder: true },
      { dtype: 'int64', shape: [2], data: Int32Array.of(-3, 4), fortranOrder: false },
      { dtype: 'uint64', shape: [1], data: Float64Array.of(2 ** 52 + 1), fortranOrder: false },
    ];
    for (const a of cases) {
      const bytes = writeNpy(a);
      // The data start on a 64-byte boundary: 10 + header length ≡ 0 (mod 64).
      expect(((bytes[8] ?? 0) + 256 * (bytes[9] ?? 0) + 10) % 64).toBe(0);
      const back = parseNpy(bytes);
      expect(back.dtype).toBe(a.dtype);
      expect(back.shape).toEqual(a.shape);
      expect(back.fortranOrder).toBe(a.fortranOrder);
      expect(Array.from(back.data)).toEqual(Array.from(a.data));
    }
  });
});

describe('parseNpz / writeNpz', () => {
  it('reads a NumPy savez_compressed archive (DEFLATE, ZIP64 headers)', () => {
    const z = parseNpz(b64(NUMPY_NPZ));
    expect(Object.keys(z).sort()).toEqual(['a', 'b', 'c']);
    expect(Array.from(z.a?.data ?? [])).toEqual([1, 2, 3]);
    expect(z.b?.shape).toEqual([1, 2]);
    expect(Array.from(z.b?.data ?? [])).toEqual([0.5, -1]);
    expect(z.c?.dtype).toBe('int64');
    expect(Array.from(z.c?.data ?? [])).toEqual([7, -8]);
  });

  it('round-trips through writeNpz, stored and compressed', () => {
    const arrays: Record<string, NpyArray> = {
      x: { dtype: 'uint8', shape: [2, 2], data: Uint8Array.of(0, 1, 2, 3), fortranOrder: false },
      y: { dtype: 'float32', shape: [3], data: Float32Array.of(0.25, -8, 1e-3), fortranOrder: false },
    };
    for (const compress of [false, true]) {
      const back = parseNpz(writeNpz(arrays, compress));
      expect(Object.keys(back).sort()).toEqual(['x', 'y']);
      expect(Array.from(back.x?.data ?? [])).toEqual([0, 1, 2, 3]);
      expect(Array.from(back.y?.data ?? [])).toEqual(Array.from(arrays.y?.data ?? []));
    }
  });

  it('gives clear errors: not a zip, a bare .npy, a truncated archive, a bad member', () => {
    expect(code(() => parseNpz(new TextEncoder().encode('<html>404</html>')))).toBe('not-zip');
    expect(code(() => parseNpz(new Uint8Array(0)))).toBe('not-zip');
    expect(code(() => parseNpz(b64(NUMPY_U1)))).toBe('npy-not-npz');
    const full = b64(NUMPY_NPZ);
    expect(code(() => parseNpz(full.subarray(0, full.length - 40)))).toBe('zip-damaged');
    const bad = zipSync({ 'labels.npy': new TextEncoder().encode('not numpy at all') });
    try {
      parseNpz(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NpyFormatError);
      expect((e as NpyFormatError).code).toBe('not-npy');
      expect((e as NpyFormatError).message.startsWith('labels.npy: ')).toBe(true);
    }
  });
});
