/** Plain-TypeScript pooling: hand-worked examples, poolAt ≡ pool2dRef, global pooling, errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  globalPoolRef,
  poolAt,
  pool2dRef,
  poolOutputShape,
  type PoolOptions,
} from '../../../../../src/core/tensor/reference/pool2dRef';
import type { Volume } from '../../../../../src/core/tensor/reference/types';

const vol = (height: number, width: number, channels: number, values: number[]): Volume => ({
  height,
  width,
  channels,
  data: Float32Array.from(values),
});
const rows = (v: Volume): number[][] =>
  Array.from({ length: v.height }, (_, y) => Array.from(v.data.subarray(y * v.width, (y + 1) * v.width)));

// prettier-ignore
const image4 = vol(4, 4, 1, [
  1, 2, 3, 0,
  0, 1, 2, 3,
  3, 0, 1, 2,
  2, 3, 0, 1,
]);
/** v(y, x) = 5y + x on a 5×5 grid. */
const grid5 = vol(
  5,
  5,
  1,
  Array.from({ length: 25 }, (_, k) => k),
);

describe('pool2dRef by hand', () => {
  it("2×2 max and average, stride 2, 'valid'", () => {
    // windows: [1 2; 0 1], [3 0; 2 3], [3 0; 2 3], [1 2; 0 1]
    expect(rows(pool2dRef(image4, { kind: 'max', size: 2 }))).toEqual([
      [2, 3],
      [3, 2],
    ]);
    // means: 4/4 = 1, 8/4 = 2, 8/4 = 2, 4/4 = 1
    expect(rows(pool2dRef(image4, { kind: 'avg', size: 2 }))).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('overlapping 3×3 windows, stride 1', () => {
    // window at (0,0): 1 2 3 / 0 1 2 / 3 0 1 → max 3, mean 13/9
    const max = pool2dRef(image4, { kind: 'max', size: 3, stride: 1 });
    expect(rows(max)).toEqual([
      [3, 3],
      [3, 3],
    ]);
    const avg = pool2dRef(image4, { kind: 'avg', size: 3, stride: 1 });
    expect(avg.data[0]).toBe(Math.fround(13 / 9));
  });

  it("'same' padding: padded cells are left out of the average's count", () => {
    // n = 5, k = 2, s = 2: out ⌈5/2⌉ = 3, total padding (3 − 1)·2 + 2 − 5 = 1 → 0 before, 1 after.
    // out(0,2): rows 0–1, cols 4–5 → cells 4 and 9 inside: (4 + 9)/2 = 6.5
    // out(2,0): row 4 (row 5 is padding), cols 0–1: (20 + 21)/2 = 20.5; out(2,2): only 24
    const avg = pool2dRef(grid5, { kind: 'avg', size: 2, padding: 'same' });
    expect(rows(avg)).toEqual([
      [3, 5, 6.5],
      [13, 15, 16.5],
      [20.5, 22.5, 24],
    ]);
    const t = poolAt(grid5, 2, 2, 0, { kind: 'avg', size: 2, padding: 'same' });
    expect(t.taps).toEqual([
      { y: 4, x: 4, inside: true, value: 24 },
      { y: 4, x: 5, inside: false, value: 0 },
      { y: 5, x: 4, inside: false, value: 0 },
      { y: 5, x: 5, inside: false, value: 0 },
    ]);
    expect(t).toMatchObject({ output: 24, count: 1, argmax: -1 });
  });

  it("'same' padding: max ignores padded cells (negative images stay negative)", () => {
    const negative = vol(3, 3, 1, Array(9).fill(-5));
    expect(rows(pool2dRef(negative, { kind: 'max', size: 2, padding: 'same' }))).toEqual([
      [-5, -5],
      [-5, -5],
    ]);
  });

  it('argmax points at the first maximum on ties', () => {
    const img = vol(2, 2, 1, [1, 7, 7, 7]);
    expect(poolAt(img, 0, 0, 0, { kind: 'max', size: 2 })).toMatchObject({ output: 7, argmax: 1, count: 4 });
    const img2 = vol(2, 2, 1, [7, 7, 1, 7]);
    expect(poolAt(img2, 0, 0, 0, { kind: 'max', size: 2 }).argmax).toBe(0);
  });

  it('channels are pooled separately; rectangular windows and strides', () => {
    // 2×4, 2 channels: channel 1 = −channel 0
    const vals = [1, 2, 3, 4, 5, 6, 7, 8];
    const img = vol(
      2,
      4,
      2,
      vals.flatMap((v) => [v, -v]),
    );
    const out = pool2dRef(img, { kind: 'max', size: [2, 1], stride: [1, 2] });
    // windows are columns 0 and 2 of both rows: max(1, 5) = 5, max(3, 7) = 7; channel 1: −1, −3
    expect(out).toMatchObject({ height: 1, width: 2, channels: 2 });
    expect(Array.from(out.data)).toEqual([5, -1, 7, -3]);
    expect(poolAt(img, 0, 1, 1, { kind: 'max', size: [2, 1], stride: [1, 2] })).toMatchObject({
      output: -3,
      argmax: 0,
    });
  });

  it('poolOutputShape', () => {
    expect(poolOutputShape(5, 5, { size: 2 })).toMatchObject({ height: 2, width: 2 });
    expect(poolOutputShape(5, 5, { size: 2, padding: 'same' })).toEqual({
      height: 3,
      width: 3,
      padding: { top: 0, bottom: 1, left: 0, right: 1 },
    });
    expect(poolOutputShape(7, 6, { size: [3, 2], stride: 1, padding: 'same' })).toEqual({
      height: 7,
      width: 6,
      padding: { top: 1, bottom: 1, left: 0, right: 1 },
    });
    expect(poolOutputShape(2, 2, { size: 3 })).toMatchObject({ height: 0, width: 0 });
  });

  it('global pooling: one value per channel', () => {
    const img = vol(2, 2, 2, [1, -1, 2, -2, 3, -3, 6, -6]);
    expect(Array.from(globalPoolRef(img, 'max'))).toEqual([6, -1]);
    expect(Array.from(globalPoolRef(img, 'avg'))).toEqual([3, -3]);
  });

  it('errors', () => {
    expect(() => pool2dRef(image4, { kind: 'max', size: 0 })).toThrow(
      /pooling window height must be a whole number/,
    );
    expect(() => pool2dRef(image4, { kind: 'avg', size: 2, stride: [1, 1.5] })).toThrow(/horizontal stride/);
    expect(() => pool2dRef(image4, { kind: 'min' as 'max', size: 2 })).toThrow(/'max' or 'avg'/);
    expect(() => pool2dRef(vol(2, 2, 1, [1]), { kind: 'max', size: 2 })).toThrow(/image data holds 1 values/);
    expect(() => poolAt(image4, 2, 0, 0, { kind: 'max', size: 2 })).toThrow(/outside the 2×2 output/);
    expect(() => poolAt(image4, 0, 0, 1, { kind: 'max', size: 2 })).toThrow(/Channel 1 does not exist/);
    expect(() => globalPoolRef(vol(1, 1, 2, [1]), 'max')).toThrow(RangeError);
  });
});

describe('poolAt is exactly pool2dRef', () => {
  it('every value equals Math.fround(poolAt(…).output); argmax and count agree with the taps', () => {
    const caseArb = fc.record({
      h: fc.integer({ min: 1, max: 8 }),
      w: fc.integer({ min: 1, max: 8 }),
      c: fc.integer({ min: 1, max: 3 }),
      size: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      stride: fc.option(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
        nil: undefined,
      }),
      padding: fc.constantFrom('valid' as const, 'same' as const),
      kind: fc.constantFrom('max' as const, 'avg' as const),
      values: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 192, maxLength: 192 }),
    });
    fc.assert(
      fc.property(caseArb, (p) => {
        const input = vol(
          p.h,
          p.w,
          p.c,
          p.values.slice(0, p.h * p.w * p.c).map((v) => v / 3),
        );
        const opts: PoolOptions = { kind: p.kind, size: p.size, stride: p.stride, padding: p.padding };
        const out = pool2dRef(input, opts);
        for (let oy = 0; oy < out.height; oy++)
          for (let ox = 0; ox < out.width; ox++)
            for (let c = 0; c < p.c; c++) {
              const t = poolAt(input, oy, ox, c, opts);
              expect(Object.is(out.data[(oy * out.width + ox) * p.c + c], Math.fround(t.output))).toBe(true);
              const inside = t.taps.filter((q) => q.inside);
              expect(t.count).toBe(inside.length);
              expect(t.count).toBeGreaterThan(0);
              if (p.kind === 'max') {
                const best = Math.max(...inside.map((q) => q.value));
                expect(t.argmax).toBe(t.taps.findIndex((q) => q.inside && q.value === best));
              } else expect(t.argmax).toBe(-1);
            }
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
