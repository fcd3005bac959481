import { describe, expect, it } from 'vitest';
import {
  blueOrange,
  cividis,
  DIVERGING_STOPS,
  luminance,
  OKABE_ITO,
  textColorOn,
  viridis,
} from '../../../../src/core/viz/colorMaps';

const hexToRgb = (h: string): string =>
  `rgb(${parseInt(h.slice(1, 3), 16)}, ${parseInt(h.slice(3, 5), 16)}, ${parseInt(h.slice(5, 7), 16)})`;

describe('colour maps', () => {
  it('viridis and cividis run dark to light and clamp', () => {
    // Published end points: viridis #440154 → #fde725, cividis #00204d → #ffea46.
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(-3)).toBe(viridis(0));
    expect(viridis(Number.NaN)).toBe(viridis(0));
    // d3's cividis is a polynomial fit: within a few levels of the published table.
    const rgb = (c: string): number[] => (c.match(/\d+/g) ?? []).map(Number);
    const near = (a: number[], b: number[]): boolean => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 6);
    expect(near(rgb(cividis(0)), [0x00, 0x20, 0x4d])).toBe(true);
    expect(near(rgb(cividis(1)), [0xff, 0xea, 0x46])).toBe(true);
    expect(luminance(viridis(0.8))).toBeGreaterThan(luminance(viridis(0.2)));
  });

  it('blueOrange: blue at −1, light grey at 0, orange at +1, clamped', () => {
    expect(blueOrange(-1)).toBe(hexToRgb(DIVERGING_STOPS.negative));
    expect(blueOrange(0)).toBe(hexToRgb(DIVERGING_STOPS.zero));
    expect(blueOrange(1)).toBe(hexToRgb(DIVERGING_STOPS.positive));
    expect(blueOrange(5)).toBe(blueOrange(1));
    expect(blueOrange(-0.5)).not.toBe(blueOrange(0.5));
  });

  it('Okabe–Ito has eight distinct colours', () => {
    expect(new Set(OKABE_ITO).size).toBe(8);
  });

  it('luminance follows WCAG 2.1 (white 1, black 0, #777 ≈ 0.184); text colour picks the higher contrast', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 12);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('rgb(119, 119, 119)')).toBeCloseTo(0.1845, 3);
    expect(textColorOn('#ffffff')).toBe('#000000');
    expect(textColorOn('#000000')).toBe('#ffffff');
    expect(textColorOn(viridis(0))).toBe('#ffffff');
    expect(textColorOn(viridis(1))).toBe('#000000');
  });
});
