// Launches Debian's Chromium through playwright-core with the flags BROWSER.md documents.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

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

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  return candidates.find((p) => existsSync(p));
}

/**
 * Path of the Chromium to drive. On a fresh Debian machine where we are root, installs Debian's
 * chromium package first (with CJK fonts, so Chinese pages render in screenshots); elsewhere
 * says how to install it.
 */
export function chromiumPath() {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian’s chromium package with apt-get…');
    execSync('apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
}

/**
 * @param {{ gpu?: keyof typeof GPU_FLAGS }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ gpu = 'webgpu' } = {}) {
  return chromium.launch({ executablePath: chromiumPath(), args: [...BASE_FLAGS, ...GPU_FLAGS[gpu]] });
}
