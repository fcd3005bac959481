// @vitest-environment jsdom
/**
 * The models panel: name validation (validateModelName) and the replace warning, the list of saved
 * models, delete only after confirmation, export as two downloads from blob URLs, import of the
 * two files, links to the zoo page and the lesson, errors shown where the user acted, Chinese
 * without stray English.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../../src/core/lessons/types';
import { ModelStoreError, type StoredModelMeta } from '../../../../src/core/training/modelStore';
import { lessonLink, ModelsPanel, zooLink } from '../../../../src/ui/training/ModelsPanel';
import { strayLatinInPage } from '../../helpers/chineseText';

const META = (name: string, savedAt: string, auc: number | null): StoredModelMeta => ({
  name,
  savedAt,
  classNames: [
    { en: 'no nodule', zh: '无结节' },
    { en: 'nodule', zh: '结节' },
  ],
  inputSize: 64,
  window: { center: -600, width: 1500 },
  spacingMm: 0.7,
  architecture: { kind: 'zoo', id: 'tiny-vgg', pretrained: false },
  dataset: 'phantom nodules',
  metrics: { auc, accuracy: auc === null ? null : 0.875 },
  params: 6212,
});
const MODELS = [
  META('nodules v2', '2025-03-02T10:00:00Z', 0.9123),
  META('结节 一', '2025-03-01T09:00:00Z', null),
];

let urls: Blob[] = [];
beforeEach(() => {
  urls = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    urls.push(b);
    return `blob:test/${urls.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

function renderPanel(lang: Lang = 'en', canSave = true) {
  const props = {
    onSave: vi.fn(async () => {}),
    onOpen: vi.fn(async () => {}),
    onExport: vi.fn(async (name: string) => ({
      baseName: name === 'nodules v2' ? 'nodules_v2' : 'x',
      modelJson: '{"format":"layers-model"}',
      weights: new Float32Array([1, 2, 3]).buffer,
    })),
    onDelete: vi.fn(async () => {}),
    onImport: vi.fn(async () => {}),
  };
  const view = render(<ModelsPanel models={MODELS} lang={lang} canSave={canSave} {...props} />);
  return { ...view, ...props };
}

describe('ModelsPanel', () => {
  it('validates the name before saving', async () => {
    const { onSave } = renderPanel();
    const input = screen.getByTestId('model-name');
    const save = screen.getByTestId('model-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: ' padded' } });
    expect(screen.getByTestId('model-name-note').textContent).toBe(
      'The name must not begin or end with a space.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'x'.repeat(81) } });
    expect(screen.getByTestId('model-name-note').textContent).toContain('81 characters');
    fireEvent.change(input, { target: { value: 'nodules v2' } });
    expect(screen.getByTestId('model-name-note').textContent).toContain('saving replaces it');
    fireEvent.change(input, { target: { value: 'my model' } });
    expect(screen.queryByTestId('model-name-note')).toBeNull();
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledWith('my model');
    expect(await screen.findByText('Saved “my model”.')).toBeTruthy();
  });

  it('cannot save without a current model', () => {
    renderPanel('en', false);
    fireEvent.change(screen.getByTestId('model-name'), { target: { value: 'ok' } });
    expect((screen.getByTestId('model-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Train or open a model first.')).toBeTruthy();
  });

  it('lists the saved models with their figures and links', () => {
    renderPanel();
    const rows = screen.getAllByTestId('model-row');
    expect(rows.map((r) => r.getAttribute('data-name'))).toEqual(['nodules v2', '结节 一']);
    const first = within(rows[0]!);
    expect(first.getByText('no nodule, nodule')).toBeTruthy();
    expect(first.getByText('AUC 0.912, accuracy 87.5 %')).toBeTruthy();
    expect(first.getByText('6,212')).toBeTruthy();
    expect(rows[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-02T10:00:00Z');
    expect(within(rows[1]!).getByText('AUC —, accuracy —')).toBeTruthy();
    expect(first.getByRole('link', { name: 'Open in the zoo page' }).getAttribute('href')).toBe(
      '#/zoo?user=nodules%20v2',
    );
    expect(
      first.getByRole('link', { name: 'Open in the CNN architecture lesson' }).getAttribute('href'),
    ).toBe('#/lesson/cnn-architecture?step=1&um=nodules%20v2');
    expect(zooLink('结节 一')).toBe(`#/zoo?user=${encodeURIComponent('结节 一')}`);
    expect(lessonLink('a&b')).toBe('#/lesson/cnn-architecture?step=1&um=a%26b');
  });

  it('deletes only after confirmation', async () => {
    const { onDelete } = renderPanel();
    fireEvent.click(screen.getAllByTestId('model-delete')[0]!);
    expect(onDelete).not.toHaveBeenCalled();
    const confirm = screen.getByTestId('model-confirm');
    expect(confirm.textContent).toContain('Delete “nodules v2” from this browser?');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('model-confirm')).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete “结节 一”' }));
    fireEvent.click(screen.getByTestId('model-confirm-delete'));
    expect(onDelete).toHaveBeenCalledExactlyOnceWith('结节 一');
    expect(await screen.findByText('Deleted “结节 一”.')).toBeTruthy();
  });

  it('export gives two downloads: model.json and its weights', async () => {
    const { onExport, unmount } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Export “nodules v2” as model files' }));
    expect(onExport).toHaveBeenCalledWith('nodules v2');
    const box = await screen.findByTestId('model-downloads');
    const links = within(box).getAllByRole('link');
    expect(links.map((a) => [a.getAttribute('download'), a.getAttribute('href')])).toEqual([
      ['nodules_v2.json', 'blob:test/1'],
      ['nodules_v2.weights.bin', 'blob:test/2'],
    ]);
    expect(await urls[0]!.text()).toBe('{"format":"layers-model"}');
    expect(new Float32Array(await urls[1]!.arrayBuffer())).toEqual(new Float32Array([1, 2, 3]));
    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/2');
  });

  it('import passes the two files; other choices are refused with a message', async () => {
    const { onImport } = renderPanel();
    const input = screen.getByTestId('model-import');
    const json = new File(['{"a":1}'], 'm.json', { type: 'application/json' });
    const bin = new File([new Uint8Array([1, 2, 3, 4])], 'm.weights.bin');
    fireEvent.change(input, { target: { files: [json] } });
    expect(screen.getByRole('alert').textContent).toContain('Choose exactly two files together');
    expect(onImport).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { files: [bin, json] } });
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    const [text, bytes] = onImport.mock.calls[0] as unknown as [string, ArrayBuffer];
    expect(text).toBe('{"a":1}');
    expect([...new Uint8Array(bytes)]).toEqual([1, 2, 3, 4]);
    expect(await screen.findByText('Model imported: it is now the current model.')).toBeTruthy();
  });

  it('shows a failure in the user’s language', async () => {
    const { onOpen } = renderPanel('zh');
    onOpen.mockRejectedValueOnce(new ModelStoreError({ en: 'Disk full.', zh: '磁盘已满。' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '把“nodules v2”打开为当前模型' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('磁盘已满。');
  });

  it('Chinese: no stray English on the page', async () => {
    const { container } = renderPanel('zh');
    fireEvent.click(screen.getAllByTestId('model-delete')[0]!);
    fireEvent.click(screen.getAllByTestId('model-export')[0]!);
    await screen.findByTestId('model-downloads');
    fireEvent.change(screen.getByTestId('model-import'), { target: { files: [] } });
    // Model names are the user's; the list's first name is Latin, so check without it.
    const words = strayLatinInPage(container).filter((w) => !['nodules', 'v2'].includes(w));
    expect(words).toEqual([]);
  });
});
