import { describe, expect, it } from 'vitest';
import { augmentBatch, augmentImage, drawAugment } from '../../../../src/core/training/augment';
import { NO_AUGMENT, type AugmentSpec } from '../../../../src/core/training/trainingTypes';
import { createRng, type Rng } from '../../../../src/core/imaging/phantoms/random';

/** An Rng that returns the given uniforms in order (and fails when it runs out). */
function fixedRng(uniforms: number[], normals: number[] = []): Rng {
  const u = [...uniforms];
  const z = [...normals];
  const next = (): number => {
    const v = u.shift();
    if (v === undefined) throw new Error('fixedRng: out of uniforms');
    return v;
  };
  return {
    uniform: next,
    range: (low, high) => low + (high - low) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const v = z.shift();
      if (v === undefined) throw new Error('fixedRng: out of normals');
      return v;
    },
  };
}

const spec = (over: Partial<AugmentSpec>): AugmentSpec => ({ ...NO_AUGMENT, ...over });

/** A size × size image with distinct values in 0…1 (value = (index + 1) / (n + 1)). */
function ramp(size: number): Float32Array {
  const n = size * size;
  return Float32Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
}

function randomImages(count: number, size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count * size * size }, () => rng.uniform());
}

describe('augmentImage', () => {
  it('is the identity with NO_AUGMENT and draws nothing', () => {
    const src = randomImages(1, 8, 1);
    const out = new Float32Array(64);
    augmentImage(src, 8, NO_AUGMENT, fixedRng([]), out);
    expect(Array.from(out)).toEqual(Array.from(src));
  });

  it('mirrors left–right when the draw is < 1/2, and flipping twice is the identity', () => {
    const src = ramp(3);
    const once = new Float32Array(9);
    const twice = new Float32Array(9);
    augmentImage(src, 3, spec({ flip: true }), fixedRng([0.2]), once);
    // Row [a b c] becomes [c b a].
    expect(Array.from(once)).toEqual(Array.from([2, 1, 0, 5, 4, 3, 8, 7, 6], (i) => src[i] as number));
    augmentImage(once, 3, spec({ flip: true }), fixedRng([0.4]), twice);
    expect(Array.from(twice)).toEqual(Array.from(src));
    // Draw ≥ 1/2: no mirror.
    augmentImage(src, 3, spec({ flip: true }), fixedRng([0.7]), once);
    expect(Array.from(once)).toEqual(Array.from(src));
  });

  it('shifts by whole pixels with edges clamped', () => {
    const size = 4;
    const src = ramp(size);
    const out = new Float32Array(16);
    // k = 2: dx = floor(u·5) − 2. u = 0.9 → dx = 2; u = 0.3 → dy = −1.
    const draw = augmentImage(src, size, spec({ shiftPx: 2 }), fixedRng([0.9, 0.3]), out);
    expect([draw.dx, draw.dy]).toEqual([2, -1]);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const sx = Math.min(Math.max(x - 2, 0), size - 1);
        const sy = Math.min(Math.max(y + 1, 0), size - 1);
        expect(out[y * size + x]).toBe(src[sy * size + sx]);
      }
    }
    // Moved pixels keep their exact value: out(3, 0) = src(1, 1).
    expect(out[3]).toBe(src[5]);
  });

  it('rotates 90° anticlockwise (as displayed) about the centre', () => {
    // u = 1 − 1e-12 → θ ≈ +90°. A 3 × 3 image [[a b c] [d e f] [g h i]] turned anticlockwise is
    // [[c f i] [b e h] [a d g]].
    const src = ramp(3);
    const out = new Float32Array(9);
    augmentImage(src, 3, spec({ rotateDeg: 90 }), fixedRng([1 - 1e-12]), out);
    const expected = [2, 5, 8, 1, 4, 7, 0, 3, 6].map((i) => src[i] as number);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 6));
  });

  it('rotates by 45° with the bilinear rule, by hand', () => {
    // 4 × 4, centre c = 1.5. θ = 45° (u = 0.75 with rotateDeg 90). Output pixel (x=2, y=1):
    // xs − c = 0.5, ys − c = −0.5; u = c + (0.5 + 0.5)/√2 = 1.5 + 0.70711, v = c + (0.5 − 0.5)/√2 = 1.5.
    const size = 4;
    const src = ramp(size);
    const out = new Float32Array(16);
    augmentImage(src, size, spec({ rotateDeg: 90 }), fixedRng([0.75]), out);
    const u = 1.5 + Math.SQRT1_2;
    const v = 1.5;
    const at = (x: number, y: number): number => src[y * size + x] as number;
    const fu = u - 2;
    const fv = v - 1;
    const top = at(2, 1) * (1 - fu) + at(3, 1) * fu;
    const bottom = at(2, 2) * (1 - fu) + at(3, 2) * fu;
    expect(out[1 * size + 2]).toBeCloseTo(top * (1 - fv) + bottom * fv, 6);
    // Corner (0, 0): (−1.5, −1.5) → u = 1.5, v = 1.5 − 2.1213 < 0 → clamped to the top row: v = 0.
    expect(out[0]).toBeCloseTo((at(1, 0) + at(2, 0)) / 2, 6);
  });

  it('applies the intensity jitter v → (v − 0.5)(1 + c) + 0.5 + b, clamped', () => {
    const src = Float32Array.from([0, 0.25, 0.5, 1]);
    const out = new Float32Array(4);
    // intensity 0.2: c = 0.2·(2·0.75 − 1) = 0.1, b = 0.2·(2·0.25 − 1) = −0.1.
    const draw = augmentImage(src, 2, spec({ intensity: 0.2 }), fixedRng([0.75, 0.25]), out);
    expect(draw.contrast).toBeCloseTo(0.1, 12);
    expect(draw.brightness).toBeCloseTo(-0.1, 12);
    const expected = [0, 0.25, 0.5, 1].map((v) => Math.min(1, Math.max(0, (v - 0.5) * 1.1 + 0.5 - 0.1)));
    // [−0.15 → 0, 0.125, 0.4, 0.95]
    expect(expected[0]).toBe(0);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 6));
  });

  it('adds Gaussian noise of the requested σ', () => {
    const size = 64;
    const src = new Float32Array(size * size).fill(0.5);
    const out = new Float32Array(size * size);
    augmentImage(src, size, spec({ noise: 0.05 }), createRng(3), out);
    let sum = 0;
    let sumSq = 0;
    for (const v of out) {
      sum += v - 0.5;
      sumSq += (v - 0.5) ** 2;
    }
    const mean = sum / out.length;
    const sd = Math.sqrt(sumSq / out.length - mean * mean);
    // Standard error of the mean: 0.05/64 ≈ 0.0008; of σ: 0.05/√(2·4096) ≈ 0.00055.
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(sd).toBeGreaterThan(0.048);
    expect(sd).toBeLessThan(0.052);
    // Each pixel is src + σ·z for the rng's normals, in order.
    const z = createRng(3);
    for (let i = 0; i < 10; i++) expect(out[i]).toBeCloseTo(0.5 + 0.05 * z.normal(), 6);
  });

  it('refuses wrong lengths and overlapping buffers', () => {
    const buf = new Float32Array(32);
    expect(() => augmentImage(buf.subarray(0, 16), 4, NO_AUGMENT, createRng(1), buf.subarray(8, 24))).toThrow(
      RangeError,
    );
    expect(() =>
      augmentImage(new Float32Array(15), 4, NO_AUGMENT, createRng(1), new Float32Array(16)),
    ).toThrow(RangeError);
  });
});

describe('augmentBatch', () => {
  const all: AugmentSpec = { flip: true, rotateDeg: 15, shiftPx: 4, intensity: 0.2, noise: 0.05 };

  it('keeps every output in 0…1 and is deterministic for a seed', () => {
    const images = randomImages(8, 16, 5);
    const a = augmentBatch(images, 16, 8, { ...all, intensity: 0.5, noise: 0.3 }, createRng(9));
    const b = augmentBatch(images, 16, 8, { ...all, intensity: 0.5, noise: 0.3 }, createRng(9));
    const c = augmentBatch(images, 16, 8, { ...all, intensity: 0.5, noise: 0.3 }, createRng(10));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    for (const v of a) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // Some values reach the clamps with this much jitter.
    expect(a.some((v) => v === 0) && a.some((v) => v === 1)).toBe(true);
  });

  it('augments image i with the draws that follow image i − 1', () => {
    const size = 8;
    const images = randomImages(3, size, 6);
    const out = new Float32Array(3 * size * size);
    const returned = augmentBatch(images, size, 3, all, createRng(11), out);
    expect(returned).toBe(out);
    const rng = createRng(11);
    const one = new Float32Array(size * size);
    for (let i = 0; i < 3; i++) {
      augmentImage(images.subarray(i * 64, (i + 1) * 64), size, all, rng, one);
      expect(Array.from(out.subarray(i * 64, (i + 1) * 64))).toEqual(Array.from(one));
    }
  });

  it('draws each transform over its whole range', () => {
    const rng = createRng(12);
    const draws = Array.from({ length: 2000 }, () => drawAugment(all, rng));
    const dxs = new Set(draws.map((d) => d.dx));
    expect([...dxs].sort((p, q) => p - q)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    const angles = draws.map((d) => (d.angleRad * 180) / Math.PI);
    expect(Math.max(...angles)).toBeLessThanOrEqual(15);
    expect(Math.min(...angles)).toBeGreaterThanOrEqual(-15);
    expect(Math.max(...angles)).toBeGreaterThan(14.5);
    const flips = draws.filter((d) => d.flip).length;
    expect(flips).toBeGreaterThan(900);
    expect(flips).toBeLessThan(1100);
  });

  it('runs a batch of 32 64 × 64 images fast (timing reported, not asserted)', () => {
    const images = randomImages(32, 64, 7);
    const out = new Float32Array(images.length);
    const rng = createRng(13);
    for (let i = 0; i < 20; i++) augmentBatch(images, 64, 32, all, rng, out);
    const runs = 100;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) augmentBatch(images, 64, 32, all, rng, out);
    const allMs = (performance.now() - t0) / runs;
    const noNoise = { ...all, noise: 0 };
    const t1 = performance.now();
    for (let i = 0; i < runs; i++) augmentBatch(images, 64, 32, noNoise, rng, out);
    const geoMs = (performance.now() - t1) / runs;
    console.info(
      `augmentBatch 32 × 64²: ${allMs.toFixed(2)} ms (all transforms), ${geoMs.toFixed(2)} ms (no noise)`,
    );
    expect(out.length).toBe(32 * 64 * 64);
  });
});
