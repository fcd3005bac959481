/**
 * RLE Lossless (1.2.840.10008.1.2.5), DICOM PS3.5 Annex G.
 *
 * A frame is a 64-byte header — the number of segments, then 15 segment offsets, all uint32
 * little-endian (G.5) — followed by the segments. Each segment is one byte plane: for every sample
 * of the pixel (R, G, B), and for every byte of that sample from the most significant down (G.2),
 * the bytes of all pixels in row-major order, PackBits-compressed (G.3.1): a header byte n,
 * 0…127 → copy the next n + 1 bytes, −1…−127 → repeat the next byte −n + 1 times, −128 → nothing.
 */
import { corruptFrame, truncatedFrame, unsupportedFormat } from './codecErrors';
import type { CodecOutput } from './codecTypes';
import type { CompressedSyntax } from './compressedSyntaxes';

/** The header: 16 uint32 (G.5). */
const HEADER_BYTES = 64;
/** At most 15 segments (G.5). */
const MAX_SEGMENTS = 15;

/** Geometry of the frame, from the DICOM header (RLE carries none of its own). */
export interface RleFrameGeometry {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
}

/**
 * Decodes one RLE frame. Returns the stored words, colour-by-plane when samplesPerPixel > 1
 * (the segment order of G.2), as Uint8Array, Uint16Array or Uint32Array for BitsAllocated 8, 16, 32.
 */
export function decodeRle(
  syntax: CompressedSyntax,
  bytes: Uint8Array,
  geometry: RleFrameGeometry,
): CodecOutput {
  const { rows, columns, samplesPerPixel, bitsAllocated } = geometry;
  if (bitsAllocated !== 8 && bitsAllocated !== 16 && bitsAllocated !== 32) {
    throw unsupportedFormat(syntax, `Bits Allocated ${bitsAllocated} (8, 16 or 32 expected)`);
  }
  if (bytes.length < HEADER_BYTES)
    throw truncatedFrame(syntax, `${bytes.length} bytes, shorter than the 64-byte RLE header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bytesPerSample = bitsAllocated / 8;
  const expectedSegments = samplesPerPixel * bytesPerSample;
  const segmentCount = view.getUint32(0, true);
  if (segmentCount !== expectedSegments || segmentCount > MAX_SEGMENTS) {
    throw corruptFrame(
      syntax,
      `the RLE header lists ${segmentCount} segments; ${samplesPerPixel} sample(s) of ${bitsAllocated} bits need ${expectedSegments}`,
    );
  }
  const offsets: number[] = [];
  for (let s = 0; s < segmentCount; s++) offsets.push(view.getUint32(4 + 4 * s, true));
  for (let s = 0; s < segmentCount; s++) {
    const start = offsets[s] ?? 0;
    const previous = s === 0 ? HEADER_BYTES : (offsets[s - 1] ?? 0);
    if (start < previous || (s === 0 && start !== HEADER_BYTES)) {
      throw corruptFrame(syntax, `RLE segment ${s + 1} starts at byte ${start}, out of order`);
    }
    if (start > bytes.length) {
      throw truncatedFrame(syntax, `RLE segment ${s + 1} should start at byte ${start} of ${bytes.length}`);
    }
  }

  const pixelCount = rows * columns;
  const planes = new Uint8Array(pixelCount * segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const start = offsets[s] ?? 0;
    const end = s + 1 < segmentCount ? (offsets[s + 1] ?? bytes.length) : bytes.length;
    const produced = unpackBits(bytes, start, end, planes, s * pixelCount, pixelCount);
    if (produced < pixelCount) {
      const detail = `RLE segment ${s + 1} holds ${produced} of ${pixelCount} bytes`;
      throw end === bytes.length ? truncatedFrame(syntax, detail) : corruptFrame(syntax, detail);
    }
  }

  const samples = combinePlanes(planes, pixelCount, samplesPerPixel, bytesPerSample);
  return {
    width: columns,
    height: rows,
    components: samplesPerPixel,
    precision: bitsAllocated,
    samples,
    planar: samplesPerPixel > 1,
    colourConverted: false,
  };
}

/**
 * PackBits (G.3.1) from `src[start, end)` into `out[outStart, outStart + limit)`. Returns the
 * number of bytes written; output past `limit` (an encoder's padding) is dropped.
 */
export function unpackBits(
  src: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  outStart: number,
  limit: number,
): number {
  let i = start;
  let o = 0;
  while (i < end && o < limit) {
    const header = src[i++] ?? 0;
    const n = header > 127 ? header - 256 : header;
    if (n >= 0) {
      const count = Math.min(n + 1, end - i, limit - o);
      out.set(src.subarray(i, i + count), outStart + o);
      i += n + 1;
      o += count;
    } else if (n !== -128) {
      if (i >= end) break;
      const value = src[i++] ?? 0;
      const count = Math.min(1 - n, limit - o);
      out.fill(value, outStart + o, outStart + o + count);
      o += count;
    }
  }
  return o;
}

/** Byte planes (most significant byte first, G.2) → one word per sample, still by plane. */
function combinePlanes(
  planes: Uint8Array,
  pixelCount: number,
  samplesPerPixel: number,
  bytesPerSample: number,
): Uint8Array | Uint16Array | Uint32Array {
  if (bytesPerSample === 1) return planes;
  const total = pixelCount * samplesPerPixel;
  const out = bytesPerSample === 2 ? new Uint16Array(total) : new Uint32Array(total);
  for (let s = 0; s < samplesPerPixel; s++) {
    const base = s * bytesPerSample * pixelCount;
    for (let p = 0; p < pixelCount; p++) {
      let word = 0;
      for (let b = 0; b < bytesPerSample; b++) word = word * 256 + (planes[base + b * pixelCount + p] ?? 0);
      out[s * pixelCount + p] = word;
    }
  }
  return out;
}
