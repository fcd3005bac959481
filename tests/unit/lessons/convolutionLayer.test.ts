/**
 * The layer step (input channels, filter bank) and the stride/padding step (padded grid, taps, the
 * output-size working), each checked against computations written out here.
 */
import { describe, expect, it } from 'vitest';
import { requireWindowPreset } from '../../../src/core/imaging/display/windowPresets';
import { conv2dRef } from '../../../src/core/tensor/reference/conv2dRef';
import type { Volume } from '../../../src/core/tensor/reference/types';
import {
  BANK,
  centralDifference,
  channelOf,
  filterBank,
  filterShape,
  kernelSlice,
  LAYER_MAX_SIDE,
  layerInput,
  layerRegion,
} from '../../../src/lessons/convolution/convLayerBank';
import { kernelPreset } from '../../../src/lessons/convolution/kernelPresets';
import {
  meanFilters,
  outputSizeWorking,
  paddingSpec,
  stridePaddingModel,
} from '../../../src/lessons/convolution/stridePadding';

const W = 9;
const H = 7;
const hu = Float32Array.from({ length: W * H }, (_, i) => -1000 + 250 * (i % W) + 10 * Math.floor(i / W));
const ramp = Float32Array.from({ length: W * H }, (_, i) => 0.1 * (i % W) + 0.02 * Math.floor(i / W) ** 2);
const ctSlice = { width: W, height: H, values: hu, intensity: ramp, unit: 'HU' };
const xraySlice = { width: W, height: H, values: ramp, intensity: ramp, unit: '' };

describe('layer input channels', () => {
  it('CT: the lung, soft-tissue and bone windows, interleaved HWC, each in [0, 1] and 0 below / 1 above its window', () => {
    const input = layerInput(ctSlice, 3);
    expect(input.kind).toBe('ct-windows');
    expect(input.names.map((n) => n.en)).toEqual(['lung window', 'soft-tissue window', 'bone window']);
    expect([input.volume.height, input.volume.width, input.volume.channels]).toEqual([H, W, 3]);
    ['lung', 'soft-tissue', 'bone'].forEach((id, c) => {
      const { center, width } = requireWindowPreset(id as 'lung' | 'soft-tissue' | 'bone');
      for (let p = 0; p < W * H; p++) {
        const v = input.volume.data[p * 3 + c]!;
        const x = hu[p]!;
        if (x <= center - width / 2 - 1) expect(v).toBe(0);
        else if (x >= center + width / 2) expect(v).toBe(1);
        else expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    });
    // Lung window (−600 ± 750): −1000 HU is dark grey, not black; soft tissue (40 ± 200) makes it black.
    expect(input.volume.data[0]).toBeGreaterThan(0.1);
    expect(input.volume.data[1]).toBe(0);
    expect(layerInput(ctSlice, 1).volume.channels).toBe(1);
    expect(channelOf(input.volume, 1)).toEqual(
      layerInput(ctSlice, 2).volume.data.filter((_, i) => i % 2 === 1),
    );
  });

  it('no HU: intensity, then central differences along x and y (one-sided at the edges)', () => {
    const input = layerInput(xraySlice, 3);
    expect(input.kind).toBe('gradients');
    const dx = channelOf(input.volume, 1);
    const dy = channelOf(input.volume, 2);
    expect(channelOf(input.volume, 0)).toEqual(ramp);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        expect(dx[y * W + x]).toBeCloseTo(0.1, 6);
        const y0 = Math.max(0, y - 1);
        const y1 = Math.min(H - 1, y + 1);
        expect(dy[y * W + x]).toBeCloseTo((0.02 * (y1 * y1 - y0 * y0)) / (y1 - y0), 6);
      }
    expect(centralDifference([5], 1, 1, 'x')[0]).toBe(0);
  });
});

describe('layer region', () => {
  it('a slice up to the limit is used whole; a larger one is cut to its central region', () => {
    expect(layerRegion(ctSlice)).toMatchObject({ width: W, height: H, cropped: false });
    const w = LAYER_MAX_SIDE + 200;
    const h = 30;
    const values = Float32Array.from({ length: w * h }, (_, i) => i);
    const big = layerRegion({ width: w, height: h, values, intensity: values.map((v) => v / 1e6), unit: '' });
    expect([big.width, big.height, big.cropped]).toEqual([LAYER_MAX_SIDE, h, true]);
    // Columns 100 … 100 + LAYER_MAX_SIDE − 1 of every row: x0 = w/2 − LAYER_MAX_SIDE/2 = 100.
    expect(big.values[0]).toBe(100);
    expect(big.values[LAYER_MAX_SIDE]).toBe(w + 100);
    expect(big.intensity[1]).toBe(Math.fround(101 / 1e6));
  });
});

describe('filter bank', () => {
  it('k = 3 shapes are Sobel x, Sobel y, the 8-neighbour Laplacian and the binomial blur', () => {
    expect(filterShape('dx', 3)).toEqual([...kernelPreset('sobel-x')!.weights]);
    expect(filterShape('dy', 3)).toEqual([...kernelPreset('sobel-y')!.weights]);
    expect(filterShape('laplacian', 3)).toEqual([1, 1, 1, 1, -8, 1, 1, 1, 1]);
    expect(filterShape('blur', 3)).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
  });

  it.each([5, 7])('k = %i: derivatives are antisymmetric and sum to 0, the blur sums to 1', (k) => {
    const dx = filterShape('dx', k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) expect(dx[i * k + j]).toBe(-dx[i * k + (k - 1 - j)]! + 0);
    expect(dx.reduce((a, b) => a + b, 0)).toBe(0);
    expect(filterShape('laplacian', k).reduce((a, b) => a + b, 0)).toBe(0);
    expect(filterShape('blur', k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('lays weights out as tfjs [k, k, C, F]: w[i, j, c, f] = mix_f[c] · pattern_f[i, j]', () => {
    const bank = filterBank(5, 3, 6);
    expect([bank.kh, bank.kw, bank.inChannels, bank.outChannels]).toEqual([5, 5, 3, 6]);
    for (let f = 0; f < 6; f++) {
      const pattern = filterShape(BANK[f]!.shape, 5);
      for (let c = 0; c < 3; c++) {
        const slice = kernelSlice(bank, c, f);
        pattern.forEach((p, t) => expect(slice[t]).toBeCloseTo(BANK[f]!.mix[c]! * p, 6));
        expect(bank.data[((2 * 5 + 3) * 3 + c) * 6 + f]).toBeCloseTo(BANK[f]!.mix[c]! * pattern[13]!, 6);
      }
    }
    expect(filterBank(3, 9, 99).inChannels).toBe(3);
    expect(filterBank(3, 1, 99).outChannels).toBe(8);
  });

  it('each output map is the sum over channels of one-channel convolutions with the kernel slices', () => {
    const input = layerInput(ctSlice, 3).volume;
    const bank = filterBank(3, 3, 4);
    const out = conv2dRef(input, bank, { padding: 'same' });
    for (let f = 0; f < 4; f++) {
      const sum = new Float64Array(W * H);
      for (let c = 0; c < 3; c++) {
        const one: Volume = { height: H, width: W, channels: 1, data: channelOf(input, c) };
        const slice = kernelSlice(bank, c, f);
        const map = conv2dRef(
          one,
          { kh: 3, kw: 3, inChannels: 1, outChannels: 1, data: Float32Array.from(slice) },
          { padding: 'same' },
        );
        map.data.forEach((v, i) => (sum[i] = sum[i]! + v));
      }
      const got = channelOf(out, f);
      got.forEach((v, i) => expect(v).toBeCloseTo(sum[i]!, 4));
    }
  });
});

describe('stride, padding and dilation', () => {
  const crop: Volume = {
    height: 7,
    width: 7,
    channels: 1,
    data: Float32Array.from({ length: 49 }, (_, i) => i / 48),
  };
  const byHand = (n: number, k: number, s: number, pb: number, pa: number, d: number): number => {
    const inner = n + pb + pa - d * (k - 1) - 1;
    return inner < 0 ? 0 : Math.floor(inner / s) + 1;
  };

  it('the working line has the current numbers and the size equals ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1', () => {
    expect(outputSizeWorking(7, 3, 2, 1, 1, 1)).toEqual({
      text: '⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊6/2⌋ + 1 = 4',
      size: 4,
    });
    expect(outputSizeWorking(8, 4, 1, 1, 2, 1).text).toContain('(8 + 1 + 2 − 1·(4 − 1) − 1)');
    expect(outputSizeWorking(5, 5, 1, 0, 0, 2)).toMatchObject({ size: 0 });
    for (let n = 5; n <= 9; n++)
      for (let k = 1; k <= 5; k++)
        for (let s = 1; s <= 3; s++)
          for (let p = 0; p <= 3; p++)
            for (let d = 1; d <= 3; d++)
              expect(outputSizeWorking(n, k, s, p, p, d).size).toBe(byHand(n, k, s, p, p, d));
  });

  it('the padded grid: zeros, or the mirror of the image without repeating the edge', () => {
    const zero = stridePaddingModel(crop, {
      k: 3,
      stride: 1,
      padding: 'custom',
      amount: 2,
      padMode: 'zero',
      dilation: 1,
    });
    const refl = stridePaddingModel(crop, {
      k: 3,
      stride: 1,
      padding: 'custom',
      amount: 2,
      padMode: 'reflect',
      dilation: 1,
    });
    expect(zero.ok && refl.ok).toBe(true);
    if (!zero.ok || !refl.ok) return;
    expect([zero.model.rows, zero.model.cols]).toEqual([11, 11]);
    expect(zero.model.cells[0]).toMatchObject({ y: -2, x: -2, inside: false, value: 0 });
    // Reflect: row −2 reads row 2, column −1 reads column 1.
    expect(refl.model.cells[0 * 11 + 1]).toMatchObject({ y: -2, x: -1, sourceY: 2, sourceX: 1 });
    expect(refl.model.cells[1]!.value).toBeCloseTo((2 * 7 + 1) / 48, 6);
    expect(zero.model.outHeight).toBe(byHand(7, 3, 1, 2, 2, 1));
  });

  it('taps are spread d apart from o·s − p, and each output is the mean of what it sees', () => {
    const r = stridePaddingModel(crop, {
      k: 3,
      stride: 2,
      padding: 'valid',
      amount: 0,
      padMode: 'zero',
      dilation: 2,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.model;
    expect([m.outHeight, m.outWidth, m.span]).toEqual([
      byHand(7, 3, 2, 0, 0, 2),
      byHand(7, 3, 2, 0, 0, 2),
      5,
    ]);
    const t = m.terms[m.outWidth + 1]!; // output (1, 1)
    expect(t.taps.map((tap) => [tap.y, tap.x])).toEqual([
      [2, 2],
      [2, 4],
      [2, 6],
      [4, 2],
      [4, 4],
      [4, 6],
      [6, 2],
      [6, 4],
      [6, 6],
    ]);
    const mean = t.taps.reduce((a, tap) => a + crop.data[tap.y * 7 + tap.x]!, 0) / 9;
    expect(t.output).toBeCloseTo(mean, 6);
    expect(meanFilters(2).data).toEqual(new Float32Array(4).fill(0.25));
  });

  it('a stride larger than the kernel leaves pixels unseen; one no larger leaves none (as step 3 says)', () => {
    const seen = (k: number, s: number): number => {
      const r = stridePaddingModel(crop, {
        k,
        stride: s,
        padding: 'valid',
        amount: 0,
        padMode: 'zero',
        dilation: 1,
      });
      if (!r.ok) throw new Error('no output');
      return new Set(r.model.terms.flatMap((t) => t.taps.map((tap) => tap.y * 7 + tap.x))).size;
    };
    expect(seen(1, 2)).toBe(4 * 4); // rows and columns 0, 2, 4, 6
    expect(seen(3, 2)).toBe(49);
    expect(seen(2, 2)).toBe(36); // the last row and column fall off the end
    expect(seen(3, 3)).toBe(36);
  });

  it('same padding keeps the size; its padding is TensorFlow’s (the extra pixel after)', () => {
    const r = stridePaddingModel(crop, {
      k: 4,
      stride: 1,
      padding: 'same',
      amount: 0,
      padMode: 'zero',
      dilation: 1,
    });
    expect(r.ok && [r.model.outHeight, r.model.padding.top, r.model.padding.bottom]).toEqual([7, 1, 2]);
    expect(paddingSpec('custom', 2)).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
    expect(paddingSpec('same', 2)).toBe('same');
  });

  it('explains why there is no output: kernel wider than the padded input, reflect as wide as the image', () => {
    const wide = stridePaddingModel(crop, {
      k: 5,
      stride: 1,
      padding: 'valid',
      amount: 0,
      padMode: 'zero',
      dilation: 3,
    });
    expect(wide.ok).toBe(false);
    if (!wide.ok) {
      expect(wide.error.en).toContain('spans 13 pixels');
      expect(wide.error.zh).toContain('13');
    }
    // 'same' for a span of 13 pads 6 on each side: fine for 7 pixels (a mirror reaches 6), not for 5.
    const same = { k: 5, stride: 1, padding: 'same', amount: 0, padMode: 'reflect', dilation: 3 } as const;
    expect(stridePaddingModel(crop, same).ok).toBe(true);
    const small: Volume = { height: 5, width: 5, channels: 1, data: new Float32Array(25) };
    const mirror = stridePaddingModel(small, same);
    expect(mirror.ok).toBe(false);
    if (!mirror.ok) expect(mirror.error.en).toContain('Reflect padding');
  });
});
