import { describe, expect, it } from 'vitest';
import {
  computeBatchFeatures,
  computePatchFeatures,
  featureVector,
  meanAndSd,
} from '../../../../src/core/datasets/handcraftedFeatures';

/** 4×4, columns −1000, −1000, 0, 0 HU: aerated lung beside soft tissue. */
const half = Float32Array.from({ length: 16 }, (_, i) => (i % 4 >= 2 ? 0 : -1000));

describe('hand-crafted features of a patch', () => {
  it('mean and population SD: 2, 4, 4, 4, 5, 5, 7, 9 → 5 and 2', () => {
    expect(meanAndSd([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
    expect(meanAndSd([]).mean).toBeNaN();
  });

  it('half lung, half soft tissue, worked by hand', () => {
    const f = computePatchFeatures(half, 4);
    expect(f.meanHu).toBe(-500);
    expect(f.sdHu).toBe(500);
    // Sobel Gx = 1000·4 = 4000 > 1000 at both interior columns
    expect(f.edgeDensity).toBe(1);
    // levels: −1000 → 0, 0 → ⌊1000/150⌋ = 6; per row pairs (0,0), (0,6), (6,6), symmetric, 4 rows → 24
    // P(0,0) = P(6,6) = 8/24, P(0,6) = P(6,0) = 4/24; contrast = 8/24·36 = 12
    expect(f.glcmContrast).toBeCloseTo(12, 12);
    expect(f.glcmHomogeneity).toBeCloseTo(16 / 24 + 8 / 24 / 37, 12);
    // LBP: a −1000 pixel sees only ≥ neighbours → 8; a 0 pixel has NW, W, SW below it → bits 1,1,1,0,0,0,1,1 → 5
    expect(f.lbp).toEqual([0, 0, 0, 0, 0, 0.5, 0, 0, 0.5, 0]);
    expect(f.lbpNonUniform).toBe(0);
  });

  it('the dot filter without smoothing: a straight step edge has no blob, a single bright pixel does', () => {
    expect(computePatchFeatures(half, 4, { dotSigma: 0 }).dotFilter).toBe(0);
    // 3×3 with 4 at the centre: Ixx = Iyy = 0 − 2·4 + 0 = −8, Ixy = 0 → λ₂²/|λ₁| = 64/8 = 8
    expect(computePatchFeatures([0, 0, 0, 0, 4, 0, 0, 0, 0], 3, { dotSigma: 0 }).dotFilter).toBe(8);
  });

  it('a higher edge threshold lowers edge density', () => {
    expect(computePatchFeatures(half, 4, { edgeThreshold: 4000 }).edgeDensity).toBe(0);
  });

  it('batch features equal per-patch features', () => {
    const two = new Float32Array(32);
    two.set(half, 16);
    const fs = computeBatchFeatures(two, 2, 4);
    expect(fs[0]!.sdHu).toBe(0);
    expect(fs[1]).toEqual(computePatchFeatures(half, 4));
  });

  it('feature vectors: chosen scalars in order; with LBP, bins 0–8 replace the non-uniform share', () => {
    const f = computePatchFeatures(half, 4);
    expect(featureVector(f, ['sdHu', 'meanHu'])).toEqual([500, -500]);
    const v = featureVector(f, ['meanHu', 'lbpNonUniform'], true);
    expect(featureVector(f, ['dotFilter'])).toEqual([f.dotFilter]);
    expect(v).toEqual([-500, 0, 0, 0, 0, 0, 0.5, 0, 0, 0.5]);
  });
});
