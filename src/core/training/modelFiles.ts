/**
 * A stored model as the two files of TensorFlow.js's "layers-model" format, and back: `model.json`
 * (`{ format: 'layers-model', generatedBy, convertedBy, modelTopology, weightsManifest: [{ paths,
 * weights }], userDefinedMetadata }`, tfjs-core io/types.ts `ModelJSON`) and `<name>.weights.bin`
 * (every weight's values back to back in manifest order, little-endian: float32 and int32 4 bytes,
 * bool 1). Any tfjs app opens them with `tf.loadLayersModel` (browserFiles or http); this app's
 * metadata rides in `userDefinedMetadata.radiologyCnnLab`.
 */
import { LocalizedError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';
import { guessModelSpec, readLayersTopology } from './layersTopology';
import type { ModelArtifactsPlain, StoredModel, StoredModelMeta } from './modelStore';

/** Longest model name, in characters (Unicode code points). */
export const MODEL_NAME_MAX = 80;

/**
 * Why `name` cannot name a stored model, or null when it can: 1–{@link MODEL_NAME_MAX}
 * characters, no leading or trailing space, no control characters.
 */
export function validateModelName(name: string): Localized | null {
  if (name.trim() === '') return { en: 'Give the model a name.', zh: '请为模型命名。' };
  if (name !== name.trim()) {
    return { en: 'The name must not begin or end with a space.', zh: '名称的开头和结尾不能有空格。' };
  }
  const length = [...name].length;
  if (length > MODEL_NAME_MAX) {
    return {
      en: `The name is ${length} characters long; use at most ${MODEL_NAME_MAX}.`,
      zh: `名称长 ${length} 个字符；最多 ${MODEL_NAME_MAX} 个。`,
    };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return {
      en: 'The name contains control characters (tab, new line…).',
      zh: '名称包含控制字符（制表符、换行符等）。',
    };
  }
  return null;
}

const BYTES_PER_ELEMENT = { float32: 4, int32: 4, bool: 1 } as const;

/** Σ over weights of (product of shape) × bytes per element (float32/int32 4, bool 1). */
export function expectedWeightBytes(specs: ModelArtifactsPlain['weightSpecs']): number {
  return specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1) * BYTES_PER_ELEMENT[s.dtype], 0);
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Why `actual` weight bytes do not fit `specs`, or null when they do. */
export function weightBytesProblem(
  specs: ModelArtifactsPlain['weightSpecs'],
  actual: number,
): Localized | null {
  const expected = expectedWeightBytes(specs);
  if (expected === actual) return null;
  return {
    en: `weights.bin holds ${fmt(actual)} bytes but model.json describes ${fmt(expected)}: the two files do not belong together. Pick the weights file saved with this model.json.`,
    zh: `weights.bin 有 ${fmt(actual)} 字节，而 model.json 描述的是 ${fmt(expected)} 字节：两个文件不匹配。请选择与该 model.json 一同保存的权重文件。`,
  };
}

/** The files {@link exportModelFiles} makes. */
export interface ExportedModelFiles {
  /** File names are `<baseName>.json` and `<baseName>.weights.bin`. */
  baseName: string;
  modelJson: string;
  weights: ArrayBuffer;
}

/** What `generatedBy` says in exported model.json files. */
export const GENERATED_BY = 'TensorFlow.js tfjs-layers v4.22.0 (Radiology CNN Lab)';

/**
 * A file-system-safe base name for a model name: letters (any script) and digits kept, every other
 * run of characters → `-`, at most 60 characters; `model` when nothing is left.
 */
export function modelBaseName(name: string): string {
  const base = [
    ...name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}_]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ]
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');
  return base === '' ? 'model' : base;
}

/**
 * The model as tfjs layers-model files: model.json (topology, one weights group naming
 * `<baseName>.weights.bin`, this app's metadata) and the weights (a copy).
 */
export function exportModelFiles(model: StoredModel): ExportedModelFiles {
  const baseName = modelBaseName(model.meta.name);
  const json = {
    format: 'layers-model',
    generatedBy: GENERATED_BY,
    convertedBy: null,
    modelTopology: model.artifacts.modelTopology,
    weightsManifest: [
      {
        paths: [`${baseName}.weights.bin`],
        weights: model.artifacts.weightSpecs.map(({ name, shape, dtype }) => ({
          name,
          shape: [...shape],
          dtype,
        })),
      },
    ],
    userDefinedMetadata: { radiologyCnnLab: model.meta },
  };
  return { baseName, modelJson: JSON.stringify(json), weights: model.artifacts.weightData.slice(0) };
}

/** Why model files could not be imported, for programs to branch on. */
export type ModelImportErrorCode =
  | 'not-json'
  | 'not-layers-model'
  | 'weights-manifest'
  | 'weight-spec'
  | 'byte-length'
  | 'input-shape'
  | 'metadata'
  | 'class-count';

/** Model files that cannot be imported; `localizedMessage` says what to do, in both languages. */
export class ModelImportError extends LocalizedError {
  override readonly name = 'ModelImportError';
  constructor(
    readonly code: ModelImportErrorCode,
    localizedMessage: Localized,
  ) {
    super(localizedMessage);
  }
}

function fail(code: ModelImportErrorCode, en: string, zh: string): never {
  throw new ModelImportError(code, { en, zh });
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalized = (v: unknown): boolean =>
  isRecord(v) && typeof v.en === 'string' && typeof v.zh === 'string';
const isNumOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

function parseWeightSpecs(json: Json): ModelArtifactsPlain['weightSpecs'] {
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length !== 1 || !isRecord(manifest[0])) {
    fail(
      'weights-manifest',
      `model.json lists ${Array.isArray(manifest) ? manifest.length : 'no'} weight groups; only models saved as one model.json + one weights file can be imported.`,
      `model.json 列出了 ${Array.isArray(manifest) ? manifest.length : '0'} 个权重组；只能导入由一个 model.json 和一个权重文件组成的模型。`,
    );
  }
  const group = manifest[0];
  if (!Array.isArray(group.paths) || group.paths.length !== 1 || !Array.isArray(group.weights)) {
    fail(
      'weights-manifest',
      'model.json splits the weights over several files (shards); only models with one weights file can be imported. Save the model again as one file.',
      'model.json 将权重拆分到多个文件（分片）；只能导入只有一个权重文件的模型。请将模型重新保存为单个文件。',
    );
  }
  return group.weights.map((w: unknown) => {
    const ok =
      isRecord(w) &&
      typeof w.name === 'string' &&
      Array.isArray(w.shape) &&
      w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0) &&
      (w.dtype === 'float32' || w.dtype === 'int32' || w.dtype === 'bool') &&
      w.quantization === undefined;
    if (!ok) {
      const name = isRecord(w) && typeof w.name === 'string' ? w.name : '?';
      fail(
        'weight-spec',
        `The weight '${name}' in model.json is not a plain float32/int32/bool array (quantized or string weights cannot be imported).`,
        `model.json 中的权重“${name}”不是普通的 float32/int32/bool 数组（无法导入量化或字符串权重）。`,
      );
    }
    return {
      name: w.name as string,
      shape: [...(w.shape as number[])],
      dtype: w.dtype as 'float32' | 'int32' | 'bool',
    };
  });
}

function checkMeta(meta: Json, inputSize: number, classes: number | null): StoredModelMeta {
  const m = meta;
  const window = m.window;
  const metrics = m.metrics;
  const architecture = m.architecture;
  const ok =
    typeof m.name === 'string' &&
    typeof m.savedAt === 'string' &&
    Array.isArray(m.classNames) &&
    m.classNames.length >= 2 &&
    m.classNames.every(isLocalized) &&
    m.inputSize === inputSize &&
    (window === null ||
      (isRecord(window) && typeof window.center === 'number' && typeof window.width === 'number')) &&
    isNumOrNull(m.spacingMm) &&
    isRecord(architecture) &&
    (architecture.kind === 'zoo' || architecture.kind === 'custom') &&
    typeof m.dataset === 'string' &&
    isRecord(metrics) &&
    isNumOrNull(metrics.auc) &&
    isNumOrNull(metrics.accuracy) &&
    typeof m.params === 'number';
  if (!ok) {
    fail(
      'metadata',
      'The Radiology CNN Lab description in model.json (userDefinedMetadata.radiologyCnnLab) is damaged or was made for another input size. Export the model again, or remove that entry to import the network alone.',
      'model.json 中的 Radiology CNN Lab 描述（userDefinedMetadata.radiologyCnnLab）已损坏或对应另一种输入尺寸。请重新导出模型，或删除该项以仅导入网络。',
    );
  }
  if (classes !== null && (m.classNames as unknown[]).length !== classes) {
    fail(
      'class-count',
      `model.json names ${(m.classNames as unknown[]).length} classes but the network has ${classes} outputs.`,
      `model.json 列出 ${(m.classNames as unknown[]).length} 个类别，而网络有 ${classes} 个输出。`,
    );
  }
  return m as unknown as StoredModelMeta;
}

/**
 * Reads exported (or any single-file tfjs layers-model) files back into a {@link StoredModel}.
 * Checks: valid JSON; `format` 'layers-model' (or absent) with a `modelTopology`; exactly one
 * weights group with one path; plain float32/int32/bool weights; weights byte length =
 * Σ (product of shape) × bytes per element; input shape `[null, s, s, 1]`. Metadata from
 * `userDefinedMetadata.radiologyCnnLab` when present (checked), else built from the topology:
 * classes "class 1…n" from the head's units, architecture guessed ({@link guessModelSpec}),
 * no metrics, name from the model's name.
 * @throws ModelImportError naming what is wrong and what to do
 */
export function importModelFiles(modelJson: string, weights: ArrayBuffer): StoredModel {
  let json: unknown;
  try {
    json = JSON.parse(modelJson);
  } catch {
    fail(
      'not-json',
      'This model.json is not valid JSON: pick the model.json file of a TensorFlow.js model.',
      '该 model.json 不是有效的 JSON：请选择 TensorFlow.js 模型的 model.json 文件。',
    );
  }
  if (
    !isRecord(json) ||
    !isRecord(json.modelTopology) ||
    (json.format !== undefined && json.format !== 'layers-model')
  ) {
    const format = isRecord(json) && typeof json.format === 'string' ? json.format : 'unknown';
    fail(
      'not-layers-model',
      `This model.json is not a TensorFlow.js layers model (format: ${format}); graph models and other formats cannot be opened here.`,
      `该 model.json 不是 TensorFlow.js layers 模型（格式：${format}）；此处无法打开 graph 模型或其他格式。`,
    );
  }
  const weightSpecs = parseWeightSpecs(json);
  const bytesProblem = weightBytesProblem(weightSpecs, weights.byteLength);
  if (bytesProblem) throw new ModelImportError('byte-length', bytesProblem);

  const summary = readLayersTopology(json.modelTopology);
  const shape = summary?.inputShape;
  const s = shape?.[1];
  if (
    !summary ||
    !shape ||
    shape.length !== 4 ||
    shape[0] !== null ||
    !s ||
    shape[2] !== s ||
    shape[3] !== 1
  ) {
    fail(
      'input-shape',
      `This network takes inputs of shape [${shape?.map((d) => d ?? 'null').join(', ') ?? '?'}]; the lab's models take square one-channel images, [null, size, size, 1].`,
      `该网络的输入形状为 [${shape?.map((d) => d ?? 'null').join(', ') ?? '?'}]；本实验的模型需要方形单通道图像 [null, size, size, 1]。`,
    );
  }
  const params = weightSpecs.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
  const userMeta = isRecord(json.userDefinedMetadata) ? json.userDefinedMetadata.radiologyCnnLab : undefined;
  let meta: StoredModelMeta;
  if (userMeta !== undefined) {
    meta = { ...checkMeta(isRecord(userMeta) ? userMeta : {}, s, summary.outputUnits), params };
  } else {
    const classes = summary.outputUnits ?? 2;
    if (classes < 2) {
      fail(
        'class-count',
        `The network ends in ${classes} output; a classifier here needs one output per class (at least 2).`,
        `该网络只有 ${classes} 个输出；此处的分类器需要每个类别一个输出（至少 2 个）。`,
      );
    }
    const name = summary.name && validateModelName(summary.name) === null ? summary.name : 'imported model';
    meta = {
      name,
      savedAt: new Date().toISOString(),
      classNames: Array.from({ length: classes }, (_, i) => ({ en: `class ${i + 1}`, zh: `类别 ${i + 1}` })),
      inputSize: s,
      window: null,
      spacingMm: null,
      architecture: guessModelSpec(summary),
      dataset: 'imported',
      metrics: { auc: null, accuracy: null },
      params,
    };
  }
  return {
    meta,
    artifacts: { modelTopology: json.modelTopology, weightSpecs, weightData: weights.slice(0) },
  };
}
