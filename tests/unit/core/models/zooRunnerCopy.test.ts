/**
 * Copies of every zoo model (weights seeded differently from the copy's own initialisation, so the
 * copy must really take the source's weights): the same predictions on the same backend, the same
 * within float error on another backend, the source untouched, nothing leaked, mismatches refused.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/datasets/discPhantom';
import { getZooModel, ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import { zooRunnerCopier } from '../../../../src/core/models/zooRunnerCopy';
import { ZooRunner } from '../../../../src/core/models/ZooRunner';
import { initBackend } from '../../../../src/core/tensor/initBackend';
import { tensorCounts } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('zooRunnerCopier', () => {
  it.each(ZOO_MODELS.map((m) => [m.id] as const))('%s: same predictions on wasm and on cpu', async (id) => {
    const def = getZooModel(id)!;
    const before = tensorCounts(tf);
    const source = await ZooRunner.create(def.build(layers, 7));
    const rand = mulberry32(3);
    const input = Float32Array.from({ length: source.inputSize ** 2 }, () => rand());
    const expected = await source.predict(input);
    const copy = zooRunnerCopier(def, source);

    const same = await copy();
    expect(maxAbsDiff(await same.predict(input), expected)).toBe(0);
    same.dispose();

    expect((await initBackend('cpu')).backend).toBe('cpu');
    const onCpu = await copy();
    const cpuOut = await onCpu.predict(input);
    onCpu.dispose();
    expect((await initBackend('wasm')).backend).toBe('wasm');
    expect(maxAbsDiff(cpuOut, expected)).toBeLessThan(1e-4);

    // A fresh build with the copy's own seed computes something else: the weights were copied.
    const other = await ZooRunner.create(def.build(layers, 1));
    expect(maxAbsDiff(await other.predict(input), expected)).toBeGreaterThan(1e-6);
    other.dispose();

    expect(await source.predict(input)).toEqual(expected);
    source.dispose();
    expect(tensorCounts(tf)).toEqual(before);
  });

  it('refuses a source of another architecture, and leaks nothing doing so', async () => {
    const before = tensorCounts(tf);
    const source = await ZooRunner.create(getZooModel('tiny-vgg')!.build(layers, 1));
    const copy = zooRunnerCopier(getZooModel('lenet5')!, source);
    await expect(copy()).rejects.toThrow(/lenet5/);
    source.dispose();
    expect(tensorCounts(tf)).toEqual(before);
  });
});
