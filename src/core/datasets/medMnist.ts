/**
 * A MedMNIST `.npz` (parsed by {@link parseNpz}) turned into an {@link ImageDataset}: the official
 * train/val/test arrays concatenated, the split kept in `presetSplit`, pixels to 0…1, colour to
 * luminance. The catalogue (label orders, URLs, citation) is in medMnistCatalog.ts.
 *
 * File layout (MedMNIST v2, `np.savez_compressed`): `train_images` uint8 (N, H, W) for grey or
 * (N, H, W, 3) for RGB, `train_labels` uint8 (N, 1) (N, 14 for the multi-label ChestMNIST), and
 * the same for `val_` and `test_`. H = W = 28 (64, 128 or 224 in MedMNIST+).
 */
import { LocalizedError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';
import type { ImageDataset } from './imageDataset';
import { medMnistInfo, type MedMnistInfo } from './medMnistCatalog';
import { npyToCOrder, type NpyArray } from './npy';

export {
  MEDMNIST_CITATION,
  MEDMNIST_DATASETS,
  MEDMNIST_LICENCE,
  MEDMNIST_RECORD_URL,
  medMnistIdFromFileName,
  medMnistInfo,
  type MedMnistId,
  type MedMnistInfo,
  type MedMnistTask,
} from './medMnistCatalog';

/** Why a `.npz` is not a usable MedMNIST file, for programs to branch on. */
export type MedMnistErrorCode =
  | 'unknown-dataset'
  | 'multi-label'
  | 'no-train-images'
  | 'missing-labels'
  | 'bad-shape'
  | 'bad-pixels'
  | 'channels-mismatch'
  | 'bad-labels'
  | 'label-range'
  | 'count-mismatch';

/** A `.npz` that is not a MedMNIST file of the chosen dataset; the message says what to do. */
export class MedMnistFormatError extends LocalizedError {
  override readonly name = 'MedMnistFormatError';
  constructor(
    readonly code: MedMnistErrorCode,
    localizedMessage: Localized,
  ) {
    super(localizedMessage);
  }
}

function fail(code: MedMnistErrorCode, en: string, zh: string): never {
  throw new MedMnistFormatError(code, { en, zh });
}

/**
 * ITU-R BT.601 luma weights (Recommendation ITU-R BT.601-7, 03/2011: E′Y = 0.299 E′R + 0.587 E′G +
 * 0.114 E′B; the same as JPEG/JFIF's grey conversion). Applied to the stored (gamma-encoded) values.
 */
export const BT601_LUMA = [0.299, 0.587, 0.114] as const;

const SPLITS = [
  { prefix: 'train', code: 0 },
  { prefix: 'val', code: 1 },
  { prefix: 'test', code: 2 },
] as const;

interface SplitImages {
  code: 0 | 1 | 2;
  count: number;
  /** Indices (into the file's arrays) of the images kept. */
  keep: Int32Array;
  images: NpyArray;
  labels: NpyArray;
}

/** Options of {@link medMnistDataset}. */
export interface MedMnistOptions {
  /**
   * Keep at most this many images of each split, evenly spaced through it (image ⌊k·n/max⌋ for
   * k = 0 … max−1), so a page can load TissueMNIST (236,386 images, 0.7 GB as float32) in part.
   */
  maxPerSplit?: number;
}

/**
 * Builds an {@link ImageDataset} from a MedMNIST file's arrays.
 *
 * Pixels: uint8 v → v / 255; float arrays must already lie in 0…1. RGB (N, H, W, 3) →
 * Y = 0.299 R + 0.587 G + 0.114 B ({@link BT601_LUMA}). Labels (N,) or (N, 1), any integer type,
 * each in 0 … classes − 1. Images are concatenated train, val, test; `presetSplit` holds 0/1/2;
 * `patientIds` is null (MedMNIST publishes none; its splits were made by the authors, per patient
 * where the source allowed).
 * @param arrays what {@link parseNpz} returned
 * @param datasetId the MedMNIST id the file is said to be (`pneumoniamnist` …)
 * @throws MedMnistFormatError when the id is unknown or multi-label, an array is missing or of the
 *   wrong shape/type, the channels differ from the dataset's, or a label is out of range
 */
export function medMnistDataset(
  arrays: Record<string, NpyArray>,
  datasetId: string,
  options: MedMnistOptions = {},
): ImageDataset {
  const info = medMnistInfo(datasetId);
  if (!info) {
    fail(
      'unknown-dataset',
      `'${datasetId}' is not a 2-D MedMNIST dataset: choose one from the list.`,
      `“${datasetId}”不是二维 MedMNIST 数据集：请从列表中选择。`,
    );
  }
  if (!info.supported) {
    fail(
      'multi-label',
      `${info.name.en} is multi-label (each image may have several findings at once); this lab trains single-label classifiers. Choose another dataset.`,
      `${info.name.zh} 是多标签数据（每幅图像可同时有多个征象）；本实验只训练单标签分类器。请选择其他数据集。`,
    );
  }
  if (!arrays.train_images) {
    fail(
      'no-train-images',
      'This .npz has no train_images array: it is not a MedMNIST file.',
      '该 .npz 中没有 train_images 数组：它不是 MedMNIST 文件。',
    );
  }
  const splits: SplitImages[] = [];
  let size = 0;
  for (const { prefix, code } of SPLITS) {
    const images = arrays[`${prefix}_images`];
    const labels = arrays[`${prefix}_labels`];
    if (!images) continue;
    if (!labels) {
      fail(
        'missing-labels',
        `This .npz has ${prefix}_images but no ${prefix}_labels: it is not a complete MedMNIST file.`,
        `该 .npz 有 ${prefix}_images 却没有 ${prefix}_labels：它不是完整的 MedMNIST 文件。`,
      );
    }
    const side = checkImages(images, prefix, info);
    if (size !== 0 && side !== size) {
      fail(
        'bad-shape',
        `${prefix}_images are ${side}×${side} pixels but the other splits are ${size}×${size}.`,
        `${prefix}_images 为 ${side}×${side} 像素，而其他部分为 ${size}×${size}。`,
      );
    }
    size = side;
    const count = images.shape[0] ?? 0;
    checkLabelShape(labels, prefix, count, info);
    splits.push({ code, count, keep: keepIndices(count, options.maxPerSplit), images, labels });
  }
  const total = splits.reduce((n, s) => n + s.keep.length, 0);
  const pixels = size * size;
  const out = new Float32Array(total * pixels);
  const labelsOut = new Int32Array(total);
  const presetSplit = new Uint8Array(total);
  let at = 0;
  for (const split of splits) {
    const images = npyToCOrder(split.images);
    const labels = npyToCOrder(split.labels);
    const rgb = images.shape.length === 4 && images.shape[3] === 3;
    const scale = images.dtype === 'uint8' ? 1 / 255 : 1;
    for (const i of split.keep) {
      const label = labels.data[i] ?? -1;
      if (!Number.isInteger(label) || label < 0 || label >= info.classNames.length) {
        fail(
          'label-range',
          `Label ${label} of ${SPLITS[split.code].prefix} image ${i} is outside 0…${info.classNames.length - 1}: this file is not ${info.name.en}. Choose the dataset that matches the file.`,
          `${SPLITS[split.code].prefix} 第 ${i} 幅图像的标签 ${label} 超出 0…${info.classNames.length - 1}：该文件不是 ${info.name.zh}。请选择与文件相符的数据集。`,
        );
      }
      labelsOut[at] = label;
      presetSplit[at] = split.code;
      const dst = at * pixels;
      if (rgb) {
        const src = i * pixels * 3;
        for (let p = 0; p < pixels; p++) {
          const r = images.data[src + 3 * p] ?? 0;
          const g = images.data[src + 3 * p + 1] ?? 0;
          const b = images.data[src + 3 * p + 2] ?? 0;
          out[dst + p] = (BT601_LUMA[0] * r + BT601_LUMA[1] * g + BT601_LUMA[2] * b) * scale;
        }
      } else {
        const src = i * pixels;
        for (let p = 0; p < pixels; p++) out[dst + p] = (images.data[src + p] ?? 0) * scale;
      }
      at++;
    }
  }
  return {
    size,
    count: total,
    images: out,
    labels: labelsOut,
    classNames: info.classNames,
    patientIds: null,
    presetSplit,
    spacingMm: null,
    source: { kind: 'medmnist', name: info.id },
  };
}

/** Checks an images array; returns its side. */
function checkImages(images: NpyArray, prefix: string, info: MedMnistInfo): number {
  const [n, h, w, c] = images.shape;
  const dims = images.shape.length;
  if (
    !(dims === 3 || dims === 4) ||
    n === undefined ||
    h === undefined ||
    h !== w ||
    h === 0 ||
    (dims === 4 && c !== 1 && c !== 3)
  ) {
    fail(
      'bad-shape',
      `${prefix}_images has shape (${images.shape.join(', ')}); MedMNIST images are (N, H, H) or (N, H, H, 3).`,
      `${prefix}_images 的形状为 (${images.shape.join(', ')})；MedMNIST 图像应为 (N, H, H) 或 (N, H, H, 3)。`,
    );
  }
  const channels = dims === 4 ? (c ?? 1) : 1;
  if (channels !== info.channels) {
    const kind = (ch: number): Localized =>
      ch === 3 ? { en: 'colour', zh: '彩色' } : { en: 'grey', zh: '灰度' };
    fail(
      'channels-mismatch',
      `This file has ${kind(channels).en} images but ${info.name.en}'s are ${kind(info.channels).en}: it is another dataset. Choose the one that matches the file.`,
      `该文件为${kind(channels).zh}图像，而 ${info.name.zh} 为${kind(info.channels).zh}图像：这是另一个数据集。请选择与文件相符的数据集。`,
    );
  }
  if (images.dtype === 'float32' || images.dtype === 'float64') {
    for (const v of images.data) {
      if (!(v >= 0 && v <= 1)) {
        fail(
          'bad-pixels',
          `${prefix}_images holds floating-point values outside 0…1 (e.g. ${v}); MedMNIST pixels are uint8 0…255.`,
          `${prefix}_images 含有 0…1 以外的浮点值（如 ${v}）；MedMNIST 像素应为 uint8 0…255。`,
        );
      }
    }
  } else if (images.dtype !== 'uint8') {
    fail(
      'bad-pixels',
      `${prefix}_images has element type ${images.dtype}; MedMNIST pixels are uint8 0…255.`,
      `${prefix}_images 的元素类型为 ${images.dtype}；MedMNIST 像素应为 uint8 0…255。`,
    );
  }
  return h;
}

function checkLabelShape(labels: NpyArray, prefix: string, count: number, info: MedMnistInfo): void {
  const [n, k] = labels.shape;
  if (labels.shape.length === 2 && (k ?? 0) > 1) {
    fail(
      'multi-label',
      `${prefix}_labels has ${k} labels per image (multi-label data); this lab trains single-label classifiers, and ${info.name.en} should have one.`,
      `${prefix}_labels 每幅图像有 ${k} 个标签（多标签数据）；本实验只训练单标签分类器，且 ${info.name.zh} 应只有一个标签。`,
    );
  }
  if (labels.shape.length < 1 || labels.shape.length > 2 || labels.dtype.startsWith('float')) {
    fail(
      'bad-labels',
      `${prefix}_labels has shape (${labels.shape.join(', ')}) and type ${labels.dtype}; MedMNIST labels are integers of shape (N, 1).`,
      `${prefix}_labels 的形状为 (${labels.shape.join(', ')})、类型为 ${labels.dtype}；MedMNIST 标签应为形状 (N, 1) 的整数。`,
    );
  }
  if (n !== count) {
    fail(
      'count-mismatch',
      `${prefix}_images holds ${count} images but ${prefix}_labels ${n} labels.`,
      `${prefix}_images 有 ${count} 幅图像，而 ${prefix}_labels 有 ${n} 个标签。`,
    );
  }
}

function keepIndices(count: number, max: number | undefined): Int32Array {
  const k = max === undefined ? count : Math.max(0, Math.min(count, Math.floor(max)));
  const out = new Int32Array(k);
  for (let j = 0; j < k; j++) out[j] = Math.floor((j * count) / k);
  return out;
}
