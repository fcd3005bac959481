/**
 * Node-only storage of zoo models, for the training script and the tests: a model folder holds
 * `model.json` (tfjs "layers-model" format: topology + weights manifest), `weights.bin` and
 * `manifest.json`, exactly the files the browser loads with `tf.loadLayersModel`
 * (zooStorage.ts). Uses `tf.io.withSaveHandler` and `tf.io.fromMemory` with `node:fs`; never
 * import this file from code that runs in the page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { loadTfCore, loadTfLayers } from '../tensor/initBackend';
import { parseZooManifest, ZOO_FILES } from './zooStorage';
import type { ZooManifest } from './zooTypes';

/** What {@link saveModelToDir} wrote. */
export interface SavedModelFiles {
  /** Bytes of `weights.bin`. */
  weightBytes: number;
  /** Bytes of `model.json`. */
  topologyBytes: number;
}

/**
 * Writes `model.json` and `weights.bin` of `model` into `dir` (created if needed). The weights
 * are the float32 values of `model.getWeights()` order, concatenated; `model.json` lists them
 * under `weightsManifest[0].weights` with the path `weights.bin`, as tfjs's own http saver does.
 */
export async function saveModelToDir(model: tfl.LayersModel, dir: string): Promise<SavedModelFiles> {
  const tf = await loadTfCore();
  mkdirSync(dir, { recursive: true });
  let saved: SavedModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (artifacts.weightSpecs === undefined || artifacts.weightData === undefined) {
        throw new Error('the model has no weights to save');
      }
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const json: tfc.io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy ?? 'TensorFlow.js',
        convertedBy: null,
        weightsManifest: [{ paths: [ZOO_FILES.weights], weights: artifacts.weightSpecs }],
      };
      const text = JSON.stringify(json);
      writeFileSync(join(dir, ZOO_FILES.model), text);
      writeFileSync(join(dir, ZOO_FILES.weights), weights);
      saved = { weightBytes: weights.byteLength, topologyBytes: Buffer.byteLength(text) };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (saved === undefined) throw new Error(`the model was not saved to ${dir}`);
  return saved;
}

/**
 * Loads the model saved in `dir` (`model.json` and the weight files its manifest names) through
 * `tf.io.fromMemory`. The caller owns the model and disposes it.
 */
export async function loadModelFromDir(dir: string): Promise<tfl.LayersModel> {
  const tf = await loadTfCore();
  const layers = await loadTfLayers();
  const json = JSON.parse(readFileSync(join(dir, ZOO_FILES.model), 'utf8')) as tfc.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers = manifest.flatMap((group) =>
      group.paths.map((p) => {
        const bytes = readFileSync(join(dir, p));
        return Uint8Array.from(bytes).buffer;
      }),
    );
    return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
  });
  return layers.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** Writes `manifest.json` (2-space indented JSON) into `dir`. */
export function writeManifestToDir(manifest: ZooManifest, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ZOO_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Reads and checks `manifest.json` of model `id` in `dir` ({@link parseZooManifest}). */
export function readManifestFromDir(dir: string, id: string): ZooManifest {
  return parseZooManifest(JSON.parse(readFileSync(join(dir, ZOO_FILES.manifest), 'utf8')), id);
}
