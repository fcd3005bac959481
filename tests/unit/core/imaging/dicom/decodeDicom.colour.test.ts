/**
 * Colour pixel data → interleaved RGB: planar configuration, YBR_FULL and YBR_FULL_422 (PS3.3
 * C.7.6.3.1.2), PALETTE COLOR with 8- and 16-bit entries and segmented palettes (C.7.6.3.1.5,
 * C.7.9.2). Expected YBR values come from the ITU-T T.871 (JFIF) inverse equations, worked by
 * hand: R = Y + 1.402 Cr′, G = Y − 0.344136 Cb′ − 0.714136 Cr′, B = Y + 1.772 Cb′ (Cb′ = Cb − 128).
 */
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { buildFile, ob, ow, str, us } from './dicomBuilder';
import type { El } from './dicomBuilder';

const decode = (elements: El[]) => decodeDicom(buildFile('explicit-le', elements).bytes);

/** Rows 1 × `columns`, 8-bit, 3 samples, the given photometric interpretation and planar configuration. */
function colourHeader(columns: number, photometric: string, planar: 0 | 1): El[] {
  return [
    us(0x0028, 0x0002, 3), // (0028,0002) Samples per Pixel
    str(0x0028, 0x0004, 'CS', photometric), // (0028,0004) Photometric Interpretation
    us(0x0028, 0x0006, planar), // (0028,0006) Planar Configuration
    us(0x0028, 0x0010, 1), // (0028,0010) Rows
    us(0x0028, 0x0011, columns), // (0028,0011) Columns
    us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
    us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
    us(0x0028, 0x0102, 7), // (0028,0102) High Bit
  ];
}

function expectWithin1(actual: Float32Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) =>
    expect(Math.abs(v - (expected[i] ?? NaN)), `sample ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(1),
  );
}

describe('decodeDicom: colour', () => {
  it('interleaves RGB stored colour-by-plane (Planar Configuration 1)', async () => {
    const image = await decode([
      ...colourHeader(2, 'RGB', 1),
      // (7FE0,0010) Pixel Data: R plane 10 40, G plane 20 50, B plane 30 60.
      ob(0x7fe0, 0x0010, [10, 40, 20, 50, 30, 60]),
    ]);
    expect(image.samplesPerPixel).toBe(3);
    expect(Array.from(image.frame(0))).toEqual([10, 20, 30, 40, 50, 60]);
    expect(image.unit).toBe('');
  });

  it('keeps RGB stored colour-by-pixel as it is', async () => {
    const image = await decode([...colourHeader(2, 'RGB', 0), ob(0x7fe0, 0x0010, [1, 2, 3, 4, 5, 6])]); // (7FE0,0010)
    expect(Array.from(image.storedFrame(0))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('converts YBR_FULL to RGB', async () => {
    const image = await decode([
      ...colourHeader(4, 'YBR_FULL', 0),
      // (7FE0,0010) Pixel Data: (Y, Cb, Cr) per pixel.
      ob(0x7fe0, 0x0010, [128, 128, 128, 76, 85, 255, 150, 44, 21, 29, 255, 107]),
    ]);
    expect(image.photometricInterpretation).toBe('YBR_FULL');
    // (128,128,128) → grey 128.
    // (76, 85, 255): Cb′ −43, Cr′ 127 → R 76 + 178.05 = 254, G 76 + 14.80 − 90.70 = 0, B 76 − 76.20 = 0.
    // (150, 44, 21): Cb′ −84, Cr′ −107 → R 150 − 150.01 = 0, G 150 + 28.91 + 76.41 = 255, B 150 − 148.85 = 1.
    // (29, 255, 107): Cb′ 127, Cr′ −21 → R 29 − 29.44 = 0, G 29 − 43.71 + 15.00 = 0, B 29 + 225.04 = 254.
    expectWithin1(image.frame(0), [128, 128, 128, 254, 0, 0, 0, 255, 1, 0, 0, 254]);
  });

  it('up-samples and converts native YBR_FULL_422 (Y1 Y2 Cb Cr per pair of pixels)', async () => {
    const image = await decode([
      ...colourHeader(4, 'YBR_FULL_422', 0),
      // (7FE0,0010) Pixel Data: pair 1: Y 128, 76, Cb 128, Cr 128; pair 2: Y 76, 150, Cb 85, Cr 255.
      ob(0x7fe0, 0x0010, [128, 76, 128, 128, 76, 150, 85, 255]),
    ]);
    // Pixel 0: grey 128; pixel 1: grey 76; pixel 2: (76, 85, 255) → (254, 0, 0) as above;
    // pixel 3: (150, 85, 255) → R 150 + 178.05 → 255 (clamped), G 150 + 14.80 − 90.70 = 74, B 150 − 76.20 = 74.
    expectWithin1(image.frame(0), [128, 128, 128, 76, 76, 76, 254, 0, 0, 255, 74, 74]);
  });

  it('looks up PALETTE COLOR with 8-bit entries, clamping below the first mapped value and above the last entry', async () => {
    const image = await decode([
      us(0x0028, 0x0002, 1), // (0028,0002) Samples per Pixel
      str(0x0028, 0x0004, 'CS', 'PALETTE COLOR'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 4), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x0101, 8), // (0028,0101) Bits Stored
      us(0x0028, 0x1101, 4, 10, 8), // (0028,1101) Red descriptor: 4 entries, first mapped 10, 8 bits
      us(0x0028, 0x1102, 4, 10, 8), // (0028,1102) Green descriptor
      us(0x0028, 0x1103, 4, 10, 8), // (0028,1103) Blue descriptor
      // 8-bit entries packed two per OW word, first entry in the low byte: red 0, 255, 0, 10.
      ow(0x0028, 0x1201, [0xff00, 0x0a00]), // (0028,1201) Red LUT Data
      ow(0x0028, 0x1202, [0x0000, 0x14ff]), // (0028,1202) Green LUT Data: 0, 0, 255, 20
      ow(0x0028, 0x1203, [0x0000, 0x1e00]), // (0028,1203) Blue LUT Data: 0, 0, 0, 30
      // (7FE0,0010) Pixel Data: 9 (below 10 → entry 0), 11 (entry 1), 13 (entry 3), 200 (above → entry 3).
      ob(0x7fe0, 0x0010, [9, 11, 13, 200]),
    ]);
    expect(image.samplesPerPixel).toBe(3);
    expect(image.bitsStored).toBe(8);
    expect(Array.from(image.frame(0))).toEqual([0, 0, 0, 255, 0, 0, 10, 20, 30, 10, 20, 30]);
  });

  it('looks up PALETTE COLOR with 16-bit entries (0 … 65535)', async () => {
    const image = await decode([
      str(0x0028, 0x0004, 'CS', 'PALETTE COLOR'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x1101, 3, 0, 16), // (0028,1101) Red descriptor: 3 entries from 0, 16 bits
      us(0x0028, 0x1102, 3, 0, 16), // (0028,1102) Green descriptor
      us(0x0028, 0x1103, 3, 0, 16), // (0028,1103) Blue descriptor
      ow(0x0028, 0x1201, [0, 65535, 32768]), // (0028,1201) Red LUT Data
      ow(0x0028, 0x1202, [100, 200, 300]), // (0028,1202) Green LUT Data
      ow(0x0028, 0x1203, [65535, 0, 1]), // (0028,1203) Blue LUT Data
      ob(0x7fe0, 0x0010, [2, 1, 0]), // (7FE0,0010) Pixel Data: indices 2, 1, 0 (+ pad)
    ]);
    expect(image.bitsStored).toBe(16);
    expect(Array.from(image.frame(0))).toEqual([32768, 300, 1, 65535, 200, 0, 0, 100, 65535]);
  });

  it('expands Segmented Palette Color LUT Data (discrete and linear segments)', async () => {
    const image = await decode([
      str(0x0028, 0x0004, 'CS', 'PALETTE COLOR'), // (0028,0004) Photometric Interpretation
      us(0x0028, 0x0010, 1), // (0028,0010) Rows
      us(0x0028, 0x0011, 3), // (0028,0011) Columns
      us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
      us(0x0028, 0x1101, 5, 0, 16), // (0028,1101) Red descriptor: 5 entries, 16 bits
      us(0x0028, 0x1102, 5, 0, 16), // (0028,1102) Green descriptor
      us(0x0028, 0x1103, 5, 0, 16), // (0028,1103) Blue descriptor
      // Red: discrete [0], then linear ramp of 4 to 400 → 0, 100, 200, 300, 400.
      ow(0x0028, 0x1221, [0, 1, 0, 1, 4, 400]), // (0028,1221) Segmented Red LUT Data
      ow(0x0028, 0x1222, [0, 5, 5, 4, 3, 2, 1]), // (0028,1222) Segmented Green: discrete 5, 4, 3, 2, 1
      ow(0x0028, 0x1223, [0, 1, 7, 1, 4, 7]), // (0028,1223) Segmented Blue: 7, then flat ramp → 7 × 5
      ob(0x7fe0, 0x0010, [0, 2, 4]), // (7FE0,0010) Pixel Data: indices 0, 2, 4
    ]);
    expect(Array.from(image.frame(0))).toEqual([0, 5, 7, 200, 3, 7, 400, 1, 7]);
  });
});
