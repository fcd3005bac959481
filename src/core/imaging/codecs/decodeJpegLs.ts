/**
 * JPEG-LS Lossless (1.2.840.10008.1.2.4.80) and Near-Lossless (…4.81), PS3.5 8.2.3 / ISO/IEC
 * 14495-1, decoded by CharLS (@cornerstonejs/codec-charls, WebAssembly). JPEG-LS has no notion of
 * sign: signed data is coded as its P-bit two's complement patterns (PS3.5 A.4.3 note), which the
 * caller sign-extends. Colour comes back by plane when the scan is not interleaved (ILV = 0).
 */
import { corruptFrame, describeThrown, truncatedFrame } from './codecErrors';
import type { CharlsModule, CodecOutput } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';
import { wasmCodecLoader } from './loadWasmCodec';
import { endsWithEoi } from './readJpegFrameHeader';

/** CharLS, started on first use. */
export const loadCharls = wasmCodecLoader<CharlsModule>({
  factory: () => import('@cornerstonejs/codec-charls/decodewasmjs'),
  wasmUrl: async () => (await import('./wasmUrls')).charlsWasmUrl,
});

/** Decodes one JPEG-LS frame. */
export async function decodeJpegLs(syntax: CompressedSyntax, bytes: Uint8Array): Promise<CodecOutput> {
  const { module } = await loadCharls();
  const decoder = new module.JpegLSDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    try {
      decoder.decode();
    } catch (e) {
      if (!endsWithEoi(bytes)) throw truncatedFrame(syntax, 'the JPEG-LS stream has no end-of-image marker');
      throw corruptFrame(syntax, `CharLS rejected the JPEG-LS stream (${describeThrown(e)})`, e);
    }
    const info = decoder.getFrameInfo();
    const raw = decoder.getDecodedBuffer(); // already a copy (Uint8ClampedArray)
    const bytesPerSample = info.bitsPerSample > 8 ? 2 : 1;
    const samples =
      bytesPerSample === 2
        ? new Uint16Array(raw.buffer, raw.byteOffset, Math.floor(raw.byteLength / 2))
        : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      precision: info.bitsPerSample,
      samples,
      planar: info.componentCount > 1 && decoder.getInterleaveMode() === 0,
      colourConverted: false,
    };
  } finally {
    decoder.delete();
  }
}
