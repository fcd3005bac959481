/** The plain-TypeScript convolution: hand-worked examples, convAt ≡ conv2dRef, errors, speed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convAt, conv2dRef, readPadded } from '../../../../../src/core/tensor/reference/conv2dRef';
import type { ConvOptions, Filters, Volume } from '../../../../../src/core/tensor/reference/types';

const vol = (height: number, width: number, channels: number, values: number[]): Volume => ({
  height,
  width,
  channels,
  data: Float32Array.from(values),
});
const kernel = (
  kh: number,
  kw: number,
  inChannels: number,
  outChannels: number,
  values: number[],
): Filters => ({
  kh,
  kw,
  inChannels,
  outChannels,
  data: Float32Array.from(values),
});
const rows = (v: Volume): number[][] =>
  Array.from({ length: v.height }, (_, y) => Array.from(v.data.subarray(y * v.width, (y + 1) * v.width)));

// prettier-ignore
const image4 = vol(4, 4, 1, [
  1, 2, 3, 0,
  0, 1, 2, 3,
  3, 0, 1, 2,
  2, 3, 0, 1,
]);
// A vertical-edge kernel: left column minus right column.
// prettier-ignore
const edge = kernel(3, 3, 1, 1, [
  1, 0, -1,
  1, 0, -1,
  1, 0, -1,
]);

describe('conv2dRef by hand', () => {
  it("4×4 image, 3×3 kernel, 'valid', stride 1 → 2×2", () => {
    // out(0,0): rows 0–2, cols 0–2: (1 + 0 + 3) − (3 + 2 + 1) = 4 − 6 = −2
    // out(0,1): rows 0–2, cols 1–3: (2 + 1 + 0) − (0 + 3 + 2) = 3 − 5 = −2
    // out(1,0): rows 1–3, cols 0–2: (0 + 3 + 2) − (2 + 1 + 0) = 5 − 3 = 2
    // out(1,1): rows 1–3, cols 1–3: (1 + 0 + 3) − (3 + 2 + 1) = 4 − 6 = −2
    const out = conv2dRef(image4, edge);
    expect(out).toMatchObject({ height: 2, width: 2, channels: 1 });
    expect(rows(out)).toEqual([
      [-2, -2],
      [2, -2],
    ]);
  });

  it("'same' zero padding → 4×4; out(0,0) reads zeros left of and above the image", () => {
    // out(0,0): window rows −1…1, cols −1…1. Column −1 is padding (0); column 1 rows 0,1 hold 2, 1:
    // 0 − (0 + 2 + 1) = −3.   out(0,3): column 2 rows 0,1 hold 3, 2, column 4 is padding: 5 − 0 = 5.
    const out = conv2dRef(image4, edge, { padding: 'same' });
    expect(rows(out)).toEqual([
      [-3, -4, 0, 5],
      [-3, -2, -2, 6],
      [-4, 2, -2, 3],
      [-3, 4, 0, 1],
    ]);
    const t = convAt(image4, edge, 0, 0, 0, { padding: 'same' });
    expect(t.taps).toHaveLength(9);
    expect(t.taps[0]).toEqual({
      i: 0,
      j: 0,
      c: 0,
      y: -1,
      x: -1,
      inside: false,
      sourceY: null,
      sourceX: null,
      value: 0,
      weight: 1,
      product: 0,
    });
    expect(t.taps[4]).toMatchObject({
      i: 1,
      j: 1,
      y: 0,
      x: 0,
      inside: true,
      sourceY: 0,
      sourceX: 0,
      value: 1,
      weight: 0,
    });
    expect(t.taps[5]).toMatchObject({ i: 1, j: 2, y: 0, x: 1, value: 2, weight: -1, product: -2 });
    expect(t.taps.filter((p) => p.inside)).toHaveLength(4);
    expect(t).toMatchObject({ oy: 0, ox: 0, filter: 0, sum: -3, bias: 0, output: -3 });
  });

  it("stride 2 with 'same' padding picks every other output of the stride-1 map", () => {
    // n = 4, s = 2: out = ⌈4/2⌉ = 2; total padding = (2 − 1)·2 + 3 − 4 = 1 → top 0, bottom 1.
    // So window (0,0) starts at the image corner: out(0,0) = −2 (as 'valid'), out(0,1) = cols 2–4:
    // (3 + 2 + 1) − 0 = 6; out(1,0) rows 2–4: (3 + 2) − (1 + 0) = 4; out(1,1): (1 + 0) − 0 = 1.
    const out = conv2dRef(image4, edge, { stride: 2, padding: 'same' });
    expect(rows(out)).toEqual([
      [-2, 6],
      [4, 1],
    ]);
    // with explicit symmetric padding 1 instead: windows start at −1 → the stride-1 'same' map at (0,0),(0,2),…
    expect(
      rows(conv2dRef(image4, edge, { stride: 2, padding: { top: 1, bottom: 1, left: 1, right: 1 } })),
    ).toEqual([
      [-3, 0],
      [-4, -2],
    ]);
  });

  it('dilation 2 spreads a 3×3 kernel over 5×5', () => {
    // image v(y, x) = 5y + x, kernel of ones, dilation 2: taps at rows and cols 0, 2, 4:
    // Σ 5y + x over y, x ∈ {0, 2, 4} = 3·5·(0 + 2 + 4) + 3·(0 + 2 + 4) = 90 + 18 = 108
    const img = vol(
      5,
      5,
      1,
      Array.from({ length: 25 }, (_, k) => k),
    );
    const out = conv2dRef(img, kernel(3, 3, 1, 1, Array(9).fill(1)), { dilation: 2 });
    expect(out).toMatchObject({ height: 1, width: 1 });
    expect(out.data[0]).toBe(108);
    expect(
      convAt(img, kernel(3, 3, 1, 1, Array(9).fill(1)), 0, 0, 0, { dilation: 2 }).taps.map((t) => [t.y, t.x]),
    ).toEqual([
      [0, 0],
      [0, 2],
      [0, 4],
      [2, 0],
      [2, 2],
      [2, 4],
      [4, 0],
      [4, 2],
      [4, 4],
    ]);
  });

  it('reflect padding mirrors without repeating the edge (1×4 row, 1×3 kernel, 2 pixels each side)', () => {
    // row 1 2 3 4 padded by 2 on each side in reflect mode: 3 2 | 1 2 3 4 | 3 2
    // kernel [1, 10, 100] reads three neighbours as digits: out[k] = p[k] + 10·p[k+1] + 100·p[k+2]
    const row = vol(1, 4, 1, [1, 2, 3, 4]);
    const digits = kernel(1, 3, 1, 1, [1, 10, 100]);
    const out = conv2dRef(row, digits, {
      padding: { top: 0, bottom: 0, left: 2, right: 2 },
      padMode: 'reflect',
    });
    expect(Array.from(out.data)).toEqual([123, 212, 321, 432, 343, 234]);
    // zero padding for comparison: 0 0 | 1 2 3 4 | 0 0
    const zero = conv2dRef(row, digits, { padding: { top: 0, bottom: 0, left: 2, right: 2 } });
    expect(Array.from(zero.data)).toEqual([100, 210, 321, 432, 43, 4]);
  });

  it("reflect 'same' on a 3×3 image: the top-left tap reads the mirrored neighbour", () => {
    // image 1…9; kernel with a single 1 at (0,0) → out(y, x) = in(reflect(y − 1), reflect(x − 1)), reflect(−1) = 1
    const img = vol(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const topLeft = kernel(3, 3, 1, 1, [1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rows(conv2dRef(img, topLeft, { padding: 'same', padMode: 'reflect' }))).toEqual([
      [5, 4, 5],
      [2, 1, 2],
      [5, 4, 5],
    ]);
    const t = convAt(img, topLeft, 0, 0, 0, { padding: 'same', padMode: 'reflect' });
    expect(t.taps[0]).toMatchObject({
      y: -1,
      x: -1,
      inside: false,
      sourceY: 1,
      sourceX: 1,
      value: 5,
      product: 5,
    });
  });

  it('readPadded: zero and reflect', () => {
    const img = vol(3, 3, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(readPadded(img, 1, 2, 0, 'zero')).toEqual({ value: 6, sourceY: 1, sourceX: 2 });
    expect(readPadded(img, -1, 0, 0, 'zero')).toEqual({ value: 0, sourceY: null, sourceX: null });
    expect(readPadded(img, -1, -1, 0, 'reflect')).toEqual({ value: 5, sourceY: 1, sourceX: 1 });
    expect(readPadded(img, 3, 3, 0, 'reflect')).toEqual({ value: 5, sourceY: 1, sourceX: 1 }); // n → n − 2
    expect(readPadded(img, -2, 4, 0, 'reflect')).toEqual({ value: 7, sourceY: 2, sourceX: 0 });
    expect(() => readPadded(img, -3, 0, 0, 'reflect')).toThrow(RangeError);
    expect(() => readPadded(img, 0, 5, 0, 'reflect')).toThrow(/mirror at most 2 pixel/);
    const rgb = vol(1, 2, 3, [1, 2, 3, 4, 5, 6]);
    expect(readPadded(rgb, 0, -1, 2, 'reflect')).toEqual({ value: 6, sourceY: 0, sourceX: 1 });
  });

  it('several channels and filters, with bias', () => {
    // 1×1 kernel, 2 channels → 3 filters: a matrix product per pixel.
    // w[c][f] = [[1, 0, −1], [2, 1, 0.5]]; pixel (1, 2): 1·1 + 2·2 = 5, 0·1 + 1·2 = 2, −1·1 + 0.5·2 = 0
    const img = vol(1, 2, 2, [1, 2, -1, 4]);
    const mix = kernel(1, 1, 2, 3, [1, 0, -1, 2, 1, 0.5]);
    expect(Array.from(conv2dRef(img, mix).data)).toEqual([5, 2, 0, 7, 4, 3]);
    const bias = Float32Array.from([10, 20, 30]);
    expect(Array.from(conv2dRef(img, mix, { bias }).data)).toEqual([15, 22, 30, 17, 24, 33]);
    // 2×2 RGB-like image (2 channels), 2×2 kernel, 2 filters: filter 0 sums channel 0, filter 1 channel 1 × −1
    const img2 = vol(2, 2, 2, [1, 10, 2, 20, 3, 30, 4, 40]);
    const w = kernel(2, 2, 2, 2, [1, 0, 0, -1, 1, 0, 0, -1, 1, 0, 0, -1, 1, 0, 0, -1]);
    const out = conv2dRef(img2, w, { bias: Float32Array.from([0.5, -0.5]) });
    expect(out).toMatchObject({ height: 1, width: 1, channels: 2 });
    expect(Array.from(out.data)).toEqual([10.5, -100.5]);
    const terms = convAt(img2, w, 0, 0, 1, { bias: Float32Array.from([0.5, -0.5]) });
    expect(terms.taps.map((t) => [t.i, t.j, t.c])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 1],
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 0],
      [1, 1, 1],
    ]);
    expect(terms).toMatchObject({ sum: -100, bias: -0.5, output: -100.5 });
  });

  it('a kernel larger than the image gives an empty output', () => {
    const out = conv2dRef(vol(2, 2, 1, [1, 2, 3, 4]), kernel(3, 3, 1, 1, Array(9).fill(1)));
    expect(out).toEqual({ height: 0, width: 0, channels: 1, data: new Float32Array(0) });
  });
});

describe('conv2dRef errors', () => {
  const img = vol(3, 3, 1, Array(9).fill(1));
  const k3 = kernel(3, 3, 1, 1, Array(9).fill(1));
  it.each<[string, () => unknown, RegExp]>([
    [
      'channel mismatch',
      () => conv2dRef(img, kernel(3, 3, 2, 1, Array(18).fill(1))),
      /kernel has 2 input channel\(s\) but the image has 1/,
    ],
    [
      'bias length',
      () => conv2dRef(img, k3, { bias: new Float32Array(2) }),
      /1 filter\(s\) but 2 bias value\(s\)/,
    ],
    ['stride 0', () => conv2dRef(img, k3, { stride: 0 }), /stride must be a whole number of at least 1/],
    ['fractional stride', () => conv2dRef(img, k3, { stride: [1, 1.5] }), /horizontal stride/],
    ['dilation 0', () => conv2dRef(img, k3, { dilation: 0 }), /dilation must be a whole number/],
    ['fractional dilation', () => conv2dRef(img, k3, { dilation: 1.5 }), /dilation/],
    [
      'negative padding',
      () => conv2dRef(img, k3, { padding: { top: 0, bottom: -1, left: 0, right: 0 } }),
      /bottom padding/,
    ],
    [
      'image data length',
      () => conv2dRef(vol(3, 3, 1, [1, 2]), k3),
      /image data holds 2 values but 3×3×1 needs 9/,
    ],
    ['kernel data length', () => conv2dRef(img, kernel(3, 3, 1, 1, [1])), /kernel data holds 1 weights/],
    [
      'reflect padding ≥ size',
      () => conv2dRef(img, k3, { padding: { top: 3, bottom: 0, left: 0, right: 0 }, padMode: 'reflect' }),
      /Reflect padding .* too much/,
    ],
    [
      'reflect on a 1-pixel axis',
      () => conv2dRef(vol(1, 3, 1, [1, 2, 3]), k3, { padding: 'same', padMode: 'reflect' }),
      /smaller than the image/,
    ],
    ['convAt outside the output', () => convAt(img, k3, 1, 0, 0), /outside the 1×1 output/],
    ['convAt missing filter', () => convAt(img, k3, 0, 0, 1), /Filter 1 does not exist/],
  ])('%s → RangeError', (_name, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });
});

describe('convAt is exactly conv2dRef', () => {
  it('every output value equals Math.fround(convAt(…).output), bit for bit', () => {
    const caseArb = fc
      .record({
        h: fc.integer({ min: 1, max: 7 }),
        w: fc.integer({ min: 1, max: 7 }),
        c: fc.integer({ min: 1, max: 3 }),
        f: fc.integer({ min: 1, max: 3 }),
        kh: fc.integer({ min: 1, max: 4 }),
        kw: fc.integer({ min: 1, max: 4 }),
        stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
        dilation: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })),
        padding: fc.oneof(
          fc.constantFrom('valid' as const, 'same' as const),
          fc.record({ top: fc.nat(2), bottom: fc.nat(2), left: fc.nat(2), right: fc.nat(2) }),
        ),
        reflect: fc.boolean(),
        bias: fc.boolean(),
        seed: fc.integer({ min: 1, max: 1e6 }),
      })
      .filter((p) => !p.reflect || (p.h > 3 && p.w > 3 && p.kh <= 3 && p.kw <= 3 && p.padding !== 'valid'));
    fc.assert(
      fc.property(caseArb, (p) => {
        const rnd = (k: number) => Math.fround(Math.sin(p.seed * 0.7 + k * 12.9898) * 1.3);
        const input = vol(
          p.h,
          p.w,
          p.c,
          Array.from({ length: p.h * p.w * p.c }, (_, k) => rnd(k)),
        );
        const filters = kernel(
          p.kh,
          p.kw,
          p.c,
          p.f,
          Array.from({ length: p.kh * p.kw * p.c * p.f }, (_, k) => rnd(-k - 1)),
        );
        const opts: ConvOptions = {
          stride: p.stride,
          dilation: p.dilation,
          padding: p.padding,
          padMode: p.reflect ? 'reflect' : 'zero',
          ...(p.bias ? { bias: Float32Array.from({ length: p.f }, (_, k) => rnd(1000 + k)) } : {}),
        };
        let out: Volume;
        try {
          out = conv2dRef(input, filters, opts);
        } catch (e) {
          // reflect padding larger than the image: convAt must refuse it too
          expect(e).toBeInstanceOf(RangeError);
          expect(() => convAt(input, filters, 0, 0, 0, opts)).toThrow(RangeError);
          return;
        }
        for (let oy = 0; oy < out.height; oy++)
          for (let ox = 0; ox < out.width; ox++)
            for (let f = 0; f < p.f; f++) {
              const t = convAt(input, filters, oy, ox, f, opts);
              expect(t.taps).toHaveLength(p.kh * p.kw * p.c);
              let sum = 0;
              for (const tap of t.taps) sum += tap.product;
              expect(t.sum).toBe(sum);
              expect(Object.is(out.data[(oy * out.width + ox) * p.f + f], Math.fround(t.output))).toBe(true);
            }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
