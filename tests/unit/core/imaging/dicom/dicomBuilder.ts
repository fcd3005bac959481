/**
 * A small DICOM writer for test fixtures, independent of the code under test: each element is
 * written byte by byte from PS3.5 7.1 (explicit VR: tag, VR, 2- or 4-byte length; implicit VR:
 * tag, 4-byte length), so that every fixture reads like cornerstonejs/dicomParser's
 * test/parseDicom_test.js — one line and one comment per tag.
 */
import { deflateSync } from 'fflate';

export type Encoding = 'implicit-le' | 'explicit-le' | 'explicit-be' | 'deflated';

export const TS = {
  implicitLE: '1.2.840.10008.1.2',
  explicitLE: '1.2.840.10008.1.2.1',
  explicitBE: '1.2.840.10008.1.2.2',
  deflatedLE: '1.2.840.10008.1.2.1.99',
  encapsulatedUncompressed: '1.2.840.10008.1.2.1.98',
  deflatedImageFrame: '1.2.840.10008.1.2.8.1',
  rle: '1.2.840.10008.1.2.5',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  mpeg2: '1.2.840.10008.1.2.4.100',
} as const;

export const SOP = {
  ct: '1.2.840.10008.5.1.4.1.1.2',
  mr: '1.2.840.10008.5.1.4.1.1.4',
  secondaryCapture: '1.2.840.10008.5.1.4.1.1.7',
  basicTextSr: '1.2.840.10008.5.1.4.1.1.88.11',
  segmentation: '1.2.840.10008.5.1.4.1.1.66.4',
} as const;

/** One element: its value is written when the byte order is known. */
export interface El {
  group: number;
  element: number;
  vr: string;
  /** Value bytes for the byte order; `undefined` length is used for encapsulated pixel data. */
  value: (bigEndian: boolean, encoding: Encoding) => Uint8Array;
  undefinedLength?: boolean;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT']);

function u16(v: number, be: boolean): number[] {
  return be ? [(v >> 8) & 0xff, v & 0xff] : [v & 0xff, (v >> 8) & 0xff];
}
function u32(v: number, be: boolean): number[] {
  const b = [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  return be ? b.reverse() : b;
}

/** A string value padded to even length: NUL for UI, space otherwise (PS3.5 6.2). */
export function str(group: number, element: number, vr: string, text: string): El {
  const bytes = Array.from(text, (c) => c.charCodeAt(0));
  if (bytes.length % 2 === 1) bytes.push(vr === 'UI' ? 0 : 0x20);
  return { group, element, vr, value: () => Uint8Array.from(bytes) };
}
/** Raw bytes for a text value (e.g. UTF-8 text), padded with a space. */
export function textBytes(group: number, element: number, vr: string, raw: Uint8Array): El {
  const bytes = Array.from(raw);
  if (bytes.length % 2 === 1) bytes.push(0x20);
  return { group, element, vr, value: () => Uint8Array.from(bytes) };
}
/** US (unsigned 16-bit) values. */
export function us(group: number, element: number, ...values: number[]): El {
  return { group, element, vr: 'US', value: (be) => Uint8Array.from(values.flatMap((v) => u16(v, be))) };
}
/** UL (unsigned 32-bit) values. */
export function ul(group: number, element: number, ...values: number[]): El {
  return { group, element, vr: 'UL', value: (be) => Uint8Array.from(values.flatMap((v) => u32(v, be))) };
}
/** OW: 16-bit words in the syntax's byte order (two's complement for negative numbers). */
export function ow(group: number, element: number, words: number[]): El {
  return {
    group,
    element,
    vr: 'OW',
    value: (be) => Uint8Array.from(words.flatMap((w) => u16(w & 0xffff, be))),
  };
}
/** OB: bytes as given, padded to even length with 0. */
export function ob(group: number, element: number, bytes: number[]): El {
  const padded = bytes.length % 2 === 1 ? [...bytes, 0] : bytes;
  return { group, element, vr: 'OB', value: () => Uint8Array.from(padded) };
}
/** OB with an odd length written as is (a writer bug real files have). */
export function obOdd(group: number, element: number, bytes: number[]): El {
  return { group, element, vr: 'OB', value: () => Uint8Array.from(bytes) };
}
/** SQ with defined length; items are element lists. */
export function sq(group: number, element: number, items: El[][]): El {
  return {
    group,
    element,
    vr: 'SQ',
    value: (be, encoding) => {
      const parts: number[] = [];
      for (const item of items) {
        const body = concat(item.map((e) => encodeElement(e, encoding)));
        parts.push(...u16(0xfffe, be), ...u16(0xe000, be), ...u32(body.length, be), ...body);
      }
      return Uint8Array.from(parts);
    },
  };
}
/**
 * Encapsulated Pixel Data (PS3.5 A.4): OB, undefined length, a Basic Offset Table item with
 * `offsets`, one item per fragment, then the Sequence Delimitation Item.
 */
export function encapsulated(fragments: Uint8Array[], offsets: number[] = []): El {
  return {
    group: 0x7fe0,
    element: 0x0010,
    vr: 'OB',
    undefinedLength: true,
    value: () => {
      const parts: number[] = [0xfe, 0xff, 0x00, 0xe0, ...u32(offsets.length * 4, false)];
      for (const o of offsets) parts.push(...u32(o, false));
      for (const f of fragments) parts.push(0xfe, 0xff, 0x00, 0xe0, ...u32(f.length, false), ...f);
      parts.push(0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0);
      return Uint8Array.from(parts);
    },
  };
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One element in an encoding (PS3.5 7.1.1 explicit, 7.1.2 implicit; big endian per A.3). */
export function encodeElement(e: El, encoding: Encoding): Uint8Array {
  const be = encoding === 'explicit-be';
  const value = e.value(be, encoding);
  const length = e.undefinedLength === true ? 0xffffffff : value.length;
  const head = [...u16(e.group, be), ...u16(e.element, be)];
  if (encoding === 'implicit-le') head.push(...u32(length, false));
  else if (LONG_VRS.has(e.vr)) head.push(e.vr.charCodeAt(0), e.vr.charCodeAt(1), 0, 0, ...u32(length, be));
  else head.push(e.vr.charCodeAt(0), e.vr.charCodeAt(1), ...u16(length, be));
  return concat([Uint8Array.from(head), value]);
}

/** Where each element's length field is, for fuzzing; offsets in the final file. */
export interface Built {
  bytes: Uint8Array;
  /** [offset, size in bytes] of each length field of the data set (not inside deflated data). */
  lengthFields: [number, number][];
}

function lengthFieldOf(e: El, encoding: Encoding): [number, number] {
  if (encoding === 'implicit-le') return [4, 4];
  return LONG_VRS.has(e.vr) ? [8, 4] : [6, 2];
}

/** File Meta Information (PS3.10 7.1): group length, version, SOP class/instance, syntax, implementation. */
export function metaElements(transferSyntax: string, sopClass: string): El[] {
  const rest = [
    ob(0x0002, 0x0001, [0x00, 0x01]), // (0002,0001) File Meta Information Version
    str(0x0002, 0x0002, 'UI', sopClass), // (0002,0002) Media Storage SOP Class UID
    str(0x0002, 0x0003, 'UI', '1.2.3.4.5.6.7'), // (0002,0003) Media Storage SOP Instance UID
    str(0x0002, 0x0010, 'UI', transferSyntax), // (0002,0010) Transfer Syntax UID
    str(0x0002, 0x0012, 'UI', '1.2.3.4'), // (0002,0012) Implementation Class UID
  ];
  const groupLength = rest.reduce((n, e) => n + encodeElement(e, 'explicit-le').length, 0);
  return [ul(0x0002, 0x0000, groupLength), ...rest]; // (0002,0000) File Meta Information Group Length
}

/**
 * A whole file: optional 128-byte preamble + "DICM", optional File Meta Information, then the data
 * set in `encoding` (deflated data sets are raw-deflated after the meta header).
 */
export function buildFile(
  encoding: Encoding,
  elements: El[],
  options: { transferSyntax?: string; sopClass?: string; preamble?: boolean; meta?: boolean } = {},
): Built {
  const ts =
    options.transferSyntax ??
    {
      'implicit-le': TS.implicitLE,
      'explicit-le': TS.explicitLE,
      'explicit-be': TS.explicitBE,
      deflated: TS.deflatedLE,
    }[encoding];
  const parts: Uint8Array[] = [];
  const lengthFields: [number, number][] = [];
  let at = 0;
  const push = (bytes: Uint8Array): void => {
    parts.push(bytes);
    at += bytes.length;
  };
  if (options.preamble !== false)
    push(concat([new Uint8Array(128), Uint8Array.from([0x44, 0x49, 0x43, 0x4d])]));
  if (options.meta !== false) {
    for (const e of metaElements(ts, options.sopClass ?? SOP.ct)) {
      const [rel, size] = lengthFieldOf(e, 'explicit-le');
      lengthFields.push([at + rel, size]);
      push(encodeElement(e, 'explicit-le'));
    }
  }
  const bodyEncoding = encoding === 'deflated' ? 'explicit-le' : encoding;
  const body: Uint8Array[] = [];
  for (const e of elements) {
    const [rel, size] = lengthFieldOf(e, bodyEncoding);
    if (encoding !== 'deflated') lengthFields.push([at + rel + body.reduce((n, p) => n + p.length, 0), size]);
    body.push(encodeElement(e, bodyEncoding));
  }
  const bodyBytes = concat(body);
  push(encoding === 'deflated' ? deflateSync(bodyBytes) : bodyBytes);
  return { bytes: concat(parts), lengthFields };
}

/** 16-bit words → little-endian bytes. */
export function le16(words: number[]): number[] {
  return words.flatMap((w) => [w & 0xff, (w >> 8) & 0xff]);
}
