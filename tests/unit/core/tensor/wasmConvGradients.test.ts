/**
 * The wasm convolution-gradient kernels against the cpu backend (the reference): random shapes,
 * strides, paddings and dilations, relative error ≤ 1e-4, and no buffer left behind.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src/core/tensor/initBackend';
import { expectNoTensorLeak, tensorCounts } from '../../helpers/tensorLeak';
import { relativeError } from '../../helpers/relativeError';

type PadAttr = 'valid' | 'same' | number | [[0, 0], [number, number], [number, number], [0, 0]];

interface Case {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outC: number; // channel multiplier for depthwise
  kH: number;
  kW: number;
  strides: [number, number];
  dilations: [number, number];
  pad: PadAttr;
  seed: number;
}

const padArb: fc.Arbitrary<PadAttr> = fc.oneof(
  fc.constant('valid' as const),
  fc.constant('same' as const),
  fc.integer({ min: 0, max: 2 }),
  fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)).map(
    ([t, b, l, r]) =>
      [
        [0, 0],
        [t, b],
        [l, r],
        [0, 0],
      ] as [[0, 0], [number, number], [number, number], [0, 0]],
  ),
);

function caseArb(withDilation: boolean): fc.Arbitrary<Case> {
  return fc.record({
    batch: fc.integer({ min: 1, max: 4 }),
    inH: fc.integer({ min: 4, max: 14 }),
    inW: fc.integer({ min: 4, max: 14 }),
    inC: fc.integer({ min: 1, max: 5 }),
    outC: fc.integer({ min: 1, max: 5 }),
    kH: fc.integer({ min: 1, max: 5 }),
    kW: fc.integer({ min: 1, max: 5 }),
    strides: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilations: withDilation
      ? fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }))
      : fc.constant([1, 1] as [number, number]),
    pad: padArb,
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  });
}

function randomArray(n: number, seed: number): Float32Array {
  // Park–Miller LCG: a reproducible stream in [-1, 1).
  const out = new Float32Array(n);
  let s = seed % 2147483647 || 1;
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    out[i] = (s / 2147483647) * 2 - 1;
  }
  return out;
}

/** Output size of the forward convolution, or null when the case is not a valid convolution. */
function forwardInfo(c: Case, depthwise: boolean) {
  const filterShape: [number, number, number, number] = [c.kH, c.kW, c.inC, c.outC];
  if (
    c.pad === 'same' &&
    (c.strides[0] > 1 || c.strides[1] > 1) &&
    (c.dilations[0] > 1 || c.dilations[1] > 1)
  )
    return null;
  try {
    const info = tf.backend_util.computeConv2DInfo(
      [c.batch, c.inH, c.inW, c.inC],
      filterShape,
      c.strides,
      c.dilations,
      c.pad,
      typeof c.pad === 'number' ? 'floor' : undefined,
      depthwise,
    );
    if (info.outHeight < 1 || info.outWidth < 1) return null;
    return info;
  } catch {
    return null;
  }
}

function runOn(
  backend: string,
  kernel: string,
  inputs: Record<string, Float32Array>,
  shapes: Record<string, number[]>,
  attrs: object,
): Float32Array {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const ts: Record<string, tf.Tensor> = {};
    for (const k of Object.keys(inputs)) ts[k] = tf.tensor(inputs[k]!, shapes[k]);
    const out = tf.engine().runKernel(kernel, ts as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}

/** Shapes and seeded values of x, the filter and dy for a case (skipped when it is no valid convolution). */
function caseTensors(c: Case, depthwise: boolean) {
  const info = forwardInfo(c, depthwise);
  fc.pre(info !== null);
  const { outHeight, outWidth, outChannels } = info!;
  const xShape = [c.batch, c.inH, c.inW, c.inC];
  const fShape = [c.kH, c.kW, c.inC, c.outC];
  const dyShape = [c.batch, outHeight, outWidth, outChannels];
  const size = (shape: number[]) => shape.reduce((a, b) => a * b);
  return {
    xShape,
    fShape,
    dyShape,
    x: randomArray(size(xShape), c.seed),
    filter: randomArray(size(fShape), c.seed + 1),
    dy: randomArray(size(dyShape), c.seed + 2),
  };
}

function checkKernel(kernel: string, depthwise: boolean, c: Case): void {
  const { xShape, fShape, dyShape, x, filter, dy } = caseTensors(c, depthwise);
  const common = {
    strides: c.strides,
    pad: c.pad,
    dimRoundingMode: typeof c.pad === 'number' ? 'floor' : undefined,
    dataFormat: 'NHWC',
  };
  const extra = depthwise ? { dilations: c.dilations } : {};
  const isFilter = kernel.endsWith('Filter');
  const inputs: Record<string, Float32Array> = isFilter ? { x, dy } : { dy, filter };
  const shapes: Record<string, number[]> = isFilter
    ? { x: xShape, dy: dyShape }
    : { dy: dyShape, filter: fShape };
  const attrs = isFilter
    ? { ...common, ...extra, filterShape: fShape }
    : { ...common, ...extra, inputShape: xShape };
  const expected = runOn('cpu', kernel, inputs, shapes, attrs);
  tf.setBackend('wasm');
  const before = tensorCounts(tf);
  const actual = runOn('wasm', kernel, inputs, shapes, attrs);
  expect(tensorCounts(tf)).toEqual(before);
  expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
}

function dot(a: Float32Array, b: Float32Array): { value: number; scale: number } {
  let value = 0;
  let scale = 1e-6;
  for (let i = 0; i < a.length; i++) {
    value += a[i]! * b[i]!;
    scale += Math.abs(a[i]! * b[i]!);
  }
  return { value, scale };
}

function checkAdjoint(depthwise: boolean, c: Case): void {
  const { xShape, fShape, dyShape, x, filter, dy } = caseTensors(c, depthwise);
  const conv = {
    strides: c.strides,
    pad: c.pad,
    dilations: c.dilations,
    dimRoundingMode: typeof c.pad === 'number' ? 'floor' : undefined,
    dataFormat: 'NHWC',
  };
  const forward = depthwise ? 'DepthwiseConv2dNative' : 'Conv2D';
  const y = runOn('cpu', forward, { x, filter }, { x: xShape, filter: fShape }, conv);
  const prefix = depthwise ? 'DepthwiseConv2dNative' : 'Conv2D';
  const dW = runOn(
    'wasm',
    `${prefix}BackpropFilter`,
    { x, dy },
    { x: xShape, dy: dyShape },
    { ...conv, filterShape: fShape },
  );
  const dx = runOn(
    'wasm',
    `${prefix}BackpropInput`,
    { dy, filter },
    { dy: dyShape, filter: fShape },
    { ...conv, inputShape: xShape },
  );
  const reference = dot(dy, y);
  for (const other of [dot(dW, filter), dot(dx, x)]) {
    expect(
      Math.abs(other.value - reference.value) / Math.max(reference.scale, other.scale),
    ).toBeLessThanOrEqual(1e-4);
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const report = await initBackend('wasm');
  expect(report.backend).toBe('wasm');
});

describe('wasm convolution gradient kernels match the cpu backend', () => {
  const runs = { numRuns: 120, seed: 20261125 };
  it('Conv2DBackpropFilter', () => {
    fc.assert(
      fc.property(caseArb(false), (c) => checkKernel('Conv2DBackpropFilter', false, c)),
      runs,
    );
  });
  it('Conv2DBackpropInput', () => {
    fc.assert(
      fc.property(caseArb(false), (c) => checkKernel('Conv2DBackpropInput', false, c)),
      runs,
    );
  });
  it('DepthwiseConv2dNativeBackpropFilter', () => {
    fc.assert(
      fc.property(caseArb(false), (c) => checkKernel('DepthwiseConv2dNativeBackpropFilter', true, c)),
      runs,
    );
  });
  it('DepthwiseConv2dNativeBackpropInput', () => {
    fc.assert(
      fc.property(caseArb(false), (c) => checkKernel('DepthwiseConv2dNativeBackpropInput', true, c)),
      runs,
    );
  });

  // The cpu backend's gradient kernels ignore dilation (tfjs's own gradients refuse dilation > 1),
  // so dilated cases are checked by the adjoint identity of a bilinear map, against cpu's forward
  // convolution: <dy, conv(x, W)> = <dW(x, dy), W> = <dx(dy, W), x>.
  for (const depthwise of [false, true]) {
    const name = depthwise ? 'depthwise' : 'regular';
    it(`${name} gradients with dilation satisfy the adjoint identity`, () => {
      const arb = caseArb(true).map((c) => ({ ...c, strides: [1, 1] as [number, number] }));
      fc.assert(
        fc.property(arb, (c) => checkAdjoint(depthwise, c)),
        { numRuns: 60, seed: 7 },
      );
    });
  }

  it('tf.grad through conv2d and depthwiseConv2d equals the cpu gradient, without leaks', async () => {
    const x0 = randomArray(2 * 9 * 9 * 3, 7);
    const w0 = randomArray(3 * 3 * 3 * 4, 8);
    const d0 = randomArray(3 * 3 * 4 * 2, 9);
    const grads = (backend: string) => {
      tf.setBackend(backend);
      return tf.tidy(() => {
        const x = tf.tensor4d(x0, [2, 9, 9, 3]);
        const w = tf.tensor4d(w0, [3, 3, 3, 4]);
        const d = tf.tensor4d(d0, [3, 3, 4, 2]);
        const f = (xx: tf.Tensor4D, ww: tf.Tensor4D, dd: tf.Tensor4D) =>
          tf.sum(tf.square(tf.depthwiseConv2d(tf.relu(tf.conv2d(xx, ww, 2, 'same')), dd, 1, 'valid')));
        const g = tf.grads((a, b, c) => f(a as tf.Tensor4D, b as tf.Tensor4D, c as tf.Tensor4D))([x, w, d]);
        return g.map((t) => t.dataSync() as Float32Array);
      });
    };
    const expected = grads('cpu');
    tf.setBackend('wasm');
    const actual = await expectNoTensorLeak(tf, () => grads('wasm'));
    for (let i = 0; i < 3; i++) expect(relativeError(actual[i]!, expected[i]!)).toBeLessThanOrEqual(1e-4);
  });
});
