/**
 * The imaging module's public API: decoding DICOM, PNG and JPEG files into images whose values
 * are modality values (e.g. Hounsfield units), and the errors decoding may raise.
 */
export type {
  DecodedImage,
  DicomImage,
  Hu,
  Millimetre,
  PhotometricInterpretation,
  RasterImage,
} from './types';
export { ImageDecodeError, MAX_IMAGE_SAMPLES } from './ImageDecodeError';
export type { BilingualMessage, ImageDecodeErrorCode } from './ImageDecodeError';
export { decodeDicom } from './dicom/decodeDicom';
export { decodeImageFile } from './decodeImageFile';
export { sniffFileType } from './dicom/sniffFileType';
export type { SniffedType } from './dicom/sniffFileType';
export { transferSyntaxNames } from './dicom/transferSyntaxes';
export { sopClassName } from './dicom/sopClassNames';
export { decodeRaster } from './raster/decodeRaster';
export { decodeCompressedFrame, isCompressedSyntax } from './codecs/decodeCompressedFrame';
export type { DecodedFrame, FrameInfo } from './codecs/decodeCompressedFrame';
