/**
 * Types shared by the frame decoders: what each codec adapter returns, and the shapes of the
 * Emscripten modules of the Cornerstone codec packages (their embind classes, see
 * cornerstonejs/codecs packages/{libjpeg-turbo-8bit,charls,openjpeg}/src/*.hpp).
 */

/** Sample arrays a codec adapter may return. */
export type CodecSamples =
  Uint8Array | Uint8ClampedArray | Uint16Array | Int16Array | Uint32Array | Int32Array;

/** What one codec adapter returns, before it is checked against the DICOM header. */
export interface CodecOutput {
  width: number;
  height: number;
  /** Components (samples per pixel) in the codestream. */
  components: number;
  /** Bits per sample in the codestream (JPEG P, JPEG-LS P, JPEG 2000 Ssiz + 1). */
  precision: number;
  /** Decoded values; bit patterns or signed values, see decodeCompressedFrame. */
  samples: CodecSamples;
  /** Colour-by-plane (RRR…GGG…BBB) rather than interleaved. */
  planar: boolean;
  /** The codec already turned YCbCr into RGB. */
  colourConverted: boolean;
}

/** Options every Emscripten factory takes (the subset used here). */
export interface EmscriptenOptions {
  /** Where the .wasm file is: called with its file name, returns a URL or path. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** stdout of the C code (OpenJPEG prints its errors there). */
  print?: (text: string) => void;
  /** stderr of the C code. */
  printErr?: (text: string) => void;
}

/** An embind object: C++ memory freed by `delete()`. */
export interface EmbindObject {
  delete(): void;
}

/** FrameInfo value object of the codec packages. */
export interface CodecFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
}

/** libjpeg-turbo JPEGDecoder (8-bit; decodes to GRAY or RGB with tjDecompress2). */
export interface JpegTurboDecoder extends EmbindObject {
  getEncodedBuffer(size: number): Uint8Array;
  decode(): void;
  getFrameInfo(): CodecFrameInfo;
  /** A view into wasm memory: copy it before the next call. */
  getDecodedBuffer(): Uint8Array;
}

/** The @cornerstonejs/codec-libjpeg-turbo-8bit decode module. */
export interface JpegTurboModule {
  JPEGDecoder: new () => JpegTurboDecoder;
}

/** CharLS JpegLSDecoder. */
export interface JpegLsDecoder extends EmbindObject {
  getEncodedBuffer(size: number): Uint8Array;
  decode(): void;
  getFrameInfo(): CodecFrameInfo;
  /** 0 none (by plane), 1 line, 2 sample (PS3.5 A.4.3; ISO/IEC 14495-1 ILV). */
  getInterleaveMode(): number;
  getNearLossless(): number;
  /** A copy of the decoded bytes, little-endian words when P > 8. */
  getDecodedBuffer(): Uint8ClampedArray;
}

/** The @cornerstonejs/codec-charls decode module. */
export interface CharlsModule {
  JpegLSDecoder: new () => JpegLsDecoder;
}

/** OpenJPEG J2KDecoder. */
export interface J2kDecoder extends EmbindObject {
  getEncodedBuffer(size: number): Uint8Array;
  decode(): void;
  getFrameInfo(): CodecFrameInfo;
  getImageOffset(): { x: number; y: number };
  getIsReversible(): boolean;
  /** A copy of the decoded bytes, little-endian words when precision > 8. */
  getDecodedBuffer(): Uint8ClampedArray;
}

/** The @cornerstonejs/codec-openjpeg decode module. */
export interface OpenJpegModule {
  J2KDecoder: new () => J2kDecoder;
}

/** An Emscripten module factory. */
export type EmscriptenFactory<M> = (options?: EmscriptenOptions) => Promise<M>;
