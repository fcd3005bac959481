/**
 * analyseGraph, from the definition alone: output shapes and parameters equal tfjs-layers' for
 * every zoo model; FLOPs and receptive fields worked by hand for TinyVGG, MobileNet's strided
 * 'same' stem and a transposed convolution; and receptive fields checked empirically: perturbing an
 * input pixel outside a unit's `receptiveBox` never changes the unit (every map unit of every zoo
 * model), and for a chain of convolutions with positive weights the pixels that do change a unit
 * fill exactly its box (clipped to the image). No tensor is left behind.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { analyseGraph, graphTotals, receptiveBox } from '../../../../src/core/models/analyseGraph';
import { mulberry32 } from '../../../../src/core/datasets/discPhantom';
import { describeModel } from '../../../../src/core/models/describeModel';
import { ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import type { LayerAnalysis, ModelGraph } from '../../../../src/core/models/zooTypes';
import { layerOutputs } from '../../helpers/layerOutputs';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('wasm');

const def = (id: string) => ZOO_MODELS.find((m) => m.id === id)!;
const byName = (a: readonly LayerAnalysis[]) => new Map(a.map((l) => [l.name, l]));

describe('analyseGraph against tfjs-layers', () => {
  it.each(ZOO_MODELS.map((m) => [m.id, m] as const))('%s: shapes and parameters per layer', async (_, d) => {
    await expectNoTensorLeak(tf, () => {
      const model = d.build(layers, 1);
      const a = analyseGraph(describeModel(model));
      a.forEach((l, i) => {
        const t = model.layers[i]!;
        expect(l.name).toBe(t.name);
        expect(l.outputShape, l.name).toEqual((t.outputShape as number[]).slice(1));
        expect(l.params, l.name).toBe(t.countParams());
        expect(l.flops).toBeGreaterThanOrEqual(0);
      });
      expect(graphTotals(a).params).toBe(model.countParams());
      model.dispose();
    });
  });
});

describe('hand-worked FLOPs and receptive fields', () => {
  it('TinyVGG: fields 3, 5, 6 (jump 2), 10, 14, 16 (jump 4); FLOPs layer by layer', async () => {
    const a = await expectNoTensorLeak(tf, () => {
      const model = def('tiny-vgg').build(layers, 1);
      const g = describeModel(model);
      model.dispose();
      return byName(analyseGraph(g));
    });
    const field = (n: string) => a.get(n)!.receptiveField;
    const f = (size: number, jump: number) => ({ size: [size, size], jump: [jump, jump], start: [0, 0] });
    expect(field('input')).toEqual(f(1, 1));
    expect(field('conv_1_1')).toEqual(f(3, 1));
    expect(field('conv_1_2')).toEqual(f(5, 1));
    expect(field('max_pool_1')).toEqual(f(6, 2));
    expect(field('conv_2_1')).toEqual(f(10, 2));
    expect(field('conv_2_2')).toEqual(f(14, 2));
    expect(field('max_pool_2')).toEqual(f(16, 4));
    expect(field('flatten')).toBeUndefined();
    expect(field('logits')).toBeUndefined();
    // the last pooled unit (12, 12) sees rows and columns 48…63: the bottom-right corner
    expect(receptiveBox(a.get('max_pool_2')!, 12, 12)).toEqual({
      row0: 48,
      column0: 48,
      rows: 16,
      columns: 16,
    });
    expect(receptiveBox(a.get('logits')!, 0, 0)).toBeUndefined();
    // per output unit: 2·(multiply-adds) + 1 bias + 1 ReLU
    const flops = (n: string) => a.get(n)!.flops;
    expect(flops('conv_1_1')).toBe(62 * 62 * 10 * (2 * 9 * 1 + 2)); // 768,800
    expect(flops('conv_1_2')).toBe(60 * 60 * 10 * (2 * 9 * 10 + 2)); // 6,552,000
    expect(flops('max_pool_1')).toBe(30 * 30 * 10 * 3); // 3 comparisons per 2×2 window
    expect(flops('conv_2_1')).toBe(28 * 28 * 10 * 182);
    expect(flops('conv_2_2')).toBe(26 * 26 * 10 * 182);
    expect(flops('max_pool_2')).toBe(13 * 13 * 10 * 3);
    expect(flops('flatten')).toBe(0);
    expect(flops('logits')).toBe(2 * (2 * 1690 + 1)); // linear: no activation cost
    expect(flops('probabilities')).toBe(2 * 3); // exp, sum, divide
    expect(graphTotals([...a.values()])).toEqual({ params: 6212, flops: 10_016_838 });
  });

  it("MobileNet's stem: TensorFlow's 'same' on 64 px with stride 2 pads 0 before and 1 after", async () => {
    const a = await expectNoTensorLeak(tf, () => {
      const model = def('mobilenet').build(layers, 1);
      const g = describeModel(model);
      model.dispose();
      return byName(analyseGraph(g));
    });
    // total padding (32 − 1)·2 + 3 − 64 = 1 → top ⌊1/2⌋ = 0: unit 0 sees pixels 0…2, unit u 2u…2u + 2
    expect(a.get('conv_stem')!.receptiveField).toEqual({ size: [3, 3], jump: [2, 2], start: [0, 0] });
    // dw_1 (3×3, stride 1, pad 1): r = 3 + 2·2 = 7, start 0 − 1·2 = −2
    expect(a.get('dw_1')!.receptiveField).toEqual({ size: [7, 7], jump: [2, 2], start: [-2, -2] });
    expect(a.get('pw_1')!.receptiveField).toEqual({ size: [7, 7], jump: [2, 2], start: [-2, -2] });
    // dw_2 (3×3, stride 2 on 32 px: total (16 − 1)·2 + 3 − 32 = 1, top 0): r = 7 + 2·2, jump 4
    expect(a.get('dw_2')!.receptiveField).toEqual({ size: [11, 11], jump: [4, 4], start: [-2, -2] });
    expect(receptiveBox(a.get('dw_1')!, 0, 31)).toEqual({ row0: -2, column0: 60, rows: 7, columns: 7 });
    expect(a.get('conv_stem')!.flops).toBe(32 * 32 * 16 * (2 * 9 + 2));
    expect(a.get('dw_1')!.flops).toBe(32 * 32 * 16 * (2 * 9 + 2)); // one channel per filter
    expect(a.get('pw_1')!.flops).toBe(32 * 32 * 32 * (2 * 16 + 2));
    expect(a.get('global_avg_pool')!.flops).toBe(128 * 8 * 8);
  });

  it("an odd size: 5 px, 3×3 stride 2 'same' pads 1 before; dilation 2 widens the field to 5", () => {
    const g: ModelGraph = {
      name: 'hand',
      layers: [
        { name: 'in', kind: 'input', inputs: [], outputShape: [5, 5, 1] },
        {
          name: 's',
          kind: 'conv2d',
          inputs: ['in'],
          outputShape: [3, 3, 1],
          kernel: [3, 3],
          strides: [2, 2],
          padding: 'same',
          filters: 1,
          activation: 'linear',
        },
        {
          name: 'd',
          kind: 'conv2d',
          inputs: ['in'],
          outputShape: [1, 1, 1],
          kernel: [3, 3],
          strides: [1, 1],
          dilation: [2, 2],
          padding: 'valid',
          filters: 1,
          useBias: false,
          activation: 'relu',
        },
      ],
    };
    const [, s, d] = analyseGraph(g);
    expect(s!.outputShape).toEqual([3, 3, 1]);
    expect(s!.receptiveField).toEqual({ size: [3, 3], jump: [2, 2], start: [-1, -1] });
    expect(receptiveBox(s!, 2, 0)).toEqual({ row0: 3, column0: -1, rows: 3, columns: 3 });
    expect(s!.flops).toBe(9 * (2 * 9 + 1)); // bias, no activation cost
    expect(d!.outputShape).toEqual([1, 1, 1]);
    expect(d!.receptiveField).toEqual({ size: [5, 5], jump: [1, 1], start: [0, 0] });
    expect(d!.params).toBe(9);
    expect(d!.flops).toBe(2 * 9 + 1); // no bias, ReLU
    expect(() => receptiveBox(s!, 3, 0)).toThrow(RangeError);
  });

  it("U-Net's 2×2 stride-2 transposed convolution: half-pixel jump, one input position per unit", async () => {
    const a = await expectNoTensorLeak(tf, () => {
      const model = def('unet').build(layers, 1);
      const g = describeModel(model);
      model.dispose();
      return byName(analyseGraph(g));
    });
    const up = a.get('up_2')!;
    expect(up.outputShape).toEqual([32, 32, 16]);
    expect(up.params).toBe(2 * 2 * 16 * 32 + 16);
    expect(up.flops).toBe(2 * 16 * 16 * 32 * 4 * 16 + 32 * 32 * 16 * 2);
    // bottleneck_conv_2: r, jump 4, start s → up_2: r + 4/2, jump 2, start s − 4/2
    const b = a.get('bottleneck_conv_2')!.receptiveField!;
    expect(up.receptiveField).toEqual({
      size: [b.size[0] + 2, b.size[1] + 2],
      jump: [2, 2],
      start: [b.start[0] - 2, b.start[1] - 2],
    });
    // concat_2 = union of up_2 and enc_2_conv_2 (same jump): the wider of the two
    const e = a.get('enc_2_conv_2')!.receptiveField!;
    const c = a.get('concat_2')!.receptiveField!;
    expect(c.jump).toEqual([2, 2]);
    expect(c.start[0]).toBe(Math.min(e.start[0], up.receptiveField!.start[0]));
  });
});

/** A 13×13 chain with every operation the field rules cover: strided 'same', dilation, depthwise, pools, add, concat, transpose. */
function positiveChain(): tfl.LayersModel {
  const L = layers.layers;
  const ones = () => layers.initializers.randomUniform({ minval: 0.1, maxval: 1, seed: 7 });
  const conv = (
    x: tfl.SymbolicTensor,
    name: string,
    k: number,
    o: { strides?: number; dilation?: number; padding?: 'same' | 'valid' },
  ) =>
    L.conv2d({
      name,
      filters: 2,
      kernelSize: k,
      strides: o.strides ?? 1,
      dilationRate: o.dilation ?? 1,
      padding: o.padding ?? 'same',
      kernelInitializer: ones(),
    }).apply(x) as tfl.SymbolicTensor;
  const x = layers.input({ shape: [13, 13, 1], name: 'input' });
  const a = conv(x, 'a', 3, {});
  const b = conv(a, 'b', 3, { strides: 2 }); // 13 → 7, pads 1 before
  const c = L.depthwiseConv2d({
    name: 'c',
    kernelSize: 3,
    padding: 'same',
    depthwiseInitializer: ones(),
  }).apply(b) as tfl.SymbolicTensor;
  const d = conv(c, 'd', 2, { dilation: 2, padding: 'valid' }); // 7 → 5
  const skip = L.averagePooling2d({ name: 'skip', poolSize: 3, strides: 1 }).apply(b) as tfl.SymbolicTensor; // 7 → 5
  const sum = L.add({ name: 'sum' }).apply([d, skip]) as tfl.SymbolicTensor;
  const e = conv(sum, 'e', 3, { strides: 2, padding: 'valid' }); // 5 → 2, jump 4
  const pooled = L.averagePooling2d({ name: 'pooled', poolSize: 3, strides: 2, padding: 'same' }).apply(
    sum,
  ) as tfl.SymbolicTensor; // 5 → 3, jump 4
  const cat = L.concatenate({ name: 'cat' }).apply([
    L.averagePooling2d({ name: 'cat_a', poolSize: 2, strides: 1 }).apply(pooled) as tfl.SymbolicTensor, // 3 → 2
    e,
  ]) as tfl.SymbolicTensor;
  const up = L.conv2dTranspose({
    name: 'up',
    filters: 2,
    kernelSize: 3,
    strides: 2,
    padding: 'same',
    kernelInitializer: ones(),
  }).apply(cat) as tfl.SymbolicTensor;
  return layers.model({ inputs: x, outputs: up });
}

/**
 * For every map unit of every layer: the box of pixels whose perturbation changes the unit
 * (perturbing each pixel in `pixels`, one image each, in one batch), next to the receptive box.
 */
function influence(model: tfl.LayersModel, pixels: readonly [number, number][], seed: number) {
  const analysis = analyseGraph(describeModel(model));
  const maps = analysis.filter((l) => l.receptiveField && l.kind !== 'input');
  const [H, W] = analysis[0]!.outputShape as [number, number];
  const random = mulberry32(seed);
  const base = Float32Array.from({ length: H * W }, () => random());
  const batch = new Float32Array((pixels.length + 1) * H * W);
  batch.set(base);
  pixels.forEach(([y, x], k) => {
    const at = (k + 1) * H * W;
    batch.set(base, at);
    batch[at + y * W + x] = base[y * W + x]! + 1;
  });
  const values = layerOutputs(
    model,
    maps.map((l) => l.name),
    batch,
    [pixels.length + 1, H, W, 1],
  ).map((o) => o.values);
  return { maps, values, H, W };
}

describe('receptive fields, empirically', () => {
  it.each(ZOO_MODELS.filter((m) => m.id !== 'mlp').map((m) => [m.id, m] as const))(
    '%s: a pixel outside a unit’s box never changes it',
    async (_, d) => {
      await expectNoTensorLeak(tf, () => {
        const model = d.build(layers, 3);
        const random = mulberry32(11);
        const pixels: [number, number][] = [
          [0, 0],
          [0, 63],
          [63, 0],
          [63, 63],
          [0, 31],
          [31, 0],
          [63, 32],
          [32, 63],
          [31, 31],
          [32, 32],
        ];
        for (let k = 0; k < 14; k++) pixels.push([Math.floor(random() * 64), Math.floor(random() * 64)]);
        const { maps, values } = influence(model, pixels, 5);
        let outside = 0;
        let insideChanged = 0;
        const violations: string[] = [];
        maps.forEach((layer, li) => {
          const [h, w, c] = layer.outputShape as [number, number, number];
          const v = values[li]!;
          const n = h * w * c;
          const boxes = Array.from({ length: h * w }, (_, p) =>
            receptiveBox(layer, Math.floor(p / w), p % w)!,
          );
          pixels.forEach(([py, px], k) => {
            boxes.forEach((box, p) => {
              const inBox =
                py >= box.row0 &&
                py < box.row0 + box.rows &&
                px >= box.column0 &&
                px < box.column0 + box.columns;
              for (let ch = 0; ch < c; ch++) {
                const i = p * c + ch;
                const changed = v[(k + 1) * n + i] !== v[i];
                if (inBox) insideChanged += changed ? 1 : 0;
                else {
                  outside++;
                  if (changed)
                    violations.push(`${layer.name} unit ${p}/${ch} changed by pixel (${py}, ${px})`);
                }
              }
            });
          });
        });
        expect(violations.slice(0, 5)).toEqual([]);
        expect(outside).toBeGreaterThan(1000);
        expect(insideChanged).toBeGreaterThan(100);
        model.dispose();
      });
    },
  );

  /**
   * For every map unit (channel 0; with positive weights all channels see the same pixels): the
   * bounding box of the pixels whose perturbation changes it, next to its receptive box clipped to
   * the image. `bounded` layers (at or after a transposed convolution) only need to lie within the
   * box, at most `slack` pixels narrower on a side; every other layer must match it exactly.
   */
  function compareBoxes(model: tfl.LayersModel, bounded: ReadonlySet<string>, slack: number) {
    const [H, W] = (model.inputs[0]!.shape as number[]).slice(1) as [number, number];
    const pixels: [number, number][] = [];
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) pixels.push([y, x]);
    const { maps, values } = influence(model, pixels, 9);
    let exact = 0;
    let widest = 0;
    maps.forEach((layer, li) => {
      const [h, w, c] = layer.outputShape as [number, number, number];
      const v = values[li]!;
      const n = h * w * c;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * c;
          const hit = pixels.filter(
            (_, k) => Math.abs(v[(k + 1) * n + i]! - v[i]!) > 1e-6 * Math.max(1, Math.abs(v[i]!)),
          );
          const seen = {
            r0: Math.min(...hit.map((p) => p[0])),
            r1: Math.max(...hit.map((p) => p[0])),
            c0: Math.min(...hit.map((p) => p[1])),
            c1: Math.max(...hit.map((p) => p[1])),
          };
          const box = receptiveBox(layer, y, x)!;
          const clip = {
            r0: Math.max(0, box.row0),
            r1: Math.min(H - 1, box.row0 + box.rows - 1),
            c0: Math.max(0, box.column0),
            c1: Math.min(W - 1, box.column0 + box.columns - 1),
          };
          const where = `${layer.name} (${y}, ${x})`;
          if (!bounded.has(layer.name)) {
            expect(seen, where).toEqual(clip);
            exact++;
            continue;
          }
          for (const gap of [seen.r0 - clip.r0, clip.r1 - seen.r1, seen.c0 - clip.c0, clip.c1 - seen.c1]) {
            expect(gap, where).toBeGreaterThanOrEqual(0);
            expect(gap, where).toBeLessThanOrEqual(slack);
            widest = Math.max(widest, gap);
          }
        }
    });
    return { exact, widest };
  }

  it('a positive chain (strided same, dilation, depthwise, pools, add, concat): the pixels that change a unit fill its box', async () => {
    await expectNoTensorLeak(tf, () => {
      const model = positiveChain();
      const { exact } = compareBoxes(model, new Set(['up']), 4);
      expect(exact).toBeGreaterThan(150);
      model.dispose();
    });
  });

  it('after a 3×3 stride-2 transposed convolution the box holds the field, at most (s − 1)·j_in/s = 2 px wider a side', async () => {
    await expectNoTensorLeak(tf, () => {
      const L = layers.layers;
      const init = () => layers.initializers.randomUniform({ minval: 0.1, maxval: 1, seed: 3 });
      const conv = (
        x: tfl.SymbolicTensor,
        name: string,
        k: number,
        strides: number,
        padding: 'valid' | 'same',
      ) =>
        L.conv2d({ name, filters: 2, kernelSize: k, strides, padding, kernelInitializer: init() }).apply(
          x,
        ) as tfl.SymbolicTensor;
      const x = layers.input({ shape: [16, 16, 1], name: 'input' });
      const down = conv(conv(x, 'd1', 2, 2, 'valid'), 'd2', 2, 2, 'valid'); // 4×4, field 4, jump 4
      const t = L.conv2dTranspose({
        name: 't',
        filters: 2,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        kernelInitializer: init(),
      }).apply(down) as tfl.SymbolicTensor; // 8×8: even units exact, odd units 2 px narrower than the box a side
      const model = layers.model({ inputs: x, outputs: conv(t, 't_conv', 3, 1, 'same') });
      const { exact, widest } = compareBoxes(model, new Set(['t', 't_conv']), 2);
      expect(exact).toBe(8 * 8 + 4 * 4);
      expect(widest).toBe(2); // the bound is reached
      model.dispose();
    });
  });
});
