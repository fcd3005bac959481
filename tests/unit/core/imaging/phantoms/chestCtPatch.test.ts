import { describe, expect, it } from 'vitest';
import { makeChestCtPatch } from '../../../../../src/core/imaging/phantoms/chestCtPatch';
import { boxesFitMask, interiorMean, maskArea, maskMean } from './measure';

describe('makeChestCtPatch', () => {
  it('makes a 64 × 64 lung patch in HU, deterministic for a seed', () => {
    const a = makeChestCtPatch({ seed: 12 });
    expect(a.rows).toBe(64);
    expect(a.columns).toBe(64);
    expect(a.image).toHaveLength(64 * 64);
    expect(makeChestCtPatch({ seed: 12 }).image).toEqual(a.image);
    expect(makeChestCtPatch({ seed: 13 }).image).not.toEqual(a.image);
    expect(a.labels.hasNodule).toBe(false);
    expect(maskArea(a.masks)).toBe(0);
    expect(a.boxes).toEqual([]);
  });

  it('holds lung parenchyma in the lung range (−900…−800 HU with dependent density)', () => {
    const p = makeChestCtPatch({ seed: 21, noiseHu: 0, chestWallProbability: 0 });
    const lung = interiorMean(p, 'lung', 2);
    expect(lung.count).toBeGreaterThan(500);
    expect(lung.mean).toBeGreaterThan(-900);
    expect(lung.mean).toBeLessThan(-800);
  });

  it('draws a nodule of the requested size with a fitting box, denser than the lung', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const p = makeChestCtPatch({ seed, nodule: { diameterMm: 8 } });
      const expected = Math.PI * (4 / 0.7) ** 2;
      expect(maskArea(p.masks)).toBeGreaterThan(expected * 0.9);
      expect(maskArea(p.masks)).toBeLessThan(expected * 1.1);
      expect(boxesFitMask(p.masks, p.columns, p.boxes)).toBe(true);
      expect(p.labels.hasNodule).toBe(true);
      expect(maskMean(p)).toBeGreaterThan(-300);
    }
  });

  it('draws ground-glass nodules between lung and soft tissue density', () => {
    const p = makeChestCtPatch({ seed: 8, noiseHu: 0, nodule: { diameterMm: 14, kind: 'ground-glass' } });
    const m = interiorMean(p, 'ground-glass-nodule', 2);
    expect(m.mean).toBeGreaterThan(-750);
    expect(m.mean).toBeLessThan(-300);
  });

  it('sometimes shows chest wall, never when the probability is 0', () => {
    const fat = (seed: number, probability: number) => {
      const p = makeChestCtPatch({ seed, chestWallProbability: probability });
      return p.tissues.includes(p.tissueNames.indexOf('fat'));
    };
    expect([1, 2, 3, 4, 5, 6, 7, 8].some((s) => fat(s, 1))).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 7, 8].some((s) => fat(s, 0))).toBe(false);
  });
});
