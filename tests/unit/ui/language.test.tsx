// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../src/i18n/en';
import { LANG_KEY } from '../../../src/i18n/languageStore';
import { strayLatinInPage } from '../helpers/chineseText';
import { resetApp, renderApp } from './testUtils';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('./fakeBackend')).fakeBackend.module,
);

afterEach(() => resetApp());

/** English UI strings (or their literal parts between placeholders) that are visible in `root`. */
function visibleEnglish(root: HTMLElement): string[] {
  const text = root.textContent ?? '';
  const attrs = [...root.querySelectorAll('[aria-label],[title]')]
    .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`)
    .join(' ');
  const haystack = `${text} ${attrs}`;
  return Object.entries(en)
    .filter(([key]) => key !== 'app.brand')
    .flatMap(([, value]) => value.split(/\{\w+\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && haystack.includes(s));
}

const pages = [
  '#/',
  '#/lesson/ai-ml-dl?step=1',
  '#/lesson/ai-ml-dl?step=2',
  '#/lesson/ai-ml-dl?step=3',
  '#/lesson/ai-ml-dl?step=4',
  '#/lesson/ai-ml-dl?step=5',
  '#/lesson/convolution',
  '#/lesson/no-such-lesson',
  '#/zoo',
  '#/playground',
  '#/about',
  '#/nope',
];

describe('language switch', () => {
  it.each(pages)('switching to 简体中文 leaves no English UI string on %s', async (hash) => {
    const { user, container } = renderApp(hash);
    await waitFor(() => expect(screen.getByTestId('backend-indicator').dataset.status).toBe('ready'));
    expect(visibleEnglish(document.body).length).toBeGreaterThan(0);
    expect(strayLatinInPage(container).length).toBeGreaterThan(0);
    await user.click(screen.getByTestId('lang-zh'));
    expect(document.documentElement.lang).toBe('zh-Hans');
    expect(visibleEnglish(document.body)).toEqual([]);
    expect(strayLatinInPage(container)).toEqual([]);
  });

  it('changes strings, persists the choice and marks the pressed button', async () => {
    const { user } = renderApp('#/');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lessons');
    await user.click(screen.getByRole('button', { name: '简体中文' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('课程');
    expect(screen.getByTestId('lang-zh').getAttribute('aria-pressed')).toBe('true');
    expect(window.localStorage.getItem(LANG_KEY)).toBe('zh');
    expect(screen.getByTestId('lesson-card-ai-ml-dl').textContent).toContain('人工智能、机器学习与深度学习');
    await user.click(screen.getByTestId('lang-en'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lessons');
  });

  it('quiz feedback and instructor notes are in Chinese too', async () => {
    const { user, container } = renderApp('#/lesson/ai-ml-dl?step=5');
    await user.click(screen.getByTestId('lang-zh'));
    await user.click(screen.getByTestId('settings-button'));
    await user.click(screen.getByTestId('notes-toggle'));
    await user.keyboard('{Escape}');
    await user.click(screen.getByTestId('quiz-option-nesting-ml-is-dl'));
    await user.click(screen.getByTestId('quiz-check-nesting'));
    await user.click(screen.getByTestId('quiz-check-feature-origin'));
    await user.type(screen.getByTestId('quiz-input-roi-mean'), '99');
    await user.click(screen.getByTestId('quiz-check-roi-mean'));
    await user.type(screen.getByTestId('quiz-input-lr-params'), 'x');
    await user.click(screen.getByTestId('quiz-check-lr-params'));
    expect(screen.getByTestId('instructor-notes')).toBeTruthy();
    expect(visibleEnglish(document.body)).toEqual([]);
    expect(strayLatinInPage(container)).toEqual([]);
  });

  it('the settings dialog is translated too', async () => {
    const { user } = renderApp('#/');
    await user.click(screen.getByTestId('lang-zh'));
    await user.click(screen.getByTestId('settings-button'));
    expect(visibleEnglish(document.body)).toEqual([]);
    expect(screen.getByRole('dialog', { name: '设置' })).toBeTruthy();
  });
});
