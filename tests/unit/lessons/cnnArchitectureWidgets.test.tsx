// @vitest-environment jsdom
/**
 * The widgets of steps 1 and 2 of cnn-architecture in a DOM, with real zoo models (seeded random
 * weights, tfjs on the wasm backend) injected through setZooModelLoader, on a synthetic CT slice. The
 * numbers they show are checked against the core maths computed here (prepareZooInput, analyseGraph,
 * receptiveBox, graphTotals, the model's own predict); controls change parameters through setParam;
 * Chinese pages have no stray English; every runner is disposed (no tensor left).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { ParamValues } from '../../../src/core/lessons/types';
import { analyseGraph, graphTotals, receptiveBox } from '../../../src/core/models/analyseGraph';
import { describeModel } from '../../../src/core/models/describeModel';
import { windowToUnit } from '../../../src/core/models/preprocessSlice';
import { getZooModel } from '../../../src/core/models/zooCatalog';
import type { ZooManifest, ZooModelId } from '../../../src/core/models/zooTypes';
import { ZooRunner } from '../../../src/core/models/ZooRunner';
import { cnnArchitecture } from '../../../src/lessons/cnn-architecture/cnnArchitecture';
import { InputWidget } from '../../../src/lessons/cnn-architecture/InputWidget';
import { LayerTableWidget } from '../../../src/lessons/cnn-architecture/LayerTableWidget';
import { depthPoints } from '../../../src/lessons/cnn-architecture/layerTable';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import { setZooModelLoader } from '../../../src/ui/zoo/useZooModel';
import { strayLatinInPage } from '../helpers/chineseText';
import { ctLessonSlice } from '../helpers/ctLessonSlice';
import { tensorCounts } from '../helpers/tensorLeak';
import { layers, startTf, tf } from '../helpers/tfBackend';

let before: ReturnType<typeof tensorCounts>;
let manifestFor: (id: ZooModelId) => ZooManifest | null = () => null;

startTf('wasm');

beforeAll(async () => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  before = tensorCounts(tf);
  setZooModelLoader(async (id) => ({
    runner: await ZooRunner.create(getZooModel(id)!.build(layers, 3)),
    manifest: manifestFor(id),
  }));
});
afterEach(() => {
  cleanup();
  manifestFor = () => null;
});
afterAll(async () => {
  setZooModelLoader(null); // disposes every cached runner
  await new Promise((r) => setTimeout(r, 0));
  expect(tensorCounts(tf)).toEqual(before);
});

const W = 120;
const H = 100;
/** A chest-CT-like slice in HU at 0.7 mm: lung (−850) with a soft-tissue disc (+40) around (60, 40). */
function ctSlice(extra: Partial<LessonSlice> = {}): LessonSlice {
  return ctLessonSlice(
    W,
    H,
    (y, x) => (Math.hypot(y - 60, x - 40) < 8 ? 40 : -850) + 30 * Math.sin(0.3 * x + 0.2 * y),
    extra,
  );
}

function props(stepId: string, params: ParamValues = {}, lang: 'en' | 'zh' = 'en') {
  const step = cnnArchitecture.steps.find((s) => s.id === stepId)!;
  const setParam = vi.fn();
  return {
    lesson: cnnArchitecture,
    step,
    params: { ...defaultParams(step), slice: 'own', ...params },
    lang,
    setParam,
  };
}

function analysisOf(id: ZooModelId) {
  const model = getZooModel(id)!.build(layers, 3);
  try {
    return analyseGraph(describeModel(model));
  } finally {
    model.dispose();
  }
}

const data = (id: string, name: string) => screen.getByTestId(id).getAttribute(`data-${name}`);

describe('step 1: model and input', () => {
  it('shows the preprocessing with the slice’s numbers, the card from the analysis and the model’s prediction', async () => {
    const slice = ctSlice();
    act(() => setOwnSlice(slice));
    const p = props('model-and-input', { cx: 40, cy: 60 });
    render(<InputWidget {...p} />);
    const card = await screen.findByTestId('cnn-model-card', {}, { timeout: 20_000 });
    const analysis = analysisOf('tiny-vgg');
    const totals = graphTotals(analysis);
    expect(Number(card.dataset.params)).toBe(totals.params);
    expect(Number(card.dataset.flops)).toBe(totals.flops);
    expect(screen.getByTestId('cnn-card-params').textContent).toBe(totals.params.toLocaleString('en-US'));
    expect(data('cnn-card-rf', 'size')).toBe(
      String(analysis.find((a) => a.name === 'max_pool_2')!.receptiveField!.size[0]),
    );
    expect(screen.getByTestId('cnn-card-no-manifest')).toBeTruthy();

    // The pipeline: a 64-pixel crop (64 × 0.7 mm at 0.7 mm) around row 60, column 40.
    const input = prepareZooInput(slice, getZooModel('tiny-vgg')!, { row: 60, column: 40 });
    expect(screen.getByTestId('cnn-crop').textContent).toBe(
      'Crop: 64 × 64 pixels (44.8 mm) around row 60, column 40.',
    );
    expect(data('cnn-overview', 'side')).toBe('64');
    expect(screen.getByTestId('cnn-window').textContent).toContain('L −600, W 1500');
    const v = slice.values[60 * W + 40]!;
    expect(Number(data('cnn-window-example', 'value'))).toBeCloseTo(windowToUnit(v, -600, 1500), 6);
    const zeros = input.windowed.filter((x) => x === 0).length / input.windowed.length;
    expect(screen.getByTestId('cnn-clipped').textContent).toContain(
      `${(100 * zeros).toFixed(1).replace(/\.0$/, '')} %`,
    );
    expect(Number(data('cnn-resize', 'scale'))).toBe(input.scale);
    expect(screen.getByTestId('cnn-centre-source').textContent).toBe('Centre chosen by you.');

    // The prediction: the model's probabilities for this very input (model.predict through the runner).
    await waitFor(() => expect(screen.getByTestId('cnn-timing')).toBeTruthy(), { timeout: 20_000 });
    const { getLoadedZooModel } = await import('../../../src/ui/zoo/useZooModel');
    const loaded = await getLoadedZooModel('tiny-vgg');
    const expected = await loaded.runner.predict(input.input);
    const shown = [0, 1].map((i) => Number(data(`cnn-prob-${i}`, 'value')));
    shown.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 5));
    expect(Number(data('cnn-probs', 'sum'))).toBeCloseTo(1, 5);
    expect(screen.getByTestId('cnn-input').dataset.status).toBe('ready');
  });

  it('moves the centre by click, arrow keys and back to automatic; the select changes the model', async () => {
    act(() => setOwnSlice(ctSlice()));
    const p = props('model-and-input', { cx: 40, cy: 60 });
    render(<InputWidget {...p} />);
    const overview = await screen.findByTestId('cnn-overview', {}, { timeout: 20_000 });
    vi.spyOn(overview, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 200,
      height: (200 * H) / W,
      right: 200,
      bottom: (200 * H) / W,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.click(overview, { clientX: 100, clientY: 50 });
    expect(p.setParam).toHaveBeenCalledWith('cx', 60);
    expect(p.setParam).toHaveBeenCalledWith('cy', 30);
    p.setParam.mockClear();
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    expect(p.setParam.mock.calls).toEqual([
      ['cx', 48],
      ['cy', 60],
    ]);
    p.setParam.mockClear();
    fireEvent.keyDown(overview, { key: 'ArrowUp', shiftKey: true });
    expect(p.setParam.mock.calls).toEqual([
      ['cx', 40],
      ['cy', 28],
    ]);
    p.setParam.mockClear();
    fireEvent.click(screen.getByTestId('cnn-auto-centre'));
    expect(p.setParam.mock.calls).toEqual([
      ['cx', -1],
      ['cy', -1],
    ]);
    const select = screen.getByTestId('cnn-model-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      'mlp',
      'lenet5',
      'tiny-vgg',
      'mobilenet',
      'resnet',
      'unet',
      'dae',
    ]);
    fireEvent.change(select, { target: { value: 'resnet' } });
    expect(p.setParam).toHaveBeenCalledWith('model', 'resnet');
  });

  it('uses the image’s own window without HU and says when the spacing is assumed; shows a manifest', async () => {
    manifestFor = (id) => ({
      id,
      task: 'region',
      data: { trainSeed: 11, trainSize: 1200, validationSeed: 12, validationSize: 300 },
      training: {
        epochs: 8,
        batchSize: 32,
        optimizer: 'adam',
        learningRate: 0.002,
        initSeed: 1,
        backend: 'wasm',
        seconds: 42,
        log: [],
      },
      metrics: { auc: 0.9512, accuracy: 0.875 },
      params: 1,
      weightBytes: 24_900,
      tfjs: '4.22.0',
      trainedAt: '2025-01-01',
    });
    act(() =>
      setOwnSlice(ctSlice({ unit: '', spacingMm: undefined, window: { center: -400, width: 1000 } })),
    );
    render(<InputWidget {...props('model-and-input', { model: 'mobilenet' })} />);
    await screen.findByTestId('cnn-model-card', {}, { timeout: 20_000 });
    expect(data('cnn-window', 'from')).toBe('image');
    expect(screen.getByTestId('cnn-window').textContent).toContain('L −400, W 1000');
    expect(screen.getAllByText(/no pixel size: the model’s 1.4 mm is assumed/).length).toBeGreaterThan(0);
    expect(screen.getByTestId('cnn-centre-source').textContent).toBe(
      'Automatic centre: the middle of the slice.',
    );
    expect(screen.getByTestId('cnn-card-data').textContent).toBe(
      '1200 generated phantoms (seed 11); validation: 300 others (seed 12)',
    );
    expect(screen.getByTestId('cnn-card-metrics').textContent).toBe('AUC 0.951, accuracy 0.875');
    expect(screen.getByTestId('cnn-card-weights').textContent).toBe('24.9 KB');
    // The manifest's count (1) disagrees with the definition: said so.
    expect(within(screen.getByTestId('cnn-card-params')).getByRole('alert').textContent).toContain('says 1:');
    await waitFor(() => expect(screen.getAllByTestId(/^cnn-prob-/)).toHaveLength(4), { timeout: 20_000 });
  });

  it('outlines the U-Net’s mask over the input and reports the denoiser’s change, from the model’s output', async () => {
    const slice = ctSlice();
    act(() => setOwnSlice(slice));
    const { getLoadedZooModel } = await import('../../../src/ui/zoo/useZooModel');
    render(<InputWidget {...props('model-and-input', { model: 'unet' })} />);
    await waitFor(() => expect(screen.getByTestId('cnn-timing')).toBeTruthy(), { timeout: 20_000 });
    // The automatic centre of an own file is the slice's middle (preprocessSlice's default).
    const unetInput = prepareZooInput(slice, getZooModel('unet')!).input;
    const mask = await (await getLoadedZooModel('unet')).runner.predict(unetInput);
    const positive = mask.filter((v) => v >= 0.5).length;
    expect(Number(data('cnn-prediction', 'positive'))).toBe(positive);
    expect(screen.getByTestId('cnn-prediction').textContent).toContain(`${positive} pixels with P ≥ 0.5`);
    expect(screen.getByTestId('cnn-mask-outline').getAttribute('d') === '').toBe(positive === 0);
    cleanup();
    render(<InputWidget {...props('model-and-input', { model: 'dae' })} />);
    await waitFor(() => expect(screen.getByTestId('cnn-timing')).toBeTruthy(), { timeout: 20_000 });
    const daeInput = prepareZooInput(slice, getZooModel('dae')!).input;
    const out = await (await getLoadedZooModel('dae')).runner.predict(daeInput);
    const change = out.reduce((s, v, i) => s + Math.abs(v - daeInput[i]!), 0) / out.length;
    const shown = /Mean absolute change from the input: ([\d.]+)\./.exec(
      screen.getByTestId('cnn-prediction').textContent!,
    );
    expect(Number(shown![1])).toBeCloseTo(change, 3);
  });

  it('has no stray English in Chinese', async () => {
    act(() => setOwnSlice(ctSlice({ name: '合成切片' })));
    const { container } = render(<InputWidget {...props('model-and-input', {}, 'zh')} />);
    await waitFor(() => expect(screen.getByTestId('cnn-timing')).toBeTruthy(), { timeout: 20_000 });
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('step 2: layer table', () => {
  it('lists every layer from the analysis with totals; the default layer’s centre unit is outlined', async () => {
    act(() => setOwnSlice(ctSlice()));
    render(<LayerTableWidget {...props('layer-table')} />);
    await screen.findByTestId('cnn-layer-table', {}, { timeout: 20_000 });
    const analysis = analysisOf('tiny-vgg');
    const rows = screen.getByTestId('cnn-layer-table').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.querySelector('code')!.textContent)).toEqual(analysis.map((a) => a.name));
    analysis.forEach((a) => {
      expect(Number(data(`cnn-layer-row-${a.name}`, 'params'))).toBe(a.params);
      expect(data(`cnn-layer-row-${a.name}`, 'rf-size')).toBe(
        a.receptiveField ? a.receptiveField.size.join(',') : '',
      );
    });
    expect(Number(data('cnn-layer-total', 'params'))).toBe(graphTotals(analysis).params);
    expect(screen.getByTestId('cnn-layer-manifest').textContent).toContain('No training record');
    // Default: the last layer with a spatial field, max_pool_2 (13 × 13): its centre unit (6, 6).
    expect(screen.getByTestId('cnn-layers').dataset.layer).toBe('max_pool_2');
    const pool = analysis.find((a) => a.name === 'max_pool_2')!;
    const box = receptiveBox(pool, 6, 6)!;
    await screen.findByTestId('cnn-rf-box');
    expect(data('cnn-rf-box', 'rows')).toBe(String(box.rows));
    expect(data('cnn-rf-box', 'columns')).toBe(String(pool.receptiveField!.size[1]));
    expect(data('cnn-rf-box', 'row0')).toBe(String(box.row0));
    expect(screen.getByTestId('cnn-rf-text').textContent).toContain(`${box.rows} × ${box.columns} pixels`);
    expect(screen.getByTestId('cnn-rf-recurrence').textContent).toContain(
      'r = 14 + (2 − 1) × 2 = 16,  j = 2 × 2 = 4',
    );
    const points = screen.getByTestId('cnn-rf-chart').querySelectorAll('circle');
    expect([...points].map((c) => Number(c.getAttribute('data-size')))).toEqual(
      depthPoints(analysis).map((p) => p.size),
    );
  });

  it('selects layers by click and keyboard; a vector layer has no box', async () => {
    act(() => setOwnSlice(ctSlice()));
    const p = props('layer-table', { layer: 'conv_2_1' });
    const view = render(<LayerTableWidget {...p} />);
    await screen.findByTestId('cnn-rf-box', {}, { timeout: 20_000 });
    expect(data('cnn-rf-box', 'rows')).toBe('10');
    expect(screen.getByTestId('cnn-rf-recurrence').textContent).toContain('r = 6 + (3 − 1) × 2 = 10');
    const button = screen.getByRole('button', { name: 'conv_2_1', pressed: true });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(p.setParam).toHaveBeenLastCalledWith('layer', 'conv_2_2');
    fireEvent.keyDown(button, { key: 'Home' });
    expect(p.setParam).toHaveBeenLastCalledWith('layer', 'input');
    fireEvent.click(screen.getByRole('button', { name: 'flatten' }));
    expect(p.setParam).toHaveBeenLastCalledWith('layer', 'flatten');
    view.rerender(<LayerTableWidget {...p} params={{ ...p.params, layer: 'flatten' }} />);
    expect(screen.queryByTestId('cnn-rf-box')).toBeNull();
    expect(screen.getByTestId('cnn-rf-vector')).toBeTruthy();
    view.rerender(<LayerTableWidget {...p} params={{ ...p.params, layer: 'no_such_layer' }} />);
    expect(screen.getByTestId('cnn-layers').dataset.layer).toBe('max_pool_2');
  });

  it('has no stray English in Chinese (U-Net, with a union field)', async () => {
    act(() => setOwnSlice(ctSlice({ name: '合成切片' })));
    const { container } = render(
      <LayerTableWidget {...props('layer-table', { model: 'unet', layer: 'concat_1' }, 'zh')} />,
    );
    await screen.findByTestId('cnn-rf-box', {}, { timeout: 20_000 });
    expect(strayLatinInPage(container)).toEqual([]);
  });
});
