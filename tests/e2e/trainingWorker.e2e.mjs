// The training worker picks its backend as initBackend does: on a software GPU `auto` trains on wasm
// and says why; WebGL (through OffscreenCanvas) and WebGPU train when picked; every tensor the worker
// made is freed by `dispose`. Driven through the bench page's window.rclBench.workerTrainSmoke.
import assert from 'node:assert/strict';

async function smoke(page, app, backend, steps) {
  await page.goto(`${app.url}bench.html`);
  await page.waitForFunction(() => typeof window.rclBench?.workerTrainSmoke === 'function');
  const r = await page.evaluate(([b, n]) => window.rclBench.workerTrainSmoke(b, n), [backend, steps]);
  console.log(
    `    ${backend} → ${r.report.backend} (${r.report.reason}); losses ${r.losses.map((l) => l.toFixed(4)).join(', ')}; tensors ${JSON.stringify(r.tensors)}`,
  );
  assert.equal(r.losses.length, steps, 'one loss per batch');
  for (const l of r.losses) assert.ok(Number.isFinite(l) && l > 0 && l < 5, `loss ${l}`);
  assert.equal(r.tensors.disposed, r.tensors.before, 'dispose frees every tensor the run made');
  return r;
}

export const tests = [
  {
    name: 'training worker: auto on a software GPU trains on wasm and says why',
    gpu: 'webgl',
    async run({ page, app }) {
      const r = await smoke(page, app, 'auto', 4);
      assert.equal(r.report.backend, 'wasm');
      assert.equal(r.report.reason, 'software-gpu');
      assert.ok(r.report.wasm.threads >= 1);
    },
  },
  {
    name: 'training worker: WebGL through OffscreenCanvas when picked',
    gpu: 'webgl',
    async run({ page, app }) {
      const r = await smoke(page, app, 'webgl', 2);
      assert.equal(r.report.backend, 'webgl');
      assert.equal(r.report.softwareGpu, true);
    },
  },
  {
    name: 'training worker: WebGPU when picked',
    gpu: 'webgpu',
    async run({ page, app }) {
      const r = await smoke(page, app, 'webgpu', 1);
      assert.equal(r.report.backend, 'webgpu');
    },
  },
  {
    name: 'training worker: cpu when picked',
    gpu: 'none',
    async run({ page, app }) {
      const r = await smoke(page, app, 'cpu', 1);
      assert.equal(r.report.backend, 'cpu');
    },
  },
];
