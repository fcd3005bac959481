#!/usr/bin/env node
// Benchmarks the tfjs backends in headless Chromium on the production build and writes
// bench/results.json (field meanings: bench/README.md). Run with `npm run bench` (builds first).
//
// Structure: a list of sections, each `{ id, title, run(ctx) }`, run in order; a section writes its
// part of `ctx.results`. A later benchmark adds a section (and, if it needs a browser page, uses
// `withBenchPage`). A backend that fails is recorded as unavailable; only a harness failure (no
// build, no server, no browser at all, results not writable) exits non-zero.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './lib/chromium.mjs';
import { startPreview } from './lib/server.mjs';

const DIST = 'dist';
const RESULTS_PATH = 'bench/results.json';

/**
 * Per-backend settings. Software GPUs (SwiftShader) and the cpu backend take seconds per training
 * step here (BROWSER.md: webgpu ~2.7, webgl ~13, cpu ~9 examples/s), so they run few steps; wasm
 * runs many. `gpu` picks the Chromium flags (scripts/lib/chromium.mjs).
 */
export const BACKENDS = [
  {
    name: 'webgpu',
    gpu: 'webgpu',
    tinyVgg: { inferenceRuns: 5, inferenceWarmup: 2, trainWarmupSteps: 2, trainSteps: 3 },
    timeoutS: 300,
  },
  {
    name: 'webgl',
    gpu: 'webgl',
    tinyVgg: { inferenceRuns: 10, inferenceWarmup: 3, trainWarmupSteps: 2, trainSteps: 3 },
    timeoutS: 180,
  },
  {
    name: 'wasm',
    gpu: 'none',
    tinyVgg: { inferenceRuns: 50, inferenceWarmup: 5, trainWarmupSteps: 10, trainSteps: 60 },
    timeoutS: 120,
  },
  {
    name: 'cpu',
    gpu: 'none',
    tinyVgg: { inferenceRuns: 10, inferenceWarmup: 3, trainWarmupSteps: 2, trainSteps: 3 },
    timeoutS: 180,
  },
];

/**
 * `--only wasm,cpu` restricts the backends section (for quick checks while developing); the
 * other sections still run. Results are written to bench/results.json either way.
 */
function onlyBackends(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--only');
  if (i < 0) return null;
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !BACKENDS.some((b) => b.name === n));
  if (!names.length || unknown.length)
    throw new Error(`--only takes a comma-separated list of ${BACKENDS.map((b) => b.name).join(', ')}`);
  return names;
}

/**
 * `--sections imaging,bundle` runs only those sections and keeps the other sections' figures from
 * the existing bench/results.json (for re-measuring one area without the slow GPU backends).
 */
function onlySections(argv = process.argv.slice(2)) {
  const i = argv.indexOf('--sections');
  if (i < 0) return null;
  const ids = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = ids.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (!ids.length || unknown.length)
    throw new Error(`--sections takes a comma-separated list of ${SECTIONS.map((s) => s.id).join(', ')}`);
  return ids;
}

/** Zoo runs per model: forward passes (each of forwardAll and predict) and Grad-CAM passes. */
const ZOO = { warmup: 10, runs: 60, gradCamWarmup: 5, gradCamRuns: 30 };
/** Training bench: batch 32, 60 timed steps per run, 5 alternating rounds (bare loop, worker). */
const TRAINING = { batch: 32, steps: 60, bareWarmup: 10, rounds: 5 };

/** ConvNetJS steps are weight updates of 32 examples (~1.2 s each here). */
const CONVNETJS = { warmupSteps: 1, steps: 6 };

const errorText = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** Rejects after `seconds` with a message naming `what`. */
function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens bench.html in a fresh Chromium with the flags for `gpu`, runs `fn({ call, page })`, closes
 * the browser. Requests to any origin but the preview server's are aborted and recorded, as are
 * failed requests and page errors. Returns `{ value, network, pageErrors, browserVersion }`.
 */
export async function withBenchPage(ctx, gpu, fn) {
  const network = { foreignRequests: [], failedRequests: [], httpErrors: [] };
  const pageErrors = [];
  const browser = await launchChromium({ gpu });
  try {
    ctx.browserVersion ??= browser.version();
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === ctx.server.origin) return route.continue();
      network.foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('requestfailed', (req) => {
      if (new URL(req.url()).origin === ctx.server.origin)
        network.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) network.httpErrors.push(`${res.status()} ${res.url()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(errorText(e)));
    page.on('console', (m) => {
      // Errors inside wasm pthread workers reach the page only as warnings ("worker sent an error!").
      const workerError = m.type() === 'warning' && /error/i.test(m.text());
      if (m.type() === 'error' || m.type() === 'assert' || workerError)
        pageErrors.push(`console.${m.type()}: ${m.text()}`);
    });
    await page.goto(`${ctx.server.url}bench.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.rclBench !== undefined, null, { timeout: 30_000 });
    const call = (name, arg, seconds = 120) =>
      withTimeout(
        page.evaluate(([n, a]) => window.rclBench[n](a), [name, arg]),
        seconds,
        `rclBench.${name}`,
      );
    const value = await fn({ call, page });
    return { value, network, pageErrors };
  } catch (e) {
    // Keep what the page said: it usually explains the failure better than a timeout does.
    throw new Error(
      `${errorText(e)}${pageErrors.length ? ` (page errors: ${[...new Set(pageErrors)].slice(0, 3).join(' | ')})` : ''}`,
      { cause: e },
    );
  } finally {
    await browser.close().catch(() => undefined);
    ctx.network.pages += 1;
    ctx.network.foreignRequests.push(...network.foreignRequests);
    ctx.network.failedRequests.push(...network.failedRequests);
    ctx.network.httpErrors.push(...network.httpErrors);
  }
}

/** Measures one backend; never throws (a failure is `available: false` with the error in `detail`). */
async function benchBackend(ctx, spec) {
  const entry = {
    available: false,
    softwareGpu: false,
    reason: null,
    inferenceMs: null,
    trainExamplesPerSec: null,
    conv512Ms: null,
    detail: '',
    info: {},
  };
  const started = Date.now();
  try {
    const { network, pageErrors } = await withBenchPage(ctx, spec.gpu, async ({ call, page }) => {
      const lastDetail = (key) => page.evaluate((k) => window.rclBench.lastDetail[k], key);
      const report = await call('init', spec.name, 60);
      entry.reason = report.reason;
      entry.softwareGpu = report.softwareGpu;
      entry.info.attempts = report.attempts;
      if (report.wasm) entry.info.wasm = report.wasm;
      if (report.backend !== spec.name) {
        const tried = report.attempts.filter((a) => a.backend === spec.name).map((a) => a.detail);
        entry.detail = `requested ${spec.name}, got ${report.backend}${tried.length ? `: ${tried.join('; ')}` : ''}`;
        return null;
      }
      entry.available = true;
      entry.info.env = await call('env', undefined, 10);
      const deadline = spec.timeoutS;
      const tiny = await call('tinyVgg', spec.tinyVgg, deadline);
      entry.inferenceMs = tiny.inferenceMs;
      entry.trainExamplesPerSec = tiny.trainExamplesPerSec;
      entry.info.tinyVgg = { ...spec.tinyVgg, ...tiny };
      entry.conv512Ms = await call('conv512', undefined, deadline);
      entry.info.conv512 = await lastDetail('conv512');
      if (spec.name === 'wasm') {
        // The matmul ceiling is measured on the wasm page; a failure here does not void the backend.
        try {
          ctx.results.ceilings.wasmMatmulGflops = await call('wasmMatmulGflops', undefined, 120);
          ctx.results.ceilings.wasmMatmul = await lastDetail('wasmMatmul');
        } catch (e) {
          ctx.results.ceilings.wasmMatmulGflops = null;
          ctx.results.ceilings.error = errorText(e);
        }
      }
      return null;
    });
    entry.info.network = network;
    if (pageErrors.length) entry.info.pageErrors = pageErrors;
  } catch (e) {
    entry.available = false;
    entry.detail = errorText(e);
  }
  entry.info.seconds = Math.round((Date.now() - started) / 100) / 10;
  if (entry.available && !entry.detail) entry.detail = summarise(entry);
  return entry;
}

/** A one-line human summary of a working backend. */
function summarise(entry) {
  const ok = entry.info.attempts?.find((a) => a.ok);
  const parts = [ok?.detail ?? ''];
  if (entry.info.wasm) parts.push(`simd ${entry.info.wasm.simd}, threads ${entry.info.wasm.threads}`);
  if (entry.info.env) parts.push(`crossOriginIsolated ${entry.info.env.crossOriginIsolated}`);
  if (entry.info.tinyVgg) parts.push(`leakedTensors ${entry.info.tinyVgg.leakedTensors}`);
  return parts.filter(Boolean).join('; ');
}

/** The JS a first visit loads before any lesson opens: module scripts and modulepreloads of dist/index.html. */
export function initialBundle(distDir = DIST) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const attr = (tag, name) =>
    tag
      .match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
      ?.slice(2)
      .find((v) => v !== undefined);
  const urls = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (attr(tag, 'type') === 'module' && attr(tag, 'src')) urls.push(attr(tag, 'src'));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if ((attr(tag, 'rel') ?? '').split(/\s+/).includes('modulepreload') && attr(tag, 'href'))
      urls.push(attr(tag, 'href'));
  }
  const files = [...new Set(urls)].map((url) => {
    const rel = url.replace(/^(\.\/|\/)/, '').split(/[?#]/)[0];
    const bytes = readFileSync(resolve(distDir, rel));
    return { file: rel, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { initialJsGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), initialJsFiles: files };
}

/**
 * Figures measured on the real lesson page (same browser, after the bench page's runs):
 * - the step-through played at its fastest speed: positions drawn per second over up to 3 s;
 * - the feature map's own timing of kernel edits (the widget's `data-ms`: edit → map drawn), for
 *   several presets on the 512×512 chest CT slice.
 */
async function lessonPageFigures(ctx, page) {
  await page.goto(`${ctx.server.url}#/lesson/convolution?step=1&speed=60`);
  await page.locator('[data-testid="backend-indicator"][data-status="ready"]').waitFor({ timeout: 60_000 });
  const stepper = page.getByTestId('conv-stepper');
  await stepper.waitFor({ timeout: 60_000 });
  const fps = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector('[data-testid="conv-stepper"]');
        const play = document.querySelector('[data-testid="conv-play"]');
        const positions = Number(root.dataset.positions);
        let changes = 0;
        let frames = 0;
        let longestFrameMs = 0;
        let last = performance.now();
        let t0 = null;
        let lastChange = null;
        const observer = new MutationObserver(() => {
          changes++;
          lastChange = performance.now();
          t0 ??= lastChange;
        });
        observer.observe(root, { attributes: true, attributeFilter: ['data-position'] });
        const tick = (now) => {
          frames++;
          longestFrameMs = Math.max(longestFrameMs, now - last);
          last = now;
          const elapsed = t0 === null ? 0 : now - t0;
          if (elapsed < 3000 && !(changes > 2 && now - lastChange > 500)) requestAnimationFrame(tick);
          else {
            observer.disconnect();
            play.click(); // pause (a no-op when it already stopped at the end)
            const seconds = (lastChange - t0) / 1000;
            resolve({
              positions,
              positionsDrawn: changes,
              seconds: Math.round(seconds * 1000) / 1000,
              stepThroughFps: seconds > 0 ? Math.round(((changes - 1) / seconds) * 10) / 10 : null,
              frames,
              longestFrameMs: Math.round(longestFrameMs * 10) / 10,
            });
          }
        };
        play.click();
        requestAnimationFrame(tick);
      }),
  );

  await page.goto(`${ctx.server.url}#/lesson/convolution?step=2`);
  const map = page.getByTestId('feature-map');
  await map.waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="feature-map"][data-status="ready"]').waitFor({ timeout: 60_000 });
  // Each preset clicked in turn (three rounds, the first a warm-up); the widget's own data-ms of
  // each redraw is kept with the kernel's size. The figure is the median over the 3×3 kernels, the
  // size the bench page's bare convolution uses.
  const runs = [];
  const presets = page.locator('[data-testid="kernel-editor"] input[type="radio"]:not([value="custom"])');
  const count = await presets.count();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < count; i++) {
      const before = await map.getAttribute('data-updated');
      const radio = presets.nth(i);
      if (await radio.isChecked()) continue;
      await radio.check();
      await page.waitForFunction((b) => {
        const el = document.querySelector('[data-testid="feature-map"]');
        return el?.dataset.updated !== b && el?.dataset.status === 'ready';
      }, before);
      if (round === 0) continue;
      const taps = (await map.getAttribute('data-kernel')).split(',').length;
      runs.push({
        kernel: `${Math.sqrt(taps)}x${Math.sqrt(taps)}`,
        ms: Number(await map.getAttribute('data-ms')),
      });
    }
  }
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[s.length >> 1] : null;
  };
  const median = med(runs.filter((r) => r.kernel === '3x3').map((r) => r.ms));
  return {
    stepThroughFps: fps.stepThroughFps,
    stepThrough: fps,
    convUpdateInAppMs: median === null ? null : Math.round(median * 1000) / 1000,
    convUpdateInAppAllKernelsMs: med(runs.map((r) => r.ms)),
    convUpdateInAppRuns: runs,
  };
}

/** The benchmark sections, in order. Add new ones here. */
export const SECTIONS = [
  {
    id: 'machine',
    title: 'Machine',
    run: async (ctx) => {
      const cpu = cpus();
      ctx.results.machine = {
        cpuModel: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        browserVersion: null, // filled in once a browser has started
        node: process.version,
      };
    },
  },
  {
    id: 'backends',
    title: 'tfjs backends: TinyVGG and a 512×512 convolution',
    run: async (ctx) => {
      const only = onlyBackends();
      for (const spec of BACKENDS.filter((b) => !only || only.includes(b.name))) {
        process.stdout.write(`  ${spec.name} … `);
        const entry = await benchBackend(ctx, spec);
        ctx.results.backends[spec.name] = entry;
        console.log(entry.available ? `done in ${entry.info.seconds} s` : `unavailable: ${entry.detail}`);
      }
    },
  },
  {
    id: 'peers',
    title: 'Peer library: ConvNetJS 0.3',
    run: async (ctx) => {
      try {
        const { value, network, pageErrors } = await withBenchPage(ctx, 'none', ({ call }) =>
          call('convnetjs', CONVNETJS, 120),
        );
        ctx.results.peers.convnetjs = {
          trainExamplesPerSec: value.trainExamplesPerSec,
          detail: { ...CONVNETJS, ...value, network, pageErrors },
        };
      } catch (e) {
        ctx.results.peers.convnetjs = { trainExamplesPerSec: null, detail: { error: errorText(e) } };
      }
    },
  },
  {
    id: 'ratios',
    title: 'Ratios',
    run: async (ctx) => {
      const wasm = ctx.results.backends.wasm?.trainExamplesPerSec;
      const peer = ctx.results.peers.convnetjs?.trainExamplesPerSec;
      ctx.results.ratios.wasmTrainVsConvnetjs = wasm && peer ? Math.round((wasm / peer) * 100) / 100 : null;
    },
  },
  {
    id: 'imaging',
    title: 'Imaging: re-windowing, phantoms, DICOM decoding',
    run: async (ctx) => {
      const { value, network, pageErrors } = await withBenchPage(ctx, 'none', ({ call }) =>
        call('imaging', undefined, 300),
      );
      ctx.results.imaging = { ...value, network, pageErrors };
    },
  },
  {
    id: 'lessons',
    title: 'Lessons: convolution feature-map update (512×512) and step-through frame rate',
    run: async (ctx) => {
      const { value, network, pageErrors } = await withBenchPage(ctx, 'none', async ({ call, page }) => {
        const report = await call('init', 'wasm', 60);
        const conv = await call('convUpdate', undefined, 180);
        const app = await lessonPageFigures(ctx, page);
        return { backend: report.backend, conv, app };
      });
      ctx.results.lessons = {
        convUpdate512Ms: value.conv.convUpdate512Ms,
        bareConv512Ms: value.conv.bareConv512Ms,
        convUpdateRatio: value.conv.ratio,
        convUpdate512InAppMs: value.app.convUpdateInAppMs,
        stepThroughFps: value.app.stepThroughFps,
        detail: { backend: value.backend, conv: value.conv, app: value.app, network, pageErrors },
      };
    },
  },
  {
    id: 'zoo',
    title: 'Zoo: every activation (ZooRunner.forwardAll) vs bare predict, Grad-CAM',
    run: async (ctx) => {
      const { value, network, pageErrors } = await withBenchPage(ctx, 'none', async ({ call }) => {
        const report = await call('init', 'wasm', 60);
        const zoo = await call('zoo', ZOO, 600);
        return { backend: report.backend, zoo };
      });
      const { models, ...rest } = value.zoo;
      const zoo = { gradCamMs: rest.gradCamMs };
      for (const [id, m] of Object.entries(models)) {
        zoo[id] = {
          forwardAllMs: m.forwardAllMs,
          predictMs: m.predictMs,
          forwardAllRatio: m.forwardAllRatio,
          forwardAllFreshMs: m.forwardAllFreshMs,
          forwardAllFreshRatio: m.forwardAllFreshRatio,
          gradCamMs: m.gradCamMs,
        };
      }
      const errors = Object.entries(models)
        .filter(([, m]) => m.error || m.leakedTensors !== 0)
        .map(([id, m]) => `${id}: ${m.error ?? `${m.leakedTensors} tensors leaked`}`);
      ctx.results.zoo = { ...zoo, detail: { ...rest, backend: value.backend, models, network, pageErrors } };
      if (errors.length) throw new Error(errors.join('; '));
    },
  },
  {
    id: 'training',
    title: 'Training: the worker vs a bare tfjs loop (same model, batch, backend); the page while it trains',
    run: async (ctx) => {
      const { value, network, pageErrors } = await withBenchPage(ctx, 'none', async ({ call }) => {
        await call('init', 'wasm', 60);
        return call('training', TRAINING, 600);
      });
      const { rounds, ...rest } = value;
      ctx.results.training = {
        workerExamplesPerSec: value.workerExamplesPerSec,
        bareExamplesPerSec: value.bareExamplesPerSec,
        workerToBareRatio: value.ratio,
        mainThreadLongestTaskMs: value.mainThreadLongestTaskMs,
        detail: { ...rest, rounds, network, pageErrors },
      };
      const leaks = value.workerLeakedTensors !== 0 || value.pageLeakedTensors !== 0;
      if (leaks)
        throw new Error(
          `tensors leaked: worker ${value.workerLeakedTensors}, page ${value.pageLeakedTensors}`,
        );
    },
  },
  {
    id: 'bundle',
    title: 'Initial JavaScript (gzip -9)',
    run: async (ctx) => {
      ctx.results.bundle = initialBundle();
    },
  },
];

/** Prints the results as readable tables. */
function printTable(results) {
  const fmt = (v, d = 1) => (v == null ? '—' : typeof v === 'number' ? v.toFixed(d) : String(v));
  const rows = [
    ['backend', 'available', 'software GPU', 'inference b1 (ms)', 'train b32 (ex/s)', 'conv 512² (ms)'],
  ];
  for (const [name, b] of Object.entries(results.backends)) {
    rows.push([
      name,
      b.available ? 'yes' : 'no',
      b.softwareGpu ? 'yes' : 'no',
      fmt(b.inferenceMs, 2),
      fmt(b.trainExamplesPerSec, 1),
      fmt(b.conv512Ms, 2),
    ]);
  }
  rows.push(['convnetjs (peer)', '', '', '', fmt(results.peers.convnetjs?.trainExamplesPerSec, 1), '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows.slice(1)) console.log(line(r));
  for (const [name, b] of Object.entries(results.backends))
    if (!b.available || b.info?.pageErrors)
      console.log(
        `  ${name}: ${b.detail}${b.info?.pageErrors ? ` | page errors: ${b.info.pageErrors.join(' | ')}` : ''}`,
      );
  console.log(`\nwasm training vs ConvNetJS: ${fmt(results.ratios.wasmTrainVsConvnetjs, 2)}×`);
  console.log(`wasm 1024³ matmul: ${fmt(results.ceilings.wasmMatmulGflops, 1)} GFLOP/s`);
  const im = results.imaging;
  if (im?.rewindow512Ms !== undefined) {
    console.log(
      `imaging: re-window 512² ${fmt(im.rewindow512Ms, 2)} ms; phantoms: patch 64² ${fmt(im.phantoms.patch64Ms, 2)} ms, chest CT 512² ${fmt(im.phantoms.slice512Ms, 1)} ms; decode CT 512² ${fmt(im.decodeCt512Ms, 1)} ms`,
    );
  }
  const le = results.lessons;
  if (le?.convUpdate512Ms !== undefined) {
    console.log(
      `lessons: feature-map update 512² ${fmt(le.convUpdate512Ms, 2)} ms vs bare conv2d + download ${fmt(le.bareConv512Ms, 2)} ms (ratio ${fmt(le.convUpdateRatio, 2)}); in the page ${fmt(le.convUpdate512InAppMs, 2)} ms; step-through ${fmt(le.stepThroughFps, 1)} positions/s`,
    );
  }
  const zoo = results.zoo;
  if (zoo?.detail?.models) {
    console.log(
      `zoo (${zoo.detail.backend}): forwardAll into recycled buffers vs bare predict (ms); fresh arrays; Grad-CAM (ms)`,
    );
    for (const id of Object.keys(zoo.detail.models)) {
      const m = zoo[id] ?? {};
      const d = zoo.detail.models[id] ?? {};
      const e = d.error;
      console.log(
        `  ${id.padEnd(10)} ${fmt(m.forwardAllMs, 2)} vs ${fmt(m.predictMs, 2)} (ratio ${fmt(m.forwardAllRatio, 2)}, 10th percentiles ${fmt(d.forwardAllP10Ms, 2)} vs ${fmt(d.predictP10Ms, 2)}: ${fmt(d.ratioP10, 2)}); fresh ${fmt(m.forwardAllFreshMs, 2)} vs ${fmt(d.freshPhasePredictMs, 2)} (ratio ${fmt(m.forwardAllFreshRatio, 2)}); Grad-CAM ${fmt(m.gradCamMs, 2)}${e ? ` | error: ${e}` : ''}`,
      );
    }
    console.log(`  TinyVGG Grad-CAM at ${zoo.detail.gradCamLayer}: ${fmt(zoo.gradCamMs, 2)} ms`);
  }
  const tr = results.training;
  if (tr?.detail) {
    console.log(
      `training (${tr.detail.backend}, worker ${tr.detail.workerBackend} ${tr.detail.workerThreads ?? '?'} threads, batch ${tr.detail.batch}): worker ${fmt(tr.workerExamplesPerSec, 1)} vs bare ${fmt(tr.bareExamplesPerSec, 1)} examples/s (ratio ${fmt(tr.workerToBareRatio, 3)}); page's longest task ${fmt(tr.mainThreadLongestTaskMs, 1)} ms (handler ${fmt(tr.detail.longestHandlerMs, 1)} ms, ${tr.detail.longTasks} long tasks, ${tr.detail.chartUpdates} chart updates)`,
    );
  }
  console.log(
    `initial JS: ${results.bundle?.initialJsGzipBytes ?? '—'} bytes gzip in ${results.bundle?.initialJsFiles?.length ?? 0} files`,
  );
  console.log(
    `pages: ${results.network.pages}, foreign requests: ${results.network.foreignRequests.length}, failed requests: ${results.network.failedRequests.length}, HTTP errors: ${results.network.httpErrors.length}`,
  );
}

async function main() {
  const started = Date.now();
  const selected = onlySections();
  const previous = selected ? JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) : {};
  const results = {
    ...previous,
    date: new Date().toISOString(),
    machine: previous.machine ?? {},
    backends: previous.backends ?? {},
    peers: previous.peers ?? {},
    ratios: previous.ratios ?? {},
    ceilings: previous.ceilings ?? {},
    imaging: previous.imaging ?? {},
    lessons: previous.lessons ?? {},
    zoo: previous.zoo ?? {},
    training: previous.training ?? {},
    bundle: previous.bundle ?? {},
    network: {},
    sections: [],
  };
  const ctx = {
    results,
    server: await startPreview(),
    browserVersion: null,
    network: { pages: 0, foreignRequests: [], failedRequests: [], httpErrors: [] },
  };
  console.log(`bench: serving dist/ at ${ctx.server.url}`);
  const harnessErrors = [];
  try {
    for (const section of SECTIONS.filter(
      (x) => !selected || x.id === 'machine' || selected.includes(x.id),
    )) {
      console.log(`${section.title}`);
      const t0 = Date.now();
      try {
        await section.run(ctx);
        results.sections.push({
          id: section.id,
          ok: true,
          seconds: Math.round((Date.now() - t0) / 100) / 10,
        });
      } catch (e) {
        harnessErrors.push(`${section.id}: ${errorText(e)}`);
        results.sections.push({ id: section.id, ok: false, error: errorText(e) });
        console.error(`  section ${section.id} failed: ${errorText(e)}`);
      }
    }
  } finally {
    await ctx.server.close();
  }
  results.machine.browserVersion = ctx.browserVersion;
  results.network = ctx.network;
  results.durationS = Math.round((Date.now() - started) / 1000);
  if (ctx.network.pages > 0 && ctx.browserVersion == null)
    harnessErrors.push('no browser page could be opened');
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nwrote ${RESULTS_PATH} in ${results.durationS} s`);
  if (harnessErrors.length) {
    console.error(`bench: harness errors:\n  ${harnessErrors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
