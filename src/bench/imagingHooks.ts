/**
 * Imaging digests for the bench page (window.rclBench), so that end-to-end tests can decode
 * compressed frames and PNG/JPEG files in Chromium and compare the result with the same decode in
 * Node (tests/e2e/codecs.e2e.mjs). Nothing here touches the page at import time: Node scripts
 * import `sampleDigest` from this file to compute the same digest.
 */
import { decodeCompressedFrame, type FrameInfo } from '../core/imaging/codecs/decodeCompressedFrame';
import { decodeRaster } from '../core/imaging/raster/decodeRaster';

/** A short, JSON-friendly summary of decoded samples, equal in Node and in the browser. */
export interface SampleDigest {
  /** Constructor name of the array, e.g. 'Int16Array'. */
  type: string;
  length: number;
  /** FNV-1a (32-bit) over every sample as a 32-bit two's complement integer, little-endian. */
  fnv1a: number;
  min: number;
  max: number;
  /** The first 8 samples, to read a mismatch at a glance. */
  head: number[];
}

/** FNV-1a hash of the samples (Fowler–Noll–Vo, 32-bit: offset basis 2166136261, prime 16777619). */
export function sampleDigest(samples: ArrayLike<number> & { constructor: { name: string } }): SampleDigest {
  let hash = 0x811c9dc5;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
    const word = Math.round(v) | 0;
    for (let b = 0; b < 4; b++) {
      hash ^= (word >>> (8 * b)) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return {
    type: samples.constructor.name,
    length: samples.length,
    fnv1a: hash >>> 0,
    min,
    max,
    head: Array.from({ length: Math.min(8, samples.length) }, (_, i) => samples[i] ?? 0),
  };
}

/** Base64 → bytes (how tests pass file bytes into the page). */
export function bytesFromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Decodes bytes[offset, offset + length) as one compressed frame and digests the stored samples. */
export async function compressedFrameDigest(
  base64: string,
  uid: string,
  info: FrameInfo,
  offset = 0,
  length?: number,
): Promise<SampleDigest & { planar: boolean; colourConverted: boolean }> {
  const bytes = bytesFromBase64(base64);
  const frame = bytes.subarray(offset, length === undefined ? undefined : offset + length);
  const decoded = await decodeCompressedFrame(uid, frame, info);
  return {
    ...sampleDigest(decoded.pixels),
    planar: decoded.planar,
    colourConverted: decoded.colourConverted,
  };
}

/** Decodes a PNG or JPEG file and digests its values. */
export async function rasterDigest(
  base64: string,
): Promise<SampleDigest & { rows: number; columns: number; samplesPerPixel: number; bitDepth: number }> {
  const image = await decodeRaster(bytesFromBase64(base64));
  return {
    ...sampleDigest(image.pixels),
    rows: image.rows,
    columns: image.columns,
    samplesPerPixel: image.samplesPerPixel,
    bitDepth: image.bitDepth,
  };
}

/** Puts the digest helpers the e2e tests call on `target` (the bench page's window.rclBench). */
export function installImagingHooks(target: Record<string, unknown>): void {
  target.compressedFrameDigest = compressedFrameDigest;
  target.rasterDigest = rasterDigest;
}
