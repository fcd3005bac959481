/** The quiz of the neurons lesson; numeric answers come from the lesson's own formulas. */
import type { QuizDef } from '../../core/lessons/types';
import { convLayerParams } from '../../core/models/smallCnn';
import { denseLayerParams, LESSON_CNN } from './mlpParamTable';
import { neuronForward } from './neuronForward';
import { fmtInt, fmtNum, fmtTerm } from './neuronsFormat';

/** The neuron of the first question: inputs, weights, bias, ReLU. */
export const QUIZ_NEURON = { x: [0.5, -1, 2], w: [0.8, -0.3, 0.5], b: -0.2 } as const;
/** The MLP of the second question: a flattened 64×64 patch into one hidden layer. */
export const QUIZ_MLP = { side: 64, units: 256 } as const;
/** The convolution of the third question. */
export const QUIZ_CONV = { filters: 16, kernel: 3, channels: 8 } as const;

const neuron = neuronForward([...QUIZ_NEURON.x], [...QUIZ_NEURON.w], QUIZ_NEURON.b, 'relu');
const [x1, x2, x3] = QUIZ_NEURON.x.map((v) => fmtNum(v));
const [w1, w2, w3] = QUIZ_NEURON.w.map((v) => fmtNum(v));
const sumText = `${QUIZ_NEURON.w.map((w, i) => `${fmtTerm(w)}·${fmtTerm(QUIZ_NEURON.x[i] ?? 0)}`).join(' + ')} + ${fmtTerm(QUIZ_NEURON.b)}`;
const mlpInputs = QUIZ_MLP.side * QUIZ_MLP.side;
const mlpAnswer = denseLayerParams(mlpInputs, QUIZ_MLP.units);
const convAnswer = convLayerParams(QUIZ_CONV.filters, QUIZ_CONV.kernel, QUIZ_CONV.channels);
const { filters: cf, kernel: ck, channels: cc } = QUIZ_CONV;
const k = LESSON_CNN.kernel;

/** The quiz of the neurons lesson. */
export const neuronsQuiz: QuizDef = {
  questions: [
    {
      kind: 'numeric',
      id: 'neuron-output',
      prompt: {
        en: `A neuron with ReLU activation gets the inputs x = (${x1}, ${x2}, ${x3}) with weights w = (${w1}, ${w2}, ${w3}) and bias b = ${fmtNum(QUIZ_NEURON.b)}. What is its output y? Give two decimals.`,
        zh: `一个使用 ReLU 激活函数的神经元，输入 x = (${x1}, ${x2}, ${x3})，权重 w = (${w1}, ${w2}, ${w3})，偏置 b = ${fmtNum(QUIZ_NEURON.b)}。它的输出 y 是多少？保留两位小数。`,
      },
      answer: neuron.y,
      tolerance: 0.01,
      explanation: {
        en: `z = ${sumText} = ${fmtNum(neuron.z)}; y = max(0, z) = ${fmtNum(neuron.y)}.`,
        zh: `z = ${sumText} = ${fmtNum(neuron.z)}；y = max(0, z) = ${fmtNum(neuron.y)}。`,
      },
    },
    {
      kind: 'numeric',
      id: 'mlp-params',
      prompt: {
        en: `An MLP takes a flattened ${QUIZ_MLP.side}×${QUIZ_MLP.side} patch. How many parameters (weights and biases) does its first hidden layer of ${QUIZ_MLP.units} units have? Type the whole number without separators.`,
        zh: `一个 MLP 的输入是展平后的 ${QUIZ_MLP.side}×${QUIZ_MLP.side} 图块。它的第一个隐藏层有 ${QUIZ_MLP.units} 个单元，共有多少个参数（权重加偏置）？请输入完整的整数，不要加分隔符。`,
      },
      answer: mlpAnswer,
      tolerance: 0,
      explanation: {
        en: `${fmtInt(mlpInputs)} inputs × ${QUIZ_MLP.units} units + ${QUIZ_MLP.units} biases = ${fmtInt(mlpAnswer)}: every unit has its own weight for every pixel.`,
        zh: `${fmtInt(mlpInputs)} 个输入 × ${QUIZ_MLP.units} 个单元 + ${QUIZ_MLP.units} 个偏置 = ${fmtInt(mlpAnswer)}：每个单元对每个像素都有一个自己的权重。`,
      },
    },
    {
      kind: 'numeric',
      id: 'conv-params',
      prompt: {
        en: `A convolutional layer has ${cf} filters of ${ck}×${ck} over ${cc} input channels. How many parameters does it have, biases included?`,
        zh: `一个卷积层有 ${cf} 个 ${ck}×${ck} 的滤波器，输入有 ${cc} 个通道。算上偏置，它共有多少个参数？`,
      },
      answer: convAnswer,
      tolerance: 0,
      explanation: {
        en: `Each filter has ${ck}·${ck}·${cc} = ${ck * ck * cc} weights and one bias: ${cf} × (${ck * ck * cc} + 1) = ${fmtInt(convAnswer)}, whatever the size of the image.`,
        zh: `每个滤波器有 ${ck}·${ck}·${cc} = ${ck * ck * cc} 个权重和 1 个偏置：${cf} × (${ck * ck * cc} + 1) = ${fmtInt(convAnswer)}，与图像大小无关。`,
      },
    },
    {
      kind: 'choice',
      id: 'permute-mlp',
      prompt: {
        en: 'Every training and test image is shuffled by the same fixed pixel permutation, and an MLP is trained from scratch on the shuffled images. Compared with an MLP trained on the originals, its test accuracy is…',
        zh: '把所有训练和测试图像都用同一个固定的像素置换打乱，再在打乱后的图像上从头训练一个 MLP。与在原图上训练的 MLP 相比，它的测试准确率……',
      },
      options: [
        {
          id: 'same',
          text: {
            en: 'the same, up to the randomness of training: the MLP has no notion of neighbouring pixels',
            zh: '相同（除去训练本身的随机性）：MLP 根本没有“相邻像素”的概念',
          },
        },
        {
          id: 'worse',
          text: {
            en: 'much worse: the images no longer look like anything',
            zh: '差得多：图像已经看不出任何东西',
          },
        },
        { id: 'chance', text: { en: 'at chance level', zh: '只相当于随机猜测' } },
        {
          id: 'better',
          text: { en: 'better: the shuffle acts as augmentation', zh: '更好：打乱起到了数据增强的作用' },
        },
      ],
      correct: 'same',
      explanation: {
        en: 'Permuting the inputs and the first-layer weights the same way gives exactly the same outputs, so whatever the MLP can learn on the originals it can learn on the shuffled images; with randomly drawn initial weights, training on the shuffled images is training on the originals with the first-layer weights relabelled. A CNN would suffer: its small kernels rely on neighbours being related.',
        zh: '把输入和第一层权重按同样方式置换，输出完全不变；因此 MLP 在原图上能学到的，在打乱的图像上同样能学到。初始权重随机抽取时，在打乱的图像上训练，就等于在原图上训练、只是第一层权重换了编号。CNN 则会受损：它的小卷积核依赖于相邻像素之间的联系。',
      },
    },
    {
      kind: 'choice',
      id: 'weight-sharing',
      prompt: {
        en: 'Why does a CNN need far fewer parameters than an MLP on the same image?',
        zh: '为什么在同一幅图像上，CNN 需要的参数远少于 MLP？',
      },
      options: [
        {
          id: 'sharing',
          text: {
            en: 'Each unit looks only at a small neighbourhood, and the same kernel is reused at every position',
            zh: '每个单元只看一个小邻域，并且同一个卷积核在每个位置重复使用',
          },
        },
        {
          id: 'smaller',
          text: { en: 'It shrinks the image before the first layer', zh: '它在第一层之前先把图像缩小' },
        },
        { id: 'nobias', text: { en: 'Its layers have no biases', zh: '它的层没有偏置' } },
        { id: 'fewer', text: { en: 'It always has fewer layers', zh: '它的层数总是更少' } },
      ],
      correct: 'sharing',
      explanation: {
        en: `Local connections and weight sharing: a ${k}×${k} kernel has ${k * k} weights per input channel whether the image is 64×64 or 512×512. Only a dense layer on flattened maps grows with the image.`,
        zh: `局部连接与权重共享：无论图像是 64×64 还是 512×512，一个 ${k}×${k} 卷积核在每个输入通道上都只有 ${k * k} 个权重。只有接在展平特征图上的全连接层才会随图像变大。`,
      },
    },
    {
      kind: 'choice',
      id: 'no-activation',
      prompt: {
        en: 'Two dense layers are stacked with no activation function between them (f(z) = z). What can the pair compute?',
        zh: '两个全连接层直接堆叠，中间没有激活函数（f(z) = z）。这两层合起来能计算什么？',
      },
      options: [
        {
          id: 'linear',
          text: { en: 'Only what a single linear layer can', zh: '只能计算单个线性层能计算的东西' },
        },
        {
          id: 'more',
          text: { en: 'Any function, given enough units', zh: '只要单元足够多，可以计算任何函数' },
        },
        { id: 'nothing', text: { en: 'Nothing: the outputs are always 0', zh: '什么也算不了：输出总是 0' } },
      ],
      correct: 'linear',
      explanation: {
        en: 'W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): one weight matrix and one bias. The non-linear activation between layers is what makes depth worth having.',
        zh: 'W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂)：仍是一个权重矩阵加一个偏置。层与层之间的非线性激活函数才让网络的深度有意义。',
      },
    },
  ],
};
