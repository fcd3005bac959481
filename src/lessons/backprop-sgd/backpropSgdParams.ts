/**
 * The step parameters of the backprop-sgd lesson (everything a link must reproduce). The ranges of
 * the walk positions are the numbers of operations in the lesson's graphs, computed from them.
 */
import type { EnumParamDef, NumberParamDef } from '../../core/lessons/types';
import { lessonNumbers } from './backpropSgdData';

/** Operations in the neuron's graph (= positions of either pass, besides 0). */
export const NEURON_OPS = lessonNumbers().neuronOps;
/** Operations in the two-layer network's graph. */
export const TWO_LAYER_OPS = lessonNumbers().twoLayerOps;

/** Position in a walk: 0 = nothing done yet, k = k operations done. */
export function nodeParam(max: number): NumberParamDef {
  return {
    kind: 'number',
    id: 'node',
    label: { en: 'Operations done', zh: '已完成的运算数' },
    min: 0,
    max,
    step: 1,
    default: 0,
  };
}

/** Forward or backward pass (step 3). */
export const passParam: EnumParamDef = {
  kind: 'enum',
  id: 'pass',
  label: { en: 'Pass', zh: '传播方向' },
  options: [
    { value: 'forward', label: { en: 'Forward', zh: '前向' } },
    { value: 'backward', label: { en: 'Backward', zh: '反向' } },
  ],
  default: 'forward',
};

/** The weight nudged in the gradient check. */
export const weightParam: EnumParamDef = {
  kind: 'enum',
  id: 'weight',
  label: { en: 'Weight to nudge', zh: '要微调的权重' },
  options: [
    { value: 'w1', label: { en: 'w₁', zh: 'w₁' } },
    { value: 'w2', label: { en: 'w₂', zh: 'w₂' } },
    { value: 'b', label: { en: 'b', zh: 'b' } },
  ],
  default: 'w1',
};

/** log₁₀ ε of the gradient check. */
export const epsParam: NumberParamDef = {
  kind: 'number',
  id: 'eps',
  label: { en: 'Nudge ε (log₁₀)', zh: '微调量 ε（以 10 为底的对数）' },
  min: -12,
  max: -1,
  step: 1,
  default: -4,
};

/** Learning rate of the kernel-learning step. */
export const kernelLrParam: NumberParamDef = {
  kind: 'number',
  id: 'lr',
  label: { en: 'Learning rate η', zh: '学习率 η' },
  min: 0.05,
  max: 3,
  step: 0.05,
  default: 0.5,
};

/** SGD steps already taken in the kernel-learning step. */
export const sgdStepsParam: NumberParamDef = {
  kind: 'number',
  id: 'steps',
  label: { en: 'SGD steps taken', zh: '已执行的 SGD 步数' },
  min: 0,
  max: 60,
  step: 1,
  default: 0,
};

/** The surface of the optimizer race. */
export const surfaceParam: EnumParamDef = {
  kind: 'enum',
  id: 'surface',
  label: { en: 'Loss surface', zh: '损失曲面' },
  options: [
    { value: 'bowl', label: { en: 'Quadratic bowl', zh: '二次碗形面' } },
    { value: 'rosenbrock', label: { en: 'Rosenbrock valley', zh: '罗森布罗克香蕉谷' } },
    { value: 'saddle', label: { en: 'Saddle point', zh: '鞍点' } },
    { value: 'cnn', label: { en: 'Tiny CNN on phantom patches', zh: '体模图块上的小型 CNN' } },
  ],
  default: 'bowl',
};

/** log₁₀ η of the optimizer race. */
export const raceLrParam: NumberParamDef = {
  kind: 'number',
  id: 'lr',
  label: { en: 'Learning rate η (log₁₀)', zh: '学习率 η（以 10 为底的对数）' },
  min: -4,
  max: 0.5,
  step: 0.1,
  default: -1,
};

/** Momentum μ (heavy ball and Nesterov). */
export const momentumParam: NumberParamDef = {
  kind: 'number',
  id: 'momentum',
  label: { en: 'Momentum μ', zh: '动量 μ' },
  min: 0,
  max: 0.99,
  step: 0.01,
  default: 0.9,
};

/** Condition number κ of the bowl. */
export const kappaParam: NumberParamDef = {
  kind: 'number',
  id: 'kappa',
  label: { en: 'Bowl condition number κ', zh: '碗形面的条件数 κ' },
  min: 1,
  max: 50,
  step: 1,
  default: 10,
};

/** Number of optimizer steps. */
export const itersParam: NumberParamDef = {
  kind: 'number',
  id: 'iters',
  label: { en: 'Steps', zh: '步数' },
  min: 10,
  max: 500,
  step: 10,
  default: 150,
};

/** Where the mini-batch gradients are measured. */
export const atParam: EnumParamDef = {
  kind: 'enum',
  id: 'at',
  label: { en: 'Measure the gradients at', zh: '在何处测量梯度' },
  options: [
    { value: 'start', label: { en: 'the starting weights', zh: '初始权重' } },
    { value: 'trained', label: { en: 'the trained weights', zh: '训练后的权重' } },
  ],
  default: 'start',
};

/** Seed of the random mini-batches. */
export const seedParam: NumberParamDef = {
  kind: 'number',
  id: 'seed',
  label: { en: 'Random draw', zh: '随机抽样编号' },
  min: 1,
  max: 20,
  step: 1,
  default: 1,
};
