/**
 * The convolutional layer of the lesson's fourth step: an input of up to three channels made from the
 * slice, and a bank of up to eight hand-made filters, each with one k × k slice per input channel.
 * Output map f = Σ_c (channel c ⊛ kernel slice (c, f)) + b_f, in the tfjs filter layout
 * [k, k, C, F]: w[i, j, c, f] = data[((i·k + j)·C + c)·F + f].
 *
 * The three channels: for CT (values in HU), the slice in three windows (lung, soft tissue, bone), as
 * a radiologist reads it; for other images (no HU), the intensity and its horizontal and vertical
 * central differences.
 */
import { centralRegion } from '../shared/centralRegion';
import type { Localized } from '../../core/lessons/types';
import { requireWindowPreset, type WindowPresetId } from '../../core/imaging/display/windowPresets';
import { windowedIntensity } from '../../core/imaging/display/windowedIntensity';
import type { Filters, Volume } from '../../core/tensor/reference/types';
import { binomialRow, outer } from './kernelPresets';

/** The most input channels and filters the step offers. */
export const MAX_IN_CHANNELS = 3;
export const MAX_FILTERS = 8;

/** What the layer's input channels are. */
export type ChannelKind = 'ct-windows' | 'gradients';

/** The layer's input: an H × W × C volume and a name for each channel. */
export interface LayerInput {
  kind: ChannelKind;
  volume: Volume;
  names: Localized[];
}

const CT_WINDOWS: readonly { id: WindowPresetId; name: Localized }[] = [
  { id: 'lung', name: { en: 'lung window', zh: '肺窗' } },
  { id: 'soft-tissue', name: { en: 'soft-tissue window', zh: '软组织窗' } },
  { id: 'bone', name: { en: 'bone window', zh: '骨窗' } },
];

const GRADIENT_NAMES: readonly Localized[] = [
  { en: 'intensity', zh: '强度' },
  { en: 'x-gradient', zh: 'x 方向梯度' },
  { en: 'y-gradient', zh: 'y 方向梯度' },
];

/** Central difference of `v` (width × height, row-major) along x (dx) or y, edges one-sided. */
export function centralDifference(
  v: ArrayLike<number>,
  width: number,
  height: number,
  axis: 'x' | 'y',
): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [a, b] =
        axis === 'x'
          ? [Math.max(0, x - 1), Math.min(width - 1, x + 1)]
          : [Math.max(0, y - 1), Math.min(height - 1, y + 1)];
      const [pa, pb] = axis === 'x' ? [y * width + a, y * width + b] : [a * width + x, b * width + x];
      out[y * width + x] = b > a ? (v[pb]! - v[pa]!) / (b - a) : 0;
    }
  return out;
}

/**
 * The first `channels` (1–3) input channels of the layer for a slice: CT windows when its unit is
 * HU, else intensity and its gradients.
 */
export function layerInput(slice: LayerSlice, channels: number): LayerInput {
  const c = Math.max(1, Math.min(MAX_IN_CHANNELS, Math.round(channels)));
  const { width, height } = slice;
  const kind: ChannelKind = slice.unit === 'HU' ? 'ct-windows' : 'gradients';
  const maps: Float32Array[] = [];
  for (let i = 0; i < c; i++) {
    if (kind === 'ct-windows')
      maps.push(windowedIntensity(slice.values, requireWindowPreset(CT_WINDOWS[i]!.id)));
    else if (i === 0) maps.push(slice.intensity);
    else maps.push(centralDifference(slice.intensity, width, height, i === 1 ? 'x' : 'y'));
  }
  const data = new Float32Array(width * height * c);
  for (let p = 0; p < width * height; p++) for (let i = 0; i < c; i++) data[p * c + i] = maps[i]![p]!;
  const names = (kind === 'ct-windows' ? CT_WINDOWS.map((w) => w.name) : GRADIENT_NAMES).slice(0, c);
  return { kind, volume: { height, width, channels: c, data }, names };
}

/** Largest side of the region the layer's maps are computed on. */
export const LAYER_MAX_SIDE = 1024;

/** What the layer step needs of a slice. */
export interface LayerSlice {
  width: number;
  height: number;
  values: Float32Array;
  intensity: Float32Array;
  unit: string;
}

/**
 * The part of `slice` the layer's maps are computed on: the slice itself, or, when a side exceeds
 * {@link LAYER_MAX_SIDE}, its central region of at most that size (C input and F output maps of a
 * large radiograph would need gigabytes in the page).
 */
export function layerRegion(slice: LayerSlice): LayerSlice & { cropped: boolean } {
  return centralRegion(slice, LAYER_MAX_SIDE);
}

/** Channel `c` of an HWC volume as one map. */
export function channelOf(v: Volume, c: number): Float32Array {
  const out = new Float32Array(v.width * v.height);
  for (let p = 0; p < out.length; p++) out[p] = v.data[p * v.channels + c]!;
  return out;
}

/** The spatial patterns of the bank's filters. */
export type FilterShape = 'blur' | 'dx' | 'dy' | 'laplacian';

/** The derivative taps of a k-wide kernel: [−1, 0, 1] smoothed by the binomial row of k − 3. */
function derivativeRow(k: number): number[] {
  const s = binomialRow(k - 3);
  const out = new Array<number>(k).fill(0);
  for (let i = 0; i < s.length; i++) {
    out[i] = out[i]! - s[i]!;
    out[i + 2] = out[i + 2]! + s[i]!;
  }
  return out;
}

/**
 * A k × k pattern (k odd, ≥ 3), row-major: 'blur' the binomial Gaussian (sums to 1), 'dx' and 'dy' the
 * Sobel pattern grown to k (binomial smoothing × smoothed [−1, 0, 1]; k = 3 gives Sobel), 'laplacian'
 * all ones with 1 − k² in the centre (sums to 0; k = 3 is the 8-neighbour Laplacian).
 */
export function filterShape(shape: FilterShape, k: number): number[] {
  const b = binomialRow(k - 1);
  const total = b.reduce((a, x) => a + x, 0) ** 2;
  switch (shape) {
    case 'blur':
      return outer(b, b).map((w) => w / total);
    case 'dx':
      return outer(b, derivativeRow(k));
    case 'dy':
      return outer(derivativeRow(k), b);
    case 'laplacian':
      return Array.from({ length: k * k }, (_, i) => (i === (k * k - 1) / 2 ? 1 - k * k : 1));
  }
}

/** One filter of the bank: a spatial pattern and a weight for each input channel. */
export interface BankFilter {
  shape: FilterShape;
  /** Weight of the pattern in channel 0, 1, 2 (kernel slice c = mix[c] · pattern). */
  mix: readonly [number, number, number];
}

/** The eight filters, in order; the first F are used. */
export const BANK: readonly BankFilter[] = [
  { shape: 'dx', mix: [1, 0.5, 0] },
  { shape: 'dy', mix: [1, 0, 0.5] },
  { shape: 'laplacian', mix: [1, 1, 1] },
  { shape: 'blur', mix: [1, -1, 0] },
  { shape: 'blur', mix: [1, 0, -1] },
  { shape: 'dx', mix: [-1, 0, 1] },
  { shape: 'dy', mix: [0.5, 1, 0] },
  { shape: 'blur', mix: [1, 1, 1] },
];

/** Names of the filter shapes. */
export const SHAPE_NAMES: Record<FilterShape, Localized> = {
  blur: { en: 'blur', zh: '模糊' },
  dx: { en: 'vertical edges (Sobel x)', zh: '竖直边缘（Sobel x）' },
  dy: { en: 'horizontal edges (Sobel y)', zh: '水平边缘（Sobel y）' },
  laplacian: { en: 'spots and rims (Laplacian)', zh: '斑点与边缘环（拉普拉斯）' },
};

/**
 * The first `count` filters of {@link BANK} at size k over `inChannels` channels, as tfjs-layout
 * {@link Filters}: w[i, j, c, f] = mix_f[c] · pattern_f[i, j].
 */
export function filterBank(k: number, inChannels: number, count: number): Filters {
  const C = Math.max(1, Math.min(MAX_IN_CHANNELS, inChannels));
  const F = Math.max(1, Math.min(MAX_FILTERS, count));
  const data = new Float32Array(k * k * C * F);
  for (let f = 0; f < F; f++) {
    const { shape, mix } = BANK[f]!;
    const pattern = filterShape(shape, k);
    for (let t = 0; t < k * k; t++)
      for (let c = 0; c < C; c++) data[(t * C + c) * F + f] = mix[c]! * pattern[t]!;
  }
  return { kh: k, kw: k, inChannels: C, outChannels: F, data };
}

/** The k × k slice (c, f) of a filter bank, row-major. */
export function kernelSlice(filters: Filters, c: number, f: number): number[] {
  const { kh, kw, inChannels: C, outChannels: F, data } = filters;
  return Array.from({ length: kh * kw }, (_, t) => data[(t * C + c) * F + f]!);
}
