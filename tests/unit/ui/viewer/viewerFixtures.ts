/**
 * Hand-built images for the viewer tests (every value is typed in here, none computed by the code
 * under test) and the set-up that every test file rendering the viewer shares.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { PlainImage } from '../../../../src/core/imaging/display/displayFrame';
import type { DicomImage } from '../../../../src/core/imaging/types';
import { useLanguageStore } from '../../../../src/i18n/languageStore';
import { fakeCt } from '../../helpers/fakeCt';

/**
 * 4×4 CT slice in HU, row-major. Range −1024…0 (exactly 1024 wide, so the drag sensitivity is
 * 1 HU per pixel and one arrow key press is 4 HU). Pixel (row 1, column 2) is −823 HU.
 */
export const CT_HU = [
  -1024, -1000, -900, -800, -700, -600, -823, -400, -300, -200, -100, -50, -25, -10, -5, 0,
];

/**
 * A fake decoded CT of {@link CT_HU}: stored = HU + 1024 (slope 1, intercept −1024), file window
 * 40/400, 0.5 mm pixels, 5 mm slices; one frame declared, though frame 1 (frame 0 + 1 HU) exists.
 */
export function makeCt(overrides: Partial<DicomImage> = {}): DicomImage {
  return fakeCt(4, 4, [CT_HU, CT_HU.map((v) => v + 1)], {
    numberOfFrames: 1,
    pixelSpacing: [0.5, 0.5],
    sliceThickness: 5,
    phi: ['PatientName', 'PatientBirthDate'],
    ...overrides,
  });
}

/** A 2-row × 3-column plain image without a unit. */
export const PLAIN: PlainImage = {
  kind: 'plain',
  values: new Float32Array([10, 20, 30, 40, 50, 60]),
  rows: 2,
  columns: 3,
  unit: '',
};

/**
 * Registers the hooks of a viewer test file: English UI, no 2-D canvas context (jsdom has none), and
 * a `fetch` that answers 404 (no sample images); after each test, unmounts and restores the mocks.
 */
export function setUpViewerTests(): void {
  beforeEach(() => {
    useLanguageStore.getState().setLang('en');
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => ({ ok: false, status: 404 })),
    );
  });

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}
