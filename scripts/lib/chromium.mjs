// Launches Debian's Chromium through playwright-core with the flags BROWSER.md documents.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Flags every launch gets: headless, sandbox off (root in CI), no background traffic to any host. */
export const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Extra flags per GPU mode: software WebGL (SwiftShader) and WebGPU on SwiftShader. */
export const GPU_FLAGS = {
  none: ['--disable-gpu'],
  webgl: ['--enable-unsafe-swiftshader'],
  webgpu: ['--enable-unsafe-swiftshader', '--enable-unsafe-webgpu'],
};

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  return found;
}

/**
 * @param {{ gpu?: keyof typeof GPU_FLAGS }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ gpu = 'webgpu' } = {}) {
  return chromium.launch({ executablePath: chromiumPath(), args: [...BASE_FLAGS, ...GPU_FLAGS[gpu]] });
}
