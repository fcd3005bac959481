/**
 * Decodes a PNG or JPEG file (picked by its signature, not its name) into a RasterImage: grey or
 * RGB values, alpha dropped. The size in the header (PNG IHDR, JPEG SOF) is checked against
 * MAX_IMAGE_SAMPLES before anything is decoded.
 */
import type { RasterImage } from '../types';
import { decodeJpegRaster, isJpeg } from './decodeJpegRaster';
import { decodePng, isPng } from './decodePng';
import { notRaster } from './rasterErrors';

/**
 * Decodes PNG (8/16-bit; 1/2/4-bit grey widened to 8 bits; grey, grey+alpha, RGB, RGBA, palette)
 * or JPEG (8-bit grey or colour; 12-bit grey widened to 16 bits). Throws ImageDecodeError:
 * 'not-an-image', 'too-large', 'truncated' or 'corrupt', each with an English and Chinese message.
 */
export async function decodeRaster(bytes: Uint8Array): Promise<RasterImage> {
  if (isPng(bytes)) return decodePng(bytes);
  if (isJpeg(bytes)) return decodeJpegRaster(bytes);
  throw notRaster();
}
