// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LESSON_IDS } from '../../../src/core/lessons/lessonIds';
import { resetApp, renderApp } from './testUtils';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('./fakeBackend')).fakeBackend.module,
);

afterEach(() => resetApp());

describe('catalogue (home page)', () => {
  it('lists all twelve lessons with title, summary, minutes and status', () => {
    renderApp('#/');
    expect(screen.getByRole('heading', { level: 1, name: 'Lessons' })).toBeTruthy();
    const list = screen.getByTestId('lesson-catalogue');
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(12);
    expect(cards.map((c) => c.dataset.testid)).toEqual(LESSON_IDS.map((id) => `lesson-card-${id}`));
    for (const card of cards) {
      expect(within(card).getByRole('heading', { level: 2 }).textContent).not.toBe('');
      expect(card.textContent).toMatch(/about \d+ min/);
    }
    const available = cards.filter((c) => c.dataset.status === 'available');
    expect(available.map((c) => c.dataset.testid)).toEqual([
      'lesson-card-radiology-images',
      'lesson-card-ai-ml-dl',
      'lesson-card-neurons',
      'lesson-card-convolution',
      'lesson-card-activation-pooling',
      'lesson-card-cnn-architecture',
      'lesson-card-backprop-sgd',
      'lesson-card-train-classifier',
    ]);
    expect(within(available[0]!).getByText('Available')).toBeTruthy();
    expect(within(screen.getByTestId('lesson-card-transfer-learning')).getByText('Coming soon')).toBeTruthy();
    expect(within(screen.getByTestId('lesson-card-transfer-learning')).queryByRole('link')).toBeNull();
    const link = within(available[1]!).getByRole('link', { name: 'AI, machine learning and deep learning' });
    expect(link.getAttribute('href')).toBe('#/lesson/ai-ml-dl');
  });

  it('shows progress: "Not started", then "2 of 5 steps · quiz 1/6"', () => {
    const { progress } = renderApp('#/');
    const card = screen.getByTestId('lesson-card-ai-ml-dl');
    expect(within(card).getByTestId('lesson-progress').textContent).toBe('Not started');
    act(() => {
      progress.markVisited('ai-ml-dl', 0);
      progress.markVisited('ai-ml-dl', 3);
      progress.recordQuiz('ai-ml-dl', 'nesting', true);
      progress.recordQuiz('ai-ml-dl', 'lr-params', false);
    });
    expect(within(card).getByTestId('lesson-progress').textContent).toBe('2 of 5 steps · quiz 1/6');
  });

  it('has landmarks, one h1 and a skip link', () => {
    renderApp('#/');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByTestId('skip-link').textContent).toBe('Skip to main content');
  });
});
