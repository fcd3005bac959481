/**
 * Chooses, loads and initialises the tfjs backend. Everything tfjs is imported lazily from here, so
 * the first paint carries none of it.
 *
 * `auto` tries webgpu, webgl, wasm, cpu in that order (DESIGN.md), skipping a GPU backend whose
 * adapter is a software rasteriser: there wasm is much faster (BROWSER.md). A lost WebGL context or
 * WebGPU device falls back to the next backend and raises a `fallback` event for the page to show.
 */
import {
  BACKEND_ORDER,
  type BackendAttempt,
  type BackendEvent,
  type BackendName,
  type BackendPreference,
  type BackendReason,
  type BackendReport,
} from './backendTypes';
import { probeWebGl, probeWebGpu, type GpuProbe } from './gpuProbe';
import { registerWasmConvGradients } from './wasmConvGradients';
import { registerWasmHeapKernels } from './wasmHeapKernels';

type TfCore = typeof import('@tensorflow/tfjs-core');

const inNode = typeof globalThis.process !== 'undefined' && globalThis.process.versions?.node != null;

/** tfjs-core with its gradients and chained tensor methods registered, loaded on first use. */
export async function loadTfCore(): Promise<TfCore> {
  const [tf] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('@tensorflow/tfjs-core/dist/register_all_gradients'),
    import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops'),
  ]);
  return tf;
}

/** tfjs-layers, loaded on first use. */
export function loadTfLayers(): Promise<typeof import('@tensorflow/tfjs-layers')> {
  return import('@tensorflow/tfjs-layers');
}

/**
 * wasm threads: XNNPACK splits convolutions over a pthread pool, which needs SharedArrayBuffer,
 * i.e. a cross-origin-isolated page. We use every logical core, up to the 8 workers tfjs
 * pre-creates: training runs in short bursts or in a worker, and on a 2-core machine the second
 * thread makes TinyVGG training markedly faster (bench: `backends.wasm.trainExamplesPerSec`).
 */
function wasmThreadCount(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(8, cores));
}

/**
 * tfjs-backend-wasm 4.22 caps its thread pool at `navigator.hardwareConcurrency / 2` whatever
 * `setThreadsCount` asks (its C++ assumes two hyperthreads per core), reading the value once while
 * the module starts. Runs `start` with the value doubled so that the cap equals the real core
 * count, then restores the browser's own property.
 */
async function withWasmThreadCap<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator as (Navigator & { hardwareConcurrency: number }) | undefined;
  if (inNode || !nav || threads <= 1) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => threads * 2 });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

async function loadBackendModule(tf: TfCore, name: BackendName): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl': {
      const webgl = await import('@tensorflow/tfjs-backend-webgl');
      // Re-register after a context loss removed it.
      if (!tf.findBackendFactory('webgl')) tf.registerBackend('webgl', () => new webgl.MathBackendWebGL(), 2);
      return;
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (!inNode) {
        const { wasmPaths } = await import('./wasmAssets');
        wasm.setWasmPaths(wasmPaths);
        wasm.setThreadsCount(wasmThreadCount());
      }
      registerWasmConvGradients();
      registerWasmHeapKernels();
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

async function activate(tf: TfCore, name: BackendName): Promise<void> {
  await loadBackendModule(tf, name);
  const start = async () => {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`the ${name} backend failed to initialise`);
    await tf.ready();
  };
  await (name === 'wasm' ? withWasmThreadCap(wasmThreadCount(), start) : start());
}

async function wasmDetails(tf: TfCore): Promise<BackendReport['wasm']> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  return { simd, threads: threaded ? wasm.getThreadsCount() : 1 };
}

function probeFor(name: BackendName): Promise<GpuProbe> | null {
  if (name === 'webgpu') return probeWebGpu();
  if (name === 'webgl') return Promise.resolve(probeWebGl());
  return null;
}

let current: BackendReport | null = null;
let queue: Promise<unknown> = Promise.resolve();
const listeners = new Set<(e: BackendEvent) => void>();

/** The backend in use, or null before the first `initBackend` resolves. */
export function getBackendReport(): BackendReport | null {
  return current;
}

/** Listens for backend events (fallbacks after a lost GPU context). Returns the unsubscribe function. */
export function subscribeBackendEvents(listener: (e: BackendEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tries `candidates` in order and activates the first that works. GPU candidates are probed first;
 * with `skipSoftwareGpu` a software-rendered one is passed over.
 */
async function tryInOrder(
  tf: TfCore,
  candidates: readonly BackendName[],
  skipSoftwareGpu: boolean,
  attempts: BackendAttempt[],
): Promise<{ backend: BackendName; softwareGpu: boolean } | null> {
  for (const name of candidates) {
    const probe = await probeFor(name);
    if (probe && !probe.ok) {
      attempts.push({ backend: name, ok: false, detail: probe.detail, softwareGpu: false });
      continue;
    }
    if (probe?.software && skipSoftwareGpu) {
      attempts.push({
        backend: name,
        ok: false,
        detail: `software renderer: ${probe.detail}`,
        softwareGpu: true,
      });
      continue;
    }
    try {
      await activate(tf, name);
      attempts.push({
        backend: name,
        ok: true,
        detail: probe?.detail ?? name,
        softwareGpu: probe?.software ?? false,
      });
      return { backend: name, softwareGpu: probe?.software ?? false };
    } catch (e) {
      attempts.push({
        backend: name,
        ok: false,
        detail: e instanceof Error ? e.message : String(e),
        softwareGpu: false,
      });
    }
  }
  return null;
}

async function choose(
  preference: BackendPreference,
  exclude: readonly BackendName[],
  fallbackReason?: BackendReason,
): Promise<BackendReport> {
  const tf = await loadTfCore();
  const attempts: BackendAttempt[] = [];
  let reason: BackendReason;
  let chosen: { backend: BackendName; softwareGpu: boolean } | null = null;
  if (preference !== 'auto') {
    chosen = await tryInOrder(tf, [preference], false, attempts);
    reason = 'user-choice';
  }
  if (!chosen) {
    const order = BACKEND_ORDER.filter((b) => !exclude.includes(b) && b !== preference);
    chosen = await tryInOrder(tf, order, true, attempts);
    const sawSoftware = attempts.some((a) => a.softwareGpu);
    reason =
      fallbackReason ??
      (preference !== 'auto' ? 'preferred-unavailable' : sawSoftware ? 'software-gpu' : 'first-available');
  }
  if (!chosen)
    throw new Error(
      `no tfjs backend could be initialised: ${attempts.map((a) => `${a.backend}: ${a.detail}`).join('; ')}`,
    );
  const report: BackendReport = {
    backend: chosen.backend,
    reason: reason!,
    softwareGpu: chosen.softwareGpu || attempts.some((a) => a.softwareGpu),
    attempts,
  };
  if (chosen.backend === 'wasm') report.wasm = await wasmDetails(tf);
  watchForLoss(tf, chosen.backend);
  current = report;
  return report;
}

/** Falls back to the next backend when the GPU context behind the active one is lost. */
function watchForLoss(tf: TfCore, name: BackendName): void {
  const onLost = () => {
    if (current?.backend !== name) return;
    try {
      tf.removeBackend(name);
    } catch {
      // A lost context can fail to dispose; the backend is dropped either way.
    }
    const after = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(name) + 1);
    const exclude = BACKEND_ORDER.filter((b) => !after.includes(b));
    void enqueue(() => choose('auto', exclude, 'context-lost')).then((report) => {
      for (const l of listeners) l({ type: 'fallback', from: name, report });
    });
  };
  const backend = tf.backend() as unknown as {
    gpgpu?: { gl?: { canvas?: EventTarget } };
    device?: { lost?: Promise<unknown> };
  };
  if (name === 'webgl') {
    backend.gpgpu?.gl?.canvas?.addEventListener(
      'webglcontextlost',
      (e) => {
        e.preventDefault();
        onLost();
      },
      { once: true },
    );
  } else if (name === 'webgpu') {
    void backend.device?.lost?.then(onLost);
  }
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Loads tfjs and activates a backend: the user's `preference`, or with `auto` the first of
 * webgpu, webgl, wasm, cpu that works (software GPUs skipped). Calls are serialised.
 * @returns what runs and why; throws only when no backend at all can start.
 */
export function initBackend(preference: BackendPreference = 'auto'): Promise<BackendReport> {
  return enqueue(() => choose(preference, []));
}

/**
 * Loses the active WebGL context on purpose (WEBGL_lose_context), as a driver reset would: used by
 * the end-to-end tests and by instructors to show the fallback. Returns false when not on WebGL.
 */
export async function simulateWebGlContextLoss(): Promise<boolean> {
  const tf = await loadTfCore();
  if (tf.getBackend() !== 'webgl') return false;
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  const ext = gl?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}
