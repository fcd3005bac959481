/** The quiz of backprop-sgd; numeric answers come from the lesson's graphs and formulas. */
import type { QuizDef } from '../../core/lessons/types';
import { both, fmt, lessonNumbers, NEURON_SPEC } from './backpropSgdData';

const { neuron: n, neuronGrad: grad, twoLayer: t, twoLayerGrad: tGrad } = lessonNumbers();
const a = n.graph.value(n.a);
const dLda = grad[n.a] ?? 0;
const dadz = a * (1 - a);
const dLdz = grad[n.z] ?? 0;
const x2 = NEURON_SPEC.x[1];
const dLdw2 = grad[n.w[1] ?? 0] ?? 0;

const deadWeight = tGrad[t.w1[1]?.[0] ?? 0] ?? 0;

/** The curvature used by the learning-rate question. */
const QUIZ_CURVATURE = 4;
/** Batch sizes compared in the mini-batch question. */
const QUIZ_BATCHES = [8, 32] as const;
const noiseRatio = Math.sqrt(QUIZ_BATCHES[1] / QUIZ_BATCHES[0]);

/** The quiz of the backprop-sgd lesson. */
export const backpropSgdQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'chain-z',
      prompt: both((l) =>
        l === 'en'
          ? `In the lesson’s neuron, ∂L/∂a = ${fmt(dLda)} and a = ${fmt(a)}, so ∂a/∂z = a(1 − a). What is ∂L/∂z? Give three decimals.`
          : `在本课的神经元中，∂L/∂a = ${fmt(dLda)}，a = ${fmt(a)}，因此 ∂a/∂z = a(1 − a)。∂L/∂z 等于多少？保留三位小数。`,
      ),
      answer: dLdz,
      tolerance: 0.001,
      explanation: both((l) =>
        l === 'en'
          ? `Chain rule: ∂L/∂z = ∂L/∂a · ∂a/∂z = ${fmt(dLda)} × ${fmt(dadz)} = ${fmt(dLdz)}.`
          : `链式法则：∂L/∂z = ∂L/∂a · ∂a/∂z = ${fmt(dLda)} × ${fmt(dadz)} = ${fmt(dLdz)}。`,
      ),
    },
    {
      kind: 'numeric',
      id: 'chain-w2',
      prompt: both((l) =>
        l === 'en'
          ? `With ∂L/∂z = ${fmt(dLdz)} and x₂ = ${fmt(x2)}, what is ∂L/∂w₂ (z = w₁x₁ + w₂x₂ + b)? Give three decimals.`
          : `已知 ∂L/∂z = ${fmt(dLdz)}，x₂ = ${fmt(x2)}，求 ∂L/∂w₂（z = w₁x₁ + w₂x₂ + b）。保留三位小数。`,
      ),
      answer: dLdw2,
      tolerance: 0.001,
      explanation: both((l) =>
        l === 'en'
          ? `∂z/∂w₂ = x₂, so ∂L/∂w₂ = ${fmt(dLdz)} × ${fmt(x2)} = ${fmt(dLdw2)}. It is positive: increasing w₂ would increase the loss, so gradient descent lowers w₂.`
          : `∂z/∂w₂ = x₂，所以 ∂L/∂w₂ = ${fmt(dLdz)} × ${fmt(x2)} = ${fmt(dLdw2)}。它为正：增大 w₂ 会增大损失，因此梯度下降会减小 w₂。`,
      ),
    },
    {
      kind: 'choice',
      id: 'dead-relu',
      prompt: {
        en: 'In the two-layer network, the input of the ReLU unit h₂ is negative. What gradient does the weight w₂₁ receive from this example?',
        zh: '在两层网络中，ReLU 单元 h₂ 的输入为负。权重 w₂₁ 从这个样本得到的梯度是多少？',
      },
      options: [
        { id: 'zero', text: { en: 'Exactly 0', zh: '恰好为 0' } },
        { id: 'same', text: { en: 'The same as w₁₁', zh: '与 w₁₁ 相同' } },
        { id: 'negative', text: { en: 'A large negative value', zh: '一个很大的负值' } },
        { id: 'undefined', text: { en: 'It cannot be computed', zh: '无法计算' } },
      ],
      correct: deadWeight === 0 ? 'zero' : 'negative',
      explanation: {
        en: 'ReLU’s local derivative is 0 when its input is negative, and the chain rule multiplies by it: nothing flows back to the weights that feed h₂ from this example.',
        zh: '输入为负时 ReLU 的局部导数为 0，链式法则要乘上它：这个样本不会有任何梯度流回通向 h₂ 的权重。',
      },
    },
    {
      kind: 'choice',
      id: 'tiny-eps',
      prompt: {
        en: 'A gradient check with ε = 10⁻¹² disagrees with backpropagation, while ε = 10⁻⁵ agrees. Why?',
        zh: '用 ε = 10⁻¹² 做梯度检验时与反向传播不一致，而 ε = 10⁻⁵ 时一致。为什么？',
      },
      options: [
        {
          id: 'rounding',
          text: {
            en: 'L(θ + ε) and L(θ − ε) agree in almost every digit, so their difference is mostly rounding error',
            zh: 'L(θ + ε) 与 L(θ − ε) 几乎每一位都相同，它们的差主要是舍入误差',
          },
        },
        { id: 'bug', text: { en: 'The backward pass has a bug', zh: '反向传播有错误' } },
        {
          id: 'curvature',
          text: {
            en: 'The loss curve is too curved over such a small step',
            zh: '在这么小的步长内损失曲线弯曲得太厉害',
          },
        },
      ],
      correct: 'rounding',
      explanation: {
        en: 'Floating-point numbers keep about 16 significant digits. Subtracting two nearly equal losses cancels most of them, and dividing by a tiny 2ε magnifies what is left. Curvature (truncation error) is the problem of large ε, not small.',
        zh: '浮点数大约只有 16 位有效数字。两个几乎相等的损失相减会抵消大部分有效数字，再除以很小的 2ε 会放大剩下的误差。曲率（截断误差）是 ε 太大时的问题，而不是太小时的问题。',
      },
    },
    {
      kind: 'numeric',
      id: 'stable-lr',
      prompt: both((l) =>
        l === 'en'
          ? `Plain gradient descent on a quadratic loss whose largest curvature (Hessian eigenvalue) is λ = ${QUIZ_CURVATURE}. Above which learning rate η does it diverge?`
          : `在最大曲率（海森矩阵最大特征值）λ = ${QUIZ_CURVATURE} 的二次损失上做普通梯度下降。学习率 η 超过多少时会发散？`,
      ),
      answer: 2 / QUIZ_CURVATURE,
      tolerance: 0.01,
      explanation: both((l) =>
        l === 'en'
          ? `Along that direction each step multiplies the distance to the minimum by (1 − ηλ); it grows once |1 − ηλ| > 1, i.e. η > 2/λ = ${fmt(2 / QUIZ_CURVATURE)}.`
          : `沿该方向，每一步把到极小值的距离乘以 (1 − ηλ)；当 |1 − ηλ| > 1，即 η > 2/λ = ${fmt(2 / QUIZ_CURVATURE)} 时，距离会越来越大。`,
      ),
    },
    {
      kind: 'numeric',
      id: 'batch-noise',
      prompt: both((l) =>
        l === 'en'
          ? `From a large training set, the mini-batch size goes from B = ${QUIZ_BATCHES[0]} to B = ${QUIZ_BATCHES[1]}. By what factor does the spread of the mini-batch gradient shrink?`
          : `从一个很大的训练集抽样，小批量大小从 B = ${QUIZ_BATCHES[0]} 增大到 B = ${QUIZ_BATCHES[1]}。小批量梯度的离散程度缩小了多少倍？`,
      ),
      answer: noiseRatio,
      tolerance: 0.05,
      explanation: both((l) =>
        l === 'en'
          ? `The spread falls like 1/√B: √(${QUIZ_BATCHES[1]}/${QUIZ_BATCHES[0]}) = ${fmt(noiseRatio)}. Four times the examples, half the noise.`
          : `离散程度按 1/√B 下降：√(${QUIZ_BATCHES[1]}/${QUIZ_BATCHES[0]}) = ${fmt(noiseRatio)}。样本数变为 4 倍，噪声减半。`,
      ),
    },
    {
      kind: 'choice',
      id: 'adam-step',
      prompt: {
        en: 'On its first step, how far does Adam move each weight?',
        zh: 'Adam 的第一步把每个权重移动多远？',
      },
      options: [
        {
          id: 'lr',
          text: { en: 'About η, whatever the size of the gradient', zh: '约为 η，与梯度大小无关' },
        },
        { id: 'grad', text: { en: 'η times the gradient, like SGD', zh: 'η 乘以梯度，与 SGD 相同' } },
        {
          id: 'zero',
          text: { en: 'Not at all: it first collects statistics', zh: '不移动：它先收集统计量' },
        },
      ],
      correct: 'lr',
      explanation: {
        en: 'After bias correction, the first step is η·g/√(g²) = η·sign(g) for every coordinate (Kingma & Ba 2015). That is why Adam’s η is a step length, while SGD’s η must be matched to the curvature.',
        zh: '经过偏差校正，第一步对每个坐标都是 η·g/√(g²) = ±η，即沿负梯度方向正好走 η（见 2015 年提出 Adam 的原始论文）。因此 Adam 的 η 是步长，而 SGD 的 η 必须与曲率相匹配。',
      },
    },
  ],
};
