/** The lesson's small CNN trains on wasm in Node, reports plain arrays, stops on request and leaks nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend, loadTfCore, loadTfLayers } from '../../../../src/core/tensor/initBackend';
import {
  SMALL_CNN_ARCHITECTURE,
  createSmallCnn,
  smallCnnParamCount,
  trainSmallCnn,
  windowToUnit,
  type SmallCnnProgress,
} from '../../../../src/core/models/smallCnn';
import { makePhantomPatchDataset } from '../../../../src/core/datasets/phantomPatchDataset';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

let tf: typeof tfc;
let layers: typeof tfl;

beforeAll(async () => {
  tf = await loadTfCore();
  layers = await loadTfLayers();
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

const data = makePhantomPatchDataset({ seed: 5, trainSize: 200, testSize: 100, size: 32 });

describe('small CNN', () => {
  it('has 8·(9+1) + 16·(9·8+1) + (16·2+2) = 80 + 1168 + 34 = 1282 parameters', () => {
    expect(smallCnnParamCount()).toBe(1282);
    const model = createSmallCnn(layers);
    expect(model.countParams()).toBe(1282);
    expect(model.outputShape).toEqual([null, 2]);
    model.dispose();
  });

  it('windows HU to [−1, 1]: −1000 → −1, −400 → 0, 200 → 1, clipped outside', () => {
    expect([...windowToUnit(Float32Array.from([-2000, -1000, -400, 200, 900]), -1000, 200)]).toEqual([
      -1, -1, 0, 1, 1,
    ]);
  });

  it('learns the patches (test accuracy > 0.85), returns plain kernels and probabilities, leaks no tensor', async () => {
    const progress: SmallCnnProgress[] = [];
    const result = await expectNoTensorLeak(tf, () =>
      trainSmallCnn(data, { epochs: 8, seed: 2 }, (p) => progress.push(p)),
    );
    expect(result.backend).toBe('wasm');
    expect(result.stopped).toBe(false);
    expect(result.epochsDone).toBe(8);
    expect(result.paramCount).toBe(1282);
    expect(result.trainCount).toBe(200);
    expect(result.kernels).toHaveLength(SMALL_CNN_ARCHITECTURE.filters1);
    for (const k of result.kernels) expect(k).toHaveLength(9);
    expect(result.testProbabilities).toHaveLength(100);
    expect(result.testProbabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    const right = result.testProbabilities.filter(
      (p, i) => (p >= 0.5 ? 1 : 0) === data.test.labels[i],
    ).length;
    expect(right / 100).toBeGreaterThan(0.85);
    // 200 examples in batches of 32 → 7 batches per epoch, reported in order
    expect(progress).toHaveLength(8 * 7);
    expect(progress.at(-1)).toMatchObject({ epoch: 8, epochs: 8, batch: 7, batchesPerEpoch: 7 });
    expect(result.epochLosses.at(-1)!).toBeLessThan(result.epochLosses[0]!);
  });

  it('the first-layer kernels are the conv_1 weights, filter by filter (HWIO layout)', async () => {
    // With 0 epochs the kernels are the seeded initial weights: compare with a model built the same way.
    const result = await trainSmallCnn(data, { epochs: 0, seed: 4 });
    const model = createSmallCnn(layers, SMALL_CNN_ARCHITECTURE, 4);
    const w = model.getLayer('conv_1').getWeights()[0]!.arraySync() as number[][][][];
    model.dispose();
    for (let f = 0; f < 8; f++) {
      const expected = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => w[r]![c]![0]![f]!));
      expect(result.kernels[f]).toEqual(expected);
    }
  });

  it('stops at the next batch when aborted and still disposes everything', async () => {
    const controller = new AbortController();
    let batches = 0;
    const result = await expectNoTensorLeak(tf, () =>
      trainSmallCnn(
        data,
        { epochs: 50 },
        () => {
          if (++batches === 3) controller.abort();
        },
        controller.signal,
      ),
    );
    expect(result.stopped).toBe(true);
    expect(batches).toBe(3);
    expect(result.epochsDone).toBe(0);
    expect(result.testProbabilities).toHaveLength(100);
  });
});
