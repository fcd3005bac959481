/** TinyVGG trains on the wasm backend in Node with our gradient kernels, and leaks nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend, loadTfCore, loadTfLayers } from '../../../../src/core/tensor/initBackend';
import { createTinyVgg } from '../../../../src/core/models/tinyVgg';
import { makeDiscBatch } from '../../../../src/core/datasets/discPhantom';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

let tf: typeof tfc;
let layers: typeof tfl;

beforeAll(async () => {
  tf = await loadTfCore();
  layers = await loadTfLayers();
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

function batchTensors(batch: number, seed: number) {
  const d = makeDiscBatch(batch, 64, seed);
  return {
    x: tf.tensor4d(d.images, [batch, 64, 64, 1]),
    y: tf.tensor2d(d.oneHot, [batch, 2]),
    labels: d.labels,
  };
}

describe('TinyVGG on wasm', () => {
  it('has the 6,212 parameters of CNN Explainer’s TinyVGG (64×64×1, 2 classes)', () => {
    const model = createTinyVgg(layers);
    expect(model.countParams()).toBe(100 + 3 * 910 + 13 * 13 * 10 * 2 + 2);
    expect(model.countParams()).toBe(6212);
    model.dispose();
  });

  it('learns the disc task with Adam (batch 32) and holds no tensor growth over training steps', async () => {
    const model = createTinyVgg(layers, { seed: 3 });
    model.compile({
      optimizer: tf.train.adam(0.003),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });
    const losses: number[] = [];
    const step = async (seed: number) => {
      const { x, y } = batchTensors(32, seed);
      try {
        const [loss] = (await model.trainOnBatch(x, y)) as number[];
        losses.push(loss!);
      } finally {
        tf.dispose([x, y]);
      }
    };
    await step(1); // creates the optimizer's slot variables
    await expectNoTensorLeak(tf, async () => {
      for (let i = 2; i <= 60; i++) await step(i);
    });
    const early = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
    const late = losses.slice(-5).reduce((a, b) => a + b) / 5;
    expect(late).toBeLessThan(early * 0.5);

    const test = batchTensors(200, 999);
    const predicted = tf.tidy(() => (model.predict(test.x) as tfc.Tensor).argMax(-1).dataSync());
    tf.dispose([test.x, test.y]);
    const accuracy = test.labels.reduce((n, l, i) => n + (l === predicted[i] ? 1 : 0), 0) / 200;
    expect(accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });
});
