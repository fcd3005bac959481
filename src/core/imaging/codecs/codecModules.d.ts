/**
 * Types for the codec modules that ship none: the Emscripten factories of the Cornerstone codec
 * packages, Cornerstone's 12-bit JpegImage (reached through the `cornerstone-jpeg12` alias of
 * vite.config.ts, vitest.config.ts and tsconfig.json `paths`, because the package's exports map
 * hides dist/esm/codecs/jpeg.js), and jpeg-lossless-decoder-js (whose package.json names a
 * release/lossless.d.ts that is not published).
 */

declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: import('./codecTypes').EmscriptenFactory<import('./codecTypes').JpegTurboModule>;
  export default factory;
}

declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: import('./codecTypes').EmscriptenFactory<import('./codecTypes').CharlsModule>;
  export default factory;
}

declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: import('./codecTypes').EmscriptenFactory<import('./codecTypes').OpenJpegModule>;
  export default factory;
}

declare module 'cornerstone-jpeg12' {
  /** A JPEG DCT decoder in JavaScript (pdf.js lineage) that keeps 12-bit precision in getData16. */
  export default class JpegImage {
    /** Parses and decodes the whole stream; throws a string on bad data. */
    parse(data: Uint8Array): void;
    width: number;
    height: number;
    /** false: leave YCbCr components as they are. */
    colorTransform?: boolean;
    components: unknown[];
    /** Greyscale samples at full precision (throws for colour). */
    getData16(width: number, height: number): Uint16Array;
    /** Samples scaled to 8 bits. */
    getData(width: number, height: number): Uint8Array;
  }
}

declare module 'jpeg-lossless-decoder-js' {
  /** JPEG lossless (ITU-T T.81 Process 14) decoder, all seven predictors. */
  export class Decoder {
    constructor(buffer?: ArrayBuffer | null, numBytes?: number);
    /** Decodes `length` bytes at `offset`; `numBytes` per output sample (1 or 2). */
    decode(
      buffer?: ArrayBuffer,
      offset?: number,
      length?: number,
      numBytes?: number,
    ): Uint8Array | Uint16Array;
    frame: { dimX: number; dimY: number; numComp: number; precision: number };
    stream: { buffer: Uint8Array; index: number } | null;
  }
}
