/**
 * A slice cut down to its central region when it is larger than a step can work on at the speed of
 * a slider (a learner's own 3000 × 3000 radiograph): the steps that compute over the whole slice
 * say so when they show only the centre.
 */

/** The arrays of a slice that a step computes on. */
export interface SliceArrays {
  width: number;
  height: number;
  /** Modality values, row-major. */
  values: Float32Array;
  /** Windowed intensities in [0, 1], row-major. */
  intensity: Float32Array;
}

/**
 * Copies the `w × h` region whose top-left pixel is (`x0`, `y0`) out of a row-major map `width`
 * pixels wide (the region must lie inside the map).
 */
export function copyRegion(
  data: ArrayLike<number>,
  width: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * width + x0;
    for (let x = 0; x < w; x++) out[y * w + x] = data[row + x]!;
  }
  return out;
}

/**
 * `slice` itself when neither side exceeds `maxSide`; else its central region of at most
 * `maxSide × maxSide` pixels (top-left corner ⌊(n − m) / 2⌋ along each axis), `cropped` saying which.
 */
export function centralRegion<S extends SliceArrays>(slice: S, maxSide: number): S & { cropped: boolean } {
  if (slice.width <= maxSide && slice.height <= maxSide) return { ...slice, cropped: false };
  const w = Math.min(maxSide, slice.width);
  const h = Math.min(maxSide, slice.height);
  const x0 = Math.floor((slice.width - w) / 2);
  const y0 = Math.floor((slice.height - h) / 2);
  return {
    ...slice,
    width: w,
    height: h,
    values: copyRegion(slice.values, slice.width, x0, y0, w, h),
    intensity: copyRegion(slice.intensity, slice.width, x0, y0, w, h),
    cropped: true,
  };
}
