/** The tfjs backends the app can run on, fastest first on real hardware. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What the user asked for in settings: a backend by name, or `auto` (the app decides). */
export type BackendPreference = BackendName | 'auto';

/** The order `auto` tries backends in (DESIGN.md): GPU first, then wasm, then plain JS. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Why this backend was chosen. A code, not prose, so the UI can say it in either language.
 * - `user-choice`: the user picked it in settings and it initialised.
 * - `first-available`: `auto` tried the order and this was the first that worked.
 * - `software-gpu`: a GPU backend exists but is a software rasteriser (SwiftShader), so wasm runs instead.
 * - `preferred-unavailable`: the user's pick failed to initialise; this is the fallback.
 * - `context-lost`: the WebGL context was lost while running; this is the fallback.
 */
export type BackendReason =
  'user-choice' | 'first-available' | 'software-gpu' | 'preferred-unavailable' | 'context-lost';

/** One backend that `initBackend` tried, for the settings panel and the bench. */
export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Failure message, or the GPU/adapter description when it worked. */
  detail: string;
  softwareGpu: boolean;
}

/** What `initBackend` reports; the header shows `backend` and `reason`. */
export interface BackendReport {
  backend: BackendName;
  reason: BackendReason;
  /** True when a GPU backend was found to be software-rendered (SwiftShader). */
  softwareGpu: boolean;
  /** wasm only: whether SIMD and threads are in use, and how many threads. */
  wasm?: { simd: boolean; threads: number };
  attempts: BackendAttempt[];
}

/** Events the backend layer raises after initialisation (e.g. a lost WebGL context). */
export type BackendEvent = { type: 'fallback'; from: BackendName; report: BackendReport };
