/**
 * decodeDicom reads the same 2×2 CT slice written in every native transfer syntax, with and without
 * preamble and meta header. Expected values are worked by hand: modality value = stored × slope +
 * intercept (PS3.3 C.11.1).
 */
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { bareDataSetStart, sniffFileType } from '../../../../../src/core/imaging/dicom/sniffFileType';
import { ImageDecodeError } from '../../../../../src/core/imaging/ImageDecodeError';
import { buildFile, concat, encodeElement, ob, ow, SOP, str, TS, us } from './dicomBuilder';
import type { El, Encoding } from './dicomBuilder';

/** A 2×2 CT slice, 12 bits stored in 16: stored [0, 1000, 2000, 4095], rescale −1024. */
function ctSlice(): El[] {
  return [
    str(0x0008, 0x0016, 'UI', SOP.ct), // (0008,0016) SOP Class UID: CT Image Storage
    str(0x0008, 0x0060, 'CS', 'CT'), // (0008,0060) Modality
    us(0x0028, 0x0002, 1), // (0028,0002) Samples per Pixel
    str(0x0028, 0x0004, 'CS', 'MONOCHROME2'), // (0028,0004) Photometric Interpretation
    us(0x0028, 0x0010, 2), // (0028,0010) Rows
    us(0x0028, 0x0011, 2), // (0028,0011) Columns
    us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
    us(0x0028, 0x0101, 12), // (0028,0101) Bits Stored
    us(0x0028, 0x0102, 11), // (0028,0102) High Bit
    us(0x0028, 0x0103, 0), // (0028,0103) Pixel Representation: unsigned
    str(0x0028, 0x1052, 'DS', '-1024'), // (0028,1052) Rescale Intercept
    str(0x0028, 0x1053, 'DS', '1'), // (0028,1053) Rescale Slope
    ow(0x7fe0, 0x0010, [0, 1000, 2000, 4095]), // (7FE0,0010) Pixel Data
  ];
}
/** 0 − 1024, 1000 − 1024, 2000 − 1024, 4095 − 1024. */
const EXPECTED_HU = [-1024, -24, 976, 3071];

describe('decodeDicom: native transfer syntaxes', () => {
  const cases: [Encoding, string][] = [
    ['implicit-le', TS.implicitLE],
    ['explicit-le', TS.explicitLE],
    ['explicit-be', TS.explicitBE],
    ['deflated', TS.deflatedLE],
  ];
  for (const [encoding, uid] of cases) {
    it(`reads ${encoding} (${uid}) into Hounsfield units`, async () => {
      const image = await decodeDicom(buildFile(encoding, ctSlice()).bytes);
      expect(image.transferSyntaxUid).toBe(uid);
      expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
      expect(Array.from(image.storedFrame(0))).toEqual([0, 1000, 2000, 4095]);
      expect(image.unit).toBe('HU');
      expect([image.rows, image.columns, image.numberOfFrames, image.samplesPerPixel]).toEqual([2, 2, 1, 1]);
    });
  }

  it('writes big endian pixel data most significant byte first (the fixture really is big endian)', () => {
    const bytes = buildFile('explicit-be', ctSlice()).bytes;
    // 1000 = 0x03E8 and 2000 = 0x07D0, big endian, right after the pixel data header.
    const tail = Array.from(bytes.subarray(bytes.length - 8));
    expect(tail).toEqual([0x00, 0x00, 0x03, 0xe8, 0x07, 0xd0, 0x0f, 0xff]);
  });

  it('byte-swaps 8-bit OW pixel data in explicit big endian (OW is a stream of 16-bit words)', async () => {
    const elements: El[] = [
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 4), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      // (7FE0,0010) Pixel Data as OW words 0x0102, 0x0304: on disk 01 02 03 04 in big endian,
      // i.e. the 8-bit samples 2, 1, 4, 3 in little-endian word order.
      ow(0x7fe0, 0x0010, [0x0102, 0x0304]),
    ];
    const image = await decodeDicom(buildFile('explicit-be', elements).bytes);
    expect(Array.from(image.storedFrame(0))).toEqual([2, 1, 4, 3]);
  });

  it('reads 8-bit OB pixel data in big endian without swapping', async () => {
    const elements: El[] = [
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 4), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      ob(0x7fe0, 0x0010, [1, 2, 3, 4]), // (7FE0,0010) Pixel Data
    ];
    const image = await decodeDicom(buildFile('explicit-be', elements).bytes);
    expect(Array.from(image.storedFrame(0))).toEqual([1, 2, 3, 4]);
  });

  it('reads the GE private syntax: implicit little endian data set, big endian pixel data', async () => {
    const elements: El[] = [
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      ob(0x7fe0, 0x0010, [0x03, 0xe8, 0x07, 0xd0]), // (7FE0,0010) Pixel Data: 0x03E8 = 1000, 0x07D0 = 2000
    ];
    const image = await decodeDicom(
      buildFile('implicit-le', elements, { transferSyntax: '1.2.840.113619.5.2' }).bytes,
    );
    expect(Array.from(image.frame(0))).toEqual([1000, 2000]);
  });

  it('reads a bare implicit little endian data set (no preamble, no meta header)', async () => {
    const bytes = buildFile('implicit-le', ctSlice(), { preamble: false, meta: false }).bytes;
    expect(bytes[0]).toBe(0x08); // starts with (0008,0016), little endian
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.implicitLE);
  });

  it('reads a bare explicit little endian data set by spotting the VR after the tag', async () => {
    const bytes = buildFile('explicit-le', ctSlice(), { preamble: false, meta: false }).bytes;
    expect(String.fromCharCode(bytes[4] ?? 0, bytes[5] ?? 0)).toBe('UI');
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.explicitLE);
  });

  it('reads a bare explicit big endian data set', async () => {
    const bytes = buildFile('explicit-be', ctSlice(), { preamble: false, meta: false }).bytes;
    expect([bytes[0], bytes[1]]).toEqual([0x00, 0x08]);
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.explicitBE);
  });

  it('reads a file whose meta header has no preamble (starts with group 0002)', async () => {
    const bytes = buildFile('explicit-le', ctSlice(), { preamble: false }).bytes;
    expect([bytes[0], bytes[1], bytes[2], bytes[3]]).toEqual([0x02, 0x00, 0x00, 0x00]);
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
  });

  it('reads a file that says implicit VR but is written explicit (a common writer bug)', async () => {
    const bytes = buildFile('explicit-le', ctSlice(), { transferSyntax: TS.implicitLE }).bytes;
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.explicitLE);
    expect(image.header.DecoderNotes).toMatch(/not as the declared/);
  });

  it('infers the syntax when the meta header has no Transfer Syntax UID', async () => {
    const meta = [
      ob(0x0002, 0x0001, [0x00, 0x01]), // (0002,0001) File Meta Information Version
      str(0x0002, 0x0002, 'UI', SOP.ct), // (0002,0002) Media Storage SOP Class UID
    ];
    const preamble = concat([new Uint8Array(128), Uint8Array.from([0x44, 0x49, 0x43, 0x4d])]);
    const body = concat(ctSlice().map((e) => encodeElement(e, 'implicit-le')));
    const bytes = concat([preamble, ...meta.map((e) => encodeElement(e, 'explicit-le')), body]);
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.implicitLE);
  });

  it('ends the File Meta Information at its Group Length when the data set starts below group 0002', async () => {
    // pydicom's meta_missing_tsyntax.dcm starts its data set with group 0001, which dicom-parser
    // alone reads on as meta (it stops only above (0002,FFFF)).
    const lowGroup = str(0x0001, 0x0010, 'LO', 'LOW'); // (0001,0010): an (illegal) group-0001 element
    const bytes = buildFile('implicit-le', [lowGroup, ...ctSlice()]).bytes;
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.transferSyntaxUid).toBe(TS.implicitLE);
  });

  it('reads a bare data set with a stray byte in front (pydicom no_meta.dcm)', async () => {
    const bare = buildFile('explicit-le', ctSlice(), { preamble: false, meta: false }).bytes;
    const bytes = concat([Uint8Array.from([0x20]), bare]);
    expect(sniffFileType(bytes)).toBe('dicom');
    expect(bareDataSetStart(bytes)).toBe(1);
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
    expect(image.header.DecoderNotes).toMatch(/1 stray byte/);
    // Text is not taken for DICOM, even where a few letters spell a VR.
    const text = Uint8Array.from('x\b\0\0CS\u0002\0ab and more text here', (c) => c.charCodeAt(0));
    expect(bareDataSetStart(text)).toBeUndefined();
    expect(sniffFileType(text)).toBe('other');
  });

  it('shows the image when unreadable bytes follow the pixel data', async () => {
    const bytes = concat([
      buildFile('explicit-le', ctSlice()).bytes,
      Uint8Array.from([0xfc, 0xff, 0xfc, 0xff, 0x4f]),
    ]);
    const image = await decodeDicom(bytes);
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
  });

  it('accepts a Node Buffer as well as a Uint8Array', async () => {
    const image = await decodeDicom(Buffer.from(buildFile('deflated', ctSlice()).bytes));
    expect(Array.from(image.frame(0))).toEqual(EXPECTED_HU);
  });

  it('rejects a deflated data set that does not inflate with a corrupt error', async () => {
    const broken = buildFile('deflated', ctSlice()).bytes.slice();
    // The deflate stream starts where the meta header ends (a file with an empty data set).
    const deflateStart = buildFile('explicit-le', [], { transferSyntax: TS.deflatedLE }).bytes.length;
    // First byte 0xFF: BFINAL 1, BTYPE 11, the reserved block type (RFC 1951 3.2.3).
    broken[deflateStart] = 0xff;
    const error = await decodeDicom(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageDecodeError);
    expect((error as ImageDecodeError).code).toBe('corrupt');
    expect((error as ImageDecodeError).message).toMatch(/deflated/);
  });
});
