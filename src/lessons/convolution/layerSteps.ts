/** Steps 3–4 of the convolution lesson: stride, padding and dilation; a layer as a bank of filters. */
import type { StepDef } from '../../core/lessons/types';
import { convOutputSize, effectiveKernelSize } from '../../core/tensor/reference/convGeometry';
import { SLICE_PARAM } from '../shared/lessonSlice';
import {
  dilationParam,
  inChannelsParam,
  inputSizeParam,
  kernelSizeParam,
  layerKernelParam,
  outChannelsParam,
  padAmountParam,
  padFillParam,
  paddingChoiceParam,
  stridePositionParam,
  strideParam,
} from './convolutionParams';
import { SIZE_CASES, sizeAnswer, strideQuiz } from './convolutionQuiz';
import { convParamCount, countInWords, groupDigits, scientific, weightSharing } from './weightSharing';

const S = SIZE_CASES.strided;
const sameOut = convOutputSize(S.n, S.k, 1, S.p, S.p, 1);
const span2 = effectiveKernelSize(3, 2);
/** The example of step 4: a 512 × 512 CT slice, 3 channels, 8 filters of 3 × 3. */
const EX = { side: 512, c: 3, k: 3, f: 8 } as const;
const ex = weightSharing(EX.side, EX.side, EX.c, EX.k, EX.f);

/** Step 3: stride, padding and dilation on a small crop, with the output-size formula. */
const stridePadding: StepDef = {
  id: 'stride-padding',
  title: { en: 'Stride, padding and dilation', zh: '步长、填充与膨胀' },
  widget: 'conv-stride-padding',
  params: [
    SLICE_PARAM,
    inputSizeParam,
    kernelSizeParam,
    strideParam,
    paddingChoiceParam,
    padAmountParam,
    padFillParam,
    dilationParam,
    stridePositionParam,
  ],
  body: {
    en: `Three settings decide where the kernel goes and how big the output is. Along each axis, for input size n, kernel size k, stride s, padding p on each side and dilation d, the output size n′ is:

**n′ = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1**

- **Padding** adds a border so that the kernel can be centred on edge pixels too. Without it (“valid”) every layer shrinks the image by k − 1 and the border pixels count less; with “same” padding the output keeps the input’s size (n = ${S.n}, k = ${S.k}, p = ${S.p}, s = 1 gives ${sameOut}). Zeros are the usual fill; reflect copies the image across its edge, which avoids a false edge where the image does not end in black (a region cut from inside the body, a radiograph with a bright border).
- **Stride** moves the kernel s pixels at a time: the output shrinks by about s along each axis (with s = ${S.s}, ${S.n} becomes ${sizeAnswer(S)}), which saves computation and widens what later layers see, at the cost of resolution: a small nodule is located only to within s pixels, and when the stride is larger than the kernel (try k = 1, s = 2) some pixels are never seen at all.
- **Dilation** spreads the taps d pixels apart: a 3 × 3 kernel with d = 2 sees ${span2} × ${span2} pixels with the same 9 weights. It widens the field of view without losing resolution, useful for large structures such as the liver or a haematoma, but it can skip thin ones.

Change the settings and press **Play** to see which input pixels each output sees; the formula on the right uses the current numbers.`,
    zh: `有三个设置决定卷积核落在哪里、输出有多大。沿每个方向，设输入尺寸为 n，卷积核尺寸为 k，步长为 s，每侧填充 p，膨胀率为 d，则输出尺寸 n′ 为：

**n′ = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1**

- **填充**在图像四周加一圈边框，使卷积核也能以边缘像素为中心。不加填充（有效卷积）时，每一层都让图像缩小 k − 1，边缘像素的作用也更小；用“同尺寸”填充时，输出保持输入的大小（n = ${S.n}、k = ${S.k}、p = ${S.p}、s = 1 时输出为 ${sameOut}）。通常用零填充；反射填充把图像沿边缘镜像复制，可避免在图像边缘不是黑色的地方（从体内截取的区域、边缘较亮的 X 线片）产生虚假的边缘。
- **步长**让卷积核每次移动 s 个像素：输出在每个方向上大约缩小为 1/s（s = ${S.s} 时，${S.n} 变为 ${sizeAnswer(S)}），这样可以节省计算量，并扩大后续层的视野，代价是分辨率降低：小结节的位置只能精确到 s 个像素以内；当步长大于卷积核时（试试 k = 1、s = 2），有些像素根本不会被看到。
- **膨胀**把采样点的间隔拉大为 d 个像素：d = 2 的 3 × 3 卷积核用同样的 9 个权重看到 ${span2} × ${span2} 个像素。它在不损失分辨率的情况下扩大视野，适合肝脏或血肿等较大的结构，但可能漏掉细小的结构。

改变设置并按**播放**，观察每个输出看到了哪些输入像素；右侧公式使用的是当前的数值。`,
  },
  notes: {
    en: `Let the room compute the output size with the formula before you change a setting, then check it on screen. Useful cases: k = 3, “same” (n′ = n); s = 2 (about half); d = 2 with no padding (the output shrinks by ${span2 - 1}, not ${3 - 1}). Reflect padding fails when the padding is as wide as the input: the message says why. The two quiz questions below are the same arithmetic on real image sizes.`,
    zh: `每次改变设置之前，先让学员用公式算出输出尺寸，再在屏幕上核对。几个有用的例子：k = 3 且“同尺寸”填充（n′ = n）；s = 2（约减半）；d = 2 且不填充（输出缩小 ${span2 - 1} 而不是 ${3 - 1}）。当填充宽度达到输入宽度时，反射填充无法进行：界面会说明原因。下面两道题是在真实图像尺寸上做同样的计算。`,
  },
  quiz: strideQuiz,
};

/** Step 4: a convolutional layer as a bank of filters over all input channels; weight sharing counted. */
const convLayer: StepDef = {
  id: 'conv-layer',
  title: { en: 'A convolutional layer: a bank of filters', zh: '卷积层：一组滤波器' },
  widget: 'conv-layer',
  params: [SLICE_PARAM, layerKernelParam, inChannelsParam, outChannelsParam],
  body: {
    en: `A real layer has several input channels and many filters. Each filter has one k × k kernel slice **per input channel**; its output map is the sum over the channels of each channel convolved with its slice, plus a bias: map f = Σ_c (channel c ⊛ w_c,f) + b_f. A layer with F filters makes F maps, the input channels of the next layer.

Here the input has up to three channels made from the slice (for CT, three windows; otherwise the intensity and its gradients), and the filters are hand-made so that you can read them. A trained network learns its own.

**Weight sharing.** The same few weights are used at every position of the image. A layer of ${EX.f} filters of ${EX.k} × ${EX.k} over ${EX.c} channels has k·k·C·F + F = ${groupDigits(ex.conv)} parameters, on any image. A dense layer connecting a ${EX.side} × ${EX.side} × ${EX.c} slice to an output of the same size as the convolution’s would need ${groupDigits(ex.dense)} (${countInWords(ex.dense, 'en')}, ${scientific(ex.dense)}). Sharing also makes convolution **translation-equivariant**: a nodule shifted by 10 pixels gives the same response shifted by 10 pixels (stride 1, away from the image border), so it is found wherever it lies.`,
    zh: `实际的卷积层有多个输入通道和许多滤波器。每个滤波器对**每个输入通道**各有一个 k × k 的卷积核切片；它的输出图是各通道分别与对应切片卷积后求和，再加上偏置：第 f 个图 = Σ_c（通道 c ⊛ w_c,f）+ b_f。有 F 个滤波器的卷积层产生 F 张特征图，它们就是下一层的输入通道。

这里的输入最多有三个由切片生成的通道（CT 用三种窗；其他图像用强度及其梯度），滤波器是手工设计的，便于解读。训练好的网络会学到自己的滤波器。

**权值共享。**图像的每个位置都使用同一组少量权重。在 ${EX.c} 个通道上有 ${EX.f} 个 ${EX.k} × ${EX.k} 滤波器的卷积层共有 k·k·C·F + F = ${groupDigits(ex.conv)} 个参数，与图像大小无关。若用全连接层把 ${EX.side} × ${EX.side} × ${EX.c} 的切片连接到与卷积输出同样大小的输出，则需要 ${groupDigits(ex.dense)} 个参数（${countInWords(ex.dense, 'zh')}，${scientific(ex.dense)}）。权值共享还使卷积具有**平移等变性**：结节平移 10 个像素，响应也同样平移 10 个像素（步长为 1，且远离图像边界），因此无论结节在哪里都能被发现。`,
  },
  notes: {
    en: `Point at one output map and trace it back: each of its kernel slices looks at one channel, and the results add up. Set C = 1 to show the single-channel case of the previous steps, then raise F and watch the convolutional count grow by k·k·C + 1 = ${convParamCount(EX.k, EX.c, 1)} per filter while the dense count stays astronomical. The dense layer would not even fit in a browser’s memory: that, plus translation equivariance, is why CNNs took over image analysis.`,
    zh: `指着某一张输出图往回追溯：它的每个卷积核切片各看一个通道，结果再相加。先把 C 设为 1，展示前几步的单通道情形；再增大 F，可见卷积层的参数量每个滤波器只增加 k·k·C + 1 = ${convParamCount(EX.k, EX.c, 1)} 个，而全连接层的参数量始终是天文数字。这样的全连接层连浏览器的内存都放不下：正因如此，再加上平移等变性，CNN 才成为图像分析的主流。`,
  },
};

/** Steps 3 and 4. */
export const layerSteps: readonly StepDef[] = [stridePadding, convLayer];
