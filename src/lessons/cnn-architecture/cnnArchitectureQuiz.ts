/**
 * The quiz of the `cnn-architecture` lesson. Every numeric answer is computed here with the small
 * formulas of `cnnArithmetic.ts` from the layer sizes of the zoo's architectures
 * (core/models/zooArchitectures.ts) given in each question; tests/unit/lessons/cnnArchitectureQuiz.test.ts
 * checks each one against `analyseGraph(describeModel(def.build(tfl)))` of the real models, so a change
 * of an architecture that the quiz no longer describes fails the test. No tfjs is loaded here.
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { QuizDef } from '../../core/lessons/types';
import { convLayerParams } from '../../core/models/smallCnn';
import { convOutputSize } from '../../core/tensor/reference/convGeometry';
import { depthwiseParams, receptiveFieldSteps, type KernelStride } from './cnnArithmetic';

/** Output side of a k × k window with stride s over n pixels, no padding: ⌊(n − k)/s⌋ + 1. */
const validOutputSize = (n: number, k: number, s = 1): number => convOutputSize(n, k, s, 0, 0, 1);

/** The zoo's input side (every model takes 64 × 64 × 1). */
export const INPUT_SIDE = 64;

/** TinyVGG (buildTinyVgg): 10 filters of 3 × 3 in every conv, valid padding; conv_1_2 takes conv_1_1's 10 channels. */
export const TINY_VGG = { k: 3, filters: 10 } as const;

/** TinyVGG's layers up to max_pool_2, as kernel and stride: conv, conv, pool, conv, conv, pool. */
export const TINY_VGG_STACK: readonly KernelStride[] = [
  { k: 3, s: 1 },
  { k: 3, s: 1 },
  { k: 2, s: 2 },
  { k: 3, s: 1 },
  { k: 3, s: 1 },
  { k: 2, s: 2 },
];

/** LeNet-5 style (buildLeNet5): 5 × 5 valid convs with 6 and 16 filters, each followed by 2 × 2 average pooling. */
export const LENET = { k: 5, filters: [6, 16], pool: 2 } as const;

/** MobileNet style (buildMobileNet) block 2: a 3 × 3 depthwise conv on 32 channels, then a 1 × 1 conv to 64. */
export const MOBILENET_BLOCK_2 = { k: 3, cIn: 32, cOut: 64 } as const;

/** conv_1_2 of TinyVGG: 3·3·10·10 + 10. */
export const convParamsAnswer = convLayerParams(TINY_VGG.filters, TINY_VGG.k, TINY_VGG.filters);
const rfSteps = receptiveFieldSteps(TINY_VGG_STACK);
/** Receptive field of max_pool_2 of TinyVGG (pixels per side). */
export const poolReceptiveFieldAnswer = rfSteps.at(-1)!.r;
/** A valid 3 × 3 conv on 64 pixels. */
export const validSizeAnswer = validOutputSize(INPUT_SIDE, 3);
const lenetSides = (() => {
  const c1 = validOutputSize(INPUT_SIDE, LENET.k);
  const p1 = validOutputSize(c1, LENET.pool, LENET.pool);
  const c2 = validOutputSize(p1, LENET.k);
  const p2 = validOutputSize(c2, LENET.pool, LENET.pool);
  return { c1, p1, c2, p2 };
})();
/** LeNet's flatten length: side² · 16 after the second pooling. */
export const flattenSizeAnswer = lenetSides.p2 * lenetSides.p2 * LENET.filters[1];
const m = MOBILENET_BLOCK_2;
const depthwise = depthwiseParams(m.k, m.cIn);
const pointwise = convLayerParams(m.cOut, 1, m.cIn);
const standard = convLayerParams(m.cOut, m.k, m.cIn);
/** Standard 3 × 3 conv parameters ÷ (depthwise + pointwise) parameters, MobileNet block 2. */
export const separableRatioAnswer = standard / (depthwise + pointwise);

const f = (v: number, d = 2): string => formatNumber(v, d);
const rfChain = rfSteps.map((s) => s.r).join(' → ');
const jumpChain = rfSteps.map((s) => s.j).join(' → ');

/** The quiz of the last step. */
export const cnnArchitectureQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'conv-params',
      prompt: {
        en: `TinyVGG’s second convolution (conv_1_2) has ${TINY_VGG.filters} filters of ${TINY_VGG.k} × ${TINY_VGG.k}, each with a bias, over the ${TINY_VGG.filters} channels of the first. How many parameters does it have?`,
        zh: `TinyVGG 的第二个卷积层有 ${TINY_VGG.filters} 个 ${TINY_VGG.k} × ${TINY_VGG.k} 的滤波器，每个带一个偏置，作用于第一个卷积层输出的 ${TINY_VGG.filters} 个通道。它有多少个参数？`,
      },
      answer: convParamsAnswer,
      tolerance: 0,
      explanation: {
        en: `k·k·C·F + F = ${TINY_VGG.k}·${TINY_VGG.k}·${TINY_VGG.filters}·${TINY_VGG.filters} + ${TINY_VGG.filters} = ${convParamsAnswer}. Each filter spans all input channels; the count does not depend on the image size.`,
        zh: `k·k·C·F + F = ${TINY_VGG.k}·${TINY_VGG.k}·${TINY_VGG.filters}·${TINY_VGG.filters} + ${TINY_VGG.filters} = ${convParamsAnswer}。每个滤波器覆盖全部输入通道；参数量与图像大小无关。`,
      },
    },
    {
      kind: 'numeric',
      id: 'pool-receptive-field',
      prompt: {
        en: 'TinyVGG is 3 × 3 conv, 3 × 3 conv, 2 × 2 max-pool (stride 2), 3 × 3 conv, 3 × 3 conv, 2 × 2 max-pool (stride 2). How many input pixels wide is the receptive field of one unit after the second max-pool?',
        zh: 'TinyVGG 依次为 3 × 3 卷积、3 × 3 卷积、2 × 2 最大池化（步长 2）、3 × 3 卷积、3 × 3 卷积、2 × 2 最大池化（步长 2）。第二个最大池化之后，一个单元的感受野在输入上有多少个像素宽？',
      },
      answer: poolReceptiveFieldAnswer,
      tolerance: 0,
      explanation: {
        en: `r grows by (k − 1)·j at each layer, and the jump j (input pixels between neighbouring units) is multiplied by the stride: r = ${rfChain}, j = ${jumpChain}. So one unit after the second pool sees ${poolReceptiveFieldAnswer} × ${poolReceptiveFieldAnswer} input pixels.`,
        zh: `每经过一层，r 增加 (k − 1)·j；跳距 j（相邻单元在输入上相隔的像素数）乘以步长：r = ${rfChain}，j = ${jumpChain}。所以第二个池化之后的一个单元能看到 ${poolReceptiveFieldAnswer} × ${poolReceptiveFieldAnswer} 个输入像素。`,
      },
    },
    {
      kind: 'numeric',
      id: 'valid-size',
      prompt: {
        en: `A 3 × 3 convolution with stride 1 and no padding (“valid”) is applied to a ${INPUT_SIDE} × ${INPUT_SIDE} input. How many pixels does each side of its output have?`,
        zh: `对 ${INPUT_SIDE} × ${INPUT_SIDE} 的输入施加步长 1、无填充（“有效”卷积）的 3 × 3 卷积。输出每边有多少个像素？`,
      },
      answer: validSizeAnswer,
      tolerance: 0,
      explanation: {
        en: `⌊(n − k)/s⌋ + 1 = ⌊(${INPUT_SIDE} − 3)/1⌋ + 1 = ${validSizeAnswer}: the kernel cannot be centred on the outermost ring of pixels. This is TinyVGG’s first layer.`,
        zh: `⌊(n − k)/s⌋ + 1 = ⌊(${INPUT_SIDE} − 3)/1⌋ + 1 = ${validSizeAnswer}：卷积核无法以最外一圈像素为中心。这正是 TinyVGG 的第一层。`,
      },
    },
    {
      kind: 'numeric',
      id: 'flatten-size',
      prompt: {
        en: `The LeNet-5 style model takes a ${INPUT_SIDE} × ${INPUT_SIDE} slice through a valid ${LENET.k} × ${LENET.k} conv with ${LENET.filters[0]} filters, 2 × 2 average pooling, a valid ${LENET.k} × ${LENET.k} conv with ${LENET.filters[1]} filters and 2 × 2 average pooling, then flattens. How many values enter its first dense layer?`,
        zh: `LeNet-5 风格的模型把 ${INPUT_SIDE} × ${INPUT_SIDE} 的切片依次送入 ${LENET.filters[0]} 个滤波器的有效 ${LENET.k} × ${LENET.k} 卷积、2 × 2 平均池化、${LENET.filters[1]} 个滤波器的有效 ${LENET.k} × ${LENET.k} 卷积和 2 × 2 平均池化，然后展平。进入第一个全连接层的数值有多少个？`,
      },
      answer: flattenSizeAnswer,
      tolerance: 0,
      explanation: {
        en: `${INPUT_SIDE} → ${lenetSides.c1} (conv) → ${lenetSides.p1} (pool) → ${lenetSides.c2} (conv) → ${lenetSides.p2} (pool); ${lenetSides.p2}·${lenetSides.p2}·${LENET.filters[1]} = ${flattenSizeAnswer} values. A larger input would change this number, and with it the dense layer’s weights.`,
        zh: `${INPUT_SIDE} → ${lenetSides.c1}（卷积）→ ${lenetSides.p1}（池化）→ ${lenetSides.c2}（卷积）→ ${lenetSides.p2}（池化）；${lenetSides.p2}·${lenetSides.p2}·${LENET.filters[1]} = ${flattenSizeAnswer} 个数值。输入变大，这个数就会改变，全连接层的权重也随之改变。`,
      },
    },
    {
      kind: 'numeric',
      id: 'separable-ratio',
      prompt: {
        en: `In the MobileNet style model, block 2 turns ${m.cIn} channels into ${m.cOut} with a ${m.k} × ${m.k} depthwise convolution (one filter per channel, with biases) followed by a 1 × 1 convolution (with biases). How many times more parameters would one standard ${m.k} × ${m.k} convolution from ${m.cIn} to ${m.cOut} channels (with biases) have? Give two decimals.`,
        zh: `在 MobileNet 风格的模型中，第 2 个模块用 ${m.k} × ${m.k} 深度卷积（每个通道一个滤波器，带偏置）加上 1 × 1 卷积（带偏置），把 ${m.cIn} 个通道变为 ${m.cOut} 个。如果改用一个从 ${m.cIn} 到 ${m.cOut} 通道的标准 ${m.k} × ${m.k} 卷积（带偏置），参数量是前者的多少倍？保留两位小数。`,
      },
      answer: separableRatioAnswer,
      tolerance: 0.01,
      explanation: {
        en: `Depthwise: ${m.k}·${m.k}·${m.cIn} + ${m.cIn} = ${depthwise}; pointwise: ${m.cIn}·${m.cOut} + ${m.cOut} = ${pointwise}; together ${depthwise + pointwise}. Standard: ${m.k}·${m.k}·${m.cIn}·${m.cOut} + ${m.cOut} = ${standard}. Ratio ${standard} / ${depthwise + pointwise} ≈ ${f(separableRatioAnswer)}; without biases it is 1 / (1/F + 1/k²) for F output channels ≈ ${f(1 / (1 / m.cOut + 1 / (m.k * m.k)))}.`,
        zh: `深度卷积：${m.k}·${m.k}·${m.cIn} + ${m.cIn} = ${depthwise}；逐点卷积：${m.cIn}·${m.cOut} + ${m.cOut} = ${pointwise}；合计 ${depthwise + pointwise}。标准卷积：${m.k}·${m.k}·${m.cIn}·${m.cOut} + ${m.cOut} = ${standard}。比值 ${standard} / ${depthwise + pointwise} ≈ ${f(separableRatioAnswer)}；不计偏置时，对 F 个输出通道为 1 / (1/F + 1/k²) ≈ ${f(1 / (1 / m.cOut + 1 / (m.k * m.k)))}。`,
      },
    },
    {
      kind: 'choice',
      id: 'gap-input-size',
      prompt: {
        en: 'The ResNet and MobileNet style models end with global average pooling before their dense layer; TinyVGG and LeNet flatten instead. What does that change?',
        zh: 'ResNet 风格和 MobileNet 风格的模型在全连接层之前使用全局平均池化，而 TinyVGG 和 LeNet 使用展平。这带来了什么不同？',
      },
      options: [
        {
          id: 'more-params',
          text: {
            en: 'Their dense layer has more weights, one per pixel of the last map',
            zh: '它们的全连接层权重更多，最后一张特征图的每个像素对应一个权重',
          },
        },
        {
          id: 'any-size',
          text: {
            en: 'Their dense layer gets one value per channel whatever the map size, so the same weights accept a larger input',
            zh: '无论特征图多大，全连接层都只得到每个通道一个数值，所以同一组权重可以接受更大的输入',
          },
        },
        {
          id: 'keeps-position',
          text: {
            en: 'It keeps where in the image each feature was found',
            zh: '它保留了每个特征在图像中出现的位置',
          },
        },
      ],
      correct: 'any-size',
      explanation: {
        en: 'Global average pooling takes the mean of each channel over all positions: C numbers for any H × W. The dense layer after it therefore has C inputs whatever the input size, and the model (all convolutions) runs on a larger slice with the same weights. Flatten gives H·W·C values, so its dense layer is tied to one input size. The price: the position of a feature is averaged away.',
        zh: '全局平均池化对每个通道在所有位置上取平均：无论 H × W 多大，都得到 C 个数。因此其后的全连接层总有 C 个输入，与输入大小无关，整个模型（其余都是卷积）可以用同一组权重处理更大的切片。展平则得到 H·W·C 个数值，它后面的全连接层只适用于一种输入大小。代价是：特征的位置信息被平均掉了。',
      },
    },
    {
      kind: 'choice',
      id: 'grad-cam-alpha',
      prompt: {
        en: 'Grad-CAM weights each feature map A^k of a layer by α_k and adds them up: ReLU(Σ_k α_k A^k). What is α_k?',
        zh: 'Grad-CAM 用 α_k 给某层的每张特征图 A^k 加权再相加：ReLU(Σ_k α_k A^k)。α_k 是什么？',
      },
      options: [
        {
          id: 'mean-activation',
          text: {
            en: 'The mean activation of map k for this image',
            zh: '这张图像在第 k 张特征图上的平均激活值',
          },
        },
        {
          id: 'filter-norm',
          text: {
            en: 'The size (norm) of filter k’s learned weights',
            zh: '第 k 个滤波器学到的权重的大小（范数）',
          },
        },
        {
          id: 'mean-gradient',
          text: {
            en: 'The gradient of the class score (before softmax) with respect to A^k, averaged over all positions of the map',
            zh: '类别得分（softmax 之前）对 A^k 的梯度在特征图所有位置上的平均值',
          },
        },
      ],
      correct: 'mean-gradient',
      explanation: {
        en: 'α_k = (1/Z) Σ_(i,j) ∂y_c/∂A^k(i, j), the mean over the Z positions (Selvaraju et al., 2017): how much the class score y_c would rise, on average, if map k were stronger. Maps that push the score up get positive weights; the ReLU keeps only the regions that speak for the class.',
        zh: 'α_k = (1/Z) Σ_(i,j) ∂y_c/∂A^k(i, j)，即在 Z 个位置上的平均（Selvaraju 等，2017）：表示第 k 张特征图整体增强时，类别得分 y_c 平均会上升多少。推高得分的特征图获得正权重；ReLU 只保留支持该类别的区域。',
      },
    },
  ],
};
