import { describe, expect, it } from 'vitest';
import { benchRewindow512, ctLikeSlice } from '../../../../../src/bench/displayBench';

describe('benchRewindow512', () => {
  it('times a 512×512 re-window and returns a finite positive median', () => {
    const { medianMs } = benchRewindow512(5);
    expect(Number.isFinite(medianMs)).toBe(true);
    expect(medianMs).toBeGreaterThanOrEqual(0);
    // A few ms on a laptop; a generous bound so a loaded CI machine does not fail it.
    expect(medianMs).toBeLessThan(100);
  });

  it('uses CT-like values: air, soft tissue and bone are all present', () => {
    const v = ctLikeSlice(128);
    expect(v.length).toBe(128 * 128);
    const has = (lo: number, hi: number) => v.some((x) => x >= lo && x <= hi);
    expect(has(-1030, -970)).toBe(true);
    expect(has(10, 70)).toBe(true);
    expect(has(650, 750)).toBe(true);
  });
});
