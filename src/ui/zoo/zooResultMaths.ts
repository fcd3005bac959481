/**
 * Plain-array maths the `#/zoo` page shows about a model's output: the thresholded mask and its
 * area, SVG paths to draw it, noise estimates of a denoised patch, and the receptive field a model
 * card quotes. No tensors, no DOM.
 */
import type { LayerAnalysis } from '../../core/models/zooTypes';

/** The U-Net's decision threshold: a pixel is lesion when its probability is ≥ 0.5. */
export const MASK_THRESHOLD = 0.5;

/** 1 where `probabilities[i] ≥ threshold`, else 0. */
export function binaryMask(probabilities: ArrayLike<number>, threshold = MASK_THRESHOLD): Uint8Array {
  const out = new Uint8Array(probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = (probabilities[i] as number) >= threshold ? 1 : 0;
  return out;
}

/** Number of mask pixels and their area: pixels × pixelMm² (square pixels of side `pixelMm`). */
export function maskArea(mask: ArrayLike<number>, pixelMm: number): { pixels: number; mm2: number } {
  let pixels = 0;
  for (let i = 0; i < mask.length; i++) if ((mask[i] as number) !== 0) pixels++;
  return { pixels, mm2: pixels * pixelMm * pixelMm };
}

/**
 * An SVG path (pixel units, viewBox `0 0 size size`) filling the mask: one rectangle per run of
 * consecutive mask pixels in a row.
 */
export function maskFillPath(mask: ArrayLike<number>, size: number): string {
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if ((mask[r * size + c] as number) === 0) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && (mask[r * size + c] as number) !== 0) c++;
      parts.push(`M${start} ${r}h${c - start}v1h${start - c}z`);
    }
  }
  return parts.join('');
}

/**
 * An SVG path of the mask's outline: every pixel edge between a mask pixel and a non-mask pixel
 * (or the image border), as unit segments (pixel units, viewBox `0 0 size size`).
 */
export function maskContourPath(mask: ArrayLike<number>, size: number): string {
  const on = (r: number, c: number): boolean =>
    r >= 0 && c >= 0 && r < size && c < size && (mask[r * size + c] as number) !== 0;
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!on(r, c)) continue;
      if (!on(r - 1, c)) parts.push(`M${c} ${r}h1`);
      if (!on(r + 1, c)) parts.push(`M${c} ${r + 1}h1`);
      if (!on(r, c - 1)) parts.push(`M${c} ${r}v1`);
      if (!on(r, c + 1)) parts.push(`M${c + 1} ${r}v1`);
    }
  }
  return parts.join('');
}

/** `a − b`, element by element. */
export function difference(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
  const out = new Float32Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = (a[i] as number) - (b[i] as number);
  return out;
}

/** Mean absolute difference Σ|a − b| / n (0 for none): how much a denoiser changed its input. */
export function meanAbsoluteDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return a.length === 0 ? 0 : sum / a.length;
}

/** Population standard deviation √(Σ(x − x̄)² / n) of `values` (0 for none). */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(ss / n);
}

/** The values of a `side × side` window at (row0, column0) of a `size × size` image. */
function windowValues(
  image: ArrayLike<number>,
  size: number,
  row0: number,
  column0: number,
  side: number,
): Float32Array {
  const out = new Float32Array(side * side);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) out[r * side + c] = image[(row0 + r) * size + column0 + c] as number;
  return out;
}

/** Mean over a `(2k+1)²` box around each pixel (the box clipped at the border). */
function boxBlur(image: ArrayLike<number>, size: number, k: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      let s = 0;
      let n = 0;
      for (let i = Math.max(0, r - k); i <= Math.min(size - 1, r + k); i++)
        for (let j = Math.max(0, c - k); j <= Math.min(size - 1, c + k); j++) {
          s += image[i * size + j] as number;
          n++;
        }
      out[r * size + c] = s / n;
    }
  return out;
}

/** Side of the square {@link flatRegionNoise} measures in, pixels. */
export const FLAT_SIDE = 12;
/** Half-width of its smoothing box: a (2·2 + 1)² = 5 × 5 mean. */
export const FLAT_BLUR = 2;

/** Where a flat-region noise estimate was taken and what it found (values in the image's units). */
export interface FlatRegionNoise {
  row0: number;
  column0: number;
  side: number;
  /** Standard deviation of the input inside the window. */
  sigmaInput: number;
  /** Standard deviation of the output inside the same window. */
  sigmaOutput: number;
}

/**
 * Noise in the flattest region of a `size × size` patch, before and after denoising: the input is
 * smoothed with a (2·blur+1)² box filter (which removes most of the noise but keeps the anatomy);
 * the `side × side` window whose smoothed values vary least (smallest standard deviation) is taken
 * as the flattest anatomy, and the standard deviation of the input and of the output inside it
 * are the noise estimates (what is left there is mostly noise; remaining texture adds a little).
 * Windows are tried every `stride` pixels.
 */
export function flatRegionNoise(
  input: ArrayLike<number>,
  output: ArrayLike<number>,
  size: number,
  side = FLAT_SIDE,
  blur = FLAT_BLUR,
  stride = 2,
): FlatRegionNoise {
  if (input.length !== size * size || output.length !== size * size)
    throw new RangeError(`expected two ${size} × ${size} images`);
  const s = Math.min(side, size);
  const smooth = boxBlur(input, size, blur);
  let best = { row0: 0, column0: 0, spread: Infinity };
  for (let r = 0; r + s <= size; r += stride)
    for (let c = 0; c + s <= size; c += stride) {
      const spread = standardDeviation(windowValues(smooth, size, r, c, s));
      if (spread < best.spread) best = { row0: r, column0: c, spread };
    }
  return {
    row0: best.row0,
    column0: best.column0,
    side: s,
    sigmaInput: standardDeviation(windowValues(input, size, best.row0, best.column0, s)),
    sigmaOutput: standardDeviation(windowValues(output, size, best.row0, best.column0, s)),
  };
}

/**
 * A spread in window units (0…1) as Hounsfield units: the window maps `width` HU linearly onto
 * 0…1, so σ_HU = σ · width (exact where no pixel was clipped at 0 or 1).
 */
export function unitsToHu(sigma: number, windowWidth: number): number {
  return sigma * windowWidth;
}

/** Index of the largest value (the first on a tie); −1 for none. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++)
    if (best < 0 || (values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/**
 * The side of one model-input pixel in mm: source spacing / (model pixels per source pixel). A
 * source without spacing is taken at the model's own spacing (as the preprocessing assumes it).
 */
export function modelPixelMm(
  scale: number,
  sourceSpacingMm: number | undefined,
  modelSpacingMm: number,
): number {
  return sourceSpacingMm === undefined ? modelSpacingMm : sourceSpacingMm / scale;
}

/** What a model card says about the receptive field. */
export interface ModelReceptiveField {
  /** The last layer with a spatial receptive field, or undefined when there is none (an MLP). */
  layer?: string;
  /** Its receptive field [rows, columns] in input pixels. */
  size?: readonly [number, number];
  /** True when a later layer (flatten, dense, global pooling) combines the whole input. */
  wholeInputAfter: boolean;
}

/** The receptive field of a model's last spatial layer, and whether later layers see the whole input. */
export function modelReceptiveField(analysis: readonly LayerAnalysis[]): ModelReceptiveField {
  let last = -1;
  analysis.forEach((a, i) => {
    if (a.kind !== 'input' && a.receptiveField) last = i;
  });
  const wholeInputAfter = analysis.slice(last + 1).some((a) => a.kind !== 'input' && !a.receptiveField);
  if (last < 0) return { wholeInputAfter };
  const a = analysis[last]!;
  return { layer: a.name, size: a.receptiveField!.size, wholeInputAfter };
}
