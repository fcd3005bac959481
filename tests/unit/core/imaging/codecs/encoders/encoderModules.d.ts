/**
 * Types for the encoder builds of the codec packages (the non-`_decode` Emscripten modules), used
 * only by tests and the fixture script to make compressed frames from known pixels. Class shapes:
 * cornerstonejs/codecs packages/{libjpeg-turbo-8bit,charls,openjpeg,openjphjs}/src/*Encoder.hpp.
 */

interface EncoderFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

interface EmbindEncoder {
  /** Sizes the input buffer for `frameInfo` and returns it (a view into wasm memory). */
  getDecodedBuffer(frameInfo: EncoderFrameInfo): Uint8Array;
  encode(): void;
  /** The encoded bytes (a view or a copy, depending on the codec: copy it). */
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs' {
  interface JPEGEncoder extends EmbindEncoder {
    setQuality(quality: number): void;
    setProgressive(progressive: number): void;
    /** TJSAMP_444 = 0, TJSAMP_422 = 1, TJSAMP_420 = 2. */
    setSubSampling(subSampling: number): void;
  }
  const factory: () => Promise<{ JPEGEncoder: new () => JPEGEncoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-charls/wasmjs' {
  interface JpegLSEncoder extends EmbindEncoder {
    setNearLossless(near: number): void;
    /** 0 none (input by plane), 1 line, 2 sample (input interleaved). */
    setInterleaveMode(mode: number): void;
  }
  const factory: () => Promise<{ JpegLSEncoder: new () => JpegLSEncoder }>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjpeg/wasmjs' {
  interface J2KEncoder extends EmbindEncoder {
    setQuality(lossless: boolean, layers: number): void;
    setCompressionRatio(layer: number, ratio: number): void;
    setDecompositions(decompositions: number): void;
  }
  const factory: (options?: { print?: (s: string) => void; printErr?: (s: string) => void }) => Promise<{
    J2KEncoder: new () => J2KEncoder;
  }>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjph/wasmjs' {
  interface HTJ2KEncoder {
    getDecodedBuffer(frameInfo: EncoderFrameInfo & { isUsingColorTransform: boolean }): Uint8Array;
    encode(): void;
    getEncodedBuffer(): Uint8Array;
    setQuality(lossless: boolean, quantizationStep: number): void;
    delete(): void;
  }
  const factory: () => Promise<{ HTJ2KEncoder: new () => HTJ2KEncoder }>;
  export default factory;
}
