/**
 * Encapsulated pixel data (PS3.5 A.4): which fragments make which frame — empty or filled Basic
 * Offset Table, one fragment per frame, several per frame, one frame in many fragments, the
 * Extended Offset Table — and the syntaxes decoded here without a codec (Encapsulated
 * Uncompressed, Deflated Image Frame), plus compressed syntaxes (RLE, PS3.5 Annex G; JPEG
 * Baseline, 8.2.1) end to end, including encapsulated pixel data in an Implicit VR data set.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { readEncapsulatedFrames } from '../../../../../src/core/imaging/dicom/encapsulatedFrames';
import { parseDicomFile } from '../../../../../src/core/imaging/dicom/parseDicomFile';
import { ImageDecodeError } from '../../../../../src/core/imaging/ImageDecodeError';
import { encodeJpegDct } from '../codecs/encoders/encodeJpeg12';
import { maxAbsDiff, smooth } from '../codecs/encoders/testImages';
import { buildFile, encapsulated, ob, str, TS, us } from './dicomBuilder';
import type { Encoding, El } from './dicomBuilder';

const bytes = (...values: number[]) => Uint8Array.from(values);

/** 8-bit greyscale, Rows 1 × Columns 4, `frames` frames. */
function grey8(frames: number): El[] {
  return [
    str(0x0028, 0x0008, 'IS', String(frames)), // (0028,0008) Number of Frames
    us(0x0028, 0x0010, 1), // (0028,0010) Rows
    us(0x0028, 0x0011, 4), // (0028,0011) Columns
    us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
  ];
}

const decodeEncapsulated = (header: El[], pixelData: El, ts: string = TS.encapsulatedUncompressed) =>
  decodeDicom(buildFile('explicit-le', [...header, pixelData], { transferSyntax: ts }).bytes);

describe('decodeDicom: encapsulated frames', () => {
  it('joins the fragments of a single frame (empty Basic Offset Table)', async () => {
    const image = await decodeEncapsulated(grey8(1), encapsulated([bytes(1, 2), bytes(3, 4)]));
    expect(Array.from(image.frame(0))).toEqual([1, 2, 3, 4]);
  });

  it('takes one fragment per frame when the Basic Offset Table is empty', async () => {
    const image = await decodeEncapsulated(grey8(2), encapsulated([bytes(1, 2, 3, 4), bytes(5, 6, 7, 8)]));
    expect(Array.from(image.frame(1))).toEqual([5, 6, 7, 8]);
  });

  it('uses the Basic Offset Table when frames span several fragments', async () => {
    // Fragment items are 8 + 2 bytes each: offsets 0, 10, 20, 30; frame 1 starts at the third, offset 20.
    const pixelData = encapsulated([bytes(1, 2), bytes(3, 4), bytes(5, 6), bytes(7, 8)], [0, 20]);
    const image = await decodeEncapsulated(grey8(2), pixelData);
    expect(Array.from(image.frame(0))).toEqual([1, 2, 3, 4]);
    expect(Array.from(image.frame(1))).toEqual([5, 6, 7, 8]);
  });

  it('ignores a Basic Offset Table that does not point at fragments and falls back to one fragment per frame', async () => {
    const pixelData = encapsulated([bytes(1, 2, 3, 4), bytes(5, 6, 7, 8)], [0, 7]);
    const image = await decodeEncapsulated(grey8(2), pixelData);
    expect(Array.from(image.frame(1))).toEqual([5, 6, 7, 8]);
  });

  it('says frames are missing when there are fewer fragments than frames', async () => {
    const error = await decodeEncapsulated(grey8(3), encapsulated([bytes(1, 2, 3, 4)])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect((error as ImageDecodeError).code).toBe('truncated');
    expect((error as ImageDecodeError).message).toMatch(/1 fragments for 3 frames/);
  });

  it('inflates each frame of Deflated Image Frame Compression (a 1-bit segmentation)', async () => {
    // Rows 2 × Columns 4 = 8 bits = 1 byte per frame. Frame 0 bits 1,1,0,0,1,0,1,0 → 1+2+16+64 = 83;
    // frame 1 bits 0,0,0,0,0,0,0,1 → 128.
    const header: El[] = [
      str(0x0028, 0x0008, 'IS', '2'), // (0028,0008) Number of Frames
      us(0x0028, 0x0010, 2), // (0028,0010) Rows
      us(0x0028, 0x0011, 4), // (0028,0011) Columns
      us(0x0028, 0x0100, 1), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 1), // (0028,0101) Bits Stored
    ];
    const pixelData = encapsulated([deflateSync(bytes(83)), deflateSync(bytes(128))]);
    const image = await decodeEncapsulated(header, pixelData, TS.deflatedImageFrame);
    expect(Array.from(image.frame(0))).toEqual([1, 1, 0, 0, 1, 0, 1, 0]);
    expect(Array.from(image.frame(1))).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('decodes RLE Lossless colour (one segment per colour plane) to interleaved RGB', async () => {
    // PS3.5 G.3: a 64-byte header (segment count 3, offsets 64, 68, 72), then one PackBits segment
    // per plane; each is a literal run: control byte 2 (= 3 bytes follow) and the 3 values.
    const header = new Uint8Array(64);
    new DataView(header.buffer).setUint32(0, 3, true);
    new DataView(header.buffer).setUint32(4, 64, true);
    new DataView(header.buffer).setUint32(8, 68, true);
    new DataView(header.buffer).setUint32(12, 72, true);
    const frame = Uint8Array.from([...header, 2, 10, 40, 70, 2, 20, 50, 80, 2, 30, 60, 90]);
    const elements: El[] = [
      us(0x0028, 0x0002, 3), // (0028,0002) Samples per Pixel
      str(0x0028, 0x0004, 'CS', 'RGB'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0006, 1), // (0028,0006) Planar Configuration: RLE is by plane
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 7), // (0028,0102) High Bit
    ];
    const image = await decodeEncapsulated(elements, encapsulated([frame]), TS.rle);
    expect(Array.from(image.frame(0))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('reads encapsulated JPEG in an Implicit VR data set (against PS3.5 A.4, as pydicom SC_rgb_jpeg.dcm is)', async () => {
    // dicom-parser alone takes the undefined-length Pixel Data for a sequence of data sets there.
    const grey = smooth(16, 24, 0, 255);
    const jpeg = encodeJpegDct({ precision: 8, rows: 16, columns: 24, planes: [grey] });
    const elements: El[] = [
      str(0x0028, 0x0004, 'CS', 'MONOCHROME2'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0010, 16), // (0028,0010) Rows
      us(0x0028, 0x0011, 24), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
      encapsulated([jpeg]), // (7FE0,0010) Pixel Data, undefined length
      ob(0xfffc, 0xfffc, [0, 0]), // (FFFC,FFFC) Data Set Trailing Padding, read after the pixel data
    ];
    const file = buildFile('implicit-le', elements, { transferSyntax: TS.jpegBaseline }).bytes;
    const parsed = parseDicomFile(file);
    expect(parsed.encoding).toBe('implicit-le');
    expect(parsed.transferSyntaxUid).toBe(TS.jpegBaseline);
    expect(parsed.dataSet.elements.xfffcfffc?.length).toBe(2);
    const image = await decodeDicom(file);
    expect(maxAbsDiff(image.frame(0), grey)).toBeLessThanOrEqual(8);
    expect(image.header.DecoderNotes).toMatch(/encoded as 1\.2\.840\.10008\.1\.2, not as Explicit VR/);
  });

  for (const encoding of ['explicit-le', 'implicit-le'] as Encoding[]) {
    it(`keeps fragment bytes that spell an Item or Sequence Delimitation tag whole (${encoding})`, async () => {
      // pydicom's JPEG2000-embedded-sequence-delimiter.dcm: FE FF DD E0 inside a codestream. Fragments
      // are read by their lengths (PS3.5 A.4), never by searching for delimiters.
      const pixelData = encapsulated([bytes(0xfe, 0xff, 0xdd, 0xe0), bytes(0xfe, 0xff, 0x00, 0xe0)]);
      const file = buildFile(encoding, [...grey8(2), pixelData], {
        transferSyntax: TS.encapsulatedUncompressed,
      });
      const image = await decodeDicom(file.bytes);
      expect(Array.from(image.frame(0))).toEqual([0xfe, 0xff, 0xdd, 0xe0]);
      expect(Array.from(image.frame(1))).toEqual([0xfe, 0xff, 0x00, 0xe0]);
    });
  }

  it('names an encapsulated syntax that has no decoder', async () => {
    const error = await decodeEncapsulated(grey8(1), encapsulated([bytes(0, 0, 1, 0xb3)]), TS.mpeg2).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect((error as ImageDecodeError).code).toBe('unsupported-transfer-syntax');
    expect((error as ImageDecodeError).message).toContain('MPEG2');
    expect((error as ImageDecodeError).message).toContain(TS.mpeg2);
  });
});

describe('readEncapsulatedFrames', () => {
  const parse = (elements: El[], ts: string) =>
    parseDicomFile(buildFile('explicit-le', elements, { transferSyntax: ts }).bytes).dataSet;

  it('splits fragments at each JPEG start-of-image marker when there is no offset table', () => {
    const jpegA1 = bytes(0xff, 0xd8, 0x11, 0x12);
    const jpegA2 = bytes(0x13, 0x14, 0xff, 0xd9);
    const jpegB = bytes(0xff, 0xd8, 0x21, 0xd9);
    const dataSet = parse([encapsulated([jpegA1, jpegA2, jpegB])], TS.jpegBaseline);
    const pixelData = dataSet.elements.x7fe00010;
    if (pixelData === undefined) throw new Error('fixture has no pixel data');
    const frames = readEncapsulatedFrames(dataSet, pixelData, 2);
    expect(frames.map((f) => Array.from(f))).toEqual([[...jpegA1, ...jpegA2], [...jpegB]]);
  });

  it('follows the Extended Offset Table (OV, 64-bit offsets, PS3.3 C.7.6.3.1.8)', () => {
    // Fragments of 2 bytes: items at offsets 0, 10, 20. Frame 0 = fragment 0; frame 1 = fragments 1 and 2.
    const offsets = new Uint8Array(16);
    new DataView(offsets.buffer).setBigUint64(8, 10n, true);
    const extendedOffsetTable: El = { group: 0x7fe0, element: 0x0001, vr: 'OV', value: () => offsets };
    const dataSet = parse(
      [extendedOffsetTable, encapsulated([bytes(1, 2), bytes(3, 4), bytes(5, 6)])],
      TS.encapsulatedUncompressed,
    );
    const pixelData = dataSet.elements.x7fe00010;
    if (pixelData === undefined) throw new Error('fixture has no pixel data');
    const frames = readEncapsulatedFrames(dataSet, pixelData, 2);
    expect(frames.map((f) => Array.from(f))).toEqual([
      [1, 2],
      [3, 4, 5, 6],
    ]);
  });

  it('reports a fragment that runs past the end of the file as truncated, with the missing byte count', () => {
    const file = buildFile('explicit-le', [encapsulated([bytes(1, 2, 3, 4, 5, 6)])], {
      transferSyntax: TS.rle,
    }).bytes;
    // Cut the file 3 bytes into the fragment's 6 bytes (drop the rest and the delimiter: 3 + 8 bytes).
    const cut = file.subarray(0, file.length - 11);
    // dicom-parser stops with "buffer overrun" after the pixel data; parseDicomFile keeps what it read.
    const dataSet = parseDicomFile(cut).dataSet;
    const pixelData = dataSet.elements.x7fe00010;
    if (pixelData === undefined) throw new Error('fixture has no pixel data');
    expect(() => readEncapsulatedFrames(dataSet, pixelData, 1)).toThrow(/3 bytes short/);
  });
});
