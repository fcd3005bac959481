/**
 * Types for the tfjs modules the bench page uses. The page loads tfjs only through
 * `core/tensor/initBackend` (the same lazy loaders the app uses), so the types are derived from
 * those loaders rather than imported from `@tensorflow/*` directly.
 */
import type { loadTfCore, loadTfLayers } from '../core/tensor/initBackend';

/** tfjs-core, as `loadTfCore` returns it. */
export type Tf = Awaited<ReturnType<typeof loadTfCore>>;
/** tfjs-layers, as `loadTfLayers` returns it. */
export type TfLayers = Awaited<ReturnType<typeof loadTfLayers>>;
/** A tfjs tensor. */
export type Tensor = InstanceType<Tf['Tensor']>;
