import type * as tfc from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrainingError } from '../../../../src/core/training/TrainingError';
import { TrainingSession } from '../../../../src/core/training/TrainingSession';
import type { TrainConfig } from '../../../../src/core/training/trainingTypes';
import { layers, startTf, tf } from '../../helpers/tfBackend';
import { tensorCounts } from '../../helpers/tensorLeak';
import { firstSplit, toyConfig, toyDataset } from '../../helpers/trainingFixtures';

startTf('wasm');

const modules = () => ({ tf, layers });

// Every test leaves the tensor and backend-buffer counts as it found them.
let counts: ReturnType<typeof tensorCounts>;
beforeEach(() => {
  counts = tensorCounts(tf);
});
afterEach(() => {
  expect(tensorCounts(tf)).toEqual(counts);
});

/** Logits of dataset images `indices` from the model's `logits` layer (a test-side view). */
function logitsOf(session: TrainingSession, indices: number[]): number[][] {
  const m = session.network;
  const view = layers.model({ inputs: m.inputs, outputs: m.getLayer('logits').output as never });
  const s = session.size;
  const x = tf.tensor4d(
    Float32Array.from(
      indices.flatMap((i) => Array.from(session.dataset.images.subarray(i * s * s, (i + 1) * s * s))),
    ),
    [indices.length, s, s, 1],
  );
  const y = view.predict(x) as tfc.Tensor2D;
  const out = y.arraySync();
  tf.dispose([x, y]);
  return out;
}

async function run(config: TrainConfig, steps: number): Promise<number[]> {
  const data = toyDataset(48);
  const s = TrainingSession.create(modules(), data, firstSplit(48, 32, 16), config);
  try {
    const losses: number[] = [];
    for (let i = 0; i < steps; i++) losses.push((await s.step()).batch.loss);
    return losses;
  } finally {
    s.dispose();
  }
}

describe('TrainingSession', () => {
  it('leaks no tensor over 200 steps with epoch ends, evaluation and Grad-CAM', async () => {
    const start = tensorCounts(tf);
    const data = toyDataset(40);
    const s = TrainingSession.create(modules(), data, firstSplit(40, 24, 8), toyConfig({ epochs: 80 }));
    // 24 / 8 = 3 batches per epoch: step 1 creates Adam's slot variables, then nothing may grow.
    await s.step();
    const after1 = tensorCounts(tf);
    let epochs = 0;
    for (let i = 0; i < 200; i++) if ((await s.step()).epoch) epochs++;
    expect(epochs).toBe(67); // steps 2…201 end epochs 1…67 (step 3k ends epoch k)
    const e = await s.evaluate('test');
    expect(e.indices.length).toBe(8);
    await s.gradCam([0, 1], 1);
    await s.artifacts();
    expect(tensorCounts(tf)).toEqual(after1);
    expect(s.progress()).toMatchObject({ stepsDone: 201, epoch: 67, batchInEpoch: 3, batchesPerEpoch: 3 });
    s.dispose();
    expect(tensorCounts(tf)).toEqual(start);
  });

  it('learns an easy separable task: the loss falls and validation accuracy rises', async () => {
    const data = toyDataset(64);
    const s = TrainingSession.create(modules(), data, firstSplit(64, 48, 16), toyConfig({ epochs: 8 }));
    try {
      const records = [];
      while (!s.done) {
        const r = await s.step();
        if (r.epoch) records.push(r.epoch);
      }
      expect(records).toHaveLength(8);
      expect(records[7]!.trainLoss).toBeLessThan(records[0]!.trainLoss * 0.5);
      expect(records[7]!.validationAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(records[7]!.validationAuc).toBeGreaterThanOrEqual(0.95);
      expect(s.state).toBe('done');
      await expect(s.step()).rejects.toBeInstanceOf(TrainingError);
      // evaluate's probabilities agree with the model's own softmax layer.
      const ev = await s.evaluate('validation');
      const x = tf.tensor4d(data.images.subarray(48 * 64, 64 * 64), [16, 8, 8, 1]);
      const p = s.network.predict(x) as tfc.Tensor;
      const expected = p.dataSync();
      tf.dispose([x, p]);
      for (let i = 0; i < expected.length; i++) expect(ev.probabilities[i]).toBeCloseTo(expected[i]!, 5);
      expect(Array.from(ev.labels)).toEqual(Array.from(data.labels.subarray(48)));
    } finally {
      s.dispose();
    }
  });

  it('weighted loss equals a hand computation and tf.losses.softmaxCrossEntropy on a 2-example batch', async () => {
    const data = toyDataset(2);
    const weights = [1, 3];
    const s = TrainingSession.create(
      modules(),
      data,
      firstSplit(2, 2, 0),
      toyConfig({ batchSize: 2, classWeights: weights, epochs: 1 }),
    );
    try {
      const z = logitsOf(s, [0, 1]); // before the step: the loss is taken at these weights
      // By hand: CE_i = log Σ_k exp z_ik − z_{i,y_i}; loss = (w_0·CE_0 + w_1·CE_1) / 2.
      const ce = z.map((row, i) => Math.log(row.reduce((a, v) => a + Math.exp(v), 0)) - row[i]!);
      const hand = (weights[0]! * ce[0]! + weights[1]! * ce[1]!) / 2;
      const reference = tf.tidy(
        () =>
          tf.losses
            .softmaxCrossEntropy(
              tf.tensor2d([
                [1, 0],
                [0, 1],
              ]),
              tf.tensor2d(z),
              tf.tensor1d(weights),
            )
            .dataSync()[0]!,
      );
      const { batch, epoch } = await s.step();
      expect(batch.loss).toBeCloseTo(hand, 5);
      expect(batch.loss).toBeCloseTo(reference, 5);
      expect(epoch).not.toBeNull(); // the only batch ends epoch 1
      expect(epoch!.validationLoss).toBeNull();
      expect(batch.accuracy).toBe(((z[0]![0]! >= z[0]![1]! ? 1 : 0) + (z[1]![1]! > z[1]![0]! ? 1 : 0)) / 2);
    } finally {
      s.dispose();
    }
  });

  it('balanced class weights are n / (C · n_c)', () => {
    const data = toyDataset(8);
    data.labels.set([0, 0, 0, 0, 0, 0, 1, 1]);
    const s = TrainingSession.create(
      modules(),
      data,
      firstSplit(8, 8, 0),
      toyConfig({ classWeights: 'balanced' }),
    );
    try {
      expect(s.lossWeights).toEqual([8 / (2 * 6), 8 / (2 * 2)]);
    } finally {
      s.dispose();
    }
  });

  it('weight decay adds 2ηλW to the SGD update of kernels, not of biases', async () => {
    const lr = 0.1;
    const lambda = 0.05;
    const data = toyDataset(16);
    const split = firstSplit(16, 8, 0);
    const base = toyConfig({ optimizer: { kind: 'sgd', learningRate: lr }, batchSize: 8 });
    const plain = TrainingSession.create(modules(), data, split, base);
    const decayed = TrainingSession.create(modules(), data, split, { ...base, weightDecay: lambda });
    try {
      const w0 = plain.network
        .getLayer('conv_1_1')
        .getWeights()
        .map((w) => w.dataSync().slice());
      const r0 = await plain.step();
      const r1 = await decayed.step();
      expect(r1.batch.loss).toBe(r0.batch.loss); // the logged loss excludes the decay term
      const wp = plain.network
        .getLayer('conv_1_1')
        .getWeights()
        .map((w) => w.dataSync());
      const wd = decayed.network
        .getLayer('conv_1_1')
        .getWeights()
        .map((w) => w.dataSync());
      // ∂(λΣW²)/∂W = 2λW ⇒ W_decayed − W_plain = −η·2λ·W_0 (same data, same initial weights).
      const [k0, kp, kd] = [w0[0]!, wp[0]!, wd[0]!];
      for (let i = 0; i < k0.length; i++) expect(kd[i]! - kp[i]!).toBeCloseTo(-lr * 2 * lambda * k0[i]!, 6);
      expect(Array.from(wd[1]!)).toEqual(Array.from(wp[1]!)); // biases: no decay
    } finally {
      plain.dispose();
      decayed.dispose();
    }
  });

  it('is deterministic for a seed (batch order and augmentation included) and differs across seeds', async () => {
    const augment = { flip: true, rotateDeg: 10, shiftPx: 1, intensity: 0.1, noise: 0.02 };
    const a = await run(toyConfig({ augment }), 10);
    const b = await run(toyConfig({ augment }), 10);
    const c = await run(toyConfig({ augment, seed: 8 }), 10);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('keeps a smaller last batch (every training image once per epoch)', async () => {
    const data = toyDataset(20);
    const s = TrainingSession.create(
      modules(),
      data,
      firstSplit(20, 10, 0),
      toyConfig({ batchSize: 4, epochs: 2 }),
    );
    try {
      expect(s.progress().batchesPerEpoch).toBe(3);
      expect(s.stepsTotal).toBe(6);
      for (let i = 0; i < 6; i++) await s.step();
      expect(s.done).toBe(true);
      expect(s.progress().examplesPerSec).toBeGreaterThan(0);
    } finally {
      s.dispose();
    }
  });

  it('refuses bad data, settings and Grad-CAM on the MLP with TrainingErrors', async () => {
    const data = toyDataset(8);
    expect(() => TrainingSession.create(modules(), data, firstSplit(8, 0, 8), toyConfig())).toThrow(
      TrainingError,
    );
    expect(() =>
      TrainingSession.create(modules(), data, firstSplit(8, 8, 0), toyConfig({ batchSize: 0 })),
    ).toThrow(TrainingError);
    expect(() =>
      TrainingSession.create(
        modules(),
        data,
        { ...firstSplit(8, 8, 0), test: Int32Array.of(9) },
        toyConfig(),
      ),
    ).toThrow(TrainingError);
    expect(() =>
      TrainingSession.create(modules(), data, firstSplit(8, 8, 0), toyConfig({ classWeights: [1] })),
    ).toThrow(TrainingError);
    const before = tensorCounts(tf);
    const mlp = TrainingSession.create(
      modules(),
      data,
      firstSplit(8, 8, 0),
      toyConfig({ model: { kind: 'zoo', id: 'mlp', pretrained: false } }),
    );
    try {
      await expect(mlp.gradCam([0], 1)).rejects.toThrow(/no convolutional layer/);
    } finally {
      mlp.dispose();
    }
    expect(tensorCounts(tf)).toEqual(before);
  });

  it('Grad-CAM maps are size² values in 0…1 with a maximum of 1 (or all zero)', async () => {
    const data = toyDataset(16);
    const s = TrainingSession.create(modules(), data, firstSplit(16, 16, 0), toyConfig());
    try {
      for (let i = 0; i < 4; i++) await s.step();
      const cams = await s.gradCam([1, 3], 1);
      expect(cams.map((c) => [c.index, c.classIndex, c.layer])).toEqual([
        [1, 1, 'pool_1'],
        [3, 1, 'pool_1'],
      ]);
      for (const c of cams) {
        expect(c.map.length).toBe(64);
        const max = Math.max(...c.map);
        expect(max === 1 || max === 0).toBe(true);
        expect(Math.min(...c.map)).toBeGreaterThanOrEqual(0);
      }
    } finally {
      s.dispose();
    }
  });
});
