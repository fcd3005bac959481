/**
 * The acceptance test of click-to-explain: for every zoo model with random weights AND random
 * non-zero biases, every layer's units (random ones, corners, edges; all of them for small layers)
 * are recomputed by `explainUnit` from the forward pass's plain arrays and equal tfjs's own
 * activations within 1e-4·max(1, |v|); each weighted sum adds up exactly (Σ products + bias =
 * preActivation, in the terms' order) and every term reads the value the forward pass holds at its
 * source. Also: a Sequential model with a softmax dense layer, a model of the odd cases (depth
 * multiplier 2, softmax conv, 'valid' transposed conv with k > s, 'same' pooling), hand-worked
 * numbers, and the errors. No tensor is left behind.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/datasets/discPhantom';
import { describeModel } from '../../../../src/core/models/describeModel';
import { explainUnit, softmaxAt, type LayerWeights } from '../../../../src/core/models/explainUnit';
import { createTinyVgg } from '../../../../src/core/models/tinyVgg';
import { ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import type { LayerKind, LayerOutput, ModelGraph, UnitRef } from '../../../../src/core/models/zooTypes';
import { layerOutputs } from '../../helpers/layerOutputs';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');

/** Replaces every bias by random values of magnitude 0.05…0.5 and either sign (kernels kept). */
function randomBiases(model: tfl.LayersModel, seed: number): void {
  const random = mulberry32(seed);
  const fresh = model.weights.map((w) =>
    w.shape.length === 1
      ? tf.tensor1d(
          Float32Array.from(
            { length: w.shape[0]! },
            () => (random() < 0.5 ? -1 : 1) * (0.05 + 0.45 * random()),
          ),
        )
      : null,
  );
  const values = model.getWeights().map((v, i) => fresh[i] ?? v);
  model.setWeights(values);
  tf.dispose(fresh.filter((t): t is tfc.Tensor1D => t !== null));
}

/** One forward pass of `input` through every layer (a multi-output model over the same layers). */
function forwardAll(model: tfl.LayersModel, graph: ModelGraph, input: Float32Array): LayerOutput[] {
  const names = graph.layers.map((l) => l.name);
  return layerOutputs(model, names, input, [1, ...graph.layers[0]!.outputShape]).map((o, i) => ({
    name: names[i]!,
    ...o,
  }));
}

/** A layer's weights as plain arrays (tfjs layouts), read once. */
function weightsReader(model: tfl.LayersModel): (name: string) => LayerWeights {
  const cache = new Map<string, LayerWeights>();
  return (name) => {
    let w = cache.get(name);
    if (!w) {
      // getWeights() returns the variables' own tensors: read them, never dispose them
      const [k, b] = model.getLayer(name).getWeights();
      w = {
        kernel: k ? (k.dataSync().slice() as Float32Array) : null,
        kernelShape: k ? k.shape : [],
        bias: b ? (b.dataSync().slice() as Float32Array) : null,
      };
      cache.set(name, w);
    }
    return w;
  };
}

/** Units to check: all when there are ≤ 24, else the corners and edge midpoints of the first and last channels plus random ones (≥ 20). */
function unitsOf(layer: string, shape: readonly number[], random: () => number): UnitRef[] {
  const pick = (n: number) => Math.floor(random() * n);
  if (shape.length !== 3) {
    const n = shape[0]!;
    if (n <= 24) return Array.from({ length: n }, (_, channel) => ({ layer, row: 0, column: 0, channel }));
    return [0, n - 1, ...Array.from({ length: 20 }, () => pick(n))].map((channel) => ({
      layer,
      row: 0,
      column: 0,
      channel,
    }));
  }
  const [H, W, C] = shape as [number, number, number];
  if (H * W * C <= 24) {
    const all: UnitRef[] = [];
    for (let row = 0; row < H; row++)
      for (let column = 0; column < W; column++)
        for (let channel = 0; channel < C; channel++) all.push({ layer, row, column, channel });
    return all;
  }
  const spots: [number, number][] = [
    [0, 0],
    [0, W - 1],
    [H - 1, 0],
    [H - 1, W - 1],
    [0, W >> 1],
    [H - 1, W >> 1],
    [H >> 1, 0],
    [H >> 1, W - 1],
  ];
  const units = spots.flatMap(([row, column]) => [
    { layer, row, column, channel: 0 },
    { layer, row, column, channel: C - 1 },
  ]);
  for (let k = 0; k < 12; k++) units.push({ layer, row: pick(H), column: pick(W), channel: pick(C) });
  return units;
}

/**
 * Checks every chosen unit of every layer: value = tfjs's activation (1e-4·max(1, |v|)), the sum adds
 * up exactly, and each term reads the forward pass. Returns the kinds checked and the worst error.
 */
function checkModel(
  model: tfl.LayersModel,
  seed: number,
): { kinds: Set<LayerKind>; worst: number; units: number } {
  const graph = describeModel(model);
  const random = mulberry32(seed);
  const shape = graph.layers[0]!.outputShape;
  const input = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random());
  const outputs = forwardAll(model, graph, input);
  const byName = new Map(outputs.map((o) => [o.name, o]));
  const weightsOf = weightsReader(model);
  const kinds = new Set<LayerKind>();
  let worst = 0;
  let units = 0;
  for (const layer of graph.layers) {
    const out = byName.get(layer.name)!;
    expect(out.shape).toEqual(layer.outputShape);
    for (const u of unitsOf(layer.name, layer.outputShape, random)) {
      const e = explainUnit(graph, u, outputs, weightsOf);
      const index =
        out.shape.length === 3 ? (u.row * out.shape[1]! + u.column) * out.shape[2]! + u.channel : u.channel;
      const v = out.values[index]!;
      const err = Math.abs(e.value - v) / Math.max(1, Math.abs(v));
      worst = Math.max(worst, err);
      expect(
        err,
        `${layer.name} (${u.row}, ${u.column}, ${u.channel}): ${e.value} vs tfjs ${v}`,
      ).toBeLessThanOrEqual(1e-4);
      if (e.kind === 'weighted-sum') {
        let sum = 0;
        for (const t of e.terms) {
          sum += t.product;
          expect(t.product).toBe(t.input * t.weight);
          const src = byName.get(t.source.layer)!;
          const s = src.shape;
          const at =
            s.length === 3
              ? src.values[(t.source.row * s[1]! + t.source.column) * s[2]! + t.source.channel]
              : src.values[t.source.channel];
          expect(t.input).toBe(t.padded ? 0 : at);
        }
        expect(e.sum).toBe(sum);
        expect(e.preActivation).toBe(sum + e.bias);
        if (weightsOf(layer.name).bias) expect(e.bias).not.toBe(0);
      } else if (e.kind !== 'input') {
        for (const s of e.sources) {
          const src = byName.get(s.layer)!;
          const sh = src.shape;
          const at =
            sh.length === 3
              ? src.values[(s.row * sh[1]! + s.column) * sh[2]! + s.channel]
              : src.values[s.channel];
          expect(s.input).toBe(at);
        }
        if (e.kind === 'pool' && e.argmax !== undefined) expect(e.sources[e.argmax]!.input).toBe(e.value);
      }
      units++;
    }
    kinds.add(layer.kind);
  }
  return { kinds, worst, units };
}

describe('explainUnit = tfjs, every layer of every zoo model (random weights and biases)', () => {
  const seen = new Set<LayerKind>();

  it.each(ZOO_MODELS.map((m, i) => [m.id, m, i] as const))('%s', async (_, def, i) => {
    await expectNoTensorLeak(tf, () => {
      const model = def.build(layers, 1 + i);
      try {
        randomBiases(model, 100 + i);
        const r = checkModel(model, 200 + i);
        for (const k of r.kinds) seen.add(k);
        expect(r.units).toBeGreaterThan(20);
        console.info(`${def.id}: ${r.units} units, worst relative error ${r.worst.toExponential(2)}`);
      } finally {
        model.dispose();
      }
    });
  });

  it('covered every layer kind the zoo uses', () => {
    expect([...seen].sort()).toEqual(
      [
        'input',
        'conv2d',
        'depthwiseConv2d',
        'conv2dTranspose',
        'dense',
        'maxPool',
        'avgPool',
        'globalAvgPool',
        'flatten',
        'add',
        'concatenate',
        'activation',
      ].sort(),
    );
  });
});

describe('explainUnit on other models', () => {
  it('a Sequential TinyVGG whose output is a softmax dense layer', async () => {
    await expectNoTensorLeak(tf, () => {
      const model = createTinyVgg(layers, { seed: 4 });
      try {
        randomBiases(model, 5);
        expect(checkModel(model, 6).kinds.has('dense')).toBe(true);
      } finally {
        model.dispose();
      }
    });
  });

  it('odd cases: depth multiplier 2, softmax conv, valid transposed conv with k > s, same pooling, concat, a sigmoid dense layer', async () => {
    await expectNoTensorLeak(tf, () => {
      const L = layers.layers;
      const init = (seed: number) => layers.initializers.glorotUniform({ seed });
      const x = layers.input({ shape: [9, 9, 2], name: 'input' });
      const dw = L.depthwiseConv2d({
        name: 'dw',
        kernelSize: 3,
        depthMultiplier: 2,
        padding: 'same',
        activation: 'relu',
        depthwiseInitializer: init(1),
      }).apply(x) as tfl.SymbolicTensor;
      const sm = L.conv2d({
        name: 'sm',
        filters: 3,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'softmax',
        kernelInitializer: init(2),
      }).apply(dw) as tfl.SymbolicTensor; // 5×5×3
      const up = L.conv2dTranspose({
        name: 'up',
        filters: 2,
        kernelSize: 3,
        strides: 2,
        padding: 'valid',
        activation: 'tanh',
        kernelInitializer: init(3),
      }).apply(sm) as tfl.SymbolicTensor; // 11×11×2
      const pool = L.averagePooling2d({ name: 'pool', poolSize: 3, strides: 2, padding: 'same' }).apply(
        up,
      ) as tfl.SymbolicTensor; // 6×6
      const mx = L.maxPooling2d({ name: 'mx', poolSize: 2, strides: 2, padding: 'same' }).apply(
        up,
      ) as tfl.SymbolicTensor; // 6×6
      const cat = L.concatenate({ name: 'cat' }).apply([pool, mx]) as tfl.SymbolicTensor;
      const vec = L.globalAveragePooling2d({ name: 'gap' }).apply(cat) as tfl.SymbolicTensor;
      const out = L.dense({ name: 'out', units: 3, activation: 'sigmoid', kernelInitializer: init(4) }).apply(
        vec,
      ) as tfl.SymbolicTensor;
      const model = layers.model({ inputs: x, outputs: out });
      try {
        randomBiases(model, 7);
        const r = checkModel(model, 8);
        expect(r.units).toBeGreaterThan(100);
      } finally {
        model.dispose();
      }
    });
  });
});

describe('explainUnit by hand', () => {
  // 3×3 one-channel input 1…9; conv 3×3 'same' with weights 1…9 and bias 0.5, ReLU
  const graph: ModelGraph = {
    name: 'hand',
    layers: [
      { name: 'in', kind: 'input', inputs: [], outputShape: [3, 3, 1] },
      {
        name: 'c',
        kind: 'conv2d',
        inputs: ['in'],
        outputShape: [3, 3, 1],
        kernel: [3, 3],
        strides: [1, 1],
        dilation: [1, 1],
        padding: 'same',
        filters: 1,
        useBias: true,
        activation: 'relu',
      },
      { name: 'f', kind: 'flatten', inputs: ['c'], outputShape: [9] },
      { name: 's', kind: 'activation', inputs: ['f'], outputShape: [9], activation: 'softmax' },
    ],
  };
  const x = Float32Array.from({ length: 9 }, (_, k) => k + 1);
  const w: LayerWeights = {
    kernel: Float32Array.from({ length: 9 }, (_, k) => k + 1),
    kernelShape: [3, 3, 1, 1],
    bias: Float32Array.of(0.5),
  };
  const weightsOf = (name: string): LayerWeights =>
    name === 'c' ? w : { kernel: null, kernelShape: [], bias: null };
  // conv outputs, computed by hand: (0, 0) = 5·1 + 6·2 + 8·4 + 9·5 + 0.5 = 94.5
  const conv = Float32Array.of(94.5, 154.5, 106.5, 186.5, 285.5, 186.5, 106.5, 154.5, 94.5);
  const outputs: LayerOutput[] = [
    { name: 'in', shape: [3, 3, 1], values: x },
    { name: 'c', shape: [3, 3, 1], values: conv },
    { name: 'f', shape: [9], values: conv },
    { name: 's', shape: [9], values: new Float32Array(9) },
  ];

  it('a corner of a same convolution: 5 taps in the padding, 4 real ones', () => {
    const e = explainUnit(graph, { layer: 'c', row: 0, column: 0, channel: 0 }, outputs, weightsOf);
    if (e.kind !== 'weighted-sum') throw new Error(e.kind);
    expect(e.terms).toHaveLength(9);
    expect(e.terms.filter((t) => t.padded)).toHaveLength(5);
    expect(
      e.terms.filter((t) => !t.padded).map((t) => [t.source.row, t.source.column, t.input, t.weight]),
    ).toEqual([
      [0, 0, 1, 5],
      [0, 1, 2, 6],
      [1, 0, 4, 8],
      [1, 1, 5, 9],
    ]);
    expect(e).toMatchObject({ sum: 94, bias: 0.5, preActivation: 94.5, activation: 'relu', value: 94.5 });
    const centre = explainUnit(graph, { layer: 'c', row: 1, column: 1, channel: 0 }, outputs, weightsOf);
    expect(centre.value).toBe(285.5); // Σ k² for k = 1…9 = 285, + 0.5
  });

  it('flatten copies one value (row-major HWC); softmax uses the whole vector', () => {
    const f = explainUnit(graph, { layer: 'f', row: 0, column: 0, channel: 5 }, outputs, weightsOf);
    expect(f).toEqual({
      kind: 'elementwise',
      op: 'flatten',
      sources: [{ layer: 'c', row: 1, column: 2, channel: 0, input: 186.5 }],
      value: 186.5,
    });
    const s = explainUnit(graph, { layer: 's', row: 0, column: 0, channel: 4 }, outputs, weightsOf);
    if (s.kind !== 'elementwise') throw new Error(s.kind);
    expect(s.sources).toHaveLength(9);
    const z = Array.from(conv);
    expect(s.value).toBeCloseTo(Math.exp(285.5) / z.reduce((a, v) => a + Math.exp(v), 0), 12);
    expect(softmaxAt([1000, 1000], 0)).toBe(0.5); // no overflow
  });

  it('refuses units outside the layer, vector units with a row or column, and unknown layers', () => {
    const ask = (u: Partial<UnitRef>) => () =>
      explainUnit(graph, { layer: 'c', row: 0, column: 0, channel: 0, ...u }, outputs, weightsOf);
    expect(ask({ row: 3 })).toThrow(RangeError);
    expect(ask({ row: 3 })).toThrow(/outside layer 'c', whose maps are 3×3/);
    expect(ask({ column: -1 })).toThrow(RangeError);
    expect(ask({ channel: 1 })).toThrow(/has 1 channel\(s\), numbered 0 to 0; there is no channel 1/);
    expect(ask({ layer: 'f', channel: 9 })).toThrow(/has 9 unit\(s\), numbered 0 to 8; there is no unit 9/);
    expect(ask({ layer: 'f', row: 1 })).toThrow(/outputs a vector/);
    expect(ask({ layer: 'nope' })).toThrow(/has no layer named 'nope'/);
    expect(() =>
      explainUnit(graph, { layer: 'c', row: 0, column: 0, channel: 0 }, outputs.slice(1), weightsOf),
    ).toThrow(/no output for layer 'in'/);
    expect(() =>
      explainUnit(graph, { layer: 'c', row: 0, column: 0, channel: 0 }, outputs, () => ({
        ...w,
        kernelShape: [3, 3, 1, 2],
      })),
    ).toThrow(/kernel of shape \[3, 3, 1, 2\] but its definition needs \[3, 3, 1, 1\]/);
  });
});
