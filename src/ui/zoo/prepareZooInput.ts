/**
 * A slice prepared for a zoo model: window → normalise to 0…1 → crop the model's field of view
 * → resize ({@link preprocessSlice}). The zoo was trained on CT in Hounsfield units with fixed
 * windows; a slice without HU (MR, radiograph, PNG) cannot use those windows, so it is windowed
 * with its own display window instead, and {@link ZooInput.windowFrom} says so for the page to show.
 * A model trained in the browser whose window is unknown (`preprocessing.windowKnown === false`:
 * its images came as 0…1 intensities) takes every slice with the slice's own window.
 */
import { preprocessSlice, type PreprocessedInput } from '../../core/models/preprocessSlice';
import type { ZooModelDef, ZooPreprocessing } from '../../core/models/zooTypes';

/** The parts of a slice the preparation needs (a `LessonSlice` has them all). */
export interface ZooSliceSource {
  values: Float32Array;
  width: number;
  height: number;
  /** 'HU' for CT. */
  unit: string;
  /** The slice's own display window. */
  window: { center: number; width: number };
  spacingMm?: number;
}

/** A prepared input and how it was made. */
export interface ZooInput extends PreprocessedInput {
  /** The preprocessing actually applied (the model's, or with the slice's window). */
  preprocessing: ZooPreprocessing;
  /** 'model' = the model's HU window; 'image' = the slice's own window (no HU, or no known model window). */
  windowFrom: 'model' | 'image';
  /** True when the slice had no pixel spacing and the model's spacing was assumed. */
  assumedSpacing: boolean;
}

/** Prepares `slice` for `def`, cropping around `centre` (source pixels; default the slice centre). */
export function prepareZooInput(
  slice: ZooSliceSource,
  def: ZooModelDef,
  centre?: { row: number; column: number },
): ZooInput {
  const hu = slice.unit === 'HU' && def.preprocessing.windowKnown !== false;
  const preprocessing: ZooPreprocessing = hu
    ? def.preprocessing
    : { ...def.preprocessing, center: slice.window.center, width: slice.window.width };
  const prepared = preprocessSlice(
    {
      values: slice.values,
      rows: slice.height,
      columns: slice.width,
      ...(slice.spacingMm !== undefined ? { spacingMm: slice.spacingMm } : {}),
    },
    preprocessing,
    centre,
  );
  return {
    ...prepared,
    preprocessing,
    windowFrom: hu ? 'model' : 'image',
    assumedSpacing: slice.spacingMm === undefined,
  };
}
