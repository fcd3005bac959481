/**
 * decodeImageFile tells formats apart by content (never by name) and says what a wrong file is.
 */
import { encode as encodePng } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImageFile } from '../../../../src/core/imaging/decodeImageFile';
import { ImageDecodeError } from '../../../../src/core/imaging/ImageDecodeError';
import { sniffFileType } from '../../../../src/core/imaging/dicom/sniffFileType';
import { expectGoodChineseMessage } from '../../helpers/chineseText';
import { buildFile, ow, str, us } from './dicom/dicomBuilder';
import type { El } from './dicom/dicomBuilder';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const slice: El[] = [
  str(0x0008, 0x0060, 'CS', 'MR'), // (0008,0060) Modality
  us(0x0028, 0x0010, 1), // (0028,0010) Rows
  us(0x0028, 0x0011, 2), // (0028,0011) Columns
  us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
  ow(0x7fe0, 0x0010, [5, 6]), // (7FE0,0010) Pixel Data
];

async function notAnImage(bytes: Uint8Array, fileName?: string): Promise<ImageDecodeError> {
  const error = await decodeImageFile(bytes, fileName).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImageDecodeError);
  const decodeError = error as ImageDecodeError;
  expect(decodeError.code).toBe('not-an-image');
  // The file name is the student's text, not ours.
  expectGoodChineseMessage(decodeError.messageZh.replace(/^“[^”]*”：/, ''));
  return decodeError;
}

describe('decodeImageFile', () => {
  it('decodes a DICOM Part 10 file, whatever its name', async () => {
    const image = await decodeImageFile(buildFile('explicit-le', slice).bytes, 'scan.png');
    expect(image.kind).toBe('dicom');
    if (image.kind === 'dicom') expect(Array.from(image.frame(0))).toEqual([5, 6]);
  });

  it('decodes DICOM data sets without preamble, implicit or explicit, little or big endian', async () => {
    for (const encoding of ['implicit-le', 'explicit-le', 'explicit-be'] as const) {
      const bytes = buildFile(encoding, slice, { preamble: false, meta: false }).bytes;
      expect(sniffFileType(bytes), encoding).toBe('dicom');
      const image = await decodeImageFile(bytes);
      expect(image.kind, encoding).toBe('dicom');
    }
    const withMeta = buildFile('explicit-le', slice, { preamble: false }).bytes; // starts with (0002,0000)
    expect((await decodeImageFile(withMeta)).kind).toBe('dicom');
  });

  it('decodes a data set without preamble whose first element is in group 0010–0028, as decodeDicom does', async () => {
    const pixelsOnly = slice.filter((e) => e.group !== 0x0008); // starts with (0028,0010) Rows
    for (const encoding of ['implicit-le', 'explicit-le', 'explicit-be'] as const) {
      const bytes = buildFile(encoding, pixelsOnly, { preamble: false, meta: false }).bytes;
      expect(sniffFileType(bytes), encoding).toBe('dicom');
      const image = await decodeImageFile(bytes);
      expect(image.kind, encoding).toBe('dicom');
      if (image.kind === 'dicom') expect(Array.from(image.frame(0)), encoding).toEqual([5, 6]);
    }
    const patient = buildFile('implicit-le', [str(0x0010, 0x0020, 'LO', 'P1'), ...pixelsOnly], {
      preamble: false,
      meta: false,
    }).bytes; // starts with (0010,0020) Patient ID
    expect((await decodeImageFile(patient)).kind).toBe('dicom');
  });

  it('decodes a PNG by its signature', async () => {
    const png = encodePng({ width: 2, height: 1, data: Uint8Array.from([10, 200]), channels: 1, depth: 8 });
    const image = await decodeImageFile(png, 'slice.dcm');
    expect(image).toMatchObject({ kind: 'raster', format: 'png', rows: 1, columns: 2 });
    if (image.kind === 'raster') expect(Array.from(image.pixels)).toEqual([10, 200]);
  });

  it('decodes a JPEG by its SOI marker', async () => {
    const rgba = new Uint8Array(8 * 8 * 4).fill(128);
    const jpeg = encodeJpeg({ width: 8, height: 8, data: rgba }, 90).data;
    const image = await decodeImageFile(new Uint8Array(jpeg), 'photo');
    expect(image).toMatchObject({ kind: 'raster', format: 'jpeg', rows: 8, columns: 8 });
  });

  it('says what common wrong files are', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [ascii('%PDF-1.4\n1 0 obj << >> endobj\n'), /This is a PDF document, not an image/],
      [
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
        /This is a ZIP archive.*Unzip it first/,
      ],
      [ascii('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), /This is a GIF image/],
      [Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]), /This is a TIFF image/],
      [Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0]), /This is a TIFF image/],
      [Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]), /gzip/],
      [ascii('Patient notes\nnothing to see here\n'), /This is a text file, not an image/],
    ];
    for (const [bytes, message] of cases) {
      const error = await notAnImage(bytes);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/opens DICOM, PNG and JPEG files/);
    }
  });

  it('names the file in both languages when a name is given', async () => {
    const error = await notAnImage(ascii('%PDF-1.7\n'), 'report.dcm');
    expect(error.message.startsWith('“report.dcm”: This is a PDF document')).toBe(true);
    expect(error.messageZh.startsWith('“report.dcm”：这是 PDF 文档')).toBe(true);
  });

  it('rejects an empty file and an unknown binary file as not-an-image', async () => {
    expect((await notAnImage(new Uint8Array(0))).message).toMatch(/empty/);
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 200) % 256);
    expect((await notAnImage(noise)).message).toMatch(/neither DICOM nor PNG nor JPEG/);
  });

  it('does not take a file of zero bytes (group 0000, never stored in files) for DICOM', async () => {
    expect((await notAnImage(new Uint8Array(1024))).message).toMatch(/neither DICOM nor PNG nor JPEG/);
  });

  it('rejects a damaged PNG with an ImageDecodeError', async () => {
    const png = encodePng({ width: 4, height: 4, data: new Uint8Array(16).fill(7), channels: 1, depth: 8 });
    const error = await decodeImageFile(png.subarray(0, 40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageDecodeError);
  });
});
