import { describe, expect, it } from 'vitest';
import { getZooModel } from '../../../../src/core/models/zooCatalog';
import { buildClassifier, copyPretrained } from '../../../../src/core/training/buildClassifier';
import { TrainingError } from '../../../../src/core/training/TrainingError';
import type { ModelSpec, TrainableZooId } from '../../../../src/core/training/trainingTypes';
import { layers, startTf, tf } from '../../helpers/tfBackend';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

startTf('wasm');

const ZOO_IDS: TrainableZooId[] = ['mlp', 'lenet5', 'tiny-vgg', 'mobilenet', 'resnet'];

describe('buildClassifier', () => {
  it.each(ZOO_IDS)('builds %s with the zoo’s layers and parameter count', async (id) => {
    await expectNoTensorLeak(tf, () => {
      const def = getZooModel(id)!;
      const zoo = def.build(layers, 1);
      const ours = buildClassifier(
        layers,
        { kind: 'zoo', id, pretrained: false },
        {
          size: 64,
          classes: def.classes.length,
          seed: 1,
        },
      );
      try {
        expect(ours.countParams()).toBe(zoo.countParams());
        expect(ours.layers.map((l) => l.name)).toEqual(zoo.layers.map((l) => l.name));
        expect(ours.getLayer('logits')).toBeDefined();
        expect(ours.layers[ours.layers.length - 1]!.name).toBe('probabilities');
        // Same seed ⇒ same initial weights as the zoo's build.
        const a = ours.getWeights().map((w) => Array.from(w.dataSync()));
        const b = zoo.getWeights().map((w) => Array.from(w.dataSync()));
        expect(a).toEqual(b);
      } finally {
        ours.dispose();
        zoo.dispose();
      }
    });
  });

  it('builds a zoo architecture at another size and class count', async () => {
    await expectNoTensorLeak(tf, () => {
      const m = buildClassifier(
        layers,
        { kind: 'zoo', id: 'tiny-vgg', pretrained: false },
        {
          size: 28,
          classes: 3,
          seed: 5,
        },
      );
      try {
        expect(m.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
        expect(m.outputs[0]!.shape).toEqual([null, 3]);
        // TinyVGG at 28: 28→26→24→12→10→8→4, flatten 4·4·10 = 160, logits 160·3 + 3.
        const convs = 100 + 910 + 910 + 910; // 3·3·1·10+10, then 3·3·10·10+10 three times
        expect(m.countParams()).toBe(convs + 160 * 3 + 3);
      } finally {
        m.dispose();
      }
    });
  });

  it('builds the custom stack with the documented names and a hand-counted parameter total', async () => {
    await expectNoTensorLeak(tf, () => {
      const spec: ModelSpec = { kind: 'custom', blocks: 2, filters: 4, kernel: 3, dense: 8 };
      const m = buildClassifier(layers, spec, { size: 16, classes: 2, seed: 3 });
      try {
        expect(m.layers.map((l) => l.name)).toEqual([
          'input',
          'conv_1_1',
          'conv_1_2',
          'pool_1',
          'conv_2_1',
          'conv_2_2',
          'pool_2',
          'flatten',
          'dense',
          'logits',
          'probabilities',
        ]);
        // conv 3·3·1·4+4 = 40, 3·3·4·4+4 = 148, 3·3·4·8+8 = 296, 3·3·8·8+8 = 584;
        // flatten (16/4)²·8 = 128; dense 128·8+8 = 1032; logits 8·2+2 = 18.
        expect(m.countParams()).toBe(40 + 148 + 296 + 584 + 1032 + 18);
        expect(m.getLayer('conv_2_2').outputShape).toEqual([null, 8, 8, 8]);
      } finally {
        m.dispose();
      }
      const noDense = buildClassifier(
        layers,
        { kind: 'custom', blocks: 1, filters: 2, kernel: 5, dense: 0 },
        {
          size: 8,
          classes: 3,
          seed: 1,
        },
      );
      try {
        expect(noDense.layers.some((l) => l.name === 'dense')).toBe(false);
        // 5·5·1·2+2 = 52, 5·5·2·2+2 = 102, flatten 4·4·2 = 32, logits 32·3+3 = 99.
        expect(noDense.countParams()).toBe(52 + 102 + 99);
      } finally {
        noDense.dispose();
      }
    });
  });

  it('refuses impossible specs with a localized TrainingError', () => {
    const shape = { size: 8, classes: 2, seed: 1 };
    const bad: ModelSpec[] = [
      { kind: 'custom', blocks: 4, filters: 4, kernel: 3, dense: 0 }, // 8 / 16 < 1
      { kind: 'custom', blocks: 0, filters: 4, kernel: 3, dense: 0 },
      { kind: 'custom', blocks: 1, filters: 0, kernel: 3, dense: 0 },
      { kind: 'custom', blocks: 1, filters: 4, kernel: 4 as 3, dense: 0 },
      { kind: 'custom', blocks: 1, filters: 4, kernel: 3, dense: -1 },
    ];
    for (const spec of bad) {
      let error: unknown;
      try {
        buildClassifier(layers, spec, shape).dispose();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TrainingError);
      expect((error as TrainingError).localized.zh.length).toBeGreaterThan(0);
    }
    expect(() =>
      buildClassifier(layers, { kind: 'zoo', id: 'mlp', pretrained: false }, { ...shape, classes: 1 }),
    ).toThrow(TrainingError);
    // LeNet-5's valid 5×5 convolutions cannot take an 8-pixel image.
    expect(() => buildClassifier(layers, { kind: 'zoo', id: 'lenet5', pretrained: false }, shape)).toThrow(
      TrainingError,
    );
  });
});

describe('copyPretrained', () => {
  it('copies every matching weight, skips logits when the class count differs', async () => {
    await expectNoTensorLeak(tf, () => {
      const spec: ModelSpec = { kind: 'zoo', id: 'tiny-vgg', pretrained: true };
      const source = buildClassifier(layers, spec, { size: 32, classes: 2, seed: 11 });
      const target = buildClassifier(layers, spec, { size: 32, classes: 3, seed: 99 });
      const logitsBefore = target
        .getLayer('logits')
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
      const expected = source
        .getLayer('conv_2_2')
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
      // 4 conv layers × (kernel, bias); logits [160→2] vs [160→3] skipped.
      expect(copyPretrained(target, source)).toBe(8);
      source.dispose(); // the copy must survive the source
      try {
        expect(
          target
            .getLayer('conv_2_2')
            .getWeights()
            .map((w) => Array.from(w.dataSync())),
        ).toEqual(expected);
        expect(
          target
            .getLayer('logits')
            .getWeights()
            .map((w) => Array.from(w.dataSync())),
        ).toEqual(logitsBefore);
      } finally {
        target.dispose();
      }
    });
  });

  it('copies the logits too when the class counts agree, and nothing across unrelated models', async () => {
    await expectNoTensorLeak(tf, () => {
      const spec: ModelSpec = { kind: 'zoo', id: 'tiny-vgg', pretrained: true };
      const a = buildClassifier(layers, spec, { size: 32, classes: 2, seed: 1 });
      const b = buildClassifier(layers, spec, { size: 32, classes: 2, seed: 2 });
      const c = buildClassifier(
        layers,
        { kind: 'zoo', id: 'mlp', pretrained: false },
        {
          size: 32,
          classes: 2,
          seed: 3,
        },
      );
      try {
        expect(copyPretrained(b, a)).toBe(10);
        const x = tf.randomUniform([2, 32, 32, 1], 0, 1, 'float32', 4);
        const ya = a.predict(x) as ReturnType<typeof tf.zeros>;
        const yb = b.predict(x) as ReturnType<typeof tf.zeros>;
        expect(Array.from(yb.dataSync())).toEqual(Array.from(ya.dataSync()));
        tf.dispose([x, ya, yb]);
        // MLP's `hidden` vs TinyVGG: no layer name in common except logits [4096·64 → 2] vs [160 → 2]: bias only.
        expect(copyPretrained(c, a)).toBe(1);
      } finally {
        a.dispose();
        b.dispose();
        c.dispose();
      }
    });
  });
});
