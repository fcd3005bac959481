import { describe, expect, it } from 'vitest';
import {
  defaultWindowChoice,
  fileWindow,
  initialWindow,
  resolveWindowChoice,
} from '../../../../../src/core/imaging/display/defaultWindow';
import {
  frameCount,
  samplePixel,
  toDisplayFrame,
  type PlainImage,
} from '../../../../../src/core/imaging/display/displayFrame';
import type { DicomImage, RasterImage } from '../../../../../src/core/imaging/types';
import { fakeCt } from '../../../helpers/fakeCt';

/** Stored values of a hand-built 2×3 CT with two frames (slope 1, intercept −1024: HU = s − 1024). */
const STORED = [
  [0, 24, 1024, 1064, 1424, 3024],
  [1, 2, 3, 4, 5, 6],
];
const ct = (overrides: Partial<DicomImage> = {}): DicomImage =>
  fakeCt(
    2,
    3,
    STORED.map((f) => f.map((s) => s - 1024)),
    overrides,
  );

const raster = (samplesPerPixel: 1 | 3): RasterImage => ({
  kind: 'raster',
  format: 'png',
  rows: 1,
  columns: 2,
  samplesPerPixel,
  bitDepth: 8,
  pixels: new Float32Array(2 * samplesPerPixel).fill(9),
});

describe('display frames', () => {
  it('DICOM: modality values from frame(i), stored values from storedFrame(i)', () => {
    const frame = toDisplayFrame(ct(), 0);
    expect([...frame.values]).toEqual([-1024, -1000, 0, 40, 400, 2000]);
    // Row 1, column 0 is index 3: stored 1064, HU 40.
    expect(samplePixel(frame, 1, 0)).toEqual({ row: 1, column: 0, values: [40], stored: [1064] });
    expect(samplePixel(frame, 2, 0)).toBeNull();
    expect(samplePixel(frame, 0, -1)).toBeNull();
    expect(frameCount(ct())).toBe(2);
    expect([...toDisplayFrame(ct(), 1).values]).toEqual([-1023, -1022, -1021, -1020, -1019, -1018]);
  });

  it('keeps MONOCHROME1 and reports colour DICOM frames as RGB', () => {
    expect(
      toDisplayFrame(ct({ photometricInterpretation: 'MONOCHROME1' }), 0).photometricInterpretation,
    ).toBe('MONOCHROME1');
    const colour = ct({
      samplesPerPixel: 3,
      photometricInterpretation: 'YBR_FULL_422',
      frame: () => new Float32Array(18),
    });
    expect(toDisplayFrame(colour, 0).photometricInterpretation).toBe('RGB');
  });

  it('rasters and plain images have one frame and no separate stored values', () => {
    const f = toDisplayFrame(raster(3), 0);
    expect(f.photometricInterpretation).toBe('RGB');
    expect(samplePixel(f, 0, 1)).toEqual({ row: 0, column: 1, values: [9, 9, 9], stored: null });
    expect(() => toDisplayFrame(raster(1), 1)).toThrow(RangeError);
    const plain: PlainImage = {
      kind: 'plain',
      values: new Float32Array([5, 6]),
      rows: 1,
      columns: 2,
      unit: '',
    };
    expect(toDisplayFrame(plain, 0).photometricInterpretation).toBe('MONOCHROME2');
  });
});

describe('window sources', () => {
  it("file window: the DICOM's first Window Center/Width, null when absent or width < 1", () => {
    expect(fileWindow(ct())).toEqual({ center: 40, width: 400 });
    expect(fileWindow(ct({ windowCenter: undefined }))).toBeNull();
    expect(fileWindow(ct({ windowWidth: 0 }))).toBeNull();
    expect(fileWindow(raster(1))).toBeNull();
  });

  it('default: file window for CT, auto without a unit or without a file window, full range for colour', () => {
    expect(defaultWindowChoice(ct())).toBe('file');
    expect(defaultWindowChoice(ct({ windowCenter: undefined, windowWidth: undefined }))).toBe('auto');
    expect(defaultWindowChoice(ct({ unit: '', modality: 'MR' }))).toBe('auto');
    expect(defaultWindowChoice(raster(1))).toBe('auto');
    expect(defaultWindowChoice(raster(3))).toBe('full');
  });

  it('resolves presets only for HU images; full range is 2^(bits−1) / 2^bits', () => {
    const values = new Float32Array([0, 1, 2]);
    expect(resolveWindowChoice('lung', ct(), values)).toEqual({ center: -600, width: 1500 });
    expect(resolveWindowChoice('lung', raster(1), values)).toBeNull();
    expect(resolveWindowChoice('full', raster(3), values)).toEqual({ center: 128, width: 256 });
    expect(resolveWindowChoice('full', ct(), values)).toEqual({ center: 2048, width: 4096 });
  });

  it('initial window: a preferred choice when it resolves, else the default', () => {
    const image = ct();
    const values = toDisplayFrame(image, 0).values;
    expect(initialWindow(image, values, 'bone')).toEqual({ center: 400, width: 1800 });
    expect(initialWindow(image, values)).toEqual({ center: 40, width: 400 });
    // A preset on a unitless image falls back to auto: 6 values, 1st pct = min 5, 99th = max 9.
    const plain: PlainImage = {
      kind: 'plain',
      values: new Float32Array([5, 6, 7, 8, 9, 9]),
      rows: 2,
      columns: 3,
      unit: '',
    };
    expect(initialWindow(plain, plain.values, 'lung')).toEqual({ center: 7.5, width: 5 });
  });
});
