/**
 * What the viewer can show — a decoded DICOM, a PNG/JPEG, or a plain array a lesson made — reduced
 * to one frame of modality values plus what the probe and the window need.
 */
import type { DicomImage, RasterImage } from '../types';
import type { RenderableImage } from './renderToRgba';
import type { VoiWindow } from './voiWindow';

/**
 * An image a lesson builds in memory (a phantom, a feature map): one frame of values, no file.
 * `window`, when given, plays the part of the DICOM file's own window.
 */
export interface PlainImage {
  readonly kind: 'plain';
  /** Row-major values, interleaved RGB when `samplesPerPixel` is 3. */
  values: Float32Array;
  rows: number;
  columns: number;
  /** Unit of the values, e.g. 'HU'; '' when they have none. */
  unit: string;
  samplesPerPixel?: 1 | 3;
  /** Defaults to MONOCHROME2 (grey) or RGB. */
  photometricInterpretation?: string;
  /** Shown in the metadata panel, e.g. 'CT'. */
  modality?: string;
  /** Stored values before a rescale, when they differ from `values`. */
  stored?: Float32Array | Int32Array;
  /** The image's own window, offered as the "file window". */
  window?: VoiWindow;
  /** [row spacing, column spacing] in mm. */
  pixelSpacing?: [number, number];
}

/** Anything the viewer accepts. */
export type ViewerImage = DicomImage | RasterImage | PlainImage;

/** One frame ready for display and probing. */
export interface DisplayFrame extends RenderableImage {
  /** Unit of `values` ('HU' for CT, '' for none). */
  unit: string;
  /**
   * Stored (raw) values of the frame, before the modality LUT (PS3.3 C.11.1), or null when they
   * are the values themselves (PNG/JPEG, plain arrays without `stored`). Computed on first call.
   */
  stored(): ArrayLike<number> | null;
}

/** Number of frames: Number of Frames (0028,0008) for DICOM, 1 otherwise. */
export function frameCount(image: ViewerImage): number {
  return image.kind === 'dicom' ? Math.max(1, image.numberOfFrames) : 1;
}

/** Unit of the image's values ('HU' for CT), '' when they have none. */
export function imageUnit(image: ViewerImage): string {
  return image.kind === 'raster' ? '' : image.unit;
}

/** Samples per pixel: 1 (grey) or 3 (RGB). */
export function imageSamplesPerPixel(image: ViewerImage): number {
  return image.kind === 'plain' ? (image.samplesPerPixel ?? 1) : image.samplesPerPixel;
}

/**
 * Frame `index` of `image` for display. DICOM frames come from `frame(index)` (modality values,
 * may throw ImageDecodeError); rasters and plain images have one frame.
 * @throws RangeError for a raster or plain image asked for a frame other than 0.
 */
export function toDisplayFrame(image: ViewerImage, index: number): DisplayFrame {
  if (image.kind === 'dicom') {
    const values = image.frame(index);
    let stored: Int32Array | undefined;
    return {
      values,
      rows: image.rows,
      columns: image.columns,
      samplesPerPixel: image.samplesPerPixel,
      // Colour frames come back as RGB whatever the file says (types.ts).
      photometricInterpretation: image.samplesPerPixel === 3 ? 'RGB' : image.photometricInterpretation,
      unit: image.unit,
      stored: () => (stored ??= image.storedFrame(index)),
    };
  }
  if (index !== 0) throw new RangeError(`A ${image.kind} image has one frame, not frame ${index}`);
  if (image.kind === 'raster') {
    return {
      values: image.pixels,
      rows: image.rows,
      columns: image.columns,
      samplesPerPixel: image.samplesPerPixel,
      photometricInterpretation: image.samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2',
      unit: '',
      stored: () => null,
    };
  }
  const spp = image.samplesPerPixel ?? 1;
  return {
    values: image.values,
    rows: image.rows,
    columns: image.columns,
    samplesPerPixel: spp,
    photometricInterpretation: image.photometricInterpretation ?? (spp === 3 ? 'RGB' : 'MONOCHROME2'),
    unit: image.unit,
    stored: () => image.stored ?? null,
  };
}

/** The values of one pixel of a frame: modality value(s) and stored value(s), one per sample. */
export interface PixelSample {
  row: number;
  column: number;
  values: number[];
  stored: number[] | null;
}

/** The values at (row, column) read from the frame's arrays (never from the canvas), or null outside the image. */
export function samplePixel(frame: DisplayFrame, row: number, column: number): PixelSample | null {
  if (!Number.isInteger(row) || !Number.isInteger(column)) return null;
  if (row < 0 || column < 0 || row >= frame.rows || column >= frame.columns) return null;
  const spp = frame.samplesPerPixel;
  const base = (row * frame.columns + column) * spp;
  const values: number[] = [];
  for (let s = 0; s < spp; s++) values.push(frame.values[base + s]!);
  const storedArray = frame.stored();
  let stored: number[] | null = null;
  if (storedArray) {
    stored = [];
    for (let s = 0; s < spp; s++) stored.push(storedArray[base + s]!);
  }
  return { row, column, values, stored };
}
