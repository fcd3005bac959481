/**
 * The translation-invariance experiment, checked against facts that follow from its definitions
 * (not snapshot numbers): shift 0 changes nothing, a flat image has nothing to move, global average
 * pooling of a circularly shifted image is exactly invariant, a shift by the pool size moves the
 * pooled grid by exactly one cell, and a 1-pixel shift of noise changes the conv maps a lot.
 */
import { describe, expect, it } from 'vitest';
import type { Volume } from '../../../../src/core/tensor/reference/types';
import { gridShiftError, representationDistance } from '../../../../src/core/tensor/representationDistance';
import {
  placeCrop,
  REPRESENTATION_IDS,
  runShiftExperiment,
  SHIFT_KERNELS,
  shiftedCrop,
  shiftRepresentations,
  sourceRegion,
  type ShiftExperimentOptions,
} from '../../../../src/core/tensor/shiftExperiment';

/** A reproducible uniform [0, 1) generator (32-bit LCG, Numerical Recipes constants). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function noiseImage(size: number, seed = 7): Volume {
  const rand = lcg(seed);
  const data = new Float32Array(size * size);
  for (let k = 0; k < data.length; k++) data[k] = rand();
  return { height: size, width: size, channels: 1, data };
}

/** Noise plus a bright disc: something with structure, like a nodule in lung. */
function noduleImage(size: number): Volume {
  const img = noiseImage(size, 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(y - size / 2, x - size / 2);
      img.data[y * size + x] = 0.2 * img.data[y * size + x]! + (r < size / 6 ? 0.8 : 0.1);
    }
  return img;
}

const base = (image: Volume, extra: Partial<ShiftExperimentOptions> = {}): ShiftExperimentOptions => ({
  image,
  top: 20,
  left: 20,
  size: 32,
  maxShift: 6,
  direction: 'x',
  poolSize: 2,
  ...extra,
});

const curve = (r: ReturnType<typeof runShiftExperiment>, id: string): number[] =>
  r.curves.find((c) => c.id === id)!.distances;

describe('runShiftExperiment', () => {
  it('measures shifts 0…K for the four representations; shift 0 gives distance 0', () => {
    for (const direction of ['x', 'y', 'diagonal'] as const) {
      const r = runShiftExperiment(base(noduleImage(80), { direction }));
      expect(r.shifts).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(r.curves.map((c) => c.id)).toEqual([...REPRESENTATION_IDS]);
      for (const c of r.curves) {
        expect(c.distances).toHaveLength(7);
        expect(c.distances[0]).toBe(0);
        expect(c.distances.slice(1).every((d) => d > 0 && Number.isFinite(d))).toBe(true);
      }
      expect(r.shapes.conv).toEqual({ height: 32, width: 32, channels: SHIFT_KERNELS.length });
      expect(r.shapes['conv-pool']).toEqual({ height: 16, width: 16, channels: 6 });
      // (16 − 2) valid conv → 14, pooled by 2 → 7.
      expect(r.shapes['two-stage']).toEqual({ height: 7, width: 7, channels: 6 });
      expect(r.shapes.global).toEqual({ height: 1, width: 1, channels: 6 });
    }
  });

  it('a constant image gives distance 0 for every shift and representation, and reference norms of 0', () => {
    const flat: Volume = { height: 60, width: 60, channels: 1, data: new Float32Array(3600).fill(0.37) };
    for (const border of ['crop', 'circular'] as const) {
      const r = runShiftExperiment(base(flat, { border, maxShift: 5, direction: 'diagonal' }));
      for (const c of r.curves) expect(c.distances).toEqual([0, 0, 0, 0, 0, 0]);
      expect(Object.values(r.referenceNorms)).toEqual([0, 0, 0, 0]);
    }
  });

  it('a uniform crop that an edge enters gives +∞: r(x_0) has norm 0', () => {
    // Columns < 15 are dark, the rest bright: the crop (columns 20…51) is uniform until the edge enters.
    const data = new Float32Array(60 * 60);
    for (let k = 0; k < data.length; k++) data[k] = k % 60 < 15 ? 0 : 1;
    const r = runShiftExperiment(base({ height: 60, width: 60, channels: 1, data }, { maxShift: 6 }));
    expect(r.referenceNorms.conv).toBe(0);
    expect(curve(r, 'conv').slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(curve(r, 'conv')[6]).toBe(Infinity);
  });

  it('keeps ‖r(x_0)‖ of each representation and the pooled map of each shift', () => {
    const o = base(noduleImage(80));
    const r = runShiftExperiment(o);
    const r0 = shiftRepresentations(o, 0);
    const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));
    expect(r.referenceNorms.conv).toBeCloseTo(norm(r0.conv.data), 6);
    expect(r.referenceNorms['two-stage']).toBeCloseTo(norm(r0.twoStage.data), 6);
    expect(r.referenceNorms.global).toBeCloseTo(norm(r0.global), 6);
    expect(r.convPool).toHaveLength(7);
    expect(r.convPool[4]).toEqual(shiftRepresentations(o, 4).convPool);
  });

  it('global average pooling of a circularly shifted image does not change; the conv maps do', () => {
    const r = runShiftExperiment(
      base(noiseImage(64), { border: 'circular', maxShift: 9, direction: 'diagonal' }),
    );
    for (const d of curve(r, 'global')) expect(d).toBeLessThan(1e-6);
    for (const d of curve(r, 'conv').slice(1)) expect(d).toBeGreaterThan(0.5);
  });

  it('a shift of 1 pixel of random noise changes the conv representation by more than half its norm', () => {
    const r = runShiftExperiment(base(noiseImage(80), { maxShift: 1 }));
    expect(curve(r, 'conv')[1]).toBeGreaterThan(0.5);
  });

  it('shifting by exactly P pixels moves the pooled grid by exactly one cell: a shift, not invariance', () => {
    for (const [poolSize, direction] of [
      [2, 'x'],
      [3, 'y'],
      [4, 'diagonal'],
    ] as const) {
      for (const border of ['circular', 'crop'] as const) {
        const o = base(noiseImage(96, poolSize), { poolSize, direction, border, size: 48, maxShift: 8 });
        const r0 = shiftRepresentations(o, 0);
        const rP = shiftRepresentations(o, poolSize);
        const [cy, cx] = direction === 'x' ? [0, 1] : direction === 'y' ? [1, 0] : [1, 1];
        const exact = gridShiftError(r0.convPool, rP.convPool, cy, cx);
        expect(exact.maxAbsDiff).toBe(0);
        expect(exact.compared).toBeGreaterThan(0);
        // Yet, compared at the same grid positions, the pooled map has changed.
        expect(representationDistance(r0.convPool.data, rP.convPool.data)).toBeGreaterThan(0.1);
        // A shift of 1 pixel is neither no move nor a one-cell move of the pooled grid.
        const r1 = shiftRepresentations(o, 1);
        expect(gridShiftError(r0.convPool, r1.convPool, 0, 0).maxAbsDiff).toBeGreaterThan(0);
        expect(gridShiftError(r0.convPool, r1.convPool, cy, cx).maxAbsDiff).toBeGreaterThan(0);
      }
    }
  });
});

describe('realigned conv-pool (the whole-cell part of the shift undone)', () => {
  it('is 0 exactly at multiples of P, positive between them, and the plain distance below P', () => {
    for (const border of ['crop', 'circular'] as const) {
      const r = runShiftExperiment(base(noduleImage(96), { size: 48, maxShift: 9, poolSize: 3, border }));
      const plain = curve(r, 'conv-pool');
      r.realigned.forEach((e, s) => {
        if (s % 3 === 0) expect(e).toBe(0);
        else expect(e).toBeGreaterThan(0);
      });
      expect(r.realigned.slice(0, 3)).toEqual(plain.slice(0, 3));
    }
  });
});

describe('the pieces, against independent loops', () => {
  it('the shifted crop is the image read s pixels up/left; circular mode wraps around the crop', () => {
    const img = noiseImage(50, 11);
    const at = (y: number, x: number): number => img.data[y * 50 + x]!;
    const o = base(img, { top: 12, left: 15, size: 20, direction: 'diagonal', maxShift: 4 });
    const c = shiftedCrop(o, 3);
    for (let y = 0; y < 20; y++)
      for (let x = 0; x < 20; x++) expect(c.data[y * 20 + x]).toBe(at(12 + y - 3, 15 + x - 3));
    const w = shiftedCrop({ ...o, border: 'circular', direction: 'x' }, 5);
    for (let y = 0; y < 20; y++)
      for (let x = 0; x < 20; x++) expect(w.data[y * 20 + x]).toBe(at(12 + y, 15 + ((x - 5 + 20) % 20)));
  });

  it('conv, pooling, global average and the distance equal plain loops', () => {
    const img = noduleImage(40);
    const o = base(img, { top: 8, left: 9, size: 16, maxShift: 2, poolSize: 2 });
    const s = 2;
    const r = shiftRepresentations(o, s);
    const src = (y: number, x: number): number => img.data[(8 + y) * 40 + 9 + x - s]!;
    const F = SHIFT_KERNELS.length;
    const conv = new Float64Array(16 * 16 * F);
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 16; x++)
        SHIFT_KERNELS.forEach((k, f) => {
          let sum = 0;
          for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++) sum += k.weights[i * 3 + j]! * src(y + i - 1, x + j - 1);
          conv[(y * 16 + x) * F + f] = Math.max(0, sum);
        });
    for (let k = 0; k < conv.length; k++) expect(r.conv.data[k]).toBeCloseTo(conv[k]!, 5);
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++)
        for (let f = 0; f < F; f++) {
          const cell = [0, 1, 16, 17].map((d) => conv[(2 * y * 16 + 2 * x + d) * F + f]!);
          expect(r.convPool.data[(y * 8 + x) * F + f]).toBeCloseTo(Math.max(...cell), 5);
        }
    for (let f = 0; f < F; f++) {
      let sum = 0;
      for (let p = 0; p < 256; p++) sum += conv[p * F + f]!;
      expect(r.global[f]).toBeCloseTo(sum / 256, 5);
    }
    const a = [3, 4, 0];
    const b = [0, 0, 0];
    expect(representationDistance(a, b)).toBe(1);
    expect(representationDistance([1, 1], [2, 3])).toBeCloseTo(Math.sqrt(5 / 2), 15);
    expect(representationDistance([0, 0], [0, 1])).toBe(Infinity);
  });
});

describe('placement and bad input', () => {
  it('placeCrop centres the crop where it can and leaves room for the shifted content', () => {
    expect(placeCrop(512, 512, 231, 150, 64, 12, 'x')).toEqual({ top: 199, left: 118 });
    const corner = placeCrop(512, 512, 0, 0, 64, 12, 'diagonal');
    expect(corner).toEqual({ top: 13, left: 13 });
    const { rows, cols } = sourceRegion({ ...corner, size: 64, maxShift: 12, direction: 'diagonal' });
    expect(rows[0]).toBe(0);
    expect(cols[0]).toBe(0);
    expect(placeCrop(512, 512, 600, 600, 64, 12, 'x')).toEqual({ top: 447, left: 447 });
    expect(placeCrop(100, 100, 0, 0, 64, 12, 'x', 'circular')).toEqual({ top: 0, left: 0 });
    expect(() => placeCrop(70, 70, 35, 35, 64, 12, 'x')).toThrow(/too small/);
  });

  it('refuses what it cannot compute, saying why', () => {
    const img = noiseImage(40);
    expect(() => runShiftExperiment(base(img, { top: 0, left: 0 }))).toThrow(/columns -7…32 are needed/);
    expect(() => runShiftExperiment(base(img, { size: 8, poolSize: 4 }))).toThrow(/too small for two stages/);
    expect(() => runShiftExperiment(base(img, { poolSize: 1.5 }))).toThrow(/pool size/);
    expect(() =>
      runShiftExperiment(base({ height: 40, width: 20, channels: 2, data: new Float32Array(1600) })),
    ).toThrow(/one-channel/);
  });
});
