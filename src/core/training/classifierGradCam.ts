/**
 * Grad-CAM maps of dataset images for the evaluation gallery, at the input's resolution.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ImageDataset } from '../datasets/imageDataset';
import { describeModel } from '../models/describeModel';
import { gradCamLayerNames, gradCamTensors, type CamMethod } from '../models/gradCam';
import type { ExampleCam } from './trainingTypes';
import { TrainingError } from './TrainingError';

/**
 * Grad-CAM (Selvaraju et al., ICCV 2017, eq. 1–2) or HiResCAM (Draelos & Carin 2020), see
 * core/models/gradCam.ts `CamMethod`, of class `classIndex`
 * for the dataset images `indices`, at the last layer with a spatial output that feeds the logits
 * (the usual choice: the deepest maps that still have a layout). Each map L_c (h × w) is
 * bilinearly upsampled to size × size (`tf.image.resizeBilinear`, half-pixel centres off) and
 * divided by its maximum, so it lies in 0…1 (all zeros when no position has positive evidence).
 * @throws TrainingError for a model without such a layer (the MLP), an unknown class or image
 */
export async function classifierGradCam(
  tf: typeof tfc,
  model: tfl.LayersModel,
  dataset: ImageDataset,
  indices: readonly number[],
  classIndex: number,
  method: CamMethod = 'grad-cam',
): Promise<ExampleCam[]> {
  const layer = gradCamLayerNames(describeModel(model))[0];
  if (!layer)
    throw new TrainingError({
      en: 'This network has no convolutional layer, so it has no Grad-CAM: the MLP sees pixels, not maps. Train a CNN to see where it looks.',
      zh: '这个网络没有卷积层，所以没有 Grad-CAM：MLP 看到的是像素而不是特征图。请训练一个 CNN 来查看它关注哪里。',
    });
  const classes = dataset.classNames.length;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= classes)
    throw new TrainingError({
      en: `Class ${classIndex} does not exist: the model has ${classes} classes.`,
      zh: `类别 ${classIndex} 不存在：模型只有 ${classes} 个类别。`,
    });
  const s = dataset.size;
  const pixels = s * s;
  const out: ExampleCam[] = [];
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= dataset.count)
      throw new TrainingError({
        en: `Image ${index} is not in the dataset.`,
        zh: `第 ${index} 张图像不在数据集中。`,
      });
    const map = tf.tidy(() => {
      const x = tf.tensor4d(dataset.images.subarray(index * pixels, (index + 1) * pixels), [1, s, s, 1]);
      const t = gradCamTensors(tf, model, x, layer, classIndex, method);
      const [h, w] = t.map.shape as [number, number];
      const up = tf.image.resizeBilinear(tf.reshape(t.map, [1, h, w, 1]) as tfc.Tensor4D, [s, s]);
      return tf.reshape(up, [pixels]);
    });
    let values: Float32Array;
    try {
      values = Float32Array.from((await map.data()) as Float32Array);
    } finally {
      map.dispose();
    }
    let max = 0;
    for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
    for (let i = 0; i < values.length; i++) values[i] = max > 0 ? Math.max(0, values[i]! / max) : 0;
    out.push({ index, classIndex, method, map: values, layer });
  }
  return out;
}
