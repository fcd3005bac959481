/**
 * decodeRaster: PNGs made with fast-png's encoder and JPEGs made with libjpeg-turbo's, compared
 * with the pixels given to the encoders (PNG exact; JPEG within 8, see the codecs' JPEG tests).
 */
import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { decodeRaster } from '../../../../../src/core/imaging/raster/decodeRaster';
import { ImageDecodeError } from '../../../../../src/core/imaging/ImageDecodeError';
import { maxAbsDiff, noise, smooth, smoothRgb } from '../codecs/encoders/testImages';
import { encodeJpegBaseline } from '../codecs/encoders/wasmEncoders';
import { encodeJpeg12 } from '../codecs/encoders/encodeJpeg12';

async function failure(bytes: Uint8Array): Promise<ImageDecodeError> {
  try {
    await decodeRaster(bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError) return e;
    throw e;
  }
  throw new Error('expected decodeRaster to fail');
}

/** Drops every `channels`-th sample after the first `keep` of each pixel (alpha removal). */
function keepChannels(data: number[], channels: number, keep: number): number[] {
  return data.filter((_, i) => i % channels < keep);
}

describe('decodeRaster: PNG', () => {
  it.each([
    [8, 1, 1],
    [16, 1, 1],
    [8, 2, 1],
    [16, 2, 1],
    [8, 3, 3],
    [16, 3, 3],
    [8, 4, 3],
    [16, 4, 3],
  ] as const)(
    '%i-bit, %i channels → %i samples per pixel, exact',
    async (depth, channels, samplesPerPixel) => {
      const width = 13;
      const height = 7;
      const data = noise(width * height * channels, 0, 2 ** depth - 1, depth * 10 + channels);
      const typed = depth === 16 ? Uint16Array.from(data) : Uint8Array.from(data);
      const image = await decodeRaster(encode({ width, height, data: typed, depth, channels }));
      expect(image).toMatchObject({
        kind: 'raster',
        format: 'png',
        rows: height,
        columns: width,
        samplesPerPixel,
        bitDepth: depth,
      });
      const expected =
        channels === 2 ? keepChannels(data, 2, 1) : channels === 4 ? keepChannels(data, 4, 3) : data;
      expect(Array.from(image.pixels)).toEqual(expected);
    },
  );

  it('an 8-bit palette image becomes RGB through its palette', async () => {
    const palette = [
      [255, 0, 0],
      [0, 128, 0],
      [10, 20, 30],
    ];
    const indices = [0, 1, 2, 2, 1, 0];
    const png = encode({
      width: 3,
      height: 2,
      data: Uint8Array.from(indices),
      depth: 8,
      channels: 1,
      palette,
    });
    const image = await decodeRaster(png);
    expect(image.samplesPerPixel).toBe(3);
    expect(Array.from(image.pixels)).toEqual(indices.flatMap((i) => palette[i] ?? []));
  });

  it('2-bit palette and 2-bit grey: packed samples unpacked MSB first, grey stretched to 0…255', async () => {
    // Row of 5 samples 0,1,2,3,3 packed as 00 01 10 11 | 11 00 00 00.
    const packed = Uint8Array.from([0b00011011, 0b11000000]);
    const palette = [
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ];
    const pal = await decodeRaster(
      encode({ width: 5, height: 1, data: packed, depth: 2, channels: 1, palette }),
    );
    expect(Array.from(pal.pixels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
    const grey = await decodeRaster(encode({ width: 5, height: 1, data: packed, depth: 2, channels: 1 }));
    expect(grey.bitDepth).toBe(8);
    expect(Array.from(grey.pixels)).toEqual([0, 85, 170, 255, 255]);
  });

  it('a PNG cut short is truncated; a damaged one with its end intact is corrupt', async () => {
    const data = Uint8Array.from(noise(20 * 20, 0, 255, 5));
    const png = encode({ width: 20, height: 20, data, depth: 8, channels: 1 });
    const cut = await failure(png.subarray(0, png.length - 40));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toContain('PNG');
    expect(cut.messageZh).toContain('PNG');
    const damaged = Uint8Array.from(png);
    damaged.fill(0xff, 41, 200); // inside IDAT: zlib data destroyed, IEND kept
    expect(['corrupt', 'truncated']).toContain((await failure(damaged)).code);
    expect((await failure(png.subarray(0, 20))).code).toBe('truncated');
  });

  it('refuses an IHDR of more than MAX_IMAGE_SAMPLES before decoding anything', async () => {
    const png = encode({ width: 2, height: 2, data: new Uint8Array(4), depth: 8, channels: 1 });
    const huge = Uint8Array.from(png);
    const view = new DataView(huge.buffer);
    view.setUint32(16, 100_000); // width
    view.setUint32(20, 100_000); // height (CRC now wrong, but the size check comes first)
    expect((await failure(huge)).code).toBe('too-large');
  });
});

describe('decodeRaster: JPEG', () => {
  it('greyscale JPEG → one sample per pixel, within 8', async () => {
    const grey = smooth(40, 56, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 56, height: 40, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const image = await decodeRaster(jpeg);
    expect(image).toMatchObject({ format: 'jpeg', rows: 40, columns: 56, samplesPerPixel: 1, bitDepth: 8 });
    expect(maxAbsDiff(image.pixels, grey)).toBeLessThanOrEqual(8);
  });

  it('colour JPEG → interleaved RGB, within 8', async () => {
    const rgb = smoothRgb(40, 56);
    const jpeg = await encodeJpegBaseline(
      { width: 56, height: 40, components: 3, bitsPerSample: 8, signed: false, samples: rgb },
      100,
    );
    const image = await decodeRaster(jpeg);
    expect(image.samplesPerPixel).toBe(3);
    expect(maxAbsDiff(image.pixels, rgb)).toBeLessThanOrEqual(8);
  });

  it('12-bit greyscale JPEG → 16-bit values by bit replication', async () => {
    const values = smooth(16, 24, 100, 4000);
    const image = await decodeRaster(encodeJpeg12(values, 16, 24));
    expect(image.bitDepth).toBe(16);
    const widened = values.map((v) => (v << 4) | (v >> 8));
    expect(maxAbsDiff(image.pixels, widened)).toBeLessThanOrEqual(8 * 17); // 8 × (65535 / 4095)
  });

  it('a JPEG cut short is truncated; a SOF claiming 60000×60000 is too-large; other bytes are not an image', async () => {
    const grey = smooth(48, 64, 0, 255);
    const jpeg = await encodeJpegBaseline(
      { width: 64, height: 48, components: 1, bitsPerSample: 8, signed: false, samples: grey },
      100,
    );
    const cut = await failure(jpeg.subarray(0, jpeg.length >> 1));
    expect(cut.code).toBe('truncated');
    expect(cut.messageZh).toContain('JPEG');
    const sof = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 8, 0xea, 0x60, 0xea, 0x60, 1, 1, 0x11, 0,
    ]);
    expect((await failure(sof)).code).toBe('too-large');
    const gif = new TextEncoder().encode('GIF89a........');
    expect((await failure(gif)).code).toBe('not-an-image');
  });
});
