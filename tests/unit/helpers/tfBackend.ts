/**
 * tfjs for a unit-test file, on a chosen backend. `startTf('wasm')` at the top of a file (or of a
 * `describe`) registers a `beforeAll` that loads tfjs-core (with its gradients and chained ops) and
 * tfjs-layers through src/core/tensor/initBackend.ts, starts the backend and fails unless that very
 * backend runs. From then on the bindings `tf`, `layers` and `backendReport` exported here hold
 * them: ES module exports are live, so a test file imports them once and reads them in its tests
 * and hooks. Vitest gives every test file its own module graph, hence its own copy of these.
 *
 * ```ts
 * import { layers, startTf, tf } from '../../helpers/tfBackend';
 * startTf('wasm');
 * it('…', () => { const m = layers.sequential({ … }); … tf.memory() … });
 * ```
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, expect } from 'vitest';
import type { BackendName, BackendReport } from '../../../src/core/tensor/backendTypes';
import { initBackend, loadTfCore, loadTfLayers } from '../../../src/core/tensor/initBackend';

/** tfjs-core, set by {@link startTf}'s `beforeAll`. */
export let tf: typeof tfc;
/** tfjs-layers, set by {@link startTf}'s `beforeAll`. */
export let layers: typeof tfl;
/** What `initBackend` reported, set by {@link startTf}'s `beforeAll`. */
export let backendReport: BackendReport;

/** Loads tfjs and starts `backend` before the tests of the enclosing file or `describe`. */
export function startTf(backend: BackendName = 'wasm'): void {
  beforeAll(async () => {
    tf = await loadTfCore();
    layers = await loadTfLayers();
    backendReport = await initBackend(backend);
    expect(backendReport.backend).toBe(backend);
  });
}
