// @vitest-environment jsdom
/**
 * The four model steps of cnn-architecture on a model the learner trained in the browser (`um`),
 * loaded by the real loader from fake IndexedDB on tfjs wasm (`setUserModelLoader` only points it at
 * the test's database): the model card, the prediction (= the saved model's own predict on the
 * input prepared here with the recorded window), the layer table, every feature map and Grad-CAM
 * (= the runner's), the model select's extra option and its closing, the phantom note, links to the
 * other steps, Chinese without stray English, and no tensor left.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { useEffect, useState, type ComponentType } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { Lang, ParamValues } from '../../../src/core/lessons/types';
import { userModelDef } from '../../../src/core/models/userModel';
import { loadUserModel } from '../../../src/core/models/userModelLoad';
import { buildClassifier } from '../../../src/core/training/buildClassifier';
import { modelArtifacts } from '../../../src/core/training/modelArtifacts';
import { openModelStore, type StoredModelMeta } from '../../../src/core/training/modelStore';
import { cnnArchitecture } from '../../../src/lessons/cnn-architecture/cnnArchitecture';
import { userLessonHref } from '../../../src/lessons/cnn-architecture/cnnArchitectureParams';
import { FeatureMapsWidget } from '../../../src/lessons/cnn-architecture/FeatureMapsWidget';
import { GradCamWidget } from '../../../src/lessons/cnn-architecture/GradCamWidget';
import { InputWidget } from '../../../src/lessons/cnn-architecture/InputWidget';
import { LayerTableWidget } from '../../../src/lessons/cnn-architecture/LayerTableWidget';
import { setOwnSlice } from '../../../src/lessons/shared/lessonSlice';
import type { WidgetProps } from '../../../src/lessons/widgetTypes';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import { getLoadedZooModel, setUserModelLoader } from '../../../src/ui/zoo/useZooModel';
import { strayLatinInPage } from '../helpers/chineseText';
import { ctLessonSlice } from '../helpers/ctLessonSlice';
import { freshIndexedDb, installFakeIndexedDb } from '../helpers/fakeIndexedDb';
import { tensorCounts } from '../helpers/tensorLeak';
import { layers, startTf, tf } from '../helpers/tfBackend';

startTf('wasm');
installFakeIndexedDb();

const NAME = '结节模型';
const SIZE = 32;
const SLOW = { timeout: 30_000 };
const META: StoredModelMeta = {
  name: NAME,
  savedAt: '2025-03-01T10:00:00.000Z',
  classNames: [
    { en: 'no nodule', zh: '无结节' },
    { en: 'nodule', zh: '结节' },
  ],
  inputSize: SIZE,
  window: { center: -600, width: 1500 },
  spacingMm: 0.7,
  architecture: { kind: 'custom', blocks: 2, filters: 4, kernel: 3, dense: 8 },
  dataset: '结节体模',
  metrics: { auc: 0.9123, accuracy: 0.85 },
  params: 0,
};

let before: ReturnType<typeof tensorCounts>;
let params = 0;
/** The saved model's own predictions on the input the lesson prepares. */
let expected: Float32Array;
/** A 100 × 100 chest-CT slice at 0.7 mm: lung with a soft-tissue disc (a nodule) near the centre. */
const slice = ctLessonSlice(100, 100, (r, c) =>
  Math.hypot(r - 50, c - 52) < 5 ? 40 : -850 + 25 * Math.sin(r / 3 + c / 7),
);

beforeAll(async () => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  before = tensorCounts(tf);
  const factory = freshIndexedDb();
  const model: tfl.LayersModel = buildClassifier(layers, META.architecture, {
    size: SIZE,
    classes: 2,
    seed: 9,
  });
  try {
    params = model.countParams();
    const store = await openModelStore(factory);
    await store.save({ meta: { ...META, params }, artifacts: await modelArtifacts(tf, model) });
    store.close();
    const input = prepareZooInput(slice, userModelDef(META)).input;
    expected = tf.tidy(
      () => (model.predict(tf.tensor4d(input, [1, SIZE, SIZE, 1])) as tfc.Tensor).dataSync() as Float32Array,
    );
  } finally {
    model.dispose();
  }
  setUserModelLoader(async (name) => {
    const { runner, def } = await loadUserModel(name, factory);
    return { runner, def };
  });
  act(() => setOwnSlice(slice));
});
afterEach(() => cleanup());
afterAll(async () => {
  setUserModelLoader(null); // disposes every cached runner
  setOwnSlice(null);
  await new Promise((r) => setTimeout(r, 0));
  expect(tensorCounts(tf)).toEqual(before);
});

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
  const [p, setP] = useState<ParamValues>({ ...defaultParams(step), slice: 'own', um: NAME, ...initial });
  useEffect(() => {
    harness.params = p;
  });
  return (
    <Widget
      lesson={cnnArchitecture}
      step={step}
      params={p}
      lang={lang}
      setParam={(id, v) => setP((q) => ({ ...q, [id]: v }))}
    />
  );
}

function renderStep(
  Widget: ComponentType<WidgetProps>,
  stepId: string,
  initial: ParamValues = {},
  lang: Lang = 'en',
) {
  return render(<Harness Widget={Widget} stepId={stepId} initial={initial} lang={lang} />);
}

describe('the learner’s own model in cnn-architecture', () => {
  it('step 1: the card from the saved record, the prediction of the saved model, the select’s extra option', async () => {
    renderStep(InputWidget, 'model-and-input');
    const card = await screen.findByTestId('cnn-model-card', {}, SLOW);
    expect(Number(card.dataset.params)).toBe(params);
    expect(screen.getByTestId('cnn-card-task').textContent).toContain('结节体模');
    expect(screen.getByTestId('cnn-card-input').textContent).toContain('window L −600, W 1500');
    expect(screen.getByTestId('cnn-card-saved').textContent).toBe(
      '2025-03-01; validation AUC 0.912, accuracy 0.85 at the save',
    );
    expect(screen.queryByTestId('cnn-card-no-manifest')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('cnn-input').dataset.status).toBe('ready'), SLOW);
    expect(screen.getByTestId('cnn-input').dataset.model).toBe(`user:${NAME}`);
    for (const i of [0, 1])
      expect(Number(screen.getByTestId(`cnn-prob-${i}`).dataset.value)).toBeCloseTo(expected[i]!, 5);
    expect(screen.getByTestId('cnn-window').dataset.from).toBe('model');

    const select = screen.getByTestId('cnn-model-select') as HTMLSelectElement;
    expect(select.value).toBe(`user:${NAME}`);
    expect(screen.getByTestId('cnn-user-option').textContent).toBe(`Your model: ${NAME}`);
    expect(screen.getByTestId('cnn-user-step-3').getAttribute('href')).toBe(userLessonHref(NAME, 3));
    expect(screen.getByTestId('cnn-user-step-1').getAttribute('aria-current')).toBe('step');
    // Choosing a zoo model closes the learner's model.
    fireEvent.change(select, { target: { value: 'lenet5' } });
    expect(harness.params.um).toBe('');
    expect(harness.params.model).toBe('lenet5');
  }, 60_000);

  it('step 2: the layer table of the saved architecture', async () => {
    renderStep(LayerTableWidget, 'layer-table');
    await waitFor(() => expect(screen.getByTestId('cnn-layers').dataset.status).toBe('ready'), SLOW);
    const loaded = await getLoadedZooModel(`user:${NAME}`);
    expect(screen.getByTestId('cnn-layers').dataset.model).toBe(`user:${NAME}`);
    for (const l of loaded.runner.graph.layers) expect(screen.getAllByText(l.name).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('cnn-user-close'));
    expect(harness.params.um).toBe('');
  }, 60_000);

  it('step 3: every layer’s maps, equal to the forward pass', async () => {
    renderStep(FeatureMapsWidget, 'feature-maps', { layer: 'conv_1_1', unit: '3,4,1' });
    await screen.findByTestId('unit-panel', {}, SLOW);
    const loaded = await getLoadedZooModel(`user:${NAME}`);
    expect(Number(screen.getByTestId('maps-layers').dataset.layers)).toBe(loaded.runner.graph.layers.length);
    for (const l of loaded.runner.graph.layers)
      expect(screen.getByTestId(`maps-layer-${l.name}`)).toBeTruthy();
    const input = prepareZooInput(slice, loaded.def).input;
    const result = await loaded.runner.forwardAll(input);
    const conv = result.outputs.find((o) => o.name === 'conv_1_1')!;
    const v = conv.values[(3 * conv.shape[1]! + 4) * conv.shape[2]! + 1]!;
    await waitFor(() => expect(Number(screen.getByTestId('unit-tfjs').dataset.value)).toBe(v), SLOW);
    expect(screen.getByTestId('cnn-user-step-3').getAttribute('aria-current')).toBe('step');
  }, 60_000);

  it('step 4: Grad-CAM of the predicted class at the last conv layer, as the runner computes it', async () => {
    renderStep(GradCamWidget, 'grad-cam');
    const cam = await screen.findByTestId('cam', {}, SLOW);
    await waitFor(() => expect(cam.dataset.status).toBe('ready'), SLOW);
    const loaded = await getLoadedZooModel(`user:${NAME}`);
    const predicted = expected[1]! > expected[0]! ? 1 : 0;
    expect(cam.dataset.class).toBe(String(predicted));
    const layer = loaded.runner.gradCamLayers()[0]!;
    expect(cam.dataset.layer).toBe(layer);
    const input = prepareZooInput(slice, loaded.def).input;
    const want = await loaded.runner.gradCam(input, predicted, layer);
    expect(Number(screen.getByTestId('cam-score').dataset.value)).toBe(want.score);
  }, 60_000);

  it('asks for no phantom (the model has no task) and speaks Chinese without stray English', async () => {
    const { container } = renderStep(InputWidget, 'model-and-input', { slice: 'phantom' }, 'zh');
    expect(await screen.findByTestId('cnn-user-no-phantom', {}, SLOW)).toBeTruthy();
    cleanup();
    const again = renderStep(InputWidget, 'model-and-input', {}, 'zh');
    await waitFor(() => expect(screen.getByTestId('cnn-input').dataset.status).toBe('ready'), SLOW);
    // Only the slice's file name ('synthetic.dcm') is Latin.
    expect(strayLatinInPage(again.container).filter((w) => w !== 'synthetic' && w !== 'dcm')).toEqual([]);
    expect(container).toBeTruthy();
  }, 60_000);
});
