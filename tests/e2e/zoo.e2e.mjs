// The model zoo page end to end on the trained weights (public/models/): seven cards with their
// measured numbers; TinyVGG on the nodule sample (probabilities summing to 1), the U-Net's mask on the
// nodule (area > 0), the denoising autoencoder's output drawn (on the sample and on a low-dose
// phantom, with its PSNR), the live speed table; axe on each state and screenshots
// (docs/screenshots/zoo-*.png). The runner fails on any console error or foreign request.
import assert from 'node:assert/strict';
import { seriousAxeViolations } from './axe.mjs';
import { openRoute } from './routes.e2e.mjs';

const SHOTS = 'docs/screenshots';
const MODELS = ['mlp', 'lenet5', 'tiny-vgg', 'mobilenet', 'resnet', 'unet', 'dae'];

/** Runs axe on the page and photographs the element `testId` (as checkStep does for a lesson step). */
async function checkZoo(page, name, testId) {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `${name}: axe violations ${JSON.stringify(violations, null, 1)}`);
  await page.waitForTimeout(300); // let canvases settle
  await page.getByTestId(testId).screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Opens the run panel at `query` and waits for the model's result. */
async function run(page, app, query) {
  await openRoute(page, app, `#/zoo?${query}`);
  await page.locator('[data-testid="zoo-run"][data-status="ready"]').waitFor({ timeout: 90_000 });
}

/** Sum of the RGB values of a canvas (0 when nothing was drawn). */
function canvasInk(page, testId) {
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let s = 0;
    for (let i = 0; i < d.length; i += 4) s += d[i] + d[i + 1] + d[i + 2];
    return s;
  }, testId);
}

export const tests = [
  {
    name: 'zoo: seven cards, TinyVGG, U-Net and autoencoder runs, speed; screenshots',
    async run({ page, app }) {
      await openRoute(page, app, '#/zoo');
      for (const id of MODELS) {
        const card = page.getByTestId(`zoo-card-${id}`);
        await card.getByTestId('zoo-card-measured').waitFor({ timeout: 90_000 });
        const params = Number(await card.getByTestId('zoo-card-params').getAttribute('data-value'));
        const flops = Number(await card.getByTestId('zoo-card-flops').getAttribute('data-value'));
        const bytes = Number(await card.getByTestId('zoo-card-weights').getAttribute('data-value'));
        const metrics = await card.getByTestId('zoo-card-metrics').innerText();
        assert.ok(params > 0 && flops > params, `${id}: ${params} parameters, ${flops} FLOPs`);
        // The weight file holds the parameters as float32.
        assert.equal(bytes, 4 * params, `${id}: weights.bin is 4 bytes per parameter`);
        console.log(`    ${id}: ${params} parameters, ${(flops / 1e6).toFixed(2)} MFLOP; ${metrics}`);
      }
      assert.equal(await page.locator('[data-testid="zoo-cards"] > li').count(), MODELS.length);
      await checkZoo(page, 'zoo-cards', 'zoo-cards');

      // TinyVGG on the chest CT nodule sample, cropped around the nodule automatically.
      await run(page, app, 'model=tiny-vgg&src=chest-ct-nodule');
      assert.equal(await page.getByTestId('zoo-centre').getAttribute('data-mode'), 'lesion');
      const sum = Number(await page.getByTestId('zoo-probs').getAttribute('data-sum'));
      assert.ok(Math.abs(sum - 1) < 1e-4, `probabilities sum to ${sum}`);
      const pNodule = Number(await page.getByTestId('zoo-prob-1').getAttribute('data-value'));
      console.log(`    tiny-vgg on chest-ct-nodule: p(nodule) = ${pNodule.toFixed(4)}`);
      assert.ok((await canvasInk(page, 'zoo-input-canvas')) > 0, 'the prepared input is drawn');
      await checkZoo(page, 'zoo-run-tiny-vgg', 'zoo-run');

      // U-Net: a mask on the nodule.
      await run(page, app, 'model=unet&src=chest-ct-nodule');
      const mask = page.getByTestId('zoo-mask');
      const areaPx = Number(await mask.getAttribute('data-area-px'));
      const areaMm2 = Number(await mask.getAttribute('data-area-mm2'));
      assert.ok(areaPx > 0, `mask area ${areaPx} pixels`);
      assert.ok((await page.getByTestId('zoo-mask-fill').getAttribute('d')).length > 0, 'the mask is drawn');
      // The sample's nodule is 14 mm across: π·7² ≈ 154 mm².
      console.log(
        `    unet on chest-ct-nodule: mask ${areaPx} pixels = ${areaMm2.toFixed(1)} mm² (nodule 14 mm: 154 mm²)`,
      );
      await checkZoo(page, 'zoo-run-unet', 'zoo-run');

      // The denoising autoencoder: output drawn, on the sample and on a low-dose phantom.
      await run(page, app, 'model=dae&src=chest-ct-nodule');
      assert.ok((await canvasInk(page, 'zoo-denoise-output')) > 0, 'the denoised output is drawn');
      await run(page, app, 'model=dae&src=phantom&ex=1');
      assert.ok((await canvasInk(page, 'zoo-denoise-output')) > 0, 'the denoised phantom is drawn');
      const den = page.getByTestId('zoo-denoise');
      const sIn = Number(await den.getAttribute('data-sigma-in'));
      const sOut = Number(await den.getAttribute('data-sigma-out'));
      console.log(
        `    dae on a low-dose phantom: flat-region noise ${sIn.toFixed(1)} → ${sOut.toFixed(1)} HU; ${await page.getByTestId('zoo-denoise-truth').innerText()}`,
      );
      assert.ok(sOut < sIn, 'the output is less noisy than the input');
      await checkZoo(page, 'zoo-run-dae', 'zoo-run');

      // Speed on the active backend, then on every backend; the active one is restored.
      await run(page, app, 'model=tiny-vgg&src=chest-ct-nodule');
      const active = await page.getByTestId('zoo-speed-active').getAttribute('data-backend');
      await page.getByTestId('zoo-speed-active-button').click();
      await page.locator('[data-testid="zoo-speed"][data-status="done"]').waitFor({ timeout: 120_000 });
      const row = page.getByTestId(`zoo-speed-${active}`);
      assert.equal(await row.getAttribute('data-status'), 'measured');
      const ms = Number(await row.getAttribute('data-median-ms'));
      assert.ok(ms > 0, `median ${ms} ms`);
      console.log(`    tiny-vgg forward pass on ${active}: median ${ms.toFixed(2)} ms`);
      await page.getByTestId('zoo-speed-all-button').click();
      await page.locator('[data-testid="zoo-speed"][data-status="running"]').waitFor();
      await page.locator('[data-testid="zoo-speed"][data-status="done"]').waitFor({ timeout: 180_000 });
      for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) {
        const r = page.getByTestId(`zoo-speed-${b}`);
        const status = await r.getAttribute('data-status');
        const median = await r.getAttribute('data-median-ms');
        console.log(
          `    ${b}: ${status}${median ? ` ${Number(median).toFixed(2)} ms` : `: ${await r.innerText()}`}`,
        );
      }
      assert.equal(await page.getByTestId('backend-indicator').getAttribute('data-backend'), active);
      assert.match(await page.getByTestId('zoo-speed-restored').innerText(), /^Back on /);
      // The model still runs after the round trip, with the same answer.
      await run(page, app, 'model=tiny-vgg&src=chest-ct-nodule&cx=300&cy=300');
      await run(page, app, 'model=tiny-vgg&src=chest-ct-nodule');
      assert.equal(Number(await page.getByTestId('zoo-prob-1').getAttribute('data-value')), pNodule);
      await checkZoo(page, 'zoo-speed', 'zoo-speed');
    },
  },
  {
    name: 'zoo: speed with WebGPU available (SwiftShader): every backend timed or explained, the active one restored',
    gpu: 'webgpu',
    async run({ page, app }) {
      await run(page, app, 'model=tiny-vgg&src=phantom');
      const active = await page.getByTestId('zoo-speed-active').getAttribute('data-backend');
      const before = Number(await page.getByTestId('zoo-prob-1').getAttribute('data-value'));
      await page.getByTestId('zoo-speed-all-button').click();
      await page.locator('[data-testid="zoo-speed"][data-status="done"]').waitFor({ timeout: 180_000 });
      const seen = [];
      for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) {
        const r = page.getByTestId(`zoo-speed-${b}`);
        const status = await r.getAttribute('data-status');
        const note = await r.locator('td').last().innerText();
        // Measured, or said honestly: cannot start here, or started but the model failed on it.
        assert.ok(['measured', 'unavailable', 'failed'].includes(status), `${b}: ${status}`);
        if (status !== 'measured') assert.ok(note.length > 20, `${b}: a reason is given`);
        const median = await r.getAttribute('data-median-ms');
        seen.push(`${b} ${status}${median ? ` ${Number(median).toFixed(2)} ms` : `: ${note}`}`);
      }
      console.log(`    active ${active}; ${seen.join('; ')}`);
      assert.equal(await page.getByTestId(`zoo-speed-${active}`).getAttribute('data-status'), 'measured');
      const activeName = await page.getByTestId(`zoo-speed-${active}`).locator('th').innerText();
      assert.equal(await page.getByTestId('zoo-speed-restored').innerText(), `Back on ${activeName}.`);
      assert.equal(await page.getByTestId('backend-indicator').getAttribute('data-backend'), active);
      // The same answer after the weights went round every backend.
      await run(page, app, 'model=tiny-vgg&src=phantom&ex=3');
      await run(page, app, 'model=tiny-vgg&src=phantom');
      const after = Number(await page.getByTestId('zoo-prob-1').getAttribute('data-value'));
      assert.ok(Math.abs(after - before) < 1e-5, `p(nodule) ${before} → ${after}`);
    },
  },
];
