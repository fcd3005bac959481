/**
 * JPEG Baseline (…4.50) and Extended (…4.51). Lossy, so values are compared with the encoder's
 * input within a tolerance:
 *
 * - Both encoders here quantise with a table of ones (libjpeg-turbo quality 100 scales every entry
 *   to 1; the 12-bit test encoder writes ones), so the only loss is rounding each DCT coefficient
 *   to an integer, |e| ≤ 0.5. The inverse DCT of such an error is at most
 *   0.5 × ¼ × (Σ_u C(u)·|cos|)² ≤ 0.5 × ¼ × (1/√2 + 7)² ≈ 7.4 per sample (T.81 A.3.3), plus the
 *   decoder's integer IDCT rounding: tolerance 8. Colour adds YCbCr rounding both ways (±1 each).
 * - A systematic offset would hide inside that bound, so the mean error must also be near 0.
 */
import { describe, expect, it } from 'vitest';
import { decodeCompressedFrame } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { encodeJpeg12 } from './encoders/encodeJpeg12';
import { maxAbsDiff, meanDiff, noise, smooth, smoothRgb } from './encoders/testImages';
import { encodeJpegBaseline } from './encoders/wasmEncoders';
import { colourInfo, decodeError, monoInfo } from './frameInfo';

const BASELINE = '1.2.840.10008.1.2.4.50';
const EXTENDED = '1.2.840.10008.1.2.4.51';

describe('JPEG Baseline (libjpeg-turbo)', () => {
  it('8-bit grey, odd size: within 8 of the input, no offset, not colour-converted', async () => {
    const grey = smooth(45, 61, 5, 250);
    const jpeg = await encodeJpegBaseline(
      { width: 61, height: 45, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const out = await decodeCompressedFrame(BASELINE, jpeg, monoInfo(45, 61, 8, 8));
    expect(out.pixels).toBeInstanceOf(Uint8Array);
    expect(maxAbsDiff(out.pixels, grey)).toBeLessThanOrEqual(8);
    expect(Math.abs(meanDiff(out.pixels, grey))).toBeLessThan(0.25);
    expect(out.colourConverted).toBe(false);
    expect(out.planar).toBe(false);
  });

  it('colour: YCbCr in the stream, interleaved RGB out (colourConverted), within 8', async () => {
    const rgb = smoothRgb(48, 64);
    const jpeg = await encodeJpegBaseline(
      { width: 64, height: 48, components: 3, bitsPerSample: 8, signed: false, samples: rgb },
      100,
    );
    const out = await decodeCompressedFrame(BASELINE, jpeg, colourInfo(48, 64, 'YBR_FULL_422'));
    expect(out.colourConverted).toBe(true);
    expect(out.planar).toBe(false);
    expect(maxAbsDiff(out.pixels, rgb)).toBeLessThanOrEqual(8);
    expect(Math.abs(meanDiff(out.pixels, rgb))).toBeLessThan(0.5);
  });

  it('JPEG Extended with an 8-bit stream goes to libjpeg-turbo too', async () => {
    const grey = smooth(40, 48, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 48, height: 40, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const out = await decodeCompressedFrame(EXTENDED, jpeg, monoInfo(40, 48, 8, 8));
    expect(maxAbsDiff(out.pixels, grey)).toBeLessThanOrEqual(8);
  });

  it('a stream cut in half is truncated; bytes that are no JPEG are corrupt', async () => {
    const grey = smooth(48, 64, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 64, height: 48, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const cut = await decodeError(
      decodeCompressedFrame(BASELINE, jpeg.subarray(0, jpeg.length >> 1), monoInfo(48, 64, 8, 8)),
    );
    expect(cut.code).toBe('truncated');
    expect(cut.message).toContain('JPEG Baseline');
    expect(cut.messageZh).toContain('JPEG 基线');
    const junk = await decodeError(
      decodeCompressedFrame(BASELINE, new Uint8Array(100).fill(7), monoInfo(4, 4, 8, 8)),
    );
    expect(junk.code).toBe('corrupt');
  });

  it('a stream whose frame header disagrees with Rows/Columns is corrupt', async () => {
    const grey = smooth(48, 64, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 64, height: 48, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const e = await decodeError(decodeCompressedFrame(BASELINE, jpeg, monoInfo(64, 48, 8, 8)));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('48×64');
  });
});

describe('JPEG Extended 12-bit (Cornerstone JpegImage)', () => {
  it('12-bit grey, odd size: within 8 of the input and no offset', async () => {
    const ct = smooth(45, 61, 30, 4000);
    const out = await decodeCompressedFrame(EXTENDED, encodeJpeg12(ct, 45, 61), monoInfo(45, 61, 16, 12));
    expect(out.pixels).toBeInstanceOf(Uint16Array);
    expect(maxAbsDiff(out.pixels, ct)).toBeLessThanOrEqual(8);
    // JpegImage alone returns every sample 15 too high; decodeJpeg12 removes that offset.
    expect(Math.abs(meanDiff(out.pixels, ct))).toBeLessThan(0.25);
  });

  it('noise up to 4079 also within 8, since the AC path is used hard', async () => {
    const values = noise(24 * 32, 0, 4079, 9);
    const out = await decodeCompressedFrame(EXTENDED, encodeJpeg12(values, 24, 32), monoInfo(24, 32, 16, 12));
    expect(maxAbsDiff(out.pixels, values)).toBeLessThanOrEqual(8);
    expect(Math.abs(meanDiff(out.pixels, values))).toBeLessThan(0.25);
  });

  it('documented limit: samples of 4080…4095 come back as 4080 (the decoder clamps first)', async () => {
    const flat = new Array<number>(8 * 8).fill(4095);
    const out = await decodeCompressedFrame(EXTENDED, encodeJpeg12(flat, 8, 8), monoInfo(8, 8, 16, 12));
    expect(new Set(out.pixels)).toEqual(new Set([4080]));
  });

  it('a 12-bit stream without its end is truncated', async () => {
    const ct = smooth(16, 16, 0, 4095);
    const jpeg = encodeJpeg12(ct, 16, 16);
    const e = await decodeError(
      decodeCompressedFrame(EXTENDED, jpeg.subarray(0, jpeg.length - 40), monoInfo(16, 16, 16, 12)),
    );
    expect(e.code).toBe('truncated');
  });
});
