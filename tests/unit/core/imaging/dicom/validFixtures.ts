/**
 * A set of small valid DICOM files covering the decoder's paths (every native syntax, bare data
 * sets, multi-frame, 1-bit, colour models, palettes, sequences, encapsulated frames), for the fuzz
 * test to mutate.
 */
import { deflateSync } from 'fflate';
import { buildFile, encapsulated, ob, ow, SOP, sq, str, TS, us } from './dicomBuilder';
import type { Built, El } from './dicomBuilder';

function grey(rows: number, columns: number, bits: 8 | 16, frames = 1): El[] {
  return [
    str(0x0008, 0x0016, 'UI', SOP.ct), // (0008,0016) SOP Class UID
    str(0x0008, 0x0060, 'CS', 'CT'), // (0008,0060) Modality
    str(0x0010, 0x0010, 'PN', 'DOE^JOHN'), // (0010,0010) Patient's Name
    str(0x0028, 0x0004, 'CS', 'MONOCHROME2'), // (0028,0004) Photometric Interpretation
    str(0x0028, 0x0008, 'IS', String(frames)), // (0028,0008) Number of Frames
    us(0x0028, 0x0010, rows), // (0028,0010) Rows
    us(0x0028, 0x0011, columns), // (0028,0011) Columns
    us(0x0028, 0x0100, bits), // (0028,0100) Bits Allocated
    us(0x0028, 0x0101, bits === 16 ? 12 : 8), // (0028,0101) Bits Stored
    us(0x0028, 0x0102, bits === 16 ? 11 : 7), // (0028,0102) High Bit
    us(0x0028, 0x0103, bits === 16 ? 1 : 0), // (0028,0103) Pixel Representation
    str(0x0028, 0x1050, 'DS', '40\\400'), // (0028,1050) Window Center
    str(0x0028, 0x1051, 'DS', '400\\1500'), // (0028,1051) Window Width
    str(0x0028, 0x1052, 'DS', '-1024'), // (0028,1052) Rescale Intercept
    str(0x0028, 0x1053, 'DS', '1'), // (0028,1053) Rescale Slope
  ];
}

const ramp = (n: number, step: number) => Array.from({ length: n }, (_, i) => (i * step) & 0xffff);

function colour(photometric: string, planar: 0 | 1, data: number[], columns: number): El[] {
  return [
    us(0x0028, 0x0002, 3), // (0028,0002) Samples per Pixel
    str(0x0028, 0x0004, 'CS', photometric), // (0028,0004) Photometric Interpretation
    us(0x0028, 0x0006, planar), // (0028,0006) Planar Configuration
    us(0x0028, 0x0010, 2), // (0028,0010) Rows
    us(0x0028, 0x0011, columns), // (0028,0011) Columns
    us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
    ob(0x7fe0, 0x0010, data), // (7FE0,0010) Pixel Data
  ];
}

/** [name, file]. */
export function validFixtures(): [string, Built][] {
  const pixels16 = ow(0x7fe0, 0x0010, ramp(4 * 4 * 2, 97)); // (7FE0,0010) Pixel Data, 2 frames of 4×4
  const rgb = Array.from({ length: 2 * 4 * 3 }, (_, i) => (i * 29) % 256);
  const palette: El[] = [
    str(0x0028, 0x0004, 'CS', 'PALETTE COLOR'), // (0028,0004) Photometric Interpretation
    us(0x0028, 0x0010, 2), // (0028,0010) Rows
    us(0x0028, 0x0011, 2), // (0028,0011) Columns
    us(0x0028, 0x0100, 8), // (0028,0100) Bits Allocated
    us(0x0028, 0x1101, 4, 0, 16), // (0028,1101) Red Palette Color LUT Descriptor
    us(0x0028, 0x1102, 4, 0, 16), // (0028,1102) Green descriptor
    us(0x0028, 0x1103, 4, 0, 16), // (0028,1103) Blue descriptor
    ow(0x0028, 0x1201, [0, 100, 200, 65535]), // (0028,1201) Red LUT Data
    ow(0x0028, 0x1202, [5, 6, 7, 8]), // (0028,1202) Green LUT Data
    ow(0x0028, 0x1221, [0, 4, 1, 2, 3, 4]), // (0028,1221) Segmented Red (ignored: plain data present)
    ow(0x0028, 0x1203, [0, 4, 9, 9]), // (0028,1203) Blue LUT Data
    ob(0x7fe0, 0x0010, [0, 1, 2, 3]), // (7FE0,0010) Pixel Data
  ];
  const bits1: El[] = [
    str(0x0028, 0x0008, 'IS', '3'), // (0028,0008) Number of Frames
    us(0x0028, 0x0010, 3), // (0028,0010) Rows
    us(0x0028, 0x0011, 3), // (0028,0011) Columns
    us(0x0028, 0x0100, 1), // (0028,0100) Bits Allocated
    us(0x0028, 0x0101, 1), // (0028,0101) Bits Stored
    ob(0x7fe0, 0x0010, [0xa5, 0x5a, 0xff, 0x01]), // (7FE0,0010) Pixel Data: 27 bits
  ];
  const enhanced: El[] = [
    ...grey(2, 2, 16).slice(0, 10),
    sq(0x5200, 0x9229, [
      [sq(0x0028, 0x9145, [[str(0x0028, 0x1052, 'DS', '-1000'), str(0x0028, 0x1053, 'DS', '2')]])],
    ]), // (5200,9229) Shared FG
    ow(0x7fe0, 0x0010, [1, 2, 3, 4]), // (7FE0,0010) Pixel Data
  ];
  const frames8 = [Uint8Array.from(ramp(8, 3)), Uint8Array.from(ramp(8, 5))];
  return [
    ['implicit LE 16-bit 2 frames', buildFile('implicit-le', [...grey(4, 4, 16, 2), pixels16])],
    ['explicit LE 16-bit 2 frames', buildFile('explicit-le', [...grey(4, 4, 16, 2), pixels16])],
    ['explicit BE 16-bit 2 frames', buildFile('explicit-be', [...grey(4, 4, 16, 2), pixels16])],
    ['deflated 16-bit', buildFile('deflated', [...grey(4, 4, 16, 2), pixels16])],
    [
      'bare implicit 8-bit',
      buildFile('implicit-le', [...grey(3, 3, 8), ob(0x7fe0, 0x0010, ramp(9, 28))], {
        preamble: false,
        meta: false,
      }),
    ],
    [
      'bare explicit BE 8-bit',
      buildFile('explicit-be', [...grey(3, 3, 8), ob(0x7fe0, 0x0010, ramp(9, 28))], {
        preamble: false,
        meta: false,
      }),
    ],
    ['RGB planar', buildFile('explicit-le', colour('RGB', 1, rgb, 4))],
    ['YBR_FULL', buildFile('explicit-le', colour('YBR_FULL', 0, rgb, 4))],
    ['YBR_FULL_422', buildFile('explicit-le', colour('YBR_FULL_422', 0, rgb.slice(0, 16), 4))],
    ['palette 16-bit', buildFile('explicit-le', palette)],
    ['1-bit 3 frames', buildFile('explicit-le', bits1)],
    ['enhanced with sequences', buildFile('implicit-le', enhanced)],
    [
      'encapsulated uncompressed, offset table',
      buildFile('explicit-le', [...grey(2, 4, 8, 2), encapsulated(frames8, [0, 16])], {
        transferSyntax: TS.encapsulatedUncompressed,
      }),
    ],
    [
      'deflated image frames',
      buildFile('explicit-le', [...grey(2, 4, 8, 2), encapsulated(frames8.map((f) => deflateSync(f)))], {
        transferSyntax: TS.deflatedImageFrame,
      }),
    ],
  ];
}
