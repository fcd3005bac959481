/** The zoo's validation metrics, on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type { ZooTaskSet } from '../../../../src/core/datasets/zooTasks';
import {
  argmaxAccuracy,
  classifierAuc,
  diceScore,
  headlineMetric,
  meanLesionDice,
  meanPsnr,
  predictInBatches,
  psnr,
  zooMetricsOf,
} from '../../../../src/core/training/zooMetrics';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

describe('argmaxAccuracy', () => {
  it('rows [0.9,0.1], [0.4,0.6], [0.5,0.5] with labels 0,0,0: argmax 0, 1, 0 (first maximum wins a tie) → 2/3', () => {
    expect(argmaxAccuracy([0.9, 0.1, 0.4, 0.6, 0.5, 0.5], [0, 0, 0], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('rejects shapes that do not fit, labels outside the classes and empty sets', () => {
    expect(() => argmaxAccuracy([0.5, 0.5, 1], [0, 1], 2)).toThrow(RangeError);
    expect(() => argmaxAccuracy([0.5, 0.5], [2], 2)).toThrow(/not a class/);
    expect(() => argmaxAccuracy([], [], 2)).toThrow(/no examples/);
  });
});

describe('classifierAuc', () => {
  it('binary: class-1 scores 0.1, 0.6 (negatives) and 0.5, 0.9 (positives): 3 of 4 pairs ordered → 0.75', () => {
    const p = [0.9, 0.1, 0.4, 0.6, 0.5, 0.5, 0.1, 0.9];
    expect(classifierAuc(p, [0, 0, 1, 1], 2)).toBe(0.75);
  });

  it('binary: all tied → 0.5, perfect → 1, inverted → 0', () => {
    expect(classifierAuc([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 1], 2)).toBe(0.5);
    expect(classifierAuc([0.8, 0.2, 0.3, 0.7, 0.1, 0.9], [0, 1, 1], 2)).toBe(1);
    expect(classifierAuc([0.2, 0.8, 0.7, 0.3, 0.9, 0.1], [0, 1, 1], 2)).toBe(0);
  });

  it('one class only: a clear error instead of NaN', () => {
    expect(() => classifierAuc([0.9, 0.1, 0.8, 0.2], [0, 0], 2)).toThrow(/class 1 has no example/);
    expect(() => classifierAuc([0.9, 0.05, 0.05, 0.8, 0.1, 0.1], [0, 0], 3)).toThrow(/AUC is undefined/);
  });

  it('3 classes: one-vs-rest AUCs 3/4, 5/6 (a tie counts one half) and 1 → mean 31/36', () => {
    // labels 0, 0, 1, 2.
    // class 0: positives 0.6, 0.3 vs negatives 0.5, 0.2 → 3 of 4 pairs.
    // class 1: positive 0.4 vs 0.3, 0.4, 0.2 → (1 + ½ + 1)/3 = 5/6.
    // class 2: positive 0.6 vs 0.1, 0.3, 0.1 → 1.
    const p = [0.6, 0.3, 0.1, 0.3, 0.4, 0.3, 0.5, 0.4, 0.1, 0.2, 0.2, 0.6];
    expect(classifierAuc(p, [0, 0, 1, 2], 3)).toBeCloseTo(31 / 36, 12);
  });

  it('4 classes: a perfect classifier scores 1 and a constant one 0.5', () => {
    const eye = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    expect(classifierAuc(eye, [0, 1, 2, 3], 4)).toBe(1);
    expect(classifierAuc(new Array(16).fill(0.25), [0, 1, 2, 3], 4)).toBe(0.5);
  });
});

describe('Dice', () => {
  it('prediction [0.9, 0.6, 0.2, 0.4] against mask [1, 0, 1, 0]: A = {0, 1}, B = {0, 2} → 2·1/(2 + 2) = 0.5', () => {
    expect(diceScore([0.9, 0.6, 0.2, 0.4], [1, 0, 1, 0])).toBe(0.5);
  });

  it('0.5 is inside the prediction (p ≥ 0.5); identical masks → 1; disjoint → 0; both empty → 1', () => {
    expect(diceScore([0.5, 0.49], [1, 0])).toBe(1);
    expect(diceScore([0, 1, 1], [0, 1, 1])).toBe(1);
    expect(diceScore([1, 0], [0, 1])).toBe(0);
    expect(diceScore([0.1, 0.2], [0, 0])).toBe(1);
    expect(() => diceScore([1], [1, 0])).toThrow(RangeError);
  });

  it('mean over images with a lesion only: Dice 0.5 and 1, the empty mask skipped → 0.75', () => {
    const predictions = Float32Array.from([0.9, 0.6, 0.2, 0.4, 0, 0, 1, 1, 0.9, 0.9, 0.9, 0.9]);
    const masks = Float32Array.from([1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(meanLesionDice(predictions, masks, 4)).toBe(0.75);
    expect(() => meanLesionDice(predictions.subarray(8), masks.subarray(8), 4)).toThrow(
      /no mask holds a lesion/,
    );
  });
});

describe('PSNR', () => {
  it('an error of 0.1 everywhere: MSE 0.01 → 20 dB; 0.01 → 40 dB; identical → Infinity', () => {
    expect(psnr([0.1, 0.1, 0.1], [0, 0, 0])).toBeCloseTo(20, 5);
    expect(psnr([0.51, 0.49], [0.5, 0.5])).toBeCloseTo(40, 5);
    expect(psnr([0.3, 0.7], [0.3, 0.7])).toBe(Infinity);
  });

  it('the mean of per-image dB values: 20 and 40 dB → 30 dB', () => {
    const images = Float32Array.from([0.1, 0.1, 0.51, 0.49]);
    const refs = Float32Array.from([0, 0, 0.5, 0.5]);
    expect(meanPsnr(images, refs, 2)).toBeCloseTo(30, 4);
    expect(() => meanPsnr(images, refs, 3)).toThrow(RangeError);
  });
});

describe('zooMetricsOf and headlineMetric', () => {
  const set = (
    task: ZooTaskSet['task'],
    labels: number[],
    inputs: number[],
    targets: number[] | null,
    classes = 2,
  ) =>
    ({
      task,
      size: 1,
      count: labels.length,
      inputs: Float32Array.from(inputs),
      labels: Int32Array.from(labels),
      targets: targets === null ? null : Float32Array.from(targets),
      classes,
    }) satisfies ZooTaskSet;

  it('classification → AUC and accuracy; segmentation → Dice; denoising → PSNR of output and input', () => {
    const cls = zooMetricsOf(
      'classification',
      set('nodule', [0, 1], [0, 0], null),
      Float32Array.from([0.7, 0.3, 0.4, 0.6]),
    );
    expect(cls).toEqual({ auc: 1, accuracy: 1 });
    expect(headlineMetric('classification', cls)).toBe(1);
    const seg = zooMetricsOf(
      'segmentation',
      set('nodule-mask', [1, 0], [0, 0], [1, 0]),
      Float32Array.from([0.8, 0.9]),
    );
    expect(seg).toEqual({ dice: 1 });
    expect(headlineMetric('segmentation', seg)).toBe(1);
    const den = zooMetricsOf(
      'denoising',
      set('low-dose', [0, 1], [0.1, 0.6], [0, 0.5]),
      Float32Array.from([0.01, 0.49]),
    );
    expect(den.psnr).toBeCloseTo(40, 4);
    expect(den.inputPsnr).toBeCloseTo(20, 4);
    expect(headlineMetric('denoising', den)).toBe(den.psnr);
    expect(() =>
      zooMetricsOf('segmentation', set('nodule-mask', [1], [0], null), Float32Array.from([1])),
    ).toThrow(/no targets/);
  });
});

describe('predictInBatches', () => {
  startTf('wasm');

  it('equals one predict over all examples, for a batch size that does not divide the count, and leaks nothing', async () => {
    const model = layers.sequential({
      layers: [
        layers.layers.flatten({ inputShape: [4, 4, 1] }),
        layers.layers.dense({
          units: 3,
          activation: 'softmax',
          kernelInitializer: layers.initializers.glorotUniform({ seed: 5 }),
        }),
      ],
    });
    const inputs = Float32Array.from({ length: 7 * 16 }, (_, i) => Math.sin(i));
    const whole = tf.tidy(() => (model.predict(tf.tensor4d(inputs, [7, 4, 4, 1])) as tfc.Tensor).dataSync());
    const batched = await expectNoTensorLeak(tf, () => predictInBatches(tf, model, inputs, 4, 3));
    expect(batched.length).toBe(21);
    for (let i = 0; i < 21; i++) expect(batched[i]).toBeCloseTo(whole[i]!, 6);
    await expect(predictInBatches(tf, model, inputs.subarray(1), 4)).rejects.toThrow(RangeError);
    model.dispose();
  });
});
