/** RLE Lossless (PS3.5 Annex G): hand-worked frames, then frames made by the test encoder. */
import { describe, expect, it } from 'vitest';
import { decodeCompressedFrame } from '../../../../../src/core/imaging/codecs/decodeCompressedFrame';
import { ImageDecodeError } from '../../../../../src/core/imaging/ImageDecodeError';
import { encodeRle } from './encoders/encodeRle';
import { noise, toPlanar } from './encoders/testImages';
import { colourInfo, decodeError, monoInfo, patterns } from './frameInfo';

const RLE = '1.2.840.10008.1.2.5';

/** A frame from its segments: the 64-byte header (G.5: count, then offsets) and the segments. */
function frame(...segments: number[][]): Uint8Array {
  const header = new Array<number>(64).fill(0);
  header[0] = segments.length;
  let offset = 64;
  segments.forEach((s, i) => {
    header[4 + 4 * i] = offset & 0xff;
    header[5 + 4 * i] = offset >> 8;
    offset += s.length;
  });
  return Uint8Array.from([...header, ...segments.flat()]);
}

describe('RLE Lossless, hand-worked bytes', () => {
  it('decodes a replicate run, a no-op and a literal run (G.3.1)', async () => {
    // FE 05: −2 → repeat 05 three times; 80: no-op; 02 01 02 03: copy three bytes; 00: padding.
    const bytes = frame([0xfe, 0x05, 0x80, 0x02, 0x01, 0x02, 0x03, 0x00]);
    const out = await decodeCompressedFrame(RLE, bytes, monoInfo(2, 3, 8, 8));
    expect(out.pixels).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.pixels)).toEqual([5, 5, 5, 1, 2, 3]);
    expect(out.planar).toBe(false);
    expect(out.colourConverted).toBe(false);
  });

  it('joins 16-bit words from the high-byte segment then the low-byte segment (G.2)', async () => {
    // Two pixels 0x0102 and 0xFFFE: segment 1 = high bytes 01 FF, segment 2 = low bytes 02 FE.
    const bytes = frame([0x01, 0x01, 0xff, 0x80], [0x01, 0x02, 0xfe, 0x80]);
    const unsigned = await decodeCompressedFrame(RLE, bytes, monoInfo(1, 2, 16, 16));
    expect(unsigned.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(unsigned.pixels)).toEqual([0x0102, 0xfffe]);
    const signed16 = await decodeCompressedFrame(RLE, bytes, monoInfo(1, 2, 16, 16, true));
    expect(signed16.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(signed16.pixels)).toEqual([258, -2]);
    // Bits Stored 12: 0xFFE is −2 in 12-bit two's complement; 0x102 is 258.
    const signed12 = await decodeCompressedFrame(RLE, bytes, monoInfo(1, 2, 16, 12, true));
    expect(Array.from(signed12.pixels)).toEqual([258, -2]);
  });

  it('says which segment is short: the last one cut off → truncated, an inner one → corrupt', async () => {
    const cut = frame([0x01, 0x01, 0xff, 0x80], [0x01, 0x02]);
    const e1 = await decodeError(decodeCompressedFrame(RLE, cut, monoInfo(1, 2, 16, 16)));
    expect(e1).toBeInstanceOf(ImageDecodeError);
    expect(e1.code).toBe('truncated');
    expect(e1.message).toContain('RLE Lossless');
    expect(e1.messageZh).toContain('RLE 无损');
    const inner = frame([0x00, 0x01], [0x01, 0x02, 0xfe, 0x80]);
    expect((await decodeError(decodeCompressedFrame(RLE, inner, monoInfo(1, 2, 16, 16)))).code).toBe(
      'corrupt',
    );
  });

  it('rejects a header whose segment count does not fit the pixel format', async () => {
    const oneSegment = frame([0x01, 0x01, 0xff, 0x80]);
    const e = await decodeError(decodeCompressedFrame(RLE, oneSegment, monoInfo(1, 2, 16, 16)));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('1 segments');
  });

  it('says truncated when the file ends inside the 64-byte header', async () => {
    const e = await decodeError(decodeCompressedFrame(RLE, new Uint8Array(40), monoInfo(2, 2, 8, 8)));
    expect(e.code).toBe('truncated');
  });
});

describe('RLE Lossless, round trips through the test encoder', () => {
  it('16-bit unsigned grey with an odd width: exact', async () => {
    const values = noise(13 * 17, 0, 65535, 1);
    const out = await decodeCompressedFrame(RLE, encodeRle(values, 13, 17, 1, 16), monoInfo(13, 17, 16, 16));
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it.each([16, 12])('16-bit signed grey, Bits Stored %i: exact', async (bitsStored) => {
    const half = 2 ** (bitsStored - 1);
    const values = noise(11 * 9, -half, half - 1, bitsStored);
    const bytes = encodeRle(patterns(values, bitsStored), 11, 9, 1, 16);
    const out = await decodeCompressedFrame(RLE, bytes, monoInfo(11, 9, 16, bitsStored, true));
    expect(out.pixels).toBeInstanceOf(Int16Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });

  it('8-bit RGB with an odd width comes back by plane, exact', async () => {
    const rgb = noise(7 * 15 * 3, 0, 255, 3);
    // Long runs too, so replicate runs are exercised.
    for (let i = 0; i < 60; i++) rgb[i] = 200;
    const out = await decodeCompressedFrame(RLE, encodeRle(rgb, 7, 15, 3, 8), colourInfo(7, 15));
    expect(out.planar).toBe(true);
    expect(out.colourConverted).toBe(false);
    expect(Array.from(out.pixels)).toEqual(toPlanar(rgb, 3));
  });

  it('32-bit grey: four byte planes, exact', async () => {
    const values = noise(5 * 6, 0, 2 ** 32 - 1, 4);
    const out = await decodeCompressedFrame(RLE, encodeRle(values, 5, 6, 1, 32), monoInfo(5, 6, 32, 32));
    expect(out.pixels).toBeInstanceOf(Uint32Array);
    expect(Array.from(out.pixels)).toEqual(values);
  });
});
