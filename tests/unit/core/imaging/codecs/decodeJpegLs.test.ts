/**
 * JPEG-LS (…4.80 lossless, …4.81 near-lossless) with CharLS, frames made by CharLS's own encoder:
 * lossless must be exact; near-lossless must keep every sample within NEAR of the input (the
 * guarantee of ISO/IEC 14495-1 A.4).
 */
import { describe, expect, it } from 'vitest';
import { decodeCompressedFrame } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { maxAbsDiff, noise, smooth, toPlanar } from './encoders/testImages';
import { encodeJpegLs } from './encoders/wasmEncoders';
import { colourInfo, decodeError, monoInfo, patterns } from './frameInfo';

const LOSSLESS = '1.2.840.10008.1.2.4.80';
const NEAR = '1.2.840.10008.1.2.4.81';
const grey = (width: number, height: number, bits: number, samples: number[]) => ({
  width,
  height,
  components: 1 as const,
  bitsPerSample: bits,
  signed: false,
  samples,
});

describe('JPEG-LS', () => {
  it('8-bit grey, odd size: exact', async () => {
    const values = noise(17 * 19, 0, 255, 70);
    const out = await decodeCompressedFrame(
      LOSSLESS,
      await encodeJpegLs(grey(19, 17, 8, values), 0),
      monoInfo(17, 19, 8, 8),
    );
    expect(out.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('16-bit unsigned: exact', async () => {
    const values = noise(13 * 11, 0, 65535, 71);
    const out = await decodeCompressedFrame(
      LOSSLESS,
      await encodeJpegLs(grey(11, 13, 16, values), 0),
      monoInfo(13, 11, 16, 16),
    );
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([16, 12])('signed, Bits Stored %i (unsigned patterns in the stream): exact', async (bits) => {
    const half = 2 ** (bits - 1);
    const values = noise(14 * 9, -half, half - 1, 72 + bits);
    const bytes = await encodeJpegLs(grey(9, 14, bits, patterns(values, bits)), 0);
    const out = await decodeCompressedFrame(LOSSLESS, bytes, monoInfo(14, 9, 16, bits, true));
    expect(out.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([1, 2, 5])('near-lossless NEAR = %i: every sample within NEAR, and not all exact', async (near) => {
    const values = smooth(32, 40, 0, 4000).map((v, i) => v + ((i * 37) % 11));
    const bytes = await encodeJpegLs(grey(40, 32, 12, values), near);
    const out = await decodeCompressedFrame(NEAR, bytes, monoInfo(32, 40, 16, 12));
    expect(maxAbsDiff(out.pixels, values)).toBeLessThanOrEqual(near);
    expect(maxAbsDiff(out.pixels, values)).toBeGreaterThan(0);
  });

  it('colour not interleaved (ILV 0) comes back by plane; line and sample interleave come back interleaved', async () => {
    const rgb = noise(9 * 11 * 3, 0, 255, 80);
    const planarInput = toPlanar(rgb, 3);
    const colour = (samples: number[]) => ({
      width: 11,
      height: 9,
      components: 3 as const,
      bitsPerSample: 8,
      signed: false,
      samples,
    });
    const byPlane = await decodeCompressedFrame(
      LOSSLESS,
      await encodeJpegLs(colour(planarInput), 0, 0),
      colourInfo(9, 11),
    );
    expect(byPlane.planar).toBe(true);
    expect(Array.from(byPlane.pixels)).toEqual(planarInput);
    for (const mode of [1, 2]) {
      const out = await decodeCompressedFrame(
        LOSSLESS,
        await encodeJpegLs(colour(rgb), 0, mode),
        colourInfo(9, 11),
      );
      expect(out.planar).toBe(false);
      expect(out.colourConverted).toBe(false);
      expect(Array.from(out.pixels)).toEqual(rgb);
    }
  });

  it('a cut-off stream is truncated', async () => {
    const values = noise(20 * 20, 0, 255, 81);
    const bytes = await encodeJpegLs(grey(20, 20, 8, values), 0);
    const e = await decodeError(
      decodeCompressedFrame(LOSSLESS, bytes.subarray(0, bytes.length - 50), monoInfo(20, 20, 8, 8)),
    );
    expect(e.code).toBe('truncated');
    expect(e.messageZh).toContain('JPEG-LS 无损');
  });
});
