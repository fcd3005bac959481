/**
 * preprocessSlice: window, crop, resize, checked against numbers worked out by hand in the comments.
 * Window in these tests: center 50, width 100 → v ↦ clamp(v / 100, 0, 1) unless stated.
 */
import { describe, expect, it } from 'vitest';
import { preprocessSlice, resampleTaps, windowToUnit } from '../../../../src/core/models/preprocessSlice';
import type { ZooPreprocessing } from '../../../../src/core/models/zooTypes';

const prep = (size: number, spacingMm: number, center = 50, width = 100): ZooPreprocessing => ({
  center,
  width,
  size,
  spacingMm,
});

function expectClose(actual: Float32Array, expected: readonly number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

describe('windowToUnit (linear VOI LUT)', () => {
  it('maps the brain window W 80 / L 40: 0 HU and below → 0, 80 HU and above → 1, linear between', () => {
    // low end 40 − 40 = 0, high end 40 + 40 = 80; 40 → (40 − 0)/80 = 0.5; 60 → 0.75.
    expect([-10, 0, 20, 40, 60, 80, 1000].map((v) => windowToUnit(v, 40, 80))).toEqual([
      0, 0, 0.25, 0.5, 0.75, 1, 1,
    ]);
  });
});

describe('preprocessSlice', () => {
  it('windows a slice already at the model size and spacing without resampling it', () => {
    // 2 × 2 slice at 1 mm, model 2 px at 1 mm → field 2 px = whole image, scale 1.
    // Brain window W 80 / L 40: [0, 40, 60, 100] HU → [0, 0.5, 0.75, 1].
    const r = preprocessSlice(
      { values: Float32Array.of(0, 40, 60, 100), rows: 2, columns: 2, spacingMm: 1 },
      prep(2, 1, 40, 80),
    );
    expect(r.crop).toEqual({ row0: 0, column0: 0, rows: 2, columns: 2 });
    expect(r.scale).toBe(1);
    expectClose(r.input, [0, 0.5, 0.75, 1]);
    expectClose(r.windowed, [0, 0.5, 0.75, 1]);
  });

  it('places the crop around the chosen pixel and pads past the edge with the window’s low end', () => {
    // 6 × 6 slice at 1 mm, value 10·row + column HU; model 4 px at 1 mm → a 4-px field.
    // Centre pixel (0, 5): continuous centre (0.5, 5.5); row0 = round(0.5 − 2) = round(−1.5) = −1,
    // column0 = round(5.5 − 2) = round(3.5) = 4. Crop rows −1…2, columns 4…7:
    //   row −1: outside                         → 0    0    0 0
    //   row 0: columns 4, 5 = 4, 5 HU   → 0.04 0.05 (columns 6, 7 outside → 0)
    //   row 1: 14, 15 HU → 0.14 0.15;  row 2: 24, 25 HU → 0.24 0.25.
    const values = Float32Array.from({ length: 36 }, (_, i) => 10 * Math.floor(i / 6) + (i % 6));
    const source = { values, rows: 6, columns: 6, spacingMm: 1 };
    const r = preprocessSlice(source, prep(4, 1), { row: 0, column: 5 });
    expect(r.crop).toEqual({ row0: -1, column0: 4, rows: 4, columns: 4 });
    const expected = [0, 0, 0, 0, 0.04, 0.05, 0, 0, 0.14, 0.15, 0, 0, 0.24, 0.25, 0, 0];
    expectClose(r.windowed, expected);
    expectClose(r.input, expected); // field 4 px = model size 4: no resampling
    // Default centre: the image centre (3, 3) in continuous coordinates → row0 = column0 = 3 − 2 = 1.
    expect(preprocessSlice(source, prep(4, 1)).crop).toEqual({ row0: 1, column0: 1, rows: 4, columns: 4 });
    // A window with a negative low end still pads with 0 (its low end in 0…1 units):
    // W 100 / L 0 → low −50; row 0, column 4 = 4 HU → (4 + 50)/100 = 0.54.
    const shifted = preprocessSlice(source, prep(4, 1, 0, 100), { row: 0, column: 5 });
    expect(shifted.windowed[0]).toBe(0);
    expect(shifted.windowed[4]).toBeCloseTo(0.54, 6);
    expect(shifted.windowed[6]).toBe(0);
  });

  it('shrinks by area averaging: 4 × 4 → 2 × 2 is the mean of each 2 × 2 block', () => {
    // 4 × 4 at 1 mm, model 2 px at 2 mm → field round(2·2/1) = 4 px ≥ the image → whole image, scale ½.
    // HU (window → /100):  10 20 | 30 40        blocks: (10+20+50+60)/4 = 35 → 0.35
    //                      50 60 | 70 80                (30+40+70+80)/4 = 55 → 0.55
    //                      -- -- + -- --                (0+0+100+100)/4 = 50 → 0.50
    //                       0  0 | 90 90                (90+90+20+20)/4 = 55 → 0.55
    //                     100 100| 20 20
    const values = Float32Array.of(10, 20, 30, 40, 50, 60, 70, 80, 0, 0, 90, 90, 100, 100, 20, 20);
    const r = preprocessSlice({ values, rows: 4, columns: 4, spacingMm: 1 }, prep(2, 2));
    expect(r.crop).toEqual({ row0: 0, column0: 0, rows: 4, columns: 4 });
    expect(r.scale).toBe(0.5);
    expectClose(r.input, [0.35, 0.55, 0.5, 0.55]);
  });

  it('shrinks 3 → 2 with fractional overlaps (weights ⅔, ⅓ per axis)', () => {
    // 3 × 3 at 1 mm, model 2 px at 1.5 mm → field 3 px = whole image. Output pixel 0 covers source
    // [0, 1.5): pixel 0 weight 1/1.5 = ⅔, pixel 1 weight 0.5/1.5 = ⅓; output pixel 1: pixel 1 ⅓, pixel 2 ⅔.
    // Windowed [[1,0,0],[0,1,0],[0,0,0]] (100 HU = 1):
    //   out(0,0) = ⅔·⅔·1 + ⅓·⅓·1 = 5/9;  out(0,1) = ⅓·⅓ (the centre) = 1/9; out(1,0) = 1/9; out(1,1) = 1/9.
    const values = Float32Array.of(100, 0, 0, 0, 100, 0, 0, 0, 0);
    const r = preprocessSlice({ values, rows: 3, columns: 3, spacingMm: 1 }, prep(2, 1.5));
    expectClose(r.input, [5 / 9, 1 / 9, 1 / 9, 1 / 9]);
  });

  it('enlarges bilinearly with half-pixel centres, clamped at the edges', () => {
    // 2 × 2 at 2 mm, model 4 px at 1 mm → field round(4·1/2) = 2 px = whole image, scale 2.
    // Output i samples x = (i + ½)·2/4 − ½ = −0.25, 0.25, 0.75, 1.25 → clamped 0, 0.25, 0.75, 1:
    // 1-D weights: [1, 0], [¾, ¼], [¼, ¾], [0, 1].
    // Windowed a = 0, b = 0.4 (top row), c = 0.8, d = 1 (bottom row):
    //   out(1,1) = ¾·¾·a + ¾·¼·b + ¼·¾·c + ¼·¼·d = 0.1875·0.4 + 0.1875·0.8 + 0.0625 = 0.2875
    //   out(0,1) = ¾·a + ¼·b = 0.1;  out(2,3) = ¼·b + ¾·d = 0.85;  corners = a, b, c, d.
    const values = Float32Array.of(0, 40, 80, 100);
    const r = preprocessSlice({ values, rows: 2, columns: 2, spacingMm: 2 }, prep(4, 1));
    expect(r.scale).toBe(2);
    expect(r.input[0]).toBeCloseTo(0, 6);
    expect(r.input[1]).toBeCloseTo(0.1, 6);
    expect(r.input[3]).toBeCloseTo(0.4, 6);
    expect(r.input[5]).toBeCloseTo(0.2875, 6);
    expect(r.input[2 * 4 + 3]).toBeCloseTo(0.85, 6);
    expect(r.input[12]).toBeCloseTo(0.8, 6);
    expect(r.input[15]).toBeCloseTo(1, 6);
  });

  it('assumes a source without spacing is at the model’s spacing', () => {
    // 8 × 8, model 4 px at 0.7 mm. No spacing → 0.7 mm → field 4 px around the centre (row0 = 4 − 2 = 2).
    const values = Float32Array.from({ length: 64 }, (_, i) => i);
    const none = preprocessSlice({ values, rows: 8, columns: 8 }, prep(4, 0.7));
    const same = preprocessSlice({ values, rows: 8, columns: 8, spacingMm: 0.7 }, prep(4, 0.7));
    expect(none.crop).toEqual({ row0: 2, column0: 2, rows: 4, columns: 4 });
    expect(none.scale).toBe(1);
    expect(none.input).toEqual(same.input);
    // Row 2, columns 2…5 = 18…21 HU → 0.18…0.21.
    expectClose(none.input.subarray(0, 4), [0.18, 0.19, 0.2, 0.21]);
    // At 0.35 mm the same field is 8 px: the whole image, shrunk by ½.
    const fine = preprocessSlice({ values, rows: 8, columns: 8, spacingMm: 0.35 }, prep(4, 0.7));
    expect(fine.crop).toEqual({ row0: 0, column0: 0, rows: 8, columns: 8 });
    expect(fine.scale).toBe(0.5);
    // Output (0,0) = mean of 0, 1, 8, 9 = 4.5 HU → 0.045.
    expect(fine.input[0]).toBeCloseTo(0.045, 6);
  });

  it('takes a whole non-square image smaller than the field as a square of its long side, padded', () => {
    // 2 rows × 4 columns at 1 mm, model 2 px at 4 mm → field 8 px ≥ 4 → square of side 4 centred on
    // the image: row0 = round((2 − 4)/2) = −1, column0 = 0. Rows −1 and 2 are padding (0).
    // HU 100 everywhere → windowed rows: 0 0 0 0 / 1 1 1 1 / 1 1 1 1 / 0 0 0 0; area-average to 2 × 2 → all ½.
    const r = preprocessSlice(
      { values: new Float32Array(8).fill(100), rows: 2, columns: 4, spacingMm: 1 },
      prep(2, 4),
    );
    expect(r.crop).toEqual({ row0: -1, column0: 0, rows: 4, columns: 4 });
    expectClose(r.input, [0.5, 0.5, 0.5, 0.5]);
  });

  it('crops a 240 mm field from a 512 × 512 head CT at 0.5 mm for the brain models', () => {
    // 64 px · 3.75 mm = 240 mm = 480 source px; default centre 256 → row0 = 256 − 240 = 16.
    const r = preprocessSlice(
      { values: new Float32Array(512 * 512), rows: 512, columns: 512, spacingMm: 0.5 },
      prep(64, 3.75, 40, 80),
    );
    expect(r.crop).toEqual({ row0: 16, column0: 16, rows: 480, columns: 480 });
    expect(r.scale).toBeCloseTo(64 / 480, 12);
    expect(r.input.length).toBe(64 * 64);
    expect(r.windowed.length).toBe(480 * 480);
  });

  it('rejects inconsistent input with a message', () => {
    expect(() => preprocessSlice({ values: new Float32Array(3), rows: 2, columns: 2 }, prep(2, 1))).toThrow(
      /2 × 2/,
    );
    expect(() =>
      preprocessSlice({ values: new Float32Array(4), rows: 2, columns: 2 }, prep(2, 1, 0, 0)),
    ).toThrow(/width/);
  });

  it('gives 1-D resampling weights that sum to 1 for every output pixel', () => {
    for (const [n, m] of [
      [7, 3],
      [480, 64],
      [3, 64],
      [5, 5],
    ] as const) {
      for (const t of resampleTaps(n, m)) expect(t.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });
});
