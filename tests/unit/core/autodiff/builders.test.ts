/**
 * The network builders against the same networks written directly with tfjs layers of operations
 * (matMul, conv2d, maxPool …) and differentiated with tf.grads: random weights and inputs
 * (property tests), float32 tolerance. Also central finite differences on the tiny CNN.
 */
import * as tfc from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNeuron } from '../../../../src/core/autodiff/buildNeuron';
import { buildTwoLayerNet } from '../../../../src/core/autodiff/buildTwoLayerNet';
import {
  buildTinyCnn,
  tinyCnnGeometry,
  tinyCnnLossAndGradient,
  tinyCnnParamCount,
  vectorToWeights,
  weightsToVector,
} from '../../../../src/core/autodiff/buildTinyCnn';
import { finiteDifference } from '../../../../src/core/autodiff/gradientCheck';
import { loadTfCore } from '../../../../src/core/tensor/initBackend';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

let tf: typeof tfc;
beforeAll(async () => {
  tf = await loadTfCore();
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
});

/** Uniform on [min, max] (fc.double draws uniformly over bit patterns, i.e. mostly tiny numbers). */
const num = (min = -1, max = 1): fc.Arbitrary<number> =>
  fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((i) => min + ((max - min) * i) / 1_000_000);
const vec = (n: number, min = -1, max = 1) => fc.array(num(min, max), { minLength: n, maxLength: n });

/** max |a − b| ≤ tol · max(1, |b|) elementwise. */
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) {
    expect(Math.abs((a[i] ?? 0) - (b[i] ?? 0))).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i] ?? 0)));
  }
}

const flat = (t: tfc.Tensor): number[] => Array.from(t.dataSync());

describe('buildNeuron', () => {
  it('gradients equal tf.grads of σ(w·x + b) with squared error and with cross-entropy', async () => {
    await expectNoTensorLeak(tf, () =>
      fc.assert(
        fc.property(
          vec(3, -2, 2),
          vec(3),
          num(),
          fc.constantFrom(0, 1),
          fc.constantFrom('squared' as const, 'bce' as const),
          (x, w, b, t, loss) => {
            const net = buildNeuron({ x, w, b, target: t, loss });
            const grad = net.graph.backward(net.loss);
            const [gw, gb] = tf.tidy(() => {
              const f = (W: tfc.Tensor, B: tfc.Tensor): tfc.Scalar => {
                const a = tf.sigmoid(tf.add(tf.sum(tf.mul(W, tf.tensor1d(x))), B));
                return loss === 'squared'
                  ? (tf.square(tf.sub(a, t)) as tfc.Scalar)
                  : (tf.neg(tf.add(tf.mul(t, tf.log(a)), tf.mul(1 - t, tf.log(tf.sub(1, a))))) as tfc.Scalar);
              };
              return tf
                .grads(f)([tf.tensor1d(w), tf.scalar(b)])
                .map(flat);
            });
            expectClose(
              net.w.map((id) => grad[id] ?? 0),
              gw ?? [],
              1e-4,
            );
            expectClose([grad[net.b] ?? 0], gb ?? [], 1e-4);
          },
        ),
        { numRuns: 60, seed: 11 },
      ),
    );
  });

  it('tanh and ReLU neurons agree with tf.grads too', async () => {
    await expectNoTensorLeak(tf, () =>
      fc.assert(
        fc.property(
          vec(2, -2, 2),
          vec(2),
          num(),
          num(),
          fc.constantFrom('tanh' as const, 'relu' as const),
          (x, w, b, t, act) => {
            const net = buildNeuron({ x, w, b, target: t, activation: act });
            fc.pre(Math.abs(net.graph.value(net.z)) > 1e-3);
            const grad = net.graph.backward(net.loss);
            const gw = tf.tidy(() => {
              const f = (W: tfc.Tensor): tfc.Scalar => {
                const z = tf.add(tf.sum(tf.mul(W, tf.tensor1d(x))), b);
                return tf.square(tf.sub(act === 'tanh' ? tf.tanh(z) : tf.relu(z), t)) as tfc.Scalar;
              };
              return flat(tf.grad(f)(tf.tensor1d(w)));
            });
            expectClose(
              net.w.map((id) => grad[id] ?? 0),
              gw,
              1e-4,
            );
          },
        ),
        { numRuns: 40, seed: 12 },
      ),
    );
  });

  it('rejects mismatched weights', () => {
    expect(() => buildNeuron({ x: [1, 2], w: [1], b: 0, target: 1 })).toThrow(RangeError);
  });
});

describe('buildTwoLayerNet', () => {
  it('gradients equal tf.grads of σ(v·ReLU(W x + b) + c)', async () => {
    await expectNoTensorLeak(tf, () =>
      fc.assert(
        fc.property(
          vec(2, -2, 2),
          vec(6),
          vec(3),
          vec(3),
          num(),
          fc.constantFrom(0, 1),
          (x, w1flat, b1, w2, b2, t) => {
            const w1 = [w1flat.slice(0, 2), w1flat.slice(2, 4), w1flat.slice(4, 6)];
            const net = buildTwoLayerNet({ x, w1, b1, w2, b2, target: t });
            fc.pre(net.z1.every((z) => Math.abs(net.graph.value(z)) > 1e-3));
            const grad = net.graph.backward(net.loss);
            const ref = tf.tidy(() => {
              const f = (W1: tfc.Tensor, B1: tfc.Tensor, W2: tfc.Tensor, B2: tfc.Tensor): tfc.Scalar => {
                const h = tf.relu(
                  tf.add(tf.matMul(W1 as tfc.Tensor2D, tf.tensor2d(x, [2, 1])).reshape([3]), B1),
                );
                const y = tf.sigmoid(tf.add(tf.sum(tf.mul(W2, h)), B2));
                return tf.square(tf.sub(y, t)) as tfc.Scalar;
              };
              return tf
                .grads(f)([tf.tensor2d(w1), tf.tensor1d(b1), tf.tensor1d(w2), tf.scalar(b2)])
                .map(flat);
            });
            expectClose(
              net.w1.flat().map((id) => grad[id] ?? 0),
              ref[0] ?? [],
              1e-4,
            );
            expectClose(
              net.b1.map((id) => grad[id] ?? 0),
              ref[1] ?? [],
              1e-4,
            );
            expectClose(
              net.w2.map((id) => grad[id] ?? 0),
              ref[2] ?? [],
              1e-4,
            );
            expectClose([grad[net.b2] ?? 0], ref[3] ?? [], 1e-4);
          },
        ),
        { numRuns: 40, seed: 13 },
      ),
    );
  });
});

describe('buildTinyCnn', () => {
  const shape = { size: 6, kernel: 3, pool: 2 };
  const { pooledSize } = tinyCnnGeometry(shape);

  it('has the sizes the formulas give: 6×6 → conv 4×4 → pool 2×2; 9 + 1 + 4 + 1 weights', () => {
    expect(tinyCnnGeometry(shape)).toEqual({ convSize: 4, pooledSize: 2 });
    expect(tinyCnnParamCount(shape)).toBe(15);
    expect(tinyCnnGeometry({ size: 8, kernel: 3, pool: 2 })).toEqual({ convSize: 6, pooledSize: 3 });
    expect(() => tinyCnnGeometry({ size: 3, kernel: 3, pool: 2 })).toThrow(RangeError);
    const v = Array.from({ length: 15 }, (_, i) => i);
    expect(weightsToVector(vectorToWeights(shape, v))).toEqual(v);
  });

  it('loss and gradients equal tf (conv2d valid, ReLU, maxPool 2×2, dense, sigmoid, mean cross-entropy)', async () => {
    await expectNoTensorLeak(tf, () =>
      fc.assert(
        fc.property(
          vec(9),
          num(-0.3, 0.3),
          vec(pooledSize ** 2),
          num(-0.3, 0.3),
          fc.array(vec(36, -1, 1), { minLength: 1, maxLength: 3 }),
          (kernel, convBias, dense, denseBias, images) => {
            const targets = images.map((_, i) => i % 2);
            const net = buildTinyCnn(shape, { kernel, convBias, dense, denseBias }, images, targets);
            // Skip draws where a ReLU input sits on its kink or a pooling window has a near tie.
            for (const id of net.graph.ancestors(net.loss)) {
              const n = net.graph.node(id);
              const ins = n.inputs.map((i) => net.graph.value(i));
              if (n.op === 'relu') fc.pre(Math.abs(ins[0] ?? 0) > 1e-4);
              if (n.op === 'max') {
                const s = [...ins].sort((a, b) => b - a);
                fc.pre((s[0] ?? 0) - (s[1] ?? 0) > 1e-4 || (s[0] ?? 0) === 0);
              }
            }
            const { loss, gradient } = tinyCnnLossAndGradient(net);
            const ref = tf.tidy(() => {
              const x = tf.tensor4d(images.flat(), [images.length, 6, 6, 1]);
              const tgt = tf.tensor2d(targets, [images.length, 1]);
              const f = (K: tfc.Tensor, bc: tfc.Tensor, W: tfc.Tensor, bd: tfc.Tensor): tfc.Scalar => {
                const conv = tf.relu(tf.add(tf.conv2d(x, K as tfc.Tensor4D, 1, 'valid'), bc));
                const pooled = tf
                  .maxPool(conv as tfc.Tensor4D, 2, 2, 'valid')
                  .reshape([images.length, pooledSize ** 2]);
                const p = tf.sigmoid(tf.add(tf.matMul(pooled as tfc.Tensor2D, W as tfc.Tensor2D), bd));
                const ll = tf.add(tf.mul(tgt, tf.log(p)), tf.mul(tf.sub(1, tgt), tf.log(tf.sub(1, p))));
                return tf.neg(tf.mean(ll)) as tfc.Scalar;
              };
              const { value, grads } = tf.valueAndGrads(f)([
                tf.tensor4d(kernel, [3, 3, 1, 1]),
                tf.scalar(convBias),
                tf.tensor2d(dense, [pooledSize ** 2, 1]),
                tf.scalar(denseBias),
              ]);
              return { value: value.dataSync()[0] ?? Number.NaN, grads: grads.map(flat) };
            });
            expect(Math.abs(loss - ref.value)).toBeLessThanOrEqual(1e-5);
            expectClose(gradient, ref.grads.flat(), 2e-4);
          },
        ),
        { numRuns: 40, seed: 14 },
      ),
    );
  });

  it('gradients equal central finite differences on every weight', () => {
    const images = [0, 1, 2, 3].map((b) => Array.from({ length: 36 }, (_, i) => Math.sin(i * 0.7 + b * 1.3)));
    const w = {
      kernel: [0.2, -0.1, 0.3, 0.05, 0.4, -0.2, 0.1, 0.15, -0.05],
      convBias: 0.05,
      dense: [0.3, -0.2, 0.25, 0.1],
      denseBias: -0.1,
    };
    const net = buildTinyCnn(shape, w, images, [0, 1, 0, 1]);
    const { gradient } = tinyCnnLossAndGradient(net);
    const ids = [...net.kernel, net.convBias, ...net.dense, net.denseBias];
    ids.forEach((id, i) => {
      const fd = finiteDifference(net.graph, net.loss, id, 1e-6).central;
      expect(Math.abs((gradient[i] ?? 0) - fd)).toBeLessThanOrEqual(1e-7);
    });
  });
});
