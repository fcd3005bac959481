// @vitest-environment jsdom
/**
 * Steps 3 (feature maps, click-to-explain) and 4 (Grad-CAM) of `cnn-architecture` in a DOM, on the
 * real wasm backend: zoo models built from the catalogue with random weights and random non-zero
 * biases, injected with `setZooModelLoader`. The numbers the panel shows are checked against a
 * forward pass and Grad-CAM run here on the same runner; keys and clicks move the selection through
 * the URL parameters (a harness keeps them); no tensor is left behind after unmount + clearZooModels.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useEffect, useState, type ComponentType } from 'react';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { Lang, ParamValues } from '../../../src/core/lessons/types';
import { getZooModel } from '../../../src/core/models/zooCatalog';
import { ZooRunner } from '../../../src/core/models/ZooRunner';
import type { ForwardResult, ZooModelId } from '../../../src/core/models/zooTypes';
import { cnnArchitecture } from '../../../src/lessons/cnn-architecture/cnnArchitecture';
import { drawOverlay } from '../../../src/lessons/cnn-architecture/CamParts';
import { FeatureMapsWidget } from '../../../src/lessons/cnn-architecture/FeatureMapsWidget';
import { GradCamWidget } from '../../../src/lessons/cnn-architecture/GradCamWidget';
import { drawChannel } from '../../../src/lessons/cnn-architecture/LayerMaps';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import type { WidgetProps } from '../../../src/lessons/widgetTypes';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import { clearZooModels, getLoadedZooModel, setZooModelLoader } from '../../../src/ui/zoo/useZooModel';
import { strayLatinInPage } from '../helpers/chineseText';
import { ctLessonSlice } from '../helpers/ctLessonSlice';
import { layers, startTf, tf } from '../helpers/tfBackend';

let baseline = 0;
const SLOW = { timeout: 30_000 };

/** Random biases in ±0.1 on every layer that has one (seeded), so every sum has a bias to show. */
function randomiseBiases(model: tfl.LayersModel, seed: number): void {
  let s = seed;
  for (const layer of model.layers) {
    const w = layer.getWeights();
    if (w.length !== 2) continue;
    const b = tf.randomUniform(w[1]!.shape, -0.1, 0.1, 'float32', s++);
    layer.setWeights([w[0]!, b]);
    b.dispose();
  }
}

/** A 96 × 96 chest-CT-like slice at 0.7 mm: lung at −800 HU with texture, a 40 HU nodule at (40, 52). */
function syntheticSlice(): LessonSlice {
  return ctLessonSlice(96, 96, (y, x) =>
    Math.hypot(y - 40, x - 52) < 7 ? 40 : -800 + 60 * Math.sin(x / 3) * Math.cos(y / 5) + (x > 85 ? 900 : 0),
  );
}
const slice = syntheticSlice();

startTf('wasm');

beforeAll(async () => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  baseline = tf.memory().numTensors;
  setZooModelLoader(async (id: ZooModelId) => {
    const model = getZooModel(id)!.build(layers, 1);
    randomiseBiases(model, 11);
    return { runner: await ZooRunner.create(model), manifest: null };
  });
  act(() => setOwnSlice(slice));
});
afterEach(() => cleanup());
afterAll(() => setZooModelLoader(null));

const harness: { params: ParamValues } = { params: {} };

function Harness({
  Widget,
  stepId,
  initial,
  lang,
}: {
  Widget: ComponentType<WidgetProps>;
  stepId: string;
  initial: ParamValues;
  lang: Lang;
}) {
  const step = cnnArchitecture.steps.find((s) => s.id === stepId)!;
  const [params, setParams] = useState<ParamValues>({ ...defaultParams(step), slice: 'own', ...initial });
  useEffect(() => {
    harness.params = params;
  });
  return (
    <Widget
      lesson={cnnArchitecture}
      step={step}
      params={params}
      lang={lang}
      setParam={(id, v) => setParams((p) => ({ ...p, [id]: v }))}
    />
  );
}

function renderStep(
  Widget: ComponentType<WidgetProps>,
  stepId: string,
  initial: ParamValues,
  lang: Lang = 'en',
) {
  return render(<Harness Widget={Widget} stepId={stepId} initial={initial} lang={lang} />);
}

/** The model's forward pass on the slice prepared as the widget prepares it (crop at the slice centre). */
async function forwardOf(
  id: ZooModelId,
): Promise<{ result: ForwardResult; input: Float32Array; runner: ZooRunner }> {
  const m = await getLoadedZooModel(id);
  const input = prepareZooInput(slice, m.def).input;
  return { result: await m.runner.forwardAll(input), input, runner: m.runner };
}

function activation(
  result: ForwardResult,
  layer: string,
  row: number,
  column: number,
  channel: number,
): number {
  const o = result.outputs.find((x) => x.name === layer)!;
  const i = o.shape.length === 3 ? (row * o.shape[1]! + column) * o.shape[2]! + channel : channel;
  return o.values[i]!;
}

const num = (id: string): number => Number(screen.getByTestId(id).dataset.value);

/** The panel shows the unit `unit` of `layer`; its tfjs value is the forward pass's, its reference within 1e-4. */
async function expectPanel(result: ForwardResult, layer: string, unit: [number, number, number]) {
  await waitFor(() => expect(screen.getByTestId('maps').dataset.unit).toBe(unit.join(',')), SLOW);
  expect(screen.getByTestId('maps').dataset.layer).toBe(layer);
  expect(screen.getByTestId('unit-panel').dataset.layer).toBe(layer);
  const v = activation(result, layer, ...unit);
  expect(num('unit-tfjs')).toBe(v);
  expect(Math.abs(num('unit-reference') - v)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(v)));
  expect(num('unit-delta')).toBeCloseTo(num('unit-reference') - v, 12);
}

describe('feature maps (step 3)', () => {
  it('TinyVGG: every layer drawn, a conv unit explained with its receptive field, numbers equal the forward pass', async () => {
    const { result, runner } = await forwardOf('tiny-vgg');
    renderStep(FeatureMapsWidget, 'feature-maps', { model: 'tiny-vgg', layer: 'conv_1_1', unit: '5,7,3' });
    await screen.findByTestId('unit-panel', {}, SLOW);
    expect(Number(screen.getByTestId('maps-layers').dataset.layers)).toBe(runner.graph.layers.length);
    for (const l of runner.graph.layers) expect(screen.getByTestId(`maps-layer-${l.name}`)).toBeTruthy();
    await expectPanel(result, 'conv_1_1', [5, 7, 3]);
    // A valid 3 × 3 convolution on the input: the unit at (5, 7) sees rows 5–7, columns 7–9.
    expect(screen.getByTestId('unit-field').dataset.box).toBe('5,7,3,3');
    expect(num('unit-sigma') + num('unit-bias')).toBeCloseTo(num('unit-z'), 5);
    expect(num('unit-value')).toBeCloseTo(Math.max(0, num('unit-z')), 6);
    expect(num('unit-bias')).not.toBe(0);
    expect(screen.getByTestId('unit-channel-0').querySelectorAll('td')).toHaveLength(27); // patch, kernel, products
    // Ten channels: eight thumbnails, then all ten.
    const row = screen.getByTestId('maps-layer-conv_1_2');
    expect(row.querySelectorAll('button.maps-thumb')).toHaveLength(8);
    fireEvent.click(within(row).getByText('Show all 10 channels'));
    expect(row.querySelectorAll('button.maps-thumb')).toHaveLength(10);
    // The prediction: probabilities from the forward pass.
    const p = result.prediction.values;
    expect(Number(screen.getByTestId('maps-prob-1').dataset.value)).toBe(p[1]);
    expect(screen.getByTestId('maps-probs').dataset.predicted).toBe(String(p[1]! > p[0]! ? 1 : 0));
  });

  it('keys and clicks move the unit, the channel and the layer; pool, dense and softmax units explained', async () => {
    const { result } = await forwardOf('tiny-vgg');
    renderStep(FeatureMapsWidget, 'feature-maps', { model: 'tiny-vgg', layer: 'conv_1_1', unit: '5,7,3' });
    const big = await screen.findByTestId('maps-big', {}, SLOW);
    expect(fireEvent.keyDown(big, { key: 'ArrowRight' })).toBe(false); // handled: not the lesson's step key
    await expectPanel(result, 'conv_1_1', [5, 8, 3]);
    fireEvent.keyDown(big, { key: 'ArrowDown' });
    fireEvent.keyDown(big, { key: 'PageDown' });
    await expectPanel(result, 'conv_1_1', [6, 8, 4]);
    fireEvent.click(screen.getByTestId('maps-next-channel'));
    await expectPanel(result, 'conv_1_1', [6, 8, 5]);
    expect(harness.params.unit).toBe('6,8,5');
    // Arrow keys move the focus along a row of thumbnails.
    const thumb = screen.getByTestId('maps-thumb-conv_2_1-2');
    thumb.focus();
    fireEvent.keyDown(thumb, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('maps-thumb-conv_2_1-3'));
    // A max-pool channel: the unit keeps its place in the image (row 6.5/62 → 3 of 30; column 8.5/62 → 4).
    fireEvent.click(screen.getByTestId('maps-thumb-max_pool_1-2'));
    await expectPanel(result, 'max_pool_1', [3, 4, 2]);
    expect(screen.getByTestId('unit-pool').dataset.op).toBe('max');
    const cells = screen.getByTestId('unit-window').querySelectorAll('td');
    expect(cells).toHaveLength(4);
    const max = screen.getByTestId('unit-window').querySelector('td.maps-grid__max')!;
    expect(Number(max.textContent!.replace('\u2212', '-'))).toBeCloseTo(num('unit-value'), 3);
    // The logits: a dense unit over 1,690 inputs, its ten largest terms listed.
    const logits = screen.getByTestId('maps-strip-logits');
    fireEvent.keyDown(logits, { key: 'ArrowRight' });
    await expectPanel(result, 'logits', [0, 0, 0]);
    expect(screen.getByTestId('unit-terms').dataset.count).toBe('1690');
    expect(screen.getByTestId('unit-rest').dataset.count).toBe('1680');
    expect(screen.getByTestId('unit-field').dataset.box).toBeUndefined(); // the whole input
    fireEvent.keyDown(screen.getByTestId('maps-big'), { key: 'ArrowRight' });
    await expectPanel(result, 'logits', [0, 0, 1]);
    // Softmax: the probability of class 1 from both logits.
    fireEvent.keyDown(screen.getByTestId('maps-strip-probabilities'), { key: 'End' });
    await expectPanel(result, 'probabilities', [0, 0, 1]);
    expect(screen.getByTestId('unit-sources').dataset.count).toBe('2');
  });

  it('ResNet: a stem conv, a skip-connection add and a residual ReLU, reference = tfjs', async () => {
    const { result } = await forwardOf('resnet');
    renderStep(FeatureMapsWidget, 'feature-maps', { model: 'resnet', layer: 'block_1_add', unit: '3,4,5' });
    await screen.findByTestId('unit-panel', {}, SLOW);
    await expectPanel(result, 'block_1_add', [3, 4, 5]);
    expect(screen.getByTestId('unit-elementwise').dataset.op).toBe('add');
    expect(screen.getByTestId('unit-sources').dataset.count).toBe('2');
    fireEvent.click(screen.getByTestId('maps-thumb-block_3_relu-1'));
    // 32 × 32 → 16 × 16: ⌊3.5/32·16⌋ = 1, ⌊4.5/32·16⌋ = 2.
    await expectPanel(result, 'block_3_relu', [1, 2, 1]);
    fireEvent.click(screen.getByTestId('maps-thumb-conv_stem-0'));
    // 16 → 64: ⌊1.5/16·64⌋ = 6, ⌊2.5/16·64⌋ = 10; 'same' padding at stride 1: a 3 × 3 field around it.
    await expectPanel(result, 'conv_stem', [6, 10, 0]);
    expect(screen.getByTestId('unit-field').dataset.box).toBe('5,9,3,3');
    // A conv over 16 input channels draws the four strongest, then all of them.
    fireEvent.click(screen.getByTestId('maps-thumb-block_1_conv_2-0'));
    await waitFor(() => expect(screen.getByTestId('maps').dataset.layer).toBe('block_1_conv_2'));
    expect(screen.getAllByTestId(/^unit-channel-/)).toHaveLength(4);
    fireEvent.click(screen.getByText('Draw all 16 input channels'));
    expect(screen.getAllByTestId(/^unit-channel-/)).toHaveLength(16);
    const partials = screen.getAllByTestId(/^unit-channel-/).map((el) => Number(el.dataset.partial));
    expect(partials.reduce((a, b) => a + b, 0)).toBeCloseTo(num('unit-sigma'), 4);
  });

  it.each(['mlp', 'lenet5', 'mobilenet', 'unet', 'dae'] as const)(
    '%s: a unit of every layer opened from the overview, reference = tfjs',
    async (id) => {
      const { result, runner } = await forwardOf(id);
      renderStep(FeatureMapsWidget, 'feature-maps', { model: id });
      await screen.findByTestId('unit-panel', {}, SLOW);
      for (const l of runner.graph.layers) {
        if (l.outputShape.length === 3) fireEvent.click(screen.getByTestId(`maps-thumb-${l.name}-0`));
        else fireEvent.keyDown(screen.getByTestId(`maps-strip-${l.name}`), { key: 'End' });
        await waitFor(() => expect(screen.getByTestId('maps').dataset.layer).toBe(l.name));
        const [r, c, ch] = screen.getByTestId('maps').dataset.unit!.split(',').map(Number) as [
          number,
          number,
          number,
        ];
        if (l.outputShape.length !== 3) expect(ch).toBe(l.outputShape[0]! - 1);
        await expectPanel(result, l.name, [r, c, ch]);
      }
      expect(screen.queryByTestId('unit-error')).toBeNull();
    },
  );

  it('a layer the model does not have falls back to its first convolution', async () => {
    const { result } = await forwardOf('resnet');
    renderStep(FeatureMapsWidget, 'feature-maps', { model: 'resnet', layer: 'max_pool_1', unit: '2,2,2' });
    await screen.findByTestId('unit-panel', {}, SLOW);
    await expectPanel(result, 'conv_stem', [2, 2, 2]);
  });

  it('Chinese page: no stray English outside the layer names', async () => {
    const { container } = renderStep(
      FeatureMapsWidget,
      'feature-maps',
      { model: 'tiny-vgg', layer: 'max_pool_2', unit: '1,1,1' },
      'zh',
    );
    await screen.findByTestId('unit-panel', {}, SLOW);
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('Grad-CAM (step 4)', () => {
  it('TinyVGG: the predicted class at the last conv layer, then the other class and another layer', async () => {
    const { result, input, runner } = await forwardOf('tiny-vgg');
    const layersCam = runner.gradCamLayers();
    const p = result.prediction.values;
    const predicted = p[1]! > p[0]! ? 1 : 0;
    renderStep(GradCamWidget, 'grad-cam', { model: 'tiny-vgg' });
    const cam = await screen.findByTestId('cam', {}, SLOW);
    await waitFor(() => expect(cam.dataset.status).toBe('ready'), SLOW);
    expect(cam.dataset.class).toBe(String(predicted));
    expect(cam.dataset.layer).toBe(layersCam[0]);
    let expected = await runner.gradCam(input, predicted, layersCam[0]!);
    expect(num('cam-score')).toBe(expected.score);
    expect(screen.getByTestId('cam-alpha').dataset.count).toBe(String(expected.channelWeights.length));
    expect(screen.getByTestId('cam-overlay')).toBeTruthy();
    const max = expected.map.reduce((a, b) => Math.max(a, b), 0);
    expect(Number(screen.getByTestId('cam-overlay').dataset.max)).toBeLessThanOrEqual(max + 1e-6);
    expect(screen.getByTestId('cam-sentence').textContent).toMatch(
      max > 0 ? /no known lesion position.*central quarter/ : /zero everywhere/,
    );
    // The other class.
    fireEvent.click(screen.getByTestId(`cam-class-${1 - predicted}`));
    expect(harness.params.cls).toBe(1 - predicted);
    await waitFor(() => expect(cam.dataset.readyClass).toBe(String(1 - predicted)), SLOW);
    expected = await runner.gradCam(input, 1 - predicted, layersCam[0]!);
    expect(num('cam-score')).toBe(expected.score);
    // An earlier layer: a finer map.
    const early = layersCam.at(-1)!;
    fireEvent.change(screen.getByTestId('cam-layer'), { target: { value: early } });
    await waitFor(() => expect(cam.dataset.readyLayer).toBe(early), SLOW);
    expected = await runner.gradCam(input, 1 - predicted, early);
    expect(num('cam-score')).toBe(expected.score);
    // Every layer's map on request.
    fireEvent.click(screen.getByTestId('cam-compare'));
    await waitFor(() => expect(screen.queryByTestId('cam-compare')).toBeNull(), SLOW);
    for (const name of layersCam)
      expect(within(screen.getByTestId(`cam-layer-${name}`)).getByRole('img')).toBeTruthy();
  });

  it('U-Net has no class score: the step says so and switches to a classifier', async () => {
    renderStep(GradCamWidget, 'grad-cam', { model: 'unet' });
    const note = await screen.findByTestId('cam-not-classifier', {}, SLOW);
    expect(note.textContent).toContain('probability per pixel');
    fireEvent.click(screen.getByTestId('cam-switch'));
    expect(harness.params.model).toBe('tiny-vgg');
    await waitFor(() => expect(screen.getByTestId('cam').dataset.status).toBe('ready'), SLOW);
  });

  it('the MLP has no feature maps: the step says so and offers TinyVGG', async () => {
    renderStep(GradCamWidget, 'grad-cam', { model: 'mlp' });
    const note = await screen.findByTestId('cam-not-classifier', {}, SLOW);
    expect(note.dataset.reason).toBe('no-maps');
    expect(screen.getByTestId('cam-switch').textContent).toBe('Switch to the TinyVGG classifier');
  });

  it('Chinese page: no stray English', async () => {
    const { container } = renderStep(GradCamWidget, 'grad-cam', { model: 'resnet' }, 'zh');
    const cam = await screen.findByTestId('cam', {}, SLOW);
    await waitFor(() => expect(cam.dataset.status).toBe('ready'), SLOW);
    expect(strayLatinInPage(container)).toEqual([]);
  });
});

/** A canvas stand-in that keeps the last image put on it. */
function fakeCanvas() {
  const c = {
    width: 0,
    height: 0,
    image: null as ImageData | null,
    getContext: () => ({
      createImageData: (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(4 * w * h),
      }),
      putImageData: (img: ImageData) => {
        c.image = img;
      },
    }),
  };
  return c;
}
const rgbAt = (img: ImageData, i: number) => [...img.data.slice(4 * i, 4 * i + 4)];

describe('drawing', () => {
  it('a channel thumbnail: the layer’s scale through the colour table', () => {
    const c = fakeCanvas();
    // 1 × 2 × 2 (HWC): channel 1 holds −2 and 2; the diverging scale ±2 puts them at its two ends.
    const output = { name: 'x', shape: [1, 2, 2], values: new Float32Array([9, -2, 9, 2]) };
    drawChannel(c as unknown as HTMLCanvasElement, output, 1, 'diverging', [-2, 2]);
    expect([c.width, c.height]).toEqual([2, 1]);
    expect(rgbAt(c.image!, 0)).toEqual([0x00, 0x72, 0xb2, 255]); // Okabe–Ito blue
    expect(rgbAt(c.image!, 1)).toEqual([0xd5, 0x5e, 0x00, 255]); // vermillion
  });

  it('the Grad-CAM overlay blends grey and viridis by the opacity', () => {
    const c = fakeCanvas();
    const input = [0, 1];
    const heat = [0, 3];
    drawOverlay(c as unknown as HTMLCanvasElement, input, heat, 1, 0); // 1 × 1: only the first pixel
    expect(rgbAt(c.image!, 0)).toEqual([0, 0, 0, 255]);
    const c2 = fakeCanvas();
    drawOverlay(c2 as unknown as HTMLCanvasElement, [1, 0, 0, 0], [3, 0, 0, 0], 2, 1);
    expect(rgbAt(c2.image!, 0)).toEqual([0xfd, 0xe7, 0x25, 255]); // viridis(1)
    expect(rgbAt(c2.image!, 1)).toEqual([0x44, 0x01, 0x54, 255]); // viridis(0)
    const c3 = fakeCanvas();
    drawOverlay(c3 as unknown as HTMLCanvasElement, [1, 0, 0, 0], [3, 0, 0, 0], 2, 0.5);
    expect(rgbAt(c3.image!, 0)).toEqual([
      Math.round((255 + 0xfd) / 2),
      Math.round((255 + 0xe7) / 2),
      Math.round((255 + 0x25) / 2),
      255,
    ]);
  });
});

describe('memory', () => {
  it('no tensor outlives the widgets once they are unmounted and the models cleared', async () => {
    cleanup();
    clearZooModels();
    await new Promise((r) => setTimeout(r, 20));
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
