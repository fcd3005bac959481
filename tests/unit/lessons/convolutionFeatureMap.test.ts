/**
 * The live feature map without React: the controller that owns the uploaded image (latest request
 * wins, at most one in flight, stale results dropped, image freed), then the same code on the real
 * wasm backend: results equal the reference convolution and no tensor is left behind.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import { initBackend, loadTfCore } from '../../../src/core/tensor/initBackend';
import { conv2dRef } from '../../../src/core/tensor/reference/conv2dRef';
import type { ConvOptions, Filters, Volume } from '../../../src/core/tensor/reference/types';
import { colourTable } from '../../../src/core/viz/valuesToRgba';
import { drawFeatureMap, renderFeatureMap } from '../../../src/lessons/convolution/featureMapRenderer';
import { kernelPreset } from '../../../src/lessons/convolution/kernelPresets';
import { kernelFilters } from '../../../src/lessons/convolution/kernelString';
import { LiveConvController, type OwnedConvolver } from '../../../src/lessons/convolution/LiveConvController';
import { expectNoTensorLeak } from '../helpers/tensorLeak';

const volume = (h: number, w: number, f: (y: number, x: number) => number): Volume => ({
  height: h,
  width: w,
  channels: 1,
  data: Float32Array.from({ length: h * w }, (_, i) => f(Math.floor(i / w), i % w)),
});
const sobelX = kernelFilters(kernelPreset('sobel-x')!.weights);
const box = kernelFilters(kernelPreset('box')!.weights);
const gauss = kernelFilters(kernelPreset('gaussian')!.weights);
const SAME: ConvOptions = { padding: 'same' };

/** A fake upload whose convolutions resolve when the test says so. */
function fakeUploads() {
  const images: {
    disposed: boolean;
    calls: { filters: Filters; resolve(v: Volume): void; reject(e: Error): void }[];
  }[] = [];
  const upload = (_v: Volume): OwnedConvolver => {
    const img = { disposed: false, calls: [] as (typeof images)[number]['calls'] };
    images.push(img);
    return {
      convolve: (filters) =>
        new Promise<Volume>((resolve, reject) => img.calls.push({ filters, resolve, reject })),
      dispose: () => {
        img.disposed = true;
      },
    };
  };
  return { images, upload };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const result = (value: number): Volume => volume(2, 2, () => value);

describe('LiveConvController (fake backend)', () => {
  it('uploads once, keeps one convolution in flight, and runs only the latest request after it', async () => {
    const { images, upload } = fakeUploads();
    const onResult = vi.fn();
    const onStatus = vi.fn();
    const c = new LiveConvController({ ready: async () => {}, upload, onResult, onError: vi.fn(), onStatus });
    await c.setImage(volume(4, 4, () => 1));
    expect(images).toHaveLength(1);
    c.request(sobelX, SAME);
    c.request(box, SAME);
    c.request(gauss, SAME);
    expect(onStatus).toHaveBeenLastCalledWith('computing');
    const img = images[0]!;
    expect(img.calls.map((x) => x.filters)).toEqual([sobelX]);
    expect(c.running).toBe(true);
    img.calls[0]!.resolve(result(1)); // stale: sobelX was overtaken
    await flush();
    expect(onResult).not.toHaveBeenCalled();
    expect(img.calls.map((x) => x.filters)).toEqual([sobelX, gauss]);
    img.calls[1]!.resolve(result(3));
    await flush();
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]![0].data[0]).toBe(3);
    expect(onResult.mock.calls[0]![1].filters).toBe(gauss);
    expect(onStatus).toHaveBeenLastCalledWith('ready');
    expect(c.running).toBe(false);
    expect(img.calls).toHaveLength(2);
  });

  it('a request made before the image is uploaded runs once it is; a new image frees the old one', async () => {
    const { images, upload } = fakeUploads();
    const onResult = vi.fn();
    let release!: () => void;
    const ready = new Promise<void>((r) => (release = r));
    const c = new LiveConvController({ ready: () => ready, upload, onResult, onError: vi.fn() });
    c.request(box, SAME);
    const pending = c.setImage(volume(3, 3, () => 0));
    expect(images).toHaveLength(0);
    release();
    await pending;
    expect(images[0]!.calls).toHaveLength(1);
    // A new image while the first convolution runs: its result is stale, the old image is freed.
    await c.setImage(volume(3, 3, () => 2));
    expect(images[0]!.disposed).toBe(true);
    images[0]!.calls[0]!.resolve(result(1));
    await flush();
    expect(onResult).not.toHaveBeenCalled();
    expect(images[1]!.calls).toHaveLength(1);
    images[1]!.calls[0]!.resolve(result(2));
    await flush();
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult.mock.calls[0]![0].data[0]).toBe(2);
  });

  it('dispose frees the image and drops results; errors are reported', async () => {
    const { images, upload } = fakeUploads();
    const onResult = vi.fn();
    const onError = vi.fn();
    const c = new LiveConvController({ ready: async () => {}, upload, onResult, onError });
    await c.setImage(volume(3, 3, () => 0));
    c.request(box, SAME);
    images[0]!.calls[0]!.reject(new RangeError('bad kernel'));
    await flush();
    expect(onError).toHaveBeenCalledWith(new RangeError('bad kernel'));
    c.request(sobelX, SAME);
    c.dispose();
    expect(images[0]!.disposed).toBe(true);
    images[0]!.calls[1]!.resolve(result(5));
    await flush();
    expect(onResult).not.toHaveBeenCalled();
    c.request(gauss, SAME);
    expect(images[0]!.calls).toHaveLength(2);
    const failing = new LiveConvController({
      ready: () => Promise.reject(new Error('no backend')),
      upload,
      onResult,
      onError,
    });
    await failing.setImage(volume(3, 3, () => 0));
    expect(onError).toHaveBeenLastCalledWith(new Error('no backend'));
  });
});

describe('drawFeatureMap', () => {
  it('clips the colour scale at a percentile of |v| when asked (nearest rank), else uses the largest |v|', () => {
    // |v| = 0, 1, …, 99 (signs alternating): the 90th percentile by nearest rank is the 90th smallest, 89.
    const map = {
      height: 10,
      width: 10,
      channels: 1,
      data: Float32Array.from({ length: 100 }, (_, i) => (i % 2 ? -i : i)),
    };
    expect(drawFeatureMap(map, null, {}, 90)).toMatchObject({
      range: [-89, 89],
      clipped: true,
      min: -99,
      max: 98,
    });
    expect(drawFeatureMap(map, null)).toMatchObject({ range: [-99, 99], clipped: false });
    // All zeros: the scale falls back to ±1.
    expect(
      drawFeatureMap(
        volume(2, 2, () => 0),
        null,
        {},
        99,
      ),
    ).toMatchObject({ range: [-1, 1], clipped: true });
  });

  it('a symmetric range from the largest |v|, one putImageData with the diverging colours, then min and max', () => {
    const map = volume(2, 3, (y, x) => (y === 0 ? x - 1 : 2 * x));
    const put = vi.fn();
    const image = { width: 3, height: 2, data: new Uint8ClampedArray(24) } as unknown as ImageData;
    const ctx = { createImageData: vi.fn(() => image), putImageData: put };
    const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
    const scratch = {};
    const r = drawFeatureMap(map, canvas, scratch);
    expect([r.min, r.max, r.range, r.drawn]).toEqual([-1, 4, [-4, 4], true]);
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
    expect(put).toHaveBeenCalledTimes(1);
    const px = new Uint32Array(image.data.buffer);
    const table = colourTable('diverging');
    expect(px[5]).toBe(table[255]); // 4 → top of the scale
    expect(px[1]).toBe(table[128]); // 0 → the middle (grey)
    drawFeatureMap(map, canvas, scratch);
    expect(ctx.createImageData).toHaveBeenCalledTimes(1); // reused
    expect(
      drawFeatureMap(
        volume(2, 2, () => 0),
        null,
      ),
    ).toMatchObject({ min: 0, max: 0, range: [-1, 1], drawn: false });
  });
});

describe('on the real wasm backend', () => {
  let tf: typeof tfc;
  beforeAll(async () => {
    await initBackend('wasm');
    tf = await loadTfCore();
  });

  it('renderFeatureMap equals conv2dRef and leaves no tensor behind', async () => {
    const { ConvImage } = await import('../../../src/core/tensor/liveConv');
    const input = volume(40, 36, (y, x) => ((x - 18) ** 2 + (y - 20) ** 2 < 100 ? 0.9 : 0.1) + 0.01 * x);
    await expectNoTensorLeak(tf, async () => {
      const img = new ConvImage(input);
      try {
        for (const f of [sobelX, gauss]) {
          const r = await renderFeatureMap(img, f, SAME, null);
          const ref = conv2dRef(input, f, SAME);
          expect([r.map.height, r.map.width]).toEqual([40, 36]);
          r.map.data.forEach((v, i) => expect(v).toBeCloseTo(ref.data[i]!, 4));
          expect(r.min).toBeCloseTo(Math.min(...ref.data), 4);
          expect(r.max).toBeCloseTo(Math.max(...ref.data), 4);
          expect(r.totalMs).toBeGreaterThanOrEqual(r.convolveMs);
        }
      } finally {
        img.dispose();
      }
    });
  });

  it('the controller on ConvImage: quick edits give the latest kernel’s map; dispose frees the image', async () => {
    const input = volume(32, 32, (y, x) => Math.sin(x / 3) * Math.cos(y / 5));
    await expectNoTensorLeak(tf, async () => {
      const maps: Volume[] = [];
      let done!: () => void;
      const finished = new Promise<void>((r) => (done = r));
      const c = new LiveConvController({
        ready: async () => {},
        onResult: (m, req) => {
          maps.push(m);
          if (req.filters === gauss) done();
        },
        onError: (e) => {
          throw e;
        },
      });
      await c.setImage(input);
      expect(tf.memory().numTensors).toBeGreaterThan(0);
      c.request(sobelX, SAME);
      c.request(box, SAME);
      c.request(gauss, SAME);
      await finished;
      const last = maps.at(-1)!;
      const ref = conv2dRef(input, gauss, SAME);
      last.data.forEach((v, i) => expect(v).toBeCloseTo(ref.data[i]!, 4));
      expect(maps).toHaveLength(1); // sobel x and box were overtaken while sobel x ran
      await c.setImage(volume(8, 8, () => 1));
      c.dispose();
      await c.idle();
    });
  });
});
