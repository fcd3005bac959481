/**
 * The tfjs wasm binaries, served by the app itself (Vite copies them into the build with a content
 * hash): no CDN, so no request leaves the app's origin. Browser-only; Node loads them from disk.
 */
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** File map for `setWasmPaths`, keyed by the names tfjs asks for. */
export const wasmPaths = {
  'tfjs-backend-wasm.wasm': plainWasm,
  'tfjs-backend-wasm-simd.wasm': simdWasm,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
};
