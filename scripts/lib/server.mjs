// Serves the production build (dist/) with `vite preview` on a free loopback port.
import { preview } from 'vite';
import { existsSync } from 'node:fs';

/** @returns {Promise<{ url: string, origin: string, close: () => Promise<void> }>} */
export async function startPreview() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}
