/**
 * The feature map of the `convolution` lesson, from kernel to pixels, without React: convolve the
 * uploaded slice on the active backend (`ConvImage.convolve`: tf.conv2d and one download), then one
 * pass for the largest |v|, one `valuesToRgba` into a reused ImageData and one `putImageData` (the
 * map is on screen), then one pass for the caption's min and max. The widget runs
 * exactly these two functions ({@link computeFeatureMap}, then {@link drawFeatureMap}); the benchmark
 * calls {@link renderFeatureMap}, which is the two in a row.
 */
import type { ConvOptions, Filters, Volume } from '../../core/tensor/reference/types';
import { percentiles } from '../../core/imaging/display/percentileWindow';
import { valuesToRgba } from '../../core/viz/valuesToRgba';

/** What can convolve an uploaded image (a `ConvImage` from core/tensor/liveConv). */
export interface Convolver {
  convolve(filters: Filters, opts: ConvOptions): Promise<Volume>;
}

/** The canvas a map is drawn on (a page canvas, or an OffscreenCanvas in a benchmark). */
export type MapCanvasTarget = HTMLCanvasElement | OffscreenCanvas;

/** A reused ImageData (one per map size), so that an update allocates nothing on the page side. */
export interface DrawScratch {
  image?: ImageData;
}

/** What drawing a map measured. */
export interface DrawResult {
  /** Smallest and largest value of the map (0, 0 for an empty map). */
  min: number;
  max: number;
  /**
   * The colour range [−m, m]: m = max(|min|, |max|), or, when clipping was asked for, the given
   * percentile of |v| (m = 1 when that is 0).
   */
  range: [number, number];
  /** True when the range was clipped at a percentile (values beyond take the end colours). */
  clipped: boolean;
  /** Whether pixels reached a canvas (false without a 2-D context, e.g. in jsdom). */
  drawn: boolean;
  /**
   * Time from the map to its pixels on the canvas, ms: the largest |v|, colours and putImageData
   * (min and max for the caption are found after it).
   */
  drawMs: number;
}

/** What {@link renderFeatureMap} returns. */
export interface FeatureMapRender extends DrawResult {
  map: Volume;
  /** Convolution and download, ms. */
  convolveMs: number;
  /** convolveMs + drawMs, ms. */
  totalMs: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The image convolved with `filters`: one `convolve` call (tf.conv2d + download on the backend). */
export function computeFeatureMap(image: Convolver, filters: Filters, opts: ConvOptions): Promise<Volume> {
  return image.convolve(filters, opts);
}

/**
 * Draws channel 0 of `map` on `canvas` (resized to the map) with the diverging colour map symmetric
 * around 0: the largest |v| in one pass, then `valuesToRgba` into `scratch.image` and one
 * `putImageData`; then min and max in one more pass, for the caption. With `clipPercentile` (e.g.
 * 99) the scale ends at that percentile of |v| instead (nearest rank, `percentiles`), so that a few
 * strong edges do not make the rest of the map pale.
 */
export function drawFeatureMap(
  map: Volume,
  canvas: MapCanvasTarget | null,
  scratch: DrawScratch = {},
  clipPercentile?: number,
): DrawResult {
  const t0 = now();
  const { width, height, channels, data } = map;
  let values: Float32Array = data;
  if (channels !== 1) {
    values = new Float32Array(width * height);
    for (let i = 0; i < values.length; i++) values[i] = data[i * channels]!;
  }
  // The colour scale needs only the largest |v| (one cheap pass before the pixels are drawn), or
  // the chosen percentile of |v| when the learner asked for a clipped scale.
  const clipped = clipPercentile !== undefined;
  let m = 0;
  if (clipped) {
    const abs = new Float32Array(values.length);
    for (let i = 0; i < values.length; i++) abs[i] = Math.abs(values[i]!);
    m = percentiles(abs, [clipPercentile])?.[0] ?? 0;
  } else {
    for (let i = 0; i < values.length; i++) {
      const a = Math.abs(values[i]!);
      if (a > m) m = a;
    }
  }
  const range: [number, number] = m > 0 ? [-m, m] : [-1, 1];
  let drawn = false;
  const ctx =
    canvas && width > 0 && height > 0 ? (canvas.getContext('2d') as CanvasRenderingContext2D | null) : null;
  if (canvas && ctx) {
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    let image = scratch.image;
    if (!image || image.width !== width || image.height !== height) {
      image = ctx.createImageData(width, height);
      scratch.image = image;
    }
    valuesToRgba(values, 'diverging', range[0], range[1], image.data);
    ctx.putImageData(image, 0, 0);
    drawn = true;
  }
  const drawMs = now() - t0;
  // Min and max for the caption, after the map is on the canvas.
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) {
    min = 0;
    max = 0;
  }
  return { min, max, range, clipped, drawn, drawMs };
}

/**
 * Convolve and draw, as the feature-map widget does on every kernel change: returns the map, its
 * min/max and colour range, and the time of each part.
 */
export async function renderFeatureMap(
  image: Convolver,
  filters: Filters,
  opts: ConvOptions,
  canvas: MapCanvasTarget | null,
  scratch: DrawScratch = {},
): Promise<FeatureMapRender> {
  const t0 = now();
  const map = await computeFeatureMap(image, filters, opts);
  const convolveMs = now() - t0;
  const drawn = drawFeatureMap(map, canvas, scratch);
  return { ...drawn, map, convolveMs, totalMs: convolveMs + drawn.drawMs };
}
