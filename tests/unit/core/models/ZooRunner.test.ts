/**
 * ZooRunner on the wasm backend with the zoo's architectures (random seeded weights): every
 * activation of one forward pass checked against model.predict and against the plain-TS reference
 * maths layer by layer; no tensor growth over 100 forward + Grad-CAM passes; dispose frees
 * everything; weights and errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend, loadTfCore, loadTfLayers } from '../../../../src/core/tensor/initBackend';
import { ZooRunner } from '../../../../src/core/models/ZooRunner';
import { getZooModel } from '../../../../src/core/models/zooCatalog';
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
    '%s: 100 forward + Grad-CAM passes leave no tensor behind',
    async (id) => {
      const runner = await ZooRunner.create(build(id));
      const layer = runner.gradCamLayers()[0]!;
      const input = randomInput(64, 5);
      await expectNoTensorLeak(tf, async () => {
        for (let i = 0; i < 100; i++) {
          input[i] = (i % 7) / 7; // vary the input a little
          await runner.forwardAll(input);
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
