/**
 * A model trained in the browser (saved in IndexedDB by `core/training/modelStore`) in the form of
 * a zoo model, so that the `#/zoo` page and the `cnn-architecture` lesson run and take it apart
 * like the zoo's classifiers. Plain data and maths only; loading its weights is `userModelLoad.ts`.
 *
 * Preprocessing. The stored images were mapped to 0…1 before training. When the dataset knew its
 * window (a CT phantom: the task's zoo window in HU, DICOM PS3.3 C.11.2.1.2 linear VOI LUT) the
 * model takes that window, so a CT slice is prepared exactly as its training data was. When it did
 * not (PNG/JPEG folders, MedMNIST: the images arrive as 0…1 intensities), every slice is windowed
 * with its own display window, as the zoo does for slices without HU (`prepareZooInput`), and the
 * window is recorded as that of 0…1 data (centre 0.5, width 1: the identity on 0…1). The pixel
 * size is the dataset's when known, else the zoo's patch spacing {@link USER_MODEL_DEFAULT_SPACING_MM}
 * with `spacingKnown: false` for the pages to say it was assumed.
 */
import type { Localized } from '../lessons/types';
import { buildClassifier } from '../training/buildClassifier';
import { validateModelName } from '../training/modelFiles';
import type { StoredModelMeta } from '../training/modelStore';
import type { ModelSpec } from '../training/trainingTypes';
import { getZooModel } from './zooCatalog';
import type { UserModelId, ZooModelDef, ZooPreprocessing } from './zooTypes';

/** The prefix of a {@link UserModelId}. */
export const USER_MODEL_PREFIX = 'user:';

/**
 * Pixel size assumed for a model whose training data gave none: the zoo's lung patches' 0.7 mm
 * (`zooCatalog` LUNG_PATCH), so that a CT slice is cropped to a field of size × 0.7 mm.
 */
export const USER_MODEL_DEFAULT_SPACING_MM = 0.7;

/** The id of the stored model `name`: `user:<name>`. */
export function userModelId(name: string): UserModelId {
  return `${USER_MODEL_PREFIX}${name}`;
}

/** The stored name in a {@link UserModelId}, or null when `id` is not one (or names no valid model name). */
export function userModelName(id: string): string | null {
  if (!id.startsWith(USER_MODEL_PREFIX)) return null;
  const name = id.slice(USER_MODEL_PREFIX.length);
  return validateModelName(name) === null ? name : null;
}

/** True when `id` is a {@link UserModelId} with a valid name. */
export function isUserModelId(id: string): id is UserModelId {
  return userModelName(id) !== null;
}

/** Why a stored model cannot be opened; `localizedMessage` says what to do. */
export type UserModelErrorCode = 'not-found' | 'invalid-name' | 'not-runnable';

/** A stored model that cannot be opened as a zoo-like model, with a message a student can act on. */
export class UserModelError extends Error {
  override readonly name = 'UserModelError';
  constructor(
    readonly code: UserModelErrorCode,
    readonly localizedMessage: Localized,
    options?: { cause?: unknown },
  ) {
    super(localizedMessage.en, options);
  }

  /** The message in the given language. */
  localized(lang: 'en' | 'zh'): string {
    return this.localizedMessage[lang];
  }
}

/** The error for a name that is not (or no longer) stored. */
export function userModelNotFound(name: string): UserModelError {
  return new UserModelError('not-found', {
    en: `No saved model called “${name}”: it may have been deleted. Save it again on the Models step of the lesson “Train a classifier in the browser”.`,
    zh: `没有名为“${name}”的已保存模型：它可能已被删除。请在“在浏览器中训练分类器”一课的“模型”步骤中重新保存。`,
  });
}

/** The error for a link whose name is empty, too long or holds control characters. */
export function userModelInvalidName(name: string): UserModelError {
  const problem = validateModelName(name);
  return new UserModelError('invalid-name', {
    en: `The link names no valid model (“${name}”): ${problem?.en ?? ''} Open the model from the Models step of the lesson “Train a classifier in the browser”.`,
    zh: `该链接没有指向有效的模型（“${name}”）：${problem?.zh ?? ''}请从“在浏览器中训练分类器”一课的“模型”步骤打开模型。`,
  });
}

/**
 * The preprocessing of a stored model: its window when known (`windowKnown`), else the 0…1
 * identity (centre 0.5, width 1) with `windowKnown: false` (each slice's own display window is
 * used); size = `inputSize`; spacing = the data's, else {@link USER_MODEL_DEFAULT_SPACING_MM}
 * with `spacingKnown: false`.
 */
export function userModelPreprocessing(meta: StoredModelMeta): ZooPreprocessing {
  const window = meta.window;
  const spacing = meta.spacingMm;
  const spacingKnown = spacing !== null && Number.isFinite(spacing) && spacing > 0;
  const windowKnown = window !== null && Number.isFinite(window.center) && window.width > 0;
  return {
    center: windowKnown ? window.center : 0.5,
    width: windowKnown ? window.width : 1,
    size: meta.inputSize,
    spacingMm: spacingKnown ? spacing : USER_MODEL_DEFAULT_SPACING_MM,
    windowKnown,
    spacingKnown,
  };
}

/** One sentence on the architecture a stored model was trained with. */
export function architectureIdea(spec: ModelSpec): Localized {
  if (spec.kind === 'custom') {
    const dense = spec.dense > 0;
    return {
      en: `A custom stack trained in this browser: ${spec.blocks} block(s) of two ${spec.kernel}×${spec.kernel} convolutions and a 2×2 max-pool, ${spec.filters} filters in the first block (doubling per block), ${dense ? `a dense layer of ${spec.dense} units, ` : ''}then the class scores.`,
      zh: `在本浏览器中训练的自定义网络：${spec.blocks} 个模块，每个含两个 ${spec.kernel}×${spec.kernel} 卷积和一个 2×2 最大池化，第一个模块 ${spec.filters} 个滤波器（每个模块加倍），${dense ? `一个 ${spec.dense} 个单元的全连接层，` : ''}最后是各类别得分。`,
    };
  }
  const zoo = getZooModel(spec.id);
  const name = zoo?.name ?? { en: spec.id, zh: spec.id };
  return {
    en: `The zoo’s ${name.en} architecture, trained in this browser ${spec.pretrained ? 'from the zoo’s pretrained weights (fine-tuned)' : 'from random weights'}.`,
    zh: `模型库中的 ${name.zh} 结构，在本浏览器中${spec.pretrained ? '从模型库的预训练权重开始微调' : '从随机权重开始训练'}。`,
  };
}

/**
 * A stored model as a {@link ZooModelDef}: id `user:<name>`, the stored name, kind
 * 'classification', the stored class names, {@link userModelPreprocessing}, no phantom task, and
 * `build` = the recorded architecture (`buildClassifier`) at the stored size and class count, used
 * to copy the model onto other backends for timing. (An imported model whose architecture was only
 * guessed may not match: the copy then fails with a message and the model itself still runs.)
 */
export function userModelDef(meta: StoredModelMeta): ZooModelDef {
  const preprocessing = userModelPreprocessing(meta);
  return {
    id: userModelId(meta.name),
    name: { en: meta.name, zh: meta.name },
    idea: architectureIdea(meta.architecture),
    kind: 'classification',
    preprocessing,
    classes: meta.classNames,
    build: (layers, seed) =>
      buildClassifier(layers, meta.architecture, {
        size: meta.inputSize,
        classes: meta.classNames.length,
        seed: seed ?? 1,
      }),
    user: { name: meta.name, savedAt: meta.savedAt, dataset: meta.dataset, metrics: meta.metrics },
  };
}

/**
 * A stand-in for the stored model `name` while its record loads (nothing can run on it: no
 * classes, and the pages prepare no input until the real definition arrives).
 */
export function pendingUserModelDef(name: string): ZooModelDef {
  return {
    id: userModelId(name),
    name: { en: name, zh: name },
    idea: { en: 'A model trained in this browser.', zh: '在本浏览器中训练的模型。' },
    kind: 'classification',
    preprocessing: {
      center: 0.5,
      width: 1,
      size: 64,
      spacingMm: USER_MODEL_DEFAULT_SPACING_MM,
      windowKnown: false,
      spacingKnown: false,
    },
    classes: [],
    build: () => {
      throw userModelNotFound(name);
    },
    user: { name, savedAt: '', dataset: '', metrics: { auc: null, accuracy: null } },
  };
}
