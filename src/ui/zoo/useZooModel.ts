/**
 * Zoo models for the React layer: loaded once per backend, shared by the `cnn-architecture` lesson
 * and the `#/zoo` page. Components get a {@link LoadedZooModel} (a runner that owns the tensors,
 * plus plain data) and never touch a tensor themselves; the cache owns the runners and disposes
 * those of a backend that is no longer active.
 */
import { useEffect, useState } from 'react';
import { analyseGraph } from '../../core/models/analyseGraph';
import { getZooModel } from '../../core/models/zooCatalog';
import type { LayerAnalysis, ZooManifest, ZooModelDef, ZooModelId } from '../../core/models/zooTypes';
import type { ZooRunner } from '../../core/models/ZooRunner';
import { useBackendStore, whenBackendReady } from '../backendStore';

/** A model ready to run: its definition, runner, manifest (null if none was found) and analysis. */
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
  | { status: 'error'; id: string; error: string };

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

let loader: ZooModelLoader = defaultLoader;
const cache = new Map<string, Promise<LoadedZooModel>>();
let cachedBackend: string | null = null;

/** Replaces the loader and empties the cache (tests). */
export function setZooModelLoader(next: ZooModelLoader | null): void {
  clearZooModels();
  loader = next ?? defaultLoader;
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
 * The model `id` on the active backend, loaded once and shared. A change of backend disposes the
 * runners made on the previous one (their weights were uploaded there) and loads afresh.
 */
export function getLoadedZooModel(id: string): Promise<LoadedZooModel> {
  const def = getZooModel(id);
  if (!def) return Promise.reject(new Error(`There is no zoo model called “${id}”.`));
  const backend = currentBackend();
  if (cachedBackend !== backend) {
    clearZooModels();
    cachedBackend = backend;
  }
  let p = cache.get(id);
  if (!p) {
    p = loader(def.id).then(({ runner, manifest }) => ({
      def,
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
      (e: unknown) => live && setState({ status: 'error', id, error: message(e) }),
    );
    return () => {
      live = false;
    };
  }, [id, backend]);
  return state;
}
