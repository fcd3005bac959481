// @vitest-environment jsdom
/**
 * The step-through and the stride/padding widgets of the convolution lesson in a DOM, on a synthetic
 * slice: the numbers they show checked against loops written here, their buttons, keys and slider
 * changing parameters through `setParam`, playing on (fake) animation frames, and Chinese pages
 * without stray English.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { ParamValues } from '../../../src/core/lessons/types';
import { convolution } from '../../../src/lessons/convolution/convolution';
import { SlidingWindowWidget } from '../../../src/lessons/convolution/SlidingWindowWidget';
import { StridePaddingWidget } from '../../../src/lessons/convolution/StridePaddingWidget';
import { convolutionWidgets } from '../../../src/lessons/convolution/widgets';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { strayLatinInPage } from '../helpers/chineseText';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
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

const W = 48;
const H = 40;
/** A bright disc (a nodule) on a gentle ramp. */
function syntheticSlice(name = 'synthetic'): LessonSlice {
  const intensity = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      intensity[y * W + x] =
        0.1 + (Math.hypot(y - 20, x - 24) < 8 ? 0.7 : 0) + 0.003 * x + 0.01 * Math.sin(x + 2 * y);
  return {
    id: 'own',
    name,
    width: W,
    height: H,
    values: intensity.map((v) => 1000 * v - 1000),
    unit: 'HU',
    window: { center: -500, width: 1000 },
    intensity,
  };
}
const slice = syntheticSlice();
const at = (y: number, x: number): number => slice.intensity[y * W + x]!;
const SOBEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1];

/** Sobel x over the 12 × 12 crop at (x0, y0), no padding, stride s: output (oy, ox) by a loop. */
function sobelAt(x0: number, y0: number, oy: number, ox: number, s = 1, bias = 0): number {
  let sum = 0;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) sum += at(y0 + oy * s + i, x0 + ox * s + j) * SOBEL_X[i * 3 + j]!;
  return sum + Math.fround(bias);
}

/** Fake animation frames: `frames(n)` runs n of them, 1/60 s apart. */
function fakeFrames() {
  let queue: ((t: number) => void)[] = [];
  let t = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => {
    queue.push(cb);
    return queue.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    queue = [];
  });
  return (n: number) => {
    for (let i = 0; i < n; i++) {
      t += 1000 / 60;
      const run = queue;
      queue = [];
      act(() => run.forEach((cb) => cb(t)));
    }
  };
}

describe('sliding window (step 1)', () => {
  it('shows the region around (cx, cy), the patch, products and sum of the current position, from convAt', () => {
    act(() => setOwnSlice(slice));
    render(<SlidingWindowWidget {...props('sliding-window', { cx: 24, cy: 20, pos: 37 })} />);
    const root = screen.getByTestId('conv-stepper');
    const region = screen.getByTestId('conv-region');
    const [x0, y0] = [Number(region.dataset.x0), Number(region.dataset.y0)];
    expect([x0, y0]).toEqual([18, 14]);
    expect(root.dataset.positions).toBe('100');
    expect(root.dataset.position).toBe('37');
    expect(Number(root.dataset.output)).toBeCloseTo(sobelAt(x0, y0, 3, 7), 6);
    const patch = [...screen.getByTestId('conv-patch').querySelectorAll('span')].map((s) => s.textContent);
    expect(patch[0]).toBe(String(Math.round(at(y0 + 3, x0 + 7) * 1000) / 1000));
    const products = [...screen.getByTestId('conv-products').querySelectorAll('span')].map((s) =>
      Number(s.textContent!.replace('\u2212', '-')),
    );
    expect(products[2]).toBeCloseTo(at(y0 + 3, x0 + 9), 3);
    expect(products[3]).toBeCloseTo(-2 * at(y0 + 4, x0 + 7), 3);
    expect(screen.getByTestId('conv-worked').textContent).toMatch(/^Σ x·w \+ b = .+ = /);
    expect(screen.getByTestId('conv-status').textContent).toBe('Position 38 of 100: output row 3, column 7');
    expect(screen.getByTestId('conv-kernel').textContent).toContain('−2');
    expect(root.querySelectorAll('svg[data-role="crop"] rect.conv-cell')).toHaveLength(144);
    expect(root.querySelectorAll('svg[data-role="output"] rect[fill="none"]')).toHaveLength(100 - 38);
  });

  it('stride 2, same padding and a bias: positions, padding ring and output follow', () => {
    act(() => setOwnSlice(slice));
    render(
      <SlidingWindowWidget
        {...props('sliding-window', { cx: 24, cy: 20, stride: 2, padding: 'same', bias: 0.5, pos: 7 })}
      />,
    );
    const root = screen.getByTestId('conv-stepper');
    expect(root.dataset.positions).toBe('36');
    // TF 'same' with n = 12, k = 3, s = 2: 6 outputs, padding 0 before and 1 after.
    expect(root.querySelectorAll('svg[data-role="crop"] rect.conv-cell--pad')).toHaveLength(13 * 13 - 144);
    expect(Number(root.dataset.output)).toBeCloseTo(sobelAt(18, 14, 1, 1, 2, 0.5), 6);
    expect(screen.getByTestId('conv-worked').textContent).toContain(' + 0.5 = ');
  });

  it('buttons, arrow keys and the speed slider change the URL parameters', () => {
    act(() => setOwnSlice(slice));
    const p = props('sliding-window', { cx: 24, cy: 20, pos: 11 });
    render(<SlidingWindowWidget {...p} />);
    fireEvent.click(screen.getByTestId('conv-forward'));
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 12);
    expect(screen.getByTestId('conv-stepper').dataset.position).toBe('12');
    fireEvent.click(screen.getByTestId('conv-back'));
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 11);
    const grid = screen.getByTestId('conv-grid');
    expect(fireEvent.keyDown(grid, { key: 'ArrowDown' })).toBe(false); // handled, not page navigation
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 21);
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 22);
    fireEvent.keyDown(grid, { key: 'End' });
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 99);
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 0);
    expect(fireEvent.keyDown(grid, { key: 'a' })).toBe(true);
    fireEvent.click(screen.getByTestId('conv-restart'));
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 0);
    fireEvent.change(screen.getByTestId('conv-speed'), { target: { value: '30' } });
    expect(p.setParam).toHaveBeenLastCalledWith('speed', 30);
    fireEvent.focus(grid);
    expect(screen.getByTestId('conv-stepper').querySelector('[data-role="readout"]')!.textContent).toMatch(
      /^Pixel at row \d+, column \d+: x = /,
    );
  });

  it('the overview moves the region: a click centres it, arrow keys move it by 4 pixels (12 with Shift)', () => {
    act(() => setOwnSlice(slice));
    const p = props('sliding-window', { cx: 24, cy: 20, pos: 5 });
    render(<SlidingWindowWidget {...p} />);
    const region = screen.getByTestId('conv-region');
    vi.spyOn(region, 'getBoundingClientRect').mockReturnValue({
      left: 100,
      top: 50,
      width: 96,
      height: 80,
    } as DOMRect);
    fireEvent.click(region, { clientX: 100 + 48, clientY: 50 + 20 });
    expect(p.setParam.mock.calls).toEqual([
      ['cx', 24],
      ['cy', 10],
      ['pos', 0],
    ]);
    p.setParam.mockClear();
    // Handled here: the page's ← / → step keys never see it.
    expect(fireEvent.keyDown(region, { key: 'ArrowLeft' })).toBe(false);
    expect(p.setParam.mock.calls).toEqual([
      ['cx', 20],
      ['cy', 20],
      ['pos', 0],
    ]);
    p.setParam.mockClear();
    fireEvent.keyDown(region, { key: 'ArrowUp', shiftKey: true });
    expect(p.setParam.mock.calls.slice(0, 2)).toEqual([
      ['cx', 24],
      ['cy', 8],
    ]);
    cleanup();
    const low = props('sliding-window', { cx: 24, cy: 36 });
    render(<SlidingWindowWidget {...low} />);
    fireEvent.keyDown(screen.getByTestId('conv-region'), { key: 'ArrowDown', shiftKey: true });
    expect(low.setParam).toHaveBeenCalledWith('cy', H - 1); // 36 + 12, clamped into the slice
  });

  it('plays on animation frames, at most one position per frame, and hands the position to the URL on pause', () => {
    const frames = fakeFrames();
    act(() => setOwnSlice(slice));
    const p = props('sliding-window', { cx: 24, cy: 20, pos: 0, speed: 60 });
    render(<SlidingWindowWidget {...p} />);
    const root = screen.getByTestId('conv-stepper');
    fireEvent.click(screen.getByTestId('conv-play'));
    expect(root.dataset.playing).toBe('true');
    expect(screen.getByTestId('conv-play').textContent).toBe('Pause');
    frames(10);
    expect(root.dataset.position).toBe('10');
    expect(Number(root.dataset.output)).toBeCloseTo(sobelAt(18, 14, 1, 0), 6);
    expect(p.setParam).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('conv-play'));
    expect(root.dataset.playing).toBe('false');
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 10);
  });

  it('with reduced motion there is no glide, and Play still steps', () => {
    vi.stubGlobal('matchMedia', () => ({
      matches: true,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    }));
    const frames = fakeFrames();
    act(() => setOwnSlice(slice));
    render(<SlidingWindowWidget {...props('sliding-window', { cx: 24, cy: 20, speed: 4 })} />);
    const root = screen.getByTestId('conv-stepper');
    expect(root.className).not.toContain('--tween');
    expect(screen.getByText(/Reduced motion is on/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('conv-play'));
    frames(40); // 2/3 s at 4 per second
    expect(Number(root.dataset.position)).toBeGreaterThanOrEqual(2);
    expect(Number(root.dataset.position)).toBeLessThanOrEqual(4);
  });

  it('speaks Chinese without stray English, and says when no file is open', () => {
    act(() => setOwnSlice(syntheticSlice('合成切片')));
    const { container, unmount } = render(
      <SlidingWindowWidget {...props('sliding-window', { cx: 24, cy: 20 }, 'zh')} />,
    );
    expect(screen.getByTestId('conv-play').textContent).toBe('播放');
    expect(screen.getByTestId('conv-status').textContent).toContain('第 1 个位置');
    expect(strayLatinInPage(container)).toEqual([]);
    unmount();
    act(() => setOwnSlice(null));
    render(<SlidingWindowWidget {...props('sliding-window')} />);
    expect(screen.queryByTestId('conv-stepper')).toBeNull();
    expect(screen.getByTestId('slice-status').textContent).toMatch(/^No file opened yet/);
  });
});

describe('stride, padding and dilation (step 3)', () => {
  it('default: 7 × 7 crop, 3 × 3, no padding → 5 × 5, with the formula in numbers and the pixels seen', () => {
    act(() => setOwnSlice(slice));
    render(<StridePaddingWidget {...props('stride-padding')} />);
    const root = screen.getByTestId('stride-padding');
    expect([root.dataset.outHeight, root.dataset.outWidth, root.dataset.positions]).toEqual(['5', '5', '25']);
    expect(screen.getByTestId('stride-working').textContent).toBe(
      'n′ = ⌊(7 + 2·0 − 1·(3 − 1) − 1) / 1⌋ + 1 = ⌊4/1⌋ + 1 = 5',
    );
    expect(screen.getByTestId('stride-sees').textContent).toBe(
      'Output (0, 0) sees input pixels (0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2).',
    );
    expect(screen.getByTestId('stride-grid').querySelectorAll('rect.conv-tap')).toHaveLength(9);
  });

  it('custom reflect padding, stride 2, dilation 2: padding ring, taps spread, output size', () => {
    act(() => setOwnSlice(slice));
    render(
      <StridePaddingWidget
        {...props('stride-padding', { padding: 'custom', p: 2, fill: 'reflect', s: 2, d: 2, pos: 5 })}
      />,
    );
    const root = screen.getByTestId('stride-padding');
    expect(root.dataset.padding).toBe('2,2,2,2');
    const size = Math.floor((7 + 4 - 4 - 1) / 2) + 1;
    expect(root.dataset.outHeight).toBe(String(size));
    expect(screen.getByTestId('stride-sees').textContent).toContain(
      'Output (1, 1) sees input pixels (0, 0), (0, 2), (0, 4)',
    );
    expect(screen.getByTestId('stride-sees').textContent).not.toContain('padding cell');
    expect(screen.getByTestId('stride-grid').querySelectorAll('.conv-cell--pad')).toHaveLength(11 * 11 - 49);
    cleanup();
    // Output (1, 0): columns −2, 0, 2, so three taps fall in the padding.
    render(
      <StridePaddingWidget
        {...props('stride-padding', { padding: 'custom', p: 2, fill: 'reflect', s: 2, d: 2, pos: 4 })}
      />,
    );
    expect(screen.getByTestId('stride-sees').textContent).toBe(
      'Output (1, 0) sees input pixels (0, 0), (0, 2), (2, 0), (2, 2), (4, 0), (4, 2) and 3 padding cell(s).',
    );
  });

  it('keys and buttons move the output position; an impossible setting says why', () => {
    act(() => setOwnSlice(slice));
    const p = props('stride-padding', { pos: 6 });
    const { unmount } = render(<StridePaddingWidget {...p} />);
    expect(fireEvent.keyDown(screen.getByTestId('stride-grid'), { key: 'ArrowUp' })).toBe(false);
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 1);
    fireEvent.click(screen.getByTestId('stride-forward'));
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 7);
    fireEvent.click(screen.getByTestId('stride-output').querySelectorAll('g')[12]!);
    expect(p.setParam).toHaveBeenLastCalledWith('pos', 12);
    unmount();
    render(<StridePaddingWidget {...props('stride-padding', { n: 5, ks: 5, d: 3 })} />);
    expect(screen.getByTestId('stride-error').textContent).toContain('spans 13 pixels');
  });

  it('plays through the outputs and speaks Chinese', () => {
    const frames = fakeFrames();
    act(() => setOwnSlice(slice));
    const p = props('stride-padding', {}, 'zh');
    const { container } = render(<StridePaddingWidget {...p} />);
    fireEvent.click(screen.getByTestId('stride-play'));
    frames(90);
    expect(Number(screen.getByTestId('stride-padding').dataset.position)).toBeGreaterThanOrEqual(1);
    fireEvent.click(screen.getByTestId('stride-play'));
    expect(p.setParam).toHaveBeenCalledWith('pos', expect.any(Number));
    expect(within(container).getByTestId('stride-sees').textContent).toContain('看到的输入像素');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('widget registry', () => {
  it('loads the widgets lazily by id', async () => {
    act(() => setOwnSlice(slice));
    const Widget = convolutionWidgets['conv-stride-padding']!;
    render(
      <Suspense fallback={<p>loading</p>}>
        <Widget {...props('stride-padding')} />
      </Suspense>,
    );
    expect(await screen.findByTestId('stride-padding')).toBeTruthy();
    expect(Object.keys(convolutionWidgets)).toEqual([
      'conv-sliding-window',
      'conv-feature-map',
      'conv-stride-padding',
      'conv-layer',
    ]);
  });
});
