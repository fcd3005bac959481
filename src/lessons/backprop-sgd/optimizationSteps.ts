/** Steps 5–7 of backprop-sgd: a kernel learning by SGD, optimizers on loss surfaces, mini-batch noise. */
import { tinyCnnGeometry, tinyCnnParamCount } from '../../core/autodiff/buildTinyCnn';
import { largestCurvature, quadraticBowl } from '../../core/autodiff/lossSurfaces';
import {
  CT_PATCH_SPACING_MM,
  LUNG_WINDOW,
  NODULE_DIAMETER_MM,
  TINY_CNN_SHAPE,
} from '../../core/autodiff/tinyCnnSetup';
import type { StepDef } from '../../core/lessons/types';
import { both, fmt } from './backpropSgdData';
import {
  atParam,
  itersParam,
  kappaParam,
  kernelLrParam,
  momentumParam,
  raceLrParam,
  seedParam,
  sgdStepsParam,
  surfaceParam,
} from './backpropSgdParams';
import { BATCH_STUDY, KERNEL_SET } from './tinyCnnLabSetup';

const { size, kernel, pool } = TINY_CNN_SHAPE;
const factor = 4;
const fieldMm = fmt(size * factor * CT_PATCH_SPACING_MM, 3);
const [dMin, dMax] = NODULE_DIAMETER_MM;
const { width: ww, level: wl } = LUNG_WINDOW;
const { convSize, pooledSize } = tinyCnnGeometry(TINY_CNN_SHAPE);
const params = tinyCnnParamCount(TINY_CNN_SHAPE);
const batches = KERNEL_SET.count / KERNEL_SET.batchSize;
const sizes = BATCH_STUDY.sizes.join(', ');
const bowlLimit = fmt(2 / largestCurvature(quadraticBowl(kappaParam.default).evaluator(), [0, 0]), 3);

/** Step 5: one 3×3 kernel learning on phantom patches. */
const kernelStep: StepDef = {
  id: 'kernel-sgd',
  title: { en: 'A 3×3 kernel learns by SGD', zh: '一个 3×3 卷积核用 SGD 学习' },
  widget: 'kernel-sgd',
  params: [kernelLrParam, sgdStepsParam],
  body: both((l) =>
    l === 'en'
      ? `Now a real, if tiny, CNN on phantom chest-CT patches: ${fieldMm} mm of lung, shown in a lung window (width ${ww} HU, level ${wl} HU) and averaged down to ${size}×${size} pixels. Half of the patches hold a solid nodule of ${dMin}–${dMax} mm; vessels make bright spots too, so the task is not trivial.

The network: one ${kernel}×${kernel} convolution kernel K with a bias, ReLU, ${pool}×${pool} max pooling (${convSize}×${convSize} → ${pooledSize}×${pooledSize}), one dense unit and a sigmoid, trained with cross-entropy. It has ${params} weights; its graph has one node per multiplication, and backpropagation runs through all of them.

**Stochastic gradient descent (SGD)** takes the ${KERNEL_SET.count} patches ${KERNEL_SET.batchSize} at a time (${batches} mini-batches), computes the gradient of the mini-batch loss, and moves every weight a little downhill: K ← K − η·∂L/∂K.

The heat map shows ∂L/∂K for the current mini-batch: orange cells will shrink, blue cells grow. Press **Take this step** and watch the kernel change and the loss fall. Try a larger η: too large, and the ReLU units switch off for good and learning stops.`
      : `现在来看一个真实的（虽然很小的）CNN，输入是胸部 CT 体模图块：${fieldMm} 毫米见方的肺组织，以肺窗（窗宽 ${ww} HU，窗位 ${wl} HU）显示，再平均缩小为 ${size}×${size} 像素。一半图块含有直径 ${dMin}–${dMax} 毫米的实性结节；血管也会形成亮点，所以这个任务并不简单。

网络结构：一个带偏置的 ${kernel}×${kernel} 卷积核 K，接 ReLU、${pool}×${pool} 最大池化（${convSize}×${convSize} → ${pooledSize}×${pooledSize}）、一个全连接单元和 S 型函数 σ，用交叉熵训练。它共有 ${params} 个权重；它的计算图中每个乘法都是一个节点，反向传播穿过所有这些节点。

**随机梯度下降（SGD）**每次取 ${KERNEL_SET.batchSize} 个图块（${KERNEL_SET.count} 个图块共分成 ${batches} 个小批量），计算小批量损失的梯度，然后让每个权重沿下坡方向移动一小步：K ← K − η·∂L/∂K。

热图显示当前小批量的 ∂L/∂K：橙色格的权重会减小，蓝色格的权重会增大。按**执行这一步**，观察卷积核如何变化、损失如何下降。试试更大的 η：太大时 ReLU 单元会永久关闭，学习随之停止。`,
  ),
  notes: {
    en: 'Connect this to the convolution lesson: the kernel is the filter that slides over the image, and here it is learned, not designed. Over a few dozen steps the kernel’s values grow where the nodule’s bright core falls. With a larger η the loss on all patches does not fall at every step, because each step only sees one mini-batch; with the largest η every ReLU switches off and the loss stays at ln 2, the loss of a coin toss.',
    zh: '与“卷积”一课联系起来：卷积核就是在图像上滑动的滤波器，只不过这里是学出来的，而不是设计出来的。经过几十步，卷积核在结节亮核所在的位置数值变大。η 较大时，全部图块上的损失并不是每一步都下降，因为每一步只看到一个小批量；η 最大时所有 ReLU 都会关闭，损失停在抛硬币的水平，即 2 的自然对数。',
  },
};

/** Step 6: optimizers on loss surfaces. */
const surfaces: StepDef = {
  id: 'loss-surfaces',
  title: { en: 'Loss surfaces and optimizers', zh: '损失曲面与优化器' },
  widget: 'loss-race',
  params: [surfaceParam, raceLrParam, momentumParam, kappaParam, itersParam],
  body: both((l) =>
    l === 'en'
      ? `With two weights the loss is a landscape we can draw. Five optimizers start from the same point:

- **SGD**: θ ← θ − η·g, straight downhill.
- **Momentum**: v ← μv − η·g, θ ← θ + v; a heavy ball that keeps its speed through shallow valleys.
- **Nesterov**: the same, but the gradient is taken at the look-ahead point θ + μv.
- **RMSProp**: divides each coordinate’s step by a running root-mean-square of its gradient.
- **Adam**: momentum and RMSProp together, with bias correction; its steps are about η long whatever the size of the gradient.

Try the **bowl** and raise κ: the valley becomes long and narrow, and SGD crawls along it while momentum speeds up. Raise η until SGD **diverges** (here η > ${bowlLimit}). The **Rosenbrock** valley needs a tiny η. At the **saddle**, descent slows down near the flat point. The last surface is a **real slice** through the tiny CNN’s loss on phantom patches, over two of its weights.`
      : `只有两个权重时，损失就是一幅可以画出来的地形图。五种优化器从同一点出发：

- **SGD**：θ ← θ − η·g，径直下坡。
- **动量法**：v ← μv − η·g，θ ← θ + v；像一个重球，穿过平缓的谷底时仍保持速度。
- **涅斯捷罗夫动量**：同上，但梯度在前瞻点 θ + μv 处计算。
- **均方根传播**：每个坐标的步长除以其梯度的滑动均方根。
- **Adam**：动量与均方根传播的结合，并做偏差校正；无论梯度大小，每步长度都约为 η。

先看**碗形面**并增大 κ：山谷变得又长又窄，SGD 沿谷底缓慢爬行，而动量法会加速。把 η 调大，直到 SGD **发散**（这里是 η > ${bowlLimit}）。**罗森布罗克香蕉谷**需要很小的 η。在**鞍点**附近，下降在平坦处变慢。最后一个曲面是小型 CNN 在体模图块上的损失关于其中两个权重的**真实切面**。`,
  ),
  notes: {
    en: 'Good sequence for a room: bowl with κ = 1 (all similar), then κ = 50 (SGD zig-zags and crawls), then η large (divergence), then Rosenbrock with the suggested η. Stress that the learning rate that works depends on the curvature, which is why learning-rate schedules and adaptive methods exist. Real networks have millions of dimensions; these pictures are slices.',
    zh: '课堂上的推荐顺序：碗形面 κ = 1（各方法相差不大），再 κ = 50（SGD 来回振荡、缓慢前进），再把 η 调大（发散），最后用建议的 η 看罗森布罗克香蕉谷。强调可用的学习率取决于曲率，这就是需要学习率调度和自适应方法的原因。真实网络有数百万维，这些图只是其中的切面。',
  },
};

/** Step 7: mini-batch gradient noise. */
const noise: StepDef = {
  id: 'mini-batch',
  title: { en: 'Mini-batch noise', zh: '小批量梯度的噪声' },
  widget: 'minibatch-noise',
  params: [atParam, seedParam],
  body: both((l) =>
    l === 'en'
      ? `SGD never sees the full-batch gradient g: it sees the gradient g_B of a random mini-batch of B examples. On average g_B equals g, but each draw scatters around it. Here ${BATCH_STUDY.draws} mini-batches of each size B = ${sizes} are drawn from ${BATCH_STUDY.count} phantom CT patches, and the tiny CNN’s gradient is computed for each.

The spread shrinks like 1/√B: four times as many examples halve the noise, and the mean cosine with the full gradient rises towards 1. Small batches are cheap and noisy, and the noise can even help escape flat or sharp regions; large batches are accurate but cost more per step. Compare the starting weights with the trained weights of the previous step: the gradients change size, the 1/√B law does not.`
      : `SGD 从来看不到全批量梯度 g：它看到的是随机抽取的 B 个样本所组成小批量的梯度 g_B。平均而言 g_B 等于 g，但每次抽样都会围绕 g 散开。这里从 ${BATCH_STUDY.count} 个 CT 体模图块中，按 B = ${sizes} 各抽取 ${BATCH_STUDY.draws} 个小批量，并为每个小批量计算小型 CNN 的梯度。

离散程度按 1/√B 缩小：样本数增加到 4 倍，噪声减半，与全批量梯度的平均余弦也随之趋近 1。小批量计算便宜但噪声大，而噪声有时还能帮助逃离平坦或尖锐的区域；大批量更准确，但每步代价更高。比较初始权重和上一步训练得到的权重：梯度的大小变了，1/√B 的规律没有变。`,
  ),
  notes: {
    en: 'Ask why GPUs favour batches of 32 to 256: the cost of a batch grows less than linearly on parallel hardware, while the noise falls only like 1/√B. The formula in the table is exact for sampling without replacement (Cochran); the measured spread should match it within a few per cent.',
    zh: '可以提问：为什么 GPU 训练常用 32 到 256 的批大小？在并行硬件上，一个批次的计算代价增长慢于线性，而噪声只按 1/√B 下降。表中的公式对不放回抽样是精确的（科克伦公式）；实测离散程度应与之相差不过百分之几。',
  },
};

/** Steps 5–7. */
export const optimizationSteps: readonly StepDef[] = [kernelStep, surfaces, noise];
