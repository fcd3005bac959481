/**
 * The numbers step 1 of `cnn-architecture` shows about a prepared input (prepareZooInput →
 * preprocessSlice): the crop in source pixels and mm, the range of the values it holds, the window
 * with one worked pixel, the share of the crop clipped at either end of the window, and the resize.
 * Plain arrays only.
 */
import { windowToUnit } from '../../core/models/preprocessSlice';
import { valueRange } from '../../ui/viewer/windowDrag';
import type { ZooInput, ZooSliceSource } from '../../ui/zoo/prepareZooInput';

/** What the pipeline panels say about one prepared input. */
export interface PipelineFacts {
  /** Crop side in source pixels. */
  side: number;
  /** Crop side in mm (at the slice's spacing, or the model's when the file gives none). */
  fieldMm: number;
  /** The pixel the crop is centred on (source row and column): the chosen centre, else the slice's middle. */
  centre: { row: number; column: number };
  /** True when the crop is the whole slice (the field covers its long side). */
  whole: boolean;
  /** True when part of the crop lies outside the slice. */
  outside: boolean;
  /** Smallest and largest value of the slice. */
  sliceRange: readonly [number, number];
  /** Window ends: values ≤ lo map to 0, ≥ hi to 1. */
  lo: number;
  hi: number;
  /** The worked pixel: the centre pixel (clamped into the slice), its value and windowed value. */
  example: { row: number; column: number; value: number; windowed: number };
  /** Shares of the windowed crop at exactly 0 and exactly 1, and its mean. */
  atLow: number;
  atHigh: number;
  mean: number;
  /** How the crop is resampled to the model's size. */
  resample: 'shrink' | 'enlarge' | 'same';
  /** Side of one model-input pixel in mm. */
  modelPixelMm: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The facts of `input`, prepared from `slice` around `centre` (undefined: the slice's middle, as
 * preprocessSlice takes it; see {@link PipelineFacts}).
 */
export function pipelineFacts(
  slice: ZooSliceSource,
  input: ZooInput,
  centre?: { row: number; column: number },
): PipelineFacts {
  const { crop, windowed, preprocessing: prep } = input;
  const side = crop.rows;
  const spacing = slice.spacingMm ?? prep.spacingMm;
  const whole = side >= Math.max(slice.width, slice.height);
  const middle = { row: Math.floor(slice.height / 2), column: Math.floor(slice.width / 2) };
  const at = whole || !centre ? middle : centre;
  const row = clamp(at.row, 0, slice.height - 1);
  const column = clamp(at.column, 0, slice.width - 1);
  const value = slice.values[row * slice.width + column]!;
  let atLow = 0;
  let atHigh = 0;
  let sum = 0;
  for (let i = 0; i < windowed.length; i++) {
    const v = windowed[i]!;
    if (v === 0) atLow++;
    else if (v === 1) atHigh++;
    sum += v;
  }
  const n = Math.max(1, windowed.length);
  return {
    side,
    fieldMm: side * spacing,
    centre: at,
    whole,
    outside:
      crop.row0 < 0 ||
      crop.column0 < 0 ||
      crop.row0 + crop.rows > slice.height ||
      crop.column0 + crop.columns > slice.width,
    sliceRange: valueRange(slice.values),
    lo: prep.center - prep.width / 2,
    hi: prep.center + prep.width / 2,
    example: { row, column, value, windowed: windowToUnit(value, prep.center, prep.width) },
    atLow: atLow / n,
    atHigh: atHigh / n,
    mean: sum / n,
    resample: side > prep.size ? 'shrink' : side < prep.size ? 'enlarge' : 'same',
    modelPixelMm: spacing / input.scale,
  };
}

/**
 * The crop centre after an arrow key: one eighth of the crop (half of it with Shift) in the
 * direction, clamped into the slice.
 */
export function nudgedCentre(
  centre: { row: number; column: number },
  dRow: number,
  dCol: number,
  big: boolean,
  side: number,
  slice: { width: number; height: number },
): { row: number; column: number } {
  const step = Math.max(1, Math.round(side / (big ? 2 : 8)));
  return {
    row: clamp(centre.row + dRow * step, 0, slice.height - 1),
    column: clamp(centre.column + dCol * step, 0, slice.width - 1),
  };
}
