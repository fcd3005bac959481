/**
 * The quizzes of the convolution lesson. Every numeric answer is computed by the lesson's own code
 * (reference geometry, `convAt`, the parameter counts); a unit test re-derives each one by hand.
 */
import type { Localized, QuizDef } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { convAt } from '../../core/tensor/reference/conv2dRef';
import { convOutputSize, effectiveKernelSize } from '../../core/tensor/reference/convGeometry';
import { kernelPreset } from './kernelPresets';
import { kernelFilters } from './kernelString';
import { outputSizeWorking } from './stridePadding';
import { convParamCount, denseParamCount, groupDigits } from './weightSharing';

/** An output-size question: n, k, s, p (each side), d. */
export interface SizeCase {
  n: number;
  k: number;
  s: number;
  p: number;
  d: number;
}

/** The output-size questions of step 3 and of the final quiz. */
export const SIZE_CASES = {
  strided: { n: 512, k: 3, s: 2, p: 1, d: 1 },
  dilated: { n: 7, k: 3, s: 1, p: 0, d: 2 },
  mr: { n: 256, k: 5, s: 2, p: 2, d: 1 },
} as const satisfies Record<string, SizeCase>;

/** convOutputSize of a case (symmetric padding). */
export const sizeAnswer = (c: SizeCase): number => convOutputSize(c.n, c.k, c.s, c.p, c.p, c.d);

/** The hand-worked dot product: a 3 × 3 patch across the left edge of a nodule, and Sobel x. */
export const DOT_PATCH = [0.1, 0.5, 0.9, 0.1, 0.6, 0.9, 0.2, 0.6, 1.0] as const;
const sobelX = kernelPreset('sobel-x')!.weights;
/** The answer from the reference maths: convAt on the 3 × 3 patch, no padding, no bias. */
export const dotAnswer = convAt(
  { height: 3, width: 3, channels: 1, data: Float32Array.from(DOT_PATCH) },
  kernelFilters(sobelX),
  0,
  0,
  0,
).output;

/** The parameter-count questions. */
export const COUNT_CASES = {
  conv: { k: 3, c: 3, f: 16 },
  dense: { side: 64, c: 1, f: 1 },
} as const;
const convAnswer = convParamCount(COUNT_CASES.conv.k, COUNT_CASES.conv.c, COUNT_CASES.conv.f);
const d = COUNT_CASES.dense;
const denseAnswer = Number(
  denseParamCount(
    { height: d.side, width: d.side, channels: d.c },
    { height: d.side, width: d.side, channels: d.f },
  ),
);

const n = (v: number): string => formatNumber(v, 3);
/** Right column minus left column of the patch, middle row twice (the Sobel x sum written out). */
const P = DOT_PATCH;
const dotWorking = `(${n(P[2])} + 2·${n(P[5])} + ${n(P[8])}) − (${n(P[0])} + 2·${n(P[3])} + ${n(P[6])})`;
/** One 3 × 3 single-channel filter with a bias. */
const smallConv = convParamCount(3, 1, 1);
/** The dilation question: a 3 × 3 kernel with dilation 2. */
const DIL = { k: 3, d: 2 } as const;
const dilSpan = effectiveKernelSize(DIL.k, DIL.d);
const grid = (w: readonly number[]): string =>
  [0, 1, 2]
    .map(
      (r) =>
        `[${w
          .slice(3 * r, 3 * r + 3)
          .map(n)
          .join(', ')}]`,
    )
    .join(' ');

function sizePrompt(c: SizeCase, what: Localized): Localized {
  return {
    en: `${what.en}: input n = ${c.n}, kernel k = ${c.k}, stride s = ${c.s}, padding p = ${c.p} on each side, dilation d = ${c.d}. How many output pixels along each axis?`,
    zh: `${what.zh}：输入 n = ${c.n}，卷积核 k = ${c.k}，步长 s = ${c.s}，每侧填充 p = ${c.p}，膨胀率 d = ${c.d}。每个方向上输出多少个像素？`,
  };
}

function sizeExplanation(c: SizeCase): Localized {
  const { text } = outputSizeWorking(c.n, c.k, c.s, c.p, c.p, c.d);
  return { en: `n′ = ${text}.`, zh: `n′ = ${text}。` };
}

function sizeQuestion(id: string, c: SizeCase, what: Localized) {
  return {
    kind: 'numeric' as const,
    id,
    prompt: sizePrompt(c, what),
    answer: sizeAnswer(c),
    tolerance: 0,
    explanation: sizeExplanation(c),
  };
}

/** The quiz of step 3: output sizes. */
export const strideQuiz: QuizDef = {
  questions: [
    sizeQuestion('size-stride', SIZE_CASES.strided, {
      en: 'A 512 × 512 CT slice enters a strided convolution',
      zh: '一张 512 × 512 的 CT 切片进入带步长的卷积',
    }),
    sizeQuestion('size-dilated', SIZE_CASES.dilated, {
      en: 'A dilated kernel on a 7 × 7 patch',
      zh: '在 7 × 7 的图块上使用膨胀卷积核',
    }),
  ],
};

/** The final quiz. */
export const convolutionQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'dot-product',
      prompt: {
        en: `By hand: a 3 × 3 patch across the left edge of a nodule, x = ${grid(DOT_PATCH)} (rows), and the Sobel x kernel w = ${grid(sobelX)}, no bias. What is y = Σ x·w?`,
        zh: `手算：跨过结节左缘的 3 × 3 图块 x = ${grid(DOT_PATCH)}（按行），Sobel x 卷积核 w = ${grid(sobelX)}，无偏置。y = Σ x·w 等于多少？`,
      },
      answer: dotAnswer,
      tolerance: 0.001,
      explanation: {
        en: `The middle column is multiplied by 0. Right column minus left column, the middle row counted twice: ${dotWorking} = ${n(dotAnswer)}. Positive: brightness rises from left to right, as it does entering the nodule.`,
        zh: `中间一列乘以 0。右列减左列，中间一行计两次：${dotWorking} = ${n(dotAnswer)}。结果为正：亮度从左到右升高，正如进入结节时那样。`,
      },
    },
    {
      kind: 'choice',
      id: 'flip',
      prompt: {
        en: 'What does a deep-learning library’s “convolution” layer do with the kernel before sliding it?',
        zh: '深度学习框架中的“卷积”层在滑动卷积核之前会对它做什么？',
      },
      options: [
        {
          id: 'nothing',
          text: { en: 'Nothing: it computes a cross-correlation', zh: '什么也不做：它计算的是互相关' },
        },
        {
          id: 'flip',
          text: { en: 'It flips it by 180°, as in mathematics', zh: '像数学中那样把它旋转 180°' },
        },
        { id: 'normalise', text: { en: 'It normalises it to sum to 1', zh: '把它归一化，使权重之和为 1' } },
      ],
      correct: 'nothing',
      explanation: {
        en: 'Deep-learning convolution is cross-correlation: no flip. Since the weights are learned, a flip would only mirror what is learned; it matters when copying a textbook kernel.',
        zh: '深度学习中的卷积就是互相关：不翻转。权重是学出来的，翻转只会让学到的权重变成镜像；只有照抄教材中的卷积核时才需要注意。',
      },
    },
    {
      kind: 'numeric',
      id: 'conv-params',
      prompt: {
        en: `A convolutional layer has F = ${COUNT_CASES.conv.f} filters of size ${COUNT_CASES.conv.k} × ${COUNT_CASES.conv.k} over C = ${COUNT_CASES.conv.c} input channels (the three CT windows), one bias per filter. How many parameters?`,
        zh: `一个卷积层有 F = ${COUNT_CASES.conv.f} 个 ${COUNT_CASES.conv.k} × ${COUNT_CASES.conv.k} 的滤波器，作用于 C = ${COUNT_CASES.conv.c} 个输入通道（三种 CT 窗），每个滤波器一个偏置。共有多少个参数？`,
      },
      answer: convAnswer,
      tolerance: 0,
      explanation: {
        en: `k·k·C·F + F = ${COUNT_CASES.conv.k}·${COUNT_CASES.conv.k}·${COUNT_CASES.conv.c}·${COUNT_CASES.conv.f} + ${COUNT_CASES.conv.f} = ${convAnswer}, for an image of any size.`,
        zh: `k·k·C·F + F = ${COUNT_CASES.conv.k}·${COUNT_CASES.conv.k}·${COUNT_CASES.conv.c}·${COUNT_CASES.conv.f} + ${COUNT_CASES.conv.f} = ${convAnswer}，与图像大小无关。`,
      },
    },
    {
      kind: 'numeric',
      id: 'dense-params',
      prompt: {
        en: `A dense layer maps a ${d.side} × ${d.side} single-channel patch to an output of the same size (${d.side} × ${d.side} units, one bias each). How many parameters?`,
        zh: `一个全连接层把 ${d.side} × ${d.side} 的单通道图块映射为同样大小的输出（${d.side} × ${d.side} 个单元，每个一个偏置）。共有多少个参数？`,
      },
      answer: denseAnswer,
      tolerance: 0,
      explanation: {
        en: `(${d.side}·${d.side})·(${d.side}·${d.side}) + ${d.side}·${d.side} = ${groupDigits(denseAnswer)}. A 3 × 3 convolution doing a similar job has ${smallConv}.`,
        zh: `(${d.side}·${d.side})·(${d.side}·${d.side}) + ${d.side}·${d.side} = ${groupDigits(denseAnswer)}。完成类似工作的 3 × 3 卷积只有 ${smallConv} 个参数。`,
      },
    },
    sizeQuestion('size-mr', SIZE_CASES.mr, {
      en: 'A 256 × 256 MR slice',
      zh: '一张 256 × 256 的 MR 切片',
    }),
    {
      kind: 'choice',
      id: 'sobel-edges',
      prompt: {
        en: 'A round nodule, brighter than the lung around it, is filtered with Sobel x. Where is the feature map far from 0?',
        zh: '用 Sobel x 对一个比周围肺组织更亮的圆形结节滤波。特征图在哪里明显偏离 0？',
      },
      options: [
        {
          id: 'left-right',
          text: {
            en: 'On its left edge (positive) and its right edge (negative)',
            zh: '在其左缘（正值）和右缘（负值）',
          },
        },
        { id: 'centre', text: { en: 'At its centre', zh: '在其中心' } },
        { id: 'top-bottom', text: { en: 'On its upper and lower edges only', zh: '只在其上缘和下缘' } },
      ],
      correct: 'left-right',
      explanation: {
        en: 'Sobel x responds to brightness changing from left to right. Inside the nodule the left and right columns cancel; across the left edge the right column is on bright tissue (positive), across the right edge on dark lung (negative). The upper and lower edges are Sobel y’s.',
        zh: 'Sobel x 对从左到右的亮度变化有响应。结节内部左右两列相互抵消；跨过左缘时右列落在亮的组织上（正值），跨过右缘时右列落在暗的肺组织上（负值）。上下边缘属于 Sobel y。',
      },
    },
    {
      kind: 'choice',
      id: 'dilation',
      prompt: {
        en: `Compared with a ${DIL.k} × ${DIL.k} kernel, what does the same kernel with dilation ${DIL.d} change?`,
        zh: `与普通 ${DIL.k} × ${DIL.k} 卷积核相比，膨胀率为 ${DIL.d} 的同一卷积核改变了什么？`,
      },
      options: [
        {
          id: 'field',
          text: {
            en: `It sees a ${dilSpan} × ${dilSpan} area with the same ${DIL.k * DIL.k} weights; the output keeps its resolution`,
            zh: `用同样的 ${DIL.k * DIL.k} 个权重看到 ${dilSpan} × ${dilSpan} 的范围；输出保持分辨率`,
          },
        },
        {
          id: 'resolution',
          text: {
            en: `It divides the output size by ${DIL.d}, like stride ${DIL.d}`,
            zh: `像步长 ${DIL.d} 一样把输出尺寸缩小为原来的 1/${DIL.d}`,
          },
        },
        {
          id: 'weights',
          text: {
            en: `It needs ${dilSpan * dilSpan} weights instead of ${DIL.k * DIL.k}`,
            zh: `需要 ${dilSpan * dilSpan} 个权重而不是 ${DIL.k * DIL.k} 个`,
          },
        },
      ],
      correct: 'field',
      explanation: {
        en: `Dilation spreads the taps d apart: the span becomes d·(k − 1) + 1 = ${dilSpan} with no new weights. Stride trades resolution for speed and field of view; dilation grows the field of view without losing resolution.`,
        zh: `膨胀把采样点之间的间隔拉大到 d：覆盖范围变为 d·(k − 1) + 1 = ${dilSpan}，却不增加权重。步长以分辨率换取速度和视野；膨胀在不损失分辨率的情况下扩大视野。`,
      },
    },
    {
      kind: 'choice',
      id: 'equivariance',
      prompt: {
        en: 'The same nodule appears 10 pixels further to the right on another slice. What happens to the feature map of a convolutional layer (stride 1)?',
        zh: '同一个结节在另一张切片上向右移动了 10 个像素。步长为 1 的卷积层的特征图会怎样？',
      },
      options: [
        {
          id: 'shifts',
          text: {
            en: 'Its response moves 10 pixels to the right, unchanged',
            zh: '响应同样向右移动 10 个像素，形状不变',
          },
        },
        { id: 'lost', text: { en: 'The nodule is no longer detected', zh: '结节不再被检测到' } },
        { id: 'same', text: { en: 'Nothing: the map stays where it was', zh: '没有变化：特征图保持原位' } },
      ],
      correct: 'shifts',
      explanation: {
        en: 'The same weights are used at every position (weight sharing), so shifting the input shifts the output: convolution is translation-equivariant. A nodule is detected wherever it is.',
        zh: '每个位置都使用同样的权重（权值共享），所以输入平移，输出也随之平移：卷积具有平移等变性。结节无论出现在哪里都能被检测到。',
      },
    },
  ],
};
