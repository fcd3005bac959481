import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation: `SharedArrayBuffer`, and so multi-threaded tfjs wasm, is only available
 * to pages served with these two headers. A static host must send the same pair (see README).
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
    },
  },
  worker: { format: 'es' },
});
