/**
 * Max and average pooling in plain TypeScript, with tfjs's semantics (tf.maxPool, tf.avgPool,
 * NHWC without the batch). Each channel is pooled on its own over size_y × size_x windows moved by
 * the stride:
 *
 *   max: out[oy, ox, c] = max over inside (y, x) of in[y, x, c]
 *   avg: out[oy, ox, c] = (Σ over inside (y, x) of in[y, x, c]) / (number of inside (y, x))
 *
 * with y = oy·s_y − top + i, x = ox·s_x − left + j. Padded cells ('same') are ignored by max and left
 * out of the average's count, as in TensorFlow. Output size per axis: ⌊(n + p_before + p_after − k)/s⌋ + 1.
 */
import { assertPositiveInteger, convOutputShape, pair } from './convGeometry';
import { assertVolume } from './conv2dRef';
import type { ExplicitPadding, Volume } from './types';

/** Options of a pooling layer. */
export interface PoolOptions {
  kind: 'max' | 'avg';
  /** Window size: one number for both axes, or [vertical, horizontal]. */
  size: number | readonly [number, number];
  /** Step between windows (default: the window size, so windows do not overlap). */
  stride?: number | readonly [number, number];
  /** 'valid' (default): windows inside the image only; 'same': TensorFlow's padding, out = ⌈n / s⌉. */
  padding?: 'valid' | 'same';
}

/** Every term of one pooled value. */
export interface PoolTerms {
  oy: number;
  ox: number;
  c: number;
  /** The window's cells in row-major order; cells in the padding have inside false and value 0 (unused). */
  taps: { y: number; x: number; inside: boolean; value: number }[];
  /** The max, or the mean of the inside cells (float64; the volume stores Math.fround of it). */
  output: number;
  /** Index into taps of the maximum (the first one on ties); −1 for avg. */
  argmax: number;
  /** Number of inside cells used. */
  count: number;
}

interface ResolvedPool {
  kh: number;
  kw: number;
  sy: number;
  sx: number;
  pad: ExplicitPadding;
  outH: number;
  outW: number;
}

function resolvePool(input: Volume, opts: PoolOptions): ResolvedPool {
  assertVolume(input);
  if (opts.kind !== 'max' && opts.kind !== 'avg')
    throw new RangeError(`Pooling must be 'max' or 'avg', got '${String(opts.kind)}'.`);
  const shape = poolOutputShape(input.height, input.width, opts);
  const [kh, kw] = pair(opts.size);
  const [sy, sx] = pair(opts.stride ?? opts.size);
  return { kh, kw, sy, sx, pad: shape.padding, outH: shape.height, outW: shape.width };
}

/**
 * Output height and width of pooling a height × width input, and the padding used:
 * out = ⌊(n + p_before + p_after − k)/s⌋ + 1 per axis (0 if ≤ 0); with 'same', out = ⌈n / s⌉.
 * @throws RangeError when the window size or stride is not a whole number ≥ 1.
 */
export function poolOutputShape(
  height: number,
  width: number,
  opts: Pick<PoolOptions, 'size' | 'stride' | 'padding'>,
): { height: number; width: number; padding: ExplicitPadding } {
  const [kh, kw] = pair(opts.size);
  assertPositiveInteger(kh, 'The pooling window height');
  assertPositiveInteger(kw, 'The pooling window width');
  const stride = opts.stride ?? opts.size;
  return convOutputShape(height, width, kh, kw, { stride, padding: opts.padding ?? 'valid' });
}

/**
 * Every term of the pooled value at (oy, ox) of channel c: the window's cells y = oy·s_y − top + i,
 * x = ox·s_x − left + j in row-major order, the max (argmax = first maximum) or the mean over the
 * cells inside the image.
 * @throws RangeError for bad options or a position out of range.
 */
export function poolAt(input: Volume, oy: number, ox: number, c: number, opts: PoolOptions): PoolTerms {
  const r = resolvePool(input, opts);
  if (!Number.isInteger(oy) || oy < 0 || oy >= r.outH || !Number.isInteger(ox) || ox < 0 || ox >= r.outW)
    throw new RangeError(`Output position (${oy}, ${ox}) is outside the ${r.outH}×${r.outW} output.`);
  if (!Number.isInteger(c) || c < 0 || c >= input.channels)
    throw new RangeError(`Channel ${c} does not exist: the image has ${input.channels} channel(s).`);
  const taps: PoolTerms['taps'] = [];
  const isMax = opts.kind === 'max';
  let best = -Infinity;
  let argmax = -1;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < r.kh; i++) {
    const y = oy * r.sy - r.pad.top + i;
    for (let j = 0; j < r.kw; j++) {
      const x = ox * r.sx - r.pad.left + j;
      const inside = y >= 0 && y < input.height && x >= 0 && x < input.width;
      const value = inside ? input.data[(y * input.width + x) * input.channels + c]! : 0;
      if (inside) {
        count++;
        sum += value;
        if (isMax && (argmax < 0 || value > best)) {
          best = value;
          argmax = taps.length;
        }
      }
      taps.push({ y, x, inside, value });
    }
  }
  // With TF 'same' padding every window holds at least one inside cell, so count ≥ 1.
  const output = isMax ? best : count > 0 ? sum / count : 0;
  return { oy, ox, c, taps, output, argmax: isMax ? argmax : -1, count };
}

/**
 * Max or average pooling of an HWC volume, per channel (tf.maxPool / tf.avgPool semantics):
 * each value is exactly Math.fround(poolAt(…).output).
 * @throws RangeError when the window size or stride is not a whole number ≥ 1.
 */
export function pool2dRef(input: Volume, opts: PoolOptions): Volume {
  const r = resolvePool(input, opts);
  const { height: H, width: W, channels: C, data } = input;
  const out = new Float32Array(r.outH * r.outW * C);
  const isMax = opts.kind === 'max';
  for (let oy = 0; oy < r.outH; oy++) {
    const y0 = oy * r.sy - r.pad.top;
    const yMin = Math.max(0, y0);
    const yMax = Math.min(H, y0 + r.kh);
    for (let ox = 0; ox < r.outW; ox++) {
      const x0 = ox * r.sx - r.pad.left;
      const xMin = Math.max(0, x0);
      const xMax = Math.min(W, x0 + r.kw);
      const count = (yMax - yMin) * (xMax - xMin);
      const o = (oy * r.outW + ox) * C;
      for (let c = 0; c < C; c++) {
        let acc = isMax ? -Infinity : 0;
        for (let y = yMin; y < yMax; y++)
          for (let x = xMin; x < xMax; x++) {
            const v = data[(y * W + x) * C + c]!;
            if (isMax) {
              if (v > acc) acc = v;
            } else acc += v;
          }
        out[o + c] = isMax ? acc : count > 0 ? acc / count : 0;
      }
    }
  }
  return { height: r.outH, width: r.outW, channels: C, data: out };
}

/**
 * Global pooling: one value per channel, the max or the mean over all height × width pixels
 * (tf.max / tf.mean over axes 0 and 1; Keras GlobalMaxPooling2D / GlobalAveragePooling2D).
 * @throws RangeError for an empty image or data of the wrong length.
 */
export function globalPoolRef(input: Volume, kind: 'max' | 'avg'): Float32Array {
  assertVolume(input);
  const { height: H, width: W, channels: C, data } = input;
  const acc = new Float64Array(C).fill(kind === 'max' ? -Infinity : 0);
  for (let p = 0; p < H * W; p++)
    for (let c = 0; c < C; c++) {
      const v = data[p * C + c]!;
      if (kind === 'max') {
        if (v > acc[c]!) acc[c] = v;
      } else acc[c] = acc[c]! + v;
    }
  const out = new Float32Array(C);
  for (let c = 0; c < C; c++) out[c] = kind === 'max' ? acc[c]! : acc[c]! / (H * W);
  return out;
}
