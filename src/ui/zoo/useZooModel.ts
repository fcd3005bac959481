/**
 * Zoo models for the React layer: loaded once per backend, shared by the `cnn-architecture` lesson
 * and the `#/zoo` page. Components get a {@link LoadedZooModel} (a runner that owns the tensors,
 * plus plain data) and never touch a tensor themselves; the cache owns the runners and disposes
 * those of a backend that is no longer active.
 */
import { useEffect, useState } from 'react';
import { analyseGraph } from '../../core/models/analyseGraph';
import { getZooModel } from '../../core/models/zooCatalog';
import {
  UserModelError,
  userModelInvalidName,
  userModelName,
  USER_MODEL_PREFIX,
} from '../../core/models/userModel';
import type { LayerAnalysis, ZooManifest, ZooModelDef, ZooModelId } from '../../core/models/zooTypes';
import type { ZooRunner } from '../../core/models/ZooRunner';
import type { Localized } from '../../core/lessons/types';
import { useBackendStore, whenBackendReady } from '../backendStore';

/**
 * A model ready to run: its definition, runner, manifest (null if none was found: always for a
 * model trained in the browser, whose record is `def.user`) and analysis.
 */
export interface LoadedZooModel {
  def: ZooModelDef;
  runner: ZooRunner;
  manifest: ZooManifest | null;
  analysis: readonly LayerAnalysis[];
  /** The tfjs backend the runner's weights live on. */
  backend: string;
}

/** What {@link useZooModel} holds. */
export type ZooModelState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; model: LoadedZooModel }
  /** `localized`: the message in both languages when the failure has one (a stored model not found…). */
  | { status: 'error'; id: string; error: string; localized?: Localized };

/** Loads a model's weights and wraps it in a runner (replaceable in tests). */
export type ZooModelLoader = (id: ZooModelId) => Promise<{ runner: ZooRunner; manifest: ZooManifest | null }>;

const defaultLoader: ZooModelLoader = async (id) => {
  await whenBackendReady();
  const [{ loadZooModel }, { ZooRunner }] = await Promise.all([
    import('../../core/models/zooStorage'),
    import('../../core/models/ZooRunner'),
  ]);
  const { model, manifest } = await loadZooModel(id);
  return { runner: await ZooRunner.create(model), manifest };
};

/** Loads a model trained in the browser by its stored name (replaceable in tests). */
export type UserModelLoader = (name: string) => Promise<{ runner: ZooRunner; def: ZooModelDef }>;

const defaultUserLoader: UserModelLoader = async (name) => {
  await whenBackendReady();
  const { loadUserModel } = await import('../../core/models/userModelLoad');
  const { runner, def } = await loadUserModel(name);
  return { runner, def };
};

let loader: ZooModelLoader = defaultLoader;
let userLoader: UserModelLoader = defaultUserLoader;
const cache = new Map<string, Promise<LoadedZooModel>>();
let cachedBackend: string | null = null;

/** Replaces the loader and empties the cache (tests). */
export function setZooModelLoader(next: ZooModelLoader | null): void {
  clearZooModels();
  loader = next ?? defaultLoader;
}

/** Replaces the loader of models trained in the browser and empties the cache (tests). */
export function setUserModelLoader(next: UserModelLoader | null): void {
  clearZooModels();
  userLoader = next ?? defaultUserLoader;
}

/**
 * Forgets the cached model trained in the browser called `name` (disposing its runner), so that the
 * next request reads it from IndexedDB again: call after the model was saved again or deleted.
 */
export function forgetUserModel(name: string): void {
  const id = `${USER_MODEL_PREFIX}${name}`;
  const p = cache.get(id);
  if (!p) return;
  cache.delete(id);
  p.then((m) => m.runner.dispose()).catch(() => undefined);
}

/** Disposes every cached runner (a backend change, or tests). */
export function clearZooModels(): void {
  for (const p of cache.values()) p.then((m) => m.runner.dispose()).catch(() => undefined);
  cache.clear();
}

function currentBackend(): string {
  return useBackendStore.getState().report?.backend ?? 'pending';
}

/**
 * The model `id` on the active backend, loaded once and shared: a zoo id, or `user:<name>` for a
 * model trained in the browser (read from IndexedDB; its definition comes with it). A change of
 * backend disposes the runners made on the previous one (their weights were uploaded there) and
 * loads afresh.
 */
export function getLoadedZooModel(id: string): Promise<LoadedZooModel> {
  const userName = id.startsWith(USER_MODEL_PREFIX) ? userModelName(id) : null;
  const def = userName === null ? getZooModel(id) : undefined;
  if (id.startsWith(USER_MODEL_PREFIX) && userName === null)
    return Promise.reject(userModelInvalidName(id.slice(USER_MODEL_PREFIX.length)));
  if (userName === null && !def) return Promise.reject(new Error(`There is no zoo model called “${id}”.`));
  const backend = currentBackend();
  if (cachedBackend !== backend) {
    clearZooModels();
    cachedBackend = backend;
  }
  let p = cache.get(id);
  if (!p) {
    const loaded: Promise<{ def: ZooModelDef; runner: ZooRunner; manifest: ZooManifest | null }> =
      userName !== null
        ? userLoader(userName).then(({ runner, def }) => ({ def, runner, manifest: null }))
        : loader(def!.id).then(({ runner, manifest }) => ({ def: def!, runner, manifest }));
    p = loaded.then(({ def: d, runner, manifest }) => ({
      def: d,
      runner,
      manifest,
      analysis: analyseGraph(runner.graph),
      backend: currentBackend(),
    }));
    cache.set(id, p);
    p.catch(() => {
      if (cache.get(id) === p) cache.delete(id);
    });
  }
  return p;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The zoo model `id`, re-loaded when the backend changes; a later id wins a race. */
export function useZooModel(id: string): ZooModelState {
  const backend = useBackendStore((s) => s.report?.backend ?? 'pending');
  const [state, setState] = useState<ZooModelState & { backend?: string }>({ status: 'loading', id });
  if (
    state.id !== id ||
    (state.status === 'ready' && state.model.backend !== backend && backend !== 'pending')
  ) {
    setState({ status: 'loading', id });
  }
  useEffect(() => {
    let live = true;
    getLoadedZooModel(id).then(
      (model) => live && setState({ status: 'ready', id, model }),
      (e: unknown) =>
        live &&
        setState({
          status: 'error',
          id,
          error: message(e),
          ...(e instanceof UserModelError ? { localized: e.localizedMessage } : {}),
        }),
    );
    return () => {
      live = false;
    };
  }, [id, backend]);
  return state;
}
