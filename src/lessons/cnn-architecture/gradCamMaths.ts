/**
 * Pure maths of the Grad-CAM step: the layer-resolution map brought onto the model's input
 * pixels, a lesion's position in model pixels, and the few numbers the sentence under the map
 * states (where the heat is relative to the lesion or the crop). No React, no tensors.
 */
import type { LayerAnalysis } from '../../core/models/zooTypes';

/** A point in model-input pixels (pixel centres at integers). */
export interface ModelPoint {
  row: number;
  column: number;
}

/**
 * Sample positions, along one axis of the layer's map, of input pixel centres 0…size−1.
 * With a receptive field, unit u is centred on input coordinate start + u·jump + (rf − 1)/2 (the
 * centre of the pixels it sees, Araujo et al., Distill 2019), so input pixel p sits at unit
 * coordinate (p − centre₀)/jump; without one, the map is stretched over the input with half-pixel
 * centres (tf.image.resizeBilinear's convention): (p + ½)·n/size − ½. Clamped to [0, n − 1].
 */
export function unitCoordinates(
  n: number,
  size: number,
  rf?: { size: number; jump: number; start: number },
): Float64Array {
  const out = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    const u =
      rf && rf.jump > 0 ? (p - (rf.start + (rf.size - 1) / 2)) / rf.jump : ((p + 0.5) * n) / size - 0.5;
    out[p] = Math.min(n - 1, Math.max(0, u));
  }
  return out;
}

/**
 * The Grad-CAM map (rows × columns, row-major) upsampled bilinearly onto the size × size input,
 * aligned by the layer's receptive field when `analysis` has one (see {@link unitCoordinates}).
 */
export function camToInput(
  map: ArrayLike<number>,
  rows: number,
  columns: number,
  size: number,
  analysis?: Pick<LayerAnalysis, 'receptiveField'>,
): Float32Array {
  const rf = analysis?.receptiveField;
  const axis = (i: 0 | 1, n: number) =>
    unitCoordinates(n, size, rf ? { size: rf.size[i], jump: rf.jump[i], start: rf.start[i] } : undefined);
  const ur = axis(0, rows);
  const uc = axis(1, columns);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    const r0 = Math.floor(ur[y]!);
    const r1 = Math.min(rows - 1, r0 + 1);
    const fr = ur[y]! - r0;
    for (let x = 0; x < size; x++) {
      const c0 = Math.floor(uc[x]!);
      const c1 = Math.min(columns - 1, c0 + 1);
      const fc = uc[x]! - c0;
      const top = map[r0 * columns + c0]! * (1 - fc) + map[r0 * columns + c1]! * fc;
      const bottom = map[r1 * columns + c0]! * (1 - fc) + map[r1 * columns + c1]! * fc;
      out[y * size + x] = top * (1 - fr) + bottom * fr;
    }
  }
  return out;
}

/**
 * A source pixel (row, column) in model-input pixel coordinates: source pixel r covers
 * [r, r + 1), the crop starts at `row0`, and model pixel i covers source [row0 + i/scale, …), so the
 * centre r + ½ lands on (r + ½ − row0)·scale − ½.
 */
export function sourceToModel(
  point: { row: number; column: number },
  crop: { row0: number; column0: number },
  scale: number,
): ModelPoint {
  return {
    row: (point.row + 0.5 - crop.row0) * scale - 0.5,
    column: (point.column + 0.5 - crop.column0) * scale - 0.5,
  };
}

/** Radius (model pixels) of the disc around the lesion centre that the sentence measures heat in: size / 8. */
export function lesionRadius(size: number): number {
  return size / 8;
}

/** The numbers the Grad-CAM sentence states. */
export interface HeatSummary {
  /** Σ of the (upsampled) map; 0 means the map is zero everywhere. */
  total: number;
  /** The hottest input pixel (first in row-major order on ties). */
  peak: ModelPoint & { value: number };
  /** Share of the heat in the central quarter of the crop (the middle half on each axis; area 25 %). */
  centralShare: number;
  /** Heat near the lesion, when a lesion lies inside the crop. */
  lesion?: {
    centre: ModelPoint;
    radius: number;
    /** Share of the heat within `radius` of the centre. */
    share: number;
    /** Share of the input's pixels within `radius` of the centre (what an even spread would give). */
    area: number;
    /** Distance from the peak to the lesion centre, model pixels. */
    peakDistance: number;
  };
}

/**
 * Where the heat of an input-resolution map lies: its total, its peak, its share in the central
 * quarter, and (with a lesion centre inside the input) its share within {@link lesionRadius}.
 */
export function heatSummary(heat: ArrayLike<number>, size: number, lesion?: ModelPoint): HeatSummary {
  let total = 0;
  let central = 0;
  let peak = { row: 0, column: 0, value: -Infinity };
  const lo = size / 4;
  const hi = (3 * size) / 4;
  const radius = lesionRadius(size);
  const inside =
    lesion &&
    lesion.row >= -0.5 &&
    lesion.row <= size - 0.5 &&
    lesion.column >= -0.5 &&
    lesion.column <= size - 0.5;
  let near = 0;
  let nearPixels = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = Math.max(0, heat[y * size + x]!);
      total += v;
      if (v > peak.value) peak = { row: y, column: x, value: v };
      if (y + 0.5 > lo && y + 0.5 < hi && x + 0.5 > lo && x + 0.5 < hi) central += v;
      if (inside && Math.hypot(y - lesion.row, x - lesion.column) <= radius) {
        near += v;
        nearPixels++;
      }
    }
  return {
    total,
    peak,
    centralShare: total > 0 ? central / total : 0,
    ...(inside
      ? {
          lesion: {
            centre: lesion,
            radius,
            share: total > 0 ? near / total : 0,
            area: nearPixels / (size * size),
            peakDistance: Math.hypot(peak.row - lesion.row, peak.column - lesion.column),
          },
        }
      : {}),
  };
}

/**
 * What the numbers support about the heat and the lesion: 'concentrated' when the share near the
 * lesion is at least twice an even spread's, 'away' when it is at most half of it, else 'spread'.
 */
export function lesionVerdict(share: number, area: number): 'concentrated' | 'away' | 'spread' {
  if (area <= 0) return 'spread';
  const ratio = share / area;
  return ratio >= 2 ? 'concentrated' : ratio <= 0.5 ? 'away' : 'spread';
}

/** The same for the central quarter of the crop (area 25 %). */
export function centralVerdict(share: number): 'centre' | 'edges' | 'spread' {
  return share >= 0.5 ? 'centre' : share <= 0.125 ? 'edges' : 'spread';
}
