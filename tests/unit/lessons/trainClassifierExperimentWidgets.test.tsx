// @vitest-environment jsdom
/**
 * The train-classifier widgets of the experiments (steps 5–7) with a training store set up by hand
 * (its actions replaced by spies): the overfitting, augmentation and imbalance widgets show the
 * numbers computed from hand-made records in both languages, and their buttons start the
 * experiments as the steps say; a full run afterwards goes back to the setup's config.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NO_AUGMENT } from '../../../src/core/training/trainingTypes';
import { AugmentWidget } from '../../../src/lessons/train-classifier/AugmentWidget';
import { ImbalanceWidget } from '../../../src/lessons/train-classifier/ImbalanceWidget';
import { OverfitWidget } from '../../../src/lessons/train-classifier/OverfitWidget';
import { RunWidget } from '../../../src/lessons/train-classifier/RunWidget';
import {
  experimentAugmentFromParams,
  experimentConfig,
  trainConfigFromParams,
} from '../../../src/lessons/train-classifier/trainClassifierParams';
import { DEFAULT_CONFIG, useTrainingStore } from '../../../src/ui/training/trainingStore';
import { strayLatinInPage } from '../helpers/chineseText';
import {
  epochRecords,
  fixtureDataset,
  fixtureEvaluation,
  fixtureSplit,
  LANGS,
  runRecord,
  stepProps,
  withTrainingStoreSpies,
} from '../helpers/trainClassifierFixtures';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

const spies = withTrainingStoreSpies();

describe('train-run after an experiment', () => {
  it('trains the full set with the setup’s config, not the experiment’s', async () => {
    const setup = trainConfigFromParams({ model: 'mlp', epochs: 3 });
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit, config: setup });
    render(<OverfitWidget {...stepProps('overfitting')} />);
    fireEvent.click(screen.getByTestId('train-run-plain'));
    const experiment = experimentConfig(setup, 40, NO_AUGMENT);
    expect(spies().setConfig).toHaveBeenLastCalledWith(experiment);
    act(() => useTrainingStore.setState({ config: experiment }));
    cleanup();
    render(<RunWidget {...stepProps('train')} />);
    fireEvent.click(screen.getByTestId('train-start'));
    expect(spies().setTrainLimit).toHaveBeenLastCalledWith(null);
    expect(spies().setConfig).toHaveBeenLastCalledWith(setup);
  });
});

describe('train-overfit', () => {
  // Training 0.7 … 0.05; validation lowest (0.4) at epoch 3, 0.65 at epoch 6: gap 0.6, rise 0.25.
  const epochs = epochRecords([0.7, 0.5, 0.3, 0.2, 0.1, 0.05], [0.6, 0.45, 0.4, 0.42, 0.5, 0.65]);

  it.each(LANGS)('states the best epoch, the final gap and what early stopping would do (%s)', (lang) => {
    useTrainingStore.setState({
      dataset: fixtureDataset(),
      split: fixtureSplit,
      runs: [runRecord(1, experimentConfig(DEFAULT_CONFIG, 6, NO_AUGMENT), epochs)],
    });
    const { container } = render(<OverfitWidget {...stepProps('overfitting', { ep: 5 }, lang)} />);
    // A run of 6 epochs is not the experiment of 5 epochs.
    expect(screen.queryByTestId('train-overfit-findings')).toBeNull();
    cleanup();
    render(<OverfitWidget {...stepProps('overfitting', { ep: 6 }, lang)} />);
    expect(screen.getByTestId('train-best-epoch').dataset.epoch).toBe('3');
    expect(Number(screen.getByTestId('train-final-gap').dataset.gap)).toBeCloseTo(0.6, 12);
    const en = lang === 'en';
    expect(screen.getByTestId('train-best-epoch').textContent).toBe(
      en ? 'Lowest validation loss: 0.4 at epoch 3.' : '验证损失最低：第 3 轮，为 0.4。',
    );
    expect(screen.getByTestId('train-final-gap').textContent).toContain(en ? 'the gap is 0.6' : '差距为 0.6');
    expect(screen.getByTestId('train-rise').textContent).toContain(en ? 'rose by 0.25' : '上升了 0.25');
    // Patience 5: after epoch 3 only 3 epochs remain → no early stop; the kept weights are epoch 3's.
    expect(screen.getByTestId('train-early-stop').textContent).toContain(
      en ? 'weights of epoch 3' : '第 3 轮的权重',
    );
    expect(screen.getByTestId('train-experiment-curves')).toBeTruthy();
    if (!en) expect(strayLatinInPage(container)).toEqual([]);
  });

  it('says so when the validation loss did not rise', () => {
    useTrainingStore.setState({
      dataset: fixtureDataset(),
      split: fixtureSplit,
      runs: [
        runRecord(
          1,
          experimentConfig(DEFAULT_CONFIG, 5, NO_AUGMENT),
          epochRecords([0.7, 0.5, 0.3, 0.2, 0.1], [0.6, 0.5, 0.45, 0.44, 0.43]),
        ),
      ],
    });
    render(<OverfitWidget {...stepProps('overfitting', { ep: 5 })} />);
    expect(screen.getByTestId('train-rise').textContent).toContain('did not rise');
  });

  it('the button runs the experiment: 24 images, batch 8, the step’s epochs, no augmentation', async () => {
    const config = trainConfigFromParams({ model: 'lenet5', opt: 'sgd', lr: 0.01 });
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit, config });
    render(<OverfitWidget {...stepProps('overfitting', { small: 24, ep: 30 })} />);
    fireEvent.click(screen.getByTestId('train-run-plain'));
    expect(spies().setTrainLimit).toHaveBeenCalledWith(24);
    expect(spies().setConfig).toHaveBeenCalledWith(experimentConfig(config, 30, NO_AUGMENT));
    expect(spies().train).toHaveBeenCalledWith({ en: '24 images, no augmentation', zh: '24 张图像，无增强' });
  });
});

describe('train-augment', () => {
  const augment = experimentAugmentFromParams({});
  it.each(LANGS)('compares both runs’ best validation figures as measured (%s)', (lang) => {
    // Plain: best loss 0.4 (epoch 3), best AUC 0.8; augmented: best loss 0.35 (epoch 5), AUC 0.86.
    const plain = runRecord(
      1,
      experimentConfig(DEFAULT_CONFIG, 6, NO_AUGMENT),
      epochRecords(
        [0.7, 0.5, 0.3, 0.2, 0.1, 0.05],
        [0.6, 0.45, 0.4, 0.42, 0.5, 0.65],
        [0.6, 0.7, 0.8, 0.78, 0.75, 0.7],
      ),
    );
    const aug = runRecord(
      2,
      experimentConfig(DEFAULT_CONFIG, 6, augment),
      epochRecords(
        [0.7, 0.6, 0.5, 0.45, 0.4, 0.38],
        [0.65, 0.5, 0.42, 0.38, 0.35, 0.36],
        [0.6, 0.7, 0.8, 0.84, 0.86, 0.85],
      ),
    );
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit, runs: [plain, aug] });
    const { container } = render(<AugmentWidget {...stepProps('augmentation', { ep: 6 }, lang)} />);
    const comparison = screen.getByTestId('train-augment-comparison');
    expect(comparison.dataset.loss).toBe('better');
    expect(comparison.dataset.auc).toBe('better');
    expect(screen.getByTestId('train-augment-loss').textContent).toContain(
      lang === 'en' ? 'lower by 0.05' : '低了 0.05',
    );
    expect(screen.getByTestId('train-augment-auc').textContent).toContain('0.06');
    expect(comparison.textContent).toContain('0.35 (5)');
    expect(comparison.textContent).toContain('0.4 (3)');
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });

  it('says it when augmentation did not help', () => {
    const plain = runRecord(
      1,
      experimentConfig(DEFAULT_CONFIG, 2, NO_AUGMENT),
      epochRecords([0.7, 0.5], [0.5, 0.4]),
    );
    const aug = runRecord(
      2,
      experimentConfig(DEFAULT_CONFIG, 2, augment),
      epochRecords([0.7, 0.6], [0.6, 0.5]),
    );
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit, runs: [plain, aug] });
    render(<AugmentWidget {...stepProps('augmentation', { ep: 5 })} />);
    expect(screen.getByText(/Run both experiments/)).toBeTruthy();
    cleanup();
    render(<AugmentWidget {...stepProps('augmentation', { ep: 2 })} />);
    expect(screen.getByTestId('train-augment-loss').textContent).toBe(
      'With augmentation the lowest validation loss was higher by 0.1: in these runs it did not help.',
    );
  });

  it('each button runs its experiment with the step’s augmentation', () => {
    useTrainingStore.setState({ dataset: fixtureDataset(), split: fixtureSplit });
    render(<AugmentWidget {...stepProps('augmentation', { rot: 10 })} />);
    fireEvent.click(screen.getByTestId('train-run-augmented'));
    expect(spies().setConfig).toHaveBeenCalledWith(
      experimentConfig(DEFAULT_CONFIG, 40, { ...augment, rotateDeg: 10 }),
    );
    expect(spies().setTrainLimit).toHaveBeenCalledWith(24);
  });
});

describe('train-imbalance', () => {
  it.each(LANGS)('asks for an evaluation first (%s)', (lang) => {
    useTrainingStore.setState({
      dataset: fixtureDataset(),
      split: fixtureSplit,
      progress: {
        state: 'done',
        epoch: 1,
        epochs: 1,
        batchInEpoch: 1,
        batchesPerEpoch: 1,
        stepsDone: 1,
        stepsTotal: 1,
        trainMs: 1,
        examplesPerSec: 1,
      },
    });
    const { container } = render(<ImbalanceWidget {...stepProps('imbalance', {}, lang)} />);
    expect(screen.getByTestId('train-imbalance-need')).toBeTruthy();
    fireEvent.click(screen.getByRole('button'));
    expect(spies().evaluate).toHaveBeenCalledWith('validation');
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });

  it.each(LANGS)('shows the figures of the set resampled to 20 % (%s)', (lang) => {
    useTrainingStore.setState({
      dataset: fixtureDataset(),
      split: fixtureSplit,
      evaluation: fixtureEvaluation,
    });
    const { container } = render(<ImbalanceWidget {...stepProps('imbalance', { prev: 20 }, lang)} />);
    const value = (id: string): number => Number(screen.getByTestId(`train-imbalance-${id}`).dataset.value);
    // Worked in trainClassifier.test.ts: 8 negatives + 2 positives; at 0.5 TP 2, FP 2, TN 6.
    expect(value('always-normal')).toBeCloseTo(0.8, 12);
    expect(value('accuracy')).toBeCloseTo(0.8, 12);
    expect(value('auc')).toBe(1);
    expect(value('sensitivity')).toBe(1);
    expect(value('ppv')).toBeCloseTo(0.5, 12);
    expect(screen.getByTestId('train-imbalance-subset').textContent).toContain(
      lang === 'en'
        ? '10 images of the validation split, 2 with a lesion'
        : '验证集中的 10 张图像，其中 2 张有病灶',
    );
    expect(screen.getByTestId('train-imbalance-few')).toBeTruthy();
    expect(screen.getByTestId('train-imbalance-chart').querySelector('svg')).toBeTruthy();
    if (lang === 'zh') expect(strayLatinInPage(container)).toEqual([]);
  });

  it('says when a prevalence leaves no lesion', () => {
    useTrainingStore.setState({
      dataset: fixtureDataset(),
      split: fixtureSplit,
      evaluation: fixtureEvaluation,
    });
    render(<ImbalanceWidget {...stepProps('imbalance', { prev: 1 })} />);
    expect(screen.getByTestId('train-imbalance-empty').textContent).toContain('the 8 normal images');
  });
});
