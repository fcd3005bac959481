/**
 * Where a window comes from — the file, a preset, the automatic percentile window or the full data
 * range — and which one an image starts with.
 */
import { imageSamplesPerPixel, imageUnit, type ViewerImage } from './displayFrame';
import { percentileWindow } from './percentileWindow';
import { getWindowPreset, type WindowPresetId } from './windowPresets';
import { clampWindow, fullRangeWindow, MIN_WINDOW_WIDTH, type VoiWindow } from './voiWindow';

/** A window source: the file's own, automatic (1st–99th percentile), full data range, or a preset. */
export type WindowChoice = 'file' | 'auto' | 'full' | WindowPresetId;

/**
 * The image's own window: the first Window Center (0028,1050) / Window Width (0028,1051) values
 * of a DICOM file (PS3.3 C.11.2.1.2), or a plain image's `window`; null when absent or unusable
 * (width < 1, PS3.3 C.11.2.1.2.1).
 */
export function fileWindow(image: ViewerImage): VoiWindow | null {
  let c: number | undefined;
  let w: number | undefined;
  if (image.kind === 'dicom') {
    c = image.windowCenter;
    w = image.windowWidth;
  } else if (image.kind === 'plain') {
    c = image.window?.center;
    w = image.window?.width;
  }
  if (c === undefined || w === undefined || !Number.isFinite(c) || !Number.isFinite(w)) return null;
  if (w < MIN_WINDOW_WIDTH) return null;
  return { center: c, width: w };
}

/** Bits per sample of the data: Bits Stored (0028,0101) for DICOM, the PNG/JPEG bit depth, 8 for plain images. */
export function imageBits(image: ViewerImage): number {
  if (image.kind === 'dicom') return image.bitsStored;
  if (image.kind === 'raster') return image.bitDepth;
  return 8;
}

/**
 * The window an image opens with:
 * - colour images: 'full' (the identity for 8-bit data: colour is shown as is);
 * - images with a unit (CT in HU): the file's window when it has one, else 'auto';
 * - images without a unit (MR, PNG/JPEG, …): 'auto', since their values have no fixed meaning.
 */
export function defaultWindowChoice(image: ViewerImage): WindowChoice {
  if (imageSamplesPerPixel(image) === 3) return 'full';
  if (imageUnit(image) !== '' && fileWindow(image)) return 'file';
  return 'auto';
}

/**
 * The window a choice stands for, for `image` whose current frame holds `values`; null when the
 * choice is not available (no file window; no finite value for 'auto'; a preset for an image whose
 * unit is not the preset's). `autoWindow`, when given, is `percentileWindow(values)` already
 * computed (the viewer keeps it), so that 'auto' does not compute it again.
 */
export function resolveWindowChoice(
  choice: WindowChoice,
  image: ViewerImage,
  values: Float32Array,
  autoWindow?: VoiWindow | null,
): VoiWindow | null {
  if (choice === 'file') return fileWindow(image);
  if (choice === 'auto') return autoWindow !== undefined ? autoWindow : percentileWindow(values);
  if (choice === 'full') return fullRangeWindow(imageBits(image));
  const preset = getWindowPreset(choice);
  if (!preset || preset.unit !== imageUnit(image)) return null;
  return { center: preset.center, width: preset.width };
}

/**
 * The starting window of `image` on the frame holding `values`: `preferred` when it resolves
 * (e.g. a lesson's initial preset), else {@link defaultWindowChoice}, else the full range.
 * `autoWindow`: `percentileWindow(values)` when already computed (see {@link resolveWindowChoice}).
 */
export function initialWindow(
  image: ViewerImage,
  values: Float32Array,
  preferred?: WindowChoice,
  autoWindow?: VoiWindow | null,
): VoiWindow {
  const fromPreferred = preferred ? resolveWindowChoice(preferred, image, values, autoWindow) : null;
  const w =
    fromPreferred ??
    resolveWindowChoice(defaultWindowChoice(image), image, values, autoWindow) ??
    fullRangeWindow(imageBits(image));
  return clampWindow(w);
}
