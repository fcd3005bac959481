/**
 * ZooRunner on the wasm backend with the zoo's architectures (random seeded weights): every
 * activation of one forward pass checked against model.predict and against the plain-TS reference
 * maths layer by layer; no tensor growth over 100 forward + Grad-CAM passes; dispose frees
 * everything; weights and errors. Recycled outputs (ForwardBuffers): the wasm heap copy against
 * data() for every zoo model, the validity contract, heap growth, the cpu fallback.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend, loadTfCore, loadTfLayers } from '../../../../src/core/tensor/initBackend';
import { ZooRunner } from '../../../../src/core/models/ZooRunner';
import { copyFromWasmHeap, ForwardBuffers } from '../../../../src/core/models/forwardBuffers';
import { getZooModel, ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import type { ForwardResult, LayerOutput, ZooModelId } from '../../../../src/core/models/zooTypes';
import { conv2dRef, pool2dRef, type Volume } from '../../../../src/core/tensor/reference';
import { mulberry32 } from '../../../../src/core/datasets/discPhantom';
import { expectNoTensorLeak, tensorCounts } from '../../helpers/tensorLeak';
import { relativeError } from '../../helpers/relativeError';

let tf: typeof tfc;
let layers: typeof tfl;

beforeAll(async () => {
  tf = await loadTfCore();
  layers = await loadTfLayers();
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

const build = (id: ZooModelId, seed = 1) => getZooModel(id)!.build(layers, seed);

function randomInput(size: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: size * size }, () => rand());
}

function out(r: ForwardResult, name: string): LayerOutput {
  const o = r.outputs.find((x) => x.name === name);
  if (!o) throw new Error(`no output ${name}`);
  return o;
}

const volume = (o: LayerOutput): Volume => ({
  height: o.shape[0]!,
  width: o.shape[1]!,
  channels: o.shape[2]!,
  data: o.values,
});

const relu = (a: Float32Array) => a.map((v) => Math.max(0, v));

/** Conv layer recomputed with the reference maths from its input's activation and its weights. */
function refConv(
  runner: ZooRunner,
  r: ForwardResult,
  from: string,
  layer: string,
  stride: number,
  act: 'relu' | 'linear',
) {
  const w = runner.layerWeights(layer);
  const [kh, kw, inChannels, outChannels] = w.kernelShape as [number, number, number, number];
  const y = conv2dRef(
    volume(out(r, from)),
    { kh, kw, inChannels, outChannels, data: w.kernel! },
    { stride, padding: 'same', bias: w.bias! },
  );
  return act === 'relu' ? relu(y.data) : y.data;
}

describe('ZooRunner.forwardAll', () => {
  it('returns every layer of ResNet in graph order, equal to predict and to the reference maths', async () => {
    const model = build('resnet', 3);
    const runner = await ZooRunner.create(model);
    const input = randomInput(64, 1);
    const r = await expectNoTensorLeak(tf, () => runner.forwardAll(input));
    expect(r.outputs.map((o) => o.name)).toEqual(runner.graph.layers.map((l) => l.name));
    r.outputs.forEach((o, i) => expect(o.shape).toEqual(runner.graph.layers[i]!.outputShape));
    expect(r.outputs[0]!.values).toEqual(input);
    expect(r.prediction).toBe(r.outputs[r.outputs.length - 1]);

    const predicted = tf.tidy(() =>
      (model.predict(tf.tensor4d(input, [1, 64, 64, 1])) as tfc.Tensor).dataSync(),
    );
    expect(relativeError(r.prediction.values, predicted)).toBeLessThan(1e-6);
    expect(relativeError(await runner.predict(input), predicted)).toBeLessThan(1e-6);

    // Layer by layer with the plain-TS reference: stem, a strided conv, the projection skip, the sum.
    expect(
      relativeError(out(r, 'conv_stem').values, refConv(runner, r, 'input', 'conv_stem', 1, 'relu')),
    ).toBeLessThan(1e-5);
    expect(
      relativeError(
        out(r, 'block_1_conv_1').values,
        refConv(runner, r, 'conv_stem', 'block_1_conv_1', 2, 'relu'),
      ),
    ).toBeLessThan(1e-5);
    expect(
      relativeError(
        out(r, 'block_2_project').values,
        refConv(runner, r, 'block_1_relu', 'block_2_project', 2, 'linear'),
      ),
    ).toBeLessThan(1e-5);
    const f2 = out(r, 'block_1_conv_2').values;
    const skip = out(r, 'block_1_project').values;
    const sum = f2.map((v, i) => v + skip[i]!);
    expect(relativeError(out(r, 'block_1_add').values, sum)).toBeLessThan(1e-6);
    expect(relativeError(out(r, 'block_1_relu').values, relu(sum))).toBeLessThan(1e-6);
    // block_3 has an identity skip: add = conv_2 + block_2_relu.
    const b3 = out(r, 'block_3_conv_2').values.map((v, i) => v + out(r, 'block_2_relu').values[i]!);
    expect(relativeError(out(r, 'block_3_add').values, b3)).toBeLessThan(1e-6);
    // Global average pooling, logits (dense) and softmax.
    const last = volume(out(r, 'block_3_relu'));
    const gap = Array.from({ length: last.channels }, (_, c) => {
      let s = 0;
      for (let p = 0; p < last.height * last.width; p++) s += last.data[p * last.channels + c]!;
      return s / (last.height * last.width);
    });
    expect(relativeError(out(r, 'global_avg_pool').values, gap)).toBeLessThan(1e-5);
    const w = runner.layerWeights('logits');
    expect(w.kernelShape).toEqual([32, 2]);
    const logits = [0, 1].map((c) => gap.reduce((s, g, k) => s + g * w.kernel![k * 2 + c]!, w.bias![c]!));
    expect(relativeError(out(r, 'logits').values, logits)).toBeLessThan(1e-5);
    const e = logits.map((v) => Math.exp(v - Math.max(...logits)));
    expect(
      relativeError(
        r.prediction.values,
        e.map((v) => v / (e[0]! + e[1]!)),
      ),
    ).toBeLessThan(1e-5);
    runner.dispose();
  });

  it('matches the reference maths for pooling, depthwise and transposed convolutions, and concatenation', async () => {
    const input = randomInput(64, 2);
    // TinyVGG: max pooling, flatten.
    const vgg = await ZooRunner.create(build('tiny-vgg'));
    const rv = await vgg.forwardAll(input);
    const pooled = pool2dRef(volume(out(rv, 'conv_1_2')), { kind: 'max', size: 2 });
    expect(out(rv, 'max_pool_1').shape).toEqual([30, 30, 10]);
    expect(relativeError(out(rv, 'max_pool_1').values, pooled.data)).toBe(0);
    expect(out(rv, 'flatten').shape).toEqual([13 * 13 * 10]);
    expect(out(rv, 'flatten').values).toEqual(out(rv, 'max_pool_2').values);
    vgg.dispose();

    // MLP: flatten of the input itself, then a dense ReLU layer.
    const mlp = await ZooRunner.create(build('mlp'));
    const rp = await mlp.forwardAll(input);
    expect(rp.outputs.map((o) => o.name)).toEqual(['input', 'flatten', 'hidden', 'logits', 'probabilities']);
    expect(out(rp, 'flatten').shape).toEqual([4096]);
    expect(out(rp, 'flatten').values).toEqual(input);
    const h = mlp.layerWeights('hidden');
    const hidden = Array.from({ length: 64 }, (_, u) => {
      let sum = h.bias![u]!;
      for (let i = 0; i < 4096; i++) sum += input[i]! * h.kernel![i * 64 + u]!;
      return Math.max(0, sum);
    });
    expect(relativeError(out(rp, 'hidden').values, hidden)).toBeLessThan(1e-5);
    mlp.dispose();

    // MobileNet: depthwise 3×3 'same' + ReLU, weights [3, 3, C, 1].
    const mob = await ZooRunner.create(build('mobilenet'));
    const rm = await mob.forwardAll(input);
    const x = volume(out(rm, 'conv_stem'));
    const dw = mob.layerWeights('dw_1');
    expect(dw.kernelShape).toEqual([3, 3, 16, 1]);
    const expected = new Float32Array(x.height * x.width * x.channels);
    for (let y = 0; y < x.height; y++)
      for (let xx = 0; xx < x.width; xx++)
        for (let c = 0; c < x.channels; c++) {
          let s = dw.bias![c]!;
          for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++) {
              const sy = y + i - 1;
              const sx = xx + j - 1;
              if (sy < 0 || sx < 0 || sy >= x.height || sx >= x.width) continue;
              s += x.data[(sy * x.width + sx) * x.channels + c]! * dw.kernel![(i * 3 + j) * x.channels + c]!;
            }
          expected[(y * x.width + xx) * x.channels + c] = Math.max(0, s);
        }
    expect(relativeError(out(rm, 'dw_1').values, expected)).toBeLessThan(1e-5);
    mob.dispose();

    // U-Net: 2×2 stride-2 transposed conv (weights [kh, kw, out, in]) + ReLU, then concatenation.
    const unet = await ZooRunner.create(build('unet'));
    const ru = await unet.forwardAll(input);
    const m = volume(out(ru, 'bottleneck_conv_2'));
    const up = unet.layerWeights('up_2');
    const [kh, kw, outC, inC] = up.kernelShape as [number, number, number, number];
    expect([kh, kw, outC, inC]).toEqual([2, 2, 16, 32]);
    const upRef = new Float32Array(m.height * 2 * m.width * 2 * outC);
    for (let y = 0; y < m.height; y++)
      for (let xx = 0; xx < m.width; xx++)
        for (let i = 0; i < 2; i++)
          for (let j = 0; j < 2; j++)
            for (let o = 0; o < outC; o++) {
              let s = up.bias![o]!;
              for (let c = 0; c < inC; c++)
                s += m.data[(y * m.width + xx) * inC + c]! * up.kernel![((i * 2 + j) * outC + o) * inC + c]!;
              upRef[((2 * y + i) * m.width * 2 + 2 * xx + j) * outC + o] = Math.max(0, s);
            }
    expect(relativeError(out(ru, 'up_2').values, upRef)).toBeLessThan(1e-5);
    const a = out(ru, 'up_2').values;
    const b = out(ru, 'enc_2_conv_2').values;
    const cat = new Float32Array(a.length + b.length);
    for (let p = 0; p < a.length / 16; p++) {
      cat.set(a.subarray(p * 16, p * 16 + 16), p * 32);
      cat.set(b.subarray(p * 16, p * 16 + 16), p * 32 + 16);
    }
    expect(out(ru, 'concat_2').values).toEqual(cat);
    expect(ru.prediction.name).toBe('mask');
    expect(ru.prediction.shape).toEqual([64, 64, 1]);
    unet.dispose();
  });
});

describe('ZooRunner memory', () => {
  it.each<ZooModelId>(['mobilenet', 'resnet'])(
    '%s: 100 forward (fresh and recycled) + Grad-CAM passes leave no tensor behind',
    async (id) => {
      const runner = await ZooRunner.create(build(id));
      const layer = runner.gradCamLayers()[0]!;
      const input = randomInput(64, 5);
      const buffers = new ForwardBuffers();
      await expectNoTensorLeak(tf, async () => {
        for (let i = 0; i < 100; i++) {
          input[i] = (i % 7) / 7; // vary the input a little
          await runner.forwardAll(input, i % 2 ? buffers : undefined);
          await runner.gradCam(input, i % 2, layer);
        }
      });
      runner.dispose();
    },
    300_000,
  );

  it('dispose frees the model and everything the runner made; later calls throw', async () => {
    const before = tensorCounts(tf);
    const runner = await ZooRunner.create(build('resnet'));
    expect(tensorCounts(tf).tensors).toBeGreaterThan(before.tensors); // the weights
    const input = randomInput(64, 6);
    await runner.forwardAll(input);
    await runner.predict(input);
    await runner.gradCam(input, 1, 'block_2_add');
    runner.layerWeights('conv_stem');
    runner.dispose();
    expect(tensorCounts(tf)).toEqual(before);
    runner.dispose(); // a second dispose does nothing
    await expect(runner.forwardAll(input)).rejects.toThrow(/disposed/);
    await expect(runner.predict(input)).rejects.toThrow(/disposed/);
    await expect(runner.gradCam(input, 0, 'block_3_relu')).rejects.toThrow(/disposed/);
    expect(() => runner.layerWeights('conv_stem')).toThrow(/disposed/);
    expect(tensorCounts(tf)).toEqual(before);
  });
});

describe('ZooRunner.layerWeights and errors', () => {
  it('returns kernel and bias as plain arrays, cached; nulls for layers without weights', async () => {
    const model = build('lenet5');
    const runner = await ZooRunner.create(model);
    const w = runner.layerWeights('conv_1');
    expect(w.kernelShape).toEqual([5, 5, 1, 6]);
    const [k, b] = model.getLayer('conv_1').getWeights();
    expect(w.kernel).toEqual(k!.dataSync());
    expect(w.bias).toEqual(b!.dataSync());
    expect(runner.layerWeights('conv_1')).toBe(w);
    expect(runner.layerWeights('dense_1').kernelShape).toEqual([13 * 13 * 16, 120]);
    expect(runner.layerWeights('avg_pool_1')).toEqual({ kernel: null, kernelShape: [], bias: null });
    expect(() => runner.layerWeights('nope')).toThrow(/no layer called 'nope'/);
    runner.dispose();
  });

  it('rejects wrong inputs, non-classifiers, unknown classes and layers without maps', async () => {
    const unet = await ZooRunner.create(build('unet'));
    const input = randomInput(64, 7);
    expect(unet.gradCamLayers()).toEqual([]);
    await expect(unet.gradCam(input, 0, 'enc_1_conv_1')).rejects.toThrow(/not a classifier/);
    await expect(unet.forwardAll(new Float32Array(10))).rejects.toThrow(/64 × 64/);
    unet.dispose();

    const vgg = await ZooRunner.create(build('tiny-vgg'));
    await expectNoTensorLeak(tf, async () => {
      await expect(vgg.gradCam(input, 0, 'flatten')).rejects.toThrow(/no spatial output/);
      await expect(vgg.gradCam(input, 0, 'logits')).rejects.toThrow(/no spatial output/);
      await expect(vgg.gradCam(input, 2, 'conv_2_2')).rejects.toThrow(/Class 2 does not exist/);
      await expect(vgg.gradCam(input, 0, 'nope')).rejects.toThrow(/no layer called 'nope'/);
    });
    vgg.dispose();

    // The MLP is a classifier without any map: nothing to choose.
    const mlp = await ZooRunner.create(build('mlp'));
    expect(mlp.gradCamLayers()).toEqual([]);
    await expect(mlp.gradCam(input, 0, 'hidden')).rejects.toThrow(/no spatial output/);
    mlp.dispose();
  });
});

describe('ZooRunner.forwardAll with ForwardBuffers', () => {
  const valuesOf = (r: ForwardResult) => r.outputs.map((o) => o.values);
  const asWasm = () => tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } };

  it.each(ZOO_MODELS.map((m) => m.id))(
    '%s: copyFromWasmHeap equals data() for every layer; forwardAll with buffers equals the fresh arrays, without data()',
    async (id) => {
      const model = build(id, 4);
      const input = randomInput(64, 8);
      await expectNoTensorLeak(tf, async () => {
        const every = layers.model({
          inputs: model.inputs,
          outputs: model.layers.slice(1).map((l) => l.output as tfl.SymbolicTensor),
        });
        const x = tf.tensor4d(input, [1, 64, 64, 1]);
        const ys = every.predict(x) as tfc.Tensor[];
        for (const y of ys) {
          const target = new Float32Array(y.size).fill(NaN);
          expect(copyFromWasmHeap(tf, y, target)).toBe(true);
          expect(target).toEqual(await y.data());
        }
        tf.dispose([x, ...ys]);
      });
      const runner = await ZooRunner.create(model);
      const fresh = await runner.forwardAll(input);
      const data = vi.spyOn(tf.Tensor.prototype, 'data');
      const buffers = new ForwardBuffers();
      const recycled = await expectNoTensorLeak(tf, () => runner.forwardAll(input, buffers));
      expect(data).not.toHaveBeenCalled(); // every activation came straight from the heap
      data.mockRestore();
      expect(recycled.outputs.map((o) => [o.name, o.shape])).toEqual(
        fresh.outputs.map((o) => [o.name, o.shape]),
      );
      expect(valuesOf(recycled)).toEqual(valuesOf(fresh));
      runner.dispose();
    },
  );

  it('keeps a result for depth calls, then recycles its arrays (never the input copy); concurrent calls; other models', async () => {
    const vgg = await ZooRunner.create(build('tiny-vgg'));
    const inputs = [1, 2, 3].map((seed) => randomInput(64, 20 + seed));
    const fresh = await Promise.all(inputs.map((i) => vgg.forwardAll(i)));
    const buffers = new ForwardBuffers(2);
    await expectNoTensorLeak(tf, async () => {
      const r1 = await vgg.forwardAll(inputs[0]!, buffers);
      const r2 = await vgg.forwardAll(inputs[1]!, buffers);
      expect(valuesOf(r1)).toEqual(valuesOf(fresh[0]!));
      const r3 = await vgg.forwardAll(inputs[2]!, buffers);
      expect(valuesOf(r2)).toEqual(valuesOf(fresh[1]!)); // the previous result is intact
      expect(valuesOf(r3)).toEqual(valuesOf(fresh[2]!));
      // Call 3 reused call 1's arrays (so r1 now shows r3's values) but not its input copy.
      r3.outputs.slice(1).forEach((o, i) => expect(o.values).toBe(r1.outputs[i + 1]!.values));
      expect(r1.outputs[1]!.values).toEqual(fresh[2]!.outputs[1]!.values);
      expect(r3.outputs[0]!.values).not.toBe(r1.outputs[0]!.values);
      expect(r1.outputs[0]!.values).toEqual(inputs[0]);
      expect(r3).not.toBe(r1);
      expect(r3.outputs[1]).not.toBe(r1.outputs[1]);
      expect(out(r3, 'flatten').values).toBe(out(r3, 'max_pool_2').values);
      // Two calls in flight together claim different sets.
      const [p, q] = await Promise.all([
        vgg.forwardAll(inputs[0]!, buffers),
        vgg.forwardAll(inputs[1]!, buffers),
      ]);
      expect(valuesOf(p)).toEqual(valuesOf(fresh[0]!));
      expect(valuesOf(q)).toEqual(valuesOf(fresh[1]!));
    });
    const bytes = fresh[0]!.outputs
      .slice(1)
      .reduce((n, o) => n + (o.name === 'flatten' ? 0 : o.values.byteLength), 0);
    expect(buffers.byteLength).toBe(2 * bytes);
    vgg.dispose();

    // The same buffers for another model: arrays of other sizes replace the old ones.
    const unet = await ZooRunner.create(build('unet'));
    const r = await unet.forwardAll(inputs[0]!, buffers);
    expect(valuesOf(r)).toEqual(valuesOf(await unet.forwardAll(inputs[0]!)));
    unet.dispose();
    expect(() => new ForwardBuffers(0)).toThrow(RangeError);
    expect(() => new ForwardBuffers(1.5)).toThrow(RangeError);
  });

  it('copyFromWasmHeap reads the heap as it is after growth and refuses what it cannot copy', async () => {
    const before = tensorCounts(tf);
    const t = tf.tensor1d(Float32Array.from({ length: 1000 }, (_, i) => i / 7));
    const heap = asWasm().wasm.HEAPU8.buffer;
    // Larger than the whole heap: the wasm memory must grow, replacing HEAPU8's buffer.
    const big = tf.zeros([heap.byteLength / 4 + 1024]);
    expect(asWasm().wasm.HEAPU8.buffer).not.toBe(heap);
    const target = new Float32Array(1000);
    expect(copyFromWasmHeap(tf, t, target)).toBe(true);
    expect(target).toEqual(await t.data());
    const ints = tf.tensor1d([1, 2, 3], 'int32');
    expect(copyFromWasmHeap(tf, ints, new Float32Array(3))).toBe(false);
    expect(copyFromWasmHeap(tf, t, new Float32Array(999))).toBe(false);
    tf.dispose([big, ints, t]);
    expect(copyFromWasmHeap(tf, t, target)).toBe(false);
    expect(tensorCounts(tf)).toEqual(before);
  });

  it('falls back to data() on the cpu backend, and for a tensor still held by another backend', async () => {
    expect((await initBackend('cpu')).backend).toBe('cpu');
    let onCpu: tfc.Tensor | undefined;
    try {
      const before = tensorCounts(tf);
      const runner = await ZooRunner.create(build('lenet5', 2));
      const input = randomInput(64, 9);
      const fresh = await runner.forwardAll(input);
      const data = vi.spyOn(tf.Tensor.prototype, 'data');
      const recycled = await runner.forwardAll(input, new ForwardBuffers());
      expect(data).toHaveBeenCalledTimes(runner.graph.layers.length - 2); // not the input, not flatten
      data.mockRestore();
      expect(valuesOf(recycled)).toEqual(valuesOf(fresh));
      runner.dispose();
      expect(tensorCounts(tf)).toEqual(before);
      onCpu = tf.tensor1d([0.5, 1.5, 2.5]);
      expect(copyFromWasmHeap(tf, onCpu, new Float32Array(3))).toBe(false);
    } finally {
      expect((await initBackend('wasm')).backend).toBe('wasm');
    }
    // Created on cpu, not yet moved to wasm: no copy (and no move), data() still works.
    expect(copyFromWasmHeap(tf, onCpu!, new Float32Array(3))).toBe(false);
    expect(await onCpu!.data()).toEqual(new Float32Array([0.5, 1.5, 2.5]));
    onCpu!.dispose();
  });
});
