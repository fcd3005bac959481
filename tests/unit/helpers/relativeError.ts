import { expect } from 'vitest';

/**
 * max |actual − expected| divided by max |expected| (floored at 1e-6): the error measure the
 * kernel tests hold to 1e-4 or 1e-5. Fails the test when the lengths differ.
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let maxDiff = 0;
  let scale = 1e-6;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return maxDiff / scale;
}
