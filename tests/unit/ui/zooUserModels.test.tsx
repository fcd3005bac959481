// @vitest-environment jsdom
/**
 * Models trained in the browser on the `#/zoo` page, with the real loader on fake IndexedDB and
 * tfjs wasm: the "Your models" list (empty state, entries, links that parse back), a user model run
 * on an injected CT slice (probabilities checked against the saved model's own predict on an input
 * prepared here with the recorded window), no phantom offered, a deleted model's message in both
 * languages, the ModelsPanel links read by the page's and the lesson's parsers, and no tensor left.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stateFromQuery } from '../../../src/core/lessons/lessonState';
import { parseHash, parseQuery } from '../../../src/core/lessons/route';
import { userModelDef } from '../../../src/core/models/userModel';
import { buildClassifier } from '../../../src/core/training/buildClassifier';
import { modelArtifacts } from '../../../src/core/training/modelArtifacts';
import { openModelStore, type StoredModelMeta } from '../../../src/core/training/modelStore';
import { useLanguageStore } from '../../../src/i18n/languageStore';
import { cnnArchitecture } from '../../../src/lessons/cnn-architecture/cnnArchitecture';
import { userModelParam } from '../../../src/lessons/cnn-architecture/cnnArchitectureParams';
import { setOwnSlice, type LessonSlice } from '../../../src/lessons/shared/lessonSlice';
import { trainClassifier } from '../../../src/lessons/train-classifier/trainClassifier';
import { useBackendStore } from '../../../src/ui/backendStore';
import { lessonLink, zooLink } from '../../../src/ui/training/ModelsPanel';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import { clearZooModels } from '../../../src/ui/zoo/useZooModel';
import { TRAIN_MODELS_HREF } from '../../../src/ui/zoo/userModelTexts';
import { parseZooQuery, userZooHash } from '../../../src/ui/zoo/zooQuery';
import { ZooPage } from '../../../src/ui/zoo/ZooPage';
import { strayLatinInPage } from '../helpers/chineseText';
import { ctLessonSlice } from '../helpers/ctLessonSlice';
import { freshIndexedDb, installFakeIndexedDb } from '../helpers/fakeIndexedDb';
import { tensorCounts } from '../helpers/tensorLeak';
import { backendReport, layers, startTf, tf } from '../helpers/tfBackend';

startTf('wasm');
installFakeIndexedDb();

const NAME = '结节 v2';
const SIZE = 16;
let before: ReturnType<typeof tensorCounts>;

function meta(name: string, over: Partial<StoredModelMeta> = {}): StoredModelMeta {
  return {
    name,
    savedAt: '2025-03-01T10:00:00.000Z',
    classNames: [
      { en: 'no nodule', zh: '无结节' },
      { en: 'nodule', zh: '结节' },
    ],
    inputSize: SIZE,
    window: { center: -600, width: 1500 },
    spacingMm: 0.7,
    architecture: { kind: 'custom', blocks: 1, filters: 2, kernel: 3, dense: 0 },
    dataset: 'nodule phantoms',
    metrics: { auc: 0.9123, accuracy: 0.85 },
    params: 0,
    ...over,
  };
}

/** Saves a seeded custom classifier under `m.name` in `factory`; returns its predictions for `x`. */
async function save(factory: IDBFactory, m: StoredModelMeta, x: Float32Array): Promise<Float32Array> {
  const model: tfl.LayersModel = buildClassifier(layers, m.architecture, {
    size: m.inputSize,
    classes: m.classNames.length,
    seed: 5,
  });
  try {
    const artifacts = await modelArtifacts(tf, model);
    const store = await openModelStore(factory);
    await store.save({ meta: { ...m, params: model.countParams() }, artifacts });
    store.close();
    return tf.tidy(
      () => (model.predict(tf.tensor4d(x, [1, SIZE, SIZE, 1])) as tfc.Tensor).dataSync() as Float32Array,
    );
  } finally {
    model.dispose();
  }
}

/** A 100 × 100 chest-CT slice at 0.7 mm: lung with a soft-tissue disc right of centre. */
function slice(): LessonSlice {
  return ctLessonSlice(
    100,
    100,
    (r, c) => (Math.hypot(r - 50, c - 55) < 6 ? 40 : -850 + 20 * Math.sin(r / 4)),
    {
      name: 'synthetic.dcm',
    },
  );
}

/** Sets (or removes) the page's `globalThis.indexedDB`. */
function setIndexedDb(factory: IDBFactory | undefined): void {
  const g = globalThis as { indexedDB?: IDBFactory };
  if (factory) g.indexedDB = factory;
  else delete g.indexedDB;
}

function open(hash: string) {
  window.history.replaceState(null, '', hash);
  return render(<ZooPage />);
}

beforeAll(() => {
  useBackendStore.setState({ status: 'ready', report: backendReport, error: null });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  before = tensorCounts(tf);
});
afterEach(() => {
  cleanup();
  clearZooModels();
  useLanguageStore.getState().setLang('en');
});
afterAll(async () => {
  clearZooModels();
  await new Promise((r) => setTimeout(r, 0));
  expect(tensorCounts(tf)).toEqual(before);
});

describe('links', () => {
  it('the Models panel’s links open the model on the zoo page and in the lesson', () => {
    const zoo = parseHash(zooLink(NAME));
    expect(zoo.page).toBe('zoo');
    expect(parseZooQuery(parseQuery(zooLink(NAME).split('?')[1]!)).user).toBe(NAME);
    expect(userZooHash(NAME)).toBe(zooLink(NAME));
    const lesson = parseHash(lessonLink(NAME));
    expect(lesson).toMatchObject({ page: 'lesson', lessonId: 'cnn-architecture' });
    if (lesson.page !== 'lesson') throw new Error('not a lesson');
    const state = stateFromQuery(cnnArchitecture, lesson.query);
    expect(state.step).toBe(0);
    expect(userModelParam(state.params)).toBe(NAME);
    // A name with '&', '+' and '#' survives.
    const odd = 'a&b+c #1';
    const q = parseHash(lessonLink(odd));
    if (q.page !== 'lesson') throw new Error('not a lesson');
    expect(userModelParam(stateFromQuery(cnnArchitecture, q.query).params)).toBe(odd);
    expect(parseZooQuery(parseQuery(zooLink(odd).split('?')[1]!)).user).toBe(odd);
  });

  it('rejects names that are not model names; a user model gets no phantom source', () => {
    expect(parseZooQuery({ user: ' padded' }).user).toBeUndefined();
    expect(parseZooQuery({ user: '' }).user).toBeUndefined();
    expect(parseZooQuery({ user: 'x'.repeat(81) }).user).toBeUndefined();
    expect(parseZooQuery({ user: 'a', src: 'phantom' }).source).toBe('chest-ct-nodule');
    expect(parseZooQuery({ src: 'phantom' }).source).toBe('phantom');
    const s = stateFromQuery(cnnArchitecture, { step: '3', um: ' padded' });
    expect(userModelParam(s.params)).toBeUndefined();
  });

  it('the empty state links to the Models step of train-classifier', () => {
    const step = Number(new URLSearchParams(TRAIN_MODELS_HREF.split('?')[1]).get('step'));
    expect(trainClassifier.steps[step - 1]?.id).toBe('models');
  });
});

describe('the zoo page with models saved in this browser', () => {
  it('shows where to train one when none is saved', async () => {
    setIndexedDb(freshIndexedDb());
    try {
      open('#/zoo');
      const empty = await screen.findByTestId('zoo-user-empty', {}, { timeout: 10_000 });
      expect(empty.textContent).toContain('Train a classifier in the browser');
      expect(within(empty).getByRole('link').getAttribute('href')).toBe(TRAIN_MODELS_HREF);
    } finally {
      setIndexedDb(undefined);
    }
  });

  it('lists the saved models and runs one on a CT slice with its recorded window', async () => {
    const factory = freshIndexedDb();
    setIndexedDb(factory);
    try {
      const s = slice();
      setOwnSlice(s);
      const def = userModelDef(meta(NAME));
      const prepared = prepareZooInput(s, def);
      const expected = await save(factory, meta(NAME), prepared.input);
      await save(
        factory,
        meta('older', { savedAt: '2024-01-01T00:00:00.000Z', window: null }),
        prepared.input,
      );

      const { container } = open(`${userZooHash(NAME)}&src=own`);
      const items = await screen.findAllByTestId('zoo-user-model', {}, { timeout: 10_000 });
      expect(items.map((i) => i.dataset.name)).toEqual([NAME, 'older']);
      expect(items[0]!.getAttribute('aria-current')).toBe('true');
      expect(items[0]!.textContent).toContain('AUC 0.912');
      expect(items[0]!.textContent).toContain('level −600 HU, width 1500 HU');
      expect(items[1]!.textContent).toContain('window unknown');
      expect(within(items[1]!).getByTestId('zoo-user-run').getAttribute('href')).toBe(userZooHash('older'));
      expect(within(items[1]!).getByTestId('zoo-user-lesson').getAttribute('href')).toBe(lessonLink('older'));

      const run = screen.getByTestId('zoo-run');
      await waitFor(() => expect(run.dataset.status).toBe('ready'), { timeout: 30_000 });
      expect(run.dataset.model).toBe(`user:${NAME}`);
      const select = screen.getByTestId('zoo-model-select') as HTMLSelectElement;
      expect(select.value).toBe(`user:${NAME}`);
      const sources = [...(screen.getByTestId('zoo-source-select') as HTMLSelectElement).options].map(
        (o) => o.value,
      );
      expect(sources).not.toContain('phantom');
      expect(screen.getByTestId('zoo-user-no-phantom')).toBeTruthy();
      expect(screen.getByTestId('zoo-user-trained').textContent).toContain('nodule phantoms');
      // The recorded lung window was used (the slice is in HU), and the numbers are the saved model's.
      expect(screen.queryByTestId('zoo-image-window')).toBeNull();
      for (const i of [0, 1])
        expect(Number(screen.getByTestId(`zoo-prob-${i}`).dataset.value)).toBeCloseTo(expected[i]!, 5);

      // In Chinese, no stray English (the user's model name is Chinese here).
      useLanguageStore.getState().setLang('zh');
      await waitFor(() =>
        expect(screen.getByTestId('zoo-user-trained').textContent).toContain('在本浏览器中训练'),
      );
      const stray = strayLatinInPage(container).filter(
        (w) => !['nodule', 'phantoms', 'older', 'v', 'synthetic', 'dcm'].includes(w),
      );
      expect(stray).toEqual([]);
    } finally {
      setOwnSlice(null);
      setIndexedDb(undefined);
    }
  }, 60_000);

  it('says what to do when the model was deleted', async () => {
    setIndexedDb(freshIndexedDb());
    try {
      open(userZooHash('gone'));
      const error = await screen.findByTestId('zoo-model-error', {}, { timeout: 10_000 });
      expect(error.textContent).toContain('No saved model called “gone”');
      expect(error.textContent).toContain('Models step');
      useLanguageStore.getState().setLang('zh');
      await waitFor(() =>
        expect(screen.getByTestId('zoo-model-error').textContent).toContain('没有名为“gone”'),
      );
    } finally {
      setIndexedDb(undefined);
    }
  });
});
