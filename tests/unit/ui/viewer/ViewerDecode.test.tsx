// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Viewer } from '../../../../src/ui/viewer/Viewer';
import { tinyCtDicom } from './dicomBytes';
import { setUpViewerTests } from './viewerFixtures';

setUpViewerTests();

describe('Viewer with the real decodeImageFile', () => {
  it('opens a hand-written DICOM file and probes HU = stored − 1024', async () => {
    const user = userEvent.setup();
    const onImageLoaded = vi.fn();
    render(<Viewer onImageLoaded={onImageLoaded} />);
    // Stored 201 at (row 1, column 0) → 201 − 1024 = −823 HU.
    const bytes = tinyCtDicom([1024, 1064, 201, 3024]);
    await user.upload(
      screen.getByTestId('viewer-file-input') as HTMLInputElement,
      new File([bytes], 'tiny.dcm'),
    );
    await waitFor(() => expect(onImageLoaded).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onImageLoaded.mock.calls[0]?.[1]).toEqual({
      name: 'tiny.dcm',
      defaultWindow: { center: 40, width: 400 },
    });
    const canvas = screen.getByTestId('viewer-canvas');
    expect(canvas.getAttribute('aria-label')).toBe('CT image, 2 × 2 pixels, window level 40, width 400 HU');
    vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 200,
      height: 200,
      right: 200,
      bottom: 200,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    // 100 px per pixel: (50, 150) is column 0, row 1.
    fireEvent.pointerMove(canvas, { pointerId: 1, clientX: 50, clientY: 150 });
    await waitFor(() => expect(screen.getByTestId('probe-value').textContent).toBe('\u2212823 HU'));
    expect(screen.getByTestId('probe-stored').textContent).toBe('201');
    const meta = screen.getByTestId('viewer-metadata');
    expect(meta.textContent).toContain('Explicit VR Little Endian');
    expect(within(meta).queryByText('PatientName')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show identifying attribute names' }));
    expect(within(meta).getByText('PatientName')).toBeTruthy();
    expect(meta.textContent).not.toContain('Doe');
  });

  it('a file that is not an image shows the decoder message in an alert', async () => {
    const user = userEvent.setup();
    render(<Viewer />);
    await user.upload(
      screen.getByTestId('viewer-file-input') as HTMLInputElement,
      new File([new Uint8Array([1, 2, 3, 4, 5])], 'notes.dcm'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('notes.dcm');
    expect(alert.textContent).not.toContain('The previous image is still shown.');
  });
});
