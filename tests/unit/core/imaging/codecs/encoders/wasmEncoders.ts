/**
 * Encoders of the codec packages (their full, non-`_decode` builds), to make compressed frames from
 * known pixels: libjpeg-turbo JPEGEncoder, CharLS JpegLSEncoder, OpenJPEG J2KEncoder and OpenJPH
 * HTJ2KEncoder. Input samples are given as numbers; 16-bit input is written little-endian.
 */
import turboFactory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';
import charlsFactory from '@cornerstonejs/codec-charls/wasmjs';
import openJpegFactory from '@cornerstonejs/codec-openjpeg/wasmjs';
import openJphFactory from '@cornerstonejs/codec-openjph/wasmjs';

/** Pixels to encode: row-major, interleaved colour unless said otherwise. */
export interface EncoderInput {
  width: number;
  height: number;
  components: 1 | 3;
  bitsPerSample: number;
  signed: boolean;
  samples: ArrayLike<number>;
}

type Factory<M> = () => Promise<M>;
const cache = new Map<Factory<unknown>, Promise<unknown>>();
function start<M>(factory: Factory<M>): Promise<M> {
  if (!cache.has(factory)) cache.set(factory, factory());
  return cache.get(factory) as Promise<M>;
}

/** Writes samples into an encoder's input buffer: bytes, or 16-bit little-endian words. */
function fill(buffer: Uint8Array, input: EncoderInput): void {
  if (input.bitsPerSample <= 8) {
    for (let i = 0; i < input.samples.length; i++) buffer[i] = (input.samples[i] ?? 0) & 0xff;
    return;
  }
  for (let i = 0; i < input.samples.length; i++) {
    const v = (input.samples[i] ?? 0) & 0xffff;
    buffer[2 * i] = v & 0xff;
    buffer[2 * i + 1] = v >> 8;
  }
}

function frameInfo(input: EncoderInput) {
  return {
    width: input.width,
    height: input.height,
    bitsPerSample: input.bitsPerSample,
    componentCount: input.components,
    isSigned: input.signed,
  };
}

/**
 * libjpeg-turbo baseline JPEG (8-bit; colour converted to YCbCr 4:4:4 by the encoder). The
 * package's encoder writes into a buffer the size of the raw image, so the image must compress.
 */
export async function encodeJpegBaseline(input: EncoderInput, quality: number): Promise<Uint8Array> {
  const m = await start(turboFactory);
  const enc = new m.JPEGEncoder();
  try {
    fill(enc.getDecodedBuffer(frameInfo(input)), input);
    enc.setQuality(quality);
    enc.setProgressive(0);
    enc.encode();
    return enc.getEncodedBuffer().slice();
  } finally {
    enc.delete();
  }
}

/** CharLS JPEG-LS; `near` 0 is lossless. `interleave` 0 expects colour input by plane. */
export async function encodeJpegLs(input: EncoderInput, near: number, interleave = 2): Promise<Uint8Array> {
  const m = await start(charlsFactory);
  const enc = new m.JpegLSEncoder();
  try {
    fill(enc.getDecodedBuffer(frameInfo(input)), input);
    enc.setNearLossless(near);
    if (input.components > 1) enc.setInterleaveMode(interleave);
    enc.encode();
    return enc.getEncodedBuffer().slice();
  } finally {
    enc.delete();
  }
}

const quietOpenJpeg = () => openJpegFactory({ print: () => {}, printErr: () => {} });

/**
 * OpenJPEG J2K codestream: lossless (5/3 wavelet, RCT for colour) or irreversible (9/7, ICT)
 * at the given compression ratio.
 */
export async function encodeJpeg2000(input: EncoderInput, lossyRatio?: number): Promise<Uint8Array> {
  const m = await start(quietOpenJpeg);
  const enc = new m.J2KEncoder();
  try {
    fill(enc.getDecodedBuffer(frameInfo(input)), input);
    // OpenJPEG refuses more decomposition levels than the smallest side allows (2^levels ≤ side).
    enc.setDecompositions(Math.min(5, Math.floor(Math.log2(Math.min(input.width, input.height)))));
    if (lossyRatio !== undefined) {
      enc.setQuality(false, 1);
      enc.setCompressionRatio(0, lossyRatio);
    }
    enc.encode();
    return enc.getEncodedBuffer().slice();
  } finally {
    enc.delete();
  }
}

/** OpenJPH High-Throughput JPEG 2000 codestream, lossless. */
export async function encodeHtj2k(input: EncoderInput): Promise<Uint8Array> {
  const m = await start(openJphFactory);
  const enc = new m.HTJ2KEncoder();
  try {
    fill(enc.getDecodedBuffer({ ...frameInfo(input), isUsingColorTransform: input.components === 3 }), input);
    enc.encode();
    return enc.getEncodedBuffer().slice();
  } finally {
    enc.delete();
  }
}
