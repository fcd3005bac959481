import type { BackendEvent, BackendPreference, BackendReport } from '../core/tensor/backendTypes';

/** The part of `core/tensor/initBackend` the UI uses. */
export interface BackendModule {
  initBackend(preference?: BackendPreference): Promise<BackendReport>;
  subscribeBackendEvents(listener: (e: BackendEvent) => void): () => void;
  /** Loses the WebGL context on purpose, to show the fallback; false when not on WebGL. */
  simulateWebGlContextLoss(): Promise<boolean>;
}

/**
 * Loads the tfjs layer on demand. A dynamic import keeps tfjs out of the initial bundle
 * (the first paint must not wait for it).
 */
export function loadBackendModule(): Promise<BackendModule> {
  return import('../core/tensor/initBackend');
}
