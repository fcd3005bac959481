// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SCALAR_FEATURE_IDS } from '../../../src/core/datasets/handcraftedFeatures';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import type { Lang, ParamValues } from '../../../src/core/lessons/types';
import { aiMlDl } from '../../../src/lessons/ai-ml-dl/aiMlDl';
import { ClassicFeaturesWidget } from '../../../src/lessons/ai-ml-dl/ClassicFeaturesWidget';
import { ComparisonWidget, measureClassic } from '../../../src/lessons/ai-ml-dl/ComparisonWidget';
import { runClassic } from '../../../src/lessons/ai-ml-dl/classicPipeline';
import { loadLessonData, type LessonData } from '../../../src/lessons/ai-ml-dl/lessonData';
import { useRunsStore } from '../../../src/lessons/ai-ml-dl/runsStore';
import { SmallCnnWidget } from '../../../src/lessons/ai-ml-dl/SmallCnnWidget';
import { aiMlDlWidgets } from '../../../src/lessons/ai-ml-dl/widgets';
import { resetBackendSubscription, useBackendStore } from '../../../src/ui/backendStore';
import type { WidgetProps } from '../../../src/lessons/widgetTypes';
import { strayLatinInPage } from '../helpers/chineseText';
import { pairwiseAuc } from '../helpers/pairwiseAuc';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

/**
 * The CNN trainer is replaced by a quick stand-in (these tests check the widgets, not tfjs; the
 * real trainer is tested in tests/unit/core/models/smallCnn.test.ts): it reports two batches per
 * epoch, honours the abort signal, and calls the first 10 test patches wrongly.
 */
vi.mock('../../../src/core/models/smallCnn', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/models/smallCnn')>();
  return {
    ...original,
    trainSmallCnn: vi.fn(
      async (
        data: { train: { count: number }; test: { labels: Uint8Array; count: number } },
        opts: { epochs?: number },
        onProgress?: (p: object) => void,
        signal?: AbortSignal,
      ) => {
        const epochs = opts.epochs ?? 1;
        let stopped = false;
        let done = 0;
        for (let e = 1; e <= epochs && !stopped; e++) {
          for (let b = 1; b <= 2; b++) {
            if (signal?.aborted) {
              stopped = true;
              break;
            }
            onProgress?.({ epoch: e, epochs, batch: b, batchesPerEpoch: 2, loss: 0.5, elapsedMs: 1 });
            await new Promise((r) => setTimeout(r, 5));
          }
          if (!stopped) done++;
        }
        const probs = Array.from(data.test.labels, (l, i) => (i < 10 ? (l ? 0.2 : 0.9) : l ? 0.8 : 0.3));
        return {
          kernels: Array.from({ length: 8 }, (_, f) =>
            Array.from({ length: 9 }, (_, k) => (k - 4) * (f + 1) * 0.01),
          ),
          testProbabilities: probs,
          epochLosses: [],
          epochsDone: done,
          stopped,
          trainMs: 1234,
          paramCount: original.smallCnnParamCount(),
          trainCount: data.train.count,
          backend: 'wasm',
        };
      },
    ),
  };
});

let data: LessonData;
beforeAll(async () => {
  data = await loadLessonData(1).promise;
}, 60_000);

afterEach(() => {
  cleanup();
  useRunsStore.setState({ cnn: {}, history: [] });
  resetBackendSubscription();
  useBackendStore.setState({ status: 'idle', report: null, error: null, preference: 'auto', notice: null });
});

function props(stepIndex: number, params: ParamValues = {}, lang: Lang = 'en'): WidgetProps {
  const step = aiMlDl.steps[stepIndex]!;
  return { lesson: aiMlDl, step, params: { ...defaultParams(step), ...params }, lang, setParam: vi.fn() };
}

describe('ai-ml-dl widgets', () => {
  it('registers one widget per live step', () => {
    expect(Object.keys(aiMlDlWidgets).sort()).toEqual(['classic-features', 'classic-vs-cnn', 'small-cnn']);
    expect(aiMlDl.steps.slice(1, 4).map((s) => s.widget)).toEqual([
      'classic-features',
      'small-cnn',
      'classic-vs-cnn',
    ]);
  });

  it('classic step: example patches, a scatter of the n training patches by class, accuracy and AUC', async () => {
    render(<ClassicFeaturesWidget {...props(1, { n: '50' })} />);
    const results = await screen.findByTestId('classic-results', {}, { timeout: 30_000 });
    const marks = [...screen.getByTestId('classic-scatter').querySelectorAll('path[data-cls]')];
    expect(marks).toHaveLength(50);
    expect(marks.filter((m) => m.getAttribute('data-cls') === '1')).toHaveLength(25);
    expect(screen.getByTestId('scatter-boundary').getAttribute('display')).toBeNull();
    const r = runClassic(
      {
        trainFeatures: data.trainFeatures,
        trainLabels: data.dataset.train.labels,
        testFeatures: data.testFeatures,
        testLabels: data.dataset.test.labels,
      },
      { trainCount: 50, features: ['meanHu', 'dotFilter'], withLbp: false, classifier: 'logreg', seed: 1 },
    );
    expect(r.auc).toBeCloseTo(pairwiseAuc(r.testScores, data.dataset.test.labels), 12);
    expect(within(results).getByTestId('classic-auc').textContent).toBe(r.auc.toFixed(3));
    expect(within(results).getByTestId('classic-accuracy').textContent).toBe(
      `${(100 * r.accuracy).toFixed(1)}%`,
    );
    expect(screen.getByTestId('example-features').textContent).toContain('Mean HU');
  });

  it('classic step with all features: 15 inputs, no boundary in the plane, texts in Chinese', async () => {
    render(
      <ClassicFeaturesWidget
        {...props(1, { inputs: 'all', clf: 'svm', fx: 'sdHu', fy: 'glcmContrast' }, 'zh')}
      />,
    );
    await screen.findByTestId('classic-results', {}, { timeout: 30_000 });
    expect(screen.getByTestId('classic-feature-count').textContent).toBe('15');
    expect(screen.getByTestId('scatter-boundary').getAttribute('display')).toBe('none');
    expect(screen.getByTestId('classic-scatter').textContent).toContain('灰度共生矩阵对比度');
    expect(strayLatinInPage(screen.getByTestId('classic-widget'))).toEqual([]);
  });

  it('CNN step: trains on demand with progress, then shows results and 8 learned filters beside 3 designed ones', async () => {
    render(<SmallCnnWidget {...props(2, { n: '50', epochs: 3 })} />);
    expect(screen.getAllByTestId('hand-kernel')).toHaveLength(3);
    expect(screen.queryAllByTestId('learned-kernel')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('cnn-train'));
    await screen.findByTestId('cnn-progress', {}, { timeout: 30_000 });
    const results = await screen.findByTestId('cnn-results', {}, { timeout: 30_000 });
    expect(screen.getAllByTestId('learned-kernel')).toHaveLength(8);
    // The stand-in gets the first 10 of 400 test patches wrong: accuracy 390/400.
    expect(within(results).getByTestId('cnn-accuracy').textContent).toBe('97.5%');
    const probs = Array.from(data.dataset.test.labels, (l, i) => (i < 10 ? (l ? 0.2 : 0.9) : l ? 0.8 : 0.3));
    expect(within(results).getByTestId('cnn-auc').textContent).toBe(
      pairwiseAuc(probs, data.dataset.test.labels).toFixed(3),
    );
    expect(results.textContent).toContain('50 patches for 3 epochs on wasm');
    expect(screen.getByTestId('cnn-train').textContent).toBe('Train again');
  });

  it('CNN step: Stop ends training early and says so', async () => {
    render(<SmallCnnWidget {...props(2, { n: '20', epochs: 30 })} />);
    fireEvent.click(screen.getByTestId('cnn-train'));
    const stop = await screen.findByTestId('cnn-stop', {}, { timeout: 30_000 });
    await screen.findByTestId('cnn-progress', {}, { timeout: 30_000 });
    act(() => fireEvent.click(stop));
    const results = await screen.findByTestId('cnn-results', {}, { timeout: 30_000 });
    expect(results.textContent).toContain('Stopped early');
  });

  it('comparison step: the classic row is measured at once, the CNN row after training; runs are listed', async () => {
    render(<ComparisonWidget {...props(3, { n: '200', epochs: 2 })} />);
    const table = await screen.findByTestId('classic-vs-cnn-table', {}, { timeout: 30_000 });
    const classic = within(table).getByTestId('row-classic');
    expect(classic.querySelector('[data-cell="examples"]')!.textContent).toBe('200');
    expect(classic.querySelector('[data-cell="params"]')!.textContent).toBe('16');
    expect(classic.querySelector('[data-cell="accuracy"]')!.textContent).toMatch(/^\d+\.\d%$/);
    expect(classic.querySelector('[data-cell="auc"]')!.textContent).toMatch(/^[01]\.\d{3}$/);
    const cnn = within(table).getByTestId('row-cnn');
    expect(cnn.querySelector('[data-cell="accuracy"]')!.textContent).toBe('not yet');
    expect(cnn.querySelector('[data-cell="params"]')!.textContent).toBe('1,282');
    fireEvent.click(screen.getByTestId('cnn-train'));
    await waitFor(() => expect(cnn.querySelector('[data-cell="accuracy"]')!.textContent).toBe('97.5%'), {
      timeout: 30_000,
    });
    const runs = screen.getByTestId('runs-table').querySelectorAll('tbody tr');
    expect(runs).toHaveLength(2);
  });

  it('comparison step: the classic row reuses the lesson data features and their per-patch time', () => {
    const m = measureClassic(data, 200, 'svm');
    expect(data.featureMsPerPatch).toBeGreaterThan(0);
    expect(m.featureMs).toBe(200 * data.featureMsPerPatch);
    const r = runClassic(
      {
        trainFeatures: data.trainFeatures,
        trainLabels: data.dataset.train.labels,
        testFeatures: data.testFeatures,
        testLabels: data.dataset.test.labels,
      },
      { trainCount: 200, features: SCALAR_FEATURE_IDS, withLbp: true, classifier: 'svm', seed: 1 },
    );
    expect(m.result.testScores).toEqual(r.testScores);
    expect(m.result.auc).toBe(r.auc);
  });

  it('comparison step: "measure every size" fills the history for 20, 50, 200 and 800 examples', async () => {
    render(<ComparisonWidget {...props(3, { epochs: 1 })} />);
    await screen.findByTestId('classic-vs-cnn-table', {}, { timeout: 30_000 });
    fireEvent.click(screen.getByTestId('sweep'));
    await waitFor(
      () => expect(screen.getByTestId('runs-table').querySelectorAll('tbody tr')).toHaveLength(8),
      {
        timeout: 30_000,
      },
    );
    const sizes = [...screen.getByTestId('runs-table').querySelectorAll('tbody tr td:first-of-type')].map(
      (td) => td.textContent,
    );
    expect(sizes).toEqual(['20', '50', '200', '800', '20', '50', '200', '800']);
  });

  it('CNN step: Stop while the patches are still being prepared returns to idle at once', async () => {
    // Seed 2 is not built yet, so the run waits in the "preparing" phase.
    render(<SmallCnnWidget {...props(2, { n: '20', epochs: 1, seed: 2 })} />);
    fireEvent.click(screen.getByTestId('cnn-train'));
    await waitFor(() => expect(screen.getByTestId('cnn-status').textContent).toBe('Preparing the patches…'), {
      timeout: 30_000,
    });
    act(() => fireEvent.click(screen.getByTestId('cnn-stop')));
    await screen.findByTestId('cnn-train', {}, { timeout: 1_000 });
    expect(screen.queryByTestId('cnn-stop')).toBeNull();
    expect(screen.queryByTestId('cnn-progress')).toBeNull();
    expect(screen.getByTestId('cnn-status').textContent).toBe('');
    expect(screen.queryByTestId('cnn-results')).toBeNull();
  });
});
