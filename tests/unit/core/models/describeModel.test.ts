/**
 * describeModel reads every zoo model (and a Sequential model) into the plain graph the explainer
 * uses: names, kinds, settings, inputs and output shapes agree with tfjs-layers; layers that are the
 * identity at inference are left out; everything else the explainer cannot compute is refused with
 * a message a student can act on, in both languages. No tensor is left behind.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import {
  describeModel,
  UNSUPPORTED_MODEL_MESSAGES,
  UnsupportedModelError,
  type UnsupportedModelCode,
} from '../../../../src/core/models/describeModel';
import { createTinyVgg } from '../../../../src/core/models/tinyVgg';
import { ZOO_MODELS } from '../../../../src/core/models/zooCatalog';
import type { LayerKind } from '../../../../src/core/models/zooTypes';
import { expectGoodLocalized } from '../../helpers/chineseText';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';
import { layers, startTf, tf } from '../../helpers/tfBackend';

startTf('cpu');

const CLASS_OF: Record<LayerKind, string[]> = {
  input: ['InputLayer'],
  conv2d: ['Conv2D'],
  depthwiseConv2d: ['DepthwiseConv2D'],
  conv2dTranspose: ['Conv2DTranspose'],
  dense: ['Dense'],
  maxPool: ['MaxPooling2D'],
  avgPool: ['AveragePooling2D'],
  globalAvgPool: ['GlobalAveragePooling2D'],
  flatten: ['Flatten'],
  add: ['Add'],
  concatenate: ['Concatenate'],
  activation: ['Activation', 'ReLU', 'Softmax'],
};

/** Runs `build`, disposes the model it returns, and checks that nothing leaks. */
async function withModel<T>(
  build: () => tfl.LayersModel,
  read: (m: tfl.LayersModel) => T,
  after?: () => void,
): Promise<T> {
  return expectNoTensorLeak(tf, () => {
    const m = build();
    try {
      return read(m);
    } finally {
      m.dispose();
      after?.();
    }
  });
}

/** The UnsupportedModelError that `fn` throws (fails the test when it throws nothing or something else). */
function refusal(fn: () => unknown): UnsupportedModelError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UnsupportedModelError);
    return e as UnsupportedModelError;
  }
  throw new Error('expected an UnsupportedModelError');
}

describe('describeModel on the zoo', () => {
  it.each(ZOO_MODELS.map((m) => [m.id, m] as const))(
    '%s: layers, kinds, inputs and shapes agree with tfjs',
    async (_, def) => {
      await withModel(
        () => def.build(layers, 1),
        (model) => {
          const g = describeModel(model);
          expect(g.name).toBe(model.name);
          expect(g.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
          expect(g.layers[0]!.kind).toBe('input');
          expect(g.layers.at(-1)!.name).toBe(model.outputLayers[0]!.name);
          g.layers.forEach((l, i) => {
            const t = model.layers[i]!;
            expect(CLASS_OF[l.kind]).toContain(t.getClassName());
            expect(l.inputs).toEqual(t.inboundNodes[0]!.inboundLayers.map((x) => x.name));
            expect(l.outputShape).toEqual((t.outputShape as number[]).slice(1));
            if (l.filters !== undefined)
              expect(l.filters).toBe(t.getConfig()[l.kind === 'dense' ? 'units' : 'filters']);
          });
        },
      );
    },
  );

  it('records each kind’s settings', async () => {
    const byName = async (id: string) =>
      withModel(
        () => ZOO_MODELS.find((m) => m.id === id)!.build(layers, 1),
        (m) => new Map(describeModel(m).layers.map((l) => [l.name, l])),
      );
    const vgg = await byName('tiny-vgg');
    expect(vgg.get('conv_1_1')).toEqual({
      name: 'conv_1_1',
      kind: 'conv2d',
      inputs: ['input'],
      outputShape: [62, 62, 10],
      kernel: [3, 3],
      strides: [1, 1],
      dilation: [1, 1],
      padding: 'valid',
      filters: 10,
      useBias: true,
      activation: 'relu',
    });
    expect(vgg.get('max_pool_1')).toMatchObject({
      kind: 'maxPool',
      kernel: [2, 2],
      strides: [2, 2],
      padding: 'valid',
    });
    expect(vgg.get('logits')).toMatchObject({
      kind: 'dense',
      filters: 2,
      activation: 'linear',
      inputs: ['flatten'],
    });
    expect(vgg.get('probabilities')).toMatchObject({
      kind: 'activation',
      activation: 'softmax',
      outputShape: [2],
    });
    const mobile = await byName('mobilenet');
    expect(mobile.get('dw_2')).toMatchObject({
      kind: 'depthwiseConv2d',
      kernel: [3, 3],
      strides: [2, 2],
      padding: 'same',
      depthMultiplier: 1,
      outputShape: [16, 16, 32],
    });
    expect(mobile.get('global_avg_pool')).toMatchObject({ kind: 'globalAvgPool', outputShape: [128] });
    const unet = await byName('unet');
    const up = unet.get('up_2')!;
    expect(up).toMatchObject({
      kind: 'conv2dTranspose',
      kernel: [2, 2],
      strides: [2, 2],
      padding: 'same',
      filters: 16,
    });
    expect(up.dilation).toBeUndefined();
    expect(unet.get('concat_2')).toMatchObject({
      kind: 'concatenate',
      inputs: ['up_2', 'enc_2_conv_2'],
      axis: -1,
    });
    expect(unet.get('mask')).toMatchObject({ activation: 'sigmoid', outputShape: [64, 64, 1] });
    const resnet = await byName('resnet');
    expect(resnet.get('block_1_add')).toMatchObject({
      kind: 'add',
      inputs: ['block_1_conv_2', 'block_1_project'],
    });
    expect(resnet.get('block_3_add')).toMatchObject({
      kind: 'add',
      inputs: ['block_3_conv_2', 'block_2_relu'],
    });
    expect(resnet.get('block_1_relu')).toMatchObject({ kind: 'activation', activation: 'relu' });
    const lenet = await byName('lenet5');
    expect(lenet.get('avg_pool_2')).toMatchObject({ kind: 'avgPool', outputShape: [13, 13, 16] });
  });
});

describe('describeModel on other models', () => {
  it('reads a Sequential model, its implicit input layer first', async () => {
    await withModel(
      () => createTinyVgg(layers),
      (model) => {
        const g = describeModel(model);
        expect(g.layers.map((l) => l.kind)).toEqual([
          'input',
          'conv2d',
          'conv2d',
          'maxPool',
          'conv2d',
          'conv2d',
          'maxPool',
          'flatten',
          'dense',
        ]);
        expect(g.layers[0]!.outputShape).toEqual([64, 64, 1]);
        expect(g.layers[1]!.inputs).toEqual([g.layers[0]!.name]);
        expect(g.layers.at(-1)).toMatchObject({ name: 'output', activation: 'softmax', inputs: ['flatten'] });
      },
    );
  });

  it('records useBias: false, ReLU and Softmax layers, and leaves Dropout out (the identity at inference)', async () => {
    await withModel(
      () => {
        const x = layers.input({ shape: [6, 6, 1], name: 'in' });
        let y = layers.layers
          .conv2d({ name: 'c', filters: 2, kernelSize: 3, useBias: false })
          .apply(x) as tfl.SymbolicTensor;
        y = layers.layers.reLU({ name: 'r' }).apply(y) as tfl.SymbolicTensor;
        y = layers.layers.dropout({ name: 'drop', rate: 0.5 }).apply(y) as tfl.SymbolicTensor;
        y = layers.layers.flatten({ name: 'f' }).apply(y) as tfl.SymbolicTensor;
        y = layers.layers.dense({ name: 'd', units: 3 }).apply(y) as tfl.SymbolicTensor;
        y = layers.layers.softmax({ name: 's', axis: -1 }).apply(y) as tfl.SymbolicTensor;
        return layers.model({ inputs: x, outputs: y });
      },
      (model) => {
        const g = describeModel(model);
        expect(g.layers.map((l) => l.name)).toEqual(['in', 'c', 'r', 'f', 'd', 's']);
        expect(g.layers[1]).toMatchObject({ useBias: false, activation: 'linear' });
        expect(g.layers[2]).toMatchObject({ kind: 'activation', activation: 'relu' });
        expect(g.layers[3]!.inputs).toEqual(['r']); // read through the dropout
        expect(g.layers[5]).toMatchObject({ kind: 'activation', activation: 'softmax' });
      },
    );
  });
});

describe('describeModel records what tfjs computes', () => {
  it("a depthwise layer's dilation as 1: tfjs-layers 4.22 ignores DepthwiseConv2D's dilationRate", async () => {
    await withModel(
      () => {
        const x = layers.input({ shape: [7, 7, 1], name: 'in' });
        const y = layers.layers
          .depthwiseConv2d({ name: 'dw', kernelSize: 3, dilationRate: 2, padding: 'valid' })
          .apply(x) as tfl.SymbolicTensor;
        return layers.model({ inputs: x, outputs: y });
      },
      (model) => {
        expect(model.getLayer('dw').getConfig().dilationRate).toEqual([2, 2]);
        // 7 − 3 + 1 = 5: the undilated size (with dilation 2 it would be 7 − 5 + 1 = 3)
        expect(model.outputs[0]!.shape).toEqual([null, 5, 5, 1]);
        expect(describeModel(model).layers[1]).toMatchObject({ dilation: [1, 1], outputShape: [5, 5, 1] });
      },
    );
  });
});

describe('describeModel refuses what it cannot explain, with an actionable message', () => {
  const input = (shape: (number | null)[] = [8, 8, 1], name = 'in') => layers.input({ shape, name });
  const sym = (
    l: { apply(x: tfl.SymbolicTensor | tfl.SymbolicTensor[]): unknown },
    x: tfl.SymbolicTensor | tfl.SymbolicTensor[],
  ) => l.apply(x) as tfl.SymbolicTensor;

  /** A layer applied twice holds two references: the model's dispose releases one. */
  let alsoDispose: { dispose(): unknown } | undefined;
  const cases: [string, UnsupportedModelCode, () => tfl.LayersModel, RegExp][] = [
    [
      'BatchNormalization',
      'batch-normalization',
      () => {
        const x = input();
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.batchNormalization({ name: 'bn_1' }), x),
        });
      },
      /^Layer 'bn_1' is a BatchNormalization layer, which the explainer does not support yet: fold it into/,
    ],
    [
      'an unsupported layer (GlobalMaxPooling2D)',
      'unsupported-layer',
      () => {
        const x = input();
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.globalMaxPooling2d({ name: 'gmp' }), x),
        });
      },
      /^Layer 'gmp' is a GlobalMaxPooling2D layer, which the explainer does not support yet\./,
    ],
    [
      'SeparableConv2D',
      'separable-conv',
      () => {
        const x = input();
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.separableConv2d({ name: 'sep', filters: 2, kernelSize: 3 }), x),
        });
      },
      /DepthwiseConv2D layer followed by a 1×1 Conv2D/,
    ],
    [
      'an ELU activation',
      'unsupported-activation',
      () => {
        const x = input();
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.conv2d({ name: 'c', filters: 2, kernelSize: 3, activation: 'elu' }), x),
        });
      },
      /^Layer 'c' uses the activation 'elu'/,
    ],
    [
      'a capped ReLU',
      'unsupported-activation',
      () => {
        const x = input();
        return layers.model({ inputs: x, outputs: sym(layers.layers.reLU({ name: 'r6', maxValue: 6 }), x) });
      },
      /'relu \(max 6\)'/,
    ],
    [
      'a dense layer on a map',
      'dense-on-map',
      () => {
        const x = input();
        return layers.model({ inputs: x, outputs: sym(layers.layers.dense({ name: 'd', units: 2 }), x) });
      },
      /^Layer 'd' is a dense layer applied to a 8×8×1 map; .* add a Flatten or GlobalAveragePooling2D layer/,
    ],
    [
      'concatenation along rows',
      'axis',
      () => {
        const x = input();
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.concatenate({ name: 'cat', axis: 1 }), [x, x]),
        });
      },
      /^Layer 'cat' works along axis 1/,
    ],
    [
      'a softmax along rows (tfjs’s default axis 1 on a map)',
      'axis',
      () => {
        const x = input();
        return layers.model({ inputs: x, outputs: sym(layers.layers.softmax({ name: 'sm' }), x) });
      },
      /^Layer 'sm' works along axis 1/,
    ],
    [
      'an input of free size',
      'dynamic-shape',
      () => {
        const x = input([null, null, 1]);
        return layers.model({
          inputs: x,
          outputs: sym(layers.layers.conv2d({ name: 'c', filters: 1, kernelSize: 3 }), x),
        });
      },
      /^Layer 'in' has no fixed size \(shape \[null,null,null,1\]\)/,
    ],
    [
      'a layer applied twice',
      'shared-layer',
      () => {
        const x = input([8, 8, 2]);
        const shared = layers.layers.conv2d({ name: 'shared', filters: 2, kernelSize: 3, padding: 'same' });
        alsoDispose = shared;
        return layers.model({ inputs: x, outputs: sym(shared, sym(shared, x)) });
      },
      /^Layer 'shared' is applied more than once/,
    ],
    [
      'a nested model',
      'nested-model',
      () => {
        const a = input([8, 8, 1], 'inner_in');
        const inner = layers.model({
          name: 'inner',
          inputs: a,
          outputs: sym(layers.layers.conv2d({ name: 'ic', filters: 1, kernelSize: 3 }), a),
        });
        const x = input();
        return layers.model({ inputs: x, outputs: inner.apply(x) as tfl.SymbolicTensor });
      },
      /^Layer 'inner' is itself a model/,
    ],
    [
      'two inputs',
      'inputs',
      () => {
        const a = input([4], 'a');
        const b = input([4], 'b');
        return layers.model({ inputs: [a, b], outputs: sym(layers.layers.add({ name: 'sum' }), [a, b]) });
      },
      /^The model has 2 inputs/,
    ],
    [
      'two outputs',
      'outputs',
      () => {
        const x = input([4]);
        const d1 = sym(layers.layers.dense({ name: 'd1', units: 2 }), x);
        const d2 = sym(layers.layers.dense({ name: 'd2', units: 2 }), x);
        return layers.model({ inputs: x, outputs: [d1, d2] });
      },
      /^The model has 2 outputs/,
    ],
  ];

  it.each(cases)('%s', async (_, code, build, message) => {
    alsoDispose = undefined;
    await withModel(
      build,
      (model) => {
        const e = refusal(() => describeModel(model));
        expect(e.code).toBe(code);
        expect(e.message).toMatch(message);
        expect(e.localized('en')).toBe(e.message);
        const zh = e.localized('zh');
        expect(zh).not.toMatch(/\{\w+\}/); // every placeholder filled
        expect(zh.endsWith('。')).toBe(true);
        if (e.layer) expect(zh).toContain(`“${e.layer}”`);
        for (const v of Object.values(e.values)) expect(zh).toContain(v);
      },
      () => alsoDispose?.dispose(),
    );
  });

  it('has every message in good English and Chinese, with the same placeholders', () => {
    for (const [code, text] of Object.entries(UNSUPPORTED_MODEL_MESSAGES)) expectGoodLocalized(code, text);
  });
});
