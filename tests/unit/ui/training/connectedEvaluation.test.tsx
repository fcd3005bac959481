// @vitest-environment jsdom
/**
 * The store-connected wrappers: the evaluation panel reads the store's evaluation, and `checked`
 * turns a store action that ended in a new trainer error into a thrown error (shown by the panel).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageDataset } from '../../../../src/core/datasets/imageDataset';
import { checked, ConnectedEvaluationPanel } from '../../../../src/ui/training/connectedEvaluation';
import { useTrainingStore } from '../../../../src/ui/training/trainingStore';

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  useTrainingStore.setState({ evaluation: null, dataset: null, cams: {}, trainer: { status: 'idle' } });
});

const data: ImageDataset = {
  size: 2,
  count: 4,
  images: new Float32Array(16),
  labels: Int32Array.from([0, 1, 0, 1]),
  classNames: [
    { en: 'normal', zh: '正常' },
    { en: 'bleed', zh: '出血' },
  ],
  patientIds: null,
  presetSplit: null,
  spacingMm: null,
  source: { kind: 'folder', name: 't' },
};

describe('connected evaluation', () => {
  it('shows the store’s evaluation', () => {
    // Scores of "bleed": 0.9 (1), 0.6 (0), 0.3 (1), 0.2 (0). At 0.5: TP 1, FP 1, FN 1, TN 1.
    useTrainingStore.setState({
      dataset: data,
      evaluation: {
        split: 'validation',
        indices: Int32Array.from([1, 0, 3, 2]),
        labels: Int32Array.from([1, 0, 1, 0]),
        probabilities: Float32Array.from([0.1, 0.9, 0.4, 0.6, 0.7, 0.3, 0.8, 0.2]),
        classes: 2,
      },
    });
    render(<ConnectedEvaluationPanel lang="en" />);
    expect(screen.getByTestId('stat-sensitivity').textContent).toBe('50 %');
    expect(screen.getByTestId('stat-specificity').textContent).toBe('50 %');
    expect(screen.getAllByRole('columnheader', { name: 'bleed' })).toHaveLength(1);
  });

  it('checked: a new trainer error becomes a thrown error the panel shows', async () => {
    const fail = async (): Promise<void> => {
      useTrainingStore.setState({
        trainer: { status: 'error', message: { en: 'No model yet.', zh: '还没有模型。' } },
      });
    };
    await expect(checked(fail)).rejects.toThrow('No model yet.');
    // An error that was there before the action is not the action's.
    await expect(checked(async () => 7)).resolves.toBe(7);
    const evaluate = vi.fn(fail);
    useTrainingStore.setState({ trainer: { status: 'idle' }, evaluate });
    render(<ConnectedEvaluationPanel lang="zh" />);
    fireEvent.click(screen.getByTestId('evaluate'));
    expect((await screen.findByTestId('eval-error')).textContent).toBe('还没有模型。');
    expect(evaluate).toHaveBeenCalledWith('validation');
  });
});
