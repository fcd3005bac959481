// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImageDecodeError } from '../../../../src/core/imaging/ImageDecodeError';
import { useLanguageStore } from '../../../../src/i18n/languageStore';
import { Viewer } from '../../../../src/ui/viewer/Viewer';
import { strayLatinInPage } from '../../helpers/chineseText';
import { makeCt, PLAIN, setUpViewerTests } from './viewerFixtures';

const MINUS = '\u2212';

setUpViewerTests();

const canvas = () => screen.getByTestId('viewer-canvas');
const levelInput = () => screen.getByLabelText('Level (centre)') as HTMLInputElement;
const widthInput = () => screen.getByLabelText('Width') as HTMLInputElement;

describe('Viewer: window', () => {
  it('opens a CT with its file window and says so in the canvas label', () => {
    render(<Viewer image={makeCt()} showLoader={false} />);
    expect(levelInput().value).toBe('40');
    expect(widthInput().value).toBe('400');
    expect(canvas().getAttribute('aria-label')).toBe('CT image, 4 × 4 pixels, window level 40, width 400 HU');
    expect(canvas().tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: /File window/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('number inputs change the window', async () => {
    const user = userEvent.setup();
    const onWindowChange = vi.fn();
    render(<Viewer image={makeCt()} showLoader={false} onWindowChange={onWindowChange} />);
    await user.clear(levelInput());
    await user.type(levelInput(), '100');
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 100, width: 400 });
    await user.clear(widthInput());
    await user.type(widthInput(), '1500');
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 100, width: 1500 });
    // LINEAR bounds: c − 0.5 ∓ (w − 1)/2 = 99.5 ∓ 749.5.
    expect(screen.getByTestId('window-range').textContent).toBe(
      `Shows ${MINUS}650 to 849 HU: below is black, above is white.`,
    );
  });

  it('presets, Auto and File window buttons set the window', async () => {
    const user = userEvent.setup();
    const onWindowChange = vi.fn();
    render(<Viewer image={makeCt()} showLoader={false} onWindowChange={onWindowChange} />);
    const lung = screen.getByRole('button', { name: /Lung/ });
    await user.click(lung);
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: -600, width: 1500 });
    expect(levelInput().value).toBe('-600');
    expect(widthInput().value).toBe('1500');
    expect(lung.getAttribute('aria-pressed')).toBe('true');
    // Auto: nearest-rank 1st and 99th percentiles of the 16 values are the minimum −1024 and maximum 0,
    // so w = 0 − (−1024) + 1 = 1025 and c = (−1024 + 0 + 1)/2 = −511.5 → shown rounded to 0 decimals.
    await user.click(screen.getByRole('button', { name: /Auto/ }));
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: -511.5, width: 1025 });
    await user.click(screen.getByRole('button', { name: /File window/ }));
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 40, width: 400 });
  });

  it('opens with the initial preset when given', () => {
    render(<Viewer image={makeCt()} showLoader={false} initialPreset="bone" />);
    expect(levelInput().value).toBe('400');
    expect(widthInput().value).toBe('1800');
  });

  it('arrow keys on the focused canvas change the window (4 HU per press, Shift × 10)', async () => {
    const user = userEvent.setup();
    const onWindowChange = vi.fn();
    render(<Viewer image={makeCt()} showLoader={false} onWindowChange={onWindowChange} />);
    canvas().focus();
    await user.keyboard('{ArrowRight}');
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 40, width: 404 });
    await user.keyboard('{ArrowUp}');
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 44, width: 404 });
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 4, width: 404 });
    expect(levelInput().value).toBe('4');
    expect(widthInput().value).toBe('404');
  });

  it('dragging on the canvas changes the window (1 HU per pixel here)', async () => {
    const onWindowChange = vi.fn();
    render(<Viewer image={makeCt()} showLoader={false} onWindowChange={onWindowChange} />);
    fireEvent.pointerDown(canvas(), { pointerId: 1, button: 0, clientX: 200, clientY: 200 });
    fireEvent.pointerMove(canvas(), { pointerId: 1, clientX: 230, clientY: 190 });
    fireEvent.pointerUp(canvas(), { pointerId: 1, clientX: 230, clientY: 190 });
    // 30 px right → width 430; 10 px up → level 30.
    await waitFor(() => expect(onWindowChange).toHaveBeenLastCalledWith({ center: 30, width: 430 }));
  });

  it('a controlled window follows the prop, not the clicks', async () => {
    const user = userEvent.setup();
    const onWindowChange = vi.fn();
    const { rerender } = render(
      <Viewer
        image={makeCt()}
        showLoader={false}
        window={{ center: 40, width: 80 }}
        onWindowChange={onWindowChange}
      />,
    );
    await user.click(screen.getByRole('button', { name: /Bone/ }));
    expect(onWindowChange).toHaveBeenLastCalledWith({ center: 400, width: 1800 });
    expect(levelInput().value).toBe('40');
    rerender(
      <Viewer
        image={makeCt()}
        showLoader={false}
        window={{ center: 400, width: 1800 }}
        onWindowChange={onWindowChange}
      />,
    );
    expect(levelInput().value).toBe('400');
  });

  it('invert and MONOCHROME1 are stated in words, not colour alone', async () => {
    const user = userEvent.setup();
    render(<Viewer image={makeCt({ photometricInterpretation: 'MONOCHROME1' })} showLoader={false} />);
    expect(screen.getByText(/low values are shown white/)).toBeTruthy();
    expect(screen.getByTestId('window-range').textContent).toContain('below is white');
    await user.click(screen.getByLabelText('Invert'));
    expect(screen.getByTestId('window-range').textContent).toContain('below is black');
  });
});

describe('Viewer: pixel probe', () => {
  /** The canvas is 400×400 CSS px, so the 4×4 image is drawn at 100 px per pixel. */
  const sizeCanvas = () =>
    vi.spyOn(canvas(), 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 400,
      height: 400,
      right: 400,
      bottom: 400,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });

  it('shows row, column, stored and modality value from the arrays under the pointer', async () => {
    render(<Viewer image={makeCt()} showLoader={false} />);
    sizeCanvas();
    // (250, 150) → column ⌊250/100⌋ = 2, row ⌊150/100⌋ = 1 → CT_HU[1·4 + 2] = −823 HU, stored −823 + 1024 = 201.
    fireEvent.pointerMove(canvas(), { pointerId: 1, clientX: 250, clientY: 150 });
    await waitFor(() => expect(screen.getByTestId('probe-value').textContent).toBe(`${MINUS}823 HU`));
    expect(screen.getByTestId('probe-position').textContent).toBe('Row 1, column 2');
    expect(screen.getByTestId('probe-stored').textContent).toBe('201');
  });

  it('I J K L move the probe from the centre, and the frame slider changes the values read', async () => {
    const user = userEvent.setup();
    render(<Viewer image={makeCt({ numberOfFrames: 2 })} showLoader={false} />);
    canvas().focus();
    await user.keyboard('k'); // first press: the centre pixel (row 2, column 2) = −100 HU
    expect(screen.getByTestId('probe-position').textContent).toBe('Row 2, column 2');
    expect(screen.getByTestId('probe-value').textContent).toBe(`${MINUS}100 HU`);
    await user.keyboard('i'); // up one row: (1, 2) = −823 HU
    expect(screen.getByTestId('probe-value').textContent).toBe(`${MINUS}823 HU`);
    fireEvent.change(screen.getByLabelText('Frame'), { target: { value: '1' } });
    // Frame 1 is frame 0 + 1 HU.
    expect(screen.getByTestId('probe-value').textContent).toBe(`${MINUS}822 HU`);
    expect(screen.getByText('Frame 2 of 2')).toBeTruthy();
  });
});

describe('Viewer: loading', () => {
  const upload = async (user: ReturnType<typeof userEvent.setup>, file: File) =>
    user.upload(screen.getByTestId('viewer-file-input') as HTMLInputElement, file);

  it('a decode error is shown in an alert and the previous image stays', async () => {
    const user = userEvent.setup();
    const decode = vi.fn(async () => {
      throw new ImageDecodeError('not-dicom', {
        en: 'This file is not a DICOM file.',
        zh: '此文件不是 DICOM 文件。',
      });
    });
    render(<Viewer image={makeCt()} decode={decode} />);
    await upload(user, new File([new Uint8Array([1, 2, 3])], 'bad.dcm'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file is not a DICOM file.');
    expect(alert.textContent).toContain('The previous image is still shown.');
    expect(decode).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), 'bad.dcm');
    expect(canvas().getAttribute('aria-label')).toBe('CT image, 4 × 4 pixels, window level 40, width 400 HU');
    expect(within(screen.getByTestId('viewer-metadata')).getByText('4 × 4 pixels')).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('any other error gives a generic message', async () => {
    const user = userEvent.setup();
    render(<Viewer image={makeCt()} decode={async () => Promise.reject(new TypeError('boom'))} />);
    await upload(user, new File(['x'], 'odd.dcm'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something unexpected went wrong while opening this file.');
    expect(alert.textContent).not.toContain('boom');
  });

  it('refuses a file over 512 MB before reading it', async () => {
    const user = userEvent.setup();
    const decode = vi.fn();
    render(<Viewer image={makeCt()} decode={decode} />);
    const file = new File(['x'], 'huge.dcm');
    Object.defineProperty(file, 'size', { value: 600 * 2 ** 20 });
    const read = vi.spyOn(file, 'arrayBuffer');
    await upload(user, file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file is 600.0 MB; the viewer opens files of up to 512 MB.');
    expect(read).not.toHaveBeenCalled();
    expect(decode).not.toHaveBeenCalled();
  });

  it('a good file replaces the image and is reported with its default window', async () => {
    const user = userEvent.setup();
    const onImageLoaded = vi.fn();
    render(<Viewer image={makeCt()} decode={async () => PLAIN} onImageLoaded={onImageLoaded} />);
    await upload(user, new File(['x'], 'plain.png'));
    await waitFor(() => expect(screen.getByTestId('viewer-status').textContent).toBe('Showing: plain.png'));
    // No unit → auto window: 1st pct of [10…60] = 10, 99th = 60 → w = 51, c = 35.5.
    expect(onImageLoaded).toHaveBeenCalledWith(PLAIN, {
      name: 'plain.png',
      defaultWindow: { center: 35.5, width: 51 },
    });
    expect(within(screen.getByTestId('viewer-metadata')).getByText('3 × 2 pixels')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Lung/ })).toBeNull();
    expect(screen.getByText('The CT presets apply to values in Hounsfield units (HU).')).toBeTruthy();
    expect((screen.getByRole('button', { name: /File window/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the sample gallery reads the manifest and opens a sample', async () => {
    const user = userEvent.setup();
    const base = `${import.meta.env.BASE_URL}samples/`;
    const manifest = {
      version: 1,
      samples: [
        {
          id: 'ct-head',
          title: { en: 'Head CT phantom', zh: '头部 CT 体模' },
          description: { en: 'A haemorrhage.', zh: '出血。' },
          modality: 'CT',
          dicom: 'ct-head.dcm',
          png: 'ct-head.png',
          rows: 4,
          columns: 4,
          hasLesion: true,
          generator: { name: 'x', seed: 1, options: {} },
          window: { center: 40, width: 80 },
        },
      ],
    };
    const fetchMock = vi.fn(async (url: string) =>
      url === `${base}manifest.json`
        ? { ok: true, status: 200, json: async () => manifest }
        : { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([7, 8]).buffer },
    );
    vi.stubGlobal('fetch', fetchMock);
    const decode = vi.fn(async () => makeCt({ modality: 'CT', windowCenter: 40, windowWidth: 80 }));
    render(<Viewer decode={decode} />);
    const button = await screen.findByRole('button', { name: /Head CT phantom/ });
    await user.click(button);
    await waitFor(() => expect(decode).toHaveBeenCalledWith(new Uint8Array([7, 8]), 'ct-head.dcm'));
    expect(fetchMock).toHaveBeenCalledWith(`${base}ct-head.dcm`);
    await waitFor(() => expect(widthInput().value).toBe('80'));
  });

  it('opens a file dropped onto the viewer', async () => {
    const decode = vi.fn(async () => PLAIN);
    render(<Viewer image={makeCt()} decode={decode} />);
    const file = new File([new Uint8Array([9])], 'dropped.png');
    const dataTransfer = { files: [file], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragOver(screen.getByTestId('viewer'), { dataTransfer });
    expect(screen.getByText('Drop the file to open it')).toBeTruthy();
    fireEvent.drop(screen.getByTestId('viewer'), { dataTransfer });
    await waitFor(() => expect(decode).toHaveBeenCalledWith(new Uint8Array([9]), 'dropped.png'));
    expect(screen.queryByText('Drop the file to open it')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('viewer-status').textContent).toBe('Showing: dropped.png'));
  });

  it('says so when the gallery is unavailable', async () => {
    render(<Viewer />);
    expect(await screen.findByText('The sample images are not available here.')).toBeTruthy();
    expect(canvas().getAttribute('aria-label')).toBe('No image loaded yet');
  });
});

describe('Viewer: metadata and privacy', () => {
  it('hides identifying attribute names until asked', async () => {
    const user = userEvent.setup();
    render(<Viewer image={makeCt()} showLoader={false} />);
    expect(screen.getByTestId('viewer-privacy').textContent).toContain('never leaves it');
    expect(screen.queryByText('PatientName')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show identifying attribute names' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByText('PatientName')).toBeTruthy();
    expect(screen.getByText('PatientBirthDate')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hide identifying attribute names' }));
    expect(screen.queryByText('PatientName')).toBeNull();
  });

  it('lists modality, spacing, thickness, transfer syntax name and bits', () => {
    render(<Viewer image={makeCt()} showLoader={false} />);
    const meta = screen.getByTestId('viewer-metadata');
    expect(meta.textContent).toContain('Explicit VR Little Endian');
    expect(meta.textContent).toContain('0.5 × 0.5 mm');
    expect(meta.textContent).toContain('5 mm');
    expect(meta.textContent).toContain('16 / 12');
    expect(meta.textContent).toContain('MONOCHROME2');
  });
});

describe('Viewer: languages', () => {
  it('renders in Chinese with no stray English', async () => {
    useLanguageStore.getState().setLang('zh');
    render(<Viewer image={makeCt({ modality: 'DX' })} />);
    expect(screen.getByText('像素探针')).toBeTruthy();
    expect(screen.getByRole('button', { name: /肺/ })).toBeTruthy();
    await screen.findByText('此处无法使用示例图像。');
    expect(strayLatinInPage(screen.getByTestId('viewer'))).toEqual([]);
  });

  it('renders in English', () => {
    render(<Viewer image={makeCt()} />);
    expect(screen.getByText('Pixel probe')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open a file…' })).toBeTruthy();
  });
});
