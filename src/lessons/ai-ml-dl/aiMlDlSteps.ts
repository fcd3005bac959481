import type { StepDef } from '../../core/lessons/types';
import { SMALL_CNN_ARCHITECTURE, convLayerParams, smallCnnParamCount } from '../../core/models/smallCnn';
import {
  ADRENAL_ADENOMA_THRESHOLD_HU,
  CLASSIC_FEATURES,
  PATCH_SIZE,
  SMALL_CNN_FIRST_LAYER,
  TEST_SIZE,
  TRAIN_SIZES,
  logisticRegressionParams,
} from './aiMlDlData';
import {
  CLASSIFIER_PARAM,
  EPOCHS_PARAM,
  FX_PARAM,
  FY_PARAM,
  INPUTS_PARAM,
  SEED_PARAM,
  TRAIN_SIZE_PARAM,
} from './aiMlDlParams';
import { aiMlDlQuiz } from './aiMlDlQuiz';
import { quizStep } from '../shared/quizStep';

const n = CLASSIC_FEATURES.length;
const lrParams = logisticRegressionParams(n);
const { filters, kernel, channels } = SMALL_CNN_FIRST_LAYER;
const cnnParams = convLayerParams(filters, kernel, channels);
const bullets = (lang: 'en' | 'zh'): string => CLASSIC_FEATURES.map((f) => `- ${f[lang]}`).join('\n');
const questionCount = aiMlDlQuiz.questions.length;
const cnnTotal = smallCnnParamCount().toLocaleString('en-US');
const { filters2 } = SMALL_CNN_ARCHITECTURE;
const sizes = TRAIN_SIZES.join(', ');
const sizesZh = TRAIN_SIZES.join('、');

/** Step 1: the nested sets AI ⊃ ML ⊃ DL, with a highlight parameter. */
const sets: StepDef = {
  id: 'sets',
  title: { en: 'AI ⊃ ML ⊃ DL', zh: '人工智能 ⊃ 机器学习 ⊃ 深度学习' },
  widget: 'nested-sets',
  params: [
    {
      kind: 'enum',
      id: 'highlight',
      label: { en: 'Highlight a set', zh: '高亮一个集合' },
      options: [
        { value: 'none', label: { en: 'None', zh: '不高亮' } },
        { value: 'ai', label: { en: 'Artificial intelligence', zh: '人工智能' } },
        { value: 'ml', label: { en: 'Machine learning', zh: '机器学习' } },
        { value: 'dl', label: { en: 'Deep learning', zh: '深度学习' } },
      ],
      default: 'none',
    },
  ],
  body: {
    en: `**Artificial intelligence (AI)** is the broadest term: computer systems that do tasks we associate with human intelligence, such as finding a nodule or drafting a report. A hand-written rule like “flag every lung nodule larger than 8 mm” is already AI.

**Machine learning (ML)** is the part of AI in which the system learns its behaviour from examples, instead of following rules that people write one by one.

**Deep learning (DL)** is the part of machine learning that uses neural networks with many layers. Convolutional neural networks (CNNs), the subject of this app, are the deep-learning models that dominate medical image analysis.

- Every deep-learning model is a machine-learning model, and every machine-learning model is AI.
- The reverse is not true: the 8 mm rule is AI but not machine learning, because nothing was learned from data.`,
    zh: `**人工智能（AI）**是最宽泛的概念：让计算机完成通常需要人类智能的任务，例如发现结节或起草报告。一条人工写下的规则，如“凡是大于 8 毫米的肺结节都要标记”，本身就属于人工智能。

**机器学习（ML）**是人工智能的一部分：系统从样本中学习如何做出判断，而不是由人逐条编写规则。

**深度学习（DL）**是机器学习的一部分，使用多层神经网络。本应用的主角——卷积神经网络（CNN）——正是在医学影像分析中占主导地位的深度学习模型。

- 所有深度学习模型都是机器学习模型，所有机器学习模型都属于人工智能。
- 反之则不成立：上面那条 8 毫米规则属于人工智能，但不是机器学习，因为它没有从数据中学到任何东西。`,
  },
  notes: {
    en: 'Ask the room for examples of AI they have met in the department (worklist prioritisation, speech recognition for reports, CAD in mammography) and place each one on the diagram with the highlight control. Point out that “AI” in product brochures usually means deep learning.',
    zh: '请学员举出科室里见过的人工智能例子（检查列表优先级排序、报告语音识别、乳腺 X 线摄影的计算机辅助检测），用高亮控件把每个例子放到图中相应的集合里。指出产品宣传中的“AI”通常指的是深度学习。',
  },
};

/** Step 2: the classic pipeline, its bullet list generated from {@link CLASSIC_FEATURES}. */
const classic: StepDef = {
  id: 'classic-pipeline',
  title: { en: 'Classic ML: hand-crafted features → classifier', zh: '经典机器学习：人工设计特征 → 分类器' },
  widget: 'classic-features',
  params: [FX_PARAM, FY_PARAM, INPUTS_PARAM, CLASSIFIER_PARAM, TRAIN_SIZE_PARAM, SEED_PARAM],
  body: {
    en: `In classic machine learning, people decide **what to measure**. For a lesion on CT, someone first outlines a region of interest (ROI); software then computes hand-crafted features such as:

${bullets('en')}

These ${n} numbers form a feature vector that goes into a classifier: logistic regression, a support vector machine (SVM) or a random forest. The classifier only learns how to weigh and combine the features; the features themselves are fixed by human design. Done at scale, with hundreds of features, this approach is called **radiomics**.

The simplest case is one feature and a threshold: on unenhanced CT, an adrenal nodule with a mean attenuation of ${ADRENAL_ADENOMA_THRESHOLD_HU} HU or less is most likely a lipid-rich adenoma.

Below, a classic pipeline runs live on simulated lung CT patches of ${PATCH_SIZE}×${PATCH_SIZE} pixels, half of them with a nodule. Its features need no outline: the mean and standard deviation of HU over the patch, edge density (the share of pixels where the Sobel filters find a strong edge), two grey-level co-occurrence (GLCM) texture measures, the local-binary-pattern (LBP) histogram, and a blob filter designed for nodules. Plot two features to see how well they separate the classes, then let logistic regression or a linear SVM learn a boundary. Accuracy and the area under the ROC curve (AUC) are measured on ${TEST_SIZE} test patches the classifier never saw.`,
    zh: `在经典机器学习中，**测量什么**由人来决定。对于 CT 上的一个病灶，先由人勾画感兴趣区，再由软件计算人工设计的特征，例如：

${bullets('zh')}

这 ${n} 个数值组成一个特征向量，输入到分类器中，如逻辑回归、支持向量机（SVM）或随机森林。分类器只学习如何给这些特征加权、组合；特征本身由人设计、固定不变。把这一思路大规模化、提取成百上千个特征，就是**影像组学**。

最简单的情形是一个特征加一个阈值：在平扫 CT 上，平均 CT 值不超过 ${ADRENAL_ADENOMA_THRESHOLD_HU} HU 的肾上腺结节，很可能是富脂性腺瘤。

下面，一个经典流程在 ${PATCH_SIZE}×${PATCH_SIZE} 像素的模拟肺部 CT 图像块上实时运行，其中一半含有结节。这些特征无需勾画轮廓：整个图像块 HU 值的平均值与标准差、边缘密度（索贝尔滤波器检测到强边缘的像素所占比例）、两项灰度共生矩阵纹理指标、局部二值模式直方图，以及一个专为结节设计的圆斑滤波器。选两个特征画散点图，看它们能否把两类分开；再让逻辑回归或线性 SVM 学习一条分界线。准确率和 ROC 曲线下面积（AUC）在分类器从未见过的 ${TEST_SIZE} 个测试图像块上测得。`,
  },
  notes: {
    en: 'Link to radiomics papers the residents may have read. Stress that the ROI must be drawn first: segmentation is a task of its own (see the lesson on radiology tasks). The adrenal rule is a one-feature classifier whose threshold was chosen by people from data. In the live part, start with mean HU against the blob filter, then try edge density or the texture measures: generic features separate the classes poorly, the feature designed for nodules much better. Switch to all features and shrink the training set to 20 patches to show how accuracy and AUC fall. Every control is in the link, so a copied URL reopens the same plot.',
    zh: '可联系住院医师读过的影像组学文献。强调必须先勾画感兴趣区：分割本身就是一项独立任务（见“放射学中的任务”一课）。肾上腺的规则就是一个单特征分类器，其阈值是人根据数据选定的。在实时演示中，先看平均 CT 值与圆斑滤波的散点图，再换成边缘密度或纹理指标：通用特征很难把两类分开，专为结节设计的特征则好得多。切换到全部特征，并把训练集缩小到 20 个图像块，展示准确率和 AUC 如何下降。所有控件都记录在链接中，复制网址即可重现同一幅图。',
  },
};

/** Step 3: deep learning learns its features; parameter counts computed from the data module. */
const learned: StepDef = {
  id: 'learned-features',
  title: { en: 'Deep learning: features learned from pixels', zh: '深度学习：从像素中学习特征' },
  widget: 'small-cnn',
  params: [TRAIN_SIZE_PARAM, EPOCHS_PARAM, SEED_PARAM],
  body: {
    en: `A convolutional neural network takes the **pixels themselves** as input. For CT these are the HU values of the slice, usually clipped to a window (window width and level) and scaled to a small range. Nobody tells the network to measure sphericity or texture.

- The first layers learn small filters that respond to edges, blobs and fine textures.
- Deeper layers combine them into larger patterns: branching vessels, nodule margins, organ outlines.
- The last layers turn these learned features into an answer: a probability of malignancy, a box around a lesion, or a segmentation mask.

Feature extraction and classification are trained **together, end to end**: all weights are adjusted to reduce the error on labelled examples (see the lesson on backpropagation).

The price is the number of parameters. Even the first layer of a small CNN, ${filters} filters of ${kernel}×${kernel} pixels on a single-channel slice, has ${filters} × (${kernel}×${kernel} + 1) = ${cnnParams} parameters, against ${lrParams} for a logistic regression on the ${n} features of step 2.

Below, such a small CNN (${filters} then ${filters2} filters, ${cnnTotal} parameters in all) is trained in this page on the same patches as step 2. When it has finished, its first-layer filters appear next to the Sobel and Laplacian filters that people designed.`,
    zh: `卷积神经网络直接以**像素本身**作为输入。对于 CT，就是该层面各像素的 HU 值，通常先按窗宽窗位截断，再缩放到较小的数值范围。没有人告诉网络去测量球形度或纹理。

- 前几层学到的是小型滤波器，对边缘、斑点和细微纹理产生响应。
- 更深的层把它们组合成更大的模式：分支的血管、结节的边缘、器官的轮廓。
- 最后几层把这些学到的特征转化为结果：恶性概率、框住病灶的边界框，或分割掩膜。

特征提取与分类是**端到端一起训练**的：调整所有权重，使网络在带标注样本上的误差变小（见“反向传播与梯度下降”一课）。

代价是参数量。即使是一个小型 CNN 的第一层——在单通道切片上使用 ${filters} 个 ${kernel}×${kernel} 的滤波器——也有 ${filters} × (${kernel}×${kernel} + 1) = ${cnnParams} 个参数，而基于第 2 步 ${n} 个特征的逻辑回归只有 ${lrParams} 个。

下面就在本页中用与第 2 步相同的图像块训练这样一个小型 CNN（先 ${filters} 个、再 ${filters2} 个滤波器，共 ${cnnTotal} 个参数）。训练结束后，它第一层的滤波器会显示在人工设计的索贝尔滤波器和拉普拉斯滤波器旁边。`,
  },
  notes: {
    en: 'Stress “end to end”: the features are optimised for the task, not chosen in advance. Preview the convolution lesson, which shows exactly what one filter computes. The parameter counts in this step are computed from the lesson data, not typed in. Press the train button and talk over the progress bar: the network trains on the main thread in short bursts, so the page stays usable, and Stop ends it at the next batch. Learned filters are noisier than the hand-made ones; some look like edge or spot detectors, which is the point to make.',
    zh: '强调“端到端”：特征是针对任务优化出来的，而不是事先选定的。可以预告“卷积”一课，那里会逐步展示一个滤波器究竟计算了什么。本步骤中的参数量都是由课程数据计算得出，而非手工填写。按下训练按钮，边看进度条边讲解：网络在主线程上分小段训练，页面始终可用，按“停止”会在下一批结束时停下。学到的滤波器比人工设计的更杂乱，其中一些看起来像边缘或斑点检测器——这正是要强调的一点。',
  },
};

/** Step 4: data, compute, expertise; when each approach wins in radiology. */
const tradeoffs: StepDef = {
  id: 'tradeoffs',
  title: { en: 'What each needs, and when each wins', zh: '各自需要什么，何时占优' },
  widget: 'classic-vs-cnn',
  params: [TRAIN_SIZE_PARAM, CLASSIFIER_PARAM, EPOCHS_PARAM, SEED_PARAM],
  body: {
    en: `The table above puts both approaches side by side on the same patches, measured in this page. Change the number of training examples (${sizes}) to see how much data each one needs.

**Data.** A classic classifier learns a handful of weights and can be trained on tens to a few hundred labelled cases. A CNN learns thousands to millions of weights and usually needs thousands of labelled images, or transfer learning from a network pretrained on another dataset.

**Compute.** Classic classifiers train in seconds on an ordinary processor. Training a CNN is heavy and is normally done on a GPU; applying a trained CNN to one image is fast.

**Expertise.** Classic machine learning needs domain knowledge to choose and measure features, often with ROIs drawn by hand. Deep learning moves the effort to collecting and labelling data and to careful validation.

When each wins in radiology:

- Deep learning wins when labelled data are plentiful and the pattern is hard to put into words: detecting lung nodules on CT or fractures on radiographs, segmenting organs and tumours.
- Hand-crafted features with a simple classifier stay competitive with small datasets and well-understood quantitative biomarkers, and they are easier to interpret and audit.
- Hybrids exist: features taken from a pretrained CNN can feed a classic classifier (see the lesson on off-the-shelf features).`,
    zh: `上表在相同的图像块上并列比较两种方法，所有结果都在本页中实时测得。改变训练样本数（${sizesZh}），即可看出各自需要多少数据。

**数据。**经典分类器只需学习少量权重，几十到几百例带标注的病例就能训练。CNN 要学习成千上万乃至数百万个权重，通常需要数千张带标注的图像，或者借助在其他数据集上预训练的网络进行迁移学习。

**算力。**经典分类器在普通处理器上几秒钟即可训练完成。训练 CNN 计算量大，一般需要 GPU；而用训练好的 CNN 处理一张图像则很快。

**专业知识。**经典机器学习需要领域知识来选择和测量特征，往往还要人工勾画感兴趣区。深度学习则把工作量转移到数据的收集、标注以及严谨的验证上。

在放射学中，各自何时占优：

- 当带标注数据充足、且模式难以用语言描述时，深度学习占优：例如在 CT 上检测肺结节、在 X 线片上发现骨折、分割器官和肿瘤。
- 在数据集较小、定量生物标志物已被充分理解时，人工设计特征加简单分类器仍有竞争力，而且更易于解释和审查。
- 也有混合方法：把预训练 CNN 提取的特征输入经典分类器（见“现成的 CNN 特征”一课）。`,
  },
  notes: {
    en: 'Make it concrete: how many labelled cases of one diagnosis could your department collect in a year? Explain that the data hunger of deep learning is why transfer learning and public datasets matter. Avoid the claim that deep learning is always better. Press “Measure every training-set size” before class or during the discussion (it trains the CNN once per size, a few seconds each) and read the history table together: compare both methods at 20 and at 800 examples, and note the parameter counts. The numbers depend on the phantom and the seed, which is worth saying too.',
    zh: '结合实际讨论：您的科室一年能收集到多少例某一诊断的带标注病例？说明正是因为深度学习对数据的需求大，迁移学习和公开数据集才如此重要。避免给出“深度学习总是更好”的结论。可在课前或讨论时按下“测量所有训练集规模”（每种规模训练一次 CNN，各需几秒钟），再一起阅读历史记录表：比较两种方法在 20 个和 800 个样本时的表现，并注意参数量。这些数字取决于体模和随机种子，这一点也值得指出。',
  },
};

/** Step 5: the quiz. */
const quiz: StepDef = quizStep(
  aiMlDlQuiz,
  {
    en: `${questionCount} questions on this lesson. Each answer is checked at once and explained. Your results stay in this browser and appear in the lesson catalogue.`,
    zh: `本课共 ${questionCount} 道题。每道题提交后会立即判定并给出解释。结果只保存在本浏览器中，并显示在课程目录里。`,
  },
  {
    en: 'Let everyone answer alone first, then go through the two numeric questions together: the mean-HU question is exactly the feature computation a classic pipeline performs for every case.',
    zh: '先让每人独立作答，再一起讲解两道计算题：求平均 HU 值那道题，正是经典流程对每个病例都要做的特征计算。',
  },
);

/** The steps of the ai-ml-dl lesson, in order. */
export const aiMlDlSteps: readonly StepDef[] = [sets, classic, learned, tradeoffs, quiz];
