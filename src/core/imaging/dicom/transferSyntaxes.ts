/**
 * Transfer Syntax UIDs: their names (for messages and the metadata panel) and how this module
 * reads each one. UIDs and names from the DICOM Registry of Unique Identifiers, PS3.6 Table A-1;
 * the encodings from PS3.5 Section 10 and Annex A.
 */

/** Implicit VR Little Endian, the default syntax (PS3.5 A.1). */
export const IMPLICIT_LE = '1.2.840.10008.1.2';
/** Explicit VR Little Endian (PS3.5 A.2). */
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
/** Explicit VR Big Endian, retired (PS3.5 A.3). */
export const EXPLICIT_BE = '1.2.840.10008.1.2.2';
/** Deflated Explicit VR Little Endian: the data set after the meta header is raw deflate, RFC 1951 (PS3.5 A.5). */
export const DEFLATED_LE = '1.2.840.10008.1.2.1.99';
/** Encapsulated Uncompressed Explicit VR Little Endian: one native frame per fragment (PS3.5 A.4.11). */
export const ENCAPSULATED_UNCOMPRESSED = '1.2.840.10008.1.2.1.98';
/** Deflated Image Frame Compression: each frame is a raw-deflated native frame (PS3.5 8.2.16, A.4.12). */
export const DEFLATED_IMAGE_FRAME = '1.2.840.10008.1.2.8.1';
/**
 * GE private syntax: Implicit VR Little Endian data set with big endian pixel data (dcmtk dcxfer.cc,
 * "Private GE Little Endian Implicit with big endian pixel data"); found in old GE archives.
 */
export const GE_PRIVATE_IMPLICIT_LE_BE_PIXELS = '1.2.840.113619.5.2';

/** How the data set of a syntax is encoded on disk. */
export type DataSetEncoding = 'implicit-le' | 'explicit-le' | 'explicit-be' | 'deflated';

/** [English name, Chinese name]. Chinese names keep the technical terms (JPEG, MPEG, VR). */
const NAMES: Readonly<Record<string, readonly [string, string]>> = {
  [IMPLICIT_LE]: ['Implicit VR Little Endian', '隐式 VR 小端序'],
  [EXPLICIT_LE]: ['Explicit VR Little Endian', '显式 VR 小端序'],
  [ENCAPSULATED_UNCOMPRESSED]: [
    'Encapsulated Uncompressed Explicit VR Little Endian',
    '封装的未压缩显式 VR 小端序',
  ],
  [DEFLATED_LE]: ['Deflated Explicit VR Little Endian', 'Deflate 压缩的显式 VR 小端序'],
  [EXPLICIT_BE]: ['Explicit VR Big Endian', '显式 VR 大端序'],
  '1.2.840.10008.1.2.4.50': ['JPEG Baseline (Process 1)', 'JPEG 基线（过程 1）'],
  '1.2.840.10008.1.2.4.51': ['JPEG Extended (Process 2 & 4)', 'JPEG 扩展（过程 2 和 4）'],
  '1.2.840.10008.1.2.4.52': ['JPEG Extended (Process 3 & 5)', 'JPEG 扩展（过程 3 和 5）'],
  '1.2.840.10008.1.2.4.53': ['JPEG Spectral Selection (Process 6 & 8)', 'JPEG 频谱选择（过程 6 和 8）'],
  '1.2.840.10008.1.2.4.54': ['JPEG Spectral Selection (Process 7 & 9)', 'JPEG 频谱选择（过程 7 和 9）'],
  '1.2.840.10008.1.2.4.55': ['JPEG Full Progression (Process 10 & 12)', 'JPEG 完全渐进（过程 10 和 12）'],
  '1.2.840.10008.1.2.4.56': ['JPEG Full Progression (Process 11 & 13)', 'JPEG 完全渐进（过程 11 和 13）'],
  '1.2.840.10008.1.2.4.57': ['JPEG Lossless (Process 14)', 'JPEG 无损（过程 14）'],
  '1.2.840.10008.1.2.4.58': ['JPEG Lossless (Process 15)', 'JPEG 无损（过程 15）'],
  '1.2.840.10008.1.2.4.59': [
    'JPEG Extended Hierarchical (Process 16 & 18)',
    'JPEG 扩展分层（过程 16 和 18）',
  ],
  '1.2.840.10008.1.2.4.65': ['JPEG Lossless Hierarchical (Process 28)', 'JPEG 无损分层（过程 28）'],
  '1.2.840.10008.1.2.4.70': [
    'JPEG Lossless, First-Order Prediction (Process 14 SV1)',
    'JPEG 无损，一阶预测（过程 14 SV1）',
  ],
  '1.2.840.10008.1.2.4.80': ['JPEG-LS Lossless', 'JPEG-LS 无损'],
  '1.2.840.10008.1.2.4.81': ['JPEG-LS Near-Lossless', 'JPEG-LS 近无损'],
  '1.2.840.10008.1.2.4.90': ['JPEG 2000 (Lossless Only)', 'JPEG 2000（仅无损）'],
  '1.2.840.10008.1.2.4.91': ['JPEG 2000', 'JPEG 2000'],
  '1.2.840.10008.1.2.4.92': [
    'JPEG 2000 Part 2 Multi-component (Lossless Only)',
    'JPEG 2000 第 2 部分多分量（仅无损）',
  ],
  '1.2.840.10008.1.2.4.93': ['JPEG 2000 Part 2 Multi-component', 'JPEG 2000 第 2 部分多分量'],
  '1.2.840.10008.1.2.4.94': ['JPIP Referenced', 'JPIP 引用'],
  '1.2.840.10008.1.2.4.95': ['JPIP Referenced Deflate', 'JPIP 引用（Deflate）'],
  '1.2.840.10008.1.2.4.100': ['MPEG2 Main Profile @ Main Level', 'MPEG2 视频'],
  '1.2.840.10008.1.2.4.100.1': ['MPEG2 Main Profile @ Main Level (fragmentable)', 'MPEG2 视频'],
  '1.2.840.10008.1.2.4.101': ['MPEG2 Main Profile @ High Level', 'MPEG2 视频'],
  '1.2.840.10008.1.2.4.101.1': ['MPEG2 Main Profile @ High Level (fragmentable)', 'MPEG2 视频'],
  '1.2.840.10008.1.2.4.102': ['MPEG-4 AVC/H.264 High Profile', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.102.1': ['MPEG-4 AVC/H.264 High Profile (fragmentable)', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.103': ['MPEG-4 AVC/H.264 BD-compatible High Profile', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.103.1': ['MPEG-4 AVC/H.264 BD-compatible (fragmentable)', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.104': ['MPEG-4 AVC/H.264 High Profile for 2D Video', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.104.1': ['MPEG-4 AVC/H.264 for 2D Video (fragmentable)', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.105': ['MPEG-4 AVC/H.264 High Profile for 3D Video', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.105.1': ['MPEG-4 AVC/H.264 for 3D Video (fragmentable)', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.106': ['MPEG-4 AVC/H.264 Stereo High Profile', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.106.1': ['MPEG-4 AVC/H.264 Stereo (fragmentable)', 'MPEG-4 AVC/H.264 视频'],
  '1.2.840.10008.1.2.4.107': ['HEVC/H.265 Main Profile', 'HEVC/H.265 视频'],
  '1.2.840.10008.1.2.4.108': ['HEVC/H.265 Main 10 Profile', 'HEVC/H.265 视频'],
  '1.2.840.10008.1.2.4.110': ['JPEG XL Lossless', 'JPEG XL 无损'],
  '1.2.840.10008.1.2.4.111': ['JPEG XL JPEG Recompression', 'JPEG XL（JPEG 重压缩）'],
  '1.2.840.10008.1.2.4.112': ['JPEG XL', 'JPEG XL'],
  '1.2.840.10008.1.2.4.201': ['HTJ2K (Lossless Only)', 'HTJ2K（仅无损）'],
  '1.2.840.10008.1.2.4.202': ['HTJ2K with RPCL Options (Lossless Only)', 'HTJ2K RPCL（仅无损）'],
  '1.2.840.10008.1.2.4.203': ['HTJ2K', 'HTJ2K'],
  '1.2.840.10008.1.2.4.204': ['JPIP HTJ2K Referenced', 'JPIP HTJ2K 引用'],
  '1.2.840.10008.1.2.4.205': ['JPIP HTJ2K Referenced Deflate', 'JPIP HTJ2K 引用（Deflate）'],
  '1.2.840.10008.1.2.5': ['RLE Lossless', 'RLE 无损'],
  '1.2.840.10008.1.2.6.1': ['RFC 2557 MIME Encapsulation', 'RFC 2557 MIME 封装'],
  '1.2.840.10008.1.2.6.2': ['XML Encoding', 'XML 编码'],
  '1.2.840.10008.1.2.7.1': ['SMPTE ST 2110-20 Progressive Video', 'SMPTE ST 2110-20 视频'],
  '1.2.840.10008.1.2.7.2': ['SMPTE ST 2110-20 Interlaced Video', 'SMPTE ST 2110-20 视频'],
  '1.2.840.10008.1.2.7.3': ['SMPTE ST 2110-30 PCM Audio', 'SMPTE ST 2110-30 音频'],
  [DEFLATED_IMAGE_FRAME]: ['Deflated Image Frame Compression', 'Deflate 图像帧压缩'],
  [GE_PRIVATE_IMPLICIT_LE_BE_PIXELS]: [
    'GE Private Implicit VR Little Endian, big endian pixels',
    'GE 私有隐式 VR 小端序',
  ],
};

/**
 * A UID as written in a UI value, without its padding (PS3.5 6.2, 9.1): trailing NULs and
 * whitespace, leading whitespace. readText trims every text value this way.
 */
export function cleanUid(uid: string): string {
  return uid.replace(/[\0\s]+$/, '').replace(/^\s+/, '');
}

/** The PS3.6 Table A-1 name of a Transfer Syntax UID, in English and Chinese; the UID itself when unknown. */
export function transferSyntaxNames(uid: string): { en: string; zh: string; known: boolean } {
  const names = NAMES[cleanUid(uid)];
  if (names === undefined) return { en: `unknown syntax ${uid}`, zh: `未知语法 ${uid}`, known: false };
  return { en: names[0], zh: names[1], known: true };
}

/**
 * Syntaxes whose pixel data is stored uncompressed in the Pixel Data element (PS3.5 A.1, A.2, A.3,
 * A.5), read by nativePixels.
 */
export function isNativeSyntax(uid: string): boolean {
  return (
    uid === IMPLICIT_LE ||
    uid === EXPLICIT_LE ||
    uid === EXPLICIT_BE ||
    uid === DEFLATED_LE ||
    uid === GE_PRIVATE_IMPLICIT_LE_BE_PIXELS
  );
}

/** Encapsulated syntaxes whose frames are native frames (possibly deflated), decoded here without a codec. */
export function isEncapsulatedNativeSyntax(uid: string): boolean {
  return uid === ENCAPSULATED_UNCOMPRESSED || uid === DEFLATED_IMAGE_FRAME;
}

/** How the data set after the File Meta Information is encoded under a syntax (PS3.5 10.1, A.1–A.5). */
export function dataSetEncodingOf(uid: string): DataSetEncoding {
  if (uid === IMPLICIT_LE || uid === GE_PRIVATE_IMPLICIT_LE_BE_PIXELS) return 'implicit-le';
  if (uid === EXPLICIT_BE) return 'explicit-be';
  if (uid === DEFLATED_LE) return 'deflated';
  // Every other standard syntax, compressed or not, uses Explicit VR Little Endian (PS3.5 A.4).
  return 'explicit-le';
}
