/**
 * PNG decoding with fast-png. Layout facts from the PNG specification (W3C PNG, Third Edition):
 * the 8-byte signature (5.2), IHDR first with width, height, bit depth and colour type (11.2.1),
 * colour types 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA (Table 8), and samples of less than
 * 8 bits packed MSB first into bytes, each row starting on a byte boundary (7.2).
 */
import { decode } from 'fast-png';
import { MAX_IMAGE_SAMPLES } from '../ImageDecodeError';
import type { RasterImage } from '../types';
import { describeThrown } from '../codecs/codecErrors';
import { corruptRaster, tooLargeRaster, truncatedRaster } from './rasterErrors';

/** The PNG signature (5.2). */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** What IHDR says (11.2.1). */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

/** Reads IHDR, or null when the file is too short to hold it. */
export function readPngHeader(bytes: Uint8Array): PngHeader | null {
  if (bytes.length < 33) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    width: v.getUint32(16),
    height: v.getUint32(20),
    bitDepth: bytes[24] ?? 0,
    colourType: bytes[25] ?? 0,
  };
}

/** Whether an IEND chunk type appears in the file (its last chunk, 11.2.5). */
function hasIend(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 8; i >= 8; i--) {
    if (bytes[i] === 0x49 && bytes[i + 1] === 0x45 && bytes[i + 2] === 0x4e && bytes[i + 3] === 0x44)
      return true;
  }
  return false;
}

/** Sample x of row `row` in packed data of `depth` < 8 bits (7.2). */
function packedSample(
  data: ArrayLike<number>,
  stride: number,
  depth: number,
  row: number,
  x: number,
): number {
  const bit = x * depth;
  const byte = data[row * stride + (bit >> 3)] ?? 0;
  return (byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
}

/** Decodes a PNG of any bit depth and colour type into grey or RGB values (alpha dropped). */
export function decodePng(bytes: Uint8Array): RasterImage {
  const header = readPngHeader(bytes);
  if (!header) throw truncatedRaster('png', 'the file ends inside its header');
  const { width, height, colourType } = header;
  const samplesPerPixel: 1 | 3 = colourType === 0 || colourType === 4 ? 1 : 3;
  const total = width * height * samplesPerPixel;
  if (total > MAX_IMAGE_SAMPLES) throw tooLargeRaster('png', width, height, total);

  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (e) {
    if (!hasIend(bytes)) throw truncatedRaster('png', 'the image data stops before the end-of-image chunk');
    throw corruptRaster('png', describeThrown(e), e);
  }
  const depth = png.depth;
  const channels = png.channels;
  const pixels = new Float32Array(width * height * samplesPerPixel);
  const palette = png.palette;
  const stride = depth < 8 ? Math.ceil((width * depth) / 8) : 0;
  // Grey below 8 bits is stretched to 0…255 (PNG 13.12: v × 255 / (2^depth − 1)).
  const greyScale = depth < 8 && !palette ? 255 / ((1 << depth) - 1) : 1;
  const expected = depth < 8 ? stride * height : width * height * channels;
  if (png.data.length < expected)
    throw truncatedRaster('png', `${png.data.length} of ${expected} samples decoded`);

  for (let row = 0; row < height; row++) {
    for (let x = 0; x < width; x++) {
      const p = row * width + x;
      const first = depth < 8 ? packedSample(png.data, stride, depth, row, x) : (png.data[p * channels] ?? 0);
      if (palette) {
        const entry = palette[first];
        if (!entry) throw corruptRaster('png', `palette index ${first} past the ${palette.length} entries`);
        pixels[3 * p] = entry[0] ?? 0;
        pixels[3 * p + 1] = entry[1] ?? 0;
        pixels[3 * p + 2] = entry[2] ?? 0;
      } else if (samplesPerPixel === 1) {
        pixels[p] = first * greyScale;
      } else {
        pixels[3 * p] = first;
        pixels[3 * p + 1] = png.data[p * channels + 1] ?? 0;
        pixels[3 * p + 2] = png.data[p * channels + 2] ?? 0;
      }
    }
  }
  return {
    kind: 'raster',
    format: 'png',
    rows: height,
    columns: width,
    samplesPerPixel,
    bitDepth: depth === 16 ? 16 : 8,
    pixels,
  };
}
