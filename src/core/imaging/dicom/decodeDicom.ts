/**
 * decodeDicom: the bytes of a DICOM file → a DicomImage (types.ts). Parsing, attributes, pixel
 * frames and colour are in the neighbouring modules; this one assembles the image and guarantees
 * that nothing but an ImageDecodeError ever escapes.
 */
import { describeThrown } from '../codecs/codecErrors';
import { ImageDecodeError } from '../ImageDecodeError';
import type { DicomImage } from '../types';
import { corruptError, frameIndexError, unsupportedPixelsError, unsupportedSyntaxError } from './dicomErrors';
import { readHeader } from './headerAttributes';
import { findPhi } from './phiAttributes';
import { decodePixelFrames } from './pixelFrames';
import type { FrameSet } from './pixelFrames';
import { mapParserError, parseDicomFile } from './parseDicomFile';
import type { ParsedDicom } from './parseDicomFile';
import { readAttributes } from './readAttributes';
import type { ImageAttributes } from './readAttributes';
import { noPixelDataError } from './sopClassNames';

/** Anything thrown → ImageDecodeError ('corrupt' unless it is already one or a parser error). */
function asImageDecodeError(e: unknown): ImageDecodeError {
  if (e instanceof ImageDecodeError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return corruptError(
      { en: 'its sequences are nested too deeply to be read.', zh: '其序列嵌套过深，无法读取。' },
      e,
    );
  }
  if (typeof e === 'string' || (typeof e === 'object' && e !== null && 'exception' in e))
    return mapParserError(e);
  return corruptError({ en: `it could not be decoded (${describeThrown(e)}).`, zh: '无法解码。' }, e);
}

/** The metadata panel's header, with what the decoder repaired on the way (`DecoderNotes`). */
function headerOf(parsed: ParsedDicom, attrs: ImageAttributes): Record<string, string> {
  const header = readHeader(parsed.dataSet, parsed.transferSyntaxUid, attrs.sopClassUid);
  if (parsed.warnings.length > 0) header.DecoderNotes = parsed.warnings.join(' ');
  return header;
}

function buildImage(parsed: ParsedDicom, attrs: ImageAttributes, set: FrameSet): DicomImage {
  const { frames } = set;
  const colour = set.samplesPerPixel === 3;
  // The modality LUT (rescale) applies to greyscale images only (PS3.3 C.11.1).
  const slope = colour ? 1 : attrs.rescaleSlope;
  const intercept = colour ? 0 : attrs.rescaleIntercept;
  const get = (index: number) => {
    const f = Number.isInteger(index) ? frames[index] : undefined;
    if (f === undefined) throw frameIndexError(index, frames.length);
    return f;
  };
  return {
    kind: 'dicom',
    rows: attrs.rows,
    columns: attrs.columns,
    numberOfFrames: frames.length,
    samplesPerPixel: set.samplesPerPixel,
    photometricInterpretation: attrs.photometricInterpretation,
    modality: attrs.modality,
    transferSyntaxUid: parsed.transferSyntaxUid,
    bitsAllocated: set.bitsAllocated,
    bitsStored: set.bitsStored,
    pixelRepresentation: colour ? 0 : attrs.pixelRepresentation,
    rescaleSlope: slope,
    rescaleIntercept: intercept,
    unit: colour ? '' : attrs.unit,
    windowCenter: attrs.windowCenter,
    windowWidth: attrs.windowWidth,
    pixelSpacing: attrs.pixelSpacing,
    sliceThickness: attrs.sliceThickness,
    phi: findPhi(parsed.dataSet, parsed.meta),
    header: headerOf(parsed, attrs),
    frame(index: number): Float32Array {
      const stored = get(index);
      const out = new Float32Array(stored.length);
      if (slope === 1 && intercept === 0) {
        out.set(stored);
      } else {
        for (let i = 0; i < stored.length; i++) out[i] = (stored[i] ?? 0) * slope + intercept;
      }
      return out;
    },
    storedFrame(index: number): Int32Array {
      return Int32Array.from(get(index));
    },
  };
}

/**
 * Decodes a DICOM file: Part 10 or bare data set; Implicit/Explicit VR Little Endian, Explicit VR
 * Big Endian, Deflated (PS3.5 A.1–A.5), Encapsulated Uncompressed and Deflated Image Frame
 * (A.4.11, 8.2.16), and the compressed syntaxes of codecs/decodeCompressedFrame (RLE, JPEG,
 * JPEG-LS, JPEG 2000, HTJ2K). All frames are decoded up front, each kept in its smallest typed
 * array; `frame(i)` applies the modality LUT (stored × Rescale Slope + Rescale Intercept, PS3.3
 * C.11.1) lazily. Colour (RGB, YBR_*, PALETTE COLOR) comes back as interleaved RGB with
 * samplesPerPixel 3, no rescale, values 0 … 2^bitsStored − 1 (for PALETTE COLOR, bitsStored is the
 * palette entry size, 8 or 16, PS3.3 C.7.6.3.1.5). MONOCHROME1 values are not inverted.
 *
 * Rejects only with ImageDecodeError: 'not-dicom', 'no-pixel-data' (with what the file is, from
 * its SOP Class), 'unsupported-transfer-syntax', 'truncated' (how many bytes are missing),
 * 'too-large' (checked before any pixel buffer is allocated) or 'corrupt'.
 */
export async function decodeDicom(bytes: Uint8Array): Promise<DicomImage> {
  try {
    const parsed = parseDicomFile(bytes);
    const attrs = readAttributes(parsed.dataSet, parsed.meta);
    const elements = parsed.dataSet.elements;
    const pixelData = elements.x7fe00010;
    if (pixelData === undefined) {
      if (elements.x7fe00008 !== undefined || elements.x7fe00009 !== undefined) {
        throw unsupportedPixelsError({
          en: 'floating-point pixel data (Float / Double Float Pixel Data, 7FE0,0008–0009), as in parametric maps.',
          zh: '浮点像素数据（7FE0,0008–0009，常见于参数图）。',
        });
      }
      // JPIP Referenced syntaxes keep the pixels on a server: Pixel Data Provider URL (0028,7FE0), PS3.5 A.6.
      if (elements.x00287fe0 !== undefined) throw unsupportedSyntaxError(parsed.transferSyntaxUid);
      throw noPixelDataError(attrs.sopClassUid);
    }
    const set = await decodePixelFrames(parsed, attrs, pixelData);
    return buildImage(parsed, attrs, set);
  } catch (e) {
    throw asImageDecodeError(e);
  }
}
