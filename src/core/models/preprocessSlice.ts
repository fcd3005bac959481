/**
 * How a slice becomes a zoo model's input (the `ZooPreprocessing` contract), in plain TypeScript:
 *
 * 1. **Crop** the field the model was trained on: `prep.size · prep.spacingMm` mm, i.e.
 *    n = round(size · spacingMm / sourceSpacingMm) source pixels on a side, a square centred on the
 *    chosen pixel (default: the image centre). When the image is no larger than that field on its
 *    long side, the crop is the whole image instead (a square of the long side, centred on the
 *    image). A crop may extend past the image: those pixels take the window's low end (0).
 * 2. **Window** (linear VOI LUT, DICOM PS3.3 C.11.2.1.2 in its continuous form, as the zoo was
 *    trained): v ↦ clamp((v − (center − width/2)) / width, 0, 1).
 * 3. **Resize** the n × n crop to size × size. Shrinking uses area averaging: output pixel i covers
 *    source interval [i·n/size, (i+1)·n/size) and is the mean of the source pixels weighted by
 *    their overlap with it (a box filter, separable by rows then columns). Enlarging uses bilinear
 *    interpolation with half-pixel centres: output pixel i samples source coordinate
 *    (i + ½)·n/size − ½, clamped to [0, n − 1] (OpenCV's INTER_LINEAR, tf.image.resizeBilinear with
 *    halfPixelCenters).
 *
 * A source without a pixel spacing is assumed to be at the model's spacing (n = size).
 */
import { unitWindow } from '../imaging/display/applyWindow';
import type { ZooPreprocessing } from './zooTypes';

/** A single-channel slice in modality units (HU for CT), row-major. */
export interface SliceSource {
  values: Float32Array;
  rows: number;
  columns: number;
  /** Pixel size in mm (square pixels); undefined when the file gives none. */
  spacingMm?: number;
}

/** A square region of source pixels; may extend past the image (negative or beyond the size). */
export interface CropBox {
  row0: number;
  column0: number;
  rows: number;
  columns: number;
}

/** What {@link preprocessSlice} returns: the model input plus what the page needs to show how it was made. */
export interface PreprocessedInput {
  /** prep.size² values in 0…1, row-major: the model's input. */
  input: Float32Array;
  /** The source pixels cropped (may extend past the image; those pixels are filled with the window's low end). */
  crop: CropBox;
  /** The crop, windowed to 0…1, before resizing (crop.rows × crop.columns, row-major). */
  windowed: Float32Array;
  /** Model pixels per source pixel (prep.size / crop side). */
  scale: number;
}

/**
 * Linear window (VOI LUT) to 0…1 for one value: values at or below `center − width/2` give 0, at
 * or above `center + width/2` give 1, linear between ({@link unitWindow}, the same arithmetic as
 * the zoo's training data).
 */
export function windowToUnit(value: number, center: number, width: number): number {
  return unitWindow(center, width)(value);
}

/** One output sample of a 1-D resampling: source indices and their weights (summing to 1). */
export interface Taps {
  index: Int32Array;
  weight: Float32Array;
}

/**
 * 1-D resampling weights from `n` source pixels to `m` output pixels: area averaging when m < n,
 * bilinear (half-pixel centres, edge-clamped) when m > n, identity when equal.
 */
export function resampleTaps(n: number, m: number): Taps[] {
  const taps: Taps[] = [];
  if (m === n) {
    for (let i = 0; i < m; i++) taps.push({ index: Int32Array.of(i), weight: Float32Array.of(1) });
  } else if (m < n) {
    const step = n / m; // source pixels per output pixel
    for (let i = 0; i < m; i++) {
      const a = i * step;
      const b = (i + 1) * step;
      const index: number[] = [];
      const weight: number[] = [];
      for (let j = Math.floor(a); j < Math.min(n, Math.ceil(b)); j++) {
        const overlap = Math.min(b, j + 1) - Math.max(a, j);
        if (overlap > 1e-12) {
          index.push(j);
          weight.push(overlap / step);
        }
      }
      taps.push({ index: Int32Array.from(index), weight: Float32Array.from(weight) });
    }
  } else {
    for (let i = 0; i < m; i++) {
      const x = Math.min(n - 1, Math.max(0, ((i + 0.5) * n) / m - 0.5));
      const j0 = Math.floor(x);
      const f = x - j0;
      if (f === 0 || j0 + 1 >= n) taps.push({ index: Int32Array.of(j0), weight: Float32Array.of(1) });
      else taps.push({ index: Int32Array.of(j0, j0 + 1), weight: Float32Array.of(1 - f, f) });
    }
  }
  return taps;
}

/** Separable resize of a square n × n image to m × m with {@link resampleTaps} (rows, then columns). */
function resizeSquare(image: Float32Array, n: number, m: number): Float32Array {
  if (n === m) return image.slice();
  const taps = resampleTaps(n, m);
  // Pass 1: along columns (within each source row) → n × m.
  const half = new Float32Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < m; c++) {
      const t = taps[c]!;
      let s = 0;
      for (let k = 0; k < t.index.length; k++) s += t.weight[k]! * image[r * n + t.index[k]!]!;
      half[r * m + c] = s;
    }
  }
  // Pass 2: along rows → m × m.
  const out = new Float32Array(m * m);
  for (let r = 0; r < m; r++) {
    const t = taps[r]!;
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let k = 0; k < t.index.length; k++) s += t.weight[k]! * half[t.index[k]! * m + c]!;
      out[r * m + c] = s;
    }
  }
  return out;
}

/**
 * The square crop of the model's field around `centre` (a pixel index; default the image centre),
 * or the whole image when the field covers its long side. See the module comment.
 */
export function cropFor(
  source: { rows: number; columns: number; spacingMm?: number },
  prep: ZooPreprocessing,
  centre?: { row: number; column: number },
): CropBox {
  const spacing = source.spacingMm ?? prep.spacingMm;
  const field = Math.max(1, Math.round((prep.size * prep.spacingMm) / spacing));
  const longSide = Math.max(source.rows, source.columns);
  if (field >= longSide) {
    return {
      row0: Math.round((source.rows - longSide) / 2),
      column0: Math.round((source.columns - longSide) / 2),
      rows: longSide,
      columns: longSide,
    };
  }
  // Continuous coordinates: pixel i spans [i, i + 1), its centre is i + ½.
  const cy = centre ? centre.row + 0.5 : source.rows / 2;
  const cx = centre ? centre.column + 0.5 : source.columns / 2;
  return {
    row0: Math.round(cy - field / 2),
    column0: Math.round(cx - field / 2),
    rows: field,
    columns: field,
  };
}

/**
 * Turns a slice in modality units into a zoo model's input: crop the trained field of view around
 * `centre`, window to 0…1, resize to `prep.size²` (see the module comment for the maths).
 * @throws Error when the values do not match rows × columns, or the window or spacing is not positive.
 */
export function preprocessSlice(
  source: SliceSource,
  prep: ZooPreprocessing,
  centre?: { row: number; column: number },
): PreprocessedInput {
  const { values, rows, columns } = source;
  if (!(rows > 0 && columns > 0) || values.length !== rows * columns)
    throw new Error(
      `The slice has ${values.length} values but claims ${rows} × ${columns} pixels: it cannot be prepared for the model.`,
    );
  if (!(prep.width > 0)) throw new Error(`The window width must be positive (got ${prep.width}).`);
  if (!(prep.size > 0 && prep.spacingMm > 0))
    throw new Error('The model input size and spacing must be positive.');
  if (source.spacingMm !== undefined && !(source.spacingMm > 0))
    throw new Error(`The slice's pixel spacing must be positive (got ${source.spacingMm} mm).`);
  const crop = cropFor(source, prep, centre);
  const toUnit = unitWindow(prep.center, prep.width);
  const n = crop.rows;
  const windowed = new Float32Array(n * n); // outside the image: the window's low end, 0
  for (let r = 0; r < n; r++) {
    const sr = crop.row0 + r;
    if (sr < 0 || sr >= rows) continue;
    for (let c = 0; c < n; c++) {
      const sc = crop.column0 + c;
      if (sc < 0 || sc >= columns) continue;
      windowed[r * n + c] = toUnit(values[sr * columns + sc]!);
    }
  }
  return { input: resizeSquare(windowed, n, prep.size), crop, windowed, scale: prep.size / n };
}
