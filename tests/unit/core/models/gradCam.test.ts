/**
 * Grad-CAM (Selvaraju et al., ICCV 2017) through ZooRunner: a tiny model worked out by hand, a
 * finite-difference check of α on the ResNet zoo model (skip connections) at an inner layer, and
 * the list of layers offered.
 */
import { describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { ZooRunner } from '../../../../src/core/models/ZooRunner';
import { gradCamTensors } from '../../../../src/core/models/gradCam';
import { getZooModel } from '../../../../src/core/models/zooCatalog';
import { mulberry32 } from '../../../../src/core/datasets/discPhantom';
import { expectNoTensorLeak, tensorCounts } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');

function expectClose(actual: Float32Array, expected: readonly number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

/**
 * input 4×4×1 → conv 'conv' 2 filters 3×3 'same' + ReLU → global average pool → dense 'logits' 2
 * → softmax 'probabilities', with these weights:
 *   filter 0: centre tap 1, other taps 0, bias −0.5      → A⁰ = ReLU(X − 0.5)
 *   filter 1: all nine taps 1, bias −1                   → A¹ = ReLU(3×3 box sum of X (zero padded) − 1)
 *   logits W[k][c] = [[2, −1], [−0.5, 1]], bias [0.1, −0.2]
 */
function tinyModel(): tfl.LayersModel {
  const x = layers.input({ shape: [4, 4, 1], name: 'input' });
  const convLayer = layers.layers.conv2d({
    name: 'conv',
    filters: 2,
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
  });
  const a = convLayer.apply(x) as tfl.SymbolicTensor;
  const g = layers.layers.globalAveragePooling2d({ name: 'gap' }).apply(a) as tfl.SymbolicTensor;
  const denseLayer = layers.layers.dense({ name: 'logits', units: 2 });
  const logits = denseLayer.apply(g) as tfl.SymbolicTensor;
  const probs = layers.layers
    .activation({ name: 'probabilities', activation: 'softmax' })
    .apply(logits) as tfl.SymbolicTensor;
  const model = layers.model({ inputs: x, outputs: probs, name: 'tiny' });
  // Kernel [3, 3, 1, 2]: per tap (r, c) the pair [filter 0, filter 1].
  const kernel = Array.from({ length: 9 }, (_, t) => [t === 4 ? 1 : 0, 1]).flat();
  const ws = [
    tf.tensor4d(kernel, [3, 3, 1, 2]),
    tf.tensor1d([-0.5, -1]),
    tf.tensor2d([2, -1, -0.5, 1], [2, 2]),
    tf.tensor1d([0.1, -0.2]),
  ];
  convLayer.setWeights(ws.slice(0, 2));
  denseLayer.setWeights(ws.slice(2));
  tf.dispose(ws);
  return model;
}

// X (4×4):        box sum S (zero padded):     A⁰ = ReLU(X − 0.5):   A¹ = ReLU(S − 1):
//  1 0 0 0          1 1 0 0                      0.5 0 0   0          0 0 0 0
//  0 0 0 0          1 3 2 2                      0   0 0   0          0 2 1 1
//  0 0 2 0          0 2 3 3                      0   0 1.5 0          0 1 2 2
//  0 0 0 1          0 2 3 3                      0   0 0   0.5        0 1 2 2
// e.g. S(1,1) = X(0,0) + X(2,2) = 3; S(2,3) = X(2,2) + X(3,3) = 3; S(2,0) = 0 (no non-zero within 1).
// GAP: g⁰ = (0.5 + 1.5 + 0.5)/16 = 0.15625, g¹ = (4 + 5 + 5)/16 = 0.875.
// logit 0 = 2·0.15625 − 0.5·0.875 + 0.1 = −0.025;  logit 1 = −0.15625 + 0.875 − 0.2 = 0.51875.
// ∂y_c/∂A^k_ij = W[k][c]/16 at every position (GAP), so α_k = W[k][c]/16:
//   class 1: α = [−1/16, 1/16] = [−0.0625, 0.0625]; map = ReLU(0.0625·(A¹ − A⁰)):
//      A¹ − A⁰ = −0.5 0 0 0 / 0 2 1 1 / 0 1 0.5 2 / 0 1 2 1.5
//      map     =  0     0      0       0
//                 0     0.125  0.0625  0.0625
//                 0     0.0625 0.03125 0.125
//                 0     0.0625 0.125   0.09375
//   class 0: α = [2/16, −0.5/16] = [0.125, −0.03125]; map = ReLU(0.125·A⁰ − 0.03125·A¹):
//      (0,0) = 0.0625; (2,2) = 0.1875 − 0.0625 = 0.125; (3,3) = 0.0625 − 0.0625 = 0; every other cell ≤ 0 → 0.
const X = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];
const A0 = [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 0.5];
const A1 = [0, 0, 0, 0, 0, 2, 1, 1, 0, 1, 2, 2, 0, 1, 2, 2];

/**
 * The same convolution, then flatten → dense 'logits' (as TinyVGG and LeNet end). Flattened HWC
 * feature f = 2·i + k (position i, channel k). Class 1's weights: +1 on channel 1 at the four
 * centre positions (5, 6, 9, 10), −0.25 on every other feature; class 0's all 0; biases 0.
 */
function flattenModel(): tfl.LayersModel {
  const x = layers.input({ shape: [4, 4, 1], name: 'input' });
  const convLayer = layers.layers.conv2d({
    name: 'conv',
    filters: 2,
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
  });
  const a = convLayer.apply(x) as tfl.SymbolicTensor;
  const f = layers.layers.flatten({ name: 'flatten' }).apply(a) as tfl.SymbolicTensor;
  const denseLayer = layers.layers.dense({ name: 'logits', units: 2 });
  const logits = denseLayer.apply(f) as tfl.SymbolicTensor;
  const probs = layers.layers.activation({ name: 'probabilities', activation: 'softmax' }).apply(logits);
  const model = layers.model({ inputs: x, outputs: probs as tfl.SymbolicTensor, name: 'flat' });
  const kernel = Array.from({ length: 9 }, (_, t) => [t === 4 ? 1 : 0, 1]).flat();
  const w = new Float32Array(32 * 2);
  for (let i = 0; i < 16; i++)
    for (let k = 0; k < 2; k++) w[(2 * i + k) * 2 + 1] = k === 1 && [5, 6, 9, 10].includes(i) ? 1 : -0.25;
  const ws = [
    tf.tensor4d(kernel, [3, 3, 1, 2]),
    tf.tensor1d([-0.5, -1]),
    tf.tensor2d(w, [32, 2]),
    tf.zeros([2]),
  ];
  convLayer.setWeights(ws.slice(0, 2));
  denseLayer.setWeights(ws.slice(2));
  tf.dispose(ws);
  return model;
}

describe('Grad-CAM', () => {
  it('matches the hand-worked tiny model: α_k = w_kc / 16 and map = ReLU(Σ α_k A^k)', async () => {
    const before = tensorCounts(tf);
    const runner = await ZooRunner.create(tinyModel());
    const input = Float32Array.from(X);
    expect(runner.gradCamLayers()).toEqual(['conv']);

    const r = await runner.forwardAll(input);
    const conv = r.outputs.find((o) => o.name === 'conv')!;
    // HWC: channel 0 then 1 at each position.
    expectClose(
      conv.values,
      A0.flatMap((a, i) => [a, A1[i]!]),
    );
    expectClose(r.outputs.find((o) => o.name === 'logits')!.values, [-0.025, 0.51875]);

    const c1 = await expectNoTensorLeak(tf, () => runner.gradCam(input, 1, 'conv'));
    expect([c1.rows, c1.columns, c1.layer, c1.classIndex]).toEqual([4, 4, 'conv', 1]);
    expect(c1.score).toBeCloseTo(0.51875, 6);
    expectClose(c1.channelWeights, [-0.0625, 0.0625]);
    expectClose(
      c1.map,
      [0, 0, 0, 0, 0, 0.125, 0.0625, 0.0625, 0, 0.0625, 0.03125, 0.125, 0, 0.0625, 0.125, 0.09375],
    );

    const c0 = await runner.gradCam(input, 0, 'conv');
    expect(c0.score).toBeCloseTo(-0.025, 6);
    expectClose(c0.channelWeights, [0.125, -0.03125]);
    expectClose(c0.map, [0.0625, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.125, 0, 0, 0, 0, 0]);
    runner.dispose();
    expect(tensorCounts(tf)).toEqual(before);
  });

  it('HiResCAM keeps each position’s gradient: on a flatten-dense head it is each position’s share of the logit', async () => {
    const model = flattenModel();
    const before = tensorCounts(tf);
    const run = (method: 'grad-cam' | 'hires-cam') =>
      tf.tidy(() => {
        const t = gradCamTensors(tf, model, tf.tensor4d(X, [1, 4, 4, 1]), 'conv', 1, method);
        return [Float32Array.from(t.map.dataSync()), t.score.dataSync()[0]!] as const;
      });
    // HiResCAM_i = ReLU(Σ_k w_{k,i} A^k_i): centre 5: A¹ 2 → 2; 6: 1; 9: 1; 10: 2 − 0.25·1.5 = 1.625;
    // elsewhere −0.25·(A⁰ + A¹) ≤ 0 → 0. Unclipped, the shares add up to the logit: 5.625 − 0.25·(1 + 8) = 3.375.
    const [hires, score] = run('hires-cam');
    expect(score).toBeCloseTo(3.375, 5);
    expectClose(hires, [0, 0, 0, 0, 0, 2, 1, 0, 0, 1, 1.625, 0, 0, 0, 0, 0]);
    // Grad-CAM averages the gradients: α⁰ = −0.25, α¹ = (4 − 12·0.25)/16 = 0.0625; ReLU(−0.25·A⁰ + 0.0625·A¹)
    // misses position 10, where the strongest evidence sits (2·0.0625 − 0.25·1.5 < 0).
    const [grad] = run('grad-cam');
    expectClose(grad, [0, 0, 0, 0, 0, 0.125, 0.0625, 0.0625, 0, 0.0625, 0, 0.125, 0, 0.0625, 0.125, 0]);
    expect(tensorCounts(tf)).toEqual(before);
    model.dispose();
  });

  it('gives α equal to finite differences on ResNet at a layer inside block 2 (projection skip constant)', async () => {
    const model = getZooModel('resnet')!.build(layers, 4);
    const runner = await ZooRunner.create(model);
    const rand = mulberry32(11);
    const input = Float32Array.from({ length: 64 * 64 }, () => rand());
    const layer = 'block_2_conv_1'; // 16×16×32; the skip block_2_project(block_1_relu) does not depend on it
    const classIndex = 1;
    const cam = await runner.gradCam(input, classIndex, layer);
    const fwd = await runner.forwardAll(input);
    const a = fwd.outputs.find((o) => o.name === layer)!;
    const skip = fwd.outputs.find((o) => o.name === 'block_2_project')!;
    expect(a.shape).toEqual([16, 16, 32]);
    expect([cam.rows, cam.columns]).toEqual([16, 16]);
    expect(cam.score).toBeCloseTo(fwd.outputs.find((o) => o.name === 'logits')!.values[classIndex]!, 5);

    // The rest of the network as a separate tfjs model over the same layers: logits(A, skip).
    const aIn = layers.input({ shape: [16, 16, 32] });
    const sIn = layers.input({ shape: [16, 16, 32] });
    const L = (name: string, x: tfl.SymbolicTensor | tfl.SymbolicTensor[]) =>
      model.getLayer(name).apply(x) as tfl.SymbolicTensor;
    const b2 = L('block_2_relu', L('block_2_add', [L('block_2_conv_2', aIn), sIn]));
    const b3 = L('block_3_relu', L('block_3_add', [L('block_3_conv_2', L('block_3_conv_1', b2)), b2]));
    const tail = layers.model({ inputs: [aIn, sIn], outputs: L('logits', L('global_avg_pool', b3)) });

    // Shifting the whole channel k by ±ε changes y_c by ±ε Σ_ij ∂y_c/∂A^k_ij = ±ε Z α_k.
    const K = 32;
    const Z = 16 * 16;
    // Central differences; the error falls with ε (ReLU kinks crossed: 2.6 % of max |α| at ε = 1e-2,
    // 0.25 % at 1e-3, 0.11 % at 1e-4 where float32 rounding takes over), so ε = 1e-3 within 1 %.
    const eps = 1e-3;
    const batch = new Float32Array(2 * K * a.values.length);
    for (let k = 0; k < K; k++)
      for (const [s, sign] of [
        [0, 1],
        [1, -1],
      ] as const) {
        const off = (2 * k + s) * a.values.length;
        batch.set(a.values, off);
        for (let p = 0; p < Z; p++) batch[off + p * K + k]! += sign * eps;
      }
    const y = tf.tidy(() => {
      const out = tail.predict([
        tf.tensor4d(batch, [2 * K, 16, 16, 32]),
        tf.tile(tf.tensor4d(skip.values, [1, 16, 16, 32]), [2 * K, 1, 1, 1]),
      ]) as tfc.Tensor;
      return out.dataSync();
    });
    const fd = Array.from(
      { length: K },
      (_, k) => (y[4 * k + classIndex]! - y[4 * k + 2 + classIndex]!) / (2 * eps * Z),
    );
    const scale = Math.max(...fd.map(Math.abs));
    expect(scale).toBeGreaterThan(1e-4); // a meaningful gradient
    fd.forEach((v, k) => expect(Math.abs(cam.channelWeights[k]! - v)).toBeLessThan(1e-2 * scale));
    // And the map is ReLU(Σ α_k A^k) of the layer's activation.
    const map = Array.from({ length: Z }, (_, p) => {
      let s = 0;
      for (let k = 0; k < K; k++) s += cam.channelWeights[k]! * a.values[p * K + k]!;
      return Math.max(0, s);
    });
    expectClose(cam.map, map, 5);
    tail.dispose();
    runner.dispose();
  });

  it('lists the spatial layers that feed the logits, last first', async () => {
    const vgg = await ZooRunner.create(getZooModel('tiny-vgg')!.build(layers, 1));
    expect(vgg.gradCamLayers()).toEqual([
      'max_pool_2',
      'conv_2_2',
      'conv_2_1',
      'max_pool_1',
      'conv_1_2',
      'conv_1_1',
    ]);
    vgg.dispose();
    const res = await ZooRunner.create(getZooModel('resnet')!.build(layers, 1));
    const names = res.gradCamLayers();
    expect(names[0]).toBe('block_3_relu');
    expect(names).toContain('block_1_project');
    expect(names).toContain('block_2_add');
    expect(names).not.toContain('global_avg_pool');
    expect(names.at(-1)).toBe('conv_stem');
    res.dispose();
    const mob = await ZooRunner.create(getZooModel('mobilenet')!.build(layers, 1));
    expect(mob.gradCamLayers().slice(0, 2)).toEqual(['pw_3', 'dw_3']);
    mob.dispose();
  });
});
