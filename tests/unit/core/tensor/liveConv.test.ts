/**
 * ConvImage, the live convolution of the `convolution` lesson: equals the reference, leaks nothing
 * over many kernel edits, frees its image on dispose and refuses to run afterwards.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src/core/tensor/initBackend';
import { ConvImage } from '../../../../src/core/tensor/liveConv';
import {
  conv2dRef,
  type ConvOptions,
  type Filters,
  type Volume,
} from '../../../../src/core/tensor/reference';
import { relativeError } from '../../helpers/relativeError';
import { expectNoTensorLeak, tensorCounts } from '../../helpers/tensorLeak';

beforeAll(async () => {
  await tf.setBackend('cpu');
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

/** A smooth 64×64 "slice" with an edge, values in about [−1, 1]. */
function slice(n: number, channels = 1): Volume {
  const data = new Float32Array(n * n * channels);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      for (let c = 0; c < channels; c++)
        data[(y * n + x) * channels + c] =
          Math.sin(x * 0.21 + c) * Math.cos(y * 0.13) + (x > n / 2 ? 0.5 : -0.5);
  return { height: n, width: n, channels, data };
}

const filters = (kh: number, kw: number, inChannels: number, outChannels: number, seed: number): Filters => ({
  kh,
  kw,
  inChannels,
  outChannels,
  data: Float32Array.from({ length: kh * kw * inChannels * outChannels }, (_, k) => Math.sin(seed + k * 1.7)),
});

const sobelX: Filters = {
  kh: 3,
  kw: 3,
  inChannels: 1,
  outChannels: 1,
  data: Float32Array.from([1, 0, -1, 2, 0, -2, 1, 0, -1]),
};

const cases: [string, Filters, ConvOptions][] = [
  ['Sobel 3×3, same', sobelX, { padding: 'same' }],
  ['5×5, same, reflect', filters(5, 5, 1, 1, 1), { padding: 'same', padMode: 'reflect' }],
  ['3×3, valid, stride 2', filters(3, 3, 1, 1, 2), { stride: 2 }],
  [
    '3×3, dilation 2, explicit padding',
    filters(3, 3, 1, 1, 3),
    { dilation: 2, padding: { top: 2, bottom: 1, left: 0, right: 3 } },
  ],
  ['3×3, stride 2 and dilation 2, same', filters(3, 3, 1, 1, 4), { stride: 2, dilation: 2, padding: 'same' }],
  [
    '3 filters with bias, 1×4 kernel',
    filters(1, 4, 1, 3, 5),
    { bias: Float32Array.from([0.5, -1, 2]), padding: 'same' },
  ],
];

describe.each(['wasm', 'cpu'])('ConvImage on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it.each(cases)('%s equals conv2dRef on a 64×64 image', async (_name, f, opts) => {
    const input = slice(64);
    const image = new ConvImage(input);
    try {
      const ref = conv2dRef(input, f, opts);
      const out = await expectNoTensorLeak(tf, () => image.convolve(f, opts));
      expect({ ...out, data: null }).toEqual({ ...ref, data: null });
      expect(relativeError(out.data, ref.data)).toBeLessThanOrEqual(1e-5);
    } finally {
      image.dispose();
    }
  });

  it('several input channels', async () => {
    const input = slice(32, 3);
    const f = filters(3, 3, 3, 2, 9);
    const image = new ConvImage(input);
    const out = await image.convolve(f, { padding: 'same' });
    image.dispose();
    expect(relativeError(out.data, conv2dRef(input, f, { padding: 'same' }).data)).toBeLessThanOrEqual(1e-5);
  });

  it('no tensor growth over 50 kernel edits; dispose frees the image', async () => {
    const before = tensorCounts(tf);
    const image = new ConvImage(slice(64));
    const withImage = tensorCounts(tf);
    expect(withImage.tensors).toBe(before.tensors + 1);
    for (let edit = 0; edit < 50; edit++) {
      const f = filters(3, 3, 1, 1, edit);
      const opts: ConvOptions =
        edit % 2 ? { padding: 'same', padMode: 'reflect' } : { padding: 'same', bias: Float32Array.of(edit) };
      const out = await image.convolve(f, opts);
      expect(out.data).toHaveLength(64 * 64);
    }
    expect(tensorCounts(tf)).toEqual(withImage);
    expect(image.disposed).toBe(false);
    image.dispose();
    expect(image.disposed).toBe(true);
    expect(tensorCounts(tf)).toEqual(before);
    image.dispose(); // idempotent
    expect(tensorCounts(tf)).toEqual(before);
  });

  it('refuses to convolve after dispose, and rejects bad kernels without leaking', async () => {
    const image = new ConvImage(slice(16));
    await expectNoTensorLeak(tf, async () => {
      await expect(image.convolve(filters(3, 3, 2, 1, 0))).rejects.toThrow(RangeError);
      await expect(image.convolve(sobelX, { stride: 0 })).rejects.toThrow(/stride/);
    });
    image.dispose();
    await expect(image.convolve(sobelX)).rejects.toThrow(/disposed/);
    expect(() => new ConvImage({ height: 2, width: 2, channels: 1, data: new Float32Array(3) })).toThrow(
      RangeError,
    );
  });

  it('concurrent convolutions of one image are independent', async () => {
    const input = slice(32);
    const image = new ConvImage(input);
    const before = tensorCounts(tf);
    const kernels = [sobelX, filters(3, 3, 1, 1, 1), filters(5, 5, 1, 1, 2)];
    const outs = await Promise.all(kernels.map((k) => image.convolve(k, { padding: 'same' })));
    outs.forEach((o, i) =>
      expect(
        relativeError(o.data, conv2dRef(input, kernels[i]!, { padding: 'same' }).data),
      ).toBeLessThanOrEqual(1e-5),
    );
    expect(tensorCounts(tf)).toEqual(before);
    image.dispose();
  });
});
