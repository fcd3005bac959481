import { describe, expect, it } from 'vitest';
import {
  chestRadiographScene,
  makeChestRadiograph,
} from '../../../../../src/core/imaging/phantoms/chestRadiograph';
import { chestRadiographModel } from '../../../../../src/core/imaging/phantoms/chestRadiographAnatomy';
import {
  chordLength,
  ellipsoid,
  projectEllipsoids,
  segmentEllipsoid,
  type Ellipsoid,
} from '../../../../../src/core/imaging/phantoms/ellipsoidProjection';
import { createRng } from '../../../../../src/core/imaging/phantoms/random';
import { boxesFitMask, maskArea } from './measure';

/** Inside test straight from the definition: Σ ((p − c)·uᵢ / sᵢ)² ≤ 1. */
function inside(e: Ellipsoid, p: readonly [number, number, number]): boolean {
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const u = e.axes[i]!;
    const d = (p[0] - e.centre[0]) * u[0] + (p[1] - e.centre[1]) * u[1] + (p[2] - e.centre[2]) * u[2];
    sum += (d / e.semi[i]!) ** 2;
  }
  return sum <= 1;
}

/**
 * ∫µ dl along the ray (x, y, z) by sampling z every `step` mm; the last object containing a point
 * wins. Objects whose bounding sphere misses the ray are skipped.
 */
function numericIntegral(objects: readonly Ellipsoid[], x: number, y: number, step = 0.01): number {
  const near = objects.filter((e) => Math.hypot(x - e.centre[0], y - e.centre[1]) <= Math.max(...e.semi));
  let total = 0;
  for (let z = -300; z < 300; z += step) {
    for (let k = near.length - 1; k >= 0; k--) {
      if (inside(near[k]!, [x, y, z + step / 2])) {
        total += (near[k]!.mu * step) / 10;
        break;
      }
    }
  }
  return total;
}

describe('ellipsoid projection', () => {
  it('gives the chord of a rotated ellipsoid that sampling along the ray measures', () => {
    const e = ellipsoid('test', [10, -5, 20], [40, 25, 15], 0.2, 30, 40);
    for (const [x, y] of [
      [10, -5],
      [25, 3],
      [-12, -20],
      [40, 10],
    ] as const) {
      let length = 0;
      const step = 0.005;
      for (let z = -100; z < 150; z += step) if (inside(e, [x, y, z + step / 2])) length += step;
      expect(chordLength(e, x, y)).toBeCloseTo(length, 1);
    }
    expect(chordLength(e, 500, 0)).toBe(0);
  });

  it('gives the chord of a rib link (segment ellipsoid) that sampling measures', () => {
    const e = segmentEllipsoid('link', [0, 0, 0], [30, 10, 20], 6, 3, 0.45);
    let length = 0;
    const step = 0.005;
    for (let z = -50; z < 80; z += step) if (inside(e, [15, 5, z + step / 2])) length += step;
    expect(chordLength(e, 15, 5)).toBeCloseTo(length, 1);
  });

  it('resolves overlaps by priority: a sphere inside a sphere replaces its material', () => {
    const outer = ellipsoid('outer', [0, 0, 0], [50, 50, 50], 0.2);
    const inner = ellipsoid('inner', [0, 0, 0], [20, 20, 20], 0.05);
    const p = projectEllipsoids([outer, inner], { rows: 1, columns: 1, spacing: 1 })[0]!;
    // Through the centre: 100 mm of which 40 mm are the inner sphere (hand-worked, cm): 0.2·6 + 0.05·4.
    expect(p).toBeCloseTo(0.2 * 6 + 0.05 * 4, 5);
    // Swapped priority: the outer sphere covers everything.
    const swapped = projectEllipsoids([inner, outer], { rows: 1, columns: 1, spacing: 1 })[0]!;
    expect(swapped).toBeCloseTo(0.2 * 10, 5);
  });

  it('matches numerical integration through the whole chest model', () => {
    const model = chestRadiographModel(1, createRng(3));
    for (const [x, y] of [
      [-80, -40],
      [0, 60],
      [90, 20],
    ] as const) {
      const shifted = model.map((e) => ({
        ...e,
        centre: [e.centre[0] - x, e.centre[1] - y, e.centre[2]] as const,
      }));
      const analytic = projectEllipsoids(shifted, { rows: 1, columns: 1, spacing: 1 })[0]!;
      expect(analytic).toBeCloseTo(numericIntegral(model, x, y), 2);
    }
  });
});

describe('makeChestRadiograph', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeChestRadiograph({ seed: 1, size: 96 });
    expect(makeChestRadiograph({ seed: 1, size: 96 }).image).toEqual(a.image);
    expect(makeChestRadiograph({ seed: 2, size: 96 }).image).not.toEqual(a.image);
  });

  it('applies Beer–Lambert, the detector blur and the log transform: value = 4095 · ln(I₀/I) / 6.5', () => {
    // No noise worth the name, no edge enhancement.
    const size = 128;
    const options = { seed: 3, size, photonsPerPixel: 1e12, processing: false };
    const p = makeChestRadiograph(options);
    const { model, spacing } = chestRadiographScene(options);
    // Detector blur: Gaussian σ = 0.5 pixel on the intensity, taps −2…2 (truncated at 3σ).
    const taps = [-2, -1, 0, 1, 2].map((d) => Math.exp(-(d * d) / (2 * 0.25)));
    const norm = taps.reduce((a, b) => a + b, 0);
    for (const [r, c] of [
      [50, 40],
      [64, 64],
      [70, 95],
    ] as const) {
      let intensity = 0;
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          const x = (c + j - 2 - (size - 1) / 2) * spacing;
          const y = (r + i - 2 - (size - 1) / 2) * spacing;
          intensity += ((taps[i]! * taps[j]!) / (norm * norm)) * Math.exp(-numericIntegral(model, x, y));
        }
      }
      const expected = (4095 * -Math.log(intensity)) / 6.5;
      expect(Math.abs(p.image[r * size + c]! - expected)).toBeLessThan(6);
    }
  });

  it('shows bone white and lung dark: the spine behind the mediastinum is brighter than lung', () => {
    const p = makeChestRadiograph({ seed: 4, size: 256 });
    const spacing = p.pixelSpacing[0];
    const mean = (x: number, y: number) => {
      const c = Math.round(x / spacing + (p.columns - 1) / 2);
      const r = Math.round(y / spacing + (p.rows - 1) / 2);
      let sum = 0;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) sum += p.image[(r + dr) * p.columns + c + dc]!;
      return sum / 25;
    };
    expect(mean(0, 20)).toBeGreaterThan(mean(-90, -40) + 500);
    expect(mean(-250 + 40, 0)).toBeLessThan(mean(-90, -40)); // air beside the body is darkest
  });

  it('stores MONOCHROME1 as the inverse of MONOCHROME2', () => {
    const m2 = makeChestRadiograph({ seed: 5, size: 64 });
    const m1 = makeChestRadiograph({ seed: 5, size: 64, photometric: 'MONOCHROME1' });
    for (let i = 0; i < m2.image.length; i += 97) expect(m1.image[i]!).toBeCloseTo(4095 - m2.image[i]!, 3);
    expect(m1.labels.photometric).toBe('MONOCHROME1');
  });

  it('marks the nodule shadow as a disc of the nodule diameter, in a box', () => {
    const p = makeChestRadiograph({ seed: 6, size: 256, nodule: { diameterMm: 24 } });
    const spacing = p.pixelSpacing[0];
    const expected = Math.PI * (12 / spacing) ** 2;
    expect(maskArea(p.masks)).toBeGreaterThan(expected * 0.9);
    expect(maskArea(p.masks)).toBeLessThan(expected * 1.1);
    expect(boxesFitMask(p.masks, p.columns, p.boxes)).toBe(true);
    expect(p.labels.hasNodule).toBe(true);
  });
});
