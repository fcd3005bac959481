// @vitest-environment jsdom
/**
 * The train-classifier widgets of steps 1–4 and 8 with a training store set up by hand (its actions
 * replaced by spies, so that no worker starts): each renders in both languages (Chinese without
 * stray English), writes its controls to the URL through `setParam`, and calls the store as the
 * step says. The experiments' widgets are in trainClassifierExperimentWidgets.test.tsx.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataWidget, PHANTOM_DEBOUNCE_MS } from '../../../src/lessons/train-classifier/DataWidget';
import { EvaluateWidget } from '../../../src/lessons/train-classifier/EvaluateWidget';
import { ModelsWidget } from '../../../src/lessons/train-classifier/ModelsWidget';
import { RunWidget } from '../../../src/lessons/train-classifier/RunWidget';
import { SetupWidget } from '../../../src/lessons/train-classifier/SetupWidget';
import {
  phantomSpecFromParams,
  trainConfigFromParams,
} from '../../../src/lessons/train-classifier/trainClassifierParams';
import { useTrainingStore } from '../../../src/ui/training/trainingStore';
import { strayLatinInPage } from '../helpers/chineseText';
import {
  fixtureDataset,
  fixtureEvaluation,
  fixtureSplit,
  LANGS,
  stepProps,
  withTrainingStoreSpies,
} from '../helpers/trainClassifierFixtures';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

const spies = withTrainingStoreSpies();

describe('train-data', () => {
  it.each(LANGS)('with no data, generates the link’s phantom set after a pause (%s)', async (lang) => {
    vi.useFakeTimers();
    const p = stepProps('dataset', { n: 200, pos: 0.3 }, lang);
    const { container } = render(<DataWidget {...p} />);
    expect(spies().loadPhantom).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(PHANTOM_DEBOUNCE_MS + 1);
    });
    expect(spies().loadPhantom).toHaveBeenCalledTimes(1);
    expect(spies().loadPhantom).toHaveBeenCalledWith(phantomSpecFromParams(p.params));
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });

  it('writes a phantom control to the URL and follows the split of the link', () => {
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit });
    const p = stepProps('dataset', { bypat: 'off', sseed: 5 });
    render(<DataWidget {...p} />);
    // The store's split (by patient, seed 1) differs from the link's: it is set from the link.
    expect(spies().setSplitOptions).toHaveBeenCalledWith({
      fractions: { train: 0.7, validation: 0.15, test: 0.15 },
      seed: 5,
      byPatient: false,
      usePreset: true,
    });
    fireEvent.change(screen.getByTestId('phantom-count'), { target: { value: '300' } });
    expect(p.setParam).toHaveBeenCalledWith('n', 300);
    expect(p.setParam).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByTestId('phantom-difficulty'), { target: { value: 'hard' } });
    expect(p.setParam).toHaveBeenCalledWith('con', 0.3);
    expect(p.setParam).toHaveBeenCalledWith('noise', 40);
    expect(screen.getByTestId('sample-grid')).toBeTruthy();
  });

  it.each(LANGS)('leaves the learner’s own images alone and offers the link’s set (%s)', async (lang) => {
    vi.useFakeTimers();
    useTrainingStore.setState({ dataset: fixtureDataset('folder'), split: fixtureSplit });
    const { container } = render(<DataWidget {...stepProps('dataset', {}, lang)} />);
    await act(async () => {
      vi.advanceTimersByTime(PHANTOM_DEBOUNCE_MS * 3);
    });
    expect(spies().loadPhantom).not.toHaveBeenCalled();
    expect(screen.getByTestId('train-not-phantom')).toBeTruthy();
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('train-setup', () => {
  it.each(LANGS)('gives the link’s config to the store and writes changes to the URL (%s)', (lang) => {
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit });
    const p = stepProps('setup', { opt: 'sgd', lr: 0.01, epochs: 7 }, lang);
    const { container } = render(<SetupWidget {...p} />);
    expect(spies().setConfig).toHaveBeenCalledWith(trainConfigFromParams(p.params));
    fireEvent.change(screen.getByTestId('setup-epochs'), { target: { value: '12' } });
    expect(p.setParam).toHaveBeenCalledWith('epochs', 12);
    expect(p.setParam).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('augment-preview')).toBeTruthy();
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('train-run', () => {
  it.each(LANGS)('without data offers the default set; with data, trains on the whole split (%s)', (lang) => {
    const { container, rerender } = render(<RunWidget {...stepProps('train', {}, lang)} />);
    expect(screen.getByTestId('train-need-data')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', {
        name: lang === 'en' ? 'Load the default phantom set' : '加载默认的体模数据集',
      }),
    );
    expect(spies().loadPhantom).toHaveBeenCalledWith(phantomSpecFromParams({}));
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
    act(() => useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit, trainLimit: 24 }));
    rerender(<RunWidget {...stepProps('train', {}, lang)} />);
    fireEvent.click(screen.getByTestId('train-start'));
    expect(spies().setTrainLimit).toHaveBeenCalledWith(null);
    expect(spies().train).toHaveBeenCalledTimes(1);
    expect(spies().setConfig).not.toHaveBeenCalled();
    expect(container.textContent).toContain('6');
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });
});

describe('train-evaluate and train-models', () => {
  it.each(LANGS)('the evaluation panel shows the store’s evaluation (%s)', (lang) => {
    const data = {
      ...fixtureDataset(),
      count: 12,
      labels: fixtureEvaluation.labels,
      images: new Float32Array(12 * 16),
    };
    useTrainingStore.setState({
      dataset: data,
      evaluation: fixtureEvaluation,
      configured: { params: 1, layers: [], progress: null! },
    });
    const { container } = render(<EvaluateWidget {...stepProps('evaluate', {}, lang)} />);
    // At 0.5: TP 4, FN 0, FP 2, TN 6 → sensitivity 100 %, specificity 75 %.
    expect(screen.getByTestId('stat-sensitivity').textContent).toBe('100 %');
    expect(screen.getByTestId('stat-specificity').textContent).toBe('75 %');
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });

  it.each(LANGS)('the models panel lists the saved models (%s)', (lang) => {
    const { container } = render(<ModelsWidget {...stepProps('models', {}, lang)} />);
    expect(spies().refreshModels).toHaveBeenCalled();
    expect(screen.getByTestId('train-models')).toBeTruthy();
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });
});
