/**
 * The pure maths of the neurons lesson against hand counts and independent computations: the
 * neuron's forward pass, the parameter counts, the permutation and the MLP's indifference to it,
 * the neighbour correlation, the patch crop and its Sobel map, and the number formats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropPatch, cropStart, percentFor, sobelMagnitudeMap } from '../../../src/lessons/neurons/patchMaps';
import { neighbourCorrelation } from '../../../src/lessons/neurons/neighbourCorrelation';
import { isNeuronActivation, neuronForward } from '../../../src/lessons/neurons/neuronForward';
import {
  cnnParamTable,
  denseLayerParams,
  float32Bytes,
  mlpParamTable,
} from '../../../src/lessons/neurons/mlpParamTable';
import {
  fmtFixed,
  fmtInt,
  fmtMb,
  fmtNum,
  fmtPercent,
  fmtSig,
  fmtTerm,
} from '../../../src/lessons/neurons/neuronsFormat';
import {
  applyPermutation,
  invertPermutation,
  isPermutation,
  seededPermutation,
} from '../../../src/lessons/neurons/seededPermutation';
import { makeTinyMlp, permuteMlpInputs, tinyMlpForward } from '../../../src/lessons/neurons/tinyMlp';
import { permuteStudy } from '../../../src/lessons/neurons/permuteStudy';
import { lineConfusion } from '../../../src/lessons/neurons/lineClassifier';

describe('neuronForward', () => {
  it('matches a hand-worked example for every activation', () => {
    // z = 1.5·0.05 + 0.8·0.8 + 1.2·0.9 − 1 = 0.075 + 0.64 + 1.08 − 1 = 0.795
    const x = [0.05, 0.8, 0.9];
    const w = [1.5, 0.8, 1.2];
    const lin = neuronForward(x, w, -1, 'linear');
    expect(lin.products[0]).toBeCloseTo(0.075, 15);
    expect(lin.products[1]).toBeCloseTo(0.64, 15);
    expect(lin.products[2]).toBeCloseTo(1.08, 15);
    expect(lin.z).toBeCloseTo(0.795, 14);
    expect(lin.y).toBeCloseTo(0.795, 14);
    expect(lin.slope).toBe(1);
    const sig = neuronForward(x, w, -1, 'sigmoid');
    expect(sig.y).toBeCloseTo(1 / (1 + Math.exp(-0.795)), 14);
    expect(sig.slope).toBeCloseTo(sig.y * (1 - sig.y), 14);
    expect(neuronForward(x, w, -1, 'tanh').y).toBeCloseTo(Math.tanh(0.795), 14);
    expect(neuronForward(x, w, -1, 'relu').y).toBeCloseTo(0.795, 14);
    // A negative sum: ReLU gives 0 and slope 0.
    const neg = neuronForward([1, 1, 1], [-1, -1, -1], 0.5, 'relu');
    expect(neg.z).toBe(-2.5);
    expect(neg.y).toBe(0);
    expect(neg.slope).toBe(0);
  });

  it('rejects mismatched inputs and weights; knows its activations', () => {
    expect(() => neuronForward([1, 2], [1], 0, 'linear')).toThrow(RangeError);
    expect(isNeuronActivation('relu')).toBe(true);
    expect(isNeuronActivation('gelu')).toBe(false);
    expect(isNeuronActivation(3)).toBe(false);
  });
});

describe('parameter counts', () => {
  it('dense layers: inputs·units + units, checked against hand counts', () => {
    expect(denseLayerParams(4096, 128)).toBe(524_416);
    expect(denseLayerParams(512 * 512, 128)).toBe(33_554_560);
    expect(denseLayerParams(128, 2)).toBe(258);
  });

  it('an MLP table chains the layers and sums them', () => {
    const t = mlpParamTable(64, [128, 64]);
    expect(t.layers.map((l) => [l.inputs, l.units, l.params, l.output])).toEqual([
      [4096, 128, 524_416, false],
      [128, 64, 8_256, false],
      [64, 2, 130, true],
    ]);
    expect(t.total).toBe(524_416 + 8_256 + 130);
  });

  it('the small CNN: 80 + 1,168 parameters in its convolutions at any size; the head decides the rest', () => {
    // conv1: 8·(3·3·1 + 1) = 80; conv2: 16·(3·3·8 + 1) = 1,168.
    // flatten at 64: 16·16·16 = 4,096 features → 4,096·2 + 2 = 8,194; total 9,442.
    const patch = cnnParamTable(64, 'flatten');
    expect(patch.layers.map((l) => l.params)).toEqual([80, 0, 1168, 0, 8194]);
    expect(patch.total).toBe(9442);
    expect(patch.layers.map((l) => l.shape)).toEqual([
      [64, 64, 8],
      [32, 32, 8],
      [32, 32, 16],
      [16, 16, 16],
      [2],
    ]);
    // flatten at 512: 128·128·16 = 262,144 features → 524,290; total 525,538.
    expect(cnnParamTable(512, 'flatten').total).toBe(80 + 1168 + 524_290);
    // global max-pooling: 16·2 + 2 = 34 whatever the size (the ai-ml-dl small CNN's 1,282).
    expect(cnnParamTable(64, 'global').total).toBe(1282);
    expect(cnnParamTable(512, 'global').total).toBe(1282);
    expect(float32Bytes(1282)).toBe(5128);
  });
});

describe('permutations', () => {
  it('a seeded permutation is a bijection, reproducible, and its inverse undoes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 1e6 }), (n, seed) => {
        const p = seededPermutation(n, seed);
        expect(isPermutation(p)).toBe(true);
        expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(seededPermutation(n, seed)).toEqual(p);
        const values = Float32Array.from({ length: n }, (_, i) => i * 0.5 - 3);
        const back = applyPermutation(applyPermutation(values, p), invertPermutation(p));
        expect(back).toEqual(values);
      }),
      { numRuns: 50 },
    );
  });

  it('different seeds shuffle differently; a permutation of 4,096 moves almost every pixel', () => {
    const a = seededPermutation(4096, 1);
    const b = seededPermutation(4096, 2);
    expect(a).not.toEqual(b);
    const fixed = [...a].filter((v, i) => v === i).length;
    expect(fixed).toBeLessThan(10); // about 1 expected
  });

  it('isPermutation rejects repeats and out-of-range entries; applyPermutation checks lengths', () => {
    expect(isPermutation([0, 2, 1])).toBe(true);
    expect(isPermutation([0, 0, 1])).toBe(false);
    expect(isPermutation([0, 3, 1])).toBe(false);
    expect(isPermutation([0, 1.5, 1])).toBe(false);
    expect(() => applyPermutation([1, 2], [0])).toThrow(RangeError);
    expect(() => seededPermutation(-1, 1)).toThrow(RangeError);
  });

  it('an MLP with permuted first-layer weights gives the same outputs on permuted inputs (random cases)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 64 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (inputs, hidden, mlpSeed, permSeed) => {
          const mlp = makeTinyMlp(inputs, hidden, 2, mlpSeed);
          const p = seededPermutation(inputs, permSeed);
          const x = Float32Array.from({ length: inputs }, (_, i) => Math.sin(i * 1.7 + mlpSeed));
          const y = tinyMlpForward(mlp, x);
          const yp = tinyMlpForward(permuteMlpInputs(mlp, p), applyPermutation(x, p));
          for (let k = 0; k < 2; k++) expect(Math.abs((y[k] ?? 0) - (yp[k] ?? 0))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the tiny MLP matches a hand computation', () => {
    const mlp = {
      inputs: 2,
      hidden: 2,
      outputs: 1,
      w1: Float64Array.from([1, -1, 2, 0.5]),
      b1: Float64Array.from([0, -10]),
      w2: Float64Array.from([3, 7]),
      b2: Float64Array.from([0.25]),
    };
    // h₁ = ReLU(1·2 − 1·1 + 0) = 1; h₂ = ReLU(2·2 + 0.5·1 − 10) = 0; y = 3·1 + 7·0 + 0.25.
    expect([...tinyMlpForward(mlp, [2, 1])]).toEqual([3.25]);
    expect(() => tinyMlpForward(mlp, [1])).toThrow(RangeError);
  });
});

describe('neighbourCorrelation', () => {
  const side = 64;
  const smooth = Float32Array.from({ length: side * side }, (_, i) => {
    const x = i % side;
    const y = Math.floor(i / side);
    return Math.sin(x / 6) + Math.cos(y / 9) + 0.02 * Math.sin(i * 12.9898);
  });

  it('is above 0.9 for a smooth image and near 0 once its pixels are shuffled', () => {
    expect(neighbourCorrelation(smooth, side, side)).toBeGreaterThan(0.9);
    for (const seed of [1, 2, 3]) {
      const r = neighbourCorrelation(
        applyPermutation(smooth, seededPermutation(side * side, seed)),
        side,
        side,
      );
      expect(Math.abs(r)).toBeLessThan(0.06); // ≈ ±2/√8064
    }
  });

  it('matches an independent Pearson computation on a small image, is −1 on a checkerboard, NaN when constant', () => {
    const img = [1, 2, 4, 3, 5, 9];
    // Pairs (horizontal, vertical) of the 3×2 image, each in both orders.
    const pairs = [
      [1, 2],
      [2, 4],
      [3, 5],
      [5, 9],
      [1, 3],
      [2, 5],
      [4, 9],
    ].flatMap(([a, b]) => [
      [a!, b!],
      [b!, a!],
    ]);
    const ma = pairs.reduce((s, p) => s + p[0]!, 0) / pairs.length;
    const mb = pairs.reduce((s, p) => s + p[1]!, 0) / pairs.length;
    const cov = pairs.reduce((s, p) => s + (p[0]! - ma) * (p[1]! - mb), 0);
    const va = pairs.reduce((s, p) => s + (p[0]! - ma) ** 2, 0);
    const vb = pairs.reduce((s, p) => s + (p[1]! - mb) ** 2, 0);
    expect(neighbourCorrelation(img, 3, 2)).toBeCloseTo(cov / Math.sqrt(va * vb), 12);
    const checker = Array.from({ length: 16 }, (_, i) => ((i % 4) + Math.floor(i / 4)) % 2);
    expect(neighbourCorrelation(checker, 4, 4)).toBeCloseTo(-1, 12);
    expect(neighbourCorrelation([5, 5, 5, 5], 2, 2)).toBeNaN();
    expect(() => neighbourCorrelation([1, 2, 3], 2, 2)).toThrow(RangeError);
  });
});

describe('patch and Sobel map', () => {
  it('crops at a percentage of the free range', () => {
    expect(cropStart(512, 64, 0)).toBe(0);
    expect(cropStart(512, 64, 100)).toBe(448);
    expect(cropStart(512, 64, 25)).toBe(112);
    expect(cropStart(64, 64, 50)).toBe(0);
    const img = Float32Array.from({ length: 100 * 80 }, (_, i) => i);
    const p = cropPatch(img, 100, 80, 50, 100, 8);
    expect([p.x0, p.y0]).toEqual([46, 72]);
    expect(p.data[0]).toBe(72 * 100 + 46);
    expect(p.data[8 + 1]).toBe(73 * 100 + 47);
    expect(() => cropPatch(img, 100, 80, 0, 0, 90)).toThrow(RangeError);
  });

  it('percentFor is the inverse of cropStart on whole percentages, clamped, 0 without a free range', () => {
    // 112 of the free range 448 is 25 %; a start beyond either end clamps.
    expect(percentFor(112, 512, 64)).toBe(25);
    expect(percentFor(-30, 512, 64)).toBe(0);
    expect(percentFor(900, 512, 64)).toBe(100);
    expect(percentFor(10, 64, 64)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 65, max: 600 }), fc.integer({ min: 0, max: 100 }), (length, pct) => {
        const start = cropStart(length, 64, pct);
        expect(cropStart(length, 64, percentFor(start, length, 64))).toBe(start);
      }),
      { numRuns: 100 },
    );
  });

  it('the Sobel map of a vertical step edge is 4·height at the edge and 0 elsewhere', () => {
    const side = 8;
    const img = Float32Array.from({ length: side * side }, (_, i) => (i % side >= 4 ? 1 : 0));
    const m = sobelMagnitudeMap(img, side);
    for (let y = 0; y < side; y++) {
      expect(m[y * side + 3]).toBeCloseTo(4, 6);
      expect(m[y * side + 4]).toBeCloseTo(4, 6);
      expect(m[y * side + 0]).toBe(0);
      expect(m[y * side + 7]).toBe(0);
    }
    // Two edge columns of 4 in 8: mean 1.
    expect(m.reduce((a, v) => a + v, 0) / m.length).toBeCloseTo(1, 6);
  });

  it('the study: MLP equal on original and permuted, the shuffle raises edge noise and kills correlation', () => {
    const side = 64;
    const smooth = Float32Array.from(
      { length: side * side },
      (_, i) => 0.5 + 0.4 * Math.sin((i % side) / 7) * Math.cos(Math.floor(i / side) / 11),
    );
    const s = permuteStudy(smooth, side, 3);
    expect(s.maxDifference).toBeLessThan(1e-9);
    expect(Math.abs((s.mlpNaive[0] ?? 0) - (s.mlpOriginal[0] ?? 0))).toBeGreaterThan(1e-6);
    expect(s.restoredDifferences).toBe(0);
    expect(s.original.correlation).toBeGreaterThan(0.9);
    expect(Math.abs(s.shuffledStats.correlation)).toBeLessThan(0.06);
    expect(s.shuffledStats.meanEdge).toBeGreaterThan(3 * s.original.meanEdge);
  });
});

describe('lineConfusion', () => {
  it('counts answers of the line w₁z₁ + w₂z₂ + b > 0 against the labels', () => {
    const rows = [
      [1, 0],
      [2, 1],
      [-1, 0],
      [-2, 3],
      [0.5, -5],
    ];
    const labels = [1, 0, 0, 1, 1];
    // z₁ > 0: says nodule for rows 0, 1, 4 → TP 0, 4; FP 1; TN 2; FN 3.
    const c = lineConfusion(rows, labels, { w1: 1, w2: 0, b: 0 });
    expect(c).toMatchObject({ tp: 2, fp: 1, tn: 1, fn: 1 });
    expect(c.accuracy).toBeCloseTo(3 / 5, 15);
    expect(c.sensitivity).toBeCloseTo(2 / 3, 15);
    expect(c.specificity).toBeCloseTo(1 / 2, 15);
  });
});

describe('formats', () => {
  it('writes numbers without Latin letters, with U+2212 minus and separators', () => {
    expect(fmtNum(0.795, 3)).toBe('0.795');
    expect(fmtNum(-1, 2)).toBe('−1');
    expect(fmtNum(-0.0001, 2)).toBe('0');
    expect(fmtTerm(-0.3)).toBe('(−0.3)');
    expect(fmtFixed(0.99961, 3)).toBe('1.000');
    expect(fmtFixed(-0.0049, 3)).toBe('−0.005');
    expect(fmtFixed(-0.0004, 3)).toBe('0.000');
    expect(fmtTerm(2)).toBe('2');
    expect(fmtInt(33_554_560)).toBe('33,554,560');
    expect(fmtInt(-1234)).toBe('−1,234');
    expect(fmtSig(2.220446049250313e-16, 2)).toBe('2.2×10⁻¹⁶');
    expect(fmtSig(0.123456789012, 6)).toBe('0.123457');
    expect(fmtSig(0, 6)).toBe('0');
    expect(fmtPercent(0.6875)).toBe('68.8%');
    expect(fmtPercent(Number.NaN)).toBe('—');
    expect(fmtMb(4 * 524_416)).toBe('2 MB');
    expect(fmtMb(4 * 33_554_560)).toBe('128 MB');
    expect(fmtMb(5128)).toBe('0.005 MB');
  });
});
