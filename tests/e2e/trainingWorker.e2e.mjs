// The training worker picks its backend as initBackend does: on a software GPU `auto` trains on wasm
// and says why; WebGL (through OffscreenCanvas), WebGPU and cpu train when picked; fine-tuning fetches
// the zoo's weights from the app (the worker resolves URLs against the page's base); every tensor the worker
// made is freed by `dispose`. Driven through the bench page's window.rclBench.workerTrainSmoke.
import assert from 'node:assert/strict';

async function smoke(page, app, backend, steps, pretrained = false) {
  await page.goto(`${app.url}bench.html`);
  await page.waitForFunction(() => typeof window.rclBench?.workerTrainSmoke === 'function');
  const r = await page.evaluate(
    ([b, n, p]) => window.rclBench.workerTrainSmoke(b, n, p),
    [backend, steps, pretrained],
  );
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
    name: 'training worker: fine-tunes TinyVGG from the zoo weights it fetches from the app',
    gpu: 'none',
    async run({ page, app }) {
      const scratch = await smoke(page, app, 'wasm', 2);
      const tuned = await smoke(page, app, 'wasm', 2, true);
      // The zoo's TinyVGG was trained on nodule patches: it starts far below chance-level loss (ln 2).
      assert.ok(tuned.losses[0] < 0.5, `first fine-tuning loss ${tuned.losses[0]}`);
      assert.ok(tuned.losses[0] < scratch.losses[0], 'fine-tuning starts below training from scratch');
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
