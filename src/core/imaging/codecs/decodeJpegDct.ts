/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and JPEG Extended (…4.51): the DCT processes of
 * ISO/IEC 10918-1, PS3.5 8.2.1. 8-bit streams go to libjpeg-turbo (WebAssembly, decoded to GRAY
 * or RGB by tjDecompress2, so colour comes back already converted from YCbCr); 12-bit streams
 * (Process 4, SOF1 with P = 12) go to Cornerstone's JavaScript JpegImage, which keeps 12 bits in
 * `getData16` (cornerstone3D dicomImageLoader decodeJPEGBaseline12Bit-js).
 *
 * Real streams are accepted as GDCM accepts them: padding (00 or FF) after the end-of-image marker,
 * or no EOI at all (one is appended, see withEndOfImage); and RGB samples that were never
 * transformed to YCbCr are kept as they are when the data set says RGB (see storesUntransformedRgb).
 */
import {
  corruptFrame,
  describeThrown,
  noJpegFrameHeader,
  truncatedFrame,
  unsupportedFormat,
} from './codecErrors';
import type { CodecOutput, JpegTurboModule } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';
import { wasmCodecLoader } from './loadWasmCodec';
import {
  type JpegColourMarkers,
  endsWithEoi,
  LOSSLESS_SOF_MARKERS,
  readJpegColourMarkers,
  readJpegFrameHeader,
  withEndOfImage,
} from './readJpegFrameHeader';

/** libjpeg-turbo, started on first use. */
export const loadLibjpegTurbo = wasmCodecLoader<JpegTurboModule>({
  factory: () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
  wasmUrl: async () => (await import('./wasmUrls')).libjpegTurboWasmUrl,
});

type JpegImageClass = typeof import('cornerstone-jpeg12').default;
let jpegImage: Promise<JpegImageClass> | null = null;
/** Cornerstone's JpegImage, imported on first use. */
function loadJpegImage(): Promise<JpegImageClass> {
  jpegImage ??= import('cornerstone-jpeg12').then((m) => m.default);
  return jpegImage;
}

/**
 * Whether a three-component stream holds RGB that was never transformed to YCbCr although libjpeg
 * would take it for YCbCr, so that decoding must skip the colour conversion. PS3.5 8.2.1: a JPEG
 * stream in RGB is labelled RGB, one in YCbCr YBR_FULL_422 (or YBR_FULL). libjpeg
 * (jdapimin.c default_decompress_parms) follows a JFIF APP0 (YCbCr) or an Adobe APP14 (its transform
 * flag), then the component identifiers: 1, 2, 3 → YCbCr, 'R', 'G', 'B' → RGB, anything else →
 * YCbCr. GDCM and pydicom instead trust an RGB label whenever neither marker is there. Both rules
 * meet real files: Aperio slide tiles in RGB with identifiers 0, 1, 2 and no marker (pydicom's
 * SC_jpeg_no_color_transform.dcm), and GDCM-written YCbCr streams labelled RGB with identifiers
 * 1, 2, 3 and subsampled chroma (SC_rgb_jpeg_lossy_gdcm.dcm, which only the YCbCr reading matches
 * to its lossless original). So the RGB label wins only when libjpeg would be guessing from
 * identifiers other than 1, 2, 3 and no component is subsampled (subsampling is done on chroma).
 */
export function storesUntransformedRgb(markers: JpegColourMarkers, photometric: string): boolean {
  if (photometric.trim() !== 'RGB' || markers.componentIds.length !== 3) return false;
  if (markers.jfif || markers.adobeTransform !== undefined) return false; // libjpeg follows them
  const [a, b, c] = markers.componentIds;
  if (a === 1 && b === 2 && c === 3) return false; // JFIF numbering: YCbCr
  if (a === 0x52 && b === 0x47 && c === 0x42) return false; // 'R', 'G', 'B': libjpeg reads RGB already
  return markers.sameSampling;
}

/**
 * The stream with an Adobe APP14 segment saying "transform 0" (no colour transform: the components
 * are RGB) right after SOI, so that libjpeg decodes it without converting from YCbCr
 * (jdmarker.c examine_app14: 12 data bytes "Adobe", version, flags0, flags1, transform).
 */
function withAdobeRgbMarker(bytes: Uint8Array): Uint8Array {
  // FF EE, length 14, "Adobe", version 100, flags0 0, flags1 0, transform 0.
  const app14 = [0xff, 0xee, 0x00, 0x0e, 0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0, 0, 0, 0, 0];
  const out = new Uint8Array(bytes.length + app14.length);
  out.set(bytes.subarray(0, 2));
  out.set(app14, 2);
  out.set(bytes.subarray(2), 2 + app14.length);
  return out;
}

/**
 * Decodes an 8-bit JPEG with libjpeg-turbo. Greyscale stays one component; three components come
 * back as interleaved RGB (`colourConverted`): converted from YCbCr when the stream is YCbCr, as
 * stored when it is RGB (`photometric`, the data set's Photometric Interpretation, decides the
 * doubtful case, see storesUntransformedRgb). A stream without EOI is decoded with one appended and
 * reported 'truncated' only when that fails.
 */
export async function decodeJpegTurbo(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  photometric = '',
): Promise<CodecOutput> {
  const hasEoi = endsWithEoi(bytes);
  let stream = withEndOfImage(bytes);
  const markers = readJpegColourMarkers(stream);
  if (markers !== null && storesUntransformedRgb(markers, photometric)) stream = withAdobeRgbMarker(stream);
  const { module } = await loadLibjpegTurbo();
  const decoder = new module.JPEGDecoder();
  try {
    decoder.getEncodedBuffer(stream.length).set(stream);
    try {
      decoder.decode();
    } catch (e) {
      // tjDecompress2 fails on libjpeg warnings too, e.g. "Premature end of JPEG file".
      if (!hasEoi) throw truncatedFrame(syntax, 'the JPEG stream has no end-of-image marker');
      throw corruptFrame(syntax, `libjpeg-turbo rejected the JPEG stream (${describeThrown(e)})`, e);
    }
    const info = decoder.getFrameInfo();
    const samples = decoder.getDecodedBuffer().slice(); // a view into wasm memory: copy it
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      precision: 8,
      samples,
      planar: false,
      colourConverted: info.componentCount === 3,
    };
  } finally {
    decoder.delete();
  }
}

/**
 * The offset JpegImage adds to every 12-bit sample. Its last IDCT stage computes
 * `(q + 2056 / bitConversion) >> 4` with bitConversion = 255 / 4095, i.e. ⌊(q + 33016) / 16⌋, where
 * T.81 A.3.1 level shifting and rounding give ⌊(q + 32776) / 16⌋ (32776 = 16 × 2048 + 8): every
 * sample comes out exactly (33016 − 32776) / 16 = 15 too high. Subtracting it is exact below its
 * upper clamp; samples the encoder made 4080…4095 come back as 4080 (the decoder clamps at 4095
 * before the offset is removed). Checked by the unit tests against an independent 12-bit encoder,
 * and against GDCM (its 12-bit libjpeg) on NEMA's NM1_JPLY (pydicom's JPEG-lossy.dcm):
 * with the offset removed 91 % of the samples are equal and the rest 1 lower (the two integer IDCTs
 * round differently; T.81 A.3.3 does not fix the IDCT's arithmetic); without it every sample is
 * 9…15 too high.
 */
const JPEG12_OFFSET = 15;

/**
 * Decodes a 12-bit greyscale JPEG (Process 4) with JpegImage; samples 0…4095 (see JPEG12_OFFSET).
 * Like decodeJpegTurbo, a stream without EOI gets one appended and is 'truncated' only if it then
 * fails; a stream that ends before its first scan is 'truncated' too (JpegImage would return a
 * blank image for it).
 */
export async function decodeJpeg12(syntax: CompressedSyntax, bytes: Uint8Array): Promise<CodecOutput> {
  const hasEoi = endsWithEoi(bytes);
  const stream = withEndOfImage(bytes);
  if (readJpegColourMarkers(stream)?.hasScan !== true) {
    throw hasEoi
      ? corruptFrame(syntax, 'the JPEG stream has no scan (SOS) before its end-of-image marker')
      : truncatedFrame(syntax, 'the JPEG stream ends before its first scan');
  }
  const JpegImage = await loadJpegImage();
  const image = new JpegImage();
  try {
    image.parse(stream);
  } catch (e) {
    if (!hasEoi) throw truncatedFrame(syntax, 'the JPEG stream has no end-of-image marker');
    throw corruptFrame(syntax, `the 12-bit JPEG decoder rejected the stream (${describeThrown(e)})`, e);
  }
  if (image.components.length !== 1) {
    throw unsupportedFormat(
      syntax,
      `12-bit JPEG with ${image.components.length} components (only greyscale)`,
    );
  }
  image.colorTransform = false;
  const samples = image.getData16(image.width, image.height);
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] ?? 0;
    samples[i] = v > JPEG12_OFFSET ? v - JPEG12_OFFSET : 0;
  }
  return {
    width: image.width,
    height: image.height,
    components: 1,
    precision: 12,
    samples,
    planar: false,
    colourConverted: false,
  };
}

/**
 * JPEG Baseline / Extended: picks the decoder from the precision in the SOF segment. `photometric`
 * is the data set's Photometric Interpretation (PS3.3 C.7.6.3.1.2), for colour streams.
 */
export async function decodeJpegDct(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  photometric = '',
): Promise<CodecOutput> {
  const header = readJpegFrameHeader(bytes);
  if (!header) throw noJpegFrameHeader(syntax, bytes);
  // Lossless SOF3/7/11/15 and JPEG-LS SOF55 are other syntaxes.
  if (LOSSLESS_SOF_MARKERS.includes(header.sof)) {
    throw corruptFrame(
      syntax,
      `the stream is not a DCT JPEG (frame marker FF${header.sof.toString(16).toUpperCase()})`,
    );
  }
  if (header.precision === 8) return decodeJpegTurbo(syntax, bytes, photometric);
  if (header.precision === 12) return decodeJpeg12(syntax, bytes);
  throw corruptFrame(syntax, `sample precision ${header.precision} (8 or 12 expected)`);
}
