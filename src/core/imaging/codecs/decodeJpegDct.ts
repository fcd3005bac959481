/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and JPEG Extended (…4.51): the DCT processes of
 * ISO/IEC 10918-1, PS3.5 8.2.1. 8-bit streams go to libjpeg-turbo (WebAssembly, decoded to GRAY
 * or RGB by tjDecompress2, so colour comes back already converted from YCbCr); 12-bit streams
 * (Process 4, SOF1 with P = 12) go to Cornerstone's JavaScript JpegImage, which keeps 12 bits in
 * `getData16` (cornerstone3D dicomImageLoader decodeJPEGBaseline12Bit-js).
 */
import { corruptFrame, describeThrown, truncatedFrame, unsupportedFormat } from './codecErrors';
import type { CodecOutput, JpegTurboModule } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';
import { wasmCodecLoader } from './loadWasmCodec';
import { endsWithEoi, readJpegFrameHeader } from './readJpegFrameHeader';

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
 * Decodes an 8-bit JPEG with libjpeg-turbo. Greyscale stays one component; three components come
 * back as interleaved RGB (`colourConverted`), whatever the stream's colour space.
 */
export async function decodeJpegTurbo(syntax: CompressedSyntax, bytes: Uint8Array): Promise<CodecOutput> {
  const { module } = await loadLibjpegTurbo();
  const decoder = new module.JPEGDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    try {
      decoder.decode();
    } catch (e) {
      // tjDecompress2 fails on libjpeg warnings too, e.g. "Premature end of JPEG file".
      if (!endsWithEoi(bytes)) throw truncatedFrame(syntax, 'the JPEG stream has no end-of-image marker');
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
 * before the offset is removed). Checked by the unit tests against an independent 12-bit encoder.
 */
const JPEG12_OFFSET = 15;

/** Decodes a 12-bit greyscale JPEG (Process 4) with JpegImage; samples 0…4095 (see JPEG12_OFFSET). */
export async function decodeJpeg12(syntax: CompressedSyntax, bytes: Uint8Array): Promise<CodecOutput> {
  if (!endsWithEoi(bytes)) throw truncatedFrame(syntax, 'the JPEG stream has no end-of-image marker');
  const JpegImage = await loadJpegImage();
  const image = new JpegImage();
  try {
    image.parse(bytes);
  } catch (e) {
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

/** JPEG Baseline / Extended: picks the decoder from the precision in the SOF segment. */
export async function decodeJpegDct(syntax: CompressedSyntax, bytes: Uint8Array): Promise<CodecOutput> {
  const header = readJpegFrameHeader(bytes);
  if (!header) {
    throw bytes.length < 2 || (bytes[0] === 0xff && bytes[1] === 0xd8)
      ? truncatedFrame(syntax, 'the JPEG stream ends before its frame header')
      : corruptFrame(syntax, 'the data does not start with a JPEG start-of-image marker');
  }
  // Lossless SOF3/7/11/15 (ISO/IEC 10918-1 Table B.1) and JPEG-LS SOF55 are other syntaxes.
  if ([0xc3, 0xc7, 0xcb, 0xcf, 0xf7].includes(header.sof)) {
    throw corruptFrame(
      syntax,
      `the stream is not a DCT JPEG (frame marker FF${header.sof.toString(16).toUpperCase()})`,
    );
  }
  if (header.precision === 8) return decodeJpegTurbo(syntax, bytes);
  if (header.precision === 12) return decodeJpeg12(syntax, bytes);
  throw corruptFrame(syntax, `sample precision ${header.precision} (8 or 12 expected)`);
}
