import { describe, expect, it } from 'vitest';
import { gaussianBlur, gaussianKernel } from '../../../../../src/core/imaging/phantoms/gaussianBlur';
import { createRng, smoothField } from '../../../../../src/core/imaging/phantoms/random';
import { standardDeviation } from './measure';

describe('gaussianBlur', () => {
  it('uses normalised Gaussian weights e^(−i²/2σ²)', () => {
    const k = gaussianKernel(1);
    expect(k).toHaveLength(7);
    const raw = [-3, -2, -1, 0, 1, 2, 3].map((i) => Math.exp(-(i * i) / 2));
    const sum = raw.reduce((a, b) => a + b, 0);
    raw.forEach((w, i) => expect(k[i]!).toBeCloseTo(w / sum, 6));
  });

  it('spreads a point into the separable 2-D Gaussian and keeps the total', () => {
    const size = 21;
    const image = new Float32Array(size * size);
    image[10 * size + 10] = 1;
    gaussianBlur(image, size, size, 1.5);
    const total = image.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 5);
    const g = (d: number) => Math.exp(-(d * d) / (2 * 1.5 * 1.5));
    // Ratio of the values at (10, 12) and (10, 10) is g(2)/g(0) for a separable Gaussian.
    expect(image[10 * size + 12]! / image[10 * size + 10]!).toBeCloseTo(g(2) / g(0), 4);
    expect(image[12 * size + 12]! / image[10 * size + 10]!).toBeCloseTo((g(2) * g(2)) / (g(0) * g(0)), 4);
  });

  it('leaves a constant image unchanged', () => {
    const image = new Float32Array(50 * 40).fill(-600);
    gaussianBlur(image, 50, 40, 2.5);
    for (const v of image) expect(v).toBeCloseTo(-600, 3);
  });
});

describe('smoothField', () => {
  it('has zero mean and unit standard deviation, and is smooth', () => {
    const field = smoothField(128, 128, 8, createRng(3));
    const mean = field.reduce((a, b) => a + b, 0) / field.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(standardDeviation(field)).toBeCloseTo(1, 1);
    // Neighbours are strongly correlated for an 8-pixel correlation length.
    let product = 0;
    for (let i = 0; i < field.length - 1; i++) product += field[i]! * field[i + 1]!;
    expect(product / (field.length - 1)).toBeGreaterThan(0.8);
  });
});
