/**
 * The zoo: seven architectures, each trained by `npm run train-zoo` on one phantom task. Window
 * presets: lung W 1500 / L −600 and brain W 80 / L 40 (Hounsfield units; e.g. Radiopaedia,
 * "Windowing (CT)"; the same presets as `core/imaging/display`).
 *
 * `preprocessing.size × preprocessing.spacingMm` is the field of view the model was trained on:
 * a slice is cropped to that field around a chosen point (or taken whole when it is smaller), then
 * resampled to `size × size`.
 */
import type { Localized } from '../lessons/types';
import {
  buildDenoisingAutoencoder,
  buildLeNet5,
  buildMlp,
  buildMobileNet,
  buildResNet,
  buildTinyVgg,
  buildUNet,
} from './zooArchitectures';
import type { CatalogueModelDef, ZooModelId, ZooPreprocessing } from './zooTypes';

/** Lung window on 64 × 64 patches at 0.7 mm (a 45 mm field). */
const LUNG_PATCH: ZooPreprocessing = { center: -600, width: 1500, size: 64, spacingMm: 0.7 };
/** Brain window on a whole 240 mm head CT at 3.75 mm pixels. */
const HEAD_SLICE: ZooPreprocessing = { center: 40, width: 80, size: 64, spacingMm: 3.75 };
/** A wide window (−800…1200 HU: lung to cortical bone) on 64 × 64 chest-CT regions at 1.4 mm. */
const CHEST_REGION: ZooPreprocessing = { center: 200, width: 2000, size: 64, spacingMm: 1.4 };

const NODULE_CLASSES: readonly Localized[] = [
  { en: 'no nodule', zh: '无结节' },
  { en: 'nodule', zh: '结节' },
];
const HAEMORRHAGE_CLASSES: readonly Localized[] = [
  { en: 'normal', zh: '正常' },
  { en: 'haemorrhage', zh: '出血' },
];
/** Classes of the `region` task, in output order (what the centre of a chest-CT patch shows). */
export const REGION_CLASSES: readonly Localized[] = [
  { en: 'lung', zh: '肺' },
  { en: 'heart', zh: '心脏' },
  { en: 'spine', zh: '脊柱' },
  { en: 'chest wall', zh: '胸壁' },
];

/** Every zoo model, in the order the page lists them (simplest first). */
export const ZOO_MODELS: readonly CatalogueModelDef[] = [
  {
    id: 'mlp',
    name: { en: 'MLP baseline', zh: 'MLP 基线' },
    idea: {
      en: 'Every pixel is a separate input to every hidden unit: no weight sharing and no notion of neighbourhood.',
      zh: '每个像素都是每个隐藏单元的独立输入：没有权重共享，也没有邻域的概念。',
    },
    task: 'nodule',
    kind: 'classification',
    preprocessing: LUNG_PATCH,
    classes: NODULE_CLASSES,
    build: (layers, seed) => buildMlp(layers, seed),
  },
  {
    id: 'lenet5',
    name: { en: 'LeNet-5 style', zh: 'LeNet-5 风格' },
    idea: {
      en: 'Two 5×5 convolutions, each followed by average pooling, then three dense layers (LeCun et al., 1998).',
      zh: '两个 5×5 卷积层，各接一个平均池化，然后是三个全连接层（LeCun 等，1998）。',
    },
    task: 'haemorrhage',
    kind: 'classification',
    preprocessing: HEAD_SLICE,
    classes: HAEMORRHAGE_CLASSES,
    build: (layers, seed) => buildLeNet5(layers, seed),
  },
  {
    id: 'tiny-vgg',
    name: { en: 'TinyVGG', zh: 'TinyVGG' },
    idea: {
      en: 'Two blocks of two 3×3 convolutions and a max-pool, as in CNN Explainer: small kernels stacked to see further.',
      zh: '与 CNN Explainer 相同：两个模块，每个含两个 3×3 卷积和一个最大池化；用堆叠的小卷积核看得更远。',
    },
    task: 'nodule',
    kind: 'classification',
    preprocessing: LUNG_PATCH,
    classes: NODULE_CLASSES,
    build: (layers, seed) => buildTinyVgg(layers, seed),
  },
  {
    id: 'mobilenet',
    name: { en: 'MobileNet style', zh: 'MobileNet 风格' },
    idea: {
      en: 'Depthwise-separable convolutions: a 3×3 filter per channel, then a 1×1 convolution that mixes channels, for a fraction of the parameters.',
      zh: '深度可分离卷积：每个通道一个 3×3 滤波器，再用 1×1 卷积混合通道，参数只需一小部分。',
    },
    task: 'region',
    kind: 'classification',
    preprocessing: CHEST_REGION,
    classes: REGION_CLASSES,
    build: (layers, seed) => buildMobileNet(layers, seed, 64, REGION_CLASSES.length),
  },
  {
    id: 'resnet',
    name: { en: 'ResNet style', zh: 'ResNet 风格' },
    idea: {
      en: 'Residual blocks add their input back to their output (skip connections), so gradients reach early layers.',
      zh: '残差块把输入加回到输出上（跳跃连接），梯度因此能传到前面的层。',
    },
    task: 'haemorrhage',
    kind: 'classification',
    preprocessing: HEAD_SLICE,
    classes: HAEMORRHAGE_CLASSES,
    build: (layers, seed) => buildResNet(layers, seed),
  },
  {
    id: 'unet',
    name: { en: 'U-Net (small)', zh: 'U-Net（小型）' },
    idea: {
      en: 'An encoder that shrinks the map and a decoder that grows it back, with skip connections at each scale: one probability per pixel.',
      zh: '编码器缩小特征图，解码器再放大回来，每个尺度都有跳跃连接：每个像素输出一个概率。',
    },
    task: 'nodule-mask',
    kind: 'segmentation',
    preprocessing: LUNG_PATCH,
    classes: [],
    build: (layers, seed) => buildUNet(layers, seed),
  },
  {
    id: 'dae',
    name: { en: 'Denoising autoencoder', zh: '去噪自编码器' },
    idea: {
      en: 'Squeezes a noisy low-dose patch through a narrow code and rebuilds it, with a full-resolution skip; it learns the correction that, added to the input, gives the patch without noise.',
      zh: '把有噪声的低剂量图块压缩成窄小的编码再重建，并带有一条全分辨率的跳跃连接；它学习一个校正量，加到输入上即得到无噪声的图块。',
    },
    task: 'low-dose',
    kind: 'denoising',
    preprocessing: LUNG_PATCH,
    classes: [],
    build: (layers, seed) => buildDenoisingAutoencoder(layers, seed),
  },
];

/** The model with this id, or undefined. */
export function getZooModel(id: string): CatalogueModelDef | undefined {
  return ZOO_MODELS.find((m) => m.id === id);
}

/** All model ids, in list order. */
export const ZOO_MODEL_IDS: readonly ZooModelId[] = ZOO_MODELS.map((m) => m.id);
