/**
 * JPEG files (JFIF/Exif photographs and screenshots of radiographs) decoded with libjpeg-turbo, the
 * same WebAssembly module as DICOM JPEG Baseline: greyscale stays one sample per pixel, colour
 * comes back as RGB. 12-bit greyscale JPEG (ISO/IEC 10918-1 Process 4) goes to JpegImage and is
 * widened to 16 bits by bit replication (v << 4 | v >> 8), so 4095 maps to 65535.
 */
import { ImageDecodeError, MAX_IMAGE_SAMPLES } from '../ImageDecodeError';
import type { RasterImage } from '../types';
import { decodeJpeg12, decodeJpegTurbo } from '../codecs/decodeJpegDct';
import type { CompressedSyntax } from '../codecs/compressedSyntaxes';
import type { CodecOutput } from '../codecs/codecTypes';
import { endsWithEoi, LOSSLESS_SOF_MARKERS, readJpegFrameHeader } from '../codecs/readJpegFrameHeader';
import { corruptRaster, tooLargeRaster, truncatedRaster } from './rasterErrors';

/** Whether the bytes start with the JPEG SOI marker and a marker byte (ISO/IEC 10918-1 B.1.1.3). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** A stand-in syntax so the codec adapters' errors can be recognised and reworded for files. */
const FILE_SYNTAX: CompressedSyntax = { uid: '', name: 'JPEG file', nameZh: 'JPEG 文件', codec: 'jpeg-dct' };

/** Decodes a JPEG file into grey or RGB values. */
export async function decodeJpegRaster(bytes: Uint8Array): Promise<RasterImage> {
  const header = readJpegFrameHeader(bytes);
  if (!header) {
    throw endsWithEoi(bytes)
      ? corruptRaster('jpeg', 'no frame header found')
      : truncatedRaster('jpeg', 'the file ends before its frame header');
  }
  const samplesPerPixel: 1 | 3 = header.components === 1 ? 1 : 3;
  const total = header.width * header.height * samplesPerPixel;
  if (total > MAX_IMAGE_SAMPLES) throw tooLargeRaster('jpeg', header.width, header.height, total);
  if (header.precision !== 8 && !(header.precision === 12 && header.components === 1)) {
    throw corruptRaster('jpeg', `${header.precision}-bit samples with ${header.components} components`);
  }
  if (LOSSLESS_SOF_MARKERS.includes(header.sof)) {
    throw corruptRaster('jpeg', 'lossless JPEG and JPEG-LS files are only read inside DICOM');
  }

  let out: CodecOutput;
  try {
    out =
      header.precision === 12
        ? await decodeJpeg12(FILE_SYNTAX, bytes)
        : await decodeJpegTurbo(FILE_SYNTAX, bytes);
  } catch (e) {
    if (e instanceof ImageDecodeError && e.code === 'truncated') {
      throw truncatedRaster('jpeg', 'the image data has no end-of-image marker');
    }
    const decoder = header.precision === 12 ? 'the 12-bit JPEG decoder' : 'libjpeg-turbo';
    throw corruptRaster('jpeg', `${decoder} rejected the image data`, e);
  }
  if (out.components !== samplesPerPixel) {
    throw corruptRaster('jpeg', `${out.components} components decoded, ${samplesPerPixel} expected`);
  }
  const pixels = new Float32Array(out.samples.length);
  if (out.precision === 12) {
    for (let i = 0; i < pixels.length; i++) {
      const v = out.samples[i] ?? 0;
      pixels[i] = (v << 4) | (v >> 8);
    }
  } else {
    pixels.set(out.samples);
  }
  return {
    kind: 'raster',
    format: 'jpeg',
    rows: out.height,
    columns: out.width,
    samplesPerPixel,
    bitDepth: out.precision === 12 ? 16 : 8,
    pixels,
  };
}
