/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless, …4.91) and High-Throughput JPEG 2000 (…4.201,
 * …4.202, …4.203), PS3.5 8.2.4 / 8.2.14, decoded by OpenJPEG (@cornerstonejs/codec-openjpeg,
 * WebAssembly; OpenJPEG decodes HT code-blocks since 2.5). The codestream says whether samples are
 * signed (SIZ Ssiz, ISO/IEC 15444-1 A.5.1); a colour image coded with the RCT or ICT (PS3.3
 * C.7.6.3.1.2 YBR_RCT / YBR_ICT) comes back as RGB, the inverse transform (ISO/IEC 15444-1 G.2,
 * G.3) being part of decoding.
 *
 * Limits of this build of the codec (cornerstonejs/codecs packages/openjpeg/src/J2KDecoder.hpp):
 * it writes 8-bit output clamped to 0…255 (so signed 8-bit data cannot be recovered), writes
 * nothing for colour above 8 bits, and returns an empty image instead of throwing on bad data.
 */
import { corruptFrame, truncatedFrame, unsupportedFormat } from './codecErrors';
import type { CodecOutput, OpenJpegModule } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';
import { wasmCodecLoader } from './loadWasmCodec';

/** OpenJPEG, started on first use. */
export const loadOpenJpeg = wasmCodecLoader<OpenJpegModule>({
  factory: () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
  wasmUrl: async () => (await import('./wasmUrls')).openJpegWasmUrl,
});

/** J2K codestream SOC marker (FF4F), or a JP2 signature box (ISO/IEC 15444-1 I.5.1). */
function looksLikeJpeg2000(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0x4f) return true;
  return bytes[4] === 0x6a && bytes[5] === 0x50 && bytes[6] === 0x20 && bytes[7] === 0x20;
}

/**
 * Decodes one JPEG 2000 or HTJ2K frame. `photometricInterpretation` (PS3.3 C.7.6.3.1.2) says
 * whether a multiple-component transform was used: YBR_RCT / YBR_ICT colour is returned as RGB.
 */
export async function decodeJpeg2000(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  photometricInterpretation: string,
): Promise<CodecOutput> {
  if (bytes.length < 8 || !looksLikeJpeg2000(bytes)) {
    throw corruptFrame(syntax, 'the data starts with neither a JPEG 2000 codestream (FF4F) nor a JP2 box');
  }
  const codec = await loadOpenJpeg();
  const decoder = new codec.module.J2KDecoder();
  codec.messages.length = 0;
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.width === 0 || info.componentCount === 0) {
      const errors = codec.messages
        .filter((m) => m.includes('[ERROR]'))
        .map((m) => m.replace('[ERROR] ', ''));
      const detail = errors.length ? errors.join('; ') : 'OpenJPEG produced no image';
      const cutOff = /too short|inconsistent with stream length|end of (the )?(code)?stream|truncat/i.test(
        detail,
      );
      throw cutOff ? truncatedFrame(syntax, detail) : corruptFrame(syntax, detail);
    }
    const offset = decoder.getImageOffset();
    if (offset.x !== 0 || offset.y !== 0) {
      throw unsupportedFormat(syntax, `image offset (${offset.x}, ${offset.y}) on the reference grid`);
    }
    if (info.componentCount > 1 && info.bitsPerSample > 8) {
      throw unsupportedFormat(syntax, `colour with ${info.bitsPerSample} bits per sample`);
    }
    if (info.isSigned && info.bitsPerSample <= 8) {
      throw unsupportedFormat(syntax, `signed samples of ${info.bitsPerSample} bits`);
    }
    const raw = decoder.getDecodedBuffer(); // already a copy (Uint8ClampedArray)
    const count = Math.floor(raw.byteLength / (info.bitsPerSample > 8 ? 2 : 1));
    let samples: CodecOutput['samples'];
    if (info.bitsPerSample <= 8) samples = new Uint8Array(raw.buffer, raw.byteOffset, count);
    else if (info.isSigned) samples = new Int16Array(raw.buffer, raw.byteOffset, count);
    else samples = new Uint16Array(raw.buffer, raw.byteOffset, count);
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      precision: info.bitsPerSample,
      samples,
      planar: false,
      colourConverted: info.componentCount === 3 && /^YBR_(RCT|ICT)$/.test(photometricInterpretation.trim()),
    };
  } finally {
    decoder.delete();
  }
}
