/**
 * Phantom patches, SGD on the tiny CNN, the real two-parameter slice and mini-batch gradient noise,
 * each against an independent computation (block averages, a separately built full-batch graph,
 * finite differences, Cochran's formula).
 */
import { describe, expect, it } from 'vitest';
import {
  buildTinyCnn,
  tinyCnnLossAndGradient,
  vectorToWeights,
} from '../../../../src/core/autodiff/buildTinyCnn';
import { makeCnnSlice } from '../../../../src/core/autodiff/makeCnnSlice';
import { lungWindow, makePhantomPatches } from '../../../../src/core/autodiff/makePhantomPatches';
import { makeChestCtPatch } from '../../../../src/core/imaging/phantoms/chestCtPatch';
import {
  cosine,
  meanVector,
  miniBatchNoise,
  perExampleGradients,
  sampleWithoutReplacement,
} from '../../../../src/core/autodiff/miniBatchNoise';
import {
  batchIndices,
  createTinyCnnTrainer,
  initialTinyCnnWeights,
  TINY_CNN_SHAPE,
  trainTinyCnn,
} from '../../../../src/core/autodiff/trainTinyCnn';
import { weightsToVector } from '../../../../src/core/autodiff/buildTinyCnn';
import { makeDiscBatch, mulberry32 } from '../../../../src/core/datasets/discPhantom';

describe('makePhantomPatches', () => {
  it('disc: each patch is the 4×4 block average of a 32×32 disc phantom; labels alternate', () => {
    const set = makePhantomPatches(4, { source: 'disc', seed: 3 });
    const ref = makeDiscBatch(4, 32, 3, 1);
    expect(set.labels).toEqual([0, 1, 0, 1]);
    expect(set.size).toBe(8);
    for (let b = 0; b < 4; b++) {
      for (const [py, px] of [
        [0, 0],
        [3, 5],
        [7, 7],
      ] as [number, number][]) {
        let s = 0;
        for (let y = 4 * py; y < 4 * py + 4; y++)
          for (let x = 4 * px; x < 4 * px + 4; x++) s += ref.images[b * 1024 + y * 32 + x]!;
        expect(set.images[b]![py * 8 + px]).toBeCloseTo(s / 16, 6);
      }
    }
  });

  it('chest CT: a 32×32 lung patch at 0.7 mm through the lung window (W 1500, L −600), block-averaged', () => {
    const set = makePhantomPatches(4, { seed: 5 });
    expect(set.labels).toEqual([0, 1, 0, 1]);
    // Patch 0 has no nodule: rebuild it from the generator with the same seed rule.
    const ref = makeChestCtPatch({ size: 32, spacingMm: 0.7, seed: 5 * 100_003, chestWallProbability: 0 });
    const win = (hu: number): number => Math.max(-1, Math.min(1, (hu + 600) / 750));
    for (const [py, px] of [
      [0, 0],
      [4, 2],
    ] as [number, number][]) {
      let s = 0;
      for (let y = 4 * py; y < 4 * py + 4; y++)
        for (let x = 4 * px; x < 4 * px + 4; x++) s += win(ref.image[y * 32 + x]!);
      expect(set.images[0]![py * 8 + px]).toBeCloseTo(s / 16, 6);
    }
    expect(lungWindow(-600)).toBe(0);
    expect(lungWindow(150)).toBe(1);
    expect(lungWindow(-2000)).toBe(-1);
    for (const im of set.images) for (const v of im) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('patches with a nodule (or a disc) are brighter on average', () => {
    for (const source of ['chest-ct', 'disc'] as const) {
      const set = makePhantomPatches(64, { seed: 5, source });
      const mean = (l: number): number => {
        const imgs = set.images.filter((_, i) => set.labels[i] === l);
        return imgs.reduce((s, im) => s + im.reduce((a, v) => a + v, 0) / im.length, 0) / imgs.length;
      };
      expect(mean(1) - mean(0)).toBeGreaterThan(0.02);
    }
  });
});

describe('SGD on the tiny CNN', () => {
  const data = makePhantomPatches(32, { seed: 7 });
  const start = weightsToVector(initialTinyCnnWeights(TINY_CNN_SHAPE, 7));

  it('batchIndices cuts the set into consecutive batches and wraps around', () => {
    expect(batchIndices(32, 8, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(batchIndices(32, 8, 5)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('one step: after = before − η·gradient, and the gradient is that of a graph built for that batch alone', () => {
    const trainer = createTinyCnnTrainer(TINY_CNN_SHAPE, data, 8);
    const rec = trainer.step(start, 2, 0.5);
    rec.after.forEach((w, i) => expect(w).toBeCloseTo(start[i]! - 0.5 * rec.gradient[i]!, 14));
    const idx = [16, 17, 18, 19, 20, 21, 22, 23];
    const alone = buildTinyCnn(
      TINY_CNN_SHAPE,
      vectorToWeights(TINY_CNN_SHAPE, start),
      idx.map((i) => data.images[i]!),
      idx.map((i) => data.labels[i]!),
    );
    const ref = tinyCnnLossAndGradient(alone);
    expect(rec.batchLossBefore).toBeCloseTo(ref.loss, 12);
    rec.gradient.forEach((g, i) => expect(g).toBeCloseTo(ref.gradient[i]!, 12));
    expect(rec.batchLossAfter).toBeLessThan(rec.batchLossBefore);
    expect(() => createTinyCnnTrainer(TINY_CNN_SHAPE, data, 5)).toThrow(RangeError);
  });

  it('full-batch training lowers the loss and separates the two classes', () => {
    const trainer = createTinyCnnTrainer(TINY_CNN_SHAPE, data, 32);
    const recs = trainTinyCnn(trainer, start, 150, 0.5);
    const first = recs[0]!.batchLossBefore;
    const last = recs[recs.length - 1]!.batchLossAfter;
    expect(last).toBeLessThan(0.5 * first);
    expect(trainer.fullLoss(recs[recs.length - 1]!.after)).toBeCloseTo(last, 12);
  });
});

describe('makeCnnSlice', () => {
  const slice = makeCnnSlice();
  const ev = slice.evaluator();
  const [ia, ib] = slice.axes;

  it('is centred on the trained kernel centre and output bias; f there is the trained loss', () => {
    expect(slice.axes).toEqual([4, 19]);
    const c = [slice.trained[ia]!, slice.trained[ib]!];
    expect((slice.domain.x[0] + slice.domain.x[1]) / 2).toBeCloseTo(c[0]!, 12);
    expect((slice.domain.y[0] + slice.domain.y[1]) / 2).toBeCloseTo(c[1]!, 12);
    const full = createTinyCnnTrainer(TINY_CNN_SHAPE, slice.data, slice.data.images.length);
    expect(ev.f(c)).toBeCloseTo(full.fullLoss(slice.trained), 12);
    expect(ev.f(c)).toBeCloseTo(slice.trainingLosses[slice.trainingLosses.length - 1]!, 12);
  });

  it('its gradient equals central differences of its values', () => {
    for (const p of [slice.start, [slice.trained[ia]! + 1, slice.trained[ib]! - 2]]) {
      const g = ev.grad(p);
      const h = 1e-6;
      const dx = (ev.f([p[0]! + h, p[1]!]) - ev.f([p[0]! - h, p[1]!])) / (2 * h);
      const dy = (ev.f([p[0]!, p[1]! + h]) - ev.f([p[0]!, p[1]! - h])) / (2 * h);
      expect(g[0]).toBeCloseTo(dx, 6);
      expect(g[1]).toBeCloseTo(dy, 6);
    }
  });
});

describe('mini-batch gradient noise', () => {
  it('cosine, mean and sampling without replacement', () => {
    expect(cosine([1, 0], [0, 2])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 15);
    expect(cosine([1, 0], [-3, 0])).toBe(-1);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(
      meanVector([
        [1, 2],
        [3, 6],
      ]),
    ).toEqual([2, 4]);
    const idx = sampleWithoutReplacement(10, 10, mulberry32(1));
    expect([...idx].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(sampleWithoutReplacement(100, 30, mulberry32(2))).size).toBe(30);
  });

  const shape = TINY_CNN_SHAPE;
  const data = makePhantomPatches(256, { seed: 9 });
  const w = weightsToVector(initialTinyCnnWeights(shape, 9));
  const per = perExampleGradients(shape, data, w);

  it('the mean of the per-example gradients is the full-batch gradient of a graph over all 256 patches', () => {
    const full = tinyCnnLossAndGradient(
      buildTinyCnn(shape, vectorToWeights(shape, w), data.images, data.labels),
    );
    meanVector(per).forEach((g, i) => expect(g).toBeCloseTo(full.gradient[i]!, 12));
  });

  it('B = N gives the full gradient exactly; the spread follows (σ²/B)(N − B)/(N − 1) within sampling error', () => {
    const noise = miniBatchNoise(per, [1, 8, 32, 256], 400, 4);
    const full = meanVector(per);
    const sigma2 =
      per.reduce((s, g) => s + g.reduce((a, x, k) => a + (x - full[k]!) ** 2, 0), 0) / per.length;
    expect(noise.variance).toBeCloseTo(sigma2, 12);
    expect(noise.n).toBe(256);
    const all = noise.bySize[3]!;
    expect(all.spread).toBeLessThan(1e-12);
    expect(all.expectedSpread).toBe(0);
    all.cosines.forEach((c) => expect(c).toBeCloseTo(1, 12));
    for (const s of noise.bySize.slice(0, 3)) {
      expect(s.expectedSpread).toBeCloseTo(
        Math.sqrt(((sigma2 / s.batchSize) * (256 - s.batchSize)) / 255),
        12,
      );
      expect(s.spread / s.expectedSpread).toBeGreaterThan(0.85);
      expect(s.spread / s.expectedSpread).toBeLessThan(1.15);
      expect(s.gradients).toHaveLength(400);
      expect(s.meanCosine).toBeCloseTo(s.cosines.reduce((a, c) => a + c, 0) / 400, 12);
    }
    const [b1, b8, b32] = noise.bySize;
    expect(b1!.meanCosine).toBeLessThan(b8!.meanCosine);
    expect(b8!.meanCosine).toBeLessThan(b32!.meanCosine);
    expect(() => miniBatchNoise(per, [512], 1, 1)).toThrow(RangeError);
  });
});
