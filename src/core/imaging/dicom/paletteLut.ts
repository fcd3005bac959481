/**
 * PALETTE COLOR images: each stored value indexes three lookup tables (red, green, blue), PS3.3
 * C.7.6.3.1.5 (descriptors 0028,1101–1103), C.7.6.3.1.6 (data 0028,1201–1203) and C.7.9.2
 * (Segmented Palette Color LUT Data 0028,1221–1223).
 */
import type { DataSet } from 'dicom-parser';
import type { BilingualMessage } from '../ImageDecodeError';
import { corruptError } from './dicomErrors';
import { readUint16 } from './textValues';

/** The three tables of a palette, with their common descriptor. */
export interface PaletteLut {
  /** Number of entries (a descriptor value of 0 means 65536, PS3.3 C.7.6.3.1.5). */
  entries: number;
  /** Stored value mapped to the first entry (US, or SS when Pixel Representation is 1). */
  firstMapped: number;
  /** Bits per entry: 8 or 16; output values are 0 … 2^bits − 1. */
  bits: 8 | 16;
  red: Uint16Array;
  green: Uint16Array;
  blue: Uint16Array;
}

const CHANNELS = [
  { name: 'Red', descriptor: 'x00281101', data: 'x00281201', segmented: 'x00281221' },
  { name: 'Green', descriptor: 'x00281102', data: 'x00281202', segmented: 'x00281222' },
  { name: 'Blue', descriptor: 'x00281103', data: 'x00281203', segmented: 'x00281223' },
] as const;

function bad(en: string, zh: string): never {
  const detail: BilingualMessage = { en, zh };
  throw corruptError(detail);
}

/** The 16-bit words of an OW element in the data set's byte order. */
function words(dataSet: DataSet, tag: string, bigEndian: boolean): Uint16Array | undefined {
  const el = dataSet.elements[tag];
  if (el === undefined || el.length <= 0 || el.length === 0xffffffff) return undefined;
  const end = Math.min(el.dataOffset + el.length, dataSet.byteArray.length);
  const bytes = dataSet.byteArray.subarray(el.dataOffset, end);
  const out = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const a = bytes[2 * i] ?? 0;
    const b = bytes[2 * i + 1] ?? 0;
    out[i] = bigEndian ? (a << 8) | b : a | (b << 8);
  }
  return out;
}

/**
 * Expands Segmented LUT Data (PS3.3 C.7.9.2): opcode 0 discrete (n values follow), 1 linear (ramp
 * of n values from the previous value to the next word), 2 indirect (repeat n segments found at a
 * 32-bit word offset, low word first — read as pydicom does). Bounded to `entries` values.
 */
export function expandSegmented(
  data: Uint16Array,
  entries: number,
  depth = 0,
  maxSegments = Infinity,
): number[] {
  const lut: number[] = [];
  let at = 0;
  let segments = 0;
  while (at + 1 < data.length && lut.length < entries && segments < maxSegments) {
    const opcode = data[at] ?? 0;
    const n = data[at + 1] ?? 0;
    at += 2;
    if (opcode === 0) {
      for (let k = 0; k < n && at + k < data.length; k++) lut.push(data[at + k] ?? 0);
      at += n;
    } else if (opcode === 1) {
      const y0 = lut[lut.length - 1];
      if (y0 === undefined)
        bad('its segmented palette starts with a linear segment.', '其分段调色板以线性段开头。');
      const y1 = data[at] ?? 0;
      at += 1;
      for (let k = 1; k <= n; k++) lut.push(Math.round(y0 + ((y1 - y0) * k) / n));
    } else if (opcode === 2) {
      if (depth > 3 || lut.length === 0)
        bad('its segmented palette has an invalid indirect segment.', '其分段调色板含有无效的间接段。');
      const offset = (data[at] ?? 0) + (data[at + 1] ?? 0) * 65536;
      at += 2;
      lut.push(...expandSegmented(data.subarray(offset), entries - lut.length, depth + 1, n));
    } else {
      bad(
        `its segmented palette has an unknown segment type ${opcode}.`,
        `其分段调色板含有未知的段类型 ${opcode}。`,
      );
    }
    segments += 1;
  }
  return lut.slice(0, entries);
}

/** One channel's table: plain LUT Data, else Segmented LUT Data. 8-bit entries may be packed bytes or words. */
function channelTable(
  dataSet: DataSet,
  channel: (typeof CHANNELS)[number],
  entries: number,
  bits: number,
  bigEndian: boolean,
): Uint16Array {
  const el = dataSet.elements[channel.data];
  const packed = words(dataSet, channel.data, bigEndian);
  if (el !== undefined && packed !== undefined) {
    if (bits === 16 || packed.length >= entries) {
      const table = packed.subarray(0, entries);
      if (table.length < entries)
        bad(`its ${channel.name} palette has fewer entries than declared.`, '其调色板条目少于声明的数量。');
      // 8-bit entries written as 16-bit words: some writers put them in the high byte.
      if (bits === 8 && table.some((v) => v > 255)) return table.map((v) => v >> 8);
      return table;
    }
    // 8-bit entries packed two per word (PS3.3 C.7.6.3.1.6), first entry in the first byte on disk.
    const bytes = dataSet.byteArray.subarray(el.dataOffset, el.dataOffset + Math.min(el.length, entries));
    const table = new Uint16Array(entries);
    for (let i = 0; i < entries; i++) table[i] = bytes[bigEndian ? i ^ 1 : i] ?? 0;
    if (bytes.length < entries)
      bad(`its ${channel.name} palette has fewer entries than declared.`, '其调色板条目少于声明的数量。');
    return table;
  }
  const segmented = words(dataSet, channel.segmented, bigEndian);
  if (segmented !== undefined) {
    const expanded = expandSegmented(segmented, entries);
    if (expanded.length < entries)
      bad('its segmented palette is shorter than declared.', '其分段调色板短于声明的长度。');
    return Uint16Array.from(expanded);
  }
  return bad(
    `it is PALETTE COLOR but has no ${channel.name} Palette Color Lookup Table Data.`,
    '它的光度解释为 PALETTE COLOR，但缺少调色板查找表数据。',
  );
}

/** Reads the palette; throws 'corrupt' when a descriptor or table is missing or inconsistent. */
export function readPaletteLut(dataSet: DataSet, pixelRepresentation: 0 | 1, bigEndian: boolean): PaletteLut {
  const descriptor = (tag: string): [number, number, number] => {
    const n = readUint16(dataSet, tag, 0);
    const first = readUint16(dataSet, tag, 1);
    const bits = readUint16(dataSet, tag, 2);
    if (n === undefined || first === undefined || bits === undefined) {
      return bad(
        'it is PALETTE COLOR but a Palette Color Lookup Table Descriptor is missing.',
        '它的光度解释为 PALETTE COLOR，但缺少调色板查找表描述符。',
      );
    }
    return [n === 0 ? 65536 : n, pixelRepresentation === 1 && first > 32767 ? first - 65536 : first, bits];
  };
  const [redChannel, greenChannel, blueChannel] = CHANNELS;
  const [entries, firstMapped, rawBits] = descriptor(redChannel.descriptor);
  const bits = rawBits === 8 ? 8 : 16;
  /** The channel's table, after checking that its descriptor declares as many entries as red's. */
  const sameSizeTable = (c: (typeof CHANNELS)[number]): Uint16Array => {
    const [n] = descriptor(c.descriptor);
    if (n !== entries)
      bad('its red, green and blue palettes have different sizes.', '其红、绿、蓝调色板的大小不一致。');
    return channelTable(dataSet, c, entries, bits, bigEndian);
  };
  const red = channelTable(dataSet, redChannel, entries, bits, bigEndian);
  const green = sameSizeTable(greenChannel);
  const blue = sameSizeTable(blueChannel);
  return { entries, firstMapped, bits, red, green, blue };
}

/**
 * Looks up each stored value: index = value − firstMapped, clamped to the first and last entries
 * (PS3.3 C.7.6.3.1.5: values below the first mapped value map to the first entry, above the last
 * to the last). Returns interleaved RGB, 8-bit or 16-bit as the entries.
 */
export function applyPalette(values: ArrayLike<number>, lut: PaletteLut): Uint8Array | Uint16Array {
  const out = lut.bits === 8 ? new Uint8Array(values.length * 3) : new Uint16Array(values.length * 3);
  const last = lut.entries - 1;
  for (let p = 0; p < values.length; p++) {
    let index = (values[p] ?? 0) - lut.firstMapped;
    index = index < 0 ? 0 : index > last ? last : index;
    out[3 * p] = lut.red[index] ?? 0;
    out[3 * p + 1] = lut.green[index] ?? 0;
    out[3 * p + 2] = lut.blue[index] ?? 0;
  }
  return out;
}
