/**
 * Feature maps and images to RGBA pixels for a canvas, through 256-entry colour tables of the
 * colour-blind-safe maps of {@link ./colorMaps}: the diverging blue–orange map for signed values
 * (symmetric around 0, so a zero is always the same light grey), viridis for magnitudes, grey for
 * intensities. One table lookup and one 32-bit store per pixel: fast enough to redraw a 512×512
 * map on every kernel edit.
 */
import { blueOrange, viridis } from './colorMaps';

/** How values become colours. */
export type ValueScale = 'diverging' | 'viridis' | 'gray';

/** Number of entries in a colour table. */
export const LUT_SIZE = 256;

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function parseColour(c: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Unparsable colour ${c}`);
}

function packRgba(r: number, g: number, b: number): number {
  return isLittleEndian
    ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

const tables = new Map<ValueScale, Uint32Array>();

/**
 * The CSS colour of table entry k (0…255) of a scale, at the position t = k / 255 along it:
 * diverging maps t to blueOrange(2t − 1), viridis to viridis(t), grey to the grey level k. The
 * colour table and the legends drawn beside the maps both take their colours from here.
 */
export function scaleColour(scale: ValueScale, k: number): string {
  const t = k / (LUT_SIZE - 1);
  if (scale === 'diverging') return blueOrange(2 * t - 1);
  if (scale === 'viridis') return viridis(t);
  return `rgb(${k}, ${k}, ${k})`;
}

/** The colour table of a scale: entry k is {@link scaleColour}(scale, k), packed as RGBA. */
export function colourTable(scale: ValueScale): Uint32Array {
  let table = tables.get(scale);
  if (!table) {
    table = new Uint32Array(LUT_SIZE);
    for (let k = 0; k < LUT_SIZE; k++) {
      const [r, g, b] = parseColour(scaleColour(scale, k));
      table[k] = packRgba(r, g, b);
    }
    tables.set(scale, table);
  }
  return table;
}

/** The value range a scale spans by default: ±max|v| for diverging, [min, max] otherwise. */
export function valueRange(values: ArrayLike<number>, scale: ValueScale): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return [0, 1];
  if (scale === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return m > 0 ? [-m, m] : [-1, 1];
  }
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/** Table indices of the last call, reused (grows to the largest map drawn). */
let indices = new Uint8ClampedArray(0);

/**
 * RGBA pixels of `values` (one value per pixel, row-major) on `scale` over [lo, hi]: a value is
 * clamped into the range and mapped to the table entry nearest to 255 · (v − lo) / (hi − lo)
 * (halves to the even entry: the conversion of Uint8ClampedArray, which clamps and rounds in one
 * branch-free step). NaN is drawn as the entry of lo.
 * @param out reused when given (at least 4 · values.length bytes).
 */
export function valuesToRgba(
  values: ArrayLike<number>,
  scale: ValueScale,
  lo: number,
  hi: number,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const n = values.length;
  const dst = out ?? new Uint8ClampedArray(4 * n);
  if (dst.length < 4 * n) throw new RangeError(`Output holds ${dst.length} bytes, need ${4 * n}`);
  const px = new Uint32Array(dst.buffer, dst.byteOffset, n);
  const table = colourTable(scale);
  const k = hi > lo ? (LUT_SIZE - 1) / (hi - lo) : 0;
  if (indices.length < n) indices = new Uint8ClampedArray(n);
  const idx = indices;
  for (let i = 0; i < n; i++) idx[i] = (values[i]! - lo) * k;
  for (let i = 0; i < n; i++) px[i] = table[idx[i]!]!;
  return dst;
}
