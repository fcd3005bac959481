/** Activations and derivatives: hand values, erf against tabulated values, finite differences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_IDS,
  DEFAULT_ALPHA,
  activation,
  activationDerivative,
  activationUsesAlpha,
  applyActivation,
  erf,
  erfc,
  normalCdf,
  normalPdf,
} from '../../../../../src/core/tensor/reference/activations';

describe('activations by hand', () => {
  it('ids and default α', () => {
    expect(ACTIVATION_IDS).toEqual(['linear', 'relu', 'leaky-relu', 'elu', 'sigmoid', 'tanh', 'gelu']);
    expect(DEFAULT_ALPHA).toEqual({ 'leaky-relu': 0.2, elu: 1 });
    expect(ACTIVATION_IDS.filter(activationUsesAlpha)).toEqual(['leaky-relu', 'elu']);
  });

  it('values', () => {
    expect(activation('linear', -2.5)).toBe(-2.5);
    expect(activation('relu', -2)).toBe(0);
    expect(activation('relu', 3)).toBe(3);
    expect(activation('leaky-relu', -2)).toBeCloseTo(-0.4, 15);
    expect(activation('leaky-relu', -2, 0.01)).toBeCloseTo(-0.02, 15);
    expect(activation('leaky-relu', 2)).toBe(2);
    expect(activation('elu', -1)).toBeCloseTo(Math.exp(-1) - 1, 15); // −0.6321205588285577
    expect(activation('elu', -1, 2)).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
    expect(activation('elu', 0.5)).toBe(0.5);
    expect(activation('sigmoid', 0)).toBe(0.5);
    expect(activation('sigmoid', 2)).toBeCloseTo(0.8807970779778823, 15);
    expect(activation('sigmoid', -2)).toBeCloseTo(0.11920292202211755, 15);
    expect(activation('tanh', 1)).toBeCloseTo(0.7615941559557649, 15);
    // GELU(1) = Φ(1) = 0.8413447460685429; GELU(−1) = −Φ(−1) = −0.15865525393145707
    expect(activation('gelu', 1)).toBeCloseTo(0.8413447460685429, 15);
    expect(activation('gelu', -1)).toBeCloseTo(-0.15865525393145707, 15);
    expect(activation('gelu', 0)).toBe(0);
    for (const id of ACTIVATION_IDS) if (id !== 'sigmoid') expect(Math.abs(activation(id, 0))).toBe(0);
  });

  it('sigmoid does not overflow for large |x|', () => {
    expect(activation('sigmoid', 1000)).toBe(1);
    expect(activation('sigmoid', -1000)).toBe(0);
    expect(activation('sigmoid', -745)).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(activationDerivative('sigmoid', -1000))).toBe(false);
    expect(activationDerivative('sigmoid', 1000)).toBe(0);
    expect(activation('gelu', -40)).toBe(-0);
    expect(activation('gelu', 40)).toBe(40);
  });

  it('derivatives at the kinks follow tf', () => {
    expect(activationDerivative('relu', 0)).toBe(0);
    expect(activationDerivative('relu', 1e-9)).toBe(1);
    expect(activationDerivative('leaky-relu', 0)).toBe(0.2);
    expect(activationDerivative('leaky-relu', 0, 0.1)).toBe(0.1);
    expect(activationDerivative('elu', 0)).toBe(1);
    expect(activationDerivative('elu', 0, 0.5)).toBe(0.5);
    expect(activationDerivative('elu', -1)).toBeCloseTo(Math.exp(-1), 15);
    expect(activationDerivative('sigmoid', 0)).toBe(0.25);
    expect(activationDerivative('tanh', 0)).toBe(1);
    expect(activationDerivative('gelu', 0)).toBe(0.5); // Φ(0) + 0·φ(0)
    expect(activationDerivative('linear', 7)).toBe(1);
    // GELU′(1) = Φ(1) + φ(1) = 0.8413447460685429 + 0.24197072451914337
    expect(activationDerivative('gelu', 1)).toBeCloseTo(1.0833154705876864, 14);
  });

  it('derivatives match central finite differences away from kinks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIVATION_IDS),
        fc.double({ min: -8, max: 8, noNaN: true }).filter((x) => Math.abs(x) > 1e-3),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (id, x, alpha) => {
          const h = 1e-5;
          const fd = (activation(id, x + h, alpha) - activation(id, x - h, alpha)) / (2 * h);
          expect(Math.abs(activationDerivative(id, x, alpha) - fd)).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('applyActivation maps every value into a new array', () => {
    const data = Float32Array.from([-2, -0.5, 0, 0.5, 2]);
    for (const id of ACTIVATION_IDS) {
      const out = applyActivation(id, data, 0.1);
      expect(out).not.toBe(data);
      expect(Array.from(out)).toEqual(Array.from(data, (x) => Math.fround(activation(id, x, 0.1))));
    }
    expect(Array.from(data)).toEqual([-2, -0.5, 0, 0.5, 2]);
  });
});

describe('erf', () => {
  // Tabulated values (A&S table 7.1 and high-precision references).
  it.each([
    [0, 0],
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [1.5, 0.9661051464753108],
    [2, 0.9953222650189527],
    [2.5, 0.999593047982555],
    [3, 0.9999779095030014],
    [4, 0.9999999845827421],
  ])('erf(%d) = %d to 3e-16', (x, v) => {
    expect(Math.abs(erf(x) - v)).toBeLessThanOrEqual(3e-16);
    expect(erf(-x)).toBe(x === 0 ? 0 : -erf(x));
  });

  it.each([
    [1, 0.15729920705028513],
    [1.5, 0.033894853524689274],
    [2, 0.004677734981047266],
    [2.5, 4.069520174449589e-4],
    [3, 2.209049699858544e-5],
    [4, 1.541725790028002e-8],
    [5, 1.537459794428035e-12],
    [6, 2.151973671249891e-17],
  ])('erfc(%d) = %d to 1e-11 relative', (x, v) => {
    expect(Math.abs(erfc(x) - v) / v).toBeLessThan(1e-11);
    expect(Math.abs(erfc(-x) - (2 - v))).toBeLessThanOrEqual(4.5e-16);
  });

  it('is continuous across the boundaries of its approximations, and erf + erfc = 1', () => {
    for (const b of [0.46875, 4]) {
      expect(Math.abs(erf(b + 1e-12) - erf(b))).toBeLessThan(1e-11);
      expect(Math.abs(erfc(b + 1e-12) - erfc(b)) / erfc(b)).toBeLessThan(1e-10);
    }
    for (let x = -6; x <= 6; x += 0.01) expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(4.5e-16);
    expect(erfc(27)).toBe(0);
  });

  it('Φ and φ', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 10);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });
});
