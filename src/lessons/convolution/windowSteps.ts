/** Steps 1–2 of the convolution lesson: the sliding window, then the whole feature map, live. */
import type { StepDef } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { convOutputSize } from '../../core/tensor/reference/convGeometry';
import { SLICE_PARAM } from '../shared/lessonSlice';
import {
  biasParam,
  centreXParam,
  centreYParam,
  CONTRAST_PERCENTILE,
  contrastParam,
  kernelTextParam,
  positionParam,
  presetParam,
  speedParam,
  stepperKernelParam,
  stepperPaddingParam,
  stepperStrideParam,
} from './convolutionParams';
import { kernelPreset, kernelSum, noiseFactor } from './kernelPresets';
import { CROP_SIZE } from './slidingWindow';

const sobelX = kernelPreset('sobel-x')!;
const box = kernelPreset('box')!;
const gauss = kernelPreset('gaussian')!;
const out = convOutputSize(CROP_SIZE, sobelX.size, 1, 0, 0, 1);
const f2 = (v: number): string => formatNumber(v, 2);

/** Step 1: the kernel slides, position by position, with every product written out. */
const slidingWindow: StepDef = {
  id: 'sliding-window',
  title: { en: 'A kernel slides over the slice', zh: '卷积核在切片上滑动' },
  widget: 'conv-sliding-window',
  params: [
    SLICE_PARAM,
    stepperKernelParam,
    stepperStrideParam,
    stepperPaddingParam,
    biasParam,
    centreXParam,
    centreYParam,
    positionParam,
    speedParam,
  ],
  body: {
    en: `A **kernel** (or filter) is a small grid of weights, here ${sobelX.size} × ${sobelX.size}. A convolutional layer slides it over the image. At each position it multiplies every pixel x under the window by the weight w on top of it, adds up the products, adds a bias b, and writes the result into the output map: y = Σ x·w + b. One position, one number.

Here a ${CROP_SIZE} × ${CROP_SIZE} region of the slice is the input; click the small overview to move it (it starts on the right edge of the nodule). Press **Play**, or step with the buttons or the arrow keys on the enlarged region, and watch the products and their sum. With no padding the ${sobelX.size} × ${sobelX.size} window fits ${out} × ${out} times. The weights of Sobel x sum to ${formatNumber(kernelSum(sobelX.weights))}, so a flat region gives 0, while the edge between the nodule and the lung gives a value far from 0 (negative on the nodule’s right edge, where the brightness falls from left to right).

**Convolution or cross-correlation?** In mathematics, convolution flips the kernel (turns it by 180°) before sliding it. Deep-learning libraries do not flip it: what they call convolution is cross-correlation, and so does this app. Learning does not care (the network learns the flipped weights), but it matters when you copy a kernel from an image-processing book, where Sobel x is often printed mirrored.`,
    zh: `**卷积核**（也叫滤波器）是一个小的权重网格，这里是 ${sobelX.size} × ${sobelX.size}。卷积层让它在图像上滑动。在每个位置，它把窗口下的每个像素 x 乘以覆盖在上面的权重 w，把这些乘积相加，再加上偏置 b，结果写入输出图：y = Σ x·w + b。一个位置，得到一个数。

这里把切片中 ${CROP_SIZE} × ${CROP_SIZE} 的区域作为输入；点击小的全图可以移动该区域（初始位置在结节的右侧边缘）。按**播放**，或用按钮、或在放大的区域上用方向键逐步移动，观察各个乘积及其和。不加填充时，${sobelX.size} × ${sobelX.size} 的窗口可以放下 ${out} × ${out} 次。Sobel x 的权重之和为 ${formatNumber(kernelSum(sobelX.weights))}，所以平坦区域的输出为 0，而结节与肺组织之间的边缘会得到远离 0 的值（在结节右缘为负值，因为那里的亮度从左到右下降）。

**卷积还是互相关？**数学中的卷积在滑动之前要把卷积核翻转（旋转 180°）。深度学习框架并不翻转：它们所说的卷积其实是互相关，本应用也是如此。这对学习没有影响（网络会学到翻转后的权重），但从图像处理教材中照抄卷积核时要注意：教材里的 Sobel x 常常是镜像的写法。`,
  },
  notes: {
    en: 'Do two or three positions by hand with the room before pressing Play: read the nine products aloud, then the sum. Then move the region onto flat lung and ask what Sobel x will give before stepping (about 0). The speed slider goes up to one position per frame; reduced-motion users get the same steps without the sliding animation. The link keeps the region, kernel and position, so you can prepare the exact position you want to discuss.',
    zh: '按播放之前，先和学员一起手算两三个位置：读出九个乘积，再读出它们的和。然后把区域移到平坦的肺组织上，先让学员预测 Sobel x 的结果（约为 0）再逐步执行。速度滑块最快可达每帧一个位置；开启减少动态效果的用户看到同样的逐步变化，只是没有滑动动画。链接会保存区域、卷积核和位置，便于提前准备好要讲解的那个位置。',
  },
};

/** Step 2: the whole feature map of the slice, recomputed live on every kernel edit. */
const featureMap: StepDef = {
  id: 'feature-map',
  title: { en: 'The feature map of the whole slice', zh: '整张切片的特征图' },
  widget: 'conv-feature-map',
  params: [SLICE_PARAM, presetParam, kernelTextParam, contrastParam],
  body: {
    en: `Slide the kernel over every pixel of the slice and you get a **feature map** of the same size (zero padding keeps the size). It is recomputed on the compute backend each time you change a weight.

- **Blur** kernels (box, Gaussian) have weights summing to 1: they keep brightness and average away noise. For independent pixel noise the standard deviation is multiplied by √Σw²: ${f2(noiseFactor(box.weights))} for the 3 × 3 box, ${f2(noiseFactor(gauss.weights))} for the 5 × 5 Gaussian.
- **Edge** kernels (Sobel, Prewitt, Laplacian) have weights summing to 0: flat regions give 0. Why do the edges of a nodule light up with Sobel x? Inside the nodule and in the lung around it the pixels are nearly constant, so the kernel’s negative left column cancels its positive right column. Across the left edge, the right column sits on bright soft tissue and the left column on dark lung: a large positive value (orange). On the right edge it is the other way round: a large negative value (blue). The same happens at the cortex of a rib or vertebra.

Pick a preset, edit the weights (each cell is labelled with its row and column), try a random kernel, or normalise it. Point at the map to read a value. When a few strong edges (the body outline, the table) leave the rest of the map pale, end the colour scale at the ${CONTRAST_PERCENTILE}th percentile of |value| instead.`,
    zh: `让卷积核滑过切片的每个像素，就得到一张同样大小的**特征图**（零填充保持尺寸不变）。每改动一个权重，它都会在计算后端上重新计算。

- **模糊**卷积核（均值、高斯）的权重之和为 1：保持亮度，同时把噪声平均掉。对于各像素独立的噪声，标准差要乘以 √Σw²：3 × 3 均值为 ${f2(noiseFactor(box.weights))}，5 × 5 高斯为 ${f2(noiseFactor(gauss.weights))}。
- **边缘**卷积核（Sobel、Prewitt、拉普拉斯）的权重之和为 0：平坦区域输出 0。为什么 Sobel x 会让结节的边缘亮起来？在结节内部和周围的肺组织中，像素几乎不变，卷积核左列的负权重与右列的正权重相互抵消。跨过结节左缘时，右列落在明亮的软组织上，左列落在暗的肺组织上：得到很大的正值（橙色）。在右缘则相反：得到很大的负值（蓝色）。肋骨或椎体的骨皮质处也是如此。

选择一个预设，编辑权重（每个格子都标有行号和列号），试试随机卷积核，或将其归一化。把指针移到特征图上可读出数值。如果少数强边缘（体表轮廓、检查床）使特征图的其余部分颜色很淡，可把色标改为止于绝对值的第 ${CONTRAST_PERCENTILE} 百分位数。`,
  },
  notes: {
    en: 'Start with identity (the map equals the slice), then box blur, then Sobel x and Sobel y on the nodule. Ask the room to predict the colour of each edge before switching. Then set a single cell of an edge kernel to a large value to show that the sum of the weights decides whether brightness is kept. A learned first CNN layer contains many kernels that look like these; the network finds them on its own. The map updates in a few milliseconds: the time is written under it.',
    zh: '先用恒等卷积核（特征图等于切片），再用均值模糊，然后在结节上分别用 Sobel x 和 Sobel y。切换之前，让学员预测每条边缘的颜色。接着把边缘卷积核的某一格设成很大的值，说明权重之和决定亮度是否得以保持。训练好的 CNN 第一层中有许多与这些相似的卷积核；它们是网络自己学出来的。特征图几毫秒内就会更新：所用时间写在图下方。',
  },
};

/** Steps 1 and 2. */
export const windowSteps: readonly StepDef[] = [slidingWindow, featureMap];
