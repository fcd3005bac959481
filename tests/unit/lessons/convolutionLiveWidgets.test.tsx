// @vitest-environment jsdom
/**
 * The live widgets of the convolution lesson (feature map, convolutional layer) in a DOM. The compute
 * backend is a fake (no tfjs): `ConvImage` is replaced by one that runs the reference convolution and
 * counts uploads and disposals, so the tests can check that every uploaded image is freed.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { ParamValues } from '../../../src/core/lessons/types';
import type { ConvOptions, Filters, Volume } from '../../../src/core/tensor/reference/types';
import { convolution } from '../../../src/lessons/convolution/convolution';
import { ConvLayerWidget } from '../../../src/lessons/convolution/ConvLayerWidget';
import { LAYER_MAX_SIDE } from '../../../src/lessons/convolution/convLayerBank';
import { FeatureMapWidget } from '../../../src/lessons/convolution/FeatureMapWidget';
import { kernelPreset } from '../../../src/lessons/convolution/kernelPresets';
import {
  formatKernel,
  normaliseKernel,
  randomKernel,
  resizeKernel,
} from '../../../src/lessons/convolution/kernelString';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { strayLatinInPage } from '../helpers/chineseText';

const live = vi.hoisted(() => ({ uploaded: 0, disposed: 0, convolutions: [] as Filters[] }));

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);
vi.mock('../../../src/core/tensor/liveConv', async () => {
  const { conv2dRef } = await import('../../../src/core/tensor/reference/conv2dRef');
  class ConvImage {
    #input: Volume | null;
    constructor(input: Volume) {
      live.uploaded++;
      this.#input = input;
    }
    async convolve(filters: Filters, opts: ConvOptions): Promise<Volume> {
      if (!this.#input) throw new Error('disposed');
      live.convolutions.push(filters);
      return conv2dRef(this.#input, filters, opts);
    }
    dispose(): void {
      if (this.#input) live.disposed++;
      this.#input = null;
    }
  }
  return { ConvImage };
});

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  live.convolutions.length = 0;
});

function props(stepId: string, params: ParamValues = {}, lang: 'en' | 'zh' = 'en') {
  const step = convolution.steps.find((s) => s.id === stepId)!;
  const setParam = vi.fn();
  return {
    lesson: convolution,
    step,
    params: { ...defaultParams(step), slice: 'own', ...params },
    lang,
    setParam,
  };
}

const W = 24;
const H = 20;
function syntheticSlice(unit: string, name = 'synthetic'): LessonSlice {
  const intensity = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      intensity[y * W + x] = 0.1 + (Math.hypot(y - 10, x - 12) < 5 ? 0.7 : 0) + 0.01 * x;
  return {
    id: 'own',
    name,
    width: W,
    height: H,
    values: intensity.map((v) => 1500 * v - 1000),
    unit,
    window: { center: -250, width: 1500 },
    intensity,
  };
}
const slice = syntheticSlice('HU');

/** Sobel x with zero padding at (y, x), by a loop. */
function sobel(y: number, x: number): number {
  const k = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
  let s = 0;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const yy = y + i - 1;
      const xx = x + j - 1;
      if (yy >= 0 && yy < H && xx >= 0 && xx < W) s += k[i * 3 + j]! * slice.intensity[yy * W + xx]!;
    }
  return s;
}
const fmt3 = (v: number): string => {
  const r = Math.round(Math.abs(v) * 1000) / 1000;
  return r === 0 ? '0' : (v < 0 ? '\u2212' : '') + String(r);
};

describe('feature map (step 2)', () => {
  it('computes the map on the backend, reports min/max and readiness, and frees the image on unmount', async () => {
    act(() => setOwnSlice(slice));
    const before = { up: live.uploaded, down: live.disposed };
    const { unmount } = render(<FeatureMapWidget {...props('feature-map')} />);
    const root = screen.getByTestId('feature-map');
    expect(root.dataset.kernel).toBe('-1,0,1,-2,0,2,-1,0,1');
    await waitFor(() => expect(root.dataset.status).toBe('ready'));
    expect(root.dataset.updated).toBe('1');
    expect(Number(root.dataset.ms)).toBeGreaterThanOrEqual(0);
    const all: number[] = [];
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) all.push(sobel(y, x));
    // The captions render a moment after the canvas (and the status) on a busy machine.
    await waitFor(() =>
      expect(screen.getByTestId('feature-range').textContent).toContain(
        `Feature map: min ${fmt3(Math.min(...all))}, max ${fmt3(Math.max(...all))}`,
      ),
    );
    expect(live.uploaded - before.up).toBe(1);
    unmount();
    expect(live.disposed - before.down).toBe(1);
  });

  it('the clipped colour scale ends at the 99th percentile of |value|, redrawn without a new convolution', async () => {
    act(() => setOwnSlice(slice));
    const p = props('feature-map', { contrast: 'p99' });
    const { rerender } = render(<FeatureMapWidget {...p} />);
    const root = screen.getByTestId('feature-map');
    await waitFor(() => expect(root.dataset.status).toBe('ready'));
    // Nearest rank: the ⌈0.99·n⌉-th smallest |value|, by a sort.
    const abs: number[] = [];
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) abs.push(Math.abs(Math.fround(sobel(y, x))));
    abs.sort((a, b) => a - b);
    const p99 = abs[Math.ceil(0.99 * abs.length) - 1]!;
    await waitFor(() =>
      expect(screen.getByTestId('feature-clipped').textContent).toContain(
        `±${fmt3(p99)}, the 99th percentile`,
      ),
    );
    const convolutions = live.convolutions.length;
    rerender(<FeatureMapWidget {...p} params={{ ...p.params, contrast: 'full' }} />);
    expect(screen.queryByTestId('feature-clipped')).toBeNull();
    expect(live.convolutions.length).toBe(convolutions);
  });

  it('the value under the pointer', async () => {
    act(() => setOwnSlice(slice));
    render(<FeatureMapWidget {...props('feature-map')} />);
    const root = screen.getByTestId('feature-map');
    await waitFor(() => expect(root.dataset.status).toBe('ready'));
    const box = screen.getByTestId('feature-canvas').parentElement!;
    vi.spyOn(box, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 240,
      height: 200,
    } as DOMRect);
    fireEvent.pointerMove(box, { clientX: 75, clientY: 105 }); // column 7, row 10
    expect(screen.getByTestId('feature-probe').textContent).toBe(
      `Row 10, column 7: input ${fmt3(slice.intensity[10 * W + 7]!)}, feature map ${fmt3(sobel(10, 7))}`,
    );
  });

  it('presets, cell edits, size, normalise and random write the kernel and preset to the URL', () => {
    act(() => setOwnSlice(slice));
    const p = props('feature-map');
    render(<FeatureMapWidget {...p} />);
    fireEvent.click(screen.getByTestId('preset-box'));
    expect(p.setParam.mock.calls).toEqual([
      ['preset', 'box'],
      ['k', formatKernel(kernelPreset('box')!.weights)],
    ]);
    p.setParam.mockClear();
    const cell = screen.getByLabelText('row 2, column 3');
    fireEvent.change(cell, { target: { value: '-' } }); // on the way to a number: nothing yet
    expect(p.setParam).not.toHaveBeenCalled();
    fireEvent.change(cell, { target: { value: '-2.5' } });
    expect(p.setParam.mock.calls).toEqual([
      ['preset', 'custom'],
      ['k', '-1,0,1,-2,0,-2.5,-1,0,1'],
    ]);
    p.setParam.mockClear();
    const sobelX = [...kernelPreset('sobel-x')!.weights];
    fireEvent.click(screen.getByTestId('kernel-size-5'));
    expect(p.setParam).toHaveBeenLastCalledWith('k', formatKernel(resizeKernel(sobelX, 5)));
    fireEvent.click(screen.getByTestId('kernel-normalise'));
    expect(p.setParam).toHaveBeenLastCalledWith('k', '-0.125,0,0.125,-0.25,0,0.25,-0.125,0,0.125');
    expect(formatKernel(normaliseKernel(sobelX))).toBe('-0.125,0,0.125,-0.25,0,0.25,-0.125,0,0.125');
    fireEvent.click(screen.getByTestId('kernel-random'));
    expect(p.setParam).toHaveBeenLastCalledWith('k', formatKernel(randomKernel(3, 1)));
    fireEvent.click(screen.getByTestId('kernel-random'));
    expect(p.setParam).toHaveBeenLastCalledWith('k', formatKernel(randomKernel(3, 2)));
    expect(screen.getByTestId('kernel-sum').textContent).toBe('Sum of the weights: 0');
  });

  it('a custom kernel from the URL is used, and each kernel change draws a new map (latest wins)', async () => {
    act(() => setOwnSlice(slice));
    const p = props('feature-map', { preset: 'custom', k: '0,0,0,0,2,0,0,0,0' });
    const { rerender } = render(<FeatureMapWidget {...p} />);
    const root = screen.getByTestId('feature-map');
    await waitFor(() => expect(root.dataset.updated).toBe('1'));
    expect(root.dataset.kernel).toBe('0,0,0,0,2,0,0,0,0');
    expect(screen.getByTestId('preset-custom')).toHaveProperty('checked', true);
    expect(screen.getByTestId('preset-finds').textContent).toContain('Custom kernel');
    const max = Math.max(...slice.intensity) * 2;
    await waitFor(() =>
      expect(screen.getByTestId('feature-range').textContent).toContain(`max ${fmt3(max)}`),
    );
    rerender(<FeatureMapWidget {...p} params={{ ...p.params, k: '0,0,0,0,3,0,0,0,0' }} />);
    rerender(<FeatureMapWidget {...p} params={{ ...p.params, k: '0,0,0,0,4,0,0,0,0' }} />);
    await waitFor(() =>
      expect(screen.getByTestId('feature-range').textContent).toContain(`max ${fmt3(2 * max)}`),
    );
    expect(root.dataset.status).toBe('ready');
    // One at a time: ×3 started at once, ×4 waited for it; ×3's result, overtaken, was never drawn.
    expect(live.convolutions.map((f) => f.data[4])).toEqual([2, 3, 4]);
    expect(root.dataset.updated).toBe('2');
  });

  it('an edit asks for its map at once, before the URL comes back; the re-render does not ask again', async () => {
    act(() => setOwnSlice(slice));
    const p = props('feature-map');
    const { rerender } = render(<FeatureMapWidget {...p} />);
    const root = screen.getByTestId('feature-map');
    await waitFor(() => expect(root.dataset.updated).toBe('1'));
    const asked = live.convolutions.length;
    fireEvent.click(screen.getByTestId('preset-laplacian'));
    // setParam is a mock: the props have not changed, yet the Laplacian is being convolved.
    expect(live.convolutions).toHaveLength(asked + 1);
    expect([...live.convolutions.at(-1)!.data]).toEqual([...kernelPreset('laplacian')!.weights]);
    rerender(<FeatureMapWidget {...p} params={{ ...p.params, preset: 'laplacian' }} />);
    await waitFor(() => expect(root.dataset.updated).toBe('2'));
    fireEvent.change(screen.getByLabelText('row 1, column 1'), { target: { value: '0.12345' } });
    // The URL's rounded weight is what is convolved, so the link reproduces the map exactly.
    expect(live.convolutions.at(-1)!.data[0]).toBe(Math.fround(0.1235));
    rerender(
      <FeatureMapWidget {...p} params={{ ...p.params, preset: 'custom', k: '0.1235,1,0,1,-4,1,0,1,0' }} />,
    );
    await waitFor(() => expect(root.dataset.updated).toBe('3'));
    expect(live.convolutions).toHaveLength(asked + 2);
  });

  it('speaks Chinese without stray English', async () => {
    act(() => setOwnSlice(syntheticSlice('HU', '合成切片')));
    const { container } = render(<FeatureMapWidget {...props('feature-map', {}, 'zh')} />);
    await waitFor(() => expect(screen.getByTestId('feature-map').dataset.status).toBe('ready'));
    // The caption follows the status by a render on a busy machine.
    await waitFor(() => expect(screen.getByTestId('feature-range').textContent).toContain('特征图：最小值'));
    expect(screen.getByLabelText('第 2 行，第 3 列')).toBeTruthy();
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('convolutional layer (step 4)', () => {
  it('F maps over C CT-window channels, counts by hand, and the image freed on unmount', async () => {
    act(() => setOwnSlice(slice));
    const before = { up: live.uploaded, down: live.disposed };
    const { unmount } = render(<ConvLayerWidget {...props('conv-layer', { k: 3, cin: 3, cout: 5 })} />);
    const root = screen.getByTestId('conv-layer');
    await waitFor(() => expect(root.dataset.maps).toBe('5'));
    expect(root.dataset.status).toBe('ready');
    expect(screen.getByTestId('conv-outputs').querySelectorAll('canvas')).toHaveLength(5);
    expect(screen.getByTestId('conv-bank').querySelectorAll('.conv-layer__filter')).toHaveLength(5);
    expect(screen.getByTestId('conv-bank').querySelectorAll('[role="img"]')).toHaveLength(5 * 3);
    expect(screen.getByText(/three windows \(lung, soft tissue, bone\)/)).toBeTruthy();
    const filters = live.convolutions.at(-1)!;
    expect([filters.kh, filters.inChannels, filters.outChannels]).toEqual([3, 3, 5]);
    expect(root.dataset.convParams).toBe(String(3 * 3 * 3 * 5 + 5));
    const units = BigInt(W * H * 5);
    expect(root.dataset.denseParams).toBe((BigInt(W * H * 3) * units + units).toString());
    expect(screen.getByTestId('conv-count').textContent).toContain('= 140 parameters');
    expect(screen.getByTestId('dense-count').textContent).toContain(
      '(20·24·3)·(20·24·5) + 20·24·5 = 3,458,400 parameters',
    );
    unmount();
    expect(live.uploaded - before.up).toBe(1);
    expect(live.disposed - before.down).toBe(1);
  });

  it('no HU: intensity and gradients; a new C re-uploads the input and frees the old one', async () => {
    act(() => setOwnSlice(syntheticSlice('')));
    const before = { up: live.uploaded, down: live.disposed };
    const p = props('conv-layer', { k: 5, cin: 2, cout: 2 });
    const { rerender } = render(<ConvLayerWidget {...p} />);
    const root = screen.getByTestId('conv-layer');
    await waitFor(() => expect(root.dataset.maps).toBe('2'));
    expect(screen.getByText(/intensity and its horizontal and vertical gradients/)).toBeTruthy();
    rerender(<ConvLayerWidget {...p} params={{ ...p.params, cin: 1, cout: 3 }} />);
    await waitFor(() => expect(root.dataset.maps).toBe('3'));
    expect(live.convolutions.at(-1)!.inChannels).toBe(1);
    expect(live.uploaded - before.up).toBe(2);
    expect(live.disposed - before.down).toBe(1);
  });

  it('a very wide image: maps of its central region, counts for the whole image', async () => {
    const w = LAYER_MAX_SIDE + 100;
    const h = 8;
    const intensity = Float32Array.from({ length: w * h }, (_, i) => (i % w) / w);
    act(() =>
      setOwnSlice({
        id: 'own',
        name: 'wide.png',
        width: w,
        height: h,
        values: intensity,
        unit: '',
        window: { center: 0.5, width: 1 },
        intensity,
      }),
    );
    render(<ConvLayerWidget {...props('conv-layer', { k: 3, cin: 1, cout: 1 })} />);
    const root = screen.getByTestId('conv-layer');
    await waitFor(() => expect(root.dataset.maps).toBe('1'));
    expect(screen.getByTestId('conv-layer-cropped').textContent).toContain(
      `This image is ${w} × ${h} pixels: the maps below are of its central ${LAYER_MAX_SIDE} × ${h} region`,
    );
    const units = BigInt(w * h);
    expect(root.dataset.denseParams).toBe((BigInt(w * h) * units + units).toString());
  });

  it('speaks Chinese without stray English', async () => {
    act(() => setOwnSlice(syntheticSlice('HU', '合成切片')));
    const { container } = render(<ConvLayerWidget {...props('conv-layer', {}, 'zh')} />);
    await waitFor(() => expect(screen.getByTestId('conv-layer').dataset.maps).toBe('4'));
    expect(screen.getByTestId('conv-count').textContent).toContain('个参数');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});
