/** Seeded stratified splits: determinism, disjoint cover, proportions, patient level, preset, subsets. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetSplit } from '../../../../src/core/datasets/imageDataset';
import {
  splitCounts,
  splitDataset,
  SplitOptionsError,
  stratifiedSubset,
  type SplitOptions,
} from '../../../../src/core/datasets/splitDataset';

function options(over: Partial<SplitOptions> = {}): SplitOptions {
  return {
    fractions: { train: 0.7, validation: 0.15, test: 0.15 },
    seed: 1,
    byPatient: false,
    usePreset: false,
    ...over,
  };
}

function data(labels: number[], patientIds: number[] | null = null, presetSplit: number[] | null = null) {
  return {
    count: labels.length,
    labels: Int32Array.from(labels),
    patientIds: patientIds ? Int32Array.from(patientIds) : null,
    presetSplit: presetSplit ? Uint8Array.from(presetSplit) : null,
  };
}

function plain(split: DatasetSplit): number[][] {
  return [Array.from(split.train), Array.from(split.validation), Array.from(split.test)];
}

function expectDisjointCover(split: DatasetSplit, count: number): void {
  const all = plain(split).flat();
  expect(all.length).toBe(count);
  expect(new Set(all).size).toBe(count);
  for (const part of plain(split)) expect(part).toEqual([...part].sort((a, b) => a - b));
  for (const i of all) expect(i >= 0 && i < count).toBe(true);
}

// 100 images: 30 of class 0, 50 of class 1, 20 of class 2, interleaved.
const labels100 = Array.from({ length: 100 }, (_, i) => (i % 10 < 3 ? 0 : i % 10 < 8 ? 1 : 2));

describe('splitDataset (image level)', () => {
  it('is fixed by the seed and changes with it', () => {
    const a = splitDataset(data(labels100), options({ seed: 5 }));
    expect(plain(splitDataset(data(labels100), options({ seed: 5 })))).toEqual(plain(a));
    expect(plain(splitDataset(data(labels100), options({ seed: 6 })))).not.toEqual(plain(a));
    expectDisjointCover(a, 100);
  });

  it('hand-worked counts per class', () => {
    // Class 0 (30): quotas 21, 4.5, 4.5 → floors 21, 4, 4, one left; tied remainders → validation: 21, 5, 4.
    // Class 1 (50): 35, 7.5, 7.5 → 35, 8, 7.  Class 2 (20): 14, 3, 3 exactly.
    const split = splitDataset(data(labels100), options());
    expect(splitCounts(labels100, split, 3)).toEqual({
      train: [21, 35, 14],
      validation: [5, 8, 3],
      test: [4, 7, 3],
    });
  });

  it('a class of ≥ 3 items gets one in every split with a fraction > 0; of 2 it need not', () => {
    // Class of 3 at 0.98/0.01/0.01: quotas 2.94, 0.03, 0.03 → 3, 0, 0, then one each moves from train → 1, 1, 1.
    const f = { train: 0.98, validation: 0.01, test: 0.01 };
    expect(
      splitCounts([0, 0, 0, 1, 1], splitDataset(data([0, 0, 0, 1, 1]), options({ fractions: f })), 2),
    ).toEqual({
      train: [1, 2],
      validation: [1, 0],
      test: [1, 0],
    });
    // A zero fraction stays empty.
    const noVal = splitDataset(
      data(labels100),
      options({ fractions: { train: 0.8, validation: 0, test: 0.2 } }),
    );
    expect(noVal.validation.length).toBe(0);
    expect(splitCounts(labels100, noVal, 3).test).toEqual([6, 10, 4]);
  });

  it('property: disjoint, covering, and within 1 of each class quota when all quotas are ≥ 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer(),
        (labels, tr, va, seed) => {
          const te = 10 - tr - va;
          if (te < 0) return;
          const fractions = { train: tr / 10, validation: va / 10, test: te / 10 };
          const split = splitDataset(data(labels), options({ fractions, seed }));
          expectDisjointCover(split, labels.length);
          const counts = splitCounts(labels, split, 4);
          for (let c = 0; c < 4; c++) {
            const size = labels.filter((l) => l === c).length;
            const quotas = [fractions.train, fractions.validation, fractions.test].map((f) => f * size);
            if (quotas.some((q) => q > 0 && q < 1) && size >= 3) continue;
            const got = [counts.train[c]!, counts.validation[c]!, counts.test[c]!];
            got.forEach((g, s) => expect(Math.abs(g - quotas[s]!)).toBeLessThan(1));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws a RangeError with both languages on bad fractions', () => {
    const bad = [
      { train: 0.8, validation: 0.1, test: 0.2 },
      { train: 1.2, validation: -0.1, test: -0.1 },
      { train: Number.NaN, validation: 0.5, test: 0.5 },
    ];
    for (const fractions of bad) {
      expect(() => splitDataset(data(labels100), options({ fractions }))).toThrow(RangeError);
    }
    let error: unknown = null;
    try {
      splitDataset(data(labels100), options({ fractions: bad[0]! }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SplitOptionsError);
    expect((error as SplitOptionsError).localized.en).toMatch(/add up to 1/);
    expect((error as SplitOptionsError).localized.zh).toMatch(/之和/);
    // Within 1e-6 of 1 is accepted.
    expect(() =>
      splitDataset(
        data(labels100),
        options({ fractions: { train: 0.7, validation: 0.15, test: 0.1500005 } }),
      ),
    ).not.toThrow();
  });

  it('rejects arrays whose length does not match count', () => {
    expect(() => splitDataset({ ...data([0, 1, 0]), count: 4 }, options())).toThrow(RangeError);
  });
});

describe('splitDataset (patient level and preset)', () => {
  it('a binary patient is positive if any image is', () => {
    // Patients 1…4, two images each; patients 1 and 3 each have one positive image.
    // Patient labels 1, 0, 1, 0 → each class of 2 patients cut 1 / 0 / 1 at 0.5/0/0.5, so each split
    // gets exactly one positive patient. (By majority with ties to 0, all four would be class 0.)
    const labels = [0, 1, 0, 0, 1, 0, 0, 0];
    const patients = [1, 1, 2, 2, 3, 3, 4, 4];
    for (let seed = 0; seed < 20; seed++) {
      const split = splitDataset(
        data(labels, patients),
        options({ byPatient: true, seed, fractions: { train: 0.5, validation: 0, test: 0.5 } }),
      );
      for (const part of [split.train, split.test]) {
        const ids = new Set(Array.from(part).map((i) => patients[i]));
        expect([...ids].filter((p) => p === 1 || p === 3)).toHaveLength(1);
        expect(ids.size).toBe(2);
      }
    }
  });

  it('a multi-class patient takes its majority class', () => {
    // Patients 10, 11 have majority class 2 (2, 2, 0); patients 20, 21 are class 0. At 0.5/0/0.5 each
    // class puts one patient in each split.
    const labels = [2, 2, 0, 2, 2, 0, 0, 0, 0, 0, 1];
    const patients = [10, 10, 10, 11, 11, 11, 20, 20, 21, 21, 20];
    for (let seed = 0; seed < 20; seed++) {
      const split = splitDataset(
        data(labels, patients),
        options({ byPatient: true, seed, fractions: { train: 0.5, validation: 0, test: 0.5 } }),
      );
      const trainPatients = new Set(Array.from(split.train).map((i) => patients[i]));
      expect([...trainPatients].filter((p) => p === 10 || p === 11)).toHaveLength(1);
      expect([...trainPatients].filter((p) => p === 20 || p === 21)).toHaveLength(1);
    }
  });

  it('property: no patient appears in two splits; every image is placed once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 1,
          maxLength: 150,
        }),
        fc.integer(),
        fc.boolean(),
        (images, seed, binary) => {
          const patients = images.map((x) => x[0]);
          const labels = images.map((x) => (binary ? x[1] % 2 : x[1]));
          const split = splitDataset(data(labels, patients), options({ byPatient: true, seed }));
          expectDisjointCover(split, images.length);
          const home = new Map<number, number>();
          plain(split).forEach((part, s) => {
            for (const i of part) {
              const p = patients[i]!;
              expect(home.get(p) ?? s).toBe(s);
              home.set(p, s);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('byPatient without patient ids splits by image', () => {
    const a = splitDataset(data(labels100), options({ byPatient: true }));
    expect(plain(a)).toEqual(plain(splitDataset(data(labels100), options())));
  });

  it('the preset split is honoured only with usePreset, and only where it exists', () => {
    const d = data([0, 1, 0, 1, 0], null, [0, 1, 2, 0, 2]);
    expect(plain(splitDataset(d, options({ usePreset: true })))).toEqual([[0, 3], [1], [2, 4]]);
    const stratified = plain(splitDataset(d, options()));
    expect(stratified).toEqual(plain(splitDataset(data([0, 1, 0, 1, 0]), options({ usePreset: true }))));
    expect(() => splitDataset(data([0, 1], null, [0, 3]), options({ usePreset: true }))).toThrow(RangeError);
  });
});

describe('splitCounts and stratifiedSubset', () => {
  it('splitCounts counts each class in each split', () => {
    const split = {
      train: Int32Array.from([0, 1, 2]),
      validation: Int32Array.from([3]),
      test: Int32Array.from([4, 5]),
    };
    expect(splitCounts([0, 1, 1, 0, 2, 2], split, 3)).toEqual({
      train: [1, 2, 0],
      validation: [1, 0, 0],
      test: [0, 0, 2],
    });
    expect(() => splitCounts([0, 5, 0, 0, 0, 0], split, 3)).toThrow(RangeError);
  });

  it('keeps class proportions by largest remainder', () => {
    // Indices 0…99 of labels100 (30 / 50 / 20), n = 10 → 3, 5, 2.
    const all = Int32Array.from({ length: 100 }, (_, i) => i);
    const sub = stratifiedSubset(all, labels100, 10, 4);
    expect(sub.length).toBe(10);
    const counts = [0, 1, 2].map((c) => Array.from(sub).filter((i) => labels100[i] === c).length);
    expect(counts).toEqual([3, 5, 2]);
    expect(Array.from(sub)).toEqual(Array.from(sub).sort((a, b) => a - b));
    // Classes 5 / 3 / 2 and n = 5: quotas 2.5, 1.5, 1 → floors 2, 1, 1; the tie (0.5, 0.5) → class 0: 3, 1, 1.
    const labels = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2];
    const s2 = stratifiedSubset(
      Int32Array.from({ length: 10 }, (_, i) => i),
      labels,
      5,
      1,
    );
    expect([0, 1, 2].map((c) => Array.from(s2).filter((i) => labels[i] === c).length)).toEqual([3, 1, 1]);
  });

  it('draws only from the given indices, is seeded, and checks n', () => {
    const from = Int32Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 40, 41]);
    const labels = Array.from({ length: 50 }, (_, i) => i % 2);
    const a = stratifiedSubset(from, labels, 6, 2);
    for (const i of a) expect(Array.from(from)).toContain(i);
    expect(Array.from(stratifiedSubset(from, labels, 6, 2))).toEqual(Array.from(a));
    const seeds = new Set(
      [2, 3, 4, 5, 6].map((s) => Array.from(stratifiedSubset(from, labels, 6, s)).join()),
    );
    expect(seeds.size).toBeGreaterThan(1);
    expect(stratifiedSubset(from, labels, 0, 2).length).toBe(0);
    expect(Array.from(stratifiedSubset(from, labels, 12, 2))).toEqual(Array.from(from));
    expect(() => stratifiedSubset(from, labels, 13, 2)).toThrow(RangeError);
    expect(() => stratifiedSubset(from, labels, 2.5, 2)).toThrow(RangeError);
  });
});
