/** The steps of the neurons lesson: texts, widgets and parameters. */
import type { StepDef } from '../../core/lessons/types';
import { CT_PATCH_SPACING_MM } from '../../core/datasets/ctPatchSpacing';
import { CLASSIFIER_DATA, DEFAULT_SECOND_FEATURE } from './classifierData';
import { cnnParamTable, denseLayerParams } from './mlpParamTable';
import { fmtInt, fmtNum } from './neuronsFormat';
import {
  activationParam,
  biasParam,
  cropParams,
  FEATURE_NAMES,
  headParam,
  inputParams,
  layersParam,
  lineParams,
  permSeedParam,
  secondFeatureParam,
  SLICE_PARAM,
  undoParam,
  unitParams,
  weightParams,
} from './neuronsParams';
import { PATCH_SIDE } from './patchMaps';

const units = unitParams[0]?.default ?? 128;
const patchInputs = PATCH_SIDE * PATCH_SIDE;
const sliceInputs = 512 * 512;
const cnn = cnnParamTable(PATCH_SIDE, 'flatten');
const [conv1, , conv2] = cnn.layers;
const c1 = fmtInt(conv1?.params ?? 0);
const c2 = fmtInt(conv2?.params ?? 0);
const first = `${fmtInt(patchInputs)} × ${units} + ${units} = ${fmtInt(denseLayerParams(patchInputs, units))}`;
const firstSlice = `${fmtInt(sliceInputs)} × ${units} + ${units} = ${fmtInt(denseLayerParams(sliceInputs, units))}`;
const { count, size } = CLASSIFIER_DATA;
const fieldMm = fmtNum(size * CT_PATCH_SPACING_MM, 1);
const defaultFeature = FEATURE_NAMES[DEFAULT_SECOND_FEATURE];
const [startW1, startW2] = lineParams.map((p) => fmtNum(p.default));

const oneNeuron: StepDef = {
  id: 'one-neuron',
  title: { en: 'One neuron: weighted sum, bias, activation', zh: '一个神经元：加权求和、偏置、激活' },
  widget: 'neurons-one-neuron',
  params: [...inputParams, ...weightParams, biasParam, activationParam],
  body: {
    en: `An artificial neuron does three things: it multiplies each input by a weight, adds up the products and a bias, and passes the sum through an activation function: **z = w₁x₁ + w₂x₂ + w₃x₃ + b** and **y = f(z)**.

The three inputs carry radiology names here (x₁ the mean HU of a region divided by 1,000, x₂ an edge strength, x₃ a roundness score), but the neuron does not know that: to it they are just numbers. Change the inputs, the weights, the bias and the activation, and watch the formula and the diagram follow.

- A positive weight (vermillion, solid line) makes its input push the output up; a negative weight (blue, dashed line) pushes it down; a weight near 0 ignores its input.
- The bias shifts the threshold: with b = ${fmtNum(biasParam.default)} (the starting value) the weighted inputs must add up to more than ${fmtNum(-biasParam.default)} before z becomes positive.
- The activation bends z: sigmoid gives a value between 0 and 1 (read as a probability), ReLU sets negative values to 0, tanh gives a value between −1 and 1, linear leaves z as it is.`,
    zh: `人工神经元只做三件事：把每个输入乘以一个权重，把这些乘积与偏置相加，再把和送入激活函数：**z = w₁x₁ + w₂x₂ + w₃x₃ + b**，**y = f(z)**。

这里的三个输入带有放射学的名字（x₁ 是某区域的平均 HU 值除以 1,000，x₂ 是边缘强度，x₃ 是圆度评分），但神经元并不知道这些：对它来说它们只是数字。改变输入、权重、偏置和激活函数，观察公式和示意图如何随之变化。

- 正权重（朱红色实线）让它的输入把输出往上推；负权重（蓝色虚线）把输出往下拉；接近 0 的权重等于忽略这个输入。
- 偏置移动阈值：当 b = ${fmtNum(biasParam.default)}（初始值）时，加权输入之和必须大于 ${fmtNum(-biasParam.default)}，z 才会变为正数。
- 激活函数把 z 弯折：sigmoid 给出 0 到 1 之间的值（可理解为概率），ReLU 把负值置为 0，tanh 给出 −1 到 1 之间的值，线性激活则保持 z 不变。`,
  },
  notes: {
    en: 'Start with the linear activation so that y = z, and let the room predict z before moving a slider. Then ask which input matters most right now (the largest |wᵢ·xᵢ|: read the products in the formula, since the line width shows only |wᵢ|), and what a weight of 0 means. Insist that the names of the inputs are our interpretation: the same neuron would compute the same number from any three values. Every slider is in the link, so a prepared example reopens exactly.',
    zh: '先选线性激活，使 y = z，让学员在移动滑块之前先预测 z。然后提问：当前哪个输入最重要（|wᵢ·xᵢ| 最大者：看公式里的乘积，因为线宽只表示 |wᵢ|）？权重为 0 意味着什么？强调输入的名字只是我们的解释：同一个神经元对任意三个数都会算出同样的结果。所有滑块的值都保存在链接中，事先准备好的例子可以原样打开。',
  },
};

const linearClassifier: StepDef = {
  id: 'linear-classifier',
  title: { en: 'A neuron as a linear classifier', zh: '作为线性分类器的神经元' },
  widget: 'neurons-linear-classifier',
  params: [secondFeatureParam, ...lineParams],
  body: {
    en: `With a sigmoid activation a neuron is a **linear classifier**: it answers “nodule” when σ(w₁·z₁ + w₂·z₂ + b) > 0.5, that is when w₁·z₁ + w₂·z₂ + b > 0. The border between its two answers, w₁·z₁ + w₂·z₂ + b = 0, is a straight line.

The points are ${count} phantom lung patches of ${size}×${size} pixels (${fieldMm}×${fieldMm} mm), generated from a fixed seed, half of them with a nodule. Each patch is reduced to two hand-crafted features: its mean HU (z₁) and a second feature you choose (z₂; at first “${defaultFeature.en}”: the strongest response of a filter built to find round blobs, such as nodules, but also vessels cut across). Both features are **standardised** (value minus mean, divided by the standard deviation over the ${count} patches), so that one range of weights suits both.

- Move w₁, w₂ and b and watch the line turn and shift; the counts are recomputed for every position. The starting line (w₁ = ${startW1}, w₂ = ${startW2}) uses mean HU alone.
- Press **Fit** to let logistic regression choose the weights: that is training this very neuron (sigmoid, log-loss) to its best line.
- The table under the plot gives the fitted line for mean HU alone and for each second feature: compare what each feature adds.
- Every count here is measured on the same ${count} patches the line is fitted to: a **training accuracy**, which flatters the line. Measuring on unseen patches comes in the training lessons.`,
    zh: `使用 sigmoid 激活函数时，神经元就是一个**线性分类器**：当 σ(w₁·z₁ + w₂·z₂ + b) > 0.5，即 w₁·z₁ + w₂·z₂ + b > 0 时，它回答“有结节”。两种回答之间的分界 w₁·z₁ + w₂·z₂ + b = 0 是一条直线。

图中的点是 ${count} 个 ${size}×${size} 像素（${fieldMm}×${fieldMm} 毫米）的体模肺组织图块，由固定的随机种子生成，其中一半含有结节。每个图块被压缩成两个人工设计的特征：平均 HU 值（z₁），以及由你选择的第二个特征（z₂；初始为“${defaultFeature.zh}”：一种专门寻找圆形斑点的滤波器的最大响应，结节是这样的斑点，横断的血管也是）。两个特征都经过**标准化**（减去 ${count} 个图块上的均值，再除以标准差），这样同一范围的权重对两者都适用。

- 移动 w₁、w₂ 和 b，观察直线如何转动和平移；每个位置的统计都会重新计算。初始直线（w₁ = ${startW1}，w₂ = ${startW2}）只用平均 HU 值。
- 按**拟合**，让逻辑回归来选择权重：这正是在训练这个神经元（sigmoid 激活、对数损失），得到它最好的那条直线。
- 图下方的表格给出仅用平均 HU 值、以及加上每个第二特征时拟合得到的直线：比较每个特征带来了多少提升。
- 这里所有的统计都是在拟合直线所用的同一批 ${count} 个图块上测得的：这是**训练准确率**，结果偏乐观。在未见过的图块上的测量放在后面的训练课程中。`,
  },
  notes: {
    en: 'Let a volunteer place the line by hand first, then press Fit and compare the counts. Point out that the fitted line is the best for the log-loss, not necessarily for the accuracy, so a hand-placed line can occasionally win by a patch or two. Then read the comparison table together: which second feature helps, and which barely adds to mean HU alone; a better feature moves the numbers, a single neuron cannot do more than one straight line. Stress that every number here is a training accuracy; honest evaluation on unseen patches comes in the training lessons.',
    zh: '先请一位学员手动摆放直线，再按“拟合”比较统计结果。指出拟合得到的直线对对数损失最优，但对准确率不一定最优，所以手动摆放的直线偶尔会多对一两个图块。然后一起看对比表：哪个第二特征有帮助，哪个几乎没有在平均 HU 值之外带来提升；更好的特征能改变结果，而单个神经元最多只能画出一条直线。强调这里的数字都是训练准确率；在未见过的图块上的公正评估放在后面的训练课程中。',
  },
};

const mlpParams: StepDef = {
  id: 'mlp-params',
  title: { en: 'An MLP on flattened pixels: counting parameters', zh: '展平像素上的 MLP：数一数参数' },
  widget: 'neurons-mlp-params',
  params: [layersParam, ...unitParams, headParam],
  body: {
    en: `An MLP (multi-layer perceptron) stacks layers of such neurons, each unit connected to every value of the layer before. To feed it an image, the pixels are **flattened** into one long vector: a ${PATCH_SIDE}×${PATCH_SIDE} patch becomes ${fmtInt(patchInputs)} inputs.

A dense layer has inputs × units weights plus one bias per unit, and the first hidden layer dominates: with ${units} units it has ${first} parameters. On a full 512×512 slice the same layer needs ${firstSlice}.

A small CNN (3×3 convolution with 8 filters → max-pooling → 3×3 convolution with 16 filters → max-pooling → dense layer to 2 outputs) reuses each small kernel at every position: its convolutions have ${c1} and ${c2} parameters at any image size. Only its final dense layer grows, when it is fed all the flattened maps; with global pooling it does not grow at all.

Change the number of hidden layers and units. The bar chart has a logarithmic scale: each gridline is ten times the one before.`,
    zh: `MLP（多层感知机）把这样的神经元一层层堆叠起来，每个单元都与上一层的每个值相连。要把图像送进去，需要先把像素**展平**成一个长向量：一个 ${PATCH_SIDE}×${PATCH_SIDE} 的图块变成 ${fmtInt(patchInputs)} 个输入。

一个全连接层有“输入数 × 单元数”个权重，外加每个单元一个偏置，其中第一个隐藏层占绝大部分：有 ${units} 个单元时，它有 ${first} 个参数。在完整的 512×512 切片上，同一层需要 ${firstSlice} 个参数。

一个小型 CNN（8 个滤波器的 3×3 卷积 → 最大池化 → 16 个滤波器的 3×3 卷积 → 最大池化 → 输出 2 个值的全连接层）在每个位置重复使用同一个小卷积核：无论图像多大，它的两个卷积层都只有 ${c1} 和 ${c2} 个参数。只有最后的全连接层在接收全部展平的特征图时才会变大；改用全局池化后，它完全不会变大。

改变隐藏层数和单元数。柱状图使用对数刻度：每条网格线是前一条的十倍。`,
  },
  notes: {
    en: 'Ask the room to estimate the first layer for a 512×512 slice before showing it. Each parameter is a 32-bit float (4 bytes), so the table also gives memory. The point is not that MLPs are impossible but that they spend parameters on every pixel position separately; the CNN re-uses 3×3 kernels everywhere. Toggle the CNN head to show that a flattening dense head brings the growth back: one reason why many modern CNNs (ResNet, for example) end with global average pooling instead.',
    zh: '在显示之前，先请学员估算 512×512 切片上第一层的参数量。每个参数是一个 32 位浮点数（4 字节），所以表格也给出了内存占用。重点不是 MLP 无法使用，而是它为每个像素位置分别花费参数；CNN 则在各处重复使用 3×3 卷积核。切换 CNN 的输出头，说明展平后接全连接层会让增长重新出现：这是许多现代 CNN（例如 ResNet）改用全局平均池化结尾的原因之一。',
  },
};

const permute: StepDef = {
  id: 'permute',
  title: { en: 'What flattening throws away', zh: '展平丢掉了什么' },
  widget: 'neurons-permute',
  params: [SLICE_PARAM, ...cropParams, permSeedParam, undoParam],
  body: {
    en: `Flattening turns an image into a list, and an MLP treats that list as unrelated numbers. To see what is lost, take a ${PATCH_SIDE}×${PATCH_SIDE} patch of the slice and shuffle its pixels with a fixed random permutation (the same one for every image).

- **For an MLP nothing changes.** Permute its first-layer weights in the same way, and it gives on the shuffled patch exactly the outputs the original network gives on the original patch (computed below). An MLP trained on shuffled images learns just as well (up to the randomness of training): it has no notion of neighbourhood.
- **For the eye and for convolution everything changes.** A 3×3 Sobel filter finds borders and vessels on the original patch and only noise on the shuffled one. Neighbouring pixels of a real image are strongly correlated; after the shuffle the correlation is about 0.
- Nothing was deleted: the shuffle can be undone exactly. What is thrown away is where each pixel sits, the information a CNN is built to use.`,
    zh: `展平把图像变成一个列表，MLP 把这个列表当作一组互不相关的数字。为了看清丢掉了什么，从切片中取一个 ${PATCH_SIDE}×${PATCH_SIDE} 的图块，用一个固定的随机置换打乱它的像素（对每幅图像都用同一个置换）。

- **对 MLP 来说什么都没变。**把它第一层的权重按同样方式置换，它在打乱的图块上给出的输出与原网络在原图块上的输出完全相同（下方给出实际计算）。在打乱的图像上训练的 MLP 学得一样好（除去训练本身的随机性）：它根本没有邻域的概念。
- **对人眼和卷积来说一切都变了。** 3×3 的 Sobel 滤波器在原图块上找到器官边界和血管，在打乱的图块上只得到噪声。真实图像中相邻像素高度相关；打乱后相关系数约为 0。
- 没有任何信息被删除：打乱可以被完全还原。被丢掉的是每个像素所在的位置，而这正是 CNN 专门利用的信息。`,
  },
  notes: {
    en: 'Show the two patches side by side and ask whether anyone can still find the vessel. Then point at the two MLP output rows: identical. This is the strongest argument for convolution in one picture: the prior “nearby pixels belong together” is built into the CNN, while an MLP must learn it from data, if it can at all. Tick “Undo the shuffle” to show that the shuffled patch still holds every pixel value. Move the patch over the body edge or a vessel for the clearest Sobel maps.',
    zh: '把两个图块并排展示，问学员是否还能找到血管。然后指向 MLP 的两行输出：完全相同。这是一张图里支持卷积的最有力论据：“相邻像素属于一体”这一先验内置于 CNN，而 MLP 只能从数据中学习它（如果学得会的话）。勾选“撤销打乱”，说明打乱后的图块仍保留了每个像素值。把图块移到体表边缘或血管上，Sobel 图最清楚。',
  },
};

/** The steps before the quiz. */
export const neuronsSteps: readonly StepDef[] = [oneNeuron, linearClassifier, mlpParams, permute];
