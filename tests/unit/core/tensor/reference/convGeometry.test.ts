/** Output-size arithmetic of convolution and pooling: hand-worked cases and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convOutputShape,
  convOutputSize,
  effectiveKernelSize,
  pair,
  resolvePadding,
} from '../../../../../src/core/tensor/reference/convGeometry';

describe('convGeometry by hand', () => {
  it('pair', () => {
    expect(pair(3)).toEqual([3, 3]);
    const p = [2, 5] as const;
    expect(pair(p)).toEqual([2, 5]);
    expect(pair(p)).not.toBe(p);
  });

  it('effective kernel size d(k − 1) + 1', () => {
    expect(effectiveKernelSize(3, 1)).toBe(3);
    expect(effectiveKernelSize(3, 2)).toBe(5); // taps at 0, 2, 4
    expect(effectiveKernelSize(5, 3)).toBe(13);
    expect(effectiveKernelSize(1, 4)).toBe(1);
  });

  it('output size ⌊(n + p_b + p_a − d(k − 1) − 1)/s⌋ + 1', () => {
    // n=5, k=3, s=2, p=1/1: ⌊(5 + 2 − 2 − 1)/2⌋ + 1 = ⌊4/2⌋ + 1 = 3
    expect(convOutputSize(5, 3, 2, 1, 1, 1)).toBe(3);
    // n=5, k=3, s=1, no padding: 3
    expect(convOutputSize(5, 3, 1, 0, 0, 1)).toBe(3);
    // n=5, k=3, d=2 (spans 5): ⌊(5 − 4 − 1)/1⌋ + 1 = 1
    expect(convOutputSize(5, 3, 1, 0, 0, 2)).toBe(1);
    // n=7, k=3, d=2, s=2, p=2/2: ⌊(7 + 4 − 4 − 1)/2⌋ + 1 = 4
    expect(convOutputSize(7, 3, 2, 2, 2, 2)).toBe(4);
    // n=6, k=2, s=3: ⌊(6 − 1 − 1)/3⌋ + 1 = 2 (the last pixel is never read)
    expect(convOutputSize(6, 2, 3, 0, 0, 1)).toBe(2);
    // asymmetric padding 0/1: n=4, k=2, s=1 → 4
    expect(convOutputSize(4, 2, 1, 0, 1, 1)).toBe(4);
    // the kernel does not fit: 0, never negative
    expect(convOutputSize(3, 5, 1, 0, 0, 1)).toBe(0);
    expect(convOutputSize(3, 5, 2, 0, 0, 1)).toBe(0);
    expect(convOutputSize(1, 3, 1, 0, 0, 3)).toBe(0);
    // exactly fits once
    expect(convOutputSize(5, 5, 3, 0, 0, 1)).toBe(1);
  });

  it("'same' padding by TensorFlow's rule", () => {
    // n=7, k=3, s=2: out = ⌈7/2⌉ = 4, total = max(3·2 + 3 − 7, 0) = 2 → 1/1
    expect(convOutputShape(7, 7, 3, 3, { stride: 2, padding: 'same' })).toEqual({
      height: 4,
      width: 4,
      padding: { top: 1, bottom: 1, left: 1, right: 1 },
    });
    // n=6, k=3, s=2: out 3, total = 2·2 + 3 − 6 = 1 → 0 before, 1 after
    expect(resolvePadding(6, 6, 3, 3, { stride: 2, padding: 'same' })).toEqual({
      top: 0,
      bottom: 1,
      left: 0,
      right: 1,
    });
    // n=10, k=3, d=2 (spans 5), s=1: total = 9 + 5 − 10 = 4 → 2/2
    expect(resolvePadding(10, 10, 3, 3, { dilation: 2, padding: 'same' })).toEqual({
      top: 2,
      bottom: 2,
      left: 2,
      right: 2,
    });
    // even kernel, n=4, k=2: total 1 → 0/1 (the extra pixel goes after)
    expect(resolvePadding(4, 4, 2, 2, { padding: 'same' })).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    // large stride: n=5, k=3, s=4: out 2, total = 4 + 3 − 5 = 2 → 1/1
    expect(resolvePadding(5, 5, 3, 3, { stride: 4, padding: 'same' })).toEqual({
      top: 1,
      bottom: 1,
      left: 1,
      right: 1,
    });
    // stride larger than the kernel needs none: n=6, k=1, s=3 → out 2, total max(3 + 1 − 6, 0) = 0
    expect(resolvePadding(6, 6, 1, 1, { stride: 3, padding: 'same' })).toEqual({
      top: 0,
      bottom: 0,
      left: 0,
      right: 0,
    });
    // rectangular kernel and per-axis stride / dilation: height n=8,k=5,s=1 → total 4 → 2/2;
    // width n=9,k=2,s=2,d=3 (spans 4): out 5, total = 4·2 + 4 − 9 = 3 → 1/2
    expect(convOutputShape(8, 9, 5, 2, { stride: [1, 2], dilation: [1, 3], padding: 'same' })).toEqual({
      height: 8,
      width: 5,
      padding: { top: 2, bottom: 2, left: 1, right: 2 },
    });
  });

  it("'valid' (the default) and explicit padding", () => {
    expect(resolvePadding(5, 5, 3, 3)).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(convOutputShape(5, 6, 3, 2)).toEqual({
      height: 3,
      width: 5,
      padding: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    const pad = { top: 1, bottom: 2, left: 3, right: 0 };
    const shape = convOutputShape(4, 4, 3, 3, { padding: pad });
    expect(shape).toEqual({ height: 5, width: 5, padding: pad });
    expect(shape.padding).not.toBe(pad);
  });

  it('rejects what is not a whole number with a RangeError a student can act on', () => {
    expect(() => resolvePadding(5, 5, 3, 3, { stride: 0 })).toThrow(RangeError);
    expect(() => resolvePadding(5, 5, 3, 3, { stride: 0 })).toThrow(
      /vertical stride must be a whole number of at least 1, got 0/,
    );
    expect(() => resolvePadding(5, 5, 3, 3, { stride: [1, 1.5] })).toThrow(/horizontal stride/);
    expect(() => resolvePadding(5, 5, 3, 3, { dilation: -1 })).toThrow(/vertical dilation/);
    expect(() => resolvePadding(5, 5, 3, 3, { padding: { top: -1, bottom: 0, left: 0, right: 0 } })).toThrow(
      /top padding must be a whole number of pixels, 0 or more; got -1/,
    );
    expect(() => resolvePadding(5, 5, 3, 3, { padding: { top: 0, bottom: 0, left: 0.5, right: 0 } })).toThrow(
      RangeError,
    );
    expect(() => resolvePadding(0, 5, 3, 3)).toThrow(/image height/);
    expect(() => resolvePadding(5, 5, 3, 0)).toThrow(/kernel width/);
  });
});

describe('convGeometry properties', () => {
  const axis = fc.record({
    n: fc.integer({ min: 1, max: 600 }),
    k: fc.integer({ min: 1, max: 9 }),
    s: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 1, max: 4 }),
  });

  it("'same' gives ⌈n/s⌉ outputs, padding split evenly with any extra after", () => {
    fc.assert(
      fc.property(axis, ({ n, k, s, d }) => {
        const shape = convOutputShape(n, n, k, k, { stride: s, dilation: d, padding: 'same' });
        expect(shape.height).toBe(Math.ceil(n / s));
        const { top, bottom } = shape.padding;
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom - top === 0 || bottom - top === 1).toBe(true);
        // the padding is the least that makes ⌈n/s⌉ windows fit
        expect(top + bottom).toBe(Math.max((Math.ceil(n / s) - 1) * s + effectiveKernelSize(k, d) - n, 0));
      }),
      { numRuns: 500 },
    );
  });

  it('symmetric padding matches the textbook ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1, and the last window fits', () => {
    fc.assert(
      fc.property(axis, fc.integer({ min: 0, max: 4 }), ({ n, k, s, d }, p) => {
        const out = convOutputSize(n, k, s, p, p, d);
        const textbook = Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
        expect(out).toBe(Math.max(0, textbook));
        const keff = effectiveKernelSize(k, d);
        if (out > 0) {
          // window o covers padded indices o·s … o·s + keff − 1 of n + 2p
          expect((out - 1) * s + keff).toBeLessThanOrEqual(n + 2 * p);
          expect(out * s + keff).toBeGreaterThan(n + 2 * p);
        } else expect(keff).toBeGreaterThan(n + 2 * p);
      }),
      { numRuns: 500 },
    );
  });
});
