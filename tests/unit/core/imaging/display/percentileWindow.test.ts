import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileWindow, percentiles } from '../../../../../src/core/imaging/display/percentileWindow';

/** Reference: sort the finite values, take sorted[⌈p·n/100⌉ − 1] (nearest rank; p = 0 → minimum). */
function sortedPercentile(values: number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const k = Math.min(finite.length - 1, Math.max(0, Math.ceil((p * finite.length) / 100) - 1));
  return finite[k]!;
}

describe('percentiles (histogram + refinement)', () => {
  it('0…99: the 1st percentile is 0 and the 99th is 98 (nearest rank)', () => {
    const values = Float32Array.from({ length: 100 }, (_, i) => 99 - i);
    expect(percentiles(values, [1, 99, 0, 100, 50])).toEqual([0, 98, 0, 99, 49]);
  });

  it('equals the sort-based reference on random data (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.float({ min: -3000, max: 3000, noNaN: true }),
            fc.integer({ min: -1024, max: 3071 }),
            fc.constantFrom(-1000, 0, Number.NaN, Number.POSITIVE_INFINITY),
          ),
          { minLength: 1, maxLength: 3000 },
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, p, q) => {
          const values = new Float32Array(raw);
          const asNumbers = [...values];
          const got = percentiles(values, [p, q]);
          if (!asNumbers.some((v) => Number.isFinite(v))) {
            expect(got).toBeNull();
            return;
          }
          expect(got).toEqual([sortedPercentile(asNumbers, p), sortedPercentile(asNumbers, q)]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles a spike: most values in one histogram bin', () => {
    const values = new Float32Array(10_000).fill(-1000);
    for (let i = 0; i < 50; i++) values[i * 7] = -1000 + i * 1e-3;
    values[9999] = 3000;
    const ref = [...values];
    expect(percentiles(values, [1, 99])).toEqual([sortedPercentile(ref, 1), sortedPercentile(ref, 99)]);
  });
});

describe('percentileWindow', () => {
  it('spans the 1st–99th percentiles exactly: w = hi − lo + 1, c = (lo + hi + 1)/2', () => {
    // 0…99: lo = 0, hi = 98 → w = 99, c = 49.5, so 0 → black and 98 → white with the LINEAR function.
    const values = Float32Array.from({ length: 100 }, (_, i) => i);
    expect(percentileWindow(values)).toEqual({ center: 49.5, width: 99 });
  });

  it('a constant image gets the minimum width 1', () => {
    expect(percentileWindow(new Float32Array(16).fill(7))).toEqual({ center: 7.5, width: 1 });
  });

  it('no finite value → null', () => {
    expect(percentileWindow(new Float32Array([Number.NaN, Number.NaN]))).toBeNull();
    expect(percentileWindow(new Float32Array(0))).toBeNull();
  });

  // Correctness on a full slice; its speed is not asserted (a timed assertion fails on a busy machine).
  it('equals the sort-based reference on a whole 512×512 slice', () => {
    const values = new Float32Array(512 * 512);
    for (let i = 0; i < values.length; i++) values[i] = ((i * 2654435761) % 4096) - 1024;
    const asNumbers = [...values];
    expect(percentiles(values, [1, 99])).toEqual([
      sortedPercentile(asNumbers, 1),
      sortedPercentile(asNumbers, 99),
    ]);
  });
});
