import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * tfjs-backend-wasm starts its pthread workers from the source text of the Emscripten factory
 * (`Function.prototype.toString`). That text reads `_scriptDir`, a variable of the enclosing
 * scope, which does not exist in the worker; once a minifier renames or folds it, every worker
 * throws ("e is not defined") and the backend never starts. tfjs always passes the factory as
 * `mainScriptUrlOrBlob` and we give every .wasm URL through `setWasmPaths`, so `_scriptDir` is
 * not needed inside the factory: this removes those reads, leaving a self-contained function.
 */
function tfjsWasmThreadsSafeForMinify(): Plugin {
  const file = /tfjs-backend-wasm\/wasm-out\/tfjs-backend-wasm-threaded-simd\.js$/;
  const edits: [string, string][] = [
    ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
    ['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,', '"urlOrBlob":Module["mainScriptUrlOrBlob"],'],
  ];
  return {
    name: 'tfjs-wasm-threads-safe-for-minify',
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id)) return null;
      let out = code;
      for (const [from, to] of edits) {
        if (!out.includes(from))
          this.error(`tfjs-backend-wasm changed: "${from}" not found; review this plugin`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Cross-origin isolation: `SharedArrayBuffer`, and so multi-threaded tfjs wasm, is only available
 * to pages served with these two headers. A static host must send the same pair (see README).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Cornerstone's 12-bit JPEG decoder (JpegImage), which the package's exports map does not expose.
 * vitest.config.ts repeats it; tsconfig.json `paths` names the same file for tsc and tsx.
 */
const codecAliases = {
  'cornerstone-jpeg12': fileURLToPath(
    new URL('./node_modules/@cornerstonejs/dicom-image-loader/dist/esm/codecs/jpeg.js', import.meta.url),
  ),
};

export default defineConfig({
  base: './',
  resolve: { alias: codecAliases },
  plugins: [react(), tfjsWasmThreadsSafeForMinify()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
    },
  },
  // Workers are bundled separately and do not get the plugins above: the training worker starts the
  // threaded wasm backend too, so it needs the same fix.
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsSafeForMinify()] },
});
