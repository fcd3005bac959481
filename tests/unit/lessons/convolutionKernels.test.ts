/** The kernels of the convolution lesson: presets, the URL text of a kernel, and the editor's edits. */
import { describe, expect, it } from 'vitest';
import { isValidText } from '../../../src/core/lessons/lessonState';
import { kernelTextParam, presetParam } from '../../../src/lessons/convolution/convolutionParams';
import {
  binomialRow,
  KERNEL_PRESETS,
  kernelPreset,
  kernelSum,
  noiseFactor,
} from '../../../src/lessons/convolution/kernelPresets';
import {
  formatKernel,
  formatWeight,
  kernelFilters,
  normaliseKernel,
  parseKernel,
  randomKernel,
  resizeKernel,
} from '../../../src/lessons/convolution/kernelString';

const w = (id: string): readonly number[] => kernelPreset(id)!.weights;

describe('kernel presets', () => {
  it('each preset has k² weights, k odd, and a one-line description in both languages', () => {
    expect(KERNEL_PRESETS.map((p) => p.id)).toEqual([
      'identity',
      'box',
      'gaussian',
      'sharpen',
      'sobel-x',
      'sobel-y',
      'prewitt',
      'laplacian',
      'emboss',
    ]);
    for (const p of KERNEL_PRESETS) {
      expect(p.weights).toHaveLength(p.size * p.size);
      expect(p.size % 2).toBe(1);
      expect(p.finds.en.length).toBeGreaterThan(20);
      expect(p.finds.zh.length).toBeGreaterThan(5);
    }
  });

  it('edge detectors sum to 0; blurs, identity and sharpen sum to 1; emboss to 1', () => {
    for (const id of ['sobel-x', 'sobel-y', 'prewitt', 'laplacian']) expect(kernelSum(w(id))).toBe(0);
    for (const id of ['box', 'gaussian']) expect(kernelSum(w(id))).toBeCloseTo(1, 12);
    expect(kernelSum(w('identity'))).toBe(1);
    expect(kernelSum(w('sharpen'))).toBe(1);
    expect(kernelSum(w('emboss'))).toBe(1);
  });

  it('Sobel x is [−1 0 1; −2 0 2; −1 0 1] and Sobel y its transpose', () => {
    expect([...w('sobel-x')]).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    const sx = w('sobel-x');
    const transposed = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => sx[j * 3 + i]!));
    expect([...w('sobel-y')]).toEqual(transposed);
  });

  it('the Gaussian is the 5 × 5 binomial kernel [1 4 6 4 1]ᵀ[1 4 6 4 1] / 256, symmetric, peaked in the centre', () => {
    expect(binomialRow(4)).toEqual([1, 4, 6, 4, 1]);
    const g = w('gaussian');
    expect(g[12]).toBeCloseTo(36 / 256, 15);
    expect(g[0]).toBeCloseTo(1 / 256, 15);
    for (let i = 0; i < 25; i++) expect(g[i]).toBeCloseTo(g[24 - i]!, 15);
    expect(Math.max(...g)).toBe(g[12]);
  });
});

describe('noise of a blur', () => {
  it('√Σw² is the standard deviation of Σwᵢxᵢ for unit independent noise: 1/3 for the box, 70/256 for the Gaussian', () => {
    expect(noiseFactor(w('box'))).toBeCloseTo(Math.sqrt(9 / 81), 12);
    // Σ(bᵢbⱼ)² / 256² = (Σbᵢ²)² / 256², Σbᵢ² = 1 + 16 + 36 + 16 + 1 = 70.
    expect(noiseFactor(w('gaussian'))).toBeCloseTo(70 / 256, 12);
    expect(noiseFactor(w('identity'))).toBe(1);
    // The same figure by simulation: 20,000 box averages of independent unit-variance noise.
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * Math.sqrt(12);
    const sums = Array.from({ length: 20000 }, () => w('box').reduce((a, wi) => a + wi * rand(), 0));
    const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
    const sd = Math.sqrt(sums.reduce((a, b) => a + (b - mean) ** 2, 0) / sums.length);
    expect(sd).toBeCloseTo(1 / 3, 1);
  });

  it('the blur presets state their factors, from the weights', () => {
    expect(kernelPreset('box')!.finds.en).toContain(`keeps ${(1 / 3).toFixed(2)} of its standard deviation`);
    expect(kernelPreset('gaussian')!.finds.en).toContain(`keeps ${(70 / 256).toFixed(2)} of its standard`);
    expect(kernelPreset('box')!.finds.zh).toContain('0.33');
  });
});

describe('kernel text', () => {
  it('round-trips every preset through format and parse (to 4 decimals)', () => {
    for (const p of KERNEL_PRESETS) {
      const text = formatKernel(p.weights);
      const parsed = parseKernel(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.size).toBe(p.size);
      parsed.weights.forEach((v, i) => expect(Math.abs(v - p.weights[i]!)).toBeLessThanOrEqual(5e-5));
      expect(formatKernel(parsed.weights)).toBe(text);
      expect(isValidText(kernelTextParam, text)).toBe(true);
    }
  });

  it('formats compactly: no -0, no trailing zeros, clamped to ±99', () => {
    expect(formatKernel([-0, 0.5, 1 / 3, -2, 1e-9, 150, -150, 0.12345, 7])).toBe(
      '0,0.5,0.3333,-2,0,99,-99,0.1235,7',
    );
    expect(formatWeight(Number.NaN)).toBe('0');
  });

  it('rejects wrong counts and non-numbers with a message in both languages', () => {
    for (const text of ['1,2,3', '1,2,3,4,5,6,7,8,9,10', Array(16).fill('1').join(','), '']) {
      const r = parseKernel(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.en).toMatch(/9, 25 or 49|not a number/);
        expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const bad = parseKernel('1,2,x,4,5,6,7,8,9');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.en).toContain('Weight 3');
    expect(parseKernel('1,2,3,4,5,6,7,8,100').ok).toBe(false);
    expect(parseKernel(' 1, 2,3,4,5,6,7,8, 9 ').ok).toBe(true);
  });

  it('the URL pattern accepts exactly 9, 25 or 49 numbers and the longest kernel fits', () => {
    const longest = Array(49).fill('-99.1234').join(',');
    expect(isValidText(kernelTextParam, longest)).toBe(true);
    expect(isValidText(kernelTextParam, Array(25).fill('0').join(','))).toBe(true);
    expect(isValidText(kernelTextParam, Array(16).fill('0').join(','))).toBe(false);
    expect(isValidText(kernelTextParam, Array(9).fill('1e3').join(','))).toBe(false);
    expect(isValidText(kernelTextParam, Array(9).fill('100').join(','))).toBe(false);
    expect(isValidText(kernelTextParam, kernelTextParam.default)).toBe(true);
    expect(presetParam.options.map((o) => o.value)).toContain('custom');
  });
});

describe('kernel edits', () => {
  it('normalise divides by the sum, or by Σ|w| when the sum is 0; all zeros stay', () => {
    expect(normaliseKernel([1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual(Array(9).fill(1 / 9));
    const s = normaliseKernel(w('sobel-x'));
    expect(s.reduce((a, x) => a + Math.abs(x), 0)).toBeCloseTo(1, 12);
    expect(s[2]).toBeCloseTo(1 / 8, 12);
    expect(normaliseKernel([0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual(Array(9).fill(0));
    const neg = normaliseKernel([0, 0, 0, 0, -2, 0, 0, 0, 0]);
    expect(neg[4]).toBe(1);
  });

  it('random kernels are seeded: same seed same kernel, weights in [−1, 1] with 2 decimals', () => {
    const a = randomKernel(5, 7);
    expect(a).toEqual(randomKernel(5, 7));
    expect(a).not.toEqual(randomKernel(5, 8));
    expect(a).toHaveLength(25);
    for (const v of a) {
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.round(v * 100) / 100).toBe(v);
    }
  });

  it('resize pads with zeros around the centre and crops back to it', () => {
    const sx = [...w('sobel-x')];
    const big = resizeKernel(sx, 5);
    expect(big).toHaveLength(25);
    expect(big.slice(6, 9)).toEqual([-1, 0, 1]);
    expect(big[0]).toBe(0);
    expect(resizeKernel(big, 3)).toEqual(sx);
    expect(resizeKernel(resizeKernel(sx, 7), 3)).toEqual(sx);
    expect(() => resizeKernel([1, 2], 3)).toThrow(RangeError);
  });

  it('kernelFilters is one [k, k, 1, 1] filter', () => {
    const f = kernelFilters(w('gaussian'));
    expect(f).toMatchObject({ kh: 5, kw: 5, inChannels: 1, outChannels: 1 });
    expect(f.data).toHaveLength(25);
    expect(() => kernelFilters([1, 2, 3])).toThrow(RangeError);
  });
});
