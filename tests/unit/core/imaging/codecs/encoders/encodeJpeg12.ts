/**
 * A sequential DCT JPEG encoder (ITU-T T.81: Process 1, SOF0, P = 8; Process 4, SOF1, P = 12), for
 * tests and fixtures only: one or more components, interleaved with sampling factors 1×1 and no
 * colour transform (the caller chooses what the components hold and which identifiers and
 * APPn segments announce it), a quantisation table of ones (so the only loss is rounding the DCT
 * coefficients to integers), exact floating-point FDCT (A.3.3), flat Huffman tables covering every
 * DC category 0…15 and AC run/size symbol with size 1…14 (F.1.2, 12-bit ranges, enough for 8-bit).
 */
import { BitWriter, category, dhtPayload, extraBits, flatHuffman, huffmanCodes, segment } from './jpegWriter';

/** Zig-zag order: natural (row-major) index of the k-th coefficient (T.81 Figure A.6). */
export const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
];

/** FDCT of one level-shifted 8×8 block (T.81 A.3.3), coefficients rounded to integers, row-major [v][u]. */
function fdct(block: Float64Array): Int32Array {
  const out = new Int32Array(64);
  for (let v = 0; v < 8; v++) {
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          sum +=
            (block[y * 8 + x] ?? 0) *
            Math.cos(((2 * x + 1) * u * Math.PI) / 16) *
            Math.cos(((2 * y + 1) * v * Math.PI) / 16);
        }
      }
      const cu = u === 0 ? Math.SQRT1_2 : 1;
      const cv = v === 0 ? Math.SQRT1_2 : 1;
      out[v * 8 + u] = Math.round(0.25 * cu * cv * sum);
    }
  }
  return out;
}

/** What to encode with encodeJpegDct. */
export interface DctEncoderInput {
  /** Sample precision P: 8 (baseline, SOF0) or 12 (extended, SOF1). */
  precision: 8 | 12;
  rows: number;
  columns: number;
  /** One row-major plane of samples (0 … 2^P − 1) per component, stored as given. */
  planes: ArrayLike<number>[];
  /** Component identifiers Ci of the frame header (B.2.2); default 1, 2, 3, … */
  ids?: number[];
  /** Whole marker segments written right after SOI (e.g. an APP0 JFIF or APP14 Adobe segment). */
  segments?: number[][];
}

/** Encodes the planes as one interleaved scan (MCU = one block of each component, A.2.3). */
export function encodeJpegDct(input: DctEncoderInput): Uint8Array {
  const { precision, rows, columns, planes } = input;
  const ids = input.ids ?? planes.map((_, i) => i + 1);
  const levelShift = 2 ** (precision - 1);
  const dcTable = flatHuffman(Array.from({ length: 16 }, (_, i) => i));
  const acSymbols = [0x00, 0xf0];
  for (let run = 0; run < 16; run++) for (let size = 1; size <= 14; size++) acSymbols.push((run << 4) | size);
  const acTable = flatHuffman(acSymbols);
  const dcCodes = huffmanCodes(dcTable);
  const acCodes = huffmanCodes(acTable);
  const bits = new BitWriter();
  const put = (codes: typeof dcCodes, symbol: number): void => {
    const c = codes.get(symbol);
    if (!c) throw new Error(`no Huffman code for ${symbol}`);
    bits.write(c.code, c.length);
  };

  const previousDc = planes.map(() => 0);
  const block = new Float64Array(64);
  for (let by = 0; by < rows; by += 8) {
    for (let bx = 0; bx < columns; bx += 8) {
      planes.forEach((samples, component) => {
        // Edge samples repeated past the image (the encoder's choice, A.2.4).
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            const r = Math.min(by + y, rows - 1);
            const c = Math.min(bx + x, columns - 1);
            block[y * 8 + x] = (samples[r * columns + c] ?? 0) - levelShift;
          }
        }
        const coefficients = fdct(block);
        const dc = coefficients[0] ?? 0;
        const diff = dc - (previousDc[component] ?? 0);
        previousDc[component] = dc;
        const dcSize = category(diff);
        put(dcCodes, dcSize);
        if (dcSize > 0) bits.write(extraBits(diff, dcSize), dcSize);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const value = coefficients[ZIGZAG[k] ?? 0] ?? 0;
          if (value === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            put(acCodes, 0xf0);
            run -= 16;
          }
          const size = category(value);
          put(acCodes, (run << 4) | size);
          bits.write(extraBits(value, size), size);
          run = 0;
        }
        if (run > 0) put(acCodes, 0x00);
      });
    }
  }

  const dqt = [0x00, ...new Array<number>(64).fill(1)];
  const sof = [precision, rows >> 8, rows & 0xff, columns >> 8, columns & 0xff, planes.length];
  for (const id of ids) sof.push(id, 0x11, 0);
  const sos = [planes.length];
  for (const id of ids) sos.push(id, 0x00);
  sos.push(0, 63, 0);
  return Uint8Array.from([
    0xff,
    0xd8,
    ...(input.segments ?? []).flat(),
    ...segment(0xdb, dqt),
    ...segment(precision === 8 ? 0xc0 : 0xc1, sof),
    ...segment(0xc4, [...dhtPayload(0, 0, dcTable), ...dhtPayload(1, 0, acTable)]),
    ...segment(0xda, sos),
    ...bits.bytes(),
    0xff,
    0xd9,
  ]);
}

/** Encodes 12-bit greyscale `samples` (0…4095, row-major) as an SOF1 JPEG. */
export function encodeJpeg12(samples: ArrayLike<number>, rows: number, columns: number): Uint8Array {
  return encodeJpegDct({ precision: 12, rows, columns, planes: [samples] });
}
