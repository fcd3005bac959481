/** The wasm heap kernels (MaxPoolGrad, Sum over leading axes, Identity, Cast) against the cpu backend. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src/core/tensor/initBackend';
import { relativeError } from '../../helpers/relativeError';
import { tensorCounts } from '../../helpers/tensorLeak';

beforeAll(async () => {
  await tf.setBackend('cpu');
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

/** Values on a coarse grid, so windows often hold ties (as after ReLU, where many values are 0). */
const valuesArb = (n: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n });

function onBackend(name: string, f: () => tf.Tensor): Float32Array {
  tf.setBackend(name);
  return tf.tidy(() => f().dataSync() as Float32Array);
}

/**
 * Same result on both backends, to 1e-5 relative error (or, with `scale`, to 1e-5 × scale), and no
 * buffer left behind.
 */
function expectSameOnWasmAndCpu(f: () => tf.Tensor, scale?: number): void {
  const expected = onBackend('cpu', f);
  tf.setBackend('wasm');
  const before = tensorCounts(tf);
  const actual = onBackend('wasm', f);
  expect(tensorCounts(tf)).toEqual(before);
  if (scale === undefined) expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-5);
  else actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(1e-5 * scale));
}

describe('wasm heap kernels match the cpu backend', () => {
  it('MaxPoolGrad: random windows, strides, paddings, with ties', () => {
    const caseArb = fc
      .record({
        b: fc.integer({ min: 1, max: 3 }),
        h: fc.integer({ min: 2, max: 9 }),
        w: fc.integer({ min: 2, max: 9 }),
        c: fc.integer({ min: 1, max: 4 }),
        k: fc.integer({ min: 1, max: 3 }),
        s: fc.integer({ min: 1, max: 3 }),
        pad: fc.constantFrom('valid' as const, 'same' as const),
        seed: fc.nat(),
      })
      .filter((c) => c.pad === 'same' || (c.h >= c.k && c.w >= c.k))
      .chain((c) => valuesArb(c.b * c.h * c.w * c.c).map((values) => ({ ...c, values })));
    fc.assert(
      fc.property(caseArb, (c) => {
        const dyValues = Array.from({ length: 4096 }, (_, i) => ((i * 7919 + c.seed) % 13) - 6);
        const lossOf = (x: tf.Tensor) => {
          const y = tf.maxPool(x as tf.Tensor4D, c.k, c.s, c.pad);
          return tf.sum(tf.mul(y, tf.tensor(dyValues.slice(0, y.size), y.shape)));
        };
        expectSameOnWasmAndCpu(() => tf.grad(lossOf)(tf.tensor4d(c.values, [c.b, c.h, c.w, c.c])));
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('Sum over leading axes (bias gradients), and the fallback for other axes', () => {
    const caseArb = fc
      .record({
        lead: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 3 }),
        kept: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 2 }),
        keepDims: fc.boolean(),
        seed: fc.nat(),
      })
      .filter((c) => c.lead.reduce((p, q) => p * q, 1) >= 1024 || c.seed % 4 === 0);
    fc.assert(
      fc.property(caseArb, (c) => {
        const shape = [...c.lead, ...c.kept];
        const n = shape.reduce((p, q) => p * q, 1);
        const values = Float32Array.from({ length: n }, (_, i) => 50 + Math.sin(i * 12.9898 + c.seed) * 100);
        // Summation error is bounded relative to Σ|x|; values have a positive mean, so a wrong
        // weight in the sum shows up far above that bound.
        const magnitude = values.reduce((p, q) => p + Math.abs(q), 1e-6);
        const leading = c.lead.map((_, i) => i);
        expectSameOnWasmAndCpu(() => tf.sum(tf.tensor(values, shape), leading, c.keepDims), magnitude);
        expectSameOnWasmAndCpu(
          () => tf.sum(tf.tensor(values, shape), [shape.length - 1], c.keepDims),
          magnitude,
        );
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('Identity and same-dtype Cast share the buffer safely; other casts convert', () => {
    tf.setBackend('wasm');
    const before = tensorCounts(tf);
    const x = tf.tensor([1.5, -2, 3.25, 0]);
    const copies = [
      tf.clone(x),
      tf.cast(x, 'float32'),
      tf.engine().runKernel('Identity', { x }) as tf.Tensor,
    ];
    const asInt = tf.cast(x, 'int32');
    x.dispose(); // the aliases keep the data alive
    for (const c of copies) expect(Array.from(c.dataSync())).toEqual([1.5, -2, 3.25, 0]);
    expect(Array.from(asInt.dataSync())).toEqual([1, -2, 3, 0]);
    expect(asInt.dtype).toBe('int32');
    tf.dispose([...copies, asInt]);
    expect(tensorCounts(tf)).toEqual(before);
  });
});
