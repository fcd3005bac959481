// @vitest-environment jsdom
/**
 * The neurons widgets in a DOM: what each shows for given parameters (numbers checked against the
 * lesson's maths computed here independently), that their controls and keys change parameters
 * through `setParam`, and that the Chinese page has no stray English. The last block opens the
 * lesson on the real lesson page and checks that a control writes the link.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { ParamValues } from '../../../src/core/lessons/types';
import { buildClassifierData } from '../../../src/lessons/neurons/classifierData';
import { LinearClassifierWidget } from '../../../src/lessons/neurons/LinearClassifierWidget';
import {
  compareSecondFeatures,
  lineConfusion,
  snappedFit,
  standardisePair,
} from '../../../src/lessons/neurons/lineClassifier';
import { MlpParamsWidget } from '../../../src/lessons/neurons/MlpParamsWidget';
import { NeuronWidget } from '../../../src/lessons/neurons/NeuronWidget';
import { neurons } from '../../../src/lessons/neurons/neurons';
import { fmtNum, fmtSig } from '../../../src/lessons/neurons/neuronsFormat';
import { PermuteWidget } from '../../../src/lessons/neurons/PermuteWidget';
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
  const step = neurons.steps.find((s) => s.id === stepId)!;
  const setParam = vi.fn();
  return { lesson: neurons, step, params: { ...defaultParams(step), ...params }, lang, setParam };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('one neuron', () => {
  it('writes the sum and the output with the current numbers', () => {
    render(<NeuronWidget {...props('one-neuron')} />);
    // Defaults: z = 1.5·0.05 + 0.8·0.8 + 1.2·0.9 − 1 = 0.795.
    const root = screen.getByTestId('neuron-widget');
    expect(Number(root.getAttribute('data-z'))).toBeCloseTo(0.795, 12);
    expect(Number(root.getAttribute('data-y'))).toBeCloseTo(sigmoid(0.795), 12);
    const z = screen.getByTestId('neuron-formula-z').textContent ?? '';
    expect(z).toContain('1.5·0.05 + 0.8·0.8 + 1.2·0.9 + (−1)');
    expect(z).toContain('0.075 + 0.64 + 1.08 + (−1) = 0.795');
    expect(screen.getByTestId('neuron-formula-y').textContent).toContain(
      `σ(0.795) = ${fmtNum(sigmoid(0.795), 4)}`,
    );
    expect(screen.getByTestId('neuron-diagram').textContent).toContain('z = 0.795');
    expect(screen.getByTestId('neuron-activation-plot').querySelector('svg')).not.toBeNull();
  });

  it('ReLU of a negative sum is 0; a negative weight is drawn dashed, a zero weight dotted', () => {
    render(<NeuronWidget {...props('one-neuron', { act: 'relu', w1: -2, w2: 0, b: -3 })} />);
    // z = −2·0.05 + 0 + 1.2·0.9 − 3 = −2.02.
    const root = screen.getByTestId('neuron-widget');
    expect(Number(root.getAttribute('data-z'))).toBeCloseTo(-2.02, 12);
    expect(root.getAttribute('data-y')).toBe('0');
    expect(screen.getByTestId('neuron-formula-y').textContent).toContain('max(0, −2.02) = 0');
    const edge1 = screen.getByTestId('neuron-edge-1');
    expect(edge1.getAttribute('data-sign')).toBe('-1');
    expect(edge1.querySelector('line')?.getAttribute('stroke-dasharray')).toBe('9 5');
    expect(screen.getByTestId('neuron-edge-2').querySelector('line')?.getAttribute('stroke-dasharray')).toBe(
      '2 5',
    );
    expect(
      screen.getByTestId('neuron-edge-3').querySelector('line')?.getAttribute('stroke-dasharray'),
    ).toBeNull();
  });

  it('its sliders and activation buttons set the parameters', () => {
    const p = props('one-neuron');
    render(<NeuronWidget {...p} />);
    fireEvent.change(within(screen.getByTestId('slider-x1')).getByRole('slider'), {
      target: { value: '1.25' },
    });
    expect(p.setParam).toHaveBeenLastCalledWith('x1', 1.25);
    fireEvent.change(within(screen.getByTestId('slider-w3')).getByRole('slider'), {
      target: { value: '-0.5' },
    });
    expect(p.setParam).toHaveBeenLastCalledWith('w3', -0.5);
    fireEvent.change(within(screen.getByTestId('slider-b')).getByRole('slider'), { target: { value: '2' } });
    expect(p.setParam).toHaveBeenLastCalledWith('b', 2);
    fireEvent.click(within(screen.getByTestId('neuron-activation')).getByLabelText(/tanh/));
    expect(p.setParam).toHaveBeenLastCalledWith('act', 'tanh');
    // Every control has an accessible name.
    for (const el of screen.getAllByRole('slider'))
      expect(el.id && document.querySelector(`label[for="${el.id}"]`)).toBeTruthy();
  });

  it('in Chinese: no stray English', () => {
    const { container } = render(<NeuronWidget {...props('one-neuron', { act: 'linear' }, 'zh')} />);
    expect(screen.getByText('输入与权重')).toBeTruthy();
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('linear classifier', () => {
  const data = buildClassifierData();

  it('shows the confusion counts of the current line, computed independently here', async () => {
    render(<LinearClassifierWidget {...props('linear-classifier', { w1: 1, w2: -0.5, b: 0.2 })} />);
    expect(screen.getByTestId('classifier-widget').getAttribute('data-state')).toBe('loading');
    await waitFor(
      () => expect(screen.getByTestId('classifier-widget').getAttribute('data-state')).toBe('ready'),
      {
        timeout: 20_000,
      },
    );
    // The default second feature is the blob filter.
    expect(screen.getByTestId('classifier-widget').getAttribute('data-f2')).toBe('dotFilter');
    const pair = standardisePair(data.meanHu, data.second.dotFilter);
    const c = lineConfusion(pair.rows, data.labels, { w1: 1, w2: -0.5, b: 0.2 });
    expect(screen.getByTestId('classifier-tp').textContent).toBe(String(c.tp));
    expect(screen.getByTestId('classifier-fp').textContent).toBe(String(c.fp));
    expect(screen.getByTestId('classifier-tn').textContent).toBe(String(c.tn));
    expect(screen.getByTestId('classifier-fn').textContent).toBe(String(c.fn));
    expect(screen.getByTestId('classifier-accuracy').textContent).toBe(`${(100 * c.accuracy).toFixed(1)}%`);
    expect(screen.getByTestId('classifier-live').getAttribute('data-fitted')).toBe('false');
    expect(screen.getByTestId('classifier-line').textContent).toContain('1·z₁ + (−0.5)·z₂ + 0.2 = 0');
    // The plot: one mark per patch, a decision line.
    // (drawn by the scatter view's effect, which may come a moment after the numbers on a busy machine)
    const plot = screen.getByTestId('classifier-scatter');
    await waitFor(() => expect(plot.querySelectorAll('path[data-cls]')).toHaveLength(data.count));
    expect(plot.querySelector('[data-testid="scatter-boundary"]')?.getAttribute('display')).toBeNull();
    // Every count is labelled as training counts.
    expect(screen.getByTestId('classifier-confusion').textContent).toContain('training counts');
    expect(screen.getByText('Training accuracy (on the fitted patches)', { selector: 'dt' })).toBeTruthy();
  });

  it('the comparison table and its sentence read the computed fits', async () => {
    render(<LinearClassifierWidget {...props('linear-classifier', { f2: 'edgeDensity' })} />);
    await screen.findByTestId('classifier-compare', {}, { timeout: 20_000 });
    const rows = compareSecondFeatures(data);
    for (const r of rows) {
      const tr = screen.getByTestId(`classifier-compare-${r.id}`);
      expect(Number(tr.getAttribute('data-accuracy'))).toBe(r.confusion.accuracy);
      expect(tr.textContent).toContain(`${(100 * r.confusion.accuracy).toFixed(1)}%`);
      expect(tr.className.includes('current')).toBe(r.id === 'edgeDensity');
    }
    const alone = rows[0]!.confusion;
    const edge = rows.find((r) => r.id === 'edgeDensity')!.confusion;
    expect(screen.getByTestId('classifier-compare-summary').textContent).toBe(
      `With mean HU alone the best line is right on ${(100 * alone.accuracy).toFixed(1)}% of the patches; with mean HU and “Edge density (Sobel)” on ${(100 * edge.accuracy).toFixed(1)}%. Even that line leaves ${edge.fp + edge.fn} of the 160 patches on the wrong side: the two classes overlap in these features.`,
    );
  });

  it('Fit writes the logistic-regression weights; the fitted line is recognised', async () => {
    const p = props('linear-classifier', { f2: 'dotFilter' });
    const { unmount } = render(<LinearClassifierWidget {...p} />);
    const fit = await screen.findByTestId('classifier-fit', {}, { timeout: 20_000 });
    fireEvent.click(fit);
    const pair = standardisePair(data.meanHu, data.second.dotFilter);
    const expected = snappedFit(pair.rows, data.labels);
    expect(p.setParam).toHaveBeenCalledWith('w1', expected.w1);
    expect(p.setParam).toHaveBeenCalledWith('w2', expected.w2);
    expect(p.setParam).toHaveBeenCalledWith('b', expected.b);
    unmount();
    render(<LinearClassifierWidget {...props('linear-classifier', { f2: 'dotFilter', ...expected })} />);
    await waitFor(() =>
      expect(screen.getByTestId('classifier-live').getAttribute('data-fitted')).toBe('true'),
    );
    const c = lineConfusion(pair.rows, data.labels, expected);
    expect(Number(screen.getByTestId('classifier-live').getAttribute('data-accuracy'))).toBeCloseTo(
      c.accuracy,
      12,
    );
    expect(c.accuracy).toBeGreaterThan(0.7);
  });

  it('its feature choice and sliders set the parameters; Chinese has no stray English', async () => {
    const p = props('linear-classifier', {}, 'zh');
    const { container } = render(<LinearClassifierWidget {...p} />);
    await screen.findByTestId('classifier-live', {}, { timeout: 20_000 });
    expect(screen.getByTestId('classifier-compare-summary').textContent).toContain('斑点滤波响应');
    fireEvent.click(within(screen.getByTestId('classifier-feature')).getByLabelText('HU 值的标准差'));
    expect(p.setParam).toHaveBeenLastCalledWith('f2', 'sdHu');
    fireEvent.change(within(screen.getByTestId('slider-w2')).getByRole('slider'), {
      target: { value: '-1.37' },
    });
    expect(p.setParam).toHaveBeenLastCalledWith('w2', -1.37);
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('MLP parameter counts', () => {
  it('counts every layer by its formula, for the patch and the slice, against the CNN', () => {
    render(<MlpParamsWidget {...props('mlp-params', { layers: 2, u1: 128, u2: 64 })} />);
    const root = screen.getByTestId('mlp-params-widget');
    // 4,096·128 + 128 = 524,416; 128·64 + 64 = 8,256; 64·2 + 2 = 130.
    expect(root.getAttribute('data-mlp-patch')).toBe(String(524_416 + 8_256 + 130));
    // 262,144·128 + 128 = 33,554,560.
    expect(root.getAttribute('data-mlp-slice')).toBe(String(33_554_560 + 8_256 + 130));
    // CNN: 80 + 1,168 + (16·16·16·2 + 2 = 8,194) = 9,442; on 512: 80 + 1,168 + 524,290.
    expect(root.getAttribute('data-cnn-patch')).toBe('9442');
    expect(root.getAttribute('data-cnn-slice')).toBe(String(80 + 1168 + 524_290));
    const table = screen.getByTestId('mlp-table').textContent ?? '';
    expect(table).toContain('4,096 × 128 + 128 = 524,416');
    expect(table).toContain('262,144 × 128 + 128 = 33,554,560');
    expect(table).toContain('16 × (3·3·8 + 1) = 1,168');
    expect(screen.getByTestId('mlp-total-patch').textContent).toBe('532,802');
    expect(screen.getByTestId('param-bar-mlp-slice').getAttribute('data-value')).toBe(
      String(33_554_560 + 8_256 + 130),
    );
    expect(screen.getAllByTestId(/^param-bar-/)).toHaveLength(4);
  });

  it('global pooling keeps the CNN at 1,282 parameters for both sizes; the unused unit slider is disabled', () => {
    render(<MlpParamsWidget {...props('mlp-params', { layers: 1, head: 'global' })} />);
    const root = screen.getByTestId('mlp-params-widget');
    expect(root.getAttribute('data-cnn-patch')).toBe('1282');
    expect(root.getAttribute('data-cnn-slice')).toBe('1282');
    expect(within(screen.getByTestId('slider-u2')).getByRole('slider')).toHaveProperty('disabled', true);
    expect(within(screen.getByTestId('slider-u1')).getByRole('slider')).toHaveProperty('disabled', false);
  });

  it('its controls set the parameters; Chinese has no stray English', () => {
    const p = props('mlp-params', {}, 'zh');
    const { container } = render(<MlpParamsWidget {...p} />);
    fireEvent.click(within(screen.getByTestId('mlp-layers')).getByLabelText('3'));
    expect(p.setParam).toHaveBeenLastCalledWith('layers', 3);
    fireEvent.change(within(screen.getByTestId('slider-u1')).getByRole('slider'), {
      target: { value: '512' },
    });
    expect(p.setParam).toHaveBeenLastCalledWith('u1', 512);
    fireEvent.click(within(screen.getByTestId('mlp-head')).getByLabelText('全局最大池化'));
    expect(p.setParam).toHaveBeenLastCalledWith('head', 'global');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

/** A smooth synthetic slice: gentle waves and a bright disc, intensities in [0, 1]. */
function syntheticSlice(width: number, height: number): LessonSlice {
  const intensity = Float32Array.from({ length: width * height }, (_, i) => {
    const x = i % width;
    const y = Math.floor(i / width);
    const disc = (x - 40) ** 2 + (y - 50) ** 2 < 15 ** 2 ? 0.4 : 0;
    return 0.3 + 0.2 * Math.sin(x / 9) * Math.cos(y / 13) + disc;
  });
  return {
    id: 'own',
    name: 'synthetic.png',
    width,
    height,
    values: intensity.map((v) => 255 * v),
    unit: '',
    window: { center: 127.5, width: 255 },
    intensity,
  };
}

describe('permutation', () => {
  it('shows both patches; the MLP gives the same outputs, the statistics differ', () => {
    act(() => setOwnSlice(syntheticSlice(128, 96)));
    render(<PermuteWidget {...props('permute', { slice: 'own', cx: 50, cy: 100, seed: 4 })} />);
    const live = screen.getByTestId('permute-live');
    // cx 50 % of 128 − 64 = 32; cy 100 % of 96 − 64 = 32.
    expect([live.getAttribute('data-x0'), live.getAttribute('data-y0')]).toEqual(['32', '32']);
    expect(screen.getByTestId('permute-position').textContent).toContain('columns 32–95, rows 32–95');
    expect(Number(live.getAttribute('data-corr-original'))).toBeGreaterThan(0.9);
    expect(Math.abs(Number(live.getAttribute('data-corr-shuffled')))).toBeLessThan(0.1);
    expect(Number(live.getAttribute('data-mlp-max-diff'))).toBeLessThan(1e-9);
    const cells = (id: string) =>
      [...screen.getByTestId(`mlp-row-${id}`).querySelectorAll('td')].map((c) => c.textContent);
    expect(cells('permuted')).toEqual(cells('original'));
    expect(cells('naive')).not.toEqual(cells('original'));
    const y1 = Number(screen.getByTestId('mlp-row-original').getAttribute('data-y1'));
    expect(cells('original')[0]).toBe(fmtSig(y1, 10));
    for (const id of ['original', 'shuffled', 'sobel-original', 'sobel-shuffled'])
      expect(screen.getByTestId(`permute-${id}`).getAttribute('role')).toBe('img');
    expect(screen.queryByTestId('permute-restored')).toBeNull();
  });

  it('undo shows the un-shuffled patch, identical to the original', () => {
    act(() => setOwnSlice(syntheticSlice(128, 96)));
    render(<PermuteWidget {...props('permute', { slice: 'own', undo: 'on' })} />);
    expect(screen.getByTestId('permute-restored')).toBeTruthy();
    expect(screen.getByTestId('permute-shuffled')).toBeTruthy();
    expect(screen.getByTestId('permute-restored-check').textContent).toBe(
      'Pixels that differ from the original: 0 of 4,096.',
    );
    expect(screen.getByTestId('permute-live').getAttribute('data-restored-diff')).toBe('0');
  });

  it('arrow keys on the overview move the patch without leaving the step; buttons set the seed and undo', () => {
    act(() => setOwnSlice(syntheticSlice(128, 96)));
    const p = props('permute', { slice: 'own', cx: 20, cy: 30, seed: 99 });
    render(<PermuteWidget {...p} />);
    const overview = screen.getByTestId('permute-overview');
    expect(overview.getAttribute('tabindex')).toBe('0');
    // The shared slice overview, outlining the patch (columns 0.2·64 ≈ 13, rows 0.3·32 ≈ 10).
    expect(overview.className).toBe('slice-overview');
    const rect = overview.querySelector('rect');
    expect([rect?.getAttribute('x'), rect?.getAttribute('y'), rect?.getAttribute('width')]).toEqual([
      '13',
      '10',
      '64',
    ]);
    const right = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    act(() => {
      overview.dispatchEvent(right);
    });
    expect(right.defaultPrevented).toBe(true);
    expect(p.setParam).toHaveBeenCalledWith('cx', 21);
    expect(p.setParam).toHaveBeenLastCalledWith('cy', 30);
    fireEvent.keyDown(overview, { key: 'ArrowDown', shiftKey: true });
    expect(p.setParam).toHaveBeenLastCalledWith('cy', 40);
    fireEvent.keyDown(overview, { key: 'ArrowUp', shiftKey: true });
    expect(p.setParam).toHaveBeenLastCalledWith('cy', 20);
    p.setParam.mockClear();
    fireEvent.keyDown(overview, { key: 'a' });
    expect(p.setParam).not.toHaveBeenCalled();
    // A click centres the patch on the clicked pixel: (64, 48) of the 128×96 slice → corner (32, 16),
    // 50 % of the free ranges 64 and 32.
    vi.spyOn(overview, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 10, y: 20, width: 256, height: 192 }),
    );
    fireEvent.click(overview, { clientX: 10 + 128, clientY: 20 + 96 });
    expect(p.setParam).toHaveBeenCalledWith('cx', 50);
    expect(p.setParam).toHaveBeenLastCalledWith('cy', 50);
    fireEvent.click(screen.getByTestId('permute-another'));
    expect(p.setParam).toHaveBeenLastCalledWith('seed', 1);
    fireEvent.click(screen.getByTestId('permute-undo'));
    expect(p.setParam).toHaveBeenLastCalledWith('undo', 'on');
    fireEvent.change(within(screen.getByTestId('slider-cx')).getByRole('slider'), {
      target: { value: '70' },
    });
    expect(p.setParam).toHaveBeenLastCalledWith('cx', 70);
  });

  it('a slice smaller than the patch gets a clear message; no file yet says so', () => {
    act(() => setOwnSlice(syntheticSlice(40, 100)));
    render(<PermuteWidget {...props('permute', { slice: 'own' })} />);
    expect(screen.getByTestId('permute-too-small').textContent).toContain(
      '40×100 pixels, smaller than the 64×64 patch',
    );
    expect(screen.queryByTestId('permute-live')).toBeNull();
    cleanup();
    act(() => setOwnSlice(null));
    render(<PermuteWidget {...props('permute', { slice: 'own' })} />);
    expect(screen.queryByTestId('permute-live')).toBeNull();
    expect(screen.getByTestId('slice-status').textContent).toContain('No file opened yet');
  });

  it('in Chinese: no stray English', () => {
    // The slice's name is the file's own name (shown as is): give it a Chinese one.
    act(() => setOwnSlice({ ...syntheticSlice(128, 96), name: '合成切片' }));
    const { container } = render(<PermuteWidget {...props('permute', { slice: 'own', undo: 'on' }, 'zh')} />);
    expect(screen.getByText('打乱后再还原')).toBeTruthy();
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('the lesson on the real lesson page', () => {
  it('a control writes its parameter into the link, and the link reopens it', async () => {
    const { renderApp } = await import('../ui/testUtils');
    renderApp('#/lesson/neurons?step=3');
    const radios = await screen.findByTestId('mlp-layers', {}, { timeout: 10_000 });
    fireEvent.click(within(radios).getByLabelText('2'));
    await waitFor(() => expect(window.location.hash).toContain('layers=2'));
    await waitFor(() =>
      expect(screen.getByTestId('mlp-params-widget').getAttribute('data-mlp-patch')).toBe(
        String(524_416 + 8_256 + 130),
      ),
    );
    cleanup();
    renderApp('#/lesson/neurons?step=1&x1=1&w1=2&x2=0&x3=0&b=0&act=linear');
    await waitFor(() => expect(screen.getByTestId('neuron-widget').getAttribute('data-z')).toBe('2'), {
      timeout: 10_000,
    });
  });
});
