/**
 * Colour pixel data to interleaved RGB: colour-by-plane to colour-by-pixel (Planar Configuration,
 * PS3.3 C.7.6.3.1.3), 4:2:2 chroma up-sampling, and the YBR colour models of PS3.3 C.7.6.3.1.2
 * (YBR_FULL, YBR_FULL_422, YBR_PARTIAL_422/420, YBR_ICT, YBR_RCT).
 */
import { storedArray, type StoredSamples } from '../codecs/toStoredSamples';

/** RRR…GGG…BBB (Planar Configuration 1) → RGBRGB… (0); `pixels` per plane. */
export function planarToInterleaved(
  samples: StoredSamples,
  pixels: number,
  samplesPerPixel: number,
): StoredSamples {
  const result = new (samples.constructor as new (n: number) => StoredSamples)(pixels * samplesPerPixel);
  for (let s = 0; s < samplesPerPixel; s++) {
    const plane = s * pixels;
    for (let p = 0; p < pixels; p++) result[p * samplesPerPixel + s] = samples[plane + p] ?? 0;
  }
  return result;
}

/**
 * Native 4:2:2 data (Y1 Y2 Cb Cr for each pair of pixels in a row, PS3.3 C.7.6.3.1.2) → full
 * resolution interleaved Y Cb Cr, both pixels of a pair taking the pair's chrominance.
 */
export function expandYbr422(samples: StoredSamples, rows: number, columns: number): StoredSamples {
  const out = new (samples.constructor as new (n: number) => StoredSamples)(rows * columns * 3);
  const pairs = Math.ceil(columns / 2);
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < pairs; p++) {
      const i = (r * pairs + p) * 4;
      const cb = samples[i + 2] ?? 0;
      const cr = samples[i + 3] ?? 0;
      for (let k = 0; k < 2; k++) {
        const c = 2 * p + k;
        if (c >= columns) break;
        const o = (r * columns + c) * 3;
        out[o] = samples[i + k] ?? 0;
        out[o + 1] = cb;
        out[o + 2] = cr;
      }
    }
  }
  return out;
}

type Matrix = readonly [number, number, number, number, number, number, number, number, number];

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f, g, h, i] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    (e * i - f * h) / det,
    (c * h - b * i) / det,
    (b * f - c * e) / det,
    (f * g - d * i) / det,
    (a * i - c * g) / det,
    (c * d - a * f) / det,
    (d * h - e * g) / det,
    (b * g - a * h) / det,
    (a * e - b * d) / det,
  ];
}

/**
 * RGB → YCbCr matrices exactly as PS3.3 C.7.6.3.1.2 writes them (8-bit), rows Y, Cb, Cr.
 * YBR_FULL (also YBR_ICT, the same equations): Y = .2990R + .5870G + .1140B,
 * Cb = −.1687R − .3313G + .5000B + 128, Cr = .5000R − .4187G − .0813B + 128.
 * YBR_PARTIAL_422/420: Y = .2568R + .5041G + .0979B + 16, Cb = −.1482R − .2910G + .4392B + 128,
 * Cr = .4392R − .3678G − .0714B + 128.
 */
const FORWARD = {
  full: { m: [0.299, 0.587, 0.114, -0.1687, -0.3313, 0.5, 0.5, -0.4187, -0.0813] as Matrix, yOffset: 0 },
  partial: {
    m: [0.2568, 0.5041, 0.0979, -0.1482, -0.291, 0.4392, 0.4392, -0.3678, -0.0714] as Matrix,
    yOffset: 16,
  },
} as const;

/** The inverses (YCbCr → RGB), computed from the standard's forward equations. */
const INVERSE = { full: invert(FORWARD.full.m), partial: invert(FORWARD.partial.m) };

/**
 * Interleaved YCbCr → interleaved RGB by inverting the PS3.3 C.7.6.3.1.2 equations, for `bits`
 * bits per sample (offsets scaled by 2^(bits − 8)); results rounded and clamped to 0 … 2^bits − 1.
 */
export function ybrToRgb(samples: StoredSamples, bits: number, range: 'full' | 'partial'): StoredSamples {
  const [a, b, c, d, e, f, g, h, i] = INVERSE[range];
  const scale = 2 ** (bits - 8);
  const yOffset = FORWARD[range].yOffset * scale;
  const cOffset = 128 * scale;
  const max = 2 ** bits - 1;
  const out = storedArray(bits, false, samples.length);
  const clamp = (v: number): number => (v < 0 ? 0 : v > max ? max : Math.round(v));
  for (let p = 0; p + 2 < samples.length; p += 3) {
    const y = (samples[p] ?? 0) - yOffset;
    const cb = (samples[p + 1] ?? 0) - cOffset;
    const cr = (samples[p + 2] ?? 0) - cOffset;
    out[p] = clamp(a * y + b * cb + c * cr);
    out[p + 1] = clamp(d * y + e * cb + f * cr);
    out[p + 2] = clamp(g * y + h * cb + i * cr);
  }
  return out;
}

/**
 * Reversible colour transform → RGB (YBR_RCT, PS3.3 C.7.6.3.1.2; ISO/IEC 15444-1 G.2):
 * G = Y − ⌊(Cb + Cr) / 4⌋, R = Cr + G, B = Cb + G, clamped to 0 … 2^bits − 1.
 */
export function rctToRgb(samples: StoredSamples, bits: number): StoredSamples {
  const max = 2 ** bits - 1;
  const out = storedArray(bits, false, samples.length);
  const clamp = (v: number): number => (v < 0 ? 0 : v > max ? max : v);
  for (let p = 0; p + 2 < samples.length; p += 3) {
    const y = samples[p] ?? 0;
    const cb = samples[p + 1] ?? 0;
    const cr = samples[p + 2] ?? 0;
    const green = y - Math.floor((cb + cr) / 4);
    out[p] = clamp(cr + green);
    out[p + 1] = clamp(green);
    out[p + 2] = clamp(cb + green);
  }
  return out;
}
