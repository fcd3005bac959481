/**
 * Steps 1–3 of activation-pooling: activation functions on a feature map, pooling step by step, and
 * the translation-invariance experiment. Numbers in the texts are computed (activationDerivative,
 * poolOutputShape); statements about the experiment's outcome are left to the widget, which derives
 * them from the measured curves.
 *
 * Sources of the statements made here: GELU, Hendrycks & Gimpel 2016, "Gaussian error linear units
 * (GELUs)", arXiv:1606.08415; overlapping 3×3 stride-2 pooling, Krizhevsky, Sutskever & Hinton 2012,
 * "ImageNet classification with deep convolutional neural networks" §3.4; global average pooling
 * instead of fully connected layers, Lin, Chen & Yan 2014, "Network in network" (ICLR), and He et al.
 * 2016, "Deep residual learning for image recognition"; pooling and shifts, Azulay & Weiss 2019,
 * "Why do deep convolutional networks generalize so poorly to small image transformations?" (JMLR
 * 20:184) and Zhang 2019, "Making convolutional networks shift-invariant again" (ICML).
 */
import type { StepDef } from '../../core/lessons/types';
import { activationDerivative } from '../../core/tensor/reference/activations';
import { SHIFT_KERNELS } from '../../core/tensor/shiftExperiment';
import { fmt, SATURATION_THRESHOLD } from './activationPoolingData';
import {
  borderParam,
  centreParams,
  channelParam,
  cropParam,
  directionParam,
  eluAlphaParam,
  fnParam,
  gainParam,
  leakParam,
  mapKernelParam,
  maxShiftParam,
  poolKindParam,
  poolSizeParam,
  probeParam,
  regionParam,
  shownShiftParam,
  strideParam,
  windowPositionParams,
  windowSizeParam,
} from './activationPoolingParams';
import { SLICE_PARAM } from '../shared/lessonSlice';

const s0 = activationDerivative('sigmoid', 0);
const s5 = activationDerivative('sigmoid', 5);
const shrink = fmt(1 / s0);
const t = fmt(SATURATION_THRESHOLD);
const bank = SHIFT_KERNELS.length;

/** Step 1: activation functions and their derivatives, applied to a feature map of the slice. */
export const activationsStep: StepDef = {
  id: 'activations',
  title: { en: 'Activation functions on a feature map', zh: '特征图上的激活函数' },
  widget: 'activation-explorer',
  params: [SLICE_PARAM, fnParam, mapKernelParam, gainParam, probeParam, leakParam, eluAlphaParam],
  body: {
    en: `After a convolution, every value of a feature map goes through a nonlinear **activation function** f. Without one, a stack of convolutions would be a single convolution: linear maps composed stay linear.

The plot shows f(x) and its derivative f′(x), the factor by which the unit multiplies the gradient flowing back through it. The two maps show a feature map of the slice (z = w × the kernel's response) before and after f, on one colour scale; the counts under them say how much of it f switches off or saturates.

- **ReLU**, max(0, x): f′ = 1 for x > 0 and exactly 0 for x < 0. A unit whose input is negative for every image never learns again: a **dead ReLU**.
- **Leaky ReLU** (slope α for x < 0) and **ELU** (α(eˣ − 1) for x < 0) keep some gradient for negative inputs.
- **Sigmoid** and **tanh** squash into (0, 1) and (−1, 1). σ′ is at most σ′(0) = ${fmt(s0)}, and σ′(5) = ${fmt(s5)}: a sigmoid multiplies the gradient flowing back through it by at most ${fmt(s0)}, and by almost 0 in **saturation**. Unless the weights make up for it, every sigmoid layer shrinks the gradient at least ${shrink}-fold: stack a few and the gradient **vanishes**.
- **GELU**, x·Φ(x), is a smooth ReLU used in transformers and recent CNNs.

Move the probe x to read f(x) and f′(x) there, and raise the weight scale w to push more of the map into saturation.`,
    zh: `卷积之后，特征图中的每个数值都要经过一个非线性的**激活函数** f。如果没有它，多层卷积叠加起来仍然只是一次卷积：线性映射的复合仍是线性的。

图中画出 f(x) 及其导数 f′(x)；导数是该单元在反向传播时乘到梯度上的因子。两幅图显示切片的一幅特征图（z = w × 卷积核响应）在经过 f 之前和之后的样子，使用同一色标；下方的统计给出其中有多少被 f 关闭或进入饱和。

- **ReLU**，即 max(0, x)：x > 0 时 f′ = 1，x < 0 时 f′ 恰好为 0。若某单元对每张图像的输入都为负，它就再也学不到东西：这就是**死亡的 ReLU**。
- **带泄漏的 ReLU**（x < 0 时斜率为 α）和 **ELU**（x < 0 时为 α(eˣ − 1)）在输入为负时仍保留一些梯度。
- **sigmoid** 和 **tanh** 把输入压缩到 (0, 1) 和 (−1, 1)。σ′ 最大为 σ′(0) = ${fmt(s0)}，而 σ′(5) = ${fmt(s5)}：sigmoid 至多回传梯度的 1/${shrink}，处于**饱和**时几乎没有梯度回传。除非权重把它补回来，否则每经过一层 sigmoid，梯度至少缩小为原来的 1/${shrink}：叠加几层，梯度就会**消失**。
- **GELU**，即 x·Φ(x)，是一种光滑的 ReLU，用于变换器模型和较新的 CNN。

移动探针 x，读出该处的 f(x) 和 f′(x)；增大权重缩放 w，可以让特征图中更多的数值进入饱和。`,
  },
  notes: {
    en: `Start with ReLU and a negative probe: f′ is exactly 0, so nothing flows back, and the share of zeroed values in the map is the share of units that learn nothing from this image. Switch to sigmoid and raise w: the saturated share (|f′| < ${t}) grows. Ask the room what happens to the gradient after ten sigmoid layers: the sigmoids alone multiply it by at most ${fmt(s0)}¹⁰ = ${fmt(s0 ** 10)}, which the weights would have to make up for. Leaky ReLU and ELU are the usual cures for dead units; batch normalisation and careful initialisation keep inputs out of saturation.`,
    zh: `先选 ReLU，并把探针放在负值处：f′ 恰好为 0，梯度完全无法回传；特征图中被置零数值的比例，就是从这张图像中学不到任何东西的单元所占的比例。再切换到 sigmoid 并增大 w：饱和（|f′| < ${t}）的比例随之增大。可以问学员：经过十层 sigmoid 后梯度会怎样？仅 sigmoid 本身就让它至多乘以 ${fmt(s0)}¹⁰ = ${fmt(s0 ** 10)}，权重必须把这部分补回来。带泄漏的 ReLU 和 ELU 是解决单元死亡的常用办法；批归一化和合理的初始化能让输入远离饱和区。`,
  },
};

/** Step 2: max, average and global average pooling, one window at a time. */
export const poolingStep: StepDef = {
  id: 'pooling',
  title: { en: 'Pooling, one window at a time', zh: '池化：逐个窗口查看' },
  widget: 'pooling-explorer',
  params: [
    SLICE_PARAM,
    poolKindParam,
    windowSizeParam,
    strideParam,
    channelParam,
    regionParam,
    ...centreParams(),
    ...windowPositionParams(),
  ],
  body: {
    en: `A **pooling** layer summarises each k × k window of a feature map by one number and moves the window by a stride s: **max pooling** keeps the largest value, **average pooling** the mean. Each channel is pooled on its own, and there are no weights to learn.

Along each axis an n-value map gives ⌊(n − k)/s⌋ + 1 outputs. With k = s = 2 the map shrinks to a quarter: the layers after it cost less, and each of their units sees a larger part of the image (its receptive field grows).

**Global average pooling** takes the mean of a whole channel: one number per channel, whatever the size of the image. Many modern CNNs, ResNet among them, end with it instead of large fully connected layers.

The input here is the ReLU of one of ${bank} edge and spot detectors over a region of the slice (move it on the thumbnail). Step through the windows and check one output by hand.`,
    zh: `**池化**层把特征图中每个 k × k 窗口概括为一个数，并以步长 s 移动窗口：**最大池化**保留最大值，**平均池化**保留平均值。每个通道单独池化，没有需要学习的权重。

在每个方向上，由 n 个数值的特征图得到 ⌊(n − k)/s⌋ + 1 个输出。当 k = s = 2 时，特征图缩小为原来的四分之一：后面各层的计算量变小，它们的每个单元也能看到图像中更大的一部分（感受野变大）。

**全局平均池化**取整个通道的平均值：无论图像多大，每个通道只得到一个数。许多现代 CNN（例如 ResNet）用它代替庞大的全连接层作为结尾。

这里的输入是切片上某个区域经过 ${bank} 个边缘和斑点检测器之一后的 ReLU（可在缩略图上移动该区域）。逐个查看窗口，并亲手验算一个输出。`,
  },
  notes: {
    en: 'Ask the room for the output size before changing k or s, then check it against the formula the widget writes out. Overlapping windows (k > s, as in AlexNet’s 3×3 stride-2 pooling) are allowed. Point out that max pooling passes the gradient back only to the largest value of each window: the same “switch” idea as ReLU. The claim that pooling makes a CNN insensitive to small shifts is tested on the next step.',
    zh: '在改变 k 或 s 之前，先请学员算出输出尺寸，再与组件写出的公式核对。窗口可以重叠（k > s，例如经典网络中 3×3、步长 2 的池化）。指出最大池化只把梯度传回每个窗口中的最大值：这与 ReLU 的“开关”思想相同。“池化让 CNN 对微小平移不敏感”这一说法将在下一步中接受检验。',
  },
};

/** Step 3: translation invariance, measured. */
export const translationStep: StepDef = {
  id: 'translation',
  title: {
    en: 'Does pooling make a CNN translation invariant? Measure it',
    zh: '池化能让 CNN 具有平移不变性吗？测一测',
  },
  widget: 'shift-experiment',
  params: [
    SLICE_PARAM,
    poolSizeParam,
    maxShiftParam,
    directionParam,
    borderParam,
    cropParam,
    shownShiftParam,
    ...centreParams(),
  ],
  body: {
    en: `The review paper says that pooling gives CNNs **translation invariance**: a nodule is a nodule wherever it sits. Here we measure it.

Take a crop around the nodule and move its content by s = 0, 1, …, K pixels while the crop’s grid stays put. For each shift compute four representations with the same ${bank} fixed filters: conv + ReLU; conv + ReLU + P × P max pooling; two such stages; and conv + ReLU + global average pooling. Then measure how much each one changed:

d(s) = ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖,

over all positions and channels, **at the same grid positions**: the shift is not undone, because invariance means the representation does not change. d = 0 is perfect invariance; d near 1 means the change is as large as the representation itself.

The widget plots the curves, lists the numbers and says what they show. Try different pool sizes, directions and crops, and compare shifts smaller than P, equal to P, and in between multiples of P.`,
    zh: `综述论文说，池化让 CNN 具有**平移不变性**：结节无论出现在哪里都是结节。这里我们来测量它。

取结节周围的一个裁剪块，保持裁剪网格不动，把其中的内容移动 s = 0, 1, …, K 个像素。对每个平移量，用同样的 ${bank} 个固定滤波器计算四种表示：卷积 + ReLU；卷积 + ReLU + P × P 最大池化；两级这样的结构；卷积 + ReLU + 全局平均池化。然后测量每种表示变化了多少：

d(s) = ‖r(x_s) − r(x_0)‖ / ‖r(x_0)‖，

对所有位置和通道求和，并且是**在相同的网格位置上**比较：不把平移移回去，因为不变性的意思就是表示不发生变化。d = 0 表示完全不变；d 接近 1 表示变化与表示本身一样大。

组件画出曲线、列出数值，并说明这些数值说明了什么。试试不同的池化大小、方向和裁剪块，比较小于 P、等于 P 以及介于 P 的倍数之间的平移量。`,
  },
  notes: {
    en: 'Before showing the curves, ask the room to predict them: many expect the pooled curve to stay near 0 for shifts below P. Then read the findings line by line; every sentence there is chosen and filled from the curves on screen, so it changes with the parameters. The dashed “moved back by whole cells” line is the key to aliasing: pooling with stride P keeps the grid only for shifts that are multiples of P (Azulay & Weiss 2019, “Why do deep convolutional networks generalize so poorly to small image transformations?”; Zhang 2019, “Making convolutional networks shift-invariant again”, which blurs before subsampling). In the circular setting global average pooling does not change at all (up to rounding): it throws position away altogether.',
    zh: '在展示曲线之前，先请学员预测：很多人会以为，平移量小于 P 时池化后的曲线会保持在 0 附近。然后逐句阅读结论；那里的每句话都是根据屏幕上的曲线选出并填入数值的，因此会随参数变化。“按整格移回”的虚线是理解混叠的关键：步长为 P 的池化只有在平移量为 P 的倍数时才保持网格对齐（参见 2019 年研究深度卷积网络为何对微小图像变换泛化不佳的论文，以及同年提出在下采样前先模糊、让卷积网络重新具有平移不变性的论文）。在循环平移的设置下，全局平均池化完全不变（只差舍入误差）：它彻底丢弃了位置信息。',
  },
};
