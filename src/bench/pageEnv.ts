/** Facts about the page the numbers depend on: isolation (wasm threads), cores, loaded wasm binary. */

/** What `pageEnv` reports. */
export interface PageEnv {
  /** True when COOP/COEP are in effect, so SharedArrayBuffer (wasm threads) is available. */
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  userAgent: string;
  /** File names of the .wasm binaries the page fetched (e.g. the threaded-SIMD one). */
  wasmBinaries: string[];
}

/** Reads the page environment; call after a backend has been initialised to see the wasm binary. */
export function pageEnv(): PageEnv {
  const wasmBinaries = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /\.wasm(\?|$)/.test(name))
    .map((name) => name.slice(name.lastIndexOf('/') + 1));
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency,
    userAgent: navigator.userAgent,
    wasmBinaries,
  };
}
