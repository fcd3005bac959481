// Which backends initialise in Chromium here, software-GPU detection, the context-loss fallback,
// and one wasm training step in the browser. Driven through the bench page's window.rclBench.
import assert from 'node:assert/strict';

async function openBench(page, app) {
  await page.goto(`${app.url}bench.html`);
  await page.waitForFunction(() => typeof window.rclBench?.init === 'function');
}

export const tests = [
  {
    name: 'auto picks wasm over a software WebGL and says why',
    gpu: 'webgl',
    async run({ page, app }) {
      await openBench(page, app);
      const report = await page.evaluate(() => window.rclBench.init('auto'));
      assert.equal(report.backend, 'wasm');
      assert.equal(report.reason, 'software-gpu');
      assert.equal(report.softwareGpu, true);
      assert.ok(
        report.attempts.some((a) => a.backend === 'webgl' && a.softwareGpu),
        JSON.stringify(report.attempts),
      );
      assert.equal(report.wasm.simd, true);
    },
  },
  {
    name: 'WebGL initialises with the SwiftShader flag when picked, and a lost context falls back to wasm',
    gpu: 'webgl',
    // tfjs logs the lost context itself.
    allowConsoleErrors: /context lost|CONTEXT_LOST/i,
    async run({ page, app }) {
      await openBench(page, app);
      const report = await page.evaluate(() => window.rclBench.init('webgl'));
      assert.equal(report.backend, 'webgl');
      assert.equal(report.reason, 'user-choice');
      assert.equal(report.softwareGpu, true);
      const fallback = await page.evaluate(() => window.rclBench.loseWebGlContext());
      assert.equal(fallback.from, 'webgl');
      assert.equal(fallback.report.backend, 'wasm');
      assert.equal(fallback.report.reason, 'context-lost');
    },
  },
  {
    name: 'WebGPU initialises with --enable-unsafe-webgpu (SwiftShader adapter detected)',
    gpu: 'webgpu',
    async run({ page, app }) {
      await openBench(page, app);
      const report = await page.evaluate(() => window.rclBench.init('webgpu'));
      assert.equal(report.backend, 'webgpu', JSON.stringify(report.attempts));
      assert.equal(report.softwareGpu, true);
    },
  },
  {
    name: 'without GPU flags, auto still runs (wasm) and cpu can be picked',
    gpu: 'none',
    async run({ page, app }) {
      await openBench(page, app);
      const auto = await page.evaluate(() => window.rclBench.init('auto'));
      assert.equal(auto.backend, 'wasm');
      const cpu = await page.evaluate(() => window.rclBench.init('cpu'));
      assert.equal(cpu.backend, 'cpu');
    },
  },
  {
    name: 'TinyVGG trains on wasm in the browser (threads, our gradient kernels), no tensor growth',
    gpu: 'none',
    async run({ page, app }) {
      await openBench(page, app);
      assert.equal(
        await page.evaluate(() => window.crossOriginIsolated),
        true,
        'page must be cross-origin isolated',
      );
      const report = await page.evaluate(() => window.rclBench.init('wasm'));
      assert.equal(report.backend, 'wasm');
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      assert.equal(report.wasm.threads, Math.min(8, cores), 'one wasm thread per logical core');
      const run = await page.evaluate(() => window.rclBench.trainSmoke(8));
      assert.equal(run.backend, 'wasm');
      assert.equal(run.losses.length, 8);
      assert.ok(
        run.losses.every((l) => Number.isFinite(l)),
        `losses ${run.losses}`,
      );
      assert.equal(run.numTensorsAfter, run.numTensorsBefore);
    },
  },
];

tests.push({
  name: 'in the app: WebGL picked in settings, a lost context falls back with a visible notice',
  gpu: 'webgl',
  allowConsoleErrors: /context lost|CONTEXT_LOST/i,
  async run({ page, app }) {
    await page.goto(`${app.url}#/about`);
    await page.locator('[data-testid="backend-indicator"][data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('settings-button').click();
    await page.getByTestId('backend-pref-webgl').check();
    await page
      .locator('[data-testid="backend-indicator"][data-backend="webgl"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('settings-close').click();
    await page.getByTestId('simulate-context-loss').click();
    const notice = page.getByTestId('backend-fallback-notice');
    await notice.waitFor({ timeout: 30_000 });
    assert.ok((await notice.innerText()).length > 10);
    await page.locator('[data-testid="backend-indicator"][data-backend="wasm"]').waitFor();
  },
});
