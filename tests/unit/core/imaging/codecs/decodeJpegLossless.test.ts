/**
 * JPEG Lossless (…4.57 any predictor, …4.70 SV1) with jpeg-lossless-decoder-js: frames made by the
 * test encoder (T.81 Annex H) must decode to exactly the encoder's input.
 */
import { describe, expect, it } from 'vitest';
import { decodeCompressedFrame } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { encodeJpegLossless } from './encoders/encodeJpegLossless';
import { noise } from './encoders/testImages';
import { decodeError, monoInfo, patterns } from './frameInfo';

const SV1 = '1.2.840.10008.1.2.4.70';
const PROCESS14 = '1.2.840.10008.1.2.4.57';

describe('JPEG Lossless', () => {
  it('8-bit grey, odd width, SV1: exact, Uint8Array', async () => {
    const values = noise(19 * 23, 0, 255, 31);
    const out = await decodeCompressedFrame(
      SV1,
      encodeJpegLossless(values, 19, 23, 8),
      monoInfo(19, 23, 8, 8),
    );
    expect(out.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('8-bit samples in 16 bits allocated widen to Uint16Array', async () => {
    const values = noise(9 * 7, 0, 255, 32);
    const out = await decodeCompressedFrame(SV1, encodeJpegLossless(values, 9, 7, 8), monoInfo(9, 7, 16, 8));
    expect(out.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([
    [16, 16],
    [12, 12],
  ])('unsigned, precision %i (Bits Stored %i): exact', async (precision, bitsStored) => {
    const values = noise(21 * 17, 0, 2 ** precision - 1, precision);
    const out = await decodeCompressedFrame(
      SV1,
      encodeJpegLossless(values, 21, 17, precision),
      monoInfo(21, 17, 16, bitsStored),
    );
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([16, 12])(
    'signed, Bits Stored %i: two’s complement patterns sign-extended, exact',
    async (bits) => {
      const half = 2 ** (bits - 1);
      const values = noise(15 * 13, -half, half - 1, 40 + bits);
      values[0] = -half; // the extremes
      values[1] = half - 1;
      const bytes = encodeJpegLossless(patterns(values, bits), 15, 13, bits);
      const out = await decodeCompressedFrame(SV1, bytes, monoInfo(15, 13, 16, bits, true));
      expect(out.pixels).toBeInstanceOf(Int16Array);
      expect(Array.from(out.pixels)).toEqual(values);
    },
  );

  it.each([2, 3, 4, 5, 6, 7])('Process 14 with predictor %i: exact', async (predictor) => {
    const values = noise(12 * 11, 0, 4095, 50 + predictor);
    const out = await decodeCompressedFrame(
      PROCESS14,
      encodeJpegLossless(values, 12, 11, 12, predictor),
      monoInfo(12, 11, 16, 12),
    );
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('a cut-off stream is truncated; a DCT stream under a lossless UID is corrupt', async () => {
    const values = noise(16 * 16, 0, 4095, 60);
    const bytes = encodeJpegLossless(values, 16, 16, 12);
    const cut = await decodeError(
      decodeCompressedFrame(SV1, bytes.subarray(0, 200), monoInfo(16, 16, 16, 12)),
    );
    expect(cut.code).toBe('truncated');
    expect(cut.message).toContain('JPEG Lossless SV1');
    const dct = Uint8Array.from(bytes);
    dct[3] = 0xc1; // the SOF marker made FFC1 (extended DCT)
    const wrong = await decodeError(decodeCompressedFrame(SV1, dct, monoInfo(16, 16, 16, 12)));
    expect(wrong.code).toBe('corrupt');
  });
});
