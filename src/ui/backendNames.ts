import type { BackendName } from '../core/tensor/backendTypes';

/** Display names of the compute backends (product names: the same in every language). */
export const BACKEND_NAMES: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'wasm',
  cpu: 'CPU',
};
