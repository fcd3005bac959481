/**
 * The `#/zoo` page's pure helpers: mask area and SVG paths, noise estimates on images of known
 * noise, the receptive field a card quotes, the URL state, number formats.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/imaging/phantoms/random';
import type { LayerAnalysis } from '../../../src/core/models/zooTypes';
import { backendsToTime } from '../../../src/ui/zoo/BackendSpeed';
import { takeApartHref } from '../../../src/ui/zoo/ModelCard';
import {
  formatBytes,
  formatCount,
  formatFlops,
  formatMs,
  formatPercent,
} from '../../../src/ui/zoo/zooFormat';
import {
  DEFAULT_ZOO_QUERY,
  formatZooHash,
  parseZooQuery,
  suggestedSample,
} from '../../../src/ui/zoo/zooQuery';
import {
  argmax,
  binaryMask,
  difference,
  meanAbsoluteDifference,
  flatRegionNoise,
  maskArea,
  maskContourPath,
  maskFillPath,
  modelPixelMm,
  modelReceptiveField,
  standardDeviation,
  unitsToHu,
} from '../../../src/ui/zoo/zooResultMaths';
import { parseQuery } from '../../../src/core/lessons/route';

/** Standard normal deviates (Box–Muller) from the phantoms' seeded generator. */
function gaussian(n: number, sigma: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.max(1e-12, rng.uniform());
    out[i] = sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.uniform());
  }
  return out;
}

/** Counts the closed unit squares and unit segments of a path made by the mask helpers. */
function segments(d: string): { rects: number; edges: number } {
  return { rects: (d.match(/z/g) ?? []).length, edges: (d.match(/M/g) ?? []).length };
}

describe('mask helpers', () => {
  // 4 × 4: a 2 × 2 block at rows 1–2, columns 1–2, plus one pixel at (3, 3).
  const prob = new Float32Array([0, 0, 0, 0, 0, 0.6, 0.5, 0.2, 0, 0.9, 0.7, 0.49, 0, 0, 0, 1]);
  const mask = binaryMask(prob);

  it('thresholds at 0.5 inclusive and measures the area in mm²', () => {
    expect([...mask]).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1]);
    expect(maskArea(mask, 0.7)).toEqual({ pixels: 5, mm2: 5 * 0.7 * 0.7 });
  });

  it('fills one rectangle per run of a row and outlines every boundary edge', () => {
    const fill = maskFillPath(mask, 4);
    expect(fill).toBe('M1 1h2v1h-2zM1 2h2v1h-2zM3 3h1v1h-1z');
    expect(segments(fill).rects).toBe(3);
    // The 2 × 2 block has a perimeter of 8 unit edges, the single pixel 4.
    expect(segments(maskContourPath(mask, 4)).edges).toBe(12);
    expect(maskFillPath(new Uint8Array(16), 4)).toBe('');
    expect(maskContourPath(new Uint8Array(16), 4)).toBe('');
  });
});

describe('noise estimates', () => {
  const size = 64;

  it('the flat region of a noisy step image lies in a flat half and finds the noise σ', () => {
    // Left half 0.3, right half 0.6, plus Gaussian noise σ = 0.02; the "output" is the clean image.
    const noise = gaussian(size * size, 0.02, 11);
    const clean = new Float32Array(size * size);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) clean[r * size + c] = c < size / 2 ? 0.3 : 0.6;
    const noisy = clean.map((v, i) => v + noise[i]!);
    const flat = flatRegionNoise(noisy, clean, size);
    // The square does not straddle the step.
    expect(flat.column0 + flat.side <= size / 2 || flat.column0 >= size / 2).toBe(true);
    expect(flat.sigmaInput).toBeGreaterThan(0.014);
    expect(flat.sigmaInput).toBeLessThan(0.026);
    expect(flat.sigmaOutput).toBe(0);
    expect(unitsToHu(flat.sigmaInput, 1500)).toBeCloseTo(flat.sigmaInput * 1500, 9);
  });

  it('the difference, its standard deviation and mean absolute value', () => {
    expect([...difference([3, 5], [1, 1])]).toEqual([2, 4]);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([])).toBe(0);
    expect(() => difference([1], [1, 2])).toThrow(RangeError);
    expect(meanAbsoluteDifference([0.5, 0.25, 1], [0.25, 0.5, 0.5])).toBe(1 / 3);
    expect(meanAbsoluteDifference([], [])).toBe(0);
    expect(() => meanAbsoluteDifference([1], [1, 2])).toThrow(RangeError);
    expect(() => flatRegionNoise(new Float32Array(4), new Float32Array(9), 2)).toThrow(RangeError);
  });
});

describe('small helpers', () => {
  it('argmax takes the first maximum; model pixel size follows the crop', () => {
    expect(argmax([0.2, 0.5, 0.5])).toBe(1);
    expect(argmax([])).toBe(-1);
    // 0.35 mm source pixels, 2 source pixels per model pixel → 0.7 mm.
    expect(modelPixelMm(0.5, 0.35, 0.7)).toBeCloseTo(0.7, 12);
    expect(modelPixelMm(1, undefined, 3.75)).toBe(3.75);
  });

  it('the receptive field is that of the last spatial layer, and says when dense layers follow', () => {
    const layer = (name: string, kind: LayerAnalysis['kind'], size?: number): LayerAnalysis => ({
      name,
      kind,
      outputShape: [1],
      params: 0,
      flops: 0,
      ...(size ? { receptiveField: { size: [size, size], jump: [1, 1], start: [0, 0] } } : {}),
    });
    expect(
      modelReceptiveField([
        layer('input', 'input', 1),
        layer('c1', 'conv2d', 3),
        layer('c2', 'conv2d', 5),
        layer('f', 'flatten'),
        layer('d', 'dense'),
      ]),
    ).toEqual({ layer: 'c2', size: [5, 5], wholeInputAfter: true });
    expect(modelReceptiveField([layer('input', 'input', 1), layer('c1', 'conv2d', 3)])).toEqual({
      layer: 'c1',
      size: [3, 3],
      wholeInputAfter: false,
    });
    expect(
      modelReceptiveField([layer('input', 'input', 1), layer('f', 'flatten'), layer('d', 'dense')]),
    ).toEqual({
      wholeInputAfter: true,
    });
  });

  it('formats counts, operations, bytes, times and percentages', () => {
    expect(formatCount(6212)).toBe('6,212');
    expect(formatCount(-1500)).toBe('−1,500');
    expect(formatFlops(1_234_567)).toBe('1.23 MFLOP');
    expect(formatFlops(45_600)).toBe('45.6 kFLOP');
    expect(formatFlops(999)).toBe('999 FLOP');
    expect(formatBytes(24_900)).toBe('24.9 KB');
    expect(formatBytes(1_250_000)).toBe('1.25 MB');
    expect(formatMs(0.4123)).toBe('0.412 ms');
    expect(formatMs(41.23)).toBe('41.2 ms');
    expect(formatPercent(0.9375)).toBe('93.8 %');
    // A probability strictly between 0 and 1 never reads 0 % or 100 %.
    expect([0.9134, 0, 1, 0.0001, 0.99999].map(formatPercent)).toEqual([
      '91.3 %',
      '0 %',
      '100 %',
      '< 0.1 %',
      '> 99.9 %',
    ]);
  });

  it('times the active backend first, then the others in the app’s order', () => {
    expect(backendsToTime('wasm', false)).toEqual(['wasm']);
    expect(backendsToTime('wasm', true)).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(takeApartHref('tiny-vgg')).toBe('#/lesson/cnn-architecture?step=1&model=tiny-vgg');
  });
});

describe('zoo URL state', () => {
  const parse = (q: string) => parseZooQuery(parseQuery(q));

  it('a bare #/zoo is the default state and writes back as #/zoo', () => {
    expect(parse('')).toEqual(DEFAULT_ZOO_QUERY);
    expect(formatZooHash(DEFAULT_ZOO_QUERY)).toBe('#/zoo');
  });

  it('round-trips a slice run and a phantom run', () => {
    const slice = parse('model=unet&src=chest-ct-normal&cx=300&cy=220');
    expect(slice).toEqual({
      ...DEFAULT_ZOO_QUERY,
      model: 'unet',
      source: 'chest-ct-normal',
      centre: { row: 220, column: 300 },
    });
    expect(formatZooHash(slice)).toBe('#/zoo?model=unet&src=chest-ct-normal&cx=300&cy=220');
    const phantom = parse('model=dae&src=phantom&seed=7&ex=3');
    expect(phantom).toEqual({ model: 'dae', source: 'phantom', seed: 7, example: 3 });
    expect(parse(formatZooHash(phantom).split('?')[1]!)).toEqual(phantom);
  });

  it('ignores what it does not understand', () => {
    expect(parse('model=alexnet&src=../etc&cx=-1&cy=5&seed=x&ex=99')).toEqual(DEFAULT_ZOO_QUERY);
    expect(parse('cx=10')).toEqual(DEFAULT_ZOO_QUERY);
    expect(parse('__proto__=1&model=constructor')).toEqual(DEFAULT_ZOO_QUERY);
  });

  it('suggests a sample that suits each task', () => {
    expect(suggestedSample('haemorrhage')).toBe('head-ct-haemorrhage');
    expect(suggestedSample('region')).toBe('chest-ct-normal');
    expect(suggestedSample('nodule-mask')).toBe('chest-ct-nodule');
  });
});
