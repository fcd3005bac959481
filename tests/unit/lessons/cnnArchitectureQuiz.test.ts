/**
 * The cnn-architecture quiz: every answer, computed in the quiz module with small formulas, checked
 * against the real zoo models (built with tfjs-layers on the wasm backend, read with describeModel,
 * analysed with analyseGraph); the GAP question against models built at two input sizes; the Grad-CAM
 * question against ZooRunner.gradCam, whose α_k must be the mean over positions of the gradient of
 * the logit (worked out here from the logits layer's weights). No tensor is left behind.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/core/datasets/discPhantom';
import { gradeAnswer } from '../../../src/core/lessons/gradeQuiz';
import type { ChoiceQuestion, NumericQuestion } from '../../../src/core/lessons/types';
import { analyseGraph, graphTotals } from '../../../src/core/models/analyseGraph';
import { describeModel } from '../../../src/core/models/describeModel';
import { buildMobileNet, buildResNet, buildTinyVgg } from '../../../src/core/models/zooArchitectures';
import { getZooModel } from '../../../src/core/models/zooCatalog';
import type { LayerAnalysis, ZooModelId } from '../../../src/core/models/zooTypes';
import { ZooRunner } from '../../../src/core/models/ZooRunner';
import { receptiveFieldSteps } from '../../../src/lessons/cnn-architecture/cnnArithmetic';
import {
  cnnArchitectureQuiz,
  convParamsAnswer,
  flattenSizeAnswer,
  MOBILENET_BLOCK_2,
  poolReceptiveFieldAnswer,
  separableRatioAnswer,
  TINY_VGG_STACK,
  validSizeAnswer,
} from '../../../src/lessons/cnn-architecture/cnnArchitectureQuiz';
import { expectNoTensorLeak } from '../helpers/tensorLeak';
import { layers, startTf, tf } from '../helpers/tfBackend';

startTf('wasm');

/** The analysis of a built model (the model is disposed). */
function analyse(model: tfl.LayersModel): LayerAnalysis[] {
  try {
    return analyseGraph(describeModel(model));
  } finally {
    model.dispose();
  }
}
const zoo = (id: ZooModelId) => analyse(getZooModel(id)!.build(layers, 1));
const layer = (a: readonly LayerAnalysis[], name: string): LayerAnalysis => {
  const l = a.find((x) => x.name === name);
  if (!l) throw new Error(`no layer ${name}`);
  return l;
};
const question = <Q extends NumericQuestion | ChoiceQuestion>(id: string) =>
  cnnArchitectureQuiz.questions.find((q) => q.id === id) as Q;

describe('cnn-architecture quiz, against the analysed zoo models', () => {
  it('has at least six questions; each numeric answer is graded correct and a near miss is not', () => {
    expect(cnnArchitectureQuiz.questions.length).toBeGreaterThanOrEqual(6);
    for (const q of cnnArchitectureQuiz.questions) {
      if (q.kind !== 'numeric') continue;
      expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer) }).correct).toBe(true);
      expect(gradeAnswer(q, { kind: 'numeric', text: String(q.answer + 1) }).correct).toBe(false);
    }
  });

  it('conv-params, valid-size, pool-receptive-field: TinyVGG’s conv_1_2, conv_1_1 and max_pool_2', async () => {
    await expectNoTensorLeak(tf, () => {
      const a = zoo('tiny-vgg');
      expect(question<NumericQuestion>('conv-params').answer).toBe(convParamsAnswer);
      expect(layer(a, 'conv_1_2').params).toBe(convParamsAnswer);
      expect(convParamsAnswer).toBe(910);
      expect(layer(a, 'conv_1_1').outputShape[0]).toBe(validSizeAnswer);
      expect(question<NumericQuestion>('valid-size').answer).toBe(62);
      const pool = layer(a, 'max_pool_2').receptiveField!;
      expect(pool.size).toEqual([poolReceptiveFieldAnswer, poolReceptiveFieldAnswer]);
      expect(question<NumericQuestion>('pool-receptive-field').answer).toBe(16);
      // The chain in the explanation is the analysis's, layer by layer.
      const names = ['conv_1_1', 'conv_1_2', 'max_pool_1', 'conv_2_1', 'conv_2_2', 'max_pool_2'];
      expect(names.map((n) => layer(a, n).receptiveField!.size[0])).toEqual(
        receptiveFieldSteps(TINY_VGG_STACK).map((s) => s.r),
      );
      expect(names.map((n) => layer(a, n).receptiveField!.jump[0])).toEqual(
        receptiveFieldSteps(TINY_VGG_STACK).map((s) => s.j),
      );
    });
  });

  it('flatten-size: the length of LeNet’s flatten output, which its first dense layer takes', () => {
    const a = zoo('lenet5');
    expect(layer(a, 'flatten').outputShape).toEqual([flattenSizeAnswer]);
    expect(layer(a, 'dense_1').params).toBe(flattenSizeAnswer * 120 + 120);
  });

  it('separable-ratio: a standard 3×3 conv (built and analysed) over MobileNet’s dw_2 + pw_2', () => {
    const a = zoo('mobilenet');
    const separable = layer(a, 'dw_2').params + layer(a, 'pw_2').params;
    const m = MOBILENET_BLOCK_2;
    expect(layer(a, 'dw_2').outputShape.at(-1)).toBe(m.cIn);
    expect(layer(a, 'pw_2').outputShape.at(-1)).toBe(m.cOut);
    const x = layers.input({ shape: [16, 16, m.cIn], name: 'input' });
    const y = layers.layers
      .conv2d({ name: 'standard', filters: m.cOut, kernelSize: m.k, padding: 'same' })
      .apply(x) as tfl.SymbolicTensor;
    const standard = layer(analyse(layers.model({ inputs: x, outputs: y })), 'standard').params;
    expect(standard / separable).toBeCloseTo(separableRatioAnswer, 10);
    const q = question<NumericQuestion>('separable-ratio');
    expect(gradeAnswer(q, { kind: 'numeric', text: (standard / separable).toFixed(2) }).correct).toBe(true);
  });

  it('gap-input-size: GAP models keep their parameters on a larger input, a flatten model does not', () => {
    const q = question<ChoiceQuestion>('gap-input-size');
    expect(q.correct).toBe('any-size');
    for (const build of [buildResNet, buildMobileNet]) {
      const at64 = analyse(build(layers, 1, 64));
      const at96 = analyse(build(layers, 1, 96));
      expect(graphTotals(at96).params).toBe(graphTotals(at64).params);
      expect(layer(at96, 'global_avg_pool').outputShape).toEqual(layer(at64, 'global_avg_pool').outputShape);
      expect(layer(at96, 'global_avg_pool').outputShape).toHaveLength(1);
    }
    const vgg64 = analyse(buildTinyVgg(layers, 1, 64));
    const vgg96 = analyse(buildTinyVgg(layers, 1, 96));
    expect(layer(vgg96, 'flatten').outputShape[0]).toBeGreaterThan(layer(vgg64, 'flatten').outputShape[0]!);
    expect(graphTotals(vgg96).params).toBeGreaterThan(graphTotals(vgg64).params);
  });

  it('grad-cam-alpha: ZooRunner’s α_k is the mean over positions of ∂(logit c)/∂A^k', async () => {
    const q = question<ChoiceQuestion>('grad-cam-alpha');
    expect(q.correct).toBe('mean-gradient');
    const runner = await ZooRunner.create(getZooModel('tiny-vgg')!.build(layers, 5));
    try {
      const rand = mulberry32(9);
      const input = Float32Array.from({ length: 64 * 64 }, () => rand());
      await expectNoTensorLeak(tf, async () => {
        // max_pool_2 (13×13×10) feeds flatten → logits: ∂y_c/∂A^k(i, j) is the logits weight of
        // flatten index (i·13 + j)·10 + k for class c.
        const a = layer(analyseGraph(runner.graph), 'max_pool_2');
        const [h, w, channels] = a.outputShape as [number, number, number];
        const logits = runner.layerWeights('logits');
        const classes = logits.kernelShape[1]!;
        for (const c of [0, 1]) {
          const cam = await runner.gradCam(input, c, 'max_pool_2');
          expect(cam.channelWeights).toHaveLength(channels);
          for (let k = 0; k < channels; k++) {
            let sum = 0;
            for (let p = 0; p < h * w; p++) sum += logits.kernel![(p * channels + k) * classes + c]!;
            expect(cam.channelWeights[k]).toBeCloseTo(sum / (h * w), 5);
          }
        }
      });
    } finally {
      runner.dispose();
    }
  });
});
