/**
 * The geometry of the stride/padding/dilation step: a small n × n crop, the padded grid around it
 * (what each padding cell reads: 0 or a mirrored pixel), and, for every output position, the input
 * cells its k × k taps fall on (spread d apart), from the reference `convAt` with a mean kernel
 * (every weight 1/k², so each output is the average of the pixels it sees).
 */
import type { Localized } from '../../core/lessons/types';
import { convAt, readPadded, type ConvTerms } from '../../core/tensor/reference/conv2dRef';
import {
  convOutputShape,
  convOutputSize,
  effectiveKernelSize,
} from '../../core/tensor/reference/convGeometry';
import type {
  ExplicitPadding,
  Filters,
  PaddingSpec,
  PadMode,
  Volume,
} from '../../core/tensor/reference/types';

/** How the step's padding is chosen (the `padding` parameter). */
export type PaddingChoice = 'valid' | 'same' | 'custom';

/** The step's settings. */
export interface StridePaddingSettings {
  k: number;
  stride: number;
  padding: PaddingChoice;
  /** Pixels on every side when `padding` is 'custom'. */
  amount: number;
  padMode: PadMode;
  dilation: number;
}

/** The padding spec of a choice: 'valid', 'same', or `amount` on every side. */
export function paddingSpec(choice: PaddingChoice, amount: number): PaddingSpec {
  if (choice === 'custom') return { top: amount, bottom: amount, left: amount, right: amount };
  return choice;
}

/** One cell of the padded grid. */
export interface PaddedCell {
  /** Row and column in the input (negative or ≥ n in the padding). */
  y: number;
  x: number;
  inside: boolean;
  /** The value the convolution reads there (0 in zero padding). */
  value: number;
  /** The pixel a reflect-padding cell copies, or null. */
  sourceY: number | null;
  sourceX: number | null;
}

/** The whole step, computed. */
export interface StridePaddingModel {
  n: number;
  padding: ExplicitPadding;
  /** Padded grid size: n + top + bottom rows, n + left + right columns. */
  rows: number;
  cols: number;
  /** cells[r · cols + c] for grid row r = y + top, column c = x + left. */
  cells: PaddedCell[];
  outHeight: number;
  outWidth: number;
  /** d·(k − 1) + 1: the span of the dilated kernel. */
  span: number;
  /** terms[p] for output position p = oy · outWidth + ox. */
  terms: ConvTerms[];
}

/** The mean kernel: k × k weights of 1/k², one channel, one filter. */
export function meanFilters(k: number): Filters {
  return { kh: k, kw: k, inChannels: 1, outChannels: 1, data: new Float32Array(k * k).fill(1 / (k * k)) };
}

/**
 * The step for an n × n crop, or why it has no output: a dilated kernel wider than the padded input,
 * or reflect padding as wide as the image (a mirror needs a pixel to copy).
 */
export function stridePaddingModel(
  crop: Volume,
  s: StridePaddingSettings,
): { ok: true; model: StridePaddingModel } | { ok: false; error: Localized } {
  const n = crop.height;
  const spec = paddingSpec(s.padding, s.amount);
  const opts = { stride: s.stride, padding: spec, padMode: s.padMode, dilation: s.dilation };
  const shape = convOutputShape(crop.height, crop.width, s.k, s.k, opts);
  const pad = shape.padding;
  const span = effectiveKernelSize(s.k, s.dilation);
  if (s.padMode === 'reflect' && Math.max(pad.top, pad.bottom, pad.left, pad.right) >= n)
    return {
      ok: false,
      error: {
        en: `Reflect padding of ${Math.max(pad.top, pad.bottom)} pixel(s) needs an input wider than that, but it is ${n} wide: a mirror has no pixel to copy. Use zero padding, less padding, a smaller kernel or less dilation.`,
        zh: `${Math.max(pad.top, pad.bottom)} 像素的反射填充要求输入比它更宽，但输入只有 ${n} 像素宽：镜像没有可复制的像素。请改用零填充、减少填充、缩小卷积核或减小膨胀率。`,
      },
    };
  if (shape.height === 0 || shape.width === 0)
    return {
      ok: false,
      error: {
        en: `The dilated kernel spans ${span} pixels but the padded input is only ${n + pad.top + pad.bottom} wide: there is no output. Add padding, or use a smaller kernel or dilation.`,
        zh: `膨胀后的卷积核跨越 ${span} 个像素，而填充后的输入只有 ${n + pad.top + pad.bottom} 像素宽：没有输出。请增加填充，或缩小卷积核或膨胀率。`,
      },
    };
  const rows = n + pad.top + pad.bottom;
  const cols = crop.width + pad.left + pad.right;
  const cells: PaddedCell[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const y = r - pad.top;
      const x = c - pad.left;
      const inside = y >= 0 && y < n && x >= 0 && x < crop.width;
      const read = readPadded(crop, y, x, 0, s.padMode);
      cells.push({ y, x, inside, value: read.value, sourceY: read.sourceY, sourceX: read.sourceX });
    }
  const filters = meanFilters(s.k);
  const terms: ConvTerms[] = [];
  for (let oy = 0; oy < shape.height; oy++)
    for (let ox = 0; ox < shape.width; ox++) terms.push(convAt(crop, filters, oy, ox, 0, opts));
  return {
    ok: true,
    model: {
      n,
      padding: pad,
      rows,
      cols,
      cells,
      outHeight: shape.height,
      outWidth: shape.width,
      span,
      terms,
    },
  };
}

/**
 * The output-size formula with the step's numbers, along one axis:
 * "⌊(7 + 1 + 1 − 2·(3 − 1) − 1) / 2⌋ + 1 = 3", the result from `convOutputSize`.
 */
export function outputSizeWorking(
  n: number,
  k: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
): { text: string; size: number } {
  const size = convOutputSize(n, k, stride, padBefore, padAfter, dilation);
  const pads = padBefore === padAfter ? `2·${padBefore}` : `${padBefore} + ${padAfter}`;
  // n + p_before + p_after − d·(k − 1) − 1, the numerator of the formula (convGeometry's span − 1).
  const inner = n + padBefore + padAfter - effectiveKernelSize(k, dilation);
  const head = `⌊(${n} + ${pads} − ${dilation}·(${k} − 1) − 1) / ${stride}⌋ + 1`;
  // A negative numerator means the dilated kernel does not fit once: no output.
  const text = inner < 0 ? `${head}: ${inner} < 0 ⇒ ${size}` : `${head} = ⌊${inner}/${stride}⌋ + 1 = ${size}`;
  return { text, size };
}
