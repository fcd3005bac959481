// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultParams, serializeLessonHash } from '../../../src/core/lessons/lessonState';
import { aiMlDl } from '../../../src/lessons/ai-ml-dl/aiMlDl';
import { resetApp, renderApp } from './testUtils';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('./fakeBackend')).fakeBackend.module,
);

afterEach(() => resetApp());

const stepTitle = (i: number): string => aiMlDl.steps[i]!.title.en;
/** The canonical link of step i (0-based) with its default parameters. */
const hashOf = (i: number): string =>
  serializeLessonHash(aiMlDl, { step: i, params: defaultParams(aiMlDl.steps[i]) });
const currentStepHeading = (): string =>
  screen.getByRole('heading', { level: 2, name: /./ }).textContent ?? '';

describe('lesson page', () => {
  it('opens step 1 and writes the canonical state into the hash', async () => {
    renderApp('#/lesson/ai-ml-dl');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(aiMlDl.title.en);
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 1 of 5');
    await waitFor(() => expect(window.location.hash).toBe('#/lesson/ai-ml-dl?step=1&highlight=none'));
  });

  it('navigates with the buttons and updates the hash', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=1');
    await user.click(screen.getByTestId('step-next'));
    expect(window.location.hash).toBe(hashOf(1));
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 2 of 5');
    expect(within(screen.getByTestId('lesson-step')).getByRole('heading', { level: 2 }).textContent).toBe(
      stepTitle(1),
    );
    await user.click(screen.getByTestId('step-prev'));
    expect(window.location.hash).toBe('#/lesson/ai-ml-dl?step=1&highlight=none');
    expect(screen.getByTestId('step-prev').getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByTestId('step-prev'));
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 1 of 5');
  });

  it('navigates with ← and → but not while focus is in a form control', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=2');
    await user.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe(hashOf(2));
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 5 of 5');
    expect(screen.getByTestId('step-next').getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(window.location.hash).toBe(hashOf(3));
    await user.keyboard('{ArrowRight}');
    const input = screen.getByTestId('quiz-input-roi-mean');
    input.focus();
    fireEvent.keyDown(input, { key: 'ArrowLeft' });
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 5 of 5');
  });

  it('clamps an out-of-range step and ignores malformed parameters', async () => {
    renderApp('#/lesson/ai-ml-dl?step=99&highlight=%%%');
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 5 of 5');
    await waitFor(() => expect(window.location.hash).toBe('#/lesson/ai-ml-dl?step=5'));
  });

  it('reopens a copied link in exactly that state, and parameter changes go to the URL', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=1&highlight=dl');
    const group = screen.getByTestId('param-highlight');
    expect((within(group).getByRole('radio', { name: 'Deep learning' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(screen.getByTestId('nested-sets-diagram').dataset.highlight).toBe('dl');
    await user.click(within(group).getByRole('radio', { name: 'Machine learning' }));
    expect(window.location.hash).toBe('#/lesson/ai-ml-dl?step=1&highlight=ml');
    expect(screen.getByTestId('nested-sets-diagram').dataset.highlight).toBe('ml');
  });

  it('responds to hash changes (back/forward, typed links)', async () => {
    renderApp('#/lesson/ai-ml-dl?step=1');
    act(() => {
      window.history.pushState(null, '', '#/lesson/ai-ml-dl?step=3');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('step-indicator').textContent).toBe('Step 3 of 5');
    expect(currentStepHeading()).toBeTruthy();
  });

  it('leaving the lesson by history (back button) is not undone by URL clean-up', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=1');
    await user.click(screen.getByTestId('step-next'));
    act(() => {
      window.history.pushState(null, '', '#/');
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/');
    expect(screen.getByTestId('lesson-catalogue')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('records visited steps', async () => {
    const { user, progress } = renderApp('#/lesson/ai-ml-dl?step=1');
    await user.click(screen.getByTestId('step-next'));
    expect(progress.getState()['ai-ml-dl']?.visited).toEqual([0, 1]);
  });

  it('hides instructor notes until turned on in settings', async () => {
    const { user } = renderApp('#/lesson/ai-ml-dl?step=2');
    expect(screen.queryByTestId('instructor-notes')).toBeNull();
    await user.click(screen.getByTestId('settings-button'));
    await user.click(screen.getByTestId('notes-toggle'));
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('instructor-notes').textContent).toContain(aiMlDl.steps[1]!.notes.en);
  });

  it('renders the SVG diagram accessibly', () => {
    renderApp('#/lesson/ai-ml-dl?step=1');
    const svg = screen.getByRole('img', { name: /AI contains machine learning/ });
    expect(svg.querySelector('title')?.textContent).toBeTruthy();
    expect(svg.querySelector('desc')?.textContent).toBeTruthy();
    expect(svg.textContent).toContain('Deep learning (DL)');
  });

  it('says "coming soon" for a planned lesson and not-found for an unknown id', () => {
    renderApp('#/lesson/transfer-learning');
    expect(screen.getByTestId('lesson-coming')).toBeTruthy();
    expect(screen.getByText('This lesson is coming soon')).toBeTruthy();
    resetApp('#/lesson/no-such-lesson');
    renderApp('#/lesson/no-such-lesson');
    expect(screen.getByTestId('not-found').textContent).toContain('no-such-lesson');
  });
});
