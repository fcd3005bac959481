/**
 * The depthwise and transposed convolutions of the reference maths against tfjs on the cpu backend
 * (tf.depthwiseConv2d, tf.conv2dTranspose and tfjs-layers' Conv2DTranspose layer): random sizes,
 * channels, multipliers, kernels, strides, dilations and paddings, agreement to 1e-5 relative to
 * max(1, |reference|); the single-value functions (`depthwiseAt`, `conv2dTransposeAt`) equal the
 * whole-volume ones exactly. No tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conv2dTransposeAt,
  conv2dTransposeRef,
  depthwiseAt,
  depthwiseConv2dRef,
  planConv2dTranspose,
  transposeOutputSize,
  type DepthwiseFilters,
  type TransposeFilters,
  type Volume,
} from '../../../../../src/core/tensor/reference';
import { floats, TOL, worstError } from '../../../helpers/referenceAgreement';
import { tensorCounts } from '../../../helpers/tensorLeak';

const side = (max: number) => fc.integer({ min: 1, max });

let before: ReturnType<typeof tensorCounts>;
beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
  before = tensorCounts(tf);
});
afterAll(() => {
  expect(tensorCounts(tf)).toEqual(before);
});

describe('depthwiseConv2dRef', () => {
  const caseArb = fc
    .record({
      h: side(10),
      w: side(10),
      c: side(3),
      m: side(3),
      kh: side(4),
      kw: side(4),
      stride: fc.tuple(side(3), side(3)),
      dilation: fc.tuple(side(3), side(3)),
      strided: fc.boolean(), // tfjs takes stride > 1 or dilation > 1, not both
      padding: fc.constantFrom('valid' as const, 'same' as const),
      bias: fc.boolean(),
    })
    .map((p) => ({
      ...p,
      stride: p.strided ? p.stride : ([1, 1] as [number, number]),
      dilation: p.strided ? ([1, 1] as [number, number]) : p.dilation,
    }))
    .chain((p) =>
      fc
        .tuple(floats(p.h * p.w * p.c), floats(p.kh * p.kw * p.c * p.m), floats(p.c * p.m))
        .map(([x, k, b]) => ({ ...p, x, k, b })),
    );

  it('equals tf.depthwiseConv2d (+ bias), and depthwiseAt equals it value by value', () => {
    let compared = 0;
    fc.assert(
      fc.property(caseArb, (p) => {
        const input: Volume = { height: p.h, width: p.w, channels: p.c, data: p.x };
        const filters: DepthwiseFilters = { kh: p.kh, kw: p.kw, inChannels: p.c, multiplier: p.m, data: p.k };
        const opts = {
          stride: p.stride,
          dilation: p.dilation,
          padding: p.padding,
          ...(p.bias ? { bias: p.b } : {}),
        };
        const ref = depthwiseConv2dRef(input, filters, opts);
        expect(ref.channels).toBe(p.c * p.m);
        if (ref.data.length === 0) return;
        compared++;
        const live = tf.tidy(() => {
          let y = tf.depthwiseConv2d(
            tf.tensor4d(p.x, [1, p.h, p.w, p.c]),
            tf.tensor4d(p.k, [p.kh, p.kw, p.c, p.m]),
            p.stride,
            p.padding,
            'NHWC',
            p.dilation,
          );
          if (p.bias) y = tf.add(y, tf.tensor1d(p.b));
          expect(y.shape).toEqual([1, ref.height, ref.width, ref.channels]);
          return y.dataSync().slice() as Float32Array;
        });
        expect(worstError(live, ref.data)).toBeLessThanOrEqual(TOL);
        for (let oy = 0; oy < ref.height; oy++)
          for (let ox = 0; ox < ref.width; ox++)
            for (let o = 0; o < ref.channels; o++) {
              const at = depthwiseAt(input, filters, oy, ox, o, opts);
              expect(Math.fround(at.output)).toBe(ref.data[(oy * ref.width + ox) * ref.channels + o]);
              expect(at.taps.every((t) => t.c === Math.floor(o / p.m))).toBe(true);
              expect(at.taps).toHaveLength(p.kh * p.kw);
            }
      }),
      { numRuns: 150, seed: 51 },
    );
    expect(compared).toBeGreaterThan(80);
  });

  it('refuses a channel mismatch, a wrong bias length and a channel that does not exist', () => {
    const input: Volume = { height: 3, width: 3, channels: 2, data: new Float32Array(18) };
    const filters: DepthwiseFilters = {
      kh: 2,
      kw: 2,
      inChannels: 1,
      multiplier: 1,
      data: new Float32Array(4),
    };
    expect(() => depthwiseConv2dRef(input, filters)).toThrow(/1 channel\(s\) but the image has 2/);
    const ok: DepthwiseFilters = { ...filters, inChannels: 2, data: new Float32Array(8) };
    expect(() => depthwiseConv2dRef(input, ok, { bias: new Float32Array(3) })).toThrow(/one bias per output/);
    expect(() => depthwiseAt(input, ok, 0, 0, 2)).toThrow(/Output channel 2 does not exist/);
  });
});

interface TransposeCase {
  h: number;
  w: number;
  c: number;
  f: number;
  kh: number;
  kw: number;
  stride: [number, number];
  padding: 'valid' | 'same';
  bias: boolean;
  x: Float32Array;
  k: Float32Array;
  b: Float32Array;
}

describe('conv2dTransposeRef', () => {
  const caseArb: fc.Arbitrary<TransposeCase> = fc
    .record({
      h: side(7),
      w: side(7),
      c: side(3),
      f: side(3),
      kh: side(4),
      kw: side(4),
      stride: fc.tuple(side(3), side(3)),
      padding: fc.constantFrom('valid' as const, 'same' as const),
      bias: fc.boolean(),
    })
    .chain((p) =>
      fc
        .tuple(floats(p.h * p.w * p.c), floats(p.kh * p.kw * p.f * p.c), floats(p.f))
        .map(([x, k, b]) => ({ ...p, x, k, b })),
    );

  function refOf(p: TransposeCase) {
    const input: Volume = { height: p.h, width: p.w, channels: p.c, data: p.x };
    const filters: TransposeFilters = { kh: p.kh, kw: p.kw, outChannels: p.f, inChannels: p.c, data: p.k };
    const opts = { stride: p.stride, padding: p.padding, ...(p.bias ? { bias: p.b } : {}) };
    return { input, filters, opts, ref: conv2dTransposeRef(input, filters, opts) };
  }

  it('equals tf.conv2dTranspose (+ bias), and conv2dTransposeAt equals it value by value', () => {
    let sameCropped = 0;
    fc.assert(
      fc.property(caseArb, (p) => {
        const { input, filters, opts, ref } = refOf(p);
        expect(ref.height).toBe(transposeOutputSize(p.h, p.kh, p.stride[0], p.padding));
        expect(ref.width).toBe(transposeOutputSize(p.w, p.kw, p.stride[1], p.padding));
        const pad = planConv2dTranspose(input, filters, opts).padding;
        if (pad.top + pad.bottom + pad.left + pad.right > 0) sameCropped++;
        const live = tf.tidy(() => {
          let y = tf.conv2dTranspose(
            tf.tensor4d(p.x, [1, p.h, p.w, p.c]),
            tf.tensor4d(p.k, [p.kh, p.kw, p.f, p.c]),
            [1, ref.height, ref.width, p.f],
            p.stride,
            p.padding,
          );
          if (p.bias) y = tf.add(y, tf.tensor1d(p.b));
          return y.dataSync().slice() as Float32Array;
        });
        expect(worstError(live, ref.data)).toBeLessThanOrEqual(TOL);
        for (let oy = 0; oy < ref.height; oy++)
          for (let ox = 0; ox < ref.width; ox++)
            for (let o = 0; o < p.f; o++) {
              const at = conv2dTransposeAt(input, filters, oy, ox, o, opts);
              expect(Math.fround(at.output)).toBe(ref.data[(oy * ref.width + ox) * p.f + o]);
              for (const t of at.taps) {
                expect(t.y * p.stride[0] - pad.top + t.i).toBe(oy);
                expect(t.x * p.stride[1] - pad.left + t.j).toBe(ox);
              }
            }
      }),
      { numRuns: 150, seed: 53 },
    );
    // 'same' with k > s crops the full scatter: that path must be exercised
    expect(sameCropped).toBeGreaterThan(20);
  });

  it("equals tfjs-layers' Conv2DTranspose layer (the one the zoo uses), output size included", () => {
    fc.assert(
      fc.property(caseArb, (p) => {
        const { ref } = refOf(p);
        const x = tfl.input({ shape: [p.h, p.w, p.c] });
        const layer = tfl.layers.conv2dTranspose({
          filters: p.f,
          kernelSize: [p.kh, p.kw],
          strides: p.stride,
          padding: p.padding,
          useBias: p.bias,
        });
        const model = tfl.model({ inputs: x, outputs: layer.apply(x) as tfl.SymbolicTensor });
        expect(model.outputs[0]!.shape).toEqual([null, ref.height, ref.width, p.f]);
        const live = tf.tidy(() => {
          model.setWeights(
            p.bias
              ? [tf.tensor4d(p.k, [p.kh, p.kw, p.f, p.c]), tf.tensor1d(p.b)]
              : [tf.tensor4d(p.k, [p.kh, p.kw, p.f, p.c])],
          );
          const y = model.predict(tf.tensor4d(p.x, [1, p.h, p.w, p.c])) as tf.Tensor;
          return y.dataSync().slice() as Float32Array;
        });
        model.dispose();
        expect(worstError(live, ref.data)).toBeLessThanOrEqual(TOL);
      }),
      { numRuns: 60, seed: 59 },
    );
  });

  it('k = 2, s = 2, same (the zoo’s upsampling): each output reads exactly one input position', () => {
    const input: Volume = { height: 2, width: 2, channels: 1, data: Float32Array.of(1, 2, 3, 4) };
    const filters: TransposeFilters = {
      kh: 2,
      kw: 2,
      outChannels: 1,
      inChannels: 1,
      data: Float32Array.of(1, 10, 100, 1000),
    };
    const out = conv2dTransposeRef(input, filters, { stride: 2, padding: 'same' });
    // out[2y + i, 2x + j] = in[y, x] · w[i, j]
    expect(Array.from(out.data)).toEqual([
      1, 10, 2, 20, 100, 1000, 200, 2000, 3, 30, 4, 40, 300, 3000, 400, 4000,
    ]);
    expect(conv2dTransposeAt(input, filters, 3, 2, 0, { stride: 2, padding: 'same' }).taps).toEqual([
      { i: 1, j: 0, c: 0, y: 1, x: 1, value: 4, weight: 100, product: 400 },
    ]);
  });

  it('refuses a channel mismatch and positions out of range', () => {
    const input: Volume = { height: 2, width: 2, channels: 2, data: new Float32Array(8) };
    const filters: TransposeFilters = {
      kh: 2,
      kw: 2,
      outChannels: 1,
      inChannels: 1,
      data: new Float32Array(4),
    };
    expect(() => conv2dTransposeRef(input, filters)).toThrow(/1 input channel\(s\) but the image has 2/);
    const ok: TransposeFilters = { ...filters, inChannels: 2, data: new Float32Array(8) };
    expect(() => conv2dTransposeAt(input, ok, 3, 0, 0)).toThrow(/outside the 3×3 output/);
    expect(() => conv2dTransposeAt(input, ok, 0, 0, 1)).toThrow(/Filter 1 does not exist/);
  });
});
