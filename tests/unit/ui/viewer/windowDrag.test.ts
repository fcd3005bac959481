import { describe, expect, it } from 'vitest';
import {
  decimalsForStep,
  dragSensitivity,
  dragToWindow,
  roundWindow,
  valueRange,
} from '../../../../src/ui/viewer/windowDrag';

describe('dragToWindow', () => {
  it('right widens, left narrows; down raises the level, up lowers it', () => {
    const start = { center: 40, width: 400 };
    // 10 px right at 4 HU/px → width 440; 5 px down → centre 60.
    expect(dragToWindow(start, 10, 5, 4)).toEqual({ center: 60, width: 440 });
    // 25 px left, 10 px up at 2 HU/px → width 350, centre 20.
    expect(dragToWindow(start, -25, -10, 2)).toEqual({ center: 20, width: 350 });
  });

  it('keeps the width at least 1 (PS3.3 C.11.2.1.2.1)', () => {
    expect(dragToWindow({ center: 0, width: 80 }, -1000, 0, 1)).toEqual({ center: 0, width: 1 });
  });

  it('is the identity for no movement', () => {
    expect(dragToWindow({ center: -600, width: 1500 }, 0, 0, 3.7)).toEqual({ center: -600, width: 1500 });
  });
});

describe('drag helpers', () => {
  it('sensitivity is the dynamic range over 1024 (cornerstoneTools wwwc)', () => {
    expect(dragSensitivity(-1024, 3072)).toBe(4);
    expect(dragSensitivity(0, 255)).toBe(255 / 1024);
    expect(dragSensitivity(5, 5)).toBe(1 / 1024);
  });

  it('decimals: 0 for steps ≥ 1, enough to show one step otherwise', () => {
    expect(decimalsForStep(4)).toBe(0);
    expect(decimalsForStep(1)).toBe(0);
    expect(decimalsForStep(0.25)).toBe(1);
    expect(decimalsForStep(0.001)).toBe(3);
    expect(decimalsForStep(1e-9)).toBe(4);
  });

  it('roundWindow rounds both numbers and keeps width ≥ 1', () => {
    expect(roundWindow({ center: 40.26, width: 80.74 }, 0)).toEqual({ center: 40, width: 81 });
    expect(roundWindow({ center: 40.26, width: 80.74 }, 1)).toEqual({ center: 40.3, width: 80.7 });
    expect(roundWindow({ center: 0, width: 0.2 }, 0)).toEqual({ center: 0, width: 1 });
  });

  it('valueRange', () => {
    expect(valueRange(new Float32Array([3, -7, 12, 0]))).toEqual([-7, 12]);
    expect(valueRange(new Float32Array(0))).toEqual([0, 0]);
  });

  it('valueRange skips NaN and ±Infinity', () => {
    expect(valueRange(new Float32Array([Number.NEGATIVE_INFINITY, 3, Number.NaN, -7, Infinity]))).toEqual([
      -7, 3,
    ]);
    expect(valueRange(new Float32Array([Number.NaN, Infinity]))).toEqual([0, 0]);
  });
});
