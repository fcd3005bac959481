/**
 * Tells what a file is from its first bytes ("magic numbers"), never from its name: a DICOM Part 10
 * file, a bare DICOM data set, PNG, JPEG, or one of the formats people pick by mistake (PDF, ZIP…).
 */
import type { BilingualMessage } from '../ImageDecodeError';
import { isJpeg } from '../raster/decodeJpegRaster';
import { isPng } from '../raster/decodePng';

/** What the content says the file is. */
export type SniffedType = 'dicom' | 'png' | 'jpeg' | 'other';

/** The two-letter Value Representations of PS3.5 Table 6.2-1. */
const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);

/** Whether the two bytes at `at` spell a Value Representation (explicit VR encoding, PS3.5 7.1.2). */
export function isVrAt(bytes: Uint8Array, at: number): boolean {
  const a = bytes[at];
  const b = bytes[at + 1];
  if (a === undefined || b === undefined) return false;
  return VRS.has(String.fromCharCode(a, b));
}

/** Whether `DICM` is at byte 128, after the 128-byte preamble (PS3.10 7.1). */
export function hasPart10Prefix(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  );
}

/** How the first element of a bare data set seems to be encoded. */
export interface ElementEncoding {
  group: number;
  element: number;
  explicit: boolean;
  bigEndian: boolean;
}

/**
 * Guesses the encoding of the element that starts at `at`: big endian when reading the group
 * big-endian gives the smaller number (groups of a data set's first elements are small: 0002,
 * 0008), explicit VR when bytes 4–5 spell a VR (PS3.5 7.1.1–7.1.3).
 */
export function peekElementEncoding(bytes: Uint8Array, at: number): ElementEncoding | undefined {
  if (bytes.length < at + 8) return undefined;
  const b0 = bytes[at] ?? 0;
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  const b3 = bytes[at + 3] ?? 0;
  const groupLe = b0 | (b1 << 8);
  const groupBe = (b0 << 8) | b1;
  const elementLe = b2 | (b3 << 8);
  const elementBe = (b2 << 8) | b3;
  const bigEndian = groupBe < groupLe || (groupBe === groupLe && elementBe < elementLe);
  return {
    group: bigEndian ? groupBe : groupLe,
    element: bigEndian ? elementBe : elementLe,
    explicit: isVrAt(bytes, at + 4),
    bigEndian,
  };
}

/**
 * Whether the bytes begin like a DICOM data set without preamble: an element of an even group
 * 0000–0028 (command, File Meta, identifying … image pixel), little or big endian, whose VR
 * (explicit) or 32-bit length (implicit) is plausible. Used both to sniff a file and to parse it.
 */
export function looksLikeBareDataSet(bytes: Uint8Array): boolean {
  const enc = peekElementEncoding(bytes, 0);
  // Group 0000 is the command group of network messages, never stored in a file (PS3.10 7.1), and
  // what a run of zero bytes looks like: such a file is not DICOM.
  if (enc === undefined || enc.group < 0x0002 || enc.group > 0x0028 || enc.group % 2 !== 0) return false;
  if (enc.explicit) return true;
  if (enc.bigEndian) return false; // implicit VR is little endian only (PS3.5 A.1)
  const length =
    ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16)) + (bytes[7] ?? 0) * 2 ** 24;
  return length === 0xffffffff || length <= bytes.length - 8;
}

/** VRs with 2 reserved bytes and a 32-bit length in explicit VR encoding (PS3.5 Table 7.1-1). */
const LONG_VRS = new Set('OB OD OF OL OV OW SQ SV UC UN UR UT UV'.split(' '));

/** The tag of an explicit VR little endian element at `at` and where it ends, if its VR is valid and its value fits. */
function explicitLeElementAt(
  bytes: Uint8Array,
  at: number,
): { tag: number; end: number | undefined } | undefined {
  if (at + 8 > bytes.length || !isVrAt(bytes, at + 4)) return undefined;
  const u8 = (k: number): number => bytes[at + k] ?? 0;
  const tag = (u8(0) | (u8(1) << 8)) * 0x10000 + (u8(2) | (u8(3) << 8));
  if (!LONG_VRS.has(String.fromCharCode(u8(4), u8(5)))) {
    const end = at + 8 + (u8(6) | (u8(7) << 8));
    return end <= bytes.length ? { tag, end } : undefined;
  }
  if (at + 12 > bytes.length) return undefined;
  const length = u8(8) + u8(9) * 0x100 + u8(10) * 0x10000 + u8(11) * 0x1000000;
  if (length === 0xffffffff) return { tag, end: undefined }; // undefined length: cannot be followed
  return at + 12 + length <= bytes.length ? { tag, end: at + 12 + length } : undefined;
}

/** How many stray bytes a bare data set may have in front of it (see bareDataSetStart). */
const MAX_STRAY_BYTES = 8;

/**
 * Where a bare data set (no preamble, no "DICM") starts: 0 when the bytes begin like one
 * (looksLikeBareDataSet); 1…8 when that many stray bytes come before two consecutive explicit VR
 * little endian elements of group 0008 in ascending tag order (PS3.5 7.1.2; 7.5: a data set is
 * sorted by tag), e.g. a data set saved with the last byte of its removed File Meta Information
 * left in front (pydicom's no_meta.dcm); undefined otherwise. Two elements are asked for so that
 * a few letters that happen to spell a VR in another kind of file are not taken for DICOM.
 */
export function bareDataSetStart(bytes: Uint8Array): number | undefined {
  if (looksLikeBareDataSet(bytes)) return 0;
  for (let skip = 1; skip <= MAX_STRAY_BYTES; skip++) {
    const first = explicitLeElementAt(bytes, skip);
    if (first?.end === undefined || Math.floor(first.tag / 0x10000) !== 0x0008) continue;
    const second = explicitLeElementAt(bytes, first.end);
    if (second !== undefined && Math.floor(second.tag / 0x10000) === 0x0008 && second.tag > first.tag) {
      return skip;
    }
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((v, i) => bytes[at + i] === v);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The file type by content: DICOM (Part 10 or bare data set, see bareDataSetStart), PNG, JPEG, or other. */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  if (hasPart10Prefix(bytes)) return 'dicom';
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  if (bareDataSetStart(bytes) !== undefined) return 'dicom';
  return 'other';
}

const thisIs = (en: string, zh: string, adviceEn: string, adviceZh: string): BilingualMessage => ({
  en: `This is ${en}, not an image.${adviceEn === '' ? '' : ` ${adviceEn}`}`,
  zh: `这是${zh}，不是图像。${adviceZh}`,
});

/**
 * Names a non-image format from its signature (PDF, ZIP, GIF, TIFF, …), or undefined when the
 * bytes match none. Signatures from each format's specification (e.g. PDF 1.7 §7.5.2 "%PDF-",
 * ZIP APPNOTE 4.3.7 "PK\x03\x04", TIFF 6.0 §2 "II*\0"/"MM\0*").
 */
export function identifyFileType(bytes: Uint8Array): BilingualMessage | undefined {
  const imageAdvice = [
    'Export it as PNG, JPEG or DICOM and open that file.',
    '请将其导出为 PNG、JPEG 或 DICOM 文件后再打开。',
  ] as const;
  if (ascii(bytes, 0, 5) === '%PDF-' || ascii(bytes, 0, 4) === '%PDF')
    return thisIs(
      'a PDF document',
      ' PDF 文档',
      'If it is a report, open it with a PDF reader.',
      '如果它是一份报告，请用 PDF 阅读器打开。',
    );
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return thisIs(
      'a ZIP archive',
      ' ZIP 压缩包',
      'Unzip it first, then open the DICOM, PNG or JPEG files inside.',
      '请先解压，再打开其中的 DICOM、PNG 或 JPEG 文件。',
    );
  if (startsWith(bytes, [0x1f, 0x8b]))
    return thisIs(
      'a gzip-compressed file',
      ' gzip 压缩文件',
      'Decompress it first, then open the file inside.',
      '请先解压，再打开其中的文件。',
    );
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return thisIs(
      'a GIF image, a format this app does not read',
      ' GIF 图片（本应用不支持该格式）',
      ...imageAdvice,
    );
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return thisIs(
      'a TIFF image, a format this app does not read',
      ' TIFF 图片（本应用不支持该格式）',
      ...imageAdvice,
    );
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26)
    return thisIs(
      'a BMP image, a format this app does not read',
      ' BMP 图片（本应用不支持该格式）',
      ...imageAdvice,
    );
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return thisIs(
      'a WebP image, a format this app does not read',
      ' WebP 图片（本应用不支持该格式）',
      ...imageAdvice,
    );
  if (
    startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) ||
    startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])
  )
    return thisIs(
      'a JPEG 2000 image, read here only inside DICOM files',
      ' JPEG 2000 图片（本应用只能读取 DICOM 文件中的此格式）',
      ...imageAdvice,
    );
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (/^(heic|heix|mif1|avif)/.test(brand))
      return thisIs(
        'a HEIC/AVIF photo, a format this app does not read',
        ' HEIC/AVIF 照片（本应用不支持该格式）',
        ...imageAdvice,
      );
    return thisIs(
      'a video (MP4/MOV)',
      '视频文件（MP4/MOV）',
      'Take a screenshot of the frame you need and save it as PNG.',
      '请截取所需的画面并保存为 PNG。',
    );
  }
  if (ascii(bytes, 344, 4) === 'n+1\0' || ascii(bytes, 344, 4) === 'ni1\0')
    return thisIs(
      'a NIfTI volume',
      ' NIfTI 体数据',
      'Convert it to DICOM or export slices as PNG.',
      '请将其转换为 DICOM，或把切片导出为 PNG。',
    );
  if (ascii(bytes, 0, 4) === 'NRRD')
    return thisIs(
      'an NRRD volume',
      ' NRRD 体数据',
      'Convert it to DICOM or export slices as PNG.',
      '请将其转换为 DICOM，或把切片导出为 PNG。',
    );
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]))
    return thisIs(
      'a RAR or 7z archive',
      ' RAR 或 7z 压缩包',
      'Extract it first, then open the files inside.',
      '请先解压，再打开其中的文件。',
    );
  const head = bytes.subarray(0, 512);
  if (head.length > 0 && head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f)))
    return thisIs('a text file', '文本文件', '', '');
  return undefined;
}
