/**
 * JPEG Lossless, Process 14 (1.2.840.10008.1.2.4.57, and …4.70 with Selection Value 1), PS3.5
 * 8.2.1 / ISO/IEC 10918-1 Annex H, decoded by jpeg-lossless-decoder-js (rii-mango). The decoder
 * returns each sample as the P-bit pattern the encoder saw, so signed data (PixelRepresentation 1)
 * comes back as two's complement patterns to be sign-extended by the caller.
 */
import {
  corruptFrame,
  describeThrown,
  noJpegFrameHeader,
  truncatedFrame,
  unsupportedFormat,
} from './codecErrors';
import type { CodecOutput } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';
import { endsWithEoi, readJpegFrameHeader } from './readJpegFrameHeader';

type DecoderClass = typeof import('jpeg-lossless-decoder-js').Decoder;
let decoderClass: Promise<DecoderClass> | null = null;
/** The decoder module, imported on first use. */
function loadDecoder(): Promise<DecoderClass> {
  decoderClass ??= import('jpeg-lossless-decoder-js').then((m) => m.Decoder);
  return decoderClass;
}

/** Decodes one lossless JPEG frame: 1 component (8 or 16-bit output) or 3 components (8-bit, interleaved). */
export async function decodeJpegLossless(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  bitsAllocated: number,
): Promise<CodecOutput> {
  const header = readJpegFrameHeader(bytes);
  if (!header) throw noJpegFrameHeader(syntax, bytes);
  if (header.sof !== 0xc3) {
    throw corruptFrame(
      syntax,
      `the stream is not lossless JPEG (frame marker FF${header.sof.toString(16).toUpperCase()}, FFC3 expected)`,
    );
  }
  if (header.components !== 1 && !(header.components === 3 && header.precision <= 8)) {
    throw unsupportedFormat(syntax, `${header.components} components of ${header.precision} bits`);
  }
  if (!endsWithEoi(bytes)) throw truncatedFrame(syntax, 'the JPEG stream has no end-of-image marker');

  const Decoder = await loadDecoder();
  const decoder = new Decoder();
  const bytesPerSample = header.components === 1 && (bitsAllocated > 8 || header.precision > 8) ? 2 : 1;
  // The decoder reads an ArrayBuffer: give it a copy of exactly this frame.
  const own = bytes.slice();
  let out: Uint8Array | Uint16Array;
  try {
    out = decoder.decode(own.buffer, 0, own.length, bytesPerSample);
  } catch (e) {
    throw corruptFrame(syntax, `the lossless JPEG decoder rejected the stream (${describeThrown(e)})`, e);
  }
  const stream = decoder.stream;
  if (stream && stream.index > stream.buffer.length) {
    throw truncatedFrame(syntax, 'the entropy-coded data stops before the last pixel');
  }
  return {
    width: decoder.frame.dimX,
    height: decoder.frame.dimY,
    components: decoder.frame.numComp,
    precision: decoder.frame.precision,
    samples: out,
    planar: false,
    colourConverted: false,
  };
}
