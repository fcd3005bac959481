import { describe, expect, it } from 'vitest';
import { blueOrange, viridis } from '../../../../src/core/viz/colorMaps';
import { colourTable, scaleColour, valueRange, valuesToRgba } from '../../../../src/core/viz/valuesToRgba';

const hex = (r: number, g: number, b: number): string =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const toRgbString = (c: string): string => {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(c);
  return m ? hex(Number(m[1]), Number(m[2]), Number(m[3])) : c.toLowerCase();
};

describe('valuesToRgba', () => {
  it('maps 0 on the diverging scale to the map’s zero grey, ±range to its ends', () => {
    const rgba = valuesToRgba(new Float32Array([-2, 0, 2, 5, -9]), 'diverging', -2, 2);
    const px = (i: number) => hex(rgba[4 * i]!, rgba[4 * i + 1]!, rgba[4 * i + 2]!);
    // 0 sits at t = 0.5, entry round(127.5 + 0.5) = 128, i.e. blueOrange(2·128/255 − 1) (≈ +0.004).
    expect(px(1)).toBe(toRgbString(blueOrange((2 * 128) / 255 - 1)));
    expect(px(0)).toBe(toRgbString(blueOrange(-1)));
    expect(px(2)).toBe(toRgbString(blueOrange(1)));
    expect(px(3)).toBe(px(2)); // clamped
    expect(px(4)).toBe(px(0));
    for (let i = 0; i < 5; i++) expect(rgba[4 * i + 3]).toBe(255);
  });

  it('grey maps lo…hi to 0…255 and viridis follows d3', () => {
    const g = valuesToRgba(new Float32Array([0, 0.5, 1]), 'gray', 0, 1);
    expect([g[0], g[4], g[8]]).toEqual([0, 128, 255]);
    const v = valuesToRgba(new Float32Array([10]), 'viridis', 0, 10);
    expect(hex(v[0]!, v[1]!, v[2]!)).toBe(toRgbString(viridis(1)));
    expect(colourTable('gray')[7]).toBe(colourTable('gray')[7]);
    // The legends' colours are the table's entries.
    expect(scaleColour('gray', 7)).toBe('rgb(7, 7, 7)');
    expect(scaleColour('diverging', 128)).toBe(blueOrange((2 * 128) / 255 - 1));
    expect(scaleColour('viridis', 255)).toBe(viridis(1));
  });

  it('finds symmetric and plain ranges, with safe fallbacks', () => {
    expect(valueRange([-1, 3], 'diverging')).toEqual([-3, 3]);
    expect(valueRange([-1, 3], 'viridis')).toEqual([-1, 3]);
    expect(valueRange([0, 0], 'diverging')).toEqual([-1, 1]);
    expect(valueRange([2, 2], 'gray')).toEqual([2, 3]);
    expect(valueRange([], 'gray')).toEqual([0, 1]);
  });

  it('rounds to the nearest entry (halves to even) and draws NaN as lo', () => {
    // 255 · v over [0, 255]: 10.4 → 10, 10.6 → 11, 10.5 → 10, 11.5 → 12; NaN → 0.
    const g = valuesToRgba(new Float32Array([10.4, 10.6, 10.5, 11.5, NaN]), 'gray', 0, 255);
    expect([g[0], g[4], g[8], g[12], g[16]]).toEqual([10, 11, 10, 12, 0]);
    // A larger map after a smaller one (the shared index buffer grows).
    const big = valuesToRgba(new Float32Array(1000).fill(1), 'gray', 0, 1);
    expect(big[4 * 999]).toBe(255);
  });

  it('reuses the output buffer and refuses a short one', () => {
    const out = new Uint8ClampedArray(8);
    expect(valuesToRgba([0, 1], 'gray', 0, 1, out)).toBe(out);
    expect(() => valuesToRgba([0, 1, 2], 'gray', 0, 1, out)).toThrow(RangeError);
  });
});
