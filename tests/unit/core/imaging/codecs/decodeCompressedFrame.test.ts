/** The contract of decodeCompressedFrame: which syntaxes, header checks, errors, sign extension. */
import { describe, expect, it } from 'vitest';
import {
  decodeCompressedFrame,
  isCompressedSyntax,
} from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { signExtend, toStoredSamples } from '../../../../../src/core/imaging/codecs/toStoredSamples';
import { readJpegFrameHeader, endsWithEoi } from '../../../../../src/core/imaging/codecs/readJpegFrameHeader';
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../../../../../src/core/imaging/ImageDecodeError';
import { encodeRle } from './encoders/encodeRle';
import { decodeError, monoInfo } from './frameInfo';

describe('isCompressedSyntax', () => {
  it.each([
    '1.2.840.10008.1.2.5',
    '1.2.840.10008.1.2.4.50',
    '1.2.840.10008.1.2.4.51',
    '1.2.840.10008.1.2.4.57',
    '1.2.840.10008.1.2.4.70',
    '1.2.840.10008.1.2.4.80',
    '1.2.840.10008.1.2.4.81',
    '1.2.840.10008.1.2.4.90',
    '1.2.840.10008.1.2.4.91',
    '1.2.840.10008.1.2.4.201',
    '1.2.840.10008.1.2.4.202',
    '1.2.840.10008.1.2.4.203',
    '1.2.840.10008.1.2.4.70\0', // UI values are NUL-padded to even length (PS3.5 6.2)
  ])('%s is decoded', (uid) => {
    expect(isCompressedSyntax(uid)).toBe(true);
  });

  it.each([
    '1.2.840.10008.1.2', // Implicit VR Little Endian: native
    '1.2.840.10008.1.2.1', // Explicit VR Little Endian: native
    '1.2.840.10008.1.2.4.100', // MPEG2
    '1.2.840.10008.1.2.4.110', // JPEG XL Lossless
    '',
  ])('%s is not', (uid) => {
    expect(isCompressedSyntax(uid)).toBe(false);
  });
});

describe('decodeCompressedFrame errors', () => {
  const rle = encodeRle([1, 2, 3, 4], 2, 2, 1, 8);

  it('an unknown syntax is unsupported-transfer-syntax, in both languages', async () => {
    const e = await decodeError(decodeCompressedFrame('1.2.840.10008.1.2.4.110', rle, monoInfo(2, 2, 8, 8)));
    expect(e).toBeInstanceOf(ImageDecodeError);
    expect(e.code).toBe('unsupported-transfer-syntax');
    expect(e.message).toContain('1.2.840.10008.1.2.4.110');
    expect(e.messageZh).toContain('传输语法');
  });

  it('more samples than MAX_IMAGE_SAMPLES is too-large, before decoding', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_SAMPLES)) + 1;
    const e = await decodeError(
      decodeCompressedFrame('1.2.840.10008.1.2.5', rle, monoInfo(side, side, 8, 8)),
    );
    expect(e.code).toBe('too-large');
  });

  it('an empty frame is truncated; Bits Allocated 1 is unsupported; Bits Stored > Allocated is corrupt', async () => {
    const uid = '1.2.840.10008.1.2.5';
    expect(
      (await decodeError(decodeCompressedFrame(uid, new Uint8Array(0), monoInfo(2, 2, 8, 8)))).code,
    ).toBe('truncated');
    expect((await decodeError(decodeCompressedFrame(uid, rle, monoInfo(2, 2, 1, 1)))).code).toBe(
      'unsupported-transfer-syntax',
    );
    expect((await decodeError(decodeCompressedFrame(uid, rle, monoInfo(2, 2, 8, 12)))).code).toBe('corrupt');
  });

  it('RLE segments shorter than Rows × Columns: the header and the data disagree', async () => {
    const e = await decodeError(decodeCompressedFrame('1.2.840.10008.1.2.5', rle, monoInfo(3, 3, 8, 8)));
    expect(['truncated', 'corrupt']).toContain(e.code);
  });
});

describe('sign extension and stored arrays', () => {
  it('signExtend reads two’s complement patterns and leaves signed values alone', () => {
    expect(signExtend(0xffe, 12)).toBe(-2);
    expect(signExtend(0x7ff, 12)).toBe(2047);
    expect(signExtend(0x800, 12)).toBe(-2048);
    expect(signExtend(0xfffe, 16)).toBe(-2);
    expect(signExtend(-2, 12)).toBe(-2);
    expect(signExtend(0xfffffffe, 32)).toBe(-2);
  });

  it('toStoredSamples picks the typed array from Bits Allocated and the sign', () => {
    expect(toStoredSamples([1, 255], 8, false, 8)).toEqual(Uint8Array.from([1, 255]));
    expect(toStoredSamples([1, 255], 8, true, 8)).toEqual(Int8Array.from([1, -1]));
    expect(toStoredSamples([0xffff, 2], 16, true, 16)).toEqual(Int16Array.from([-1, 2]));
    expect(toStoredSamples([0x0fff, 2], 16, true, 12)).toEqual(Int16Array.from([-1, 2]));
    expect(toStoredSamples([0x0fff, 2], 16, false, 12)).toEqual(Uint16Array.from([4095, 2]));
    expect(toStoredSamples([0xffffffff], 32, true, 32)).toEqual(Int32Array.from([-1]));
  });
});

describe('readJpegFrameHeader', () => {
  it('reads P, Y, X, Nf from SOF after skipping other segments and fill bytes', () => {
    // SOI, APP0 (length 4, two bytes), a fill byte, SOF1: P 12, Y 0x0102, X 0x0304, Nf 1.
    const bytes = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0xaa, 0xbb, 0xff, 0xff, 0xc1, 0x00, 0x0b, 12, 0x01, 0x02, 0x03,
      0x04, 1, 1, 0x11, 0,
    ]);
    expect(readJpegFrameHeader(bytes)).toEqual({
      sof: 0xc1,
      precision: 12,
      height: 258,
      width: 772,
      components: 1,
    });
    expect(readJpegFrameHeader(bytes.subarray(0, 14))).toBeNull();
    expect(readJpegFrameHeader(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
  });

  it('endsWithEoi ignores even-length zero padding', () => {
    expect(endsWithEoi(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(true);
    expect(endsWithEoi(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9, 0x00]))).toBe(true);
    expect(endsWithEoi(Uint8Array.from([0xff, 0xd8, 0xff, 0xd8]))).toBe(false);
  });
});
