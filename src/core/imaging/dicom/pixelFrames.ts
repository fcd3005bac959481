/**
 * From the Pixel Data element to the final samples of every frame: stored greyscale values, or
 * interleaved RGB for colour. Chooses native reading (PS3.5 8.1.1), per-frame native reading of
 * encapsulated uncompressed / deflated frames (PS3.5 A.4.11, 8.2.16), or a codec for compressed
 * syntaxes (PS3.5 A.4); checks sizes before allocating; converts colour (PS3.3 C.7.6.3.1.2–5).
 */
import type { Element } from 'dicom-parser';
import { inflateSync } from 'fflate';
import { describeThrown } from '../codecs/codecErrors';
import { decodeCompressedFrame, isCompressedSyntax } from '../codecs/decodeCompressedFrame';
import type { FrameInfo } from '../codecs/decodeCompressedFrame';
import type { StoredSamples } from '../codecs/toStoredSamples';
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../ImageDecodeError';
import type { BilingualMessage } from '../ImageDecodeError';
import { expandYbr422, planarToInterleaved, rctToRgb, ybrToRgb } from './colour';
import {
  corruptError,
  shortPixelDataError,
  tooLargeError,
  unsupportedPixelsError,
  unsupportedSyntaxError,
} from './dicomErrors';
import { readEncapsulatedFrames } from './encapsulatedFrames';
import { nativePixelBytes, readNativeFrame } from './nativePixels';
import type { PixelLayout } from './nativePixels';
import { applyPalette, readPaletteLut } from './paletteLut';
import type { ParsedDicom } from './parseDicomFile';
import type { ImageAttributes } from './readAttributes';
import {
  DEFLATED_IMAGE_FRAME,
  isEncapsulatedNativeSyntax,
  isNativeSyntax,
  transferSyntaxNames,
} from './transferSyntaxes';

/** The decoded frames and what their values mean. */
export interface FrameSet {
  frames: StoredSamples[];
  /** 1: greyscale stored values; 3: interleaved RGB. */
  samplesPerPixel: 1 | 3;
  /** Bits of the output values: Bits Allocated / Stored of the file, or of the palette entries. */
  bitsAllocated: number;
  bitsStored: number;
}

type ColourModel = 'grey' | 'palette' | 'rgb' | 'ybr-full' | 'ybr-partial' | 'ybr-rct';

function colourModel(photometric: string, samplesPerPixel: number): ColourModel {
  if (samplesPerPixel === 1) return photometric === 'PALETTE COLOR' ? 'palette' : 'grey';
  if (photometric === 'YBR_FULL' || photometric === 'YBR_FULL_422' || photometric === 'YBR_ICT')
    return 'ybr-full';
  if (photometric === 'YBR_PARTIAL_422' || photometric === 'YBR_PARTIAL_420') return 'ybr-partial';
  if (photometric === 'YBR_RCT') return 'ybr-rct';
  return 'rgb';
}

/** Bits Allocated when the header lacks it: from Bits Stored, else from the pixel data length. */
function inferBitsAllocated(attrs: ImageAttributes, samples: number, availableBytes: number): number {
  const stored = attrs.bitsStored;
  if (stored !== undefined) return stored <= 1 ? 1 : stored <= 8 ? 8 : stored <= 16 ? 16 : 32;
  for (const bits of [32, 16, 8]) if ((samples * bits) / 8 <= availableBytes) return bits;
  return 8;
}

function describeSize(layout: PixelLayout, frames: number): BilingualMessage {
  const { rows, columns, samplesPerPixel: spp, bitsAllocated: bits } = layout;
  return {
    en: `${rows} × ${columns} pixels × ${frames} frame${frames === 1 ? '' : 's'} × ${spp} sample${spp === 1 ? '' : 's'} of ${bits} bit${bits === 1 ? '' : 's'}`,
    zh: `${rows} × ${columns} 像素 × ${frames} 帧 × ${spp} 个样本（每个样本 ${bits} 位）`,
  };
}

/** Reads frames natively from the Pixel Data value. */
function nativeFrames(
  parsed: ParsedDicom,
  pixelData: Element,
  layout: PixelLayout,
  frames: number,
): StoredSamples[] {
  const bytes = parsed.dataSet.byteArray;
  const available = Math.max(0, Math.min(pixelData.length, bytes.length - pixelData.dataOffset));
  const need = nativePixelBytes(layout, frames);
  if (available < need) throw shortPixelDataError(available, need, describeSize(layout, frames));
  const data = bytes.subarray(pixelData.dataOffset, pixelData.dataOffset + available);
  const bigEndian = parsed.pixelsBigEndian;
  const order = { bigEndian, wordSwapped: bigEndian && pixelData.vr === 'OW' && layout.bitsAllocated <= 8 };
  return Array.from({ length: frames }, (_, i) => readNativeFrame(data, i, layout, order));
}

/** Encapsulated native frames (PS3.5 A.4.11), raw-deflated first for Deflated Image Frame (8.2.16). */
function encapsulatedNativeFrames(
  parsed: ParsedDicom,
  pixelData: Element,
  layout: PixelLayout,
  frames: number,
): StoredSamples[] {
  const deflated = parsed.transferSyntaxUid === DEFLATED_IMAGE_FRAME;
  return readEncapsulatedFrames(parsed.dataSet, pixelData, frames).map((encoded, i) => {
    let bytes = encoded;
    if (deflated) {
      try {
        bytes = inflateSync(encoded);
      } catch (e) {
        throw corruptError(
          { en: `frame ${i} cannot be inflated (${describeThrown(e)}).`, zh: `第 ${i} 帧无法解压。` },
          e,
        );
      }
    }
    const need = nativePixelBytes(layout, 1);
    if (bytes.length < need) throw shortPixelDataError(bytes.length, need, describeSize(layout, 1));
    return readNativeFrame(bytes, 0, layout, { bigEndian: false, wordSwapped: false });
  });
}

/** Compressed frames through the codecs (which mask or sign-extend the values to Bits Stored). */
async function compressedFrames(
  parsed: ParsedDicom,
  pixelData: Element,
  layout: PixelLayout,
  frames: number,
  attrs: ImageAttributes,
): Promise<{ frames: StoredSamples[]; planar: boolean; colourConverted: boolean }> {
  const uid = parsed.transferSyntaxUid;
  const info: FrameInfo = {
    rows: layout.rows,
    columns: layout.columns,
    samplesPerPixel: layout.samplesPerPixel,
    bitsAllocated: layout.bitsAllocated,
    bitsStored: layout.bitsStored,
    pixelRepresentation: layout.pixelRepresentation,
    planarConfiguration: attrs.planarConfiguration,
    photometricInterpretation: attrs.photometricInterpretation,
  };
  const out: StoredSamples[] = [];
  let planar = false;
  let colourConverted = false;
  const encoded = readEncapsulatedFrames(parsed.dataSet, pixelData, frames);
  for (const [i, bytes] of encoded.entries()) {
    let decoded;
    try {
      decoded = await decodeCompressedFrame(uid, bytes, info);
    } catch (e) {
      if (e instanceof ImageDecodeError) throw e;
      const names = transferSyntaxNames(uid);
      throw corruptError(
        {
          en: `frame ${i} (${names.en}) cannot be decompressed (${describeThrown(e)}).`,
          zh: `第 ${i} 帧（${names.zh}）无法解压。`,
        },
        e,
      );
    }
    planar = decoded.planar;
    colourConverted = decoded.colourConverted;
    out.push(decoded.pixels);
  }
  return { frames: out, planar, colourConverted };
}

/**
 * Decodes all frames up front (decompression is asynchronous), each in its smallest typed array.
 * Throws ImageDecodeError ('too-large' before any pixel buffer is allocated, 'truncated',
 * 'corrupt', 'unsupported-transfer-syntax').
 */
export async function decodePixelFrames(
  parsed: ParsedDicom,
  attrs: ImageAttributes,
  pixelData: Element,
): Promise<FrameSet> {
  const { rows, columns, numberOfFrames: frames, samplesPerPixel: spp } = attrs;
  const photometric = attrs.photometricInterpretation.toUpperCase().replace(/\s+/g, ' ');
  if (photometric === 'ARGB' || photometric === 'CMYK' || photometric === 'HSV' || spp === 4) {
    throw unsupportedPixelsError({
      en: `the retired colour model ${photometric} (PS3.3 C.7.6.3.1.2). Convert it to RGB with a DICOM tool.`,
      zh: `已废止的颜色模型 ${photometric}（PS3.3 C.7.6.3.1.2）。请用 DICOM 工具将其转换为 RGB。`,
    });
  }
  if (rows <= 0 || columns <= 0) {
    throw corruptError({
      en: 'Rows (0028,0010) or Columns (0028,0011) is missing or 0.',
      zh: '行数（0028,0010）或列数（0028,0011）缺失或为 0。',
    });
  }
  if (spp !== 1 && spp !== 3) {
    throw corruptError({
      en: `Samples per Pixel (0028,0002) is ${spp}; it must be 1 or 3.`,
      zh: `每像素样本数（0028,0002）为 ${spp}，应为 1 或 3。`,
    });
  }
  const model = colourModel(photometric, spp);
  const outSamples = model === 'grey' ? 1 : 3;
  if (rows * columns * frames * outSamples > MAX_IMAGE_SAMPLES)
    throw tooLargeError(rows, columns, frames, outSamples);

  const uid = parsed.transferSyntaxUid;
  const encapsulated = pixelData.encapsulatedPixelData === true;
  const subsampled422 = spp === 3 && (photometric === 'YBR_FULL_422' || photometric === 'YBR_PARTIAL_422');
  const bytesLeft = Math.max(0, parsed.dataSet.byteArray.length - pixelData.dataOffset);
  const nativeSamples = rows * (subsampled422 ? Math.ceil(columns / 2) * 4 : columns * spp) * frames;
  const bitsAllocated =
    attrs.bitsAllocated ?? inferBitsAllocated(attrs, nativeSamples, Math.min(pixelData.length, bytesLeft));
  if (![1, 8, 16, 32].includes(bitsAllocated)) {
    throw unsupportedPixelsError({
      en: `Bits Allocated (0028,0100) is ${bitsAllocated}; only 1, 8, 16 and 32 are read (packed 12-bit ACR-NEMA data is not).`,
      zh: `分配位数（0028,0100）为 ${bitsAllocated}；只支持 1、8、16 和 32（不支持 ACR-NEMA 的 12 位压缩存储）。`,
    });
  }
  const bitsStored = Math.min(Math.max(attrs.bitsStored ?? bitsAllocated, 1), bitsAllocated);
  const highBit =
    attrs.highBit !== undefined && attrs.highBit >= bitsStored - 1 && attrs.highBit < bitsAllocated
      ? attrs.highBit
      : bitsStored - 1;
  const layout: PixelLayout = {
    rows,
    columns,
    samplesPerPixel: spp,
    bitsAllocated,
    bitsStored,
    highBit,
    // Colour samples are unsigned whatever a faulty header says (PS3.3 C.7.6.3.1.2 colour models).
    pixelRepresentation: spp === 3 ? 0 : attrs.pixelRepresentation,
    subsampled422: false,
  };

  let raw: StoredSamples[];
  let planar = attrs.planarConfiguration === 1 && spp === 3 && !subsampled422;
  let colourConverted = false;
  // Native frames keep the 4:2:2 layout of PS3.3 C.7.6.3.1.2; codecs return full-resolution samples.
  let expand422 = subsampled422;
  const nativeLayout: PixelLayout = { ...layout, subsampled422 };
  if (encapsulated && isEncapsulatedNativeSyntax(uid)) {
    raw = encapsulatedNativeFrames(parsed, pixelData, nativeLayout, frames);
  } else if (encapsulated && isCompressedSyntax(uid)) {
    ({
      frames: raw,
      planar,
      colourConverted,
    } = await compressedFrames(parsed, pixelData, layout, frames, attrs));
    expand422 = false;
  } else if (encapsulated) {
    throw isNativeSyntax(uid)
      ? corruptError({
          en: `its pixel data is encapsulated (compressed) although the transfer syntax ${uid} is uncompressed.`,
          zh: `其传输语法 ${uid} 表示未压缩，但像素数据却是封装（压缩）格式。`,
        })
      : unsupportedSyntaxError(uid);
  } else if (isNativeSyntax(uid) || nativeLengthMatches(pixelData, nativeLayout, frames)) {
    // Native syntaxes, and mislabelled files whose value length is exactly that of native data.
    raw = nativeFrames(parsed, pixelData, nativeLayout, frames);
  } else if (isCompressedSyntax(uid)) {
    throw corruptError({
      en: `the transfer syntax ${uid} says the pixel data is compressed, but it is not encapsulated.`,
      zh: `传输语法 ${uid} 表示像素数据已压缩，但像素数据并未封装。`,
    });
  } else {
    throw unsupportedSyntaxError(uid);
  }
  return finishColour(raw, model, { layout, planar, colourConverted, expand422 }, parsed, attrs);
}

/** Whether a defined-length value holds exactly the native bytes (allowing the even-length pad byte). */
function nativeLengthMatches(pixelData: Element, layout: PixelLayout, frames: number): boolean {
  const need = nativePixelBytes(layout, frames);
  return pixelData.length === need || pixelData.length === need + 1;
}

/** Colour conversion of every frame to interleaved RGB; greyscale frames are returned as they are. */
function finishColour(
  raw: StoredSamples[],
  model: ColourModel,
  state: { layout: PixelLayout; planar: boolean; colourConverted: boolean; expand422: boolean },
  parsed: ParsedDicom,
  attrs: ImageAttributes,
): FrameSet {
  const { layout } = state;
  const pixels = layout.rows * layout.columns;
  if (model === 'grey') {
    return {
      frames: raw,
      samplesPerPixel: 1,
      bitsAllocated: layout.bitsAllocated,
      bitsStored: layout.bitsStored,
    };
  }
  if (model === 'palette') {
    const lut = readPaletteLut(parsed.dataSet, attrs.pixelRepresentation, parsed.encoding === 'explicit-be');
    const frames = raw.map((f) => applyPalette(f, lut));
    return { frames, samplesPerPixel: 3, bitsAllocated: lut.bits, bitsStored: lut.bits };
  }
  const frames = raw.map((f) => {
    let rgb = state.planar ? planarToInterleaved(f, pixels, 3) : f;
    if (state.expand422) rgb = expandYbr422(rgb, layout.rows, layout.columns);
    if (state.colourConverted || model === 'rgb') return rgb;
    if (model === 'ybr-rct') return rctToRgb(rgb, layout.bitsStored);
    return ybrToRgb(rgb, layout.bitsStored, model === 'ybr-full' ? 'full' : 'partial');
  });
  return { frames, samplesPerPixel: 3, bitsAllocated: layout.bitsAllocated, bitsStored: layout.bitsStored };
}
