// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_PREF_KEY, useBackendStore, whenBackendReady } from '../../../src/ui/backendStore';
import { fakeBackend } from './fakeBackend';
import { resetApp, renderApp } from './testUtils';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('./fakeBackend')).fakeBackend.module,
);

afterEach(() => resetApp());

describe('app shell', () => {
  it('shows a helpful not-found page for an unknown route', async () => {
    const { user } = renderApp('#/does/not/exist');
    const page = screen.getByTestId('not-found');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(page.textContent).toContain('/does/not/exist');
    await user.click(within(page).getByRole('link', { name: 'Go to the lesson catalogue' }));
    await waitFor(() => expect(screen.getByTestId('lesson-catalogue')).toBeTruthy());
  });

  it('the zoo shows its heading at once and its seven model cards once its code has loaded', async () => {
    renderApp('#/zoo');
    const page = screen.getByTestId('zoo-page');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('Model zoo');
    const cards = await screen.findByTestId('zoo-cards', {}, { timeout: 10_000 });
    expect(within(cards).getAllByRole('listitem')).toHaveLength(7);
    expect(page.textContent).not.toContain('not built yet');
  });

  it('the playground says honestly that it is not built yet', () => {
    resetApp('#/playground');
    renderApp('#/playground');
    expect(screen.getByTestId('playground-page').textContent).toContain('not built yet');
  });

  it('about names the review, the privacy promise and the backend report', async () => {
    renderApp('#/about');
    const page = screen.getByTestId('about-page');
    expect(page.textContent).toContain(
      'Deep learning in radiology: an overview of the concepts and a survey of the state of the art',
    );
    expect(screen.getByTestId('privacy-promise').textContent).toContain('never leave');
    await waitFor(() => expect(screen.getByTestId('backend-report').dataset.status).toBe('ready'));
    expect(screen.getByTestId('backend-report-name').textContent).toBe('wasm');
    expect(within(screen.getByTestId('backend-report')).getByRole('table')).toBeTruthy();
  });

  it('starts the backend after first paint and shows it in the header with its reason', async () => {
    renderApp('#/');
    const indicator = screen.getByTestId('backend-indicator');
    expect(indicator.textContent).toContain('Compute: starting…');
    await waitFor(() => expect(indicator.dataset.status).toBe('ready'));
    expect(indicator.dataset.backend).toBe('wasm');
    expect(indicator.textContent).toContain('Compute: wasm');
    expect(indicator.textContent).toContain('emulated in software');
    expect(fakeBackend.calls).toEqual(['auto']);
  });

  it('shows a dismissible notice when the backend falls back', async () => {
    const { user } = renderApp('#/');
    await waitFor(() => expect(screen.getByTestId('backend-indicator').dataset.status).toBe('ready'));
    const report = useBackendStore.getState().report!;
    act(() =>
      fakeBackend.emit({
        type: 'fallback',
        from: 'webgl',
        report: { ...report, backend: 'wasm', reason: 'context-lost' },
      }),
    );
    const notice = screen.getByTestId('backend-fallback-notice');
    expect(notice.closest('[role="status"]')).toBeTruthy();
    expect(notice.textContent).toContain('The GPU context was lost; now running on wasm.');
    await user.click(screen.getByTestId('backend-fallback-dismiss'));
    expect(screen.queryByTestId('backend-fallback-notice')).toBeNull();
  });

  it('reports a backend that cannot start', async () => {
    fakeBackend.failWith = 'no backend';
    renderApp('#/');
    fakeBackend.failWith = 'no backend';
    await waitFor(() => expect(screen.getByTestId('backend-indicator').dataset.status).toBe('error'));
    expect(screen.getByTestId('backend-indicator').textContent).toContain('Compute: unavailable');
  });

  it('whenBackendReady starts the backend once and resolves when it is ready, or rejects with its error', async () => {
    await whenBackendReady();
    expect(useBackendStore.getState().status).toBe('ready');
    await whenBackendReady();
    expect(fakeBackend.calls).toEqual(['auto']);
    resetApp();
    fakeBackend.failWith = 'no backend';
    await expect(whenBackendReady()).rejects.toThrow('no backend');
  });

  it('settings: keyboard accessible, Escape closes, focus returns, backend preference restarts', async () => {
    const { user } = renderApp('#/');
    await waitFor(() => expect(screen.getByTestId('backend-indicator').dataset.status).toBe('ready'));
    const button = screen.getByTestId('settings-button');
    button.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: 'WebGL' }));
    await waitFor(() => expect(screen.getByTestId('backend-indicator').dataset.backend).toBe('webgl'));
    expect(fakeBackend.calls).toEqual(['auto', 'webgl']);
    expect(window.localStorage.getItem(BACKEND_PREF_KEY)).toBe('webgl');
    expect(screen.getByTestId('backend-indicator').textContent).toContain('you chose this backend');
    for (let i = 0; i < 12; i++) await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('presentation mode toggles a document attribute', async () => {
    const { user } = renderApp('#/');
    expect(document.documentElement.dataset.presentation).toBe('off');
    await user.click(screen.getByTestId('settings-button'));
    await user.click(screen.getByTestId('presentation-toggle'));
    expect(document.documentElement.dataset.presentation).toBe('on');
    await user.click(screen.getByTestId('settings-close'));
    expect(document.activeElement).toBe(screen.getByTestId('settings-button'));
  });
});
