/**
 * JPEG 2000 (…4.90, …4.91) and HTJ2K (…4.201/202/203) with OpenJPEG, frames made by OpenJPEG's
 * encoder (J2K) and OpenJPH's (HTJ2K): lossless exact; irreversible 9/7 within a stated bound.
 */
import { describe, expect, it } from 'vitest';
import { decodeCompressedFrame } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { maxAbsDiff, meanDiff, noise, smooth, smoothRgb } from './encoders/testImages';
import { encodeHtj2k, encodeJpeg2000, type EncoderInput } from './encoders/wasmEncoders';
import { colourInfo, decodeError, monoInfo, patterns } from './frameInfo';

const J2K_LOSSLESS = '1.2.840.10008.1.2.4.90';
const J2K = '1.2.840.10008.1.2.4.91';
const input = (
  width: number,
  height: number,
  bits: number,
  signed: boolean,
  samples: number[],
): EncoderInput => ({
  width,
  height,
  components: 1,
  bitsPerSample: bits,
  signed,
  samples,
});

describe('JPEG 2000', () => {
  it('8-bit grey, odd size: exact', async () => {
    const values = noise(33 * 35, 0, 255, 90);
    const out = await decodeCompressedFrame(
      J2K_LOSSLESS,
      await encodeJpeg2000(input(35, 33, 8, false, values)),
      monoInfo(33, 35, 8, 8),
    );
    expect(out.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('12 bits stored in 16, unsigned: exact', async () => {
    const values = noise(37 * 33, 0, 4095, 91);
    const out = await decodeCompressedFrame(
      J2K_LOSSLESS,
      await encodeJpeg2000(input(33, 37, 12, false, values)),
      monoInfo(37, 33, 16, 12),
    );
    expect(out.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([16, 12])('signed codestream, Bits Stored %i: exact, Int16Array', async (bits) => {
    const half = 2 ** (bits - 1);
    const values = smooth(32, 36, -half + 200, half - 200).map((v, i) => v + ((i * 13) % 101) - 50);
    const out = await decodeCompressedFrame(
      J2K_LOSSLESS,
      await encodeJpeg2000(input(36, 32, bits, true, values)),
      monoInfo(32, 36, 16, bits, true),
    );
    expect(out.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('an unsigned codestream of signed data (Pixel Representation 1) is sign-extended from Bits Stored', async () => {
    const values = noise(32 * 32, -2048, 2047, 92);
    const bytes = await encodeJpeg2000(input(32, 32, 12, false, patterns(values, 12)));
    const out = await decodeCompressedFrame(J2K_LOSSLESS, bytes, monoInfo(32, 32, 16, 12, true));
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('RGB coded with the RCT: exact, and colourConverted only when the header says YBR_RCT', async () => {
    const rgb = smoothRgb(33, 37);
    const bytes = await encodeJpeg2000({
      width: 37,
      height: 33,
      components: 3,
      bitsPerSample: 8,
      signed: false,
      samples: rgb,
    });
    const rct = await decodeCompressedFrame(J2K_LOSSLESS, bytes, colourInfo(33, 37, 'YBR_RCT'));
    expect(rct.colourConverted).toBe(true);
    expect(rct.planar).toBe(false);
    expect(Array.from(rct.pixels)).toEqual(rgb);
    const asRgb = await decodeCompressedFrame(J2K_LOSSLESS, bytes, colourInfo(33, 37, 'RGB'));
    expect(asRgb.colourConverted).toBe(false);
    expect(Array.from(asRgb.pixels)).toEqual(rgb);
  });

  it('irreversible 9/7 at 4:1 on a smooth 12-bit image: within 16 (0.4 % of range), no offset', async () => {
    // No closed-form bound exists for rate-allocated wavelet coding; 16 of 4095 is a sanity bound
    // that any wrong decode (shifted, scaled, garbage) misses by far.
    const values = smooth(48, 52, 0, 4095);
    const bytes = await encodeJpeg2000(input(52, 48, 12, false, values), 4);
    const out = await decodeCompressedFrame(J2K, bytes, monoInfo(48, 52, 16, 12));
    expect(maxAbsDiff(out.pixels, values)).toBeLessThanOrEqual(16);
    expect(Math.abs(meanDiff(out.pixels, values))).toBeLessThan(0.5);
  });

  it('a cut-off codestream fails as truncated or corrupt, naming the syntax', async () => {
    const values = noise(40 * 40, 0, 4095, 93);
    const bytes = await encodeJpeg2000(input(40, 40, 12, false, values));
    const e = await decodeError(
      decodeCompressedFrame(J2K_LOSSLESS, bytes.subarray(0, bytes.length >> 1), monoInfo(40, 40, 16, 12)),
    );
    expect(['truncated', 'corrupt']).toContain(e.code);
    expect(e.message).toContain('JPEG 2000 Lossless');
    const junk = await decodeError(
      decodeCompressedFrame(J2K, new Uint8Array(64).fill(1), monoInfo(4, 4, 8, 8)),
    );
    expect(junk.code).toBe('corrupt');
  });

  it('8-bit signed data is refused (the codec clamps it to 0…255)', async () => {
    const values = noise(32 * 32, -128, 127, 94);
    const bytes = await encodeJpeg2000(input(32, 32, 8, true, values));
    const e = await decodeError(decodeCompressedFrame(J2K_LOSSLESS, bytes, monoInfo(32, 32, 8, 8, true)));
    expect(e.code).toBe('unsupported-transfer-syntax');
  });
});

describe('HTJ2K (OpenJPEG decodes High-Throughput code-blocks)', () => {
  it.each(['1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.4.203'])(
    '%s: 16-bit signed lossless, exact',
    async (uid) => {
      const values = noise(29 * 31, -3000, 3000, 95);
      const bytes = await encodeHtj2k(input(31, 29, 16, true, values));
      const out = await decodeCompressedFrame(uid, bytes, monoInfo(29, 31, 16, 16, true));
      expect(Array.from(out.pixels)).toEqual(values);
    },
  );

  it('12-bit unsigned lossless, exact', async () => {
    const values = noise(21 * 27, 0, 4095, 96);
    const bytes = await encodeHtj2k(input(27, 21, 12, false, values));
    const out = await decodeCompressedFrame('1.2.840.10008.1.2.4.201', bytes, monoInfo(21, 27, 16, 12));
    expect(Array.from(out.pixels)).toEqual(values);
  });
});
