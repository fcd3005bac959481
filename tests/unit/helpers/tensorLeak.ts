import type * as tfc from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/** Counts of live tensors (engine) and data buffers held by the active backend. */
export function tensorCounts(tf: typeof tfc): { tensors: number; backendBuffers: number } {
  return { tensors: tf.memory().numTensors, backendBuffers: tf.engine().backend.numDataIds() };
}

/**
 * Runs `fn` and fails the test when it leaves tensors behind: both the engine's tensor count and
 * the active backend's buffer count must be unchanged (the latter catches kernels that leak
 * intermediates the engine never sees).
 */
export async function expectNoTensorLeak<T>(tf: typeof tfc, fn: () => T | Promise<T>): Promise<T> {
  const before = tensorCounts(tf);
  const result = await fn();
  expect(tensorCounts(tf)).toEqual(before);
  return result;
}
