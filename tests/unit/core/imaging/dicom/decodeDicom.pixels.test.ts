/**
 * Native greyscale pixel data: bit depths, masking to Bits Stored below High Bit + 1, sign
 * extension, rescale, multi-frame, 1-bit packing across frames, defaults. Every expected value is
 * worked by hand in the comments (PS3.5 8.1.1, PS3.3 C.7.6.3.1, C.11.1).
 */
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { buildFile, ob, obOdd, ow, sq, str, us } from './dicomBuilder';
import type { El } from './dicomBuilder';

const decode = (elements: El[]) => decodeDicom(buildFile('explicit-le', elements).bytes);

describe('decodeDicom: native greyscale pixels', () => {
  it('reads 8-bit MONOCHROME1 values without inverting them', async () => {
    const image = await decode([
      str(0x0008, 0x0060, 'CS', 'CR'), // (0008,0060) Modality
      str(0x0028, 0x0004, 'CS', 'MONOCHROME1'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0010, 2), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
      ob(0x7fe0, 0x0010, [0, 127, 128, 255]), // (7FE0,0010) Pixel Data
    ]);
    expect(image.photometricInterpretation).toBe('MONOCHROME1');
    expect(Array.from(image.frame(0))).toEqual([0, 127, 128, 255]);
    expect(image.unit).toBe('');
  });

  it('masks and sign-extends signed 12-bit values stored in 16 bits, then rescales', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 4), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 12), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 11), // (0028,0102) High Bit
      us(0x0028, 0x0103, 1), // (0028,0103) Pixel Representation: two's complement
      str(0x0028, 0x1052, 'DS', '10'), // (0028,1052) Rescale Intercept
      str(0x0028, 0x1053, 'DS', '2'), // (0028,1053) Rescale Slope
      // 0x0FFF → 12-bit −1; 0x0800 → −2048; 0x07FF → 2047; 0xF005 → high nibble ignored → 5.
      ow(0x7fe0, 0x0010, [0x0fff, 0x0800, 0x07ff, 0xf005]), // (7FE0,0010) Pixel Data
    ]);
    expect(Array.from(image.storedFrame(0))).toEqual([-1, -2048, 2047, 5]);
    // ×2 + 10: −2 + 10, −4096 + 10, 4094 + 10, 10 + 10.
    expect(Array.from(image.frame(0))).toEqual([8, -4086, 4104, 20]);
    expect(image.pixelRepresentation).toBe(1);
  });

  it('reads 16-bit signed values that use all 16 bits', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 16), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 15), // (0028,0102) High Bit
      us(0x0028, 0x0103, 1), // (0028,0103) Pixel Representation
      ow(0x7fe0, 0x0010, [0x8000, 0xffff, 0x7fff]), // (7FE0,0010) Pixel Data: −32768, −1, 32767
    ]);
    expect(Array.from(image.frame(0))).toEqual([-32768, -1, 32767]);
  });

  it('shifts the stored bits down when High Bit is not Bits Stored − 1', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 2), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 11), // (0028,0102) High Bit: the value is bits 4…11
      // (w >> 4) & 0xFF: 0x0AB0 → 0xAB = 171, 0xF123 → 0x12 = 18, 0x0010 → 1, 0x0FF0 → 255.
      ow(0x7fe0, 0x0010, [0x0ab0, 0xf123, 0x0010, 0x0ff0]), // (7FE0,0010) Pixel Data
    ]);
    expect(Array.from(image.storedFrame(0))).toEqual([171, 18, 1, 255]);
  });

  it('reads 32-bit signed values', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 32), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 32), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 31), // (0028,0102) High Bit
      us(0x0028, 0x0103, 1), // (0028,0103) Pixel Representation
      // −5 = 0xFFFFFFFB, 100000 = 0x000186A0, little endian.
      ob(0x7fe0, 0x0010, [0xfb, 0xff, 0xff, 0xff, 0xa0, 0x86, 0x01, 0x00]), // (7FE0,0010) Pixel Data
    ]);
    expect(Array.from(image.storedFrame(0))).toEqual([-5, 100000]);
  });

  it('applies a fractional rescale', async () => {
    const image = await decode([
      str(0x0008, 0x0060, 'CS', 'PT'), // (0008,0060) Modality
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      str(0x0028, 0x1052, 'DS', '-10.5'), // (0028,1052) Rescale Intercept
      str(0x0028, 0x1053, 'DS', '0.5'), // (0028,1053) Rescale Slope
      str(0x0028, 0x1054, 'LO', 'BQML'), // (0028,1054) Rescale Type
      ow(0x7fe0, 0x0010, [0, 3]), // (7FE0,0010) Pixel Data
    ]);
    // 0 × 0.5 − 10.5 = −10.5; 3 × 0.5 − 10.5 = −9.
    expect(Array.from(image.frame(0))).toEqual([-10.5, -9]);
    expect(image.unit).toBe('BQML');
  });

  it('reads every frame of a multi-frame image', async () => {
    const image = await decode([
      str(0x0028, 0x0008, 'IS', '3'), // (0028,0008) Number of Frames
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      ow(0x7fe0, 0x0010, [1, 2, 30, 40, 500, 600]), // (7FE0,0010) Pixel Data: 3 frames of 2
    ]);
    expect(image.numberOfFrames).toBe(3);
    expect(Array.from(image.frame(0))).toEqual([1, 2]);
    expect(Array.from(image.frame(1))).toEqual([30, 40]);
    expect(Array.from(image.frame(2))).toEqual([500, 600]);
    expect(() => image.frame(3)).toThrow(/Frame 3 does not exist/);
  });

  it('unpacks 1-bit frames that do not start on a byte boundary', async () => {
    // Frame 0 (3×3): 1 0 1 / 0 1 0 / 1 1 0. Frame 1: 0 0 1 / 1 1 1 / 0 1 0. 18 bits, LSB first:
    // byte 0 = bits 0–7 = f0[0..7] = 1,0,1,0,1,0,1,1 → 1 + 4 + 16 + 64 + 128 = 213;
    // byte 1 = f0[8], f1[0..6] = 0,0,0,1,1,1,1,0 → 8 + 16 + 32 + 64 = 120; byte 2 = f1[7], f1[8] = 1,0 → 1.
    const image = await decode([
      str(0x0008, 0x0060, 'CS', 'SEG'), // (0008,0060) Modality
      str(0x0028, 0x0008, 'IS', '2'), // (0028,0008) Number of Frames
      us(0x0028, 0x0010, 3), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 1), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 1), // (0028,0101) Bits Stored
      us(0x0028, 0x0102, 0), // (0028,0102) High Bit
      ob(0x7fe0, 0x0010, [213, 120, 1]), // (7FE0,0010) Pixel Data (padded to 4 bytes)
    ]);
    expect(Array.from(image.frame(0))).toEqual([1, 0, 1, 0, 1, 0, 1, 1, 0]);
    expect(Array.from(image.frame(1))).toEqual([0, 0, 1, 1, 1, 1, 0, 1, 0]);
  });

  it('applies the defaults of absent optional attributes', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      ob(0x7fe0, 0x0010, [7, 8, 9]), // (7FE0,0010) Pixel Data: 3 bytes + 1 pad byte
    ]);
    expect(image).toMatchObject({
      modality: 'OT',
      numberOfFrames: 1,
      samplesPerPixel: 1,
      photometricInterpretation: 'MONOCHROME2',
      bitsStored: 8,
      pixelRepresentation: 0,
      rescaleSlope: 1,
      rescaleIntercept: 0,
      unit: '',
      windowCenter: undefined,
      windowWidth: undefined,
      pixelSpacing: undefined,
      // Only the meta header's (0002,0003) identifies anything in this file.
      phi: ['MediaStorageSOPInstanceUID'],
    });
    expect(Array.from(image.frame(0))).toEqual([7, 8, 9]);
  });

  it('reads odd-length pixel data written without its pad byte', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      obOdd(0x7fe0, 0x0010, [7, 8, 9]), // (7FE0,0010) Pixel Data, length 3
    ]);
    expect(Array.from(image.frame(0))).toEqual([7, 8, 9]);
  });

  it('infers Bits Allocated from the pixel data length when it is absent', async () => {
    const image = await decode([
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      ow(0x7fe0, 0x0010, [300, 4000]), // (7FE0,0010) Pixel Data: 4 bytes for 2 pixels → 16 bits
    ]);
    expect(image.bitsAllocated).toBe(16);
    expect(Array.from(image.frame(0))).toEqual([300, 4000]);
  });

  it('takes the first value of a multi-valued window and the pixel spacing in mm', async () => {
    const image = await decode([
      str(0x0008, 0x0060, 'CS', 'CT'), // (0008,0060) Modality
      str(0x0018, 0x0050, 'DS', '1.25'), // (0018,0050) Slice Thickness
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 1), // (0028,0011) Columns
      str(0x0028, 0x0030, 'DS', '0.5\\0.625'), // (0028,0030) Pixel Spacing: row, column
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      str(0x0028, 0x1050, 'DS', '40\\-600'), // (0028,1050) Window Center: soft tissue, lung
      str(0x0028, 0x1051, 'DS', '400\\1500'), // (0028,1051) Window Width
      ow(0x7fe0, 0x0010, [0]), // (7FE0,0010) Pixel Data
    ]);
    expect([image.windowCenter, image.windowWidth]).toEqual([40, 400]);
    expect(image.pixelSpacing).toEqual([0.5, 0.625]);
    expect(image.sliceThickness).toBe(1.25);
    expect(image.unit).toBe('HU');
  });

  it('falls back to Imager Pixel Spacing for projection radiographs', async () => {
    const image = await decode([
      str(0x0018, 0x1164, 'DS', '0.143\\0.143'), // (0018,1164) Imager Pixel Spacing
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 1), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      ow(0x7fe0, 0x0010, [0]), // (7FE0,0010) Pixel Data
    ]);
    expect(image.pixelSpacing).toEqual([0.143, 0.143]);
  });

  it('reads rescale, window and spacing from the Shared Functional Groups of an enhanced image', async () => {
    const image = await decode([
      str(0x0008, 0x0060, 'CS', 'CT'), // (0008,0060) Modality
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 2), // (0028,0011) Columns
      us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
      sq(0x5200, 0x9229, [
        // (5200,9229) Shared Functional Groups Sequence, one item:
        [
          sq(0x0028, 0x9110, [[str(0x0028, 0x0030, 'DS', '0.7\\0.7')]]), // (0028,9110) Pixel Measures
          sq(0x0028, 0x9132, [[str(0x0028, 0x1050, 'DS', '50'), str(0x0028, 0x1051, 'DS', '350')]]), // (0028,9132) Frame VOI LUT
          sq(0x0028, 0x9145, [
            // (0028,9145) Pixel Value Transformation: intercept, slope, type
            [
              str(0x0028, 0x1052, 'DS', '-1024'),
              str(0x0028, 0x1053, 'DS', '1'),
              str(0x0028, 0x1054, 'LO', 'HU'),
            ],
          ]),
        ],
      ]),
      ow(0x7fe0, 0x0010, [1024, 2048]), // (7FE0,0010) Pixel Data
    ]);
    expect(Array.from(image.frame(0))).toEqual([0, 1024]);
    expect([image.windowCenter, image.windowWidth]).toEqual([50, 350]);
    expect(image.pixelSpacing).toEqual([0.7, 0.7]);
  });
});
