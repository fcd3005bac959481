/**
 * The step texts of the `cnn-architecture` lesson (titles, bodies, instructor notes), in English and
 * Simplified Chinese. Numbers in them are computed (receptive-field recurrence, parameter counts),
 * never typed; the widgets' own strings are in inputWidgetTexts.ts and layerTableTexts.ts.
 *
 * Sources of the statements made here: the layer vocabulary and the zoo's architectures follow the
 * review (Mazurowski et al., "Deep learning in radiology: an overview of the concepts and a survey of
 * the state of the art", 2018); receptive fields, Araujo, Norris & Sim, Distill 2019; stacked 3 × 3
 * convolutions instead of one large kernel, Simonyan & Zisserman, "Very deep convolutional networks
 * for large-scale image recognition", ICLR 2015; Grad-CAM, Selvaraju et al., ICCV 2017.
 */
import type { Localized } from '../../core/lessons/types';
import { convLayerParams } from '../../core/models/smallCnn';
import { receptiveFieldSteps } from './cnnArithmetic';

/** A step's texts. */
export interface StepTexts {
  title: Localized;
  body: Localized;
  notes: Localized;
}

const three3 = receptiveFieldSteps([
  { k: 3, s: 1 },
  { k: 3, s: 1 },
  { k: 3, s: 1 },
]).map((s) => s.r);
const afterPool = receptiveFieldSteps([
  { k: 3, s: 1 },
  { k: 2, s: 2 },
  { k: 3, s: 1 },
]);
/** Weights of two stacked 3 × 3 convs vs one 5 × 5 conv, per input–output channel pair (no bias). */
const two3x3 = 2 * (convLayerParams(1, 3, 1) - 1);
const one5x5 = convLayerParams(1, 5, 1) - 1;

/** Step 1: the model, the slice and how the slice becomes the model's input. */
export const inputStepTexts: StepTexts = {
  title: { en: 'A trained model and its input', zh: '一个训练好的模型及其输入' },
  body: {
    en: `The review describes a CNN as a stack of layers that turns an image into an answer: **convolutional** layers that compute feature maps, **pooling** layers that shrink them, and **fully connected** (dense) layers at the end. This lesson takes apart the seven small models of the zoo, each trained on generated phantom slices, on a slice you choose.

A model only understands inputs like those it was trained on, so the slice is prepared exactly as in training:

- **crop** the model’s field of view (64 pixels at the pixel size it was trained at) around the point you choose;
- **window**: the values (Hounsfield units for CT) are mapped linearly to 0…1 through the model’s window: everything below the window becomes 0, everything above it 1;
- **resize** to the 64 × 64 input.

Every number on the way is the current slice’s. The card says what the model was trained on and how well it did on held-out phantoms; the prediction is the model’s answer for this crop.`,
    zh: `综述把 CNN 描述为一串把图像变成答案的层：计算特征图的**卷积**层、缩小特征图的**池化**层，以及末尾的**全连接**层。本课在你选择的切片上拆解模型库中的七个小模型，它们都在生成的体模切片上训练过。

模型只能理解与训练数据相似的输入，因此切片的预处理与训练时完全相同：

- **裁剪**：以你选择的点为中心，取模型的视野（按训练时的像素大小取 64 个像素）；
- **加窗**：通过模型的窗把数值（CT 为 HU）线性映射到 0…1：低于窗的全部为 0，高于窗的全部为 1；
- **缩放**到 64 × 64 的输入。

每一步的数字都来自当前切片。模型卡说明模型用什么数据训练、在留出的体模上表现如何；预测是模型对这个裁剪块给出的答案。`,
  },
  notes: {
    en: 'Start with TinyVGG on the chest CT with a nodule: the automatic centre is the nodule, found by regenerating the phantom. Move the crop off the nodule with the arrow keys and watch the probabilities change. Then open the head CT with TinyVGG still selected: in the lung window the brain is almost uniformly bright, and the model still answers, with probabilities that sum to 1 as always. That is the point to make: a CNN has no notion of “this is not my kind of image”. Switch to the LeNet or ResNet style model, trained on head CT, to see the brain window at work. An MR slice has no Hounsfield units, so its own window is used and the output means even less.',
    zh: '先在含结节的胸部 CT 上选 TinyVGG：自动中心就是结节，它是通过重新生成体模得到的。用方向键把裁剪框移离结节，观察概率如何变化。然后保持 TinyVGG，打开头颅 CT：在肺窗下大脑几乎是一片均匀的亮色，而模型照样给出答案，概率之和照样为 1。要强调的正是这一点：CNN 并不知道“这不是我见过的那类图像”。再切换到用头颅 CT 训练的 LeNet 风格或 ResNet 风格模型，看看脑窗的效果。MR 切片没有 HU，只能用它自己的窗，模型的输出就更没有意义了。',
  },
};

/** Step 2: the layer table and receptive fields. */
export const layerStepTexts: StepTexts = {
  title: { en: 'Layer by layer: shapes, parameters, receptive fields', zh: '逐层查看：形状、参数量与感受野' },
  body: {
    en: `Each row of the table is one layer, computed from the model’s definition alone. The **output shape** is height × width × channels (or a vector). The **parameters** are the weights and biases learned in training: a convolution has k·k·C·F + F of them whatever the image size, a dense layer one per input–output pair. **FLOPs** count the arithmetic of one forward pass, a multiply-add as 2.

The **receptive field** is the part of the input one unit can see. Through a layer with kernel k and stride s it grows as

r = r′ + (k − 1)·j′,  j = j′·s,

where r′ and j′ are the previous layer’s, and the jump j is the distance, in input pixels, between neighbouring units. Stacked 3 × 3 convolutions see ${three3.join(', ')} pixels: two of them cover the same 5 × 5 as one 5 × 5 kernel with ${two3x3} instead of ${one5x5} weights per channel pair, and with a nonlinearity in between. A 2 × 2 pooling with stride 2 doubles the jump, so the next 3 × 3 convolution adds ${afterPool[2]!.r - afterPool[1]!.r} pixels instead of 2: conv, pool, conv gives ${afterPool.map((s) => s.r).join(' → ')}. Deep layers see large parts of the image, which is how a CNN combines edges into shapes and shapes into lesions.

Select a layer to outline, on the model’s input, what its centre unit sees.`,
    zh: `表中每一行是一层，全部仅由模型的定义计算得出。**输出形状**是高 × 宽 × 通道数（或一个向量）。**参数**是训练中学到的权重和偏置：卷积层有 k·k·C·F + F 个，与图像大小无关；全连接层则每对输入与输出各有一个权重。**FLOPs** 统计一次前向传播的运算量，一次乘加计为 2。

**感受野**是一个单元能看到的输入区域。经过卷积核为 k、步长为 s 的层，它按下式增长：

r = r′ + (k − 1)·j′，j = j′·s，

其中 r′ 和 j′ 属于前一层，跳距 j 是相邻单元在输入上相隔的像素数。堆叠的 3 × 3 卷积依次看到 ${three3.join('、')} 个像素：两个 3 × 3 卷积覆盖的范围与一个 5 × 5 卷积核相同，但每对通道只需 ${two3x3} 个而不是 ${one5x5} 个权重，而且中间还多了一次非线性。步长 2 的 2 × 2 池化使跳距加倍，所以下一个 3 × 3 卷积增加 ${afterPool[2]!.r - afterPool[1]!.r} 个像素而不是 2 个：卷积、池化、卷积依次为 ${afterPool.map((s) => s.r).join(' → ')}。深层单元能看到图像的大片区域，CNN 正是这样把边缘组合成形状、再把形状组合成病灶的。

选择一层，即可在模型的输入上框出其中心单元所看到的区域。`,
  },
  notes: {
    en: 'Compare the MLP with TinyVGG: almost all of the MLP’s parameters sit in its first dense layer, one weight per pixel and hidden unit, while TinyVGG’s convolutions have at most a few hundred each and more than half of its parameters are in the final dense layer after flatten. Then select TinyVGG’s layers one by one and let the room predict the next receptive field before the box moves. In the U-Net, the receptive field of the decoder grows further after the bottleneck, and a concatenation’s field is the union of its two inputs’ fields. The ResNet’s add layers do the same with the skip connection. The dense layers at the end have no box: each of their units sees the whole input.',
    zh: '比较 MLP 和 TinyVGG：MLP 的参数几乎全在第一个全连接层，每个像素与每个隐藏单元之间各有一个权重；而 TinyVGG 每个卷积层至多只有几百个参数，一半以上的参数在展平之后的最后一个全连接层。接着逐层选择 TinyVGG 的各层，在方框移动之前先让学员预测下一层的感受野。在 U-Net 中，瓶颈之后解码器的感受野继续增大，拼接层的感受野是两个输入感受野的并集。ResNet 的相加层对跳跃连接也是如此。末尾的全连接层没有方框：它们的每个单元都能看到整个输入。',
  },
};

/** Step 3: every feature map, and a unit's computation (widget by the feature-map helper). */
export const featureStepTexts: StepTexts = {
  title: { en: 'Every feature map, and what one unit computes', zh: '每一张特征图，以及一个单元的计算' },
  body: {
    en: `The forward pass of the model on this slice: every layer’s output, channel by channel. Early maps look like the filtered image (edges, bright spots); after each pooling they shrink, and deeper maps respond to larger patterns.

Click a unit of any map to see exactly what it computes: for a convolution, the k × k × C inputs under its kernel multiplied by the weights, their sum, the bias and the activation; for pooling, the window and its maximum or mean; for a dense layer, the weighted sum of the whole previous layer. Its receptive field is outlined on the input. The numbers are recomputed in plain code from the downloaded weights and agree with the model’s own output.`,
    zh: `模型在这张切片上的前向传播：每一层的输出，逐个通道显示。前面几层的特征图看起来像滤波后的图像（边缘、亮点）；每经过一次池化，特征图就缩小一次，越深的特征图对越大的模式产生响应。

点击任一特征图中的一个单元，即可看到它的确切计算：对卷积层，是卷积核覆盖的 k × k × C 个输入与权重的乘积、它们的和、偏置与激活；对池化层，是窗口及其最大值或平均值；对全连接层，是前一层全部数值的加权和。它的感受野会在输入上框出。这些数字由下载的权重用普通代码重新算出，与模型自身的输出一致。`,
  },
  notes: {
    en: 'Click a unit in the first convolution and read its nine products aloud: this is the convolution lesson’s sliding window, now with learned weights. Then click a unit after the last pooling and show how large its receptive field is. If some channels are nearly empty for this slice, their filters do not respond to anything in it: switch slices to see whether they ever do, and mention that such filters can be pruned. In the U-Net, follow a unit of the output mask back through a concatenation to see the encoder’s map it reuses.',
    zh: '点击第一个卷积层中的一个单元，把它的九个乘积念出来：这就是卷积一课中的滑动窗口，只是权重是学出来的。然后点击最后一个池化之后的单元，展示它的感受野有多大。如果某些通道在这张切片上几乎是空的，说明它们的滤波器对其中的内容没有响应：换几张切片看看它们是否有响应，并提一下这样的滤波器可以被剪枝。在 U-Net 中，从输出掩膜的一个单元出发，经过拼接层往回追溯，看看它重用的编码器特征图。',
  },
};

/** Step 4: Grad-CAM (widget by the feature-map helper). */
export const gradCamStepTexts: StepTexts = {
  title: { en: 'Grad-CAM: where did the model look?', zh: 'Grad-CAM：模型看了哪里？' },
  body: {
    en: `Grad-CAM (Selvaraju et al., 2017) asks which parts of a layer’s feature maps raise the score of a class. For class c with score y_c (before the softmax) and the maps A^k of a convolutional layer:

α_k = mean over positions of ∂y_c/∂A^k,  heat map = ReLU(Σ_k α_k A^k).

Each map is weighted by how much the class score rises when that map grows; the ReLU keeps only what speaks for the class. The result has the layer’s resolution and is laid over the input. Choose the class and the layer: the last convolutional layer is coarse but most specific to the class, earlier layers are sharper but less specific. Segmentation and denoising models have no class score, so they have no Grad-CAM.`,
    zh: `Grad-CAM（Selvaraju 等，2017）要回答：某一层特征图的哪些部分提高了某个类别的得分。对得分为 y_c（softmax 之前）的类别 c 和某个卷积层的特征图 A^k：

α_k = ∂y_c/∂A^k 在各位置上的平均，热图 = ReLU(Σ_k α_k A^k)。

每张特征图按“它增强时类别得分上升多少”加权；ReLU 只保留支持该类别的部分。结果的分辨率与该层相同，叠加显示在输入上。选择类别和层：最后一个卷积层分辨率粗，但对类别最有针对性；较前的层更清晰，但针对性较弱。分割模型和去噪模型没有类别得分，因此没有 Grad-CAM。`,
  },
  notes: {
    en: 'Show Grad-CAM for “nodule” on the chest CT with a nodule, then on the normal chest CT, and compare: Grad-CAM explains the score the model gave, whatever it is, not a finding. Switch the class and compare the two maps. Stress the limits the review mentions for explainability: the map is coarse (the resolution of the chosen layer), depends on the layer, and shows correlation with the score, not a cause. A model that learned a shortcut (a marker, the table, the image border) will show it here, which is why these maps are worth looking at.',
    zh: '先在含结节的胸部 CT 上显示“结节”类别的 Grad-CAM，再在正常胸部 CT 上显示，并加以比较：Grad-CAM 解释的是模型给出的得分，无论得分高低，而不是病变本身。再切换类别，比较两张热图。强调综述中提到的可解释性局限：热图很粗糙（分辨率取决于所选的层），随层而变，显示的是与得分的相关，而不是因果。一个学会了捷径（标记、检查床、图像边缘）的模型会在这里暴露出来，这正是值得看这些热图的原因。',
  },
};
