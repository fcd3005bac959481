/**
 * The step texts of the `train-classifier` lesson (titles, bodies, instructor notes) in English and
 * Simplified Chinese. The few numbers in them are computed here; the widgets' own strings are in
 * trainClassifierWidgetTexts.ts.
 *
 * Sources: the training vocabulary and the evaluation of classifiers in radiology, Mazurowski et
 * al., "Deep learning in radiology: an overview of the concepts and a survey of the state of the
 * art", J Magn Reson Imaging 2019;49:939–954; cross-entropy and early stopping, Goodfellow, Bengio &
 * Courville, "Deep Learning" 2016, §6.2.2 and §7.8; predictive values and prevalence, Altman &
 * Bland, BMJ 1994;309:102; AUC, Hanley & McNeil, Radiology 1982;143:29–36; augmentation, Shorten &
 * Khoshgoftaar, J Big Data 2019;6:60; leakage across a slice-level split, Yagis et al., Sci Rep
 * 2021;11:22544; calibration, Guo et al., ICML 2017; MedMNIST, Yang et al., Sci Data 2023;10:41;
 * Grad-CAM, Selvaraju et al., ICCV 2017.
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Localized } from '../../core/lessons/types';
import { COUNT_PARAM, SPLIT_FRACTIONS } from './trainClassifierParams';

/** A step's texts. */
export interface StepTexts {
  title: Localized;
  body: Localized;
  notes: Localized;
}

/** Cross-entropy of a guess of ½ for two classes: −ln ½ = ln 2. */
export const CHANCE_LOSS = Math.log(2);
const chance = formatNumber(CHANCE_LOSS, 3);
const pct = (v: number): string => formatNumber(100 * v, 0);
const split = `${pct(SPLIT_FRACTIONS.train)} / ${pct(SPLIT_FRACTIONS.validation)} / ${pct(SPLIT_FRACTIONS.test)}`;

/** Step 1: the data. */
export const datasetTexts: StepTexts = {
  title: { en: 'Choose the data', zh: '选择数据' },
  body: {
    en: `A classifier learns from labelled examples. Here each example is a 64 × 64 image with one label: **lesion** or **no lesion**.

- **Phantom tasks** are generated in the page: lung patches with or without a nodule, or head CT slices with or without a haemorrhage. You set the difficulty (lesion size, contrast against the tissue around it, image noise), the number of images, the share with a lesion, how many images come from each (phantom) patient and the random seed. All of it is in the link: the same link makes the same images, bit for bit.
- **Your own images**: a folder or a .zip of PNG, JPEG or DICOM files, one sub-folder per class (e.g. normal/ and nodule/). They stay on your computer, and a link cannot reproduce them.
- **MedMNIST**: small public sets of medical images (Yang et al., 2023), opened from a file or downloaded on request; a link does not reproduce them either.

The images are then split, by default ${split}, into **training** (to fit the weights), **validation** (to choose settings and watch for overfitting) and **test** (for the final figures, used once). Each class is split in the same proportions (stratified). When a patient has several images, split **by patient**: otherwise a patient’s images end up on both sides and the test measures recognition of patients, not of lesions.`,
    zh: `分类器从带标签的样本中学习。这里每个样本都是一张 64 × 64 的图像，带一个标签：**有病灶**或**无病灶**。

- **体模任务**在页面中生成：有或没有结节的肺部图块，或有或没有出血的头部 CT 切片。你可以设置难度（病灶大小、与周围组织的对比度、图像噪声）、图像数量、含病灶的比例、每位（体模）患者的图像数以及随机种子。这些都记录在链接中：同一个链接生成完全相同的图像。
- **你自己的图像**：一个文件夹或压缩包，内含 PNG、JPEG 或 DICOM 文件，每个类别一个子文件夹。图像始终留在你的电脑上，链接无法重现它们。
- **MedMNIST**：公开的小型医学图像数据集（Yang 等，2023），可从文件打开，或在你点击后下载；链接同样无法重现它们。

随后图像（默认按 ${split}）划分为**训练集**（拟合权重）、**验证集**（选择设置、观察过拟合）和**测试集**（最终指标，只用一次）。每个类别按相同比例划分（分层）。如果一位患者有多张图像，请**按患者划分**：否则同一患者的图像会同时出现在两边，测试衡量的就是对患者的识别，而不是对病灶的识别。`,
  },
  notes: {
    en: `Start with the default link (easy nodule task, ${COUNT_PARAM.default} images): it trains in seconds. Before training, ask the room which difficulty setting should matter most, then change contrast and noise and look at the samples. Raise “images per patient” to 5 and turn “split by patient” off to prepare the leakage discussion of the quiz. Own images and MedMNIST are for self-learners; say that a link cannot carry them.`,
    zh: `从默认链接开始（简单的结节任务，${COUNT_PARAM.default} 张图像）：几秒钟即可训练完。训练前先问大家哪个难度设置最关键，然后调整对比度和噪声，观察样本。把“每位患者的图像数”调到 5、关闭“按患者划分”，为测验中关于数据泄漏的讨论做准备。自己的图像和 MedMNIST 适合自学者；请说明链接无法携带它们。`,
  },
};

/** Step 2: the model and the training settings. */
export const setupTexts: StepTexts = {
  title: { en: 'Set up the training', zh: '设置训练' },
  body: {
    en: `- **Model**: one of the zoo’s architectures, trained from random weights or started from the zoo’s trained weights, or a custom stack of convolution blocks.
- **Optimizer** and **learning rate**: how each batch’s gradient moves the weights (plain SGD, SGD with momentum, Adam). Too high a rate makes the loss jump or explode; too low makes it crawl.
- **Batch size**: images per weight update. **Epochs**: passes over the training split.
- **Weight decay** adds λ·Σw² to the loss, pulling the weights towards zero (a brake on overfitting).
- **Class weights** (balanced): each class counts as much in the loss however rare it is.
- **Augmentation**: every training batch is randomly mirrored, rotated, shifted, re-windowed or given noise, so the model never sees exactly the same image twice. Validation and test images are never augmented. The grid shows what the model will see.

Every setting is in the link.`,
    zh: `- **模型**：模型库中的一种架构，从随机权重开始训练，或从模型库训练好的权重出发；也可以是自定义的卷积模块堆叠。
- **优化器**和**学习率**：每个批次的梯度如何移动权重（普通 SGD、带动量的 SGD、Adam）。学习率太高，损失会跳动甚至发散；太低则下降缓慢。
- **批大小**：每次更新权重所用的图像数。**轮数**：把训练集完整过一遍的次数。
- **权重衰减**在损失中加上 λ·Σw²，把权重拉向零（抑制过拟合）。
- **类别权重**（平衡）：无论某类多么少见，它在损失中的分量都与其他类相同。
- **数据增强**：每个训练批次都被随机镜像、旋转、平移、重新加窗或加噪声，模型因此永远不会两次看到完全相同的图像。验证和测试图像从不增强。网格显示模型将看到的样子。

每个设置都记录在链接中。`,
  },
  notes: {
    en: 'Keep TinyVGG with Adam at 0.001 for the first run. A good demonstration of the learning rate: run once at 0.3 with plain SGD and once at 0.001 with Adam, then compare the curves on the next step. Draw new versions on the augmentation grid to show that every epoch sees different versions.',
    zh: '第一次训练保持 TinyVGG、Adam、学习率 0.001。演示学习率的好办法：用普通 SGD、学习率 0.3 训练一次，再用 Adam、0.001 训练一次，然后在下一步比较曲线。在增强网格上重新随机生成，说明每一轮看到的都是不同的版本。',
  },
};

/** Step 3: training and the curves. */
export const trainTexts: StepTexts = {
  title: { en: 'Train and watch the curves', zh: '训练并观察曲线' },
  body: {
    en: `Training runs in a background worker, so the page stays responsive. Play, pause, take a single step, or stop.

The **loss** is the cross-entropy −ln p, where p is the probability the model gives the true class: 0 for a certain, correct answer, and ${chance} (= ln 2) for a guess of one half between two classes, where every run starts. Each **batch** is one weight update; its loss is noisy because each batch holds different images. An **epoch** is one pass over the whole training split; after each, the model is scored on the **validation** split, which it never trains on.

The validation curve is the point of the chart: as long as it falls with the training curve, the model is learning something that carries over to new images. When the training loss keeps falling but the validation loss rises, it is learning its training images by heart.`,
    zh: `训练在后台线程中运行，页面保持流畅。可以播放、暂停、单步执行或停止。

**损失**是交叉熵 −ln p，其中 p 是模型给真实类别的概率：答案正确且确信时为 0；在两类之间各猜一半时为 ${chance}（= ln 2），每次训练都从这里开始。每个**批次**更新一次权重；因为每个批次包含不同的图像，批次损失是有噪声的。一**轮**是把整个训练集过一遍；每轮结束后，模型在从不参与训练的**验证集**上评分。

验证曲线才是图中的重点：只要它随训练曲线一起下降，模型学到的东西就能推广到新图像。如果训练损失继续下降而验证损失上升，模型就是在死记它的训练图像。`,
  },
  notes: {
    en: `Point at the first batch loss: close to ${chance} for two balanced classes. Pause mid-epoch and take single steps to show that each step is one batch. On a projector, the faded lines are earlier runs: use them to compare a learning rate or a model.`,
    zh: `指出第一个批次的损失：两类平衡时接近 ${chance}。在一轮中途暂停并单步执行，说明每一步就是一个批次。投影时，淡色的线是之前的训练：可用来比较学习率或模型。`,
  },
};

/** Step 4: evaluation. */
export const evaluateTexts: StepTexts = {
  title: { en: 'Evaluate: threshold, ROC and AUC', zh: '评估：阈值、ROC 与 AUC' },
  body: {
    en: `The model outputs a probability of a lesion; a **threshold** turns it into a decision. At one threshold the **confusion matrix** counts the four outcomes, and from it:

- **sensitivity** = TP / (TP + FN): the share of lesions found;
- **specificity** = TN / (TN + FP): the share of normals cleared;
- **PPV** = TP / (TP + FP) and **NPV** = TN / (TN + FN): what a positive or a negative call is worth. They depend on the prevalence: set another prevalence to see what they would be in a population where lesions are rarer (Altman & Bland, 1994);
- **F1**, the harmonic mean of PPV and sensitivity.

Drag the point along the **ROC curve** (sensitivity against 1 − specificity over all thresholds): every threshold is a trade-off. The **AUC** summarises the whole curve: the probability that a random image with a lesion scores higher than a random normal one (Hanley & McNeil, 1982). The **precision–recall** curve shows PPV against sensitivity, the **reliability diagram** whether the probabilities can be taken at face value (Guo et al., 2017), and the gallery shows the false positives and negatives with Grad-CAM: where the model looked.

Choose the threshold on the validation split; look at the test split once, at the end.`,
    zh: `模型输出有病灶的概率；**阈值**把它变成判定。在某一阈值下，**混淆矩阵**统计四种结果，由此得到：

- **敏感度** = TP / (TP + FN)：找出的病灶所占比例；
- **特异度** = TN / (TN + FP)：正确排除的正常样本所占比例；
- **阳性预测值**（PPV）= TP / (TP + FP) 和**阴性预测值**（NPV）= TN / (TN + FN)：阳性或阴性判定的可信程度。它们取决于患病率：设置另一个患病率，看看在病灶更少见的人群中会是多少（Altman 与 Bland，1994）；
- **F1**：PPV 与敏感度的调和平均。

沿 **ROC 曲线**（所有阈值下敏感度对 1 − 特异度）拖动那个点：每个阈值都是一种权衡。**AUC** 概括整条曲线：随机一张有病灶的图像得分高于随机一张正常图像的概率（Hanley 与 McNeil，1982）。**精确率–召回率**曲线显示 PPV 对敏感度，**可靠性图**显示概率能否直接采信（Guo 等，2017），图库则展示假阳性和假阴性及其 Grad-CAM：模型看了哪里。

在验证集上选择阈值；测试集只在最后看一次。`,
  },
  notes: {
    en: 'Drag the threshold to the top-left corner of the ROC curve and read the four numbers aloud; then lower the prevalence to 1 % and watch the PPV collapse while sensitivity and specificity stay. Open two false negatives with Grad-CAM and ask whether the model looked at the lesion.',
    zh: '把阈值拖到 ROC 曲线左上角附近，读出四个数；然后把患病率降到 1 %，观察 PPV 骤降，而敏感度和特异度不变。用 Grad-CAM 打开两个假阴性，问大家模型是否看向了病灶。',
  },
};

/** Step 5: overfitting. */
export const overfitTexts: StepTexts = {
  title: { en: 'Overfitting on a small training set', zh: '小训练集上的过拟合' },
  body: {
    en: `One button runs an experiment: the same model is trained on only a few training images (a stratified subset), without augmentation, for many epochs. The validation split stays as it was.

A network with thousands of weights can fit a few dozen images perfectly: the training loss heads for 0. What it fits is partly the lesions and partly the particular noise and anatomy of those images, which new images do not share, so the validation loss stops falling and then rises. The widget reads the run’s epochs and states the epoch of the lowest validation loss and the gap between the two losses at the end.

**Early stopping** watches the validation loss, keeps the weights of its best epoch and stops when it has not improved for a few epochs (Goodfellow et al., 2016). More data, augmentation and weight decay attack the cause.`,
    zh: `一个按钮运行一次实验：同一个模型只用少量训练图像（分层抽取的子集）训练，不做数据增强，训练很多轮。验证集保持不变。

一个有数千个权重的网络可以完美拟合几十张图像：训练损失趋向 0。它拟合的一部分是病灶，一部分是这些图像特有的噪声和解剖，而新图像并不具有这些，于是验证损失不再下降，继而上升。本组件读取这次训练的每一轮，给出验证损失最低的那一轮，以及结束时两条损失之间的差距。

**早停**监视验证损失，保留其最好一轮的权重，并在几轮都没有改进时停止训练（Goodfellow 等，2016）。更多数据、数据增强和权重衰减则针对过拟合的根源。`,
  },
  notes: {
    en: 'The run takes well under a minute on the default data. While it runs, ask the room to predict where the validation curve will turn. If the validation loss never rises in a run (an easy task can resist), say so: the widget reports what it measured; make the task harder on step 1 (lower contrast, more noise) and run again.',
    zh: '在默认数据上，这次训练用时不到一分钟。训练时请大家预测验证曲线会在哪里转折。如果某次训练中验证损失始终没有上升（简单的任务可能如此），就如实说明：本组件只报告它测得的结果；在第 1 步把任务调难（降低对比度、增加噪声）后再运行一次。',
  },
};

/** Step 6: augmentation. */
export const augmentTexts: StepTexts = {
  title: { en: 'Does augmentation help?', zh: '数据增强有用吗？' },
  body: {
    en: `The same small training set, the same model and epochs, now with augmentation: each epoch the images are randomly mirrored, rotated, shifted, re-windowed and given noise. Both runs’ validation curves are drawn together, and the widget states each run’s best validation loss and AUC.

Augmentation adds variations the label does not depend on, so the model has to rely on what does. On small sets it usually lowers the validation loss and delays overfitting, but it is not guaranteed: too strong a transform can destroy the lesion, and a transform that changes the label (mirroring when the side matters) teaches the model something false (Shorten & Khoshgoftaar, 2019). The widget compares what the two runs measured; it does not assume the answer.`,
    zh: `同样的小训练集、同样的模型和轮数，这次开启数据增强：每一轮图像都被随机镜像、旋转、平移、重新加窗并加入噪声。两次训练的验证曲线画在一起，本组件给出每次训练最好的验证损失和 AUC。

数据增强加入的是与标签无关的变化，迫使模型依靠与标签有关的特征。在小数据集上它通常能降低验证损失、推迟过拟合，但这并不保证：变换过强可能破坏病灶，而改变标签的变换（在左右有意义时做镜像）会教给模型错误的东西（Shorten 与 Khoshgoftaar，2019）。本组件比较两次训练的实测结果，而不预设答案。`,
  },
  notes: {
    en: 'Run the small-set experiment of step 5 first (the widget can run it too). Then run the augmented one and compare. Change the augmentation seed or strength and run again: the size of the effect varies between runs, which is itself worth showing.',
    zh: '先运行第 5 步的小训练集实验（本组件也可以运行它），再运行开启增强的实验并比较。更换增强的种子或强度后再运行一次：效果的大小在不同次训练间会变化，这一点本身就值得展示。',
  },
};

/** Step 7: imbalance. */
export const imbalanceTexts: StepTexts = {
  title: { en: 'Why AUC and not accuracy', zh: '为什么用 AUC 而不是准确率' },
  body: {
    en: `In a screening population lesions are rare. The slider resamples the evaluated images to a chosen prevalence (keeping every image of the scarcer side and drawing the rest at random), and the widget computes on that subset:

- the accuracy of a “model” that always says **normal**: 1 − prevalence, high without looking at a single image;
- the trained model’s accuracy at the 0.5 threshold, which moves towards it;
- its **AUC**, which does not depend on the prevalence (only on how positives rank against negatives), so it stays the same up to sampling;
- its sensitivity, which also stays, and its **PPV**, which falls as lesions get rarer, as Bayes’ rule says, with sensitivity se, specificity sp and prevalence p: PPV = se·p / (se·p + (1 − sp)(1 − p)) (Altman & Bland, 1994).

So report AUC (and sensitivity and specificity at a stated threshold) rather than accuracy, and give PPV for the prevalence where the model will be used.`,
    zh: `在筛查人群中，病灶很少见。滑块把已评估的图像重新抽样到所选的患病率（较少一方的图像全部保留，另一方随机抽取），本组件在这个子集上计算：

- 一个总说**正常**的“模型”的准确率：1 − 患病率，一张图像都不看也很高；
- 训练好的模型在 0.5 阈值下的准确率，它会向前者靠拢；
- 它的 **AUC**：与患病率无关（只取决于阳性样本相对阴性样本的排序），所以除抽样误差外保持不变；
- 它的敏感度同样不变；而它的 **PPV** 随病灶变少而下降，正如贝叶斯公式所示（患病率为 p）：PPV = 敏感度·p / [敏感度·p + (1 − 特异度)(1 − p)]（Altman 与 Bland，1994）。

因此应报告 AUC（以及在给定阈值下的敏感度和特异度），而不是准确率，并给出模型将要使用的人群患病率下的 PPV。`,
  },
  notes: {
    en: 'Needs an evaluation from step 4 (or from the experiments). Slide from 50 % down to a few percent and read the accuracy of “always normal” aloud next to the model’s. With a small validation split only a handful of lesions remain at low prevalence: the widget says how many, and the AUC then wobbles; that is sampling, not a property of AUC.',
    zh: '需要第 4 步（或实验中）的评估结果。把滑块从 50 % 滑到百分之几，把“总说正常”的准确率和模型的准确率一起读出来。验证集较小时，低患病率下只剩几个病灶：本组件会给出具体数目，此时 AUC 会波动；这是抽样造成的，不是 AUC 本身的性质。',
  },
};

/** Step 8: models. */
export const modelsTexts: StepTexts = {
  title: { en: 'Save, export and reuse the model', zh: '保存、导出和复用模型' },
  body: {
    en: `A trained model can be kept in the browser (under a name, with what it was trained on and its validation figures), exported as TensorFlow.js files (model.json and the weights) to keep or share, and imported again. A saved model can be opened on the zoo page, on a slice of your choice, or in the anatomy-of-a-CNN lesson, to look at its feature maps.

Nothing leaves your computer unless you download the files yourself.`,
    zh: `训练好的模型可以保存在浏览器中（带名称、训练数据说明和验证指标），可以导出为 TensorFlow.js 文件（模型描述文件和权重文件）以便保存或分享，也可以再导入。保存的模型可以在模型库页面上用于你选择的切片，也可以在“卷积神经网络的结构”一课中打开，查看它的特征图。

除非你自己下载这些文件，否则任何内容都不会离开你的电脑。`,
  },
  notes: {
    en: 'Save the model of the first run under a telling name (task, model, epochs). Export it, then import it in another browser profile to show that the files are the whole model.',
    zh: '把第一次训练的模型用一个能说明内容的名称保存（任务、模型、轮数）。导出后在另一个浏览器配置中导入，说明这些文件就是完整的模型。',
  },
};

/** The quiz step's body and notes. */
export function quizTexts(
  questionCount: number,
  sensitivity: number,
  specificity: number,
): Omit<StepTexts, 'title'> {
  const se = pct(sensitivity);
  const sp = pct(specificity);
  return {
    body: {
      en: `${questionCount} questions on training and evaluating a classifier: sensitivity and PPV from a worked table, batches and epochs, why AUC rather than accuracy, reading an overfitting curve, augmentation that keeps the label true, patient-level splits and calibration. Each answer is checked at once and explained.`,
      zh: `本课共 ${questionCount} 道关于训练和评估分类器的题：从一张算例表求敏感度和 PPV，批次与轮数，为什么用 AUC 而不是准确率，读懂过拟合曲线，保持标签正确的数据增强，按患者划分以及校准。每道题提交后会立即判定并给出解释。`,
    },
    notes: {
      en: `The two table questions can be done by hand in a minute: let the room work them before checking. The PPV answer is the surprise worth discussing: a test with ${se} % sensitivity and ${sp} % specificity can still be wrong in most of its positive calls.`,
      zh: `两道表格题一分钟内即可手算：先让学员自己做，再核对。PPV 的答案值得讨论：敏感度为 ${se} %、特异度为 ${sp} % 的检查，其阳性判定仍可能大多是错的。`,
    },
  };
}
