/**
 * The compressed (encapsulated) transfer syntaxes this module decodes, with their names in both
 * languages and the codec that handles each. UIDs from DICOM PS3.6 Table A-1; the pixel-data
 * rules of each syntax from PS3.5 8.2 and Annexes A.4 and G.
 */
import { cleanUid } from '../dicom/transferSyntaxes';

/** Which decoder handles a syntax. */
export type CodecKind = 'rle' | 'jpeg-dct' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg-2000';

/** One supported transfer syntax. */
export interface CompressedSyntax {
  uid: string;
  /** Name as in PS3.6 Table A-1, shortened. */
  name: string;
  /** The same in Simplified Chinese. */
  nameZh: string;
  codec: CodecKind;
}

const list: CompressedSyntax[] = [
  // PS3.5 Annex G: RLE Lossless.
  { uid: '1.2.840.10008.1.2.5', name: 'RLE Lossless', nameZh: 'RLE 无损', codec: 'rle' },
  // PS3.5 8.2.1 / A.4.1: JPEG Baseline (Process 1), 8-bit.
  { uid: '1.2.840.10008.1.2.4.50', name: 'JPEG Baseline', nameZh: 'JPEG 基线', codec: 'jpeg-dct' },
  // PS3.5 8.2.1: JPEG Extended (Process 2 & 4), 8 or 12-bit.
  { uid: '1.2.840.10008.1.2.4.51', name: 'JPEG Extended', nameZh: 'JPEG 扩展', codec: 'jpeg-dct' },
  // PS3.5 8.2.1: JPEG Lossless, Non-Hierarchical (Process 14), any predictor.
  { uid: '1.2.840.10008.1.2.4.57', name: 'JPEG Lossless', nameZh: 'JPEG 无损', codec: 'jpeg-lossless' },
  // PS3.5 8.2.1: JPEG Lossless, Process 14, first-order prediction (Selection Value 1).
  {
    uid: '1.2.840.10008.1.2.4.70',
    name: 'JPEG Lossless SV1',
    nameZh: 'JPEG 无损（SV1）',
    codec: 'jpeg-lossless',
  },
  // PS3.5 8.2.3 / A.4.3: JPEG-LS (ISO/IEC 14495-1).
  { uid: '1.2.840.10008.1.2.4.80', name: 'JPEG-LS Lossless', nameZh: 'JPEG-LS 无损', codec: 'jpeg-ls' },
  {
    uid: '1.2.840.10008.1.2.4.81',
    name: 'JPEG-LS Near-Lossless',
    nameZh: 'JPEG-LS 近无损',
    codec: 'jpeg-ls',
  },
  // PS3.5 8.2.4 / A.4.4: JPEG 2000 Part 1 (ISO/IEC 15444-1).
  {
    uid: '1.2.840.10008.1.2.4.90',
    name: 'JPEG 2000 Lossless',
    nameZh: 'JPEG 2000 无损',
    codec: 'jpeg-2000',
  },
  { uid: '1.2.840.10008.1.2.4.91', name: 'JPEG 2000', nameZh: 'JPEG 2000', codec: 'jpeg-2000' },
  // PS3.5 8.2.14 / A.4.11: High-Throughput JPEG 2000 (ISO/IEC 15444-15). OpenJPEG ≥ 2.5 decodes
  // HT code-blocks, and the codec-openjpeg build does (checked by the unit tests).
  {
    uid: '1.2.840.10008.1.2.4.201',
    name: 'HTJ2K Lossless',
    nameZh: 'HTJ2K 无损',
    codec: 'jpeg-2000',
  },
  {
    uid: '1.2.840.10008.1.2.4.202',
    name: 'HTJ2K Lossless RPCL',
    nameZh: 'HTJ2K 无损（RPCL）',
    codec: 'jpeg-2000',
  },
  { uid: '1.2.840.10008.1.2.4.203', name: 'HTJ2K', nameZh: 'HTJ2K', codec: 'jpeg-2000' },
];

/** Supported compressed syntaxes by UID. */
export const COMPRESSED_SYNTAXES: ReadonlyMap<string, CompressedSyntax> = new Map(
  list.map((s) => [s.uid, s]),
);

/** The syntax for a UID (the padding of the UI value removed, PS3.5 6.2), if supported. */
export function findCompressedSyntax(uid: string): CompressedSyntax | undefined {
  return COMPRESSED_SYNTAXES.get(cleanUid(uid));
}
