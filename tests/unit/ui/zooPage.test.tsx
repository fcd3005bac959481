// @vitest-environment jsdom
/**
 * The `#/zoo` page in a DOM on the real wasm backend, with zoo models built from the catalogue
 * (random seeded weights) injected through `setZooModelLoader`: the cards' numbers against the
 * models themselves and their (test) manifests, runs on an injected slice and on phantoms checked
 * against `runner.predict` on inputs prepared here, the mask overlay, the denoiser's views, the live
 * speed table, missing weights and bad files, Chinese without stray English, and no tensor left.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  lowDoseNoiseHu,
  LOW_DOSE_FRACTION,
  STANDARD_DOSE_NOISE_HU,
} from '../../../src/core/datasets/zooTasks';
import { analyseGraph, graphTotals } from '../../../src/core/models/analyseGraph';
import { getZooModel, ZOO_MODELS } from '../../../src/core/models/zooCatalog';
import type { ZooManifest, ZooModelId } from '../../../src/core/models/zooTypes';
import { ZooRunner } from '../../../src/core/models/ZooRunner';
import { diceScore } from '../../../src/core/training/zooMetrics';
import { useLanguageStore } from '../../../src/i18n/languageStore';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { useBackendStore } from '../../../src/ui/backendStore';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import { phantomExample } from '../../../src/ui/zoo/useZooRunInput';
import { getLoadedZooModel, setZooModelLoader } from '../../../src/ui/zoo/useZooModel';
import { formatBytes, formatCount } from '../../../src/ui/zoo/zooFormat';
import { DEFAULT_ZOO_QUERY } from '../../../src/ui/zoo/zooQuery';
import { ZooPage } from '../../../src/ui/zoo/ZooPage';
import { strayLatinInPage } from '../helpers/chineseText';
import { ctLessonSlice } from '../helpers/ctLessonSlice';
import { backendReport, layers, startTf, tf } from '../helpers/tfBackend';

let baseline = 0;
const params = new Map<ZooModelId, number>();

/** A training record with recognisable numbers (the page must show exactly these). */
function testManifest(id: ZooModelId, count: number): ZooManifest {
  const def = getZooModel(id)!;
  return {
    id,
    task: def.task,
    data: { trainSeed: 11, trainSize: 2048, validationSeed: 12, validationSize: 512 },
    training: {
      epochs: 9,
      batchSize: 32,
      optimizer: 'adam',
      learningRate: 0.002,
      initSeed: 1,
      backend: 'wasm',
      seconds: 87,
      log: [],
    },
    metrics:
      def.kind === 'classification'
        ? { auc: 0.9734, accuracy: 0.9375 }
        : def.kind === 'segmentation'
          ? { dice: 0.8123 }
          : { psnr: 31.24, inputPsnr: 24.56 },
    params: count,
    weightBytes: 4 * count,
    tfjs: '4.22.0',
    trainedAt: '2025-01-01T00:00:00Z',
  };
}

/** Builds the catalogue's architecture with seeded random weights (no files). */
function injectModels(withManifest = true): void {
  setZooModelLoader(async (id) => {
    const model = getZooModel(id)!.build(layers, 1);
    params.set(id, model.countParams());
    return {
      runner: await ZooRunner.create(model),
      manifest: withManifest ? testManifest(id, model.countParams()) : null,
    };
  });
}

const W = 200;
/** A 200 × 200 CT slice at 0.7 mm: lung (−850 HU) with a 10 mm soft-tissue disc right of centre. */
function syntheticSlice(): LessonSlice {
  return ctLessonSlice(
    W,
    W,
    (r, c) => (Math.hypot(r - 100, c - 110) * 0.7 < 5 ? 40 : -850 + 30 * Math.sin(r / 3 + c / 5)),
    { name: 'synthetic.dcm' },
  );
}

function open(hash: string) {
  window.history.replaceState(null, '', hash);
  return render(<ZooPage />);
}

async function runReady(): Promise<HTMLElement> {
  const run = screen.getByTestId('zoo-run');
  await waitFor(() => expect(run.dataset.status).toBe('ready'), { timeout: 30_000 });
  return run;
}

async function runner(id: ZooModelId): Promise<ZooRunner> {
  return (await getLoadedZooModel(id)).runner;
}

const pOf = (i: number): number => Number(screen.getByTestId(`zoo-prob-${i}`).dataset.value);

startTf('wasm');

beforeAll(async () => {
  useBackendStore.setState({ status: 'ready', report: backendReport, error: null });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  baseline = tf.memory().numTensors;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useLanguageStore.getState().setLang('en');
});

afterAll(async () => {
  setZooModelLoader(null);
  await new Promise((r) => setTimeout(r, 50));
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('zoo page: cards', () => {
  it('shows every model at once, then its numbers from the loaded model and its manifest', async () => {
    injectModels();
    open('#/zoo');
    const cards = screen.getByTestId('zoo-cards');
    expect(within(cards).getAllByRole('listitem')).toHaveLength(ZOO_MODELS.length);
    // Catalogue facts are there before any model has loaded.
    expect(screen.getByTestId('zoo-card-mobilenet').textContent).toContain('chest wall');
    expect(screen.getByTestId('zoo-card-tiny-vgg').textContent).toContain(
      '64 × 64 pixels: a 44.8 mm field at 0.7 mm per pixel',
    );
    await waitFor(() => expect(screen.getAllByTestId('zoo-card-measured')).toHaveLength(7), {
      timeout: 60_000,
    });
    for (const def of ZOO_MODELS) {
      const card = screen.getByTestId(`zoo-card-${def.id}`);
      const count = params.get(def.id)!;
      // Parameters from the page's analysis equal tfjs's own count of the built model.
      const p = within(card).getByTestId('zoo-card-params');
      expect(Number(p.dataset.value)).toBe(count);
      expect(p.textContent).toBe(formatCount(count));
      const totals = graphTotals(analyseGraph((await runner(def.id)).graph));
      expect(Number(within(card).getByTestId('zoo-card-flops').dataset.value)).toBe(totals.flops);
      expect(totals.flops).toBeGreaterThan(count);
      expect(within(card).getByTestId('zoo-card-data').textContent).toBe(
        '2,048 generated examples (seed 11); validation: 512 more (seed 12)',
      );
      expect(within(card).getByTestId('zoo-card-training').textContent).toContain(
        '9 epochs, batches of 32, learning rate 0.002, 87 s',
      );
      expect(within(card).getByTestId('zoo-card-training').textContent).toContain('Adam, wasm');
      expect(within(card).getByTestId('zoo-card-weights').textContent).toBe(
        `${formatBytes(4 * count)} (${formatCount(count)} 32-bit numbers)`,
      );
      const metrics = within(card).getByTestId('zoo-card-metrics').textContent;
      if (def.kind === 'classification') expect(metrics).toBe('AUC 0.973; accuracy 93.8 %');
      if (def.kind === 'segmentation') expect(metrics).toBe('mean Dice on images with a nodule 0.812');
      if (def.kind === 'denoising') expect(metrics).toBe('PSNR 31.2 dB (the noisy input: 24.6 dB)');
      expect(within(card).getByRole('link').getAttribute('href')).toBe(
        `#/lesson/cnn-architecture?step=1&model=${def.id}`,
      );
    }
    // The MLP has no spatial receptive field; TinyVGG's last conv sees more than one pixel, then dense layers.
    expect(
      within(screen.getByTestId('zoo-card-mlp')).getByTestId('zoo-card-receptive').textContent,
    ).toContain('the whole input from the first layer on');
    const vgg = within(screen.getByTestId('zoo-card-tiny-vgg')).getByTestId('zoo-card-receptive');
    expect(Number(vgg.dataset.value!.split('x')[0])).toBeGreaterThan(3);
    expect(vgg.textContent).toContain('then the dense layers combine the whole input');
  });

  it('says so when there is no manifest, and the run button selects the model with a fitting sample', async () => {
    injectModels(false);
    open('#/zoo');
    await waitFor(() => expect(screen.getAllByTestId('zoo-card-measured')).toHaveLength(7), {
      timeout: 60_000,
    });
    expect(screen.getByTestId('zoo-card-resnet').textContent).toContain(
      'No training record (manifest) was found',
    );
    expect(within(screen.getByTestId('zoo-card-resnet')).queryByTestId('zoo-card-metrics')).toBeNull();
    fireEvent.click(screen.getByTestId('zoo-run-resnet'));
    expect(window.location.hash).toBe('#/zoo?model=resnet&src=head-ct-haemorrhage');
    expect(screen.getByTestId('zoo-run').dataset.model).toBe('resnet');
  });
});

describe('zoo page: running a model', () => {
  it('TinyVGG on an injected slice: the prepared input, probabilities equal to runner.predict, a moved centre', async () => {
    injectModels();
    const slice = syntheticSlice();
    setOwnSlice(slice);
    open('#/zoo?src=own');
    await runReady();
    const def = getZooModel('tiny-vgg')!;
    const r = await runner('tiny-vgg');
    expect(screen.getByTestId('zoo-centre').dataset.mode).toBe('middle');
    expect(screen.getByTestId('zoo-prepared-info').textContent).toBe(
      'Cropped 64 × 64 source pixels (44.8 mm a side), window level −600 HU, width 1500 HU.',
    );
    const expected = await r.predict(prepareZooInput(slice, def).input);
    const probs = screen.getByTestId('zoo-probs');
    expect(Math.abs(Number(probs.dataset.sum) - 1)).toBeLessThan(1e-5);
    expect(pOf(0)).toBeCloseTo(expected[0]!, 6);
    expect(pOf(1)).toBeCloseTo(expected[1]!, 6);
    expect(screen.getByTestId('zoo-predicted').textContent).toMatch(/^The model says: (no nodule|nodule)/);
    // Arrow right moves the crop by an eighth of its side (8 source pixels).
    const overview = screen.getByTestId('zoo-overview');
    expect(overview.dataset.column).toBe('100');
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    expect(window.location.hash).toBe('#/zoo?src=own&cx=108&cy=100');
    await runReady();
    expect(screen.getByTestId('zoo-centre').dataset.mode).toBe('chosen');
    const moved = await r.predict(prepareZooInput(slice, def, { row: 100, column: 108 }).input);
    expect(pOf(1)).toBeCloseTo(moved[1]!, 6);
    expect(Number(screen.getByTestId('zoo-run-time').dataset.ms)).toBeGreaterThan(0);
    // A file that cannot be read: a message, and the slice and result stay.
    const input = screen.getByTestId('slice-file-input') as HTMLInputElement;
    const bad = new File([new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], 'broken.dcm');
    await act(async () => {
      fireEvent.change(input, { target: { files: [bad] } });
    });
    await waitFor(() => expect(screen.getByTestId('slice-error').textContent).toContain('broken.dcm'));
    expect(screen.getByTestId('slice-status').textContent).toContain('synthetic.dcm');
    expect(pOf(1)).toBeCloseTo(moved[1]!, 6);
  });

  it('U-Net: the mask at 0.5 drawn over the input with its area; on a phantom, the true mask and the Dice', async () => {
    injectModels();
    const slice = syntheticSlice();
    setOwnSlice(slice);
    open('#/zoo?model=unet&src=own');
    await runReady();
    const r = await runner('unet');
    const pred = await r.predict(prepareZooInput(slice, getZooModel('unet')!).input);
    const pixels = pred.filter((p) => p >= 0.5).length;
    const mask = screen.getByTestId('zoo-mask');
    expect(Number(mask.dataset.areaPx)).toBe(pixels);
    expect(Number(mask.dataset.areaMm2)).toBeCloseTo(pixels * 0.7 * 0.7, 6);
    const fill = screen.getByTestId('zoo-mask-fill').getAttribute('d') ?? '';
    expect(fill.length > 0).toBe(pixels > 0);
    expect((fill.match(/h/g) ?? []).length).toBeGreaterThanOrEqual(pixels > 0 ? 1 : 0);
    expect(screen.getByTestId('zoo-mask-area').textContent).toContain(`Mask area: ${pixels} pixels`);

    cleanup();
    open('#/zoo?model=unet&src=phantom&seed=5&ex=1');
    await runReady();
    const example = phantomExample(getZooModel('unet')!, 5, 1);
    expect(example.label).toBe(1);
    const truth = screen.getByTestId('zoo-mask-truth').getAttribute('d') ?? '';
    expect(truth.length).toBeGreaterThan(0);
    const p2 = await r.predict(example.input);
    expect(Number(screen.getByTestId('zoo-mask').dataset.dice)).toBeCloseTo(
      diceScore(p2, example.target!),
      9,
    );
    expect(screen.getByTestId('zoo-phantom-note').textContent).toContain('seed 11');
    expect(screen.queryByTestId('zoo-seen-seed')).toBeNull();
    // The training set's own seed: the page warns that the model has seen these examples.
    cleanup();
    open('#/zoo?model=unet&src=phantom&seed=11&ex=1');
    await runReady();
    expect(screen.getByTestId('zoo-seen-seed').textContent).toContain('trained on these very examples');
  });

  it('denoising autoencoder on a low-dose phantom: input, output, difference and the noise in HU', async () => {
    injectModels();
    open('#/zoo?model=dae&src=phantom&ex=1');
    await runReady();
    const den = screen.getByTestId('zoo-denoise');
    expect(screen.getByTestId('zoo-denoise-output')).toBeTruthy();
    expect(den.querySelectorAll('canvas')).toHaveLength(4);
    // The flat-region estimate of the input's noise is near the phantom's low-dose σ.
    const nominal = lowDoseNoiseHu(STANDARD_DOSE_NOISE_HU, LOW_DOSE_FRACTION);
    const sigmaIn = Number(den.dataset.sigmaIn);
    expect(sigmaIn).toBeGreaterThan(0.5 * nominal);
    expect(sigmaIn).toBeLessThan(1.5 * nominal);
    expect(Number(den.dataset.sigmaOut)).toBeGreaterThanOrEqual(0);
    expect(screen.getByTestId('zoo-denoise-truth').textContent).toMatch(/PSNR \d+(\.\d)? dB → \d+(\.\d)? dB/);
  });

  it('a classifier on a phantom shows the ground truth next to the prediction', async () => {
    injectModels();
    open('#/zoo?model=mobilenet&src=phantom&ex=2');
    await runReady();
    expect(screen.getByTestId('zoo-truth').dataset.label).toBe('2');
    expect(screen.getByTestId('zoo-truth').textContent).toBe('Ground truth of this phantom: spine.');
    const example = phantomExample(getZooModel('mobilenet')!, DEFAULT_ZOO_QUERY.seed, 2);
    const expected = await (await runner('mobilenet')).predict(example.input);
    for (let i = 0; i < 4; i++) expect(pOf(i)).toBeCloseTo(expected[i]!, 6);
  });
});

describe('zoo page: speed and errors', () => {
  it('times the model on every backend, honestly, and restores wasm', async () => {
    injectModels();
    open('#/zoo?src=phantom');
    await runReady();
    expect(screen.getByTestId('zoo-speed-active').textContent).toBe('Active backend: wasm.');
    const wasmBuffers = tf.engine().backend.numDataIds();
    fireEvent.click(screen.getByTestId('zoo-speed-all-button'));
    const speed = screen.getByTestId('zoo-speed');
    await waitFor(() => expect(speed.dataset.status).toBe('done'), { timeout: 60_000 });
    expect(tf.getBackend()).toBe('wasm');
    expect(screen.getByTestId('zoo-speed-restored').textContent).toBe('Back on wasm.');
    const row = (b: string) => screen.getByTestId(`zoo-speed-${b}`);
    expect(row('wasm').dataset.status).toBe('measured');
    expect(Number(row('wasm').dataset.medianMs)).toBeGreaterThan(0);
    expect(row('wasm').textContent).toContain('active');
    expect(row('cpu').dataset.status).toBe('measured');
    // Each backend ran a copy with the same weights: the same output, up to float32 rounding.
    expect(Number(row('wasm').dataset.difference)).toBe(0);
    expect(Number(row('cpu').dataset.difference)).toBeLessThan(1e-4);
    expect(row('webgpu').dataset.status).toBe('unavailable');
    expect(row('webgpu').textContent).toContain('cannot start in this browser');
    expect(row('webgl').dataset.status).toBe('unavailable');
    // The copies are gone and the user's model never left wasm.
    expect(tf.engine().backend.numDataIds()).toBe(wasmBuffers);
    // The model still runs on wasm afterwards, with the same answer.
    const example = phantomExample(getZooModel('tiny-vgg')!, DEFAULT_ZOO_QUERY.seed, 1);
    const after = await (await runner('tiny-vgg')).predict(example.input);
    expect(pOf(1)).toBeCloseTo(after[1]!, 6);
  });

  it('missing weights: a clear message on the card and in the run panel', async () => {
    setZooModelLoader(null);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('not found', { status: 404, statusText: 'Not Found' })),
    );
    open('#/zoo?model=dae&src=phantom');
    const card = screen.getByTestId('zoo-card-dae');
    await waitFor(() => expect(within(card).getByTestId('zoo-card-error')).toBeTruthy(), { timeout: 30_000 });
    const text = within(card).getByTestId('zoo-card-error').textContent ?? '';
    expect(text).toContain('The trained weights could not be loaded:');
    expect(text).toContain("'dae'");
    expect(text).toContain('404');
    await waitFor(() => expect(screen.getByTestId('zoo-model-error').textContent).toContain('404'));
    expect(screen.getByTestId('zoo-run').dataset.status).toBe('error');
    expect(screen.getByTestId('zoo-speed-all-button').getAttribute('aria-disabled')).toBe('true');
  });
});

describe('zoo page in Chinese', () => {
  it('cards, run panel, results and speed table leave no stray English', async () => {
    injectModels();
    useLanguageStore.getState().setLang('zh');
    const { container } = open('#/zoo?model=unet&src=phantom');
    await runReady();
    await waitFor(() => expect(screen.getAllByTestId('zoo-card-measured')).toHaveLength(7), {
      timeout: 60_000,
    });
    fireEvent.click(screen.getByTestId('zoo-speed-active-button'));
    await waitFor(() => expect(screen.getByTestId('zoo-speed').dataset.status).toBe('done'), {
      timeout: 60_000,
    });
    expect(screen.getByTestId('zoo-speed-restored').textContent).toBe('已恢复到 wasm。');
    expect(screen.getByTestId('zoo-card-lenet5').textContent).toContain('出血');
    expect(strayLatinInPage(container)).toEqual([]);
  });
});
