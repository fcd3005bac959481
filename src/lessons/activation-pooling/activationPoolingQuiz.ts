/** The quiz of activation-pooling; every numeric answer is computed with the reference maths. */
import type { Localized, QuizDef } from '../../core/lessons/types';
import { activation, activationDerivative } from '../../core/tensor/reference/activations';
import { pool2dRef, poolOutputShape } from '../../core/tensor/reference/pool2dRef';
import type { Volume } from '../../core/tensor/reference/types';
import { fmt } from './activationPoolingData';

/** The 4×4 feature map of the hand-computation questions, row by row. */
export const QUIZ_MAP: readonly (readonly number[])[] = [
  [1, 3, -2, 0],
  [4, -1, 5, 2],
  [-3, 0, 1, 1],
  [2, 6, -4, 3],
];

/** The output-size question: a 28×28 map, 3×3 windows, stride 2. */
export const QUIZ_SIZE = { n: 28, k: 3, s: 2 } as const;

const mapVolume: Volume = { height: 4, width: 4, channels: 1, data: Float32Array.from(QUIZ_MAP.flat()) };
const maxPooled = pool2dRef(mapVolume, { kind: 'max', size: 2 });
const avgPooled = pool2dRef(mapVolume, { kind: 'avg', size: 2 });
/** Bottom-left output of 2×2 max pooling (row 1, column 0). */
const maxBottomLeft = maxPooled.data[1 * 2 + 0]!;
/** Top-right output of 2×2 average pooling (row 0, column 1). */
const avgTopRight = avgPooled.data[0 * 2 + 1]!;
const values = QUIZ_MAP.flat();
const zeroShare = values.filter((v) => activation('relu', v) === 0).length / values.length;
const pooledSide = poolOutputShape(QUIZ_SIZE.n, QUIZ_SIZE.n, {
  size: QUIZ_SIZE.k,
  stride: QUIZ_SIZE.s,
}).height;
const sigmoidMax = activationDerivative('sigmoid', 0);

const matrix = QUIZ_MAP.map((r) => r.map((v) => fmt(v)).join(', ')).join('; ');
const both = (f: (l: 'en' | 'zh') => string): Localized => ({ en: f('en'), zh: f('zh') });

/** The quiz of the activation-pooling lesson. */
export const activationPoolingQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'pool-size',
      prompt: both((l) =>
        l === 'en'
          ? `A ${QUIZ_SIZE.n}×${QUIZ_SIZE.n} feature map goes through ${QUIZ_SIZE.k}×${QUIZ_SIZE.k} max pooling with stride ${QUIZ_SIZE.s} and no padding. How many values does each side of the output have?`
          : `一幅 ${QUIZ_SIZE.n}×${QUIZ_SIZE.n} 的特征图经过 ${QUIZ_SIZE.k}×${QUIZ_SIZE.k}、步长 ${QUIZ_SIZE.s}、无填充的最大池化。输出每边有多少个数值？`,
      ),
      answer: pooledSide,
      tolerance: 0,
      explanation: both((l) =>
        l === 'en'
          ? `⌊(n − k)/s⌋ + 1 = ⌊(${QUIZ_SIZE.n} − ${QUIZ_SIZE.k})/${QUIZ_SIZE.s}⌋ + 1 = ${pooledSide}.`
          : `⌊(n − k)/s⌋ + 1 = ⌊(${QUIZ_SIZE.n} − ${QUIZ_SIZE.k})/${QUIZ_SIZE.s}⌋ + 1 = ${pooledSide}。`,
      ),
    },
    {
      kind: 'numeric',
      id: 'max-pool',
      prompt: both((l) =>
        l === 'en'
          ? `The 4×4 feature map [${matrix}] (rows separated by semicolons) goes through 2×2 max pooling with stride 2. What is the bottom-left output?`
          : `4×4 特征图 [${matrix}]（各行以分号分隔）经过 2×2、步长 2 的最大池化。左下角的输出是多少？`,
      ),
      answer: maxBottomLeft,
      tolerance: 0,
      explanation: both((l) =>
        l === 'en'
          ? `The bottom-left window holds rows 3–4, columns 1–2: ${[QUIZ_MAP[2]![0], QUIZ_MAP[2]![1], QUIZ_MAP[3]![0], QUIZ_MAP[3]![1]].map((v) => fmt(v ?? 0)).join(', ')}. Its largest value is ${fmt(maxBottomLeft)}.`
          : `左下角窗口包含第 3–4 行、第 1–2 列：${[QUIZ_MAP[2]![0], QUIZ_MAP[2]![1], QUIZ_MAP[3]![0], QUIZ_MAP[3]![1]].map((v) => fmt(v ?? 0)).join('、')}。其中最大的是 ${fmt(maxBottomLeft)}。`,
      ),
    },
    {
      kind: 'numeric',
      id: 'avg-pool',
      prompt: both((l) =>
        l === 'en'
          ? `The same map [${matrix}] goes through 2×2 average pooling with stride 2. What is the top-right output?`
          : `同一幅特征图 [${matrix}] 经过 2×2、步长 2 的平均池化。右上角的输出是多少？`,
      ),
      answer: avgTopRight,
      tolerance: 0.001,
      explanation: both((l) => {
        const w = [QUIZ_MAP[0]![2], QUIZ_MAP[0]![3], QUIZ_MAP[1]![2], QUIZ_MAP[1]![3]].map((v) => v ?? 0);
        const sum = w.reduce((a, b) => a + b, 0);
        return l === 'en'
          ? `The top-right window holds ${w.map((v) => fmt(v)).join(', ')}: sum ${fmt(sum)}, divided by ${w.length} = ${fmt(avgTopRight)}.`
          : `右上角窗口包含 ${w.map((v) => fmt(v)).join('、')}：总和 ${fmt(sum)}，除以 ${w.length} 得 ${fmt(avgTopRight)}。`;
      }),
    },
    {
      kind: 'numeric',
      id: 'relu-zeros',
      prompt: both((l) =>
        l === 'en'
          ? `ReLU is applied to the map [${matrix}]. What fraction of its ${values.length} values become 0? Give a decimal between 0 and 1.`
          : `对特征图 [${matrix}] 施加 ReLU。${values.length} 个数值中有多大比例变为 0？请给出 0 到 1 之间的小数。`,
      ),
      answer: zeroShare,
      tolerance: 0.001,
      explanation: both((l) =>
        l === 'en'
          ? `ReLU sets every value ≤ 0 to 0: ${values.filter((v) => v <= 0).length} of ${values.length} values, a fraction of ${fmt(zeroShare)}. Those units pass back no gradient for this input.`
          : `ReLU 把所有 ≤ 0 的数值变为 0：${values.length} 个中有 ${values.filter((v) => v <= 0).length} 个，比例为 ${fmt(zeroShare)}。这些单元对这个输入不回传梯度。`,
      ),
    },
    {
      kind: 'numeric',
      id: 'sigmoid-slope',
      prompt: {
        en: 'What is the largest value the derivative of the sigmoid, σ′(x) = σ(x)(1 − σ(x)), can take?',
        zh: 'sigmoid 的导数 σ′(x) = σ(x)(1 − σ(x)) 能取到的最大值是多少？',
      },
      answer: sigmoidMax,
      tolerance: 0.001,
      explanation: both((l) =>
        l === 'en'
          ? `σ(x)(1 − σ(x)) is largest when σ(x) = ½, at x = 0: σ′(0) = ½ × ½ = ${fmt(sigmoidMax)}. So a sigmoid shrinks the gradient passing through it at least ${fmt(1 / sigmoidMax)}-fold; over several layers, unless the weights make up for it, the gradient vanishes.`
          : `当 σ(x) = ½，即 x = 0 时，σ(x)(1 − σ(x)) 最大：σ′(0) = ½ × ½ = ${fmt(sigmoidMax)}。所以经过 sigmoid 的梯度至少缩小为原来的 1/${fmt(1 / sigmoidMax)}；经过多层之后，除非权重把它补回来，梯度就会消失。`,
      ),
    },
    {
      kind: 'choice',
      id: 'dead-unit',
      prompt: {
        en: 'During training, the input of one ReLU unit is negative for every training image. What happens to the weights that feed it?',
        zh: '训练过程中，某个 ReLU 单元对每张训练图像的输入都为负。通向它的权重会怎样？',
      },
      options: [
        {
          id: 'frozen',
          text: { en: 'They stop changing: their gradient is exactly 0', zh: '不再改变：它们的梯度恰好为 0' },
        },
        { id: 'shrink', text: { en: 'They shrink slowly towards 0', zh: '缓慢地缩小到 0' } },
        {
          id: 'grow',
          text: { en: 'They grow until the input becomes positive', zh: '不断增大，直到输入变为正' },
        },
      ],
      correct: activationDerivative('relu', -1) === 0 ? 'frozen' : 'shrink',
      explanation: {
        en: 'ReLU’s derivative is 0 for negative inputs, and the chain rule multiplies by it: no gradient reaches those weights, so gradient descent never moves them (a dead ReLU). Leaky ReLU keeps a small slope to avoid this.',
        zh: '输入为负时 ReLU 的导数为 0，链式法则要乘上它：梯度到达不了这些权重，梯度下降也就永远不会改变它们（死亡的 ReLU）。带泄漏的 ReLU 保留一个小斜率来避免这种情况。',
      },
    },
    {
      kind: 'choice',
      id: 'shift-by-p',
      prompt: {
        en: 'A CNN has one 2×2 max-pooling layer with stride 2. The content of the input moves right by exactly 2 pixels. What happens to the pooled feature map, away from the borders?',
        zh: '某 CNN 有一个 2×2、步长 2 的最大池化层。输入内容恰好向右移动 2 个像素。远离边界处，池化后的特征图会怎样？',
      },
      options: [
        {
          id: 'moves',
          text: { en: 'The same values, moved one cell to the right', zh: '数值不变，整体向右移动一格' },
        },
        { id: 'same', text: { en: 'It does not change at all', zh: '完全不变' } },
        { id: 'scrambled', text: { en: 'Its values change unpredictably', zh: '数值发生不可预测的变化' } },
      ],
      correct: 'moves',
      explanation: {
        en: 'A shift by a multiple of the stride moves the pooled grid by whole cells: the map is shifted (equivariance), not unchanged (invariance). Compared at the same positions it has changed. The translation step measures this.',
        zh: '平移量为步长的整数倍时，池化网格整体移动若干格：特征图是被平移了（等变性），而不是保持不变（不变性）。在相同位置上比较，它已经改变了。平移实验那一步测量的正是这一点。',
      },
    },
  ],
};
