/**
 * A JPEG lossless encoder (ITU-T T.81 Annex H, Process 14, SOF3), for tests and fixtures only:
 * one component, any predictor 1…7 (Table H.1), point transform 0, one Huffman table giving all 17
 * difference categories the same 5-bit code.
 */
import { BitWriter, category, dhtPayload, extraBits, flatHuffman, huffmanCodes, segment } from './jpegWriter';

/** The prediction of T.81 H.1.2.1: Ra left, Rb above, Rc above-left. */
function predict(selection: number, ra: number, rb: number, rc: number): number {
  switch (selection) {
    case 1:
      return ra;
    case 2:
      return rb;
    case 3:
      return rc;
    case 4:
      return ra + rb - rc;
    case 5:
      return ra + ((rb - rc) >> 1);
    case 6:
      return rb + ((ra - rc) >> 1);
    case 7:
      return (ra + rb) >> 1;
    default:
      throw new Error(`predictor ${selection}`);
  }
}

/**
 * Encodes `samples` (row-major, unsigned P-bit patterns: pass signed data masked to P bits) as a
 * lossless JPEG with `precision` P (2…16) and predictor `selection`.
 */
export function encodeJpegLossless(
  samples: ArrayLike<number>,
  rows: number,
  columns: number,
  precision: number,
  selection = 1,
): Uint8Array {
  const table = flatHuffman(Array.from({ length: 17 }, (_, i) => i));
  const codes = huffmanCodes(table);
  const bits = new BitWriter();
  const at = (r: number, c: number): number => samples[r * columns + c] ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let px: number;
      if (r === 0 && c === 0) px = 2 ** (precision - 1);
      else if (r === 0) px = at(r, c - 1);
      else if (c === 0) px = at(r - 1, c);
      else px = predict(selection, at(r, c - 1), at(r - 1, c), at(r - 1, c - 1));
      // Difference modulo 2^16, in −32767…32768 (H.1.2.1, Table H.2).
      let diff = (((at(r, c) - px) % 65536) + 65536) % 65536;
      if (diff > 32768) diff -= 65536;
      const ssss = category(diff);
      const code = codes.get(ssss);
      if (!code) throw new Error(`no code for category ${ssss}`);
      bits.write(code.code, code.length);
      if (ssss > 0 && ssss < 16) bits.write(extraBits(diff, ssss), ssss);
    }
  }
  const sof = [precision, rows >> 8, rows & 0xff, columns >> 8, columns & 0xff, 1, 1, 0x11, 0];
  const sos = [1, 1, 0x00, selection, 0, 0];
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xc3, sof),
    ...segment(0xc4, dhtPayload(0, 0, table)),
    ...segment(0xda, sos),
    ...bits.bytes(),
    0xff,
    0xd9,
  ]);
}
