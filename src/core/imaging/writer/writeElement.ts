/**
 * Encoding of DICOM data elements (PS3.5 chapter 7) in any of the native transfer syntaxes, and of
 * encapsulated pixel data (PS3.5 A.4).
 */

import { ByteWriter } from './ByteWriter';

/** Value representations whose value is a character string (PS3.5 6.2, Table 6.2-1). */
export type TextVr =
  | 'AE'
  | 'AS'
  | 'CS'
  | 'DA'
  | 'DS'
  | 'DT'
  | 'IS'
  | 'LO'
  | 'LT'
  | 'PN'
  | 'SH'
  | 'ST'
  | 'TM'
  | 'UC'
  | 'UI'
  | 'UR'
  | 'UT';
/** Value representations whose value is a list of binary numbers (PS3.5 6.2). */
export type NumberVr = 'US' | 'SS' | 'UL' | 'SL' | 'FL' | 'FD';

/** A text element; several values are joined with a backslash by the caller (PS3.5 6.4). */
export interface TextElement {
  tag: number;
  vr: TextVr;
  value: string;
}
/** A binary numeric element. */
export interface NumberElement {
  tag: number;
  vr: NumberVr;
  value: readonly number[];
}
/** Other Byte String: bytes written as they are (PS3.5 6.2 "OB"). */
export interface ByteElement {
  tag: number;
  vr: 'OB';
  value: Uint8Array;
}
/** Other Word String: 16-bit words, byte-swapped in big-endian syntaxes (PS3.5 6.2 "OW"). */
export interface WordElement {
  tag: number;
  vr: 'OW';
  value: Uint16Array | Int16Array;
}
/** A sequence of items, each a list of elements (PS3.5 7.5). */
export interface SequenceElement {
  tag: number;
  vr: 'SQ';
  items: ReadonlyArray<readonly DataElement[]>;
}
/** Encapsulated pixel data: one compressed frame per fragment (PS3.5 A.4). */
export interface EncapsulatedElement {
  tag: number;
  vr: 'OB';
  frames: readonly Uint8Array[];
}
/** Any element the writer can encode. */
export type DataElement =
  TextElement | NumberElement | ByteElement | WordElement | SequenceElement | EncapsulatedElement;

/** How elements are encoded: VR explicit or implicit, byte order (PS3.5 chapter 7, 10). */
export interface EncodingSyntax {
  explicitVr: boolean;
  littleEndian: boolean;
}

/**
 * VRs that use the 12-byte explicit header (2 reserved bytes and a 32-bit length), PS3.5
 * 7.1.2 Table 7.1-1; every other VR has a 16-bit length (Table 7.1-2).
 */
const LONG_VRS: ReadonlySet<string> = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);

/** Item tag (FFFE,E000), PS3.5 7.5 Table 7.5-1. */
export const ITEM_TAG = 0xfffee000;
/** Sequence Delimitation Item tag (FFFE,E0DD), PS3.5 7.5 Table 7.5-1. */
export const SEQUENCE_DELIMITATION_TAG = 0xfffee0dd;
/** The undefined length value, FFFFFFFFH (PS3.5 7.1.1). */
export const UNDEFINED_LENGTH = 0xffffffff;

/** The group number of a tag written as one 32-bit number GGGGEEEE. */
export function tagGroup(tag: number): number {
  return (tag >>> 16) & 0xffff;
}

/**
 * The value bytes of a text element, padded to even length: UI with a trailing NUL, every other
 * text VR with a trailing space (PS3.5 6.2, 7.1.1 "Value Length ... shall be even"). Only the
 * Default Character Repertoire (ISO-IR 6, i.e. printable ASCII plus CR, LF, FF, TAB, ESC) is
 * allowed, since the writer never sets Specific Character Set (PS3.5 6.1.2.1).
 */
export function textValueBytes(vr: TextVr, value: string): Uint8Array {
  const padded = value.length % 2 === 1 ? value + (vr === 'UI' ? '\0' : ' ') : value;
  const out = new Uint8Array(padded.length);
  for (let i = 0; i < padded.length; i++) {
    const code = padded.charCodeAt(i);
    const control = code === 0 || code === 9 || code === 10 || code === 12 || code === 13 || code === 27;
    if ((code < 0x20 && !control) || code > 0x7e) {
      throw new RangeError(`DICOM ${vr} value "${value}" holds a character outside the default repertoire`);
    }
    out[i] = code;
  }
  return out;
}

const NUMBER_VRS: ReadonlySet<string> = new Set(['US', 'SS', 'UL', 'SL', 'FL', 'FD']);

function isNumberElement(el: NumberElement | TextElement): el is NumberElement {
  return NUMBER_VRS.has(el.vr);
}

function numberValueBytes(el: NumberElement, littleEndian: boolean): Uint8Array {
  const w = new ByteWriter(littleEndian, Math.max(8, el.value.length * 8));
  for (const v of el.value) {
    if (el.vr === 'US') w.uint16(v);
    else if (el.vr === 'SS') w.int16(v);
    else if (el.vr === 'UL') w.uint32(v);
    else if (el.vr === 'SL') w.int32(v);
    else if (el.vr === 'FL') w.float32(v);
    else w.float64(v);
  }
  return w.toBytes();
}

function writeTag(w: ByteWriter, tag: number): void {
  w.uint16(tagGroup(tag));
  w.uint16(tag & 0xffff);
}

/**
 * Writes an element header: the tag, then in explicit VR syntaxes the two VR characters and a
 * 16-bit length (PS3.5 7.1.2 Table 7.1-2) or 2 reserved bytes and a 32-bit length (Table 7.1-1),
 * in implicit VR the 32-bit length only (7.1.3).
 */
function writeHeader(w: ByteWriter, tag: number, vr: string, length: number, syntax: EncodingSyntax): void {
  writeTag(w, tag);
  if (!syntax.explicitVr) {
    w.uint32(length);
    return;
  }
  w.bytes(new Uint8Array([vr.charCodeAt(0), vr.charCodeAt(1)]));
  if (LONG_VRS.has(vr)) {
    w.uint16(0);
    w.uint32(length);
  } else {
    if (length > 0xffff) throw new RangeError(`DICOM ${vr} value of ${length} bytes exceeds 65534`);
    w.uint16(length);
  }
}

/** The encoded bytes of one item's elements, for a defined-length item. */
function encodeItems(items: ReadonlyArray<readonly DataElement[]>, syntax: EncodingSyntax): Uint8Array {
  const w = new ByteWriter(syntax.littleEndian);
  for (const item of items) {
    const body = encodeElements(item, syntax);
    writeTag(w, ITEM_TAG);
    w.uint32(body.length);
    w.bytes(body);
  }
  return w.toBytes();
}

/**
 * Encapsulated Pixel Data (PS3.5 A.4): OB with undefined length, a Basic Offset Table item holding
 * each frame's byte offset (from the first byte of the first fragment's item tag to the first byte
 * of that frame's item tag, Table A.4-1), one fragment item per frame padded to even length, then
 * the Sequence Delimitation Item. Always little endian (encapsulated syntaxes are Explicit VR LE).
 */
function writeEncapsulated(w: ByteWriter, el: EncapsulatedElement): void {
  writeHeader(w, el.tag, 'OB', UNDEFINED_LENGTH, { explicitVr: true, littleEndian: true });
  writeTag(w, ITEM_TAG);
  w.uint32(el.frames.length * 4);
  let offset = 0;
  for (const frame of el.frames) {
    w.uint32(offset);
    offset += 8 + frame.length + (frame.length % 2);
  }
  for (const frame of el.frames) {
    writeTag(w, ITEM_TAG);
    w.uint32(frame.length + (frame.length % 2));
    w.bytes(frame);
    if (frame.length % 2 === 1) w.bytes(new Uint8Array(1));
  }
  writeTag(w, SEQUENCE_DELIMITATION_TAG);
  w.uint32(0);
}

/** Appends one element to `w`. */
export function writeElement(w: ByteWriter, el: DataElement, syntax: EncodingSyntax): void {
  if ('frames' in el) {
    if (!syntax.explicitVr || !syntax.littleEndian) {
      throw new RangeError('Encapsulated pixel data needs Explicit VR Little Endian (PS3.5 A.4)');
    }
    writeEncapsulated(w, el);
    return;
  }
  if (el.vr === 'SQ') {
    const body = encodeItems(el.items, syntax);
    writeHeader(w, el.tag, 'SQ', body.length, syntax);
    w.bytes(body);
    return;
  }
  if (el.vr === 'OW') {
    writeHeader(w, el.tag, 'OW', el.value.length * 2, syntax);
    w.words(el.value);
    return;
  }
  let value: Uint8Array;
  if (el.vr === 'OB') {
    value = el.value;
  } else if (isNumberElement(el)) {
    value = numberValueBytes(el, syntax.littleEndian);
  } else {
    value = textValueBytes(el.vr, el.value);
  }
  const pad = value.length % 2;
  writeHeader(w, el.tag, el.vr, value.length + pad, syntax);
  w.bytes(value);
  if (pad === 1) w.bytes(new Uint8Array(1)); // OB is padded with NUL (PS3.5 6.2 "OB")
}

/** Encodes a list of elements in the order given (the caller sorts them, PS3.5 7.1). */
export function encodeElements(elements: readonly DataElement[], syntax: EncodingSyntax): Uint8Array {
  const w = new ByteWriter(syntax.littleEndian, 1 << 16);
  for (const el of elements) writeElement(w, el, syntax);
  return w.toBytes();
}

/** Elements sorted by ascending tag, as a Data Set requires (PS3.5 7.1: "ordered by increasing Tag"). */
export function sortByTag<T extends { tag: number }>(elements: readonly T[]): T[] {
  return [...elements].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
}
