import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWindow, windowTransform } from '../../../../../src/core/imaging/display/applyWindow';

/** PS3.3 C.11.2.1.2.1, written out literally, rounded half up: the reference for the property test. */
function linearReference(x: number, c: number, w: number): number {
  if (x <= c - 0.5 - (w - 1) / 2) return 0;
  if (x > c - 0.5 + (w - 1) / 2) return 255;
  return Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
}

/** Fractional part of the unrounded LINEAR output, to skip exact .5 ties where float order may differ. */
function nearTie(x: number, c: number, w: number): boolean {
  if (w <= 1) return false;
  const y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
  return Math.abs(y - Math.floor(y) - 0.5) < 1e-6;
}

const run = (xs: number[], c: number, w: number, fn?: 'LINEAR' | 'LINEAR_EXACT'): number[] => [
  ...applyWindow(new Float32Array(xs), c, w, undefined, fn),
];

describe('applyWindow (LINEAR, PS3.3 C.11.2.1.2.1)', () => {
  it('brain window c=40 w=80: hand-computed table (y = 255·x/79 inside [0, 79])', () => {
    // Bounds: c − 0.5 − (w−1)/2 = 39.5 − 39.5 = 0; c − 0.5 + (w−1)/2 = 79.
    // x=1: 255/79 = 3.23 → 3; x=20: 5100/79 = 64.56 → 65; x=40: 10200/79 = 129.11 → 129;
    // x=60: 15300/79 = 193.67 → 194; x=78: 19890/79 = 251.77 → 252; x=79: 255 exactly.
    expect(run([-1000, -0.5, 0, 1, 20, 40, 60, 78, 79, 79.5, 80, 3000], 40, 80)).toEqual([
      0, 0, 0, 3, 65, 129, 194, 252, 255, 255, 255, 255,
    ]);
  });

  it('lung window c=−600 w=1500: boundaries at −1350 and 149', () => {
    // cm = −600.5, (w−1)/2 = 749.5 → lower −1350, upper 149.
    // x=−1349: 255/1499 = 0.17 → 0; x=−1000: 350·255/1499 = 59.54 → 60;
    // x=−601: (−0.5/1499 + 0.5)·255 = 127.41 → 127; x=−600: 127.59 → 128; x=148: 1498·255/1499 = 254.83 → 255.
    expect(run([-1351, -1350, -1349, -1000, -601, -600, 148, 149, 150], -600, 1500)).toEqual([
      0, 0, 0, 60, 127, 128, 255, 255, 255,
    ]);
  });

  it('soft-tissue window c=40 w=400 (the sample PNGs): hand-computed', () => {
    // Bounds: c − 0.5 − (w − 1)/2 = −160, c − 0.5 + (w − 1)/2 = 239.
    // −159: ((−159 − 39.5)/399 + 0.5)·255 = 0.639 → 1; 40: 127.82 → 128; 200: 230.08 → 230; 239: 255.
    expect(run([-1000, -160, -159, 40, 200, 239, 239.5, 3000], 40, 400)).toEqual([
      0, 0, 1, 128, 230, 255, 255, 255,
    ]);
  });

  it('width 1 is a threshold at c − 0.5', () => {
    // lower = upper = 9.5: x ≤ 9.5 → 0, x > 9.5 → 255.
    expect(run([9, 9.5, 9.5001, 10, 11], 10, 1)).toEqual([0, 0, 255, 255, 255]);
  });

  it('width 2: a one-value ramp between c − 1 and c', () => {
    // c=0, w=2: lower −1, upper 0; x=−0.25 → (0.25 + 0.5)·255 = 191.25 → 191; x=−0.75 → 63.75 → 64.
    expect(run([-2, -1, -0.75, -0.25, 0, 0.25], 0, 2)).toEqual([0, 0, 64, 191, 255, 255]);
  });

  it('rejects a width below 1 and a non-finite centre', () => {
    expect(() => run([0], 40, 0.5)).toThrow(RangeError);
    expect(() => run([0], 40, Number.NaN)).toThrow(RangeError);
    expect(() => run([0], Number.POSITIVE_INFINITY, 10)).toThrow(RangeError);
  });

  it('reuses the output buffer and refuses one that is too small', () => {
    const out = new Uint8Array(3);
    expect(applyWindow(new Float32Array([0, 40, 80]), 40, 80, out)).toBe(out);
    expect([...out]).toEqual([0, 129, 255]);
    expect(() => applyWindow(new Float32Array(4), 40, 80, out)).toThrow(RangeError);
  });

  it('maps NaN to 0', () => {
    expect(run([Number.NaN], 40, 80)).toEqual([0]);
  });

  it('matches the literal formula on random data (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -3000, max: 3000, noNaN: true }), { minLength: 1, maxLength: 64 }),
        fc.integer({ min: -1500, max: 1500 }),
        fc.integer({ min: 1, max: 4000 }),
        (raw, c, w) => {
          const xs = [...new Float32Array(raw)];
          const got = run(xs, c, w);
          xs.forEach((x, i) => {
            if (!nearTie(x, c, w)) expect(got[i]).toBe(linearReference(x, c, w));
          });
        },
      ),
    );
  });
});

describe('applyWindow (LINEAR_EXACT, PS3.3 C.11.2.1.3.2)', () => {
  it('c=40 w=80: y = 255·x/80 inside [0, 80]', () => {
    // x=1: 3.19 → 3; x=20: 63.75 → 64; x=79: 251.81 → 252; x=80: 255 (≤ c + w/2).
    expect(run([-1, 0, 1, 20, 79, 80, 80.5], 40, 80, 'LINEAR_EXACT')).toEqual([0, 0, 3, 64, 252, 255, 255]);
  });

  it('accepts a width below 1 but not 0', () => {
    // c=0, w=0.5: lower −0.25, upper 0.25; x=0.125 → (0.25 + 0.5)·255 = 191.25 → 191.
    expect(run([-0.25, 0.125, 0.3], 0, 0.5, 'LINEAR_EXACT')).toEqual([0, 191, 255]);
    expect(() => windowTransform(0, 0, 'LINEAR_EXACT')).toThrow(RangeError);
  });
});
