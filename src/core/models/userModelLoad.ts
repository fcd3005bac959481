/**
 * Loads a model trained in the browser (a {@link StoredModel} from IndexedDB) as a tfjs
 * LayersModel on the active backend (`tf.loadLayersModel(tf.io.fromMemory(…))`, via
 * `core/training/modelArtifacts`), checks that it is the classifier its record describes, and
 * wraps it in a {@link ZooRunner} with its zoo-like definition ({@link userModelDef}).
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { loadTfCore, loadTfLayers } from '../tensor/initBackend';
import { modelFromArtifacts } from '../training/modelArtifacts';
import { openModelStore, type StoredModel, type StoredModelMeta } from '../training/modelStore';
import {
  userModelDef,
  UserModelError,
  userModelInvalidName,
  userModelName,
  userModelNotFound,
} from './userModel';
import { ZooRunner } from './ZooRunner';
import type { ZooModelDef } from './zooTypes';
import { validateModelName, weightBytesProblem } from '../training/modelFiles';

/**
 * The stored model as a new tfjs LayersModel on the active backend (the caller owns and disposes
 * it). Checks that its input is [null, s, s, 1] with s = `meta.inputSize` and that its output has
 * one value per stored class.
 * @throws UserModelError `not-runnable` when the artifacts cannot be read or do not match the record
 */
export async function loadStoredModel(stored: StoredModel): Promise<tfl.LayersModel> {
  const [tf, layers] = await Promise.all([loadTfCore(), loadTfLayers()]);
  const { meta } = stored;
  // Checked first: tfjs builds the model's variables before it reads the weights, and does not
  // dispose them when the weights turn out short.
  const bytes = weightBytesProblem(stored.artifacts.weightSpecs, stored.artifacts.weightData.byteLength);
  if (bytes)
    throw new UserModelError('not-runnable', {
      en: `The saved model “${meta.name}” is damaged: ${bytes.en} Train and save it again, or import its exported files.`,
      zh: `已保存的模型“${meta.name}”已损坏：${bytes.zh}请重新训练并保存，或导入它的导出文件。`,
    });
  let model: tfl.LayersModel;
  try {
    model = await modelFromArtifacts(tf, layers, stored.artifacts);
  } catch (e) {
    throw new UserModelError(
      'not-runnable',
      {
        en: `The saved model “${meta.name}” could not be read (${e instanceof Error ? e.message : String(e)}). Train and save it again, or import its exported files.`,
        zh: `无法读取已保存的模型“${meta.name}”（${e instanceof Error ? e.message : String(e)}）。请重新训练并保存，或导入它的导出文件。`,
      },
      { cause: e },
    );
  }
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  const s = meta.inputSize;
  const inputOk =
    model.inputs.length === 1 && input.length === 4 && input[1] === s && input[2] === s && input[3] === 1;
  const outputOk = model.outputs.length === 1 && output.length === 2 && output[1] === meta.classNames.length;
  if (!inputOk || !outputOk) {
    model.dispose();
    const shape = (d: readonly (number | null)[]): string => `[${d.map((x) => x ?? '?').join(', ')}]`;
    throw new UserModelError('not-runnable', {
      en: `The saved model “${meta.name}” takes ${shape(input)} and gives ${shape(output)}, but its record says ${s} × ${s} images and ${meta.classNames.length} classes: save it again from the lesson “Train a classifier in the browser”.`,
      zh: `已保存的模型“${meta.name}”的输入为 ${shape(input)}、输出为 ${shape(output)}，但其记录为 ${s} × ${s} 的图像和 ${meta.classNames.length} 个类别：请在“在浏览器中训练分类器”一课中重新保存。`,
    });
  }
  return model;
}

/** A stored model ready to run: its definition, runner (owned by the caller) and record. */
export interface LoadedUserModel {
  def: ZooModelDef;
  runner: ZooRunner;
  meta: StoredModelMeta;
}

/**
 * Opens the stored model `name` from the model store on `factory` (default `globalThis.indexedDB`),
 * loads it on the active backend ({@link loadStoredModel}) and wraps it in a {@link ZooRunner}.
 * @throws UserModelError `invalid-name` or `not-found` (with what to do), `not-runnable`;
 *   StorageError when IndexedDB is unavailable
 */
export async function loadUserModel(name: string, factory?: IDBFactory): Promise<LoadedUserModel> {
  if (validateModelName(name) !== null) throw userModelInvalidName(name);
  const store = await openModelStore(factory);
  let stored: StoredModel | null;
  try {
    stored = await store.load(name);
  } finally {
    store.close();
  }
  if (!stored) throw userModelNotFound(name);
  const model = await loadStoredModel(stored);
  let runner: ZooRunner;
  try {
    runner = await ZooRunner.create(model);
  } catch (e) {
    model.dispose();
    throw new UserModelError(
      'not-runnable',
      {
        en: `The saved model “${name}” has a layer this app cannot take apart (${e instanceof Error ? e.message : String(e)}).`,
        zh: `已保存的模型“${name}”含有本应用无法解析的层（${e instanceof Error ? e.message : String(e)}）。`,
      },
      { cause: e },
    );
  }
  return { def: userModelDef(stored.meta), runner, meta: stored.meta };
}

/** {@link loadUserModel} for a `user:<name>` id. @throws UserModelError `invalid-name` for another id */
export function loadUserModelById(id: string, factory?: IDBFactory): Promise<LoadedUserModel> {
  const name = userModelName(id);
  if (name === null) return Promise.reject(userModelInvalidName(id.replace(/^user:/, '')));
  return loadUserModel(name, factory);
}
