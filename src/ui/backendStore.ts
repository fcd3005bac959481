import { create } from 'zustand';
import type { BackendEvent, BackendPreference, BackendReport } from '../core/tensor/backendTypes';
import { readPref, writePref } from './browserStorage';
import { loadBackendModule, type BackendModule } from './loadBackendModule';

/** localStorage key of the backend preference. */
export const BACKEND_PREF_KEY = 'rcl.backend';

/** The preferences offered in settings, in order. */
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

function isPreference(v: string | null): v is BackendPreference {
  return v !== null && (BACKEND_PREFERENCES as readonly string[]).includes(v);
}

/** `idle` before the first start (the app starts it after first paint). */
export type BackendStatus = 'idle' | 'loading' | 'ready' | 'error';

interface BackendState {
  status: BackendStatus;
  report: BackendReport | null;
  /** Message of the last failure when `status` is `error`. */
  error: string | null;
  preference: BackendPreference;
  /** The last fallback event, until the user dismisses it. */
  notice: Extract<BackendEvent, { type: 'fallback' }> | null;
  /** (Re)starts the compute backend with the stored preference. */
  start(): Promise<void>;
  /** Stores a new preference and restarts the backend with it. */
  setPreference(preference: BackendPreference): Promise<void>;
  dismissNotice(): void;
}

let loader: () => Promise<BackendModule> = loadBackendModule;
let unsubscribe: (() => void) | null = null;
let generation = 0;

/** Replaces the module loader (tests). */
export function setBackendLoader(next: () => Promise<BackendModule>): void {
  loader = next;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Compute backend state for the header, settings and the about page. */
export const useBackendStore = create<BackendState>((set, get) => ({
  status: 'idle',
  report: null,
  error: null,
  preference: ((): BackendPreference => {
    const stored = readPref(BACKEND_PREF_KEY);
    return isPreference(stored) ? stored : 'auto';
  })(),
  notice: null,
  async start() {
    const gen = ++generation;
    set({ status: 'loading', error: null });
    try {
      const mod = await loader();
      const report = await mod.initBackend(get().preference);
      if (gen !== generation) return;
      unsubscribe ??= mod.subscribeBackendEvents((e) => {
        if (e.type === 'fallback') set({ report: e.report, status: 'ready', notice: e });
      });
      set({ status: 'ready', report });
    } catch (e) {
      if (gen !== generation) return;
      set({ status: 'error', error: message(e) });
    }
  },
  async setPreference(preference) {
    writePref(BACKEND_PREF_KEY, preference);
    set({ preference });
    await get().start();
  },
  dismissNotice() {
    set({ notice: null });
  },
}));

/** Waits until the compute backend is ready, starting it if nobody has yet; rejects if it fails. */
export async function whenBackendReady(): Promise<void> {
  const store = useBackendStore;
  const isDone = (): boolean => {
    const s = store.getState();
    if (s.status === 'error') throw new Error(s.error ?? 'no compute backend');
    return s.status === 'ready';
  };
  if (store.getState().status === 'idle') void store.getState().start();
  if (isDone()) return;
  await new Promise<void>((resolve, reject) => {
    const unsubscribe = store.subscribe(() => {
      try {
        if (isDone()) {
          unsubscribe();
          resolve();
        }
      } catch (e) {
        unsubscribe();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

/** Forgets the event subscription (tests). */
export function resetBackendSubscription(): void {
  unsubscribe?.();
  unsubscribe = null;
}
