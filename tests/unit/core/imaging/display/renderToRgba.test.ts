import { describe, expect, it } from 'vitest';
import { isDisplayInverted, renderToRgba } from '../../../../../src/core/imaging/display/renderToRgba';

const grey = (values: number[], photometricInterpretation = 'MONOCHROME2') => ({
  values: new Float32Array(values),
  rows: 1,
  columns: values.length,
  samplesPerPixel: 1,
  photometricInterpretation,
});

/** RGBA bytes of grey levels, alpha 255. */
const rgbaOfGrey = (levels: number[]): number[] => levels.flatMap((v) => [v, v, v, 255]);

// c=40, w=80: y = 255·x/79 on [0, 79] (hand-worked in applyWindow.test.ts): 0 → 0, 20 → 65, 60 → 194, 100 → 255.
const BRAIN = { center: 40, width: 80 };

describe('renderToRgba', () => {
  it('MONOCHROME2: windowed grey, alpha 255', () => {
    expect([...renderToRgba(grey([0, 20, 60, 100]), BRAIN)]).toEqual(rgbaOfGrey([0, 65, 194, 255]));
  });

  it('MONOCHROME1 is inverted for display (PS3.3 C.7.6.3.1.2)', () => {
    expect([...renderToRgba(grey([0, 20, 60, 100], 'MONOCHROME1'), BRAIN)]).toEqual(
      rgbaOfGrey([255, 190, 61, 0]),
    );
  });

  it("the user's invert flips MONOCHROME2 and un-flips MONOCHROME1", () => {
    expect([...renderToRgba(grey([0, 20, 60, 100]), BRAIN, { invert: true })]).toEqual(
      rgbaOfGrey([255, 190, 61, 0]),
    );
    expect([...renderToRgba(grey([0, 20, 60, 100], 'MONOCHROME1'), BRAIN, { invert: true })]).toEqual(
      rgbaOfGrey([0, 65, 194, 255]),
    );
    expect(isDisplayInverted('MONOCHROME1', 1)).toBe(true);
    expect(isDisplayInverted('MONOCHROME1', 3)).toBe(false);
    expect(isDisplayInverted('MONOCHROME2', 1, true)).toBe(true);
  });

  it('RGB: each channel through the same window; MONOCHROME1 does not apply', () => {
    const image = {
      values: new Float32Array([0, 20, 60, 100, -5, 79]),
      rows: 1,
      columns: 2,
      samplesPerPixel: 3,
      photometricInterpretation: 'RGB',
    };
    expect([...renderToRgba(image, BRAIN)]).toEqual([0, 65, 194, 255, 255, 0, 255, 255]);
    expect([...renderToRgba(image, BRAIN, { invert: true })]).toEqual([255, 190, 61, 255, 0, 255, 0, 255]);
  });

  it('RGB without a window is shown as is (rounded, clamped to 0…255)', () => {
    const image = {
      values: new Float32Array([12.4, 200, 254.6, -3, 300, 0.5]),
      rows: 1,
      columns: 2,
      samplesPerPixel: 3,
      photometricInterpretation: 'RGB',
    };
    expect([...renderToRgba(image, null)]).toEqual([12, 200, 255, 255, 0, 255, 1, 255]);
  });

  it('a 2×2 grey image keeps row-major order', () => {
    const image = { ...grey([0, 79, 20, 60]), rows: 2, columns: 2 };
    expect([...renderToRgba(image, BRAIN)]).toEqual(rgbaOfGrey([0, 255, 65, 194]));
  });

  it('reuses `out`, also when it is not 4-byte aligned', () => {
    const out = new Uint8ClampedArray(16);
    expect(renderToRgba(grey([0, 20, 60, 100]), BRAIN, {}, out)).toBe(out);
    expect([...out]).toEqual(rgbaOfGrey([0, 65, 194, 255]));
    const misaligned = new Uint8ClampedArray(17).subarray(1);
    renderToRgba(grey([0, 20, 60, 100], 'MONOCHROME1'), BRAIN, {}, misaligned);
    expect([...misaligned]).toEqual(rgbaOfGrey([255, 190, 61, 0]));
    const rgbOut = new Uint8ClampedArray(9).subarray(1);
    const rgb = {
      ...grey([0, 20, 60, 100, -5, 79]),
      columns: 2,
      samplesPerPixel: 3,
      photometricInterpretation: 'RGB',
    };
    renderToRgba(rgb, BRAIN, {}, rgbOut);
    expect([...rgbOut]).toEqual([0, 65, 194, 255, 255, 0, 255, 255]);
  });

  it('refuses bad layouts', () => {
    expect(() => renderToRgba({ ...grey([1, 2]), samplesPerPixel: 2 }, BRAIN)).toThrow(RangeError);
    expect(() => renderToRgba({ ...grey([1, 2]), columns: 3 }, BRAIN)).toThrow(RangeError);
    expect(() => renderToRgba(grey([1, 2]), BRAIN, {}, new Uint8ClampedArray(4))).toThrow(RangeError);
  });
});
