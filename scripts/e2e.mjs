// End-to-end tests: the production build served by `vite preview`, driven in Debian's Chromium.
// Every test fails on a console error, an uncaught exception, or a request to any other origin.
// Usage: node scripts/e2e.mjs [name-filter]
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { startPreview } from './lib/server.mjs';
import { launchChromium } from './lib/chromium.mjs';

const filter = process.argv[2] ?? '';
const dir = path.resolve('tests/e2e');
const files = (await readdir(dir)).filter((f) => f.endsWith('.e2e.mjs')).sort();

/** @type {{ name: string, gpu?: 'none'|'webgl'|'webgpu', allowConsoleErrors?: RegExp, run: Function }[]} */
const tests = [];
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  for (const t of mod.tests) tests.push({ ...t, name: `${file.replace('.e2e.mjs', '')} › ${t.name}` });
}

const app = await startPreview();
const browsers = new Map();
async function browserFor(gpu) {
  if (!browsers.has(gpu)) browsers.set(gpu, await launchChromium({ gpu }));
  return browsers.get(gpu);
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const t of tests) {
  if (filter && !t.name.includes(filter)) continue;
  const browser = await browserFor(t.gpu ?? 'webgl');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(app.origin) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    problems.push(`request to a foreign origin: ${url}`);
    return route.abort();
  });
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (t.allowConsoleErrors?.test(msg.text())) return;
      problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  const t0 = Date.now();
  try {
    await t.run({ page, context, app, watch });
    if (problems.length) throw new Error(problems.join('\n'));
    passed++;
    console.log(`  ✓ ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.log(
      `  ✗ ${t.name}\n    ${String(err?.stack ?? err)
        .split('\n')
        .join('\n    ')}`,
    );
    if (problems.length) console.log(`    ${problems.join('\n    ')}`);
  } finally {
    await context.close();
  }
}
for (const b of browsers.values()) await b.close();
await app.close();
console.log(`\ne2e: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
