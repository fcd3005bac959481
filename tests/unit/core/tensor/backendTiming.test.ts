/**
 * Timing a pass on each backend in Node (wasm and cpu start; WebGPU and WebGL do not exist): the
 * median, the honest "unavailable", a pass made afresh on each backend and freed, the user's own
 * tensors never moved, the restore of the active backend, and no tensor leaked.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  median,
  timeOnBackends,
  timePasses,
  type TimedPass,
} from '../../../../src/core/tensor/backendTiming';
import { getBackendReport, initBackend, loadTfCore } from '../../../../src/core/tensor/initBackend';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

let tf: typeof tfc;

beforeAll(async () => {
  tf = await loadTfCore();
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('timePasses', () => {
  it('runs the warm-up untimed, then the timed passes, and takes their median', async () => {
    // A fake clock: pass k (0-based, warm-up included) lasts 10·(k + 1) ms.
    let clock = 0;
    let k = 0;
    const pass = async () => {
      clock += 10 * (k + 1);
      k++;
    };
    const t = await timePasses(pass, { warmup: 2, runs: 3, now: () => clock });
    expect(k).toBe(5);
    expect(t.samplesMs).toEqual([30, 40, 50]);
    expect(t.medianMs).toBe(40);
    expect(t.minMs).toBe(30);
    expect(t.maxMs).toBe(50);
    expect(t.warmup).toBe(2);
    expect(t.output).toBeUndefined();
  });

  it('rejects counts that make no sense', async () => {
    await expect(timePasses(async () => 0, { runs: 0 })).rejects.toThrow(RangeError);
    await expect(timePasses(async () => 0, { warmup: -1 })).rejects.toThrow(RangeError);
  });
});

describe('timeOnBackends', () => {
  const rand = (n: number, seed: number): Float32Array => {
    let x = seed;
    return Float32Array.from({ length: n }, () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5);
  };
  const wValues = rand(64 * 32, 7);
  const xValues = rand(8 * 64, 8);
  const made: string[] = [];
  const seen: string[] = [];
  /** A matrix product made afresh on each backend (as the page makes a copy of the model there). */
  const makePass = async (backend: string): Promise<TimedPass<Float32Array>> => {
    made.push(backend);
    const w = tf.tensor2d(wValues, [64, 32]);
    const x = tf.tensor2d(xValues, [8, 64]);
    return {
      pass: async () => {
        const y = tf.matMul(x, w);
        try {
          seen.push(tf.getBackend());
          return (await y.data()) as Float32Array;
        } finally {
          y.dispose();
        }
      },
      dispose: () => tf.dispose([w, x]),
    };
  };

  it('times wasm and cpu, reports the GPU backends as unavailable, restores wasm, leaves nothing behind', async () => {
    made.length = 0;
    seen.length = 0;
    // A tensor of the user's, on wasm: it must stay there (no backend buffer moves away).
    const mine = tf.tensor1d([1, 2, 3]);
    const run = await expectNoTensorLeak(tf, () =>
      timeOnBackends(makePass, ['wasm', 'webgpu', 'webgl', 'cpu'], 'wasm', { warmup: 1, runs: 3 }),
    );
    expect(run.restored).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(getBackendReport()?.backend).toBe('wasm');
    expect(run.results.map((r) => [r.backend, r.status])).toEqual([
      ['wasm', 'measured'],
      ['webgpu', 'unavailable'],
      ['webgl', 'unavailable'],
      ['cpu', 'measured'],
    ]);
    const [wasm, webgpu, webgl, cpu] = run.results;
    if (wasm?.status !== 'measured' || cpu?.status !== 'measured') throw new Error('not measured');
    expect(wasm.active).toBe(true);
    expect(cpu.active).toBe(false);
    expect(wasm.timing.samplesMs).toHaveLength(3);
    expect(wasm.timing.medianMs).toBeGreaterThanOrEqual(0);
    expect(cpu.timing.medianMs).toBe(median(cpu.timing.samplesMs));
    // The same product on both backends (float32 rounding apart).
    const a = wasm.timing.output;
    const b = cpu.timing.output;
    expect(a).toHaveLength(8 * 32);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-5);
    // The reason initBackend recorded for the missing GPU APIs, not a timing on a fallback.
    expect(webgpu?.status === 'unavailable' && webgpu.detail).toContain('navigator.gpu');
    expect(webgl?.status === 'unavailable' && webgl.detail.length).toBeGreaterThan(0);
    // Made once per started backend; 1 warm-up + 3 timed passes on each; none on a fallback.
    expect(made).toEqual(['wasm', 'cpu']);
    expect(seen).toEqual([...Array(4).fill('wasm'), ...Array(4).fill('cpu')]);
    expect(await mine.data()).toEqual(new Float32Array([1, 2, 3]));
    mine.dispose();
  });

  it('reports a backend whose pass cannot be made or run as failed, and still restores the active one', async () => {
    const run = await expectNoTensorLeak(tf, () =>
      timeOnBackends(
        async (backend) => {
          if (backend === 'cpu') throw new Error('no kernel here');
          return makePass(backend);
        },
        ['cpu', 'wasm'],
        'wasm',
        { warmup: 0, runs: 2 },
      ),
    );
    expect(run.results.map((r) => [r.backend, r.status])).toEqual([
      ['cpu', 'failed'],
      ['wasm', 'measured'],
    ]);
    expect(run.results[0]?.status === 'failed' && run.results[0].detail).toBe('no kernel here');
    expect(run.restored).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
});
