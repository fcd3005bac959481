// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADRENAL_ROI_HU } from '../../../src/lessons/ai-ml-dl/aiMlDlData';
import { resetApp, renderApp } from './testUtils';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('./fakeBackend')).fakeBackend.module,
);

afterEach(() => resetApp());

describe('quiz', () => {
  it('gives immediate feedback with an explanation, and saves results', async () => {
    const { user, progress } = renderApp('#/lesson/ai-ml-dl?step=5');
    const q1 = screen.getByTestId('quiz-question-nesting');
    await user.click(within(q1).getByTestId('quiz-check-nesting'));
    expect(screen.getByTestId('quiz-feedback-nesting').dataset.status).toBe('invalid');
    expect(screen.getByTestId('quiz-feedback-nesting').textContent).toContain(
      'Please choose one option first.',
    );

    await user.click(within(q1).getByTestId('quiz-option-nesting-ml-is-dl'));
    await user.click(within(q1).getByTestId('quiz-check-nesting'));
    const fb = screen.getByTestId('quiz-feedback-nesting');
    expect(fb.dataset.status).toBe('incorrect');
    expect(fb.textContent).toContain('Not quite.');
    expect(fb.textContent).toContain('Deep learning ⊂ machine learning ⊂ AI');
    expect(progress.getState()['ai-ml-dl']?.quiz).toEqual({ nesting: false });

    await user.click(within(q1).getByTestId('quiz-option-nesting-dl-is-ml'));
    await user.click(within(q1).getByTestId('quiz-check-nesting'));
    expect(screen.getByTestId('quiz-feedback-nesting').dataset.status).toBe('correct');
    expect(screen.getByTestId('quiz-feedback-nesting').textContent).toContain('Correct.');
    expect(progress.getState()['ai-ml-dl']?.quiz).toEqual({ nesting: true });
    expect(screen.getByTestId('quiz-score').textContent).toBe('Score: 1 of 6 correct');
  });

  it('grades numeric answers with tolerance and rejects non-numbers politely', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=5');
    const input = screen.getByTestId('quiz-input-roi-mean');
    const check = screen.getByTestId('quiz-check-roi-mean');
    const feedback = () => screen.getByTestId('quiz-feedback-roi-mean');

    await user.type(input, 'five');
    await user.click(check);
    expect(feedback().dataset.status).toBe('invalid');
    expect(feedback().textContent).toContain('Please type a number');

    const mean = ADRENAL_ROI_HU.reduce((a, b) => a + b, 0) / ADRENAL_ROI_HU.length;
    await user.clear(input);
    await user.type(input, (Math.round(mean * 10) / 10).toFixed(1));
    await user.click(check);
    expect(feedback().dataset.status).toBe('correct');

    await user.clear(input);
    await user.type(input, String(mean + 1));
    await user.keyboard('{Enter}');
    expect(feedback().dataset.status).toBe('incorrect');
    expect(feedback().textContent).toContain('Expected answer');
  });

  it('the numeric parameter-count question is answered by features + 1', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=5');
    await user.type(screen.getByTestId('quiz-input-lr-params'), '5');
    await user.click(screen.getByTestId('quiz-check-lr-params'));
    expect(screen.getByTestId('quiz-feedback-lr-params').dataset.status).toBe('correct');
  });
});
