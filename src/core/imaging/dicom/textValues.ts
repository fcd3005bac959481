/**
 * Reading attribute values from a dicom-parser DataSet: text decoded in the file's Specific
 * Character Set (0008,0005), numbers from string VRs (IS, DS), and binary numbers (US, SS, FL, FD)
 * whatever the data set's byte order. The value rules are PS3.5 6.2 (padding, backslash-separated
 * multiple values) and the character sets PS3.3 C.12.1.1.2 / PS3.5 6.1.2.
 */
import type { DataSet } from 'dicom-parser';
import { cleanUid } from './transferSyntaxes';

/** Defined Terms of Specific Character Set → WHATWG encoding label (PS3.3 Table C.12-2, C.12-4). */
const CHARSETS: Readonly<Record<string, string>> = {
  'ISO_IR 100': 'iso-8859-1',
  'ISO 2022 IR 100': 'iso-8859-1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO 2022 IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO 2022 IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO 2022 IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO 2022 IR 148': 'iso-8859-9',
  'ISO_IR 166': 'windows-874',
  'ISO_IR 13': 'shift_jis',
  'ISO_IR 192': 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
  'ISO 2022 IR 58': 'gbk',
  'ISO 2022 IR 149': 'euc-kr',
  'ISO 2022 IR 87': 'iso-2022-jp',
};

/** A text decoder for the data set's Specific Character Set; Latin-1 when absent or unknown. */
export function textDecoderFor(dataSet: DataSet): TextDecoder {
  const terms = (readText(dataSet, 'x00080005') ?? '').split('\\').map((t) => t.trim());
  // With code extensions the first value may be empty (the default repertoire); take the last named one.
  const named = terms.filter((t) => t !== '');
  const label = CHARSETS[named[named.length - 1] ?? ''] ?? 'iso-8859-1';
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('iso-8859-1');
  }
}

/** Whether the element is present with a non-empty value. */
export function hasValue(dataSet: DataSet, tag: string): boolean {
  const el = dataSet.elements[tag];
  return el !== undefined && el.length > 0 && el.dataOffset + el.length <= dataSet.byteArray.length;
}

/** The raw value bytes of an element, or undefined when absent, empty or past the end of the bytes. */
function valueBytes(dataSet: DataSet, tag: string): Uint8Array | undefined {
  const el = dataSet.elements[tag];
  if (el === undefined || el.length <= 0 || el.length === 0xffffffff) return undefined;
  if (el.dataOffset + el.length > dataSet.byteArray.length) return undefined;
  return dataSet.byteArray.subarray(el.dataOffset, el.dataOffset + el.length);
}

/**
 * A text value, decoded, with the padding of PS3.5 6.2 removed (trailing spaces and NULs, and
 * leading spaces); multiple values joined by `joiner`. Undefined when absent or empty.
 */
export function readText(
  dataSet: DataSet,
  tag: string,
  decoder?: TextDecoder,
  joiner = '\\',
): string | undefined {
  const bytes = valueBytes(dataSet, tag);
  if (bytes === undefined) return undefined;
  const text = (decoder ?? new TextDecoder('iso-8859-1')).decode(bytes);
  const values = text.split('\\').map((v) => cleanUid(v));
  const joined = values.join(joiner);
  return joined === '' || values.every((v) => v === '') ? undefined : joined;
}

/** The values of a multi-valued string attribute (CS, DS, IS…), trimmed. Empty array when absent. */
export function readStrings(dataSet: DataSet, tag: string): string[] {
  const text = readText(dataSet, tag);
  return text === undefined ? [] : text.split('\\');
}

/** A decimal or integer string value (DS, IS; PS3.5 Table 6.2-1) as a finite number, or undefined. */
export function readNumberString(dataSet: DataSet, tag: string, index = 0): number | undefined {
  const value = readStrings(dataSet, tag)[index];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** All the numbers of a multi-valued DS/IS attribute; undefined when absent or any value is not a number. */
export function readNumberStrings(dataSet: DataSet, tag: string): number[] | undefined {
  const values = readStrings(dataSet, tag);
  if (values.length === 0) return undefined;
  const numbers = values.map((v) => Number(v));
  return numbers.every((n) => Number.isFinite(n)) && values.every((v) => v !== '') ? numbers : undefined;
}

/**
 * An unsigned 16-bit value (US, PS3.5 Table 6.2-1) read with the data set's byte order, or
 * undefined when absent, shorter than 2 bytes or past the end of the bytes.
 */
export function readUint16(dataSet: DataSet, tag: string, index = 0): number | undefined {
  const el = dataSet.elements[tag];
  if (el === undefined || el.length < 2 * (index + 1)) return undefined;
  if (el.dataOffset + 2 * (index + 1) > dataSet.byteArray.length) return undefined;
  return dataSet.uint16(tag, index);
}

/**
 * A binary number of any of the numeric VRs (US, SS, UL, SL, FL, FD), chosen by the element's
 * explicit VR or, for implicit VR data sets, by `implicitVr` (the VR the data dictionary gives).
 */
export function readBinaryNumber(dataSet: DataSet, tag: string, implicitVr: string): number | undefined {
  const el = dataSet.elements[tag];
  if (el === undefined) return undefined;
  const vr = el.vr ?? implicitVr;
  const size = vr === 'FD' ? 8 : vr === 'UL' || vr === 'SL' || vr === 'FL' ? 4 : 2;
  if (el.length < size || el.dataOffset + size > dataSet.byteArray.length) return undefined;
  switch (vr) {
    case 'SS':
      return dataSet.int16(tag);
    case 'UL':
      return dataSet.uint32(tag);
    case 'SL':
      return dataSet.int32(tag);
    case 'FL':
      return dataSet.float(tag);
    case 'FD':
      return dataSet.double(tag);
    default:
      return dataSet.uint16(tag);
  }
}

/** The first item's data set of a sequence (SQ) element, if any. */
export function firstItem(dataSet: DataSet, tag: string): DataSet | undefined {
  return dataSet.elements[tag]?.items?.[0]?.dataSet;
}
