import { describe, expect, it } from 'vitest';
import { makeChestCt } from '../../../../../src/core/imaging/phantoms/chestCt';
import { applyCtImaging } from '../../../../../src/core/imaging/phantoms/ctImaging';
import { createRng } from '../../../../../src/core/imaging/phantoms/random';
import { boxesFitMask, interiorMean, maskArea, standardDeviation } from './measure';

/**
 * Reference CT numbers (HU) from the literature, typed here independently of the phantom's table:
 * DenOtter & Schubert, StatPearls "Hounsfield Unit" 2023; Buzug, Computed Tomography, 2008;
 * Brant & Helms, Fundamentals of Diagnostic Radiology.
 */
const REFERENCE_HU: Record<string, [number, number]> = {
  air: [-1000, -1000],
  fat: [-120, -90],
  muscle: [40, 50],
  lung: [-900, -850],
  myocardium: [30, 45],
  blood: [30, 45],
  'cancellous-bone': [250, 400],
  'solid-nodule': [20, 60],
  'ground-glass-nodule': [-750, -300],
};

describe('makeChestCt', () => {
  const clean = makeChestCt({
    seed: 7,
    noiseHu: 0,
    nodules: [{ diameterMm: 12 }, { diameterMm: 16, kind: 'ground-glass' }],
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeChestCt({ seed: 3, size: 128, nodules: [{ diameterMm: 10 }] });
    const b = makeChestCt({ seed: 3, size: 128, nodules: [{ diameterMm: 10 }] });
    const c = makeChestCt({ seed: 4, size: 128, nodules: [{ diameterMm: 10 }] });
    expect(b.image).toEqual(a.image);
    expect(b.masks).toEqual(a.masks);
    expect(b.tissues).toEqual(a.tissues);
    expect(c.image).not.toEqual(a.image);
  });

  it('puts every tissue (interior, noise-free) inside its reference HU range', () => {
    for (const [name, [low, high]] of Object.entries(REFERENCE_HU)) {
      const { mean, count } = interiorMean(clean, name, name.includes('nodule') ? 2 : 3);
      expect(count, name).toBeGreaterThan(3);
      expect(mean, name).toBeGreaterThanOrEqual(low - 0.5);
      expect(mean, name).toBeLessThanOrEqual(high + 0.5);
    }
  });

  it('shows cortical bone of the vertebra and ribs far denser than cancellous bone', () => {
    const cortical = clean.tissueNames.indexOf('cortical-bone');
    let peak = -Infinity;
    for (let i = 0; i < clean.image.length; i++)
      if (clean.tissues[i] === cortical) peak = Math.max(peak, clean.image[i]!);
    // Thin cortex is partly averaged away by the kernel, but its peak stays in the cortical range (+500…+1900).
    expect(peak).toBeGreaterThan(500);
    expect(peak).toBeLessThan(1900);
  });

  it('draws the nodules as discs of the given diameter, each in its box', () => {
    const spacing = clean.pixelSpacing[0];
    const expected = Math.PI * (6 / spacing) ** 2 + Math.PI * (8 / spacing) ** 2;
    expect(maskArea(clean.masks)).toBeGreaterThan(expected * 0.95);
    expect(maskArea(clean.masks)).toBeLessThan(expected * 1.05);
    expect(clean.boxes).toHaveLength(2);
    expect(boxesFitMask(clean.masks, clean.columns, clean.boxes)).toBe(true);
    // A 12 mm disc spans about 12 / spacing pixels.
    expect(Math.abs(clean.boxes[0]!.width - 12 / spacing)).toBeLessThanOrEqual(2);
    expect(clean.labels.hasNodule).toBe(true);
    expect(clean.labels.lesionKind).toBe('solid');
    // Both nodules lie in the lungs.
    const lungish = new Set(
      ['lung', 'vessel', 'solid-nodule', 'ground-glass-nodule'].map((n) => clean.tissueNames.indexOf(n)),
    );
    for (const b of clean.boxes) {
      const centre = (b.row + (b.height >> 1)) * clean.columns + b.column + (b.width >> 1);
      expect(lungish.has(clean.tissues[centre]!)).toBe(true);
    }
  });

  it('has no nodule, mask or box without nodules', () => {
    const normal = makeChestCt({ seed: 7, size: 128 });
    expect(normal.labels.hasNodule).toBe(false);
    expect(maskArea(normal.masks)).toBe(0);
    expect(normal.boxes).toEqual([]);
  });

  it('places a nodule where asked (mm from the centre)', () => {
    const p = makeChestCt({ seed: 2, noiseHu: 0, nodules: [{ diameterMm: 10, at: { x: -90, y: 0 } }] });
    const spacing = p.pixelSpacing[0];
    const box = p.boxes[0]!;
    const centreColumn = box.column + (box.width - 1) / 2;
    expect(centreColumn).toBeCloseTo(-90 / spacing + (p.columns - 1) / 2, 0);
  });

  it('keeps values within the 12-bit CT range and makes noisier images for a higher noise σ', () => {
    const quiet = makeChestCt({ seed: 5, size: 256, noiseHu: 5 });
    const noisy = makeChestCt({ seed: 5, size: 256, noiseHu: 40 });
    for (const p of [quiet, noisy]) {
      expect(Math.min(...p.image)).toBeGreaterThanOrEqual(-1024);
      expect(Math.max(...p.image)).toBeLessThanOrEqual(3071);
    }
    const muscle = quiet.tissueNames.indexOf('muscle');
    const diffs: number[] = [];
    for (let i = 0; i < quiet.image.length; i++)
      if (quiet.tissues[i] === muscle) diffs.push(noisy.image[i]! - quiet.image[i]!);
    expect(standardDeviation(diffs)).toBeGreaterThan(20);
  });
});

describe('applyCtImaging noise calibration', () => {
  it.each(['soft', 'standard', 'sharp'] as const)(
    'measures σ = noiseHu in a uniform region (%s kernel)',
    (kernel) => {
      const size = 160;
      const values = new Float32Array(size * size); // water, 0 HU
      applyCtImaging(values, size, size, 0.7, { kernel, noiseHu: 20 }, createRng(11));
      // Interior only: the replicated edges are correlated differently.
      const interior: number[] = [];
      for (let r = 20; r < size - 20; r++)
        for (let c = 20; c < size - 20; c++) interior.push(values[r * size + c]!);
      expect(standardDeviation(interior)).toBeGreaterThan(20 * 0.93);
      expect(standardDeviation(interior)).toBeLessThan(20 * 1.07);
    },
  );
});
