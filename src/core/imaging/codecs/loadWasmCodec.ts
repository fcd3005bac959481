/**
 * Lazy loading of the Emscripten (WebAssembly) codecs, in the three places the app decodes:
 *
 * - Node (Vitest, tsx scripts): the factory finds its .wasm beside itself (`__dirname`), so it is
 *   given no `locateFile`.
 * - The page built by Vite, and module Web Workers: the .wasm is imported with Vite's `?url`
 *   suffix (an emitted asset of the build) and handed to the factory through `locateFile`
 *   (Emscripten's documented hook, emscripten.org "Module.locateFile"). The `?url` module is only
 *   imported on that path, since Node cannot resolve a `?url` specifier.
 *
 * Each codec is imported (dynamic `import()`) the first time its syntax is met, and the
 * initialised module is cached; a failed start is not cached, so a later call tries again.
 */
import type { EmscriptenFactory } from './codecTypes';

/** A started codec module, and the lines its C code printed (OpenJPEG reports errors there). */
export interface WasmCodec<M> {
  module: M;
  /** stdout/stderr lines of the C code since the last `clear`; at most the last 20 are kept. */
  messages: string[];
}

/** How to load one codec. */
export interface WasmCodecSource {
  /** Imports the Emscripten factory module (CommonJS: its default export is the factory). */
  factory: () => Promise<unknown>;
  /** Imports the URL of the .wasm file (browser and workers only). */
  wasmUrl: () => Promise<string>;
}

/** True under Node.js, where the factory reads its .wasm with `fs` (emscripten ENVIRONMENT_IS_NODE). */
export function isNodeRuntime(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions === 'object' &&
    typeof process.versions.node === 'string'
  );
}

/** The factory function of a CommonJS Emscripten module, however the bundler wrapped its exports. */
function pickFactory<M>(mod: unknown): EmscriptenFactory<M> {
  let candidate: unknown = mod;
  for (let i = 0; i < 3 && typeof candidate !== 'function'; i++) {
    candidate =
      typeof candidate === 'object' && candidate !== null
        ? (candidate as { default?: unknown }).default
        : undefined;
  }
  if (typeof candidate !== 'function') throw new Error('the codec module exports no factory function');
  return candidate as EmscriptenFactory<M>;
}

/** Returns a function that starts the codec once and then returns the cached module. */
export function wasmCodecLoader<M>(source: WasmCodecSource): () => Promise<WasmCodec<M>> {
  let started: Promise<WasmCodec<M>> | null = null;
  const start = async (): Promise<WasmCodec<M>> => {
    const messages: string[] = [];
    const keep = (line: string): void => {
      messages.push(line);
      if (messages.length > 20) messages.shift();
    };
    const factory = pickFactory<M>(await source.factory());
    if (isNodeRuntime()) {
      return { module: await factory({ print: keep, printErr: keep }), messages };
    }
    const url = await source.wasmUrl();
    const module = await factory({
      locateFile: (path, scriptDirectory) => (path.endsWith('.wasm') ? url : scriptDirectory + path),
      print: keep,
      printErr: keep,
    });
    return { module, messages };
  };
  return () => {
    if (!started) {
      started = start();
      started.catch(() => {
        started = null;
      });
    }
    return started;
  };
}
