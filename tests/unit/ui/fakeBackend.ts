import type { BackendEvent, BackendPreference, BackendReport } from '../../../src/core/tensor/backendTypes';

/** A fake `core/tensor/initBackend` for jsdom tests (no tfjs is ever loaded). */
function createFakeBackend() {
  const listeners = new Set<(e: BackendEvent) => void>();
  const calls: BackendPreference[] = [];
  const report = (preference: BackendPreference): BackendReport => ({
    backend: preference === 'auto' ? 'wasm' : preference,
    reason: preference === 'auto' ? 'software-gpu' : 'user-choice',
    softwareGpu: preference === 'auto',
    wasm: { simd: true, threads: 4 },
    attempts: [
      { backend: 'webgl', ok: true, detail: 'SwiftShader', softwareGpu: true },
      { backend: 'wasm', ok: true, detail: 'simd', softwareGpu: false },
    ],
  });
  return {
    calls,
    listeners,
    module: {
      initBackend: async (preference: BackendPreference = 'auto') => {
        calls.push(preference);
        if (fakeBackend.failWith !== null) throw new Error(fakeBackend.failWith);
        return report(preference);
      },
      subscribeBackendEvents: (l: (e: BackendEvent) => void) => {
        listeners.add(l);
        return () => void listeners.delete(l);
      },
      simulateWebGlContextLoss: async () => false,
    },
    /** When set, the next initBackend calls reject with this message. */
    failWith: null as string | null,
    reset() {
      calls.length = 0;
      listeners.clear();
      this.failWith = null;
    },
    emit(e: BackendEvent) {
      for (const l of listeners) l(e);
    },
  };
}

/** The fake shared by the jsdom tests; `vi.mock('.../initBackend', () => fakeBackend.module)`. */
export const fakeBackend = createFakeBackend();
