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
import { storesUntransformedRgb } from '../../../../../src/core/imaging/codecs/decodeJpegDct';
import {
  endsWithEoi,
  readJpegColourMarkers,
  withEndOfImage,
} from '../../../../../src/core/imaging/codecs/readJpegFrameHeader';
import { encodeJpeg12, encodeJpegDct } from './encoders/encodeJpeg12';
import { segment } from './encoders/jpegWriter';
import { maxAbsDiff, meanDiff, noise, smooth, smoothRgb, toPlanar } from './encoders/testImages';
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

const concatBytes = (...parts: ArrayLike<number>[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('JPEG end-of-image: padding after EOI, or no EOI at all (real files GDCM decodes)', () => {
  it('endsWithEoi looks past 00 and FF padding; withEndOfImage appends FFD9 only when missing', () => {
    expect(endsWithEoi(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0xff]))).toBe(true);
    expect(endsWithEoi(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0xff, 0x00]))).toBe(true);
    const complete = Uint8Array.from([0xff, 0xd8, 0x12, 0xff, 0xd9]);
    expect(withEndOfImage(complete)).toBe(complete);
    expect(Array.from(withEndOfImage(Uint8Array.from([0xff, 0xd8, 0x12, 0x00])))).toEqual([
      0xff, 0xd8, 0x12, 0xff, 0xd9,
    ]);
    // A stuffed FF 00 at the end stays whole.
    expect(Array.from(withEndOfImage(Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x00])))).toEqual([
      0xff, 0xd8, 0xff, 0x00, 0xff, 0xd9,
    ]);
  });

  it('12-bit: FF after EOI (as in NEMA NM1_JPLY), 00 padding, or no EOI decode like the complete stream', async () => {
    const ct = smooth(16, 24, 30, 4000);
    const jpeg = encodeJpeg12(ct, 16, 24);
    const info = monoInfo(16, 24, 16, 12);
    const reference = Array.from((await decodeCompressedFrame(EXTENDED, jpeg, info)).pixels);
    expect(maxAbsDiff(reference, ct)).toBeLessThanOrEqual(8);
    const withoutEoi = jpeg.subarray(0, jpeg.length - 2);
    for (const variant of [
      concatBytes(jpeg, [0xff]),
      concatBytes(jpeg, [0xff, 0x00, 0x00]),
      withoutEoi,
      concatBytes(withoutEoi, [0x00]),
    ]) {
      const out = await decodeCompressedFrame(EXTENDED, variant, info);
      expect(Array.from(out.pixels)).toEqual(reference);
    }
  });

  it('12-bit: a stream cut before its first scan is truncated, not a blank image', async () => {
    const jpeg = encodeJpeg12(smooth(16, 16, 0, 4095), 16, 16);
    const sos = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xda);
    const e = await decodeError(
      decodeCompressedFrame(EXTENDED, jpeg.subarray(0, sos), monoInfo(16, 16, 16, 12)),
    );
    expect(e.code).toBe('truncated');
  });

  it('8-bit: a stream without EOI decodes like the complete one', async () => {
    const grey = smooth(24, 40, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 40, height: 24, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const info = monoInfo(24, 40, 8, 8);
    const reference = Array.from((await decodeCompressedFrame(BASELINE, jpeg, info)).pixels);
    const out = await decodeCompressedFrame(BASELINE, jpeg.subarray(0, jpeg.length - 2), info);
    expect(Array.from(out.pixels)).toEqual(reference);
    const padded = await decodeCompressedFrame(BASELINE, concatBytes(jpeg, [0xff, 0x00]), info);
    expect(Array.from(padded.pixels)).toEqual(reference);
  });
});

describe('JPEG Baseline colour: RGB stored without a colour transform (PS3.5 8.2.1)', () => {
  const rows = 24;
  const columns = 32;
  const rgb = smoothRgb(rows, columns);
  const rgbPlanes = (): number[][] => {
    const planar = toPlanar(rgb, 3);
    const n = rows * columns;
    return [planar.slice(0, n), planar.slice(n, 2 * n), planar.slice(2 * n)];
  };
  /** JFIF's RGB → YCbCr (T.871 §7), rounded and clamped, by plane. */
  const yccPlanes = (): number[][] => {
    const clamp = (v: number): number => Math.min(255, Math.max(0, Math.round(v)));
    const planes: number[][] = [[], [], []];
    for (let i = 0; i < rgb.length; i += 3) {
      const [r, g, b] = [rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0];
      planes[0]?.push(clamp(0.299 * r + 0.587 * g + 0.114 * b));
      planes[1]?.push(clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128));
      planes[2]?.push(clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128));
    }
    return planes;
  };
  const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
  const adobe = (transform: number): number[] =>
    segment(0xee, [...ascii('Adobe'), 0, 100, 0, 0, 0, 0, transform]);
  const jfif = segment(0xe0, [...ascii('JFIF'), 0, 1, 2, 0, 0, 1, 0, 1, 0, 0]);
  const decodeAs = (jpeg: Uint8Array, photometric: string) =>
    decodeCompressedFrame(BASELINE, jpeg, colourInfo(rows, columns, photometric));

  it('RGB label, no JFIF or Adobe marker, identifiers 0, 1, 2 (Aperio slide tiles): kept as stored', async () => {
    const jpeg = encodeJpegDct({ precision: 8, rows, columns, planes: rgbPlanes(), ids: [0, 1, 2] });
    const out = await decodeAs(jpeg, 'RGB');
    expect(out.colourConverted).toBe(true); // the output is RGB either way
    expect(maxAbsDiff(out.pixels, rgb)).toBeLessThanOrEqual(8);
    expect(Math.abs(meanDiff(out.pixels, rgb))).toBeLessThan(0.5);
    // The label decides: called YBR_FULL, the same stream is read as YCbCr, like libjpeg does.
    expect(maxAbsDiff((await decodeAs(jpeg, 'YBR_FULL')).pixels, rgb)).toBeGreaterThan(50);
  });

  it('an Adobe APP14 too short to hold its transform flag is ignored, as libjpeg ignores it', async () => {
    const short = segment(0xee, [...ascii('Adobe'), 0, 0, 0, 0, 0]); // 10 data bytes, not 12
    const jpeg = encodeJpegDct({
      precision: 8,
      rows,
      columns,
      planes: rgbPlanes(),
      ids: [0, 1, 2],
      segments: [short],
    });
    expect(maxAbsDiff((await decodeAs(jpeg, 'RGB')).pixels, rgb)).toBeLessThanOrEqual(8);
  });

  it('Adobe transform 0, or identifiers R, G, B: RGB; JFIF or Adobe transform 1 under an RGB label: YCbCr', async () => {
    const stored = (segments: number[][], ids: number[]) =>
      encodeJpegDct({ precision: 8, rows, columns, planes: rgbPlanes(), ids, segments });
    const converted = (segments: number[][], ids: number[]) =>
      encodeJpegDct({ precision: 8, rows, columns, planes: yccPlanes(), ids, segments });
    for (const jpeg of [stored([adobe(0)], [1, 2, 3]), stored([], [0x52, 0x47, 0x42])]) {
      expect(maxAbsDiff((await decodeAs(jpeg, 'RGB')).pixels, rgb)).toBeLessThanOrEqual(8);
    }
    for (const jpeg of [converted([jfif], [0, 1, 2]), converted([adobe(1)], [0, 1, 2])]) {
      expect(maxAbsDiff((await decodeAs(jpeg, 'RGB')).pixels, rgb)).toBeLessThanOrEqual(10);
    }
  });

  it('RGB label, no marker, identifiers 1, 2, 3 (GDCM writes YCbCr so): converted from YCbCr', async () => {
    const jpeg = encodeJpegDct({ precision: 8, rows, columns, planes: yccPlanes(), ids: [1, 2, 3] });
    const out = await decodeAs(jpeg, 'RGB');
    expect(maxAbsDiff(out.pixels, rgb)).toBeLessThanOrEqual(10);
    expect(Math.abs(meanDiff(out.pixels, rgb))).toBeLessThan(0.5);
  });

  it('storesUntransformedRgb: subsampled chroma or a YBR label never means RGB', () => {
    const jpeg = encodeJpegDct({
      precision: 8,
      rows: 8,
      columns: 8,
      planes: [[0], [0], [0]],
      ids: [0, 1, 2],
    });
    const markers = readJpegColourMarkers(jpeg);
    expect(markers).toMatchObject({
      jfif: false,
      adobeTransform: undefined,
      componentIds: [0, 1, 2],
      hasScan: true,
    });
    if (markers === null) return;
    expect(storesUntransformedRgb(markers, 'RGB')).toBe(true);
    expect(storesUntransformedRgb(markers, 'YBR_FULL_422')).toBe(false);
    expect(storesUntransformedRgb({ ...markers, sameSampling: false }, 'RGB')).toBe(false);
  });
});
