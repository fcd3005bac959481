/**
 * Bad input: every failure is an ImageDecodeError with the right code and a message a student can
 * act on, in English and in Chinese with full-width punctuation.
 */
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { ImageDecodeError } from '../../../../../src/core/imaging/ImageDecodeError';
import type { ImageDecodeErrorCode } from '../../../../../src/core/imaging/ImageDecodeError';
import { expectGoodChineseMessage } from '../../../helpers/chineseText';
import { buildFile, concat, ob, ow, SOP, str, TS, us } from './dicomBuilder';
import type { El } from './dicomBuilder';

async function rejection(bytes: Uint8Array, code: ImageDecodeErrorCode): Promise<ImageDecodeError> {
  const error = await decodeDicom(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImageDecodeError);
  const decodeError = error as ImageDecodeError;
  expect(decodeError.code, decodeError.message).toBe(code);
  expectGoodChineseMessage(decodeError.messageZh);
  return decodeError;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** A 2×2 16-bit image header without pixel data. */
const image2x2: El[] = [
  us(0x0028, 0x0010, 2), // (0028,0010) Rows
  us(0x0028, 0x0011, 2), // (0028,0011) Columns
  us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
];

describe('decodeDicom: errors', () => {
  it('says a Structured Report holds text, not an image', async () => {
    const sr = buildFile('explicit-le', [
      str(0x0008, 0x0016, 'UI', SOP.basicTextSr), // (0008,0016) SOP Class UID: Basic Text SR
      str(0x0008, 0x0060, 'CS', 'SR'), // (0008,0060) Modality
      str(0x0040, 0xa040, 'CS', 'CONTAINER'), // (0040,A040) Value Type
    ]).bytes;
    const error = await rejection(sr, 'no-pixel-data');
    expect(error.message).toMatch(/Structured Report: it holds text/);
    expect(error.messageZh).toMatch(/结构化报告/);
  });

  it('names the other non-image objects from their SOP Class', async () => {
    const cases: [string, RegExp, RegExp][] = [
      ['1.2.840.10008.5.1.4.1.1.481.3', /RT Structure Set/, /放疗结构集/],
      ['1.2.840.10008.5.1.4.1.1.104.1', /Encapsulated PDF/, /PDF/],
      ['1.2.840.10008.5.1.4.1.1.11.1', /Presentation State/, /呈现状态/],
      ['1.2.840.10008.5.1.4.1.1.88.59', /Key Object Selection/, /关键对象/],
      ['1.2.840.10008.5.1.4.1.1.66', /Raw Data/, /原始数据/],
    ];
    for (const [uid, en, zh] of cases) {
      const file = buildFile('explicit-le', [str(0x0008, 0x0016, 'UI', uid)], { sopClass: uid }).bytes; // (0008,0016)
      const error = await rejection(file, 'no-pixel-data');
      expect(error.message).toMatch(en);
      expect(error.messageZh).toMatch(zh);
    }
  });

  it('says an image class without pixel data has no Pixel Data element', async () => {
    const file = buildFile('explicit-le', [str(0x0008, 0x0016, 'UI', SOP.ct), ...image2x2]).bytes; // (0008,0016)
    const error = await rejection(file, 'no-pixel-data');
    expect(error.message).toContain('CT Image Storage');
    expect(error.message).toContain('(7FE0,0010)');
  });

  it('recognises a PDF and says so', async () => {
    const error = await rejection(
      ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      'not-dicom',
    );
    expect(error.message).toMatch(/This is a PDF document, not an image/);
    expect(error.messageZh).toMatch(/这是 PDF 文档/);
  });

  it('rejects an empty file', async () => {
    const error = await rejection(new Uint8Array(0), 'not-dicom');
    expect(error.message).toMatch(/empty/);
  });

  it('rejects "DICM" followed by nothing as truncated', async () => {
    const bytes = concat([new Uint8Array(128), ascii('DICM')]);
    const error = await rejection(bytes, 'truncated');
    expect(error.message).toMatch(/stops right after its DICOM header/);
  });

  it('rejects a file cut inside an element as truncated', async () => {
    const file = buildFile('explicit-le', [
      str(0x0008, 0x0060, 'CS', 'CT'),
      str(0x0008, 0x103e, 'LO', 'A long series description'),
    ]).bytes;
    await rejection(file.subarray(0, file.length - 10), 'truncated');
  });

  it('refuses a huge image as too-large before allocating anything', async () => {
    // 65535 × 65535 × 1000 frames = 4.3 × 10^12 samples: allocating it would throw a RangeError,
    // so a 'too-large' code shows the check came first.
    const file = buildFile('explicit-le', [
      str(0x0028, 0x0008, 'IS', '1000'), // (0028,0008) Number of Frames
      us(0x0028, 0x0010, 65535), // (0028,0010) Rows
      us(0x0028, 0x0011, 65535), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      ow(0x7fe0, 0x0010, [1, 2]), // (7FE0,0010) Pixel Data
    ]).bytes;
    const started = performance.now();
    const error = await rejection(file, 'too-large');
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.message).toContain('65,535 × 65,535 pixels × 1,000 frames');
  });

  it('says how many bytes are missing when the pixel data is shorter than declared', async () => {
    // 2 × 2 pixels × 16 bits = 8 bytes declared by the header; 4 bytes present → 4 missing.
    const file = buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2])]).bytes; // (7FE0,0010)
    const error = await rejection(file, 'truncated');
    expect(error.message).toMatch(/The pixel data is 4 bytes short: .* need 8 bytes but the file holds 4/);
    expect(error.messageZh).toMatch(/缺少 4 字节/);
  });

  it('says how many bytes are missing when the file ends inside the pixel data', async () => {
    const file = buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2, 3, 4])]).bytes;
    const error = await rejection(file.subarray(0, file.length - 3), 'truncated');
    expect(error.message).toMatch(/3 bytes short/);
  });

  it('names an unknown transfer syntax', async () => {
    const file = buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2])], {
      transferSyntax: '1.2.3.4.5.6',
    }).bytes;
    const error = await rejection(file, 'unsupported-transfer-syntax');
    expect(error.message).toContain('1.2.3.4.5.6');
  });

  it('reads a file with an unknown syntax whose pixel data is exactly the native length', async () => {
    const file = buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2, 3, 4])], {
      transferSyntax: '1.2.3.4.5.6',
    }).bytes;
    const image = await decodeDicom(file);
    expect(Array.from(image.frame(0))).toEqual([1, 2, 3, 4]);
  });

  it('rejects a compressed syntax whose pixel data is not encapsulated', async () => {
    const file = buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2, 3])], {
      transferSyntax: TS.rle,
    }).bytes;
    await rejection(file, 'corrupt');
  });

  it('rejects a retired colour model with a clear message', async () => {
    const file = buildFile('explicit-le', [
      us(0x0028, 0x0002, 4), // (0028,0002) Samples per Pixel
      str(0x0028, 0x0004, 'CS', 'ARGB'), // (0028,0004) Photometric Interpretation (retired)
      ...image2x2,
      ob(0x7fe0, 0x0010, new Array<number>(32).fill(0)), // (7FE0,0010) Pixel Data
    ]).bytes;
    const error = await rejection(file, 'unsupported-transfer-syntax');
    expect(error.message).toMatch(/ARGB/);
  });

  it('rejects pixel data without Rows and Columns as corrupt', async () => {
    const file = buildFile('explicit-le', [us(0x0028, 0x0100, 8), ob(0x7fe0, 0x0010, [1, 2])]).bytes;
    const error = await rejection(file, 'corrupt');
    expect(error.message).toMatch(/Rows \(0028,0010\) or Columns/);
  });

  it('rejects packed 12-bit (ACR-NEMA) pixel data as unsupported', async () => {
    const file = buildFile('explicit-le', [
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 12), // (0028,0100) Bits Allocated 12
      ob(0x7fe0, 0x0010, [1, 2, 3, 4]), // (7FE0,0010) Pixel Data
    ]).bytes;
    await rejection(file, 'unsupported-transfer-syntax');
  });

  it('rejects floating-point pixel data as unsupported', async () => {
    const file = buildFile('explicit-le', [
      ...image2x2,
      { group: 0x7fe0, element: 0x0008, vr: 'OF', value: () => new Uint8Array(16) }, // (7FE0,0008) Float Pixel Data
    ]).bytes;
    await rejection(file, 'unsupported-transfer-syntax');
  });

  it('rejects a random binary file as not DICOM', async () => {
    const noise = Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 251);
    await rejection(noise, 'not-dicom');
  });

  it('throws an ImageDecodeError for a frame index out of range', async () => {
    const image = await decodeDicom(
      buildFile('explicit-le', [...image2x2, ow(0x7fe0, 0x0010, [1, 2, 3, 4])]).bytes,
    );
    for (const index of [-1, 1, 0.5, Number.NaN]) {
      expect(() => image.frame(index)).toThrow(ImageDecodeError);
      expect(() => image.storedFrame(index)).toThrow(ImageDecodeError);
    }
  });
});
