/**
 * Where the zoo's trained weights live and how the page loads them: `public/models/<id>/` holds
 * `model.json` (the tfjs-layers topology and weights manifest, tfjs "layers-model" format),
 * `weights.bin` (float32, little-endian, in the manifest's order) and `manifest.json` (a
 * {@link ZooManifest}: data seeds, training log, validation metrics), all written by
 * `npm run train-zoo`. Node-only save/load helpers are in zooStorageNode.ts, so the browser bundle
 * never imports `node:fs`.
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { loadTfLayers } from '../tensor/initBackend';
import type { ZooManifest, ZooModelId } from './zooTypes';

/** The model files of the zoo, relative to a model's folder. */
export const ZOO_FILES = { model: 'model.json', weights: 'weights.bin', manifest: 'manifest.json' } as const;

/** A zoo model or its manifest could not be loaded; the message says what to do. */
export class ZooLoadError extends Error {
  override readonly name = 'ZooLoadError';
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
  }
}

function defaultBase(): string {
  return import.meta.env?.BASE_URL ?? '/';
}

/**
 * The app's base URL made absolute against `documentUrl` (the page's `document.baseURI`). A worker
 * needs it: there a relative URL resolves against the worker script's own address, not the page's.
 */
export function absoluteZooBase(documentUrl: string, base: string = defaultBase()): string {
  return new URL(base, documentUrl).href;
}

/** The folder URL of a model: `<base>models/<id>/` (a trailing slash is added to `base` if missing). */
export function modelFolderUrl(id: ZooModelId, base: string = defaultBase()): string {
  return `${base.endsWith('/') ? base : `${base}/`}models/${id}/`;
}

/** URL of a model's `model.json` under the app's base URL (Vite's `BASE_URL`, `/` by default). */
export function modelUrl(id: ZooModelId, base?: string): string {
  return `${modelFolderUrl(id, base)}${ZOO_FILES.model}`;
}

/** URL of a model's `manifest.json`. */
export function manifestUrl(id: ZooModelId, base?: string): string {
  return `${modelFolderUrl(id, base)}${ZOO_FILES.manifest}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks that parsed JSON is a {@link ZooManifest} for model `id` (the fields the page and the
 * tests read: id, task, data seeds, training, metrics, params, weightBytes).
 * @throws ZooLoadError naming the first missing or mistyped field
 */
export function parseZooManifest(json: unknown, id: string): ZooManifest {
  const fail = (what: string): never => {
    throw new ZooLoadError(
      `The manifest of '${id}' is not valid (${what}): run \`npm run train-zoo\` again.`,
      id,
    );
  };
  if (!isRecord(json)) return fail('not an object');
  if (json.id !== id) fail(`its id is ${String(json.id)}`);
  if (typeof json.task !== 'string') fail('no task');
  const data = json.data;
  if (!isRecord(data)) return fail('no data');
  for (const k of ['trainSeed', 'trainSize', 'validationSeed', 'validationSize']) {
    if (typeof data[k] !== 'number') fail(`data.${k} is not a number`);
  }
  const training = json.training;
  if (!isRecord(training) || !Array.isArray(training.log)) fail('no training log');
  if (!isRecord(json.metrics)) fail('no metrics');
  for (const k of ['params', 'weightBytes']) if (typeof json[k] !== 'number') fail(`${k} is not a number`);
  return json as unknown as ZooManifest;
}

/**
 * Loads a trained zoo model and its manifest in the browser: `tf.loadLayersModel` on
 * {@link modelUrl} (which fetches `weights.bin` next to it) and a fetch of {@link manifestUrl}.
 * A tfjs backend must be initialised first (`initBackend`). The caller owns the model and
 * disposes it.
 * @throws ZooLoadError when a file is missing or malformed
 */
export async function loadZooModel(
  id: ZooModelId,
  base?: string,
): Promise<{ model: tfl.LayersModel; manifest: ZooManifest }> {
  const layers = await loadTfLayers();
  const fetchManifest = async (): Promise<ZooManifest> => {
    const url = manifestUrl(id, base);
    const response = await fetch(url);
    if (!response.ok) {
      throw new ZooLoadError(
        `The manifest of '${id}' could not be fetched from ${url} (HTTP ${response.status}).`,
        id,
      );
    }
    return parseZooManifest(await response.json(), id);
  };
  const [model, manifest] = await Promise.allSettled([
    layers.loadLayersModel(modelUrl(id, base)),
    fetchManifest(),
  ]);
  if (model.status === 'fulfilled' && manifest.status === 'fulfilled') {
    return { model: model.value, manifest: manifest.value };
  }
  if (model.status === 'fulfilled') model.value.dispose();
  const reason: unknown =
    model.status === 'rejected' ? model.reason : (manifest as PromiseRejectedResult).reason;
  if (reason instanceof ZooLoadError) throw reason;
  const detail = reason instanceof Error ? reason.message : String(reason);
  throw new ZooLoadError(
    `The weights of '${id}' could not be loaded from ${modelUrl(id, base)}: ${detail}`,
    id,
  );
}
