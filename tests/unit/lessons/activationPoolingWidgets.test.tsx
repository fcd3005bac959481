// @vitest-environment jsdom
/**
 * The activation-pooling widgets in a DOM, on a synthetic slice: the numbers each shows checked
 * against plain loops written here (convolution, ReLU, pooling, sigmoid), their controls and keys
 * changing parameters through `setParam`, clear messages for bad input, and Chinese pages without
 * stray English. The last block opens the lesson on the real lesson page and checks the link.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { ParamValues } from '../../../src/core/lessons/types';
import { runShiftExperiment } from '../../../src/core/tensor/shiftExperiment';
import {
  ACTIVATION_MAX_SIDE,
  ActivationWidget,
} from '../../../src/lessons/activation-pooling/ActivationWidget';
import { activationPooling } from '../../../src/lessons/activation-pooling/activationPooling';
import { fmt } from '../../../src/lessons/activation-pooling/activationPoolingData';
import { PoolingWidget } from '../../../src/lessons/activation-pooling/PoolingWidget';
import { ShiftExperimentWidget } from '../../../src/lessons/activation-pooling/ShiftExperimentWidget';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { strayLatinInPage } from '../helpers/chineseText';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

beforeAll(() => {
  // jsdom has no 2-D canvas: the widgets must draw nothing and not fail.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => cleanup());

function props(stepId: string, params: ParamValues = {}, lang: 'en' | 'zh' = 'en') {
  const step = activationPooling.steps.find((s) => s.id === stepId)!;
  const setParam = vi.fn();
  return {
    lesson: activationPooling,
    step,
    params: { ...defaultParams(step), slice: 'own', ...params },
    lang,
    setParam,
  };
}

/** A bright disc on a ramp with a little texture, `name` shown as the file name. */
function syntheticSlice(width: number, height: number, name = 'synthetic'): LessonSlice {
  const intensity = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const disc = Math.hypot(y - 0.6 * height, x - 0.6 * width) < width / 8 ? 0.6 : 0;
      intensity[y * width + x] = 0.15 + disc + (0.2 * x) / width + 0.05 * Math.sin(x * 1.7 + y * 0.9);
    }
  return {
    id: 'own',
    name,
    width,
    height,
    values: intensity.map((v) => 255 * v),
    unit: '',
    window: { center: 127.5, width: 255 },
    intensity,
  };
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** 3×3 cross-correlation at (y, x) of `img` with `k`, reading `read(y, x)`. */
function conv3(read: (y: number, x: number) => number, k: readonly number[], y: number, x: number): number {
  let s = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += k[i * 3 + j]! * read(y + i - 1, x + j - 1);
  return s;
}
const SOBEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1];

describe('activation explorer', () => {
  it('sigmoid on the Sobel-x map: probe, saturated share and explanation match hand computations', () => {
    const slice = syntheticSlice(40, 30);
    act(() => setOwnSlice(slice));
    render(<ActivationWidget {...props('activations', { fn: 'sigmoid', gain: 3, x: -3 })} />);
    const root = screen.getByTestId('activation-explorer');
    expect(root.getAttribute('data-status')).toBe('ready');
    const probe = screen.getByTestId('activation-probe');
    expect(Number(probe.getAttribute('data-f'))).toBeCloseTo(sig(-3), 12);
    expect(Number(probe.getAttribute('data-d'))).toBeCloseTo(sig(-3) * (1 - sig(-3)), 12);
    expect(probe.textContent).toContain(`f′(x) = ${fmt(sig(-3) * (1 - sig(-3)), 4)}`);
    // z = 3 × Sobel-x over the slice with reflect padding, by hand.
    const r = (p: number, n: number) => (p < 0 ? -p : p >= n ? 2 * (n - 1) - p : p);
    const read = (y: number, x: number) => slice.intensity[r(y, 30) * 40 + r(x, 40)]!;
    let saturated = 0;
    let negative = 0;
    for (let y = 0; y < 30; y++)
      for (let x = 0; x < 40; x++) {
        const z = 3 * conv3(read, SOBEL_X, y, x);
        if (sig(z) * (1 - sig(z)) < 0.05) saturated++;
        if (z < 0) negative++;
      }
    expect(saturated).toBeGreaterThan(0);
    expect(Number(root.getAttribute('data-saturated'))).toBeCloseTo(saturated / 1200, 12);
    expect(Number(root.getAttribute('data-negative'))).toBeCloseTo(negative / 1200, 12);
    const stat = screen.getByTestId('activation-stats').querySelector('[data-stat="saturated"]')!;
    expect(stat.getAttribute('data-count')).toBe(String(saturated));
    expect(screen.getByTestId('activation-explain').textContent).toContain('σ′(0) = 0.25');
    expect(screen.getByTestId('activation-before').getAttribute('role')).toBe('img');
    expect(document.querySelectorAll('.line-plot-view__series')).toHaveLength(2);
  });

  it('ReLU zeroes the negative half: the share of zeros is written; α only appears for leaky ReLU and ELU', () => {
    act(() => setOwnSlice(syntheticSlice(40, 30)));
    const { unmount } = render(<ActivationWidget {...props('activations', { fn: 'relu' })} />);
    const root = screen.getByTestId('activation-explorer');
    expect(Number(root.getAttribute('data-zeroed'))).toBeGreaterThanOrEqual(
      Number(root.getAttribute('data-negative')),
    );
    expect(screen.getByTestId('activation-explain').textContent).toContain('dead ReLU');
    expect(screen.queryByTestId('activation-alpha')).toBeNull();
    unmount();
    const p = props('activations', { fn: 'leaky-relu', leak: 0.1 });
    render(<ActivationWidget {...p} />);
    const slider = screen.getByTestId('activation-alpha');
    expect(screen.getByLabelText('Leaky ReLU slope α')).toBe(slider);
    fireEvent.change(slider, { target: { value: '0.3' } });
    expect(p.setParam).toHaveBeenLastCalledWith('leak', 0.3);
    expect(Number(screen.getByTestId('activation-probe').getAttribute('data-d'))).toBe(0.1);
  });

  it('an image larger than the cap is worked on in its central region, and the page says so', () => {
    act(() => setOwnSlice(syntheticSlice(ACTIVATION_MAX_SIDE + 6, 20)));
    render(<ActivationWidget {...props('activations', { fn: 'relu' })} />);
    const note = screen.getByTestId('activation-cropped').textContent ?? '';
    expect(note).toContain(`${ACTIVATION_MAX_SIDE + 6}×20`);
    expect(note).toContain(`${ACTIVATION_MAX_SIDE}×20`);
    expect(screen.getByTestId('activation-before').getAttribute('aria-label')).toContain(
      `${ACTIVATION_MAX_SIDE}×20`,
    );
    cleanup();
    act(() => setOwnSlice(syntheticSlice(40, 30)));
    render(<ActivationWidget {...props('activations', { fn: 'relu' })} />);
    expect(screen.queryByTestId('activation-cropped')).toBeNull();
  });

  it('speaks Chinese without stray English', () => {
    act(() => setOwnSlice(syntheticSlice(40, 30, '合成切片')));
    const { container } = render(<ActivationWidget {...props('activations', { fn: 'elu' }, 'zh')} />);
    expect(container.textContent).toContain('激活前');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('pooling explorer', () => {
  const slice = syntheticSlice(64, 48);
  /** ReLU(Sobel-x) of the region as the widget placed it, by hand. */
  function regionMap(top: number, left: number, n: number): number[][] {
    const read = (y: number, x: number) => slice.intensity[(top + y) * 64 + left + x]!;
    return Array.from({ length: n }, (_, y) =>
      Array.from({ length: n }, (_, x) => Math.max(0, conv3(read, SOBEL_X, y, x))),
    );
  }
  const placed = () => {
    const picker = screen.getByTestId('crop-picker');
    return [Number(picker.getAttribute('data-top')), Number(picker.getAttribute('data-left'))] as const;
  };

  it('max pooling: output size from the formula, the window values and the max equal plain loops', () => {
    act(() => setOwnSlice(slice));
    render(<PoolingWidget {...props('pooling', { size: 3, stride: 2, region: 24, wy: 4, wx: 5 })} />);
    const root = screen.getByTestId('pooling-explorer');
    const out = Math.floor((24 - 3) / 2) + 1;
    expect(root.getAttribute('data-out')).toBe(`${out}x${out}`);
    expect(screen.getByTestId('pool-formula').textContent).toContain(`⌊(24 − 3) / 2⌋ + 1 = ${out}`);
    const [top, left] = placed();
    const m = regionMap(top, left, 24);
    const win = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => m[4 * 2 + i]![5 * 2 + j]!));
    const shown = JSON.parse(screen.getByTestId('pool-window').getAttribute('data-values')!) as number[];
    shown.forEach((v, i) => expect(v).toBeCloseTo(win[i]!, 5));
    expect(Number(root.getAttribute('data-output'))).toBeCloseTo(Math.max(...win), 5);
    expect(screen.getByTestId('pool-window').querySelectorAll('td[data-max="true"]')).toHaveLength(1);
    expect(screen.getByTestId('pool-result').textContent).toContain(`is ${fmt(Math.max(...win))}`);
  });

  it('average pooling: sum ÷ count; global average: one number per channel', () => {
    act(() => setOwnSlice(slice));
    const { unmount } = render(
      <PoolingWidget {...props('pooling', { pool: 'avg', region: 24, wy: 2, wx: 3 })} />,
    );
    const [top, left] = placed();
    const m = regionMap(top, left, 24);
    const win = [0, 1].flatMap((i) => [0, 1].map((j) => m[4 + i]![6 + j]!));
    const mean = win.reduce((a, b) => a + b, 0) / 4;
    expect(Number(screen.getByTestId('pooling-explorer').getAttribute('data-output'))).toBeCloseTo(mean, 5);
    expect(screen.getByTestId('pool-result').textContent).toContain(`÷ count 4 = ${fmt(mean)}`);
    unmount();
    render(<PoolingWidget {...props('pooling', { pool: 'global', region: 24 })} />);
    const rows = screen.getByTestId('pool-global-table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(6);
    const all = m.flat();
    expect(Number(rows[0]!.getAttribute('data-mean'))).toBeCloseTo(
      all.reduce((a, b) => a + b, 0) / all.length,
      5,
    );
    expect(screen.getByTestId('pool-formula').textContent).toContain('24×24 = 576 values');
  });

  it('keys and buttons step through the windows and move the region', () => {
    act(() => setOwnSlice(slice));
    const p = props('pooling', { region: 24, wy: 1, wx: 1 });
    render(<PoolingWidget {...p} />);
    const grid = screen.getByTestId('pool-output-grid');
    const right = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    act(() => {
      grid.dispatchEvent(right);
    });
    expect(right.defaultPrevented).toBe(true);
    expect(p.setParam).toHaveBeenCalledWith('wx', 2);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(p.setParam).toHaveBeenCalledWith('wy', 0);
    fireEvent.click(screen.getByTestId('pool-next'));
    expect(p.setParam).toHaveBeenLastCalledWith('wx', 2);
    fireEvent.click(screen.getByTestId('pool-first'));
    expect(p.setParam).toHaveBeenLastCalledWith('wx', 0);
    const picker = screen.getByTestId('crop-picker');
    fireEvent.keyDown(picker, { key: 'ArrowUp', shiftKey: true });
    const [top] = placed();
    expect(p.setParam).toHaveBeenCalledWith('cy', top + 12 - 16);
    // Moves stop at the slice's edge.
    fireEvent.keyDown(picker, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(picker, { key: 'ArrowRight', shiftKey: true });
    expect(p.setParam).toHaveBeenLastCalledWith('cx', Math.min(63, placed()[1] + 12 + 16));
    fireEvent.click(screen.getByTestId('crop-reset'));
    expect(p.setParam).toHaveBeenLastCalledWith('cx', 150);
  });

  it('an image larger than the cap is worked on in its central region, and the page says so', () => {
    act(() => setOwnSlice(syntheticSlice(ACTIVATION_MAX_SIDE + 6, 20)));
    render(<ActivationWidget {...props('activations', { fn: 'relu' })} />);
    const note = screen.getByTestId('activation-cropped').textContent ?? '';
    expect(note).toContain(`${ACTIVATION_MAX_SIDE + 6}×20`);
    expect(note).toContain(`${ACTIVATION_MAX_SIDE}×20`);
    expect(screen.getByTestId('activation-before').getAttribute('aria-label')).toContain(
      `${ACTIVATION_MAX_SIDE}×20`,
    );
    cleanup();
    act(() => setOwnSlice(syntheticSlice(40, 30)));
    render(<ActivationWidget {...props('activations', { fn: 'relu' })} />);
    expect(screen.queryByTestId('activation-cropped')).toBeNull();
  });

  it('speaks Chinese without stray English', () => {
    act(() => setOwnSlice(syntheticSlice(64, 48, '合成切片')));
    const { container } = render(<PoolingWidget {...props('pooling', {}, 'zh')} />);
    expect(container.textContent).toContain('下一个窗口');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('shift experiment', () => {
  it('measures the curves for the crop it shows, tabulates them and reads them out', () => {
    const slice = syntheticSlice(128, 128);
    act(() => setOwnSlice(slice));
    render(<ShiftExperimentWidget {...props('translation', { shifts: 6, poolsize: 2, dir: 'diagonal' })} />);
    const root = screen.getByTestId('shift-experiment');
    expect(root.getAttribute('data-status')).toBe('ready');
    const curves = JSON.parse(root.getAttribute('data-curves')!) as { id: string; distances: number[] }[];
    expect(curves.map((c) => c.id)).toEqual(['conv', 'conv-pool', 'two-stage', 'global']);
    for (const c of curves) {
      expect(c.distances).toHaveLength(7);
      expect(c.distances[0]).toBe(0);
    }
    const top = Number(root.getAttribute('data-top'));
    const left = Number(root.getAttribute('data-left'));
    const again = runShiftExperiment({
      image: { height: 128, width: 128, channels: 1, data: slice.intensity },
      top,
      left,
      size: 64,
      maxShift: 6,
      direction: 'diagonal',
      poolSize: 2,
    });
    expect(curves).toEqual(again.curves);
    expect(screen.getByTestId('shift-table').querySelectorAll('tbody tr')).toHaveLength(7);
    const conv1 = curves[0]!.distances[1]!;
    const pool1 = curves[1]!.distances[1]!;
    const first = screen.getByTestId('shift-findings').querySelector('li')!.textContent!;
    expect(first).toContain(`the distance after conv alone is ${fmt(conv1)}`);
    expect(first).toContain(`conv + ReLU + max-pool ${fmt((100 * pool1) / conv1)}%`);
    expect(screen.getByTestId('shift-findings').textContent).toContain('largest difference over');
    expect(document.querySelectorAll('.line-plot-view__series')).toHaveLength(5);
  });

  it('moves the crop with the keyboard and says why a slice is too small', () => {
    act(() => setOwnSlice(syntheticSlice(128, 128)));
    const p = props('translation');
    render(<ShiftExperimentWidget {...p} />);
    const picker = screen.getByTestId('crop-picker');
    const top = Number(picker.getAttribute('data-top'));
    fireEvent.keyDown(picker, { key: 'ArrowUp' });
    expect(p.setParam).toHaveBeenCalledWith('cy', top + 32 - 4);
    cleanup();
    act(() => setOwnSlice(syntheticSlice(60, 60)));
    render(<ShiftExperimentWidget {...props('translation')} />);
    expect(screen.getByTestId('shift-experiment').getAttribute('data-status')).toBe('error');
    // 64 pixels of crop + 2 of context, + 12 of shift along x.
    expect(screen.getByTestId('shift-error').textContent).toContain(
      'The slice is 60×60 pixels, but a 64-pixel crop shifted by up to 12 pixels needs 78×66',
    );
    cleanup();
    render(<ShiftExperimentWidget {...props('translation', { dir: 'diagonal', shifts: 4 }, 'zh')} />);
    expect(screen.getByTestId('shift-error').textContent).toContain('需要 70×70 像素');
    expect(strayLatinInPage(screen.getByTestId('shift-experiment'))).toEqual([]);
    cleanup();
    act(() => setOwnSlice(syntheticSlice(49, 60)));
    render(<PoolingWidget {...props('pooling', { region: 48 })} />);
    expect(screen.getByTestId('pool-error').textContent).toContain(
      'a 48-pixel region with one pixel of context needs 50×50',
    );
    cleanup();
    act(() => setOwnSlice(null));
    render(<ShiftExperimentWidget {...props('translation')} />);
    // No file yet: the slice line says so (SliceStep) and the experiment waits.
    expect(screen.queryByTestId('shift-experiment')).toBeNull();
    expect(screen.getByTestId('slice-file-input')).toBeTruthy();
  });

  it('draws the plot once a slice arrives after the first render', () => {
    act(() => setOwnSlice(null));
    render(<ShiftExperimentWidget {...props('translation', { shifts: 3 })} />);
    expect(screen.queryByTestId('shift-experiment')).toBeNull();
    expect(document.querySelectorAll('.line-plot-view__series')).toHaveLength(0);
    act(() => setOwnSlice(syntheticSlice(128, 128)));
    expect(screen.getByTestId('shift-experiment').getAttribute('data-status')).toBe('ready');
    expect(document.querySelectorAll('.line-plot-view__series')).toHaveLength(5);
  });

  it('circular shifts leave global average pooling unchanged; the text says so in Chinese', () => {
    act(() => setOwnSlice(syntheticSlice(128, 128, '合成切片')));
    const { container } = render(
      <ShiftExperimentWidget {...props('translation', { border: 'circular', shifts: 5 }, 'zh')} />,
    );
    const curves = JSON.parse(screen.getByTestId('shift-experiment').getAttribute('data-curves')!) as {
      id: string;
      distances: number[];
    }[];
    for (const d of curves.find((c) => c.id === 'global')!.distances) expect(d).toBeLessThan(1e-6);
    expect(container.textContent).toContain('循环平移');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('the lesson on the real lesson page', () => {
  it('the next-window button writes the window into the link, and the link reopens it', async () => {
    const { renderApp } = await import('../ui/testUtils');
    setOwnSlice(syntheticSlice(64, 48));
    renderApp('#/lesson/activation-pooling?step=2&slice=own');
    const next = await screen.findByTestId('pool-next', {}, { timeout: 10_000 });
    fireEvent.click(next);
    await waitFor(() => expect(window.location.hash).toContain('wx=4'));
    await waitFor(() =>
      expect(screen.getByTestId('pooling-explorer').getAttribute('data-window')).toBe('6,4'),
    );
    cleanup();
    renderApp('#/lesson/activation-pooling?step=3&slice=own&shifts=4&poolsize=3');
    await waitFor(
      () => expect(screen.getByTestId('shift-experiment').getAttribute('data-status')).toBe('error'),
      { timeout: 10_000 },
    );
    act(() => setOwnSlice(syntheticSlice(128, 128)));
    await waitFor(() =>
      expect(screen.getByTestId('shift-experiment').getAttribute('data-status')).toBe('ready'),
    );
    expect(JSON.parse(screen.getByTestId('shift-experiment').getAttribute('data-shifts')!)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(screen.getByTestId('shift-experiment').getAttribute('data-pool')).toBe('3');
  });
});

describe('tiny own files', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 3],
  ])('a %i×%i slice gives a clear message in every step, never a crash', (w, h) => {
    act(() => setOwnSlice(syntheticSlice(w, h)));
    const one = render(<ActivationWidget {...props('activations')} />);
    if (w < 2 || h < 2)
      expect(screen.getByTestId('activation-error').textContent).toContain(`The slice is ${w}×${h} pixels`);
    else expect(screen.getByTestId('activation-explorer').getAttribute('data-status')).toBe('ready');
    one.unmount();
    const two = render(<PoolingWidget {...props('pooling')} />);
    expect(screen.getByTestId('pool-error').textContent).toContain(`The slice is ${w}×${h} pixels`);
    two.unmount();
    render(<ShiftExperimentWidget {...props('translation')} />);
    expect(screen.getByTestId('shift-error').textContent).toContain(`The slice is ${w}×${h} pixels`);
  });
});
