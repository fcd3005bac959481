// @vitest-environment jsdom
/**
 * useZooForward on the real wasm backend with TinyVGG (seeded random weights): ready results equal
 * a fresh `forwardAll` (the hook writes into its own recycled ForwardBuffers), `previous` while
 * running, the latest input wins, errors reported and recovered from, every result intact for as
 * long as it is on screen (no pass overwrites the arrays of a shown result), and no tensor growth.
 */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../../src/core/datasets/discPhantom';
import { getZooModel } from '../../../src/core/models/zooCatalog';
import type { ForwardResult } from '../../../src/core/models/zooTypes';
import { ZooRunner } from '../../../src/core/models/ZooRunner';
import { initBackend, loadTfCore, loadTfLayers } from '../../../src/core/tensor/initBackend';
import { useZooForward, type ZooForwardState } from '../../../src/ui/zoo/useZooForward';
import { tensorCounts } from '../helpers/tensorLeak';

let tf: typeof tfc;
let layers: typeof tfl;

beforeAll(async () => {
  tf = await loadTfCore();
  layers = await loadTfLayers();
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const vgg = () => ZooRunner.create(getZooModel('tiny-vgg')!.build(layers, 1));

function randomInput(seed: number, size = 64): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: size * size }, () => rand());
}

interface Props {
  runner: ZooRunner | undefined;
  input: Float32Array | undefined;
}

function render(props: Props, onRender?: (s: ZooForwardState) => void) {
  return renderHook(
    (p: Props) => {
      const s = useZooForward(p.runner, p.input);
      onRender?.(s);
      return s;
    },
    { initialProps: props },
  );
}

const valuesOf = (r: ForwardResult) => r.outputs.map((o) => o.values);

async function expectFresh(runner: ZooRunner, result: ForwardResult, input: Float32Array) {
  const fresh = await runner.forwardAll(input);
  expect(result.outputs.map((o) => [o.name, o.shape])).toEqual(fresh.outputs.map((o) => [o.name, o.shape]));
  expect(valuesOf(result)).toEqual(valuesOf(fresh));
}

async function readyFor(get: () => ZooForwardState, input: Float32Array) {
  await waitFor(() => {
    const s = get();
    expect(s.status).toBe('ready');
    expect(s.status === 'ready' && s.input).toBe(input);
  });
  return get() as Extract<ZooForwardState, { status: 'ready' }>;
}

describe('useZooForward', () => {
  it('is ready with the arrays of a fresh forwardAll, and keeps the last result as previous while running', async () => {
    const runner = await vgg();
    const [a, b, c] = [1, 2, 3].map((s) => randomInput(s));
    const { result, rerender } = render({ runner: undefined, input: a });
    expect(result.current).toEqual({ status: 'idle' });
    rerender({ runner, input: a });
    const ra = await readyFor(() => result.current, a!);
    expect(ra.ms).toBeGreaterThan(0);
    await expectFresh(runner, ra.result, a!);

    rerender({ runner, input: b });
    expect(result.current).toEqual({ status: 'running', previous: ra.result });
    const rb = await readyFor(() => result.current, b!);
    await expectFresh(runner, rb.result, b!);
    await expectFresh(runner, ra.result, a!); // depth 2: the previous result is still intact
    rerender({ runner, input: c });
    const rc = await readyFor(() => result.current, c!);
    await expectFresh(runner, rc.result, c!);
    // The hook recycles: pass 3 wrote into pass 1's arrays (its input copy excepted).
    expect(rc.result.outputs[1]!.values).toBe(ra.result.outputs[1]!.values);
    expect(rc.result.outputs[0]!.values).not.toBe(ra.result.outputs[0]!.values);
    rerender({ runner, input: undefined });
    expect(result.current).toEqual({ status: 'idle' });
    runner.dispose();
  });

  it('runs only the latest input when inputs change during a pass', async () => {
    const runner = await vgg();
    const [a, b, c] = [4, 5, 6].map((s) => randomInput(s));
    const real = runner.forwardAll.bind(runner);
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const calls: Float32Array[] = [];
    vi.spyOn(runner, 'forwardAll').mockImplementation(async (input, buffers) => {
      calls.push(input);
      await gate;
      return real(input, buffers);
    });
    const { result, rerender } = render({ runner, input: a });
    rerender({ runner, input: b });
    rerender({ runner, input: c });
    act(() => release());
    const rc = await readyFor(() => result.current, c!);
    expect(calls).toEqual([a, c]);
    expect(calls[1]).toBe(c);
    vi.mocked(runner.forwardAll).mockRestore();
    await expectFresh(runner, rc.result, c!);
    runner.dispose();
  });

  it('reports errors and recovers', async () => {
    const runner = await vgg();
    const good = randomInput(7);
    const { result, rerender } = render({ runner, input: new Float32Array(10) });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.status === 'error' && result.current.error).toMatch(/64 × 64/);
    rerender({ runner, input: good });
    const ready = await readyFor(() => result.current, good);
    await expectFresh(runner, ready.result, good);
    runner.dispose();
    const again = randomInput(8);
    rerender({ runner, input: again });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.status === 'error' && result.current.error).toMatch(/disposed/);
  });

  it('never overwrites a result while it is shown, and consecutive shown results share no array', async () => {
    const runner = await vgg();
    const inputs = [11, 12, 13, 14, 15, 16].map((s) => randomInput(s));
    // Each pass computes, then waits at a gate before returning, so that the next input is
    // always wanted the moment a pass ends (the next pass would start at once).
    const real = runner.forwardAll.bind(runner);
    const gates: (() => void)[] = [];
    vi.spyOn(runner, 'forwardAll').mockImplementation(async (input, buffers) => {
      const r = await real(input, buffers);
      await new Promise<void>((res) => gates.push(res));
      return r;
    });
    const problems: string[] = [];
    let shown: { result: ForwardResult; copy: Float32Array[] } | null = null;
    const onRender = (s: ZooForwardState): void => {
      const r = s.status === 'ready' ? s.result : s.status === 'running' ? s.previous : undefined;
      if (!r || r === shown?.result) return;
      if (shown) {
        // The result shown until now must still hold the values it was shown with.
        const before = shown.copy;
        valuesOf(shown.result).forEach((v, i) => {
          if (v.some((x, j) => x !== before[i]![j])) problems.push(`layer ${i} changed while shown`);
        });
        const old = new Set(valuesOf(shown.result));
        r.outputs.forEach((o, i) => old.has(o.values) && problems.push(`layer ${i} shares an array`));
      }
      shown = { result: r, copy: valuesOf(r).map((v) => v.slice()) };
    };
    const before = tensorCounts(tf);
    const { result, rerender } = render({ runner, input: inputs[0] }, onRender);
    for (let i = 1; i < inputs.length; i++) {
      await waitFor(() => expect(gates.length).toBe(i)); // pass i − 1 computed, waiting
      rerender({ runner, input: inputs[i] });
      act(() => gates[i - 1]!());
    }
    await waitFor(() => expect(gates.length).toBe(inputs.length));
    act(() => gates[inputs.length - 1]!());
    const last = await readyFor(() => result.current, inputs[inputs.length - 1]!);
    expect(problems).toEqual([]);
    expect(runner.forwardAll).toHaveBeenCalledTimes(inputs.length);
    vi.mocked(runner.forwardAll).mockRestore();
    await expectFresh(runner, last.result, inputs[inputs.length - 1]!);
    expect(tensorCounts(tf)).toEqual(before);
    runner.dispose();
  });

  it('leaves no tensor behind over many passes and after unmounting', async () => {
    const runner = await vgg();
    const before = tensorCounts(tf);
    const { result, rerender, unmount } = render({ runner, input: randomInput(20) });
    for (let i = 21; i < 31; i++) {
      const input = randomInput(i);
      rerender({ runner, input });
      await readyFor(() => result.current, input);
    }
    unmount();
    expect(tensorCounts(tf)).toEqual(before);
    runner.dispose();
  });
});
