/** Calibration: reliability bins, ECE and Brier score on a hand-worked list and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brierScore,
  calibrationBins,
  expectedCalibrationError,
} from '../../../../src/core/training/calibration';

// Six predictions of class 1 and their outcomes.
const probabilities = [0.05, 0.15, 0.12, 0.95, 1.0, 0.55];
const labels = [0, 0, 1, 1, 1, 0];

describe('calibrationBins', () => {
  it('bins a small list into 10 equal-width bins', () => {
    // 0.05 → bin 0; 0.15, 0.12 → bin 1; 0.55 → bin 5; 0.95 and 1.0 (the last bin holds 1) → bin 9.
    const bins = calibrationBins(probabilities, labels);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[0]).toMatchObject({ lower: 0, upper: 0.1, meanPredicted: 0.05, observedRate: 0 });
    // Bin 1: mean (0.15 + 0.12)/2 = 0.135, one of two positive → 0.5.
    expect(bins[1]!.meanPredicted).toBeCloseTo(0.135, 15);
    expect(bins[1]!.observedRate).toBe(0.5);
    expect(bins[5]!.meanPredicted).toBe(0.55);
    expect(bins[5]!.observedRate).toBe(0);
    // Bin 9: mean (0.95 + 1)/2 = 0.975, both positive.
    expect(bins[9]!.meanPredicted).toBeCloseTo(0.975, 15);
    expect(bins[9]!.observedRate).toBe(1);
    expect(bins[9]!.upper).toBe(1);
    // Empty bins are kept, with NaN means.
    expect(bins[2]!.count).toBe(0);
    expect(bins[2]!.meanPredicted).toBeNaN();
    expect(bins[2]!.observedRate).toBeNaN();
  });

  it('a probability on an edge goes to the upper bin; other bin counts', () => {
    // 0.5·4 = 2 → bin 2 of 4 (0.5…0.75); 0.25·4 = 1 → bin 1; 0 → bin 0; 1 → bin 3.
    expect(calibrationBins([0.5, 0.25, 0, 1], [1, 0, 0, 1], 4).map((b) => b.count)).toEqual([1, 1, 1, 1]);
    expect(calibrationBins([0.3, 0.9], [0, 1], 1)[0]).toMatchObject({ lower: 0, upper: 1, count: 2 });
  });

  it('rejects probabilities outside 0…1, bad labels and bad bin counts', () => {
    expect(() => calibrationBins([1.2], [1])).toThrow(RangeError);
    expect(() => calibrationBins([Number.NaN], [1])).toThrow(RangeError);
    expect(() => calibrationBins([0.2], [2])).toThrow(RangeError);
    expect(() => calibrationBins([0.2], [1], 0)).toThrow(RangeError);
    expect(() => calibrationBins([0.2, 0.3], [1])).toThrow(RangeError);
  });
});

describe('expectedCalibrationError', () => {
  it('hand-worked ECE of the small list', () => {
    // ECE = (1/6)|0 − 0.05| + (2/6)|0.5 − 0.135| + (1/6)|0 − 0.55| + (2/6)|1 − 0.975|
    //     = (0.05 + 0.73 + 0.55 + 0.05) / 6 = 1.38 / 6 = 0.23.
    const bins = calibrationBins(probabilities, labels);
    expect(expectedCalibrationError(bins, 6)).toBeCloseTo(0.23, 12);
  });

  it('0 when each bin’s outcome rate equals its predictions', () => {
    // Four predictions of 0.25, one positive: observed 1/4 = predicted 0.25.
    expect(expectedCalibrationError(calibrationBins([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]), 4)).toBe(0);
  });

  it('NaN with no examples; throws when total does not match the bins', () => {
    expect(expectedCalibrationError(calibrationBins([], []), 0)).toBeNaN();
    expect(() => expectedCalibrationError(calibrationBins(probabilities, labels), 7)).toThrow(RangeError);
  });

  it('property: 0 ≤ ECE ≤ mean |p − y| (Jensen, within each bin)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 15 }),
        (pairs, nBins) => {
          const p = pairs.map((x) => x[0] / 100);
          const y = pairs.map((x) => x[1]);
          const bins = calibrationBins(p, y, nBins);
          expect(bins.reduce((s, b) => s + b.count, 0)).toBe(pairs.length);
          const ece = expectedCalibrationError(bins, pairs.length);
          const meanAbs = p.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0) / p.length;
          expect(ece).toBeGreaterThanOrEqual(0);
          expect(ece).toBeLessThanOrEqual(meanAbs + 1e-12);
        },
      ),
    );
  });
});

describe('brierScore', () => {
  it('hand-worked Brier score of the small list', () => {
    // (0.05² + 0.15² + 0.88² + 0.05² + 0² + 0.55²) / 6 = (0.0025 + 0.0225 + 0.7744 + 0.0025 + 0 + 0.3025) / 6
    //   = 1.1044 / 6 = 0.18406…
    expect(brierScore(probabilities, labels)).toBeCloseTo(1.1044 / 6, 12);
  });

  it('0.25 for always 0.5; 0 for perfect; 1 for confidently wrong; NaN when empty', () => {
    expect(brierScore([0.5, 0.5, 0.5], [1, 0, 1])).toBe(0.25);
    expect(brierScore([1, 0], [1, 0])).toBe(0);
    expect(brierScore([0, 1], [1, 0])).toBe(1);
    expect(brierScore([], [])).toBeNaN();
  });
});
