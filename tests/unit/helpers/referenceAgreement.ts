/**
 * What the property tests of the plain-TypeScript reference maths against tfjs share: the error
 * measure and its tolerance, and the fast-check arbitraries of the values.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** The agreement asked of the reference maths and tfjs: 1e-5, relative to max(1, |reference|). */
export const TOL = 1e-5;

/** max over i of |actual − expected| / max(1, |expected|); fails the test when the lengths differ. */
export function worstError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e)));
  }
  return worst;
}

/** A float in [−1, 1] (no NaN, no infinity). */
const unit = fc.float({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true });

/** `n` floats in [−1, 1] as a Float32Array. */
export const floats = (n: number): fc.Arbitrary<Float32Array> =>
  fc.array(unit, { minLength: n, maxLength: n }).map((a) => Float32Array.from(a));
