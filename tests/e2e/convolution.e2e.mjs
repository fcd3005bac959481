// The convolution lesson end to end: the kernel window stepped and played (its output equals the
// worked sum), the 512×512 feature map recomputed live as the kernel is edited by preset, cell and
// size, a link that reopens the edited kernel, stride/padding/dilation with the output-size formula,
// a layer as a bank of filters with weight sharing counted; axe and a screenshot of every step.
import assert from 'node:assert/strict';
import { checkStep } from './neurons.e2e.mjs';
import { openRoute } from './routes.e2e.mjs';

const LESSON = '#/lesson/convolution';
const attr = (page, id, name) => page.getByTestId(id).getAttribute(name);

/** Waits until the feature map has drawn a map newer than `before` and is idle. */
async function nextMap(page, before) {
  await page.waitForFunction(
    (b) => {
      const el = document.querySelector('[data-testid="feature-map"]');
      return el && el.dataset.updated !== b && el.dataset.status === 'ready';
    },
    before,
    { timeout: 60_000 },
  );
}

export const tests = [
  {
    name: 'convolution: step-through, live feature map with kernel edits, stride/padding, layer; screenshots',
    async run({ page, app }) {
      // Step 1: step forward twice; play at full speed to the end; the URL keeps the position.
      await openRoute(page, app, `${LESSON}?step=1&kernel=sobel-x&stride=1&padding=valid`);
      const stepper = page.getByTestId('conv-stepper');
      await stepper.waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="conv-stepper"][data-position]').waitFor();
      const positions = Number(await stepper.getAttribute('data-positions'));
      assert.equal(positions, 10 * 10, 'a 12×12 crop, 3×3 kernel, valid padding: 10 × 10 positions');
      await page.getByTestId('conv-forward').click();
      await page.getByTestId('conv-forward').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="conv-stepper"]')?.dataset.position === '2',
      );
      const worked = await page.getByTestId('conv-worked').innerText();
      assert.match(worked, /=/, `worked line: ${worked}`);
      assert.ok(Number.isFinite(Number(await stepper.getAttribute('data-output'))));
      await checkStep(page, 'convolution-1');
      await openRoute(page, app, `${LESSON}?step=1&speed=60`);
      await stepper.waitFor();
      await page.getByTestId('conv-play').click();
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('[data-testid="conv-stepper"]');
          return el?.dataset.position === String(n - 1) && el.dataset.playing === 'false';
        },
        positions,
        { timeout: 30_000 },
      );
      await page.waitForFunction((n) => location.hash.includes(`pos=${n - 1}`), positions);

      // Step 2: the live feature map; presets, a cell edit (→ custom, in the URL), size 5, normalise.
      await openRoute(page, app, `${LESSON}?step=2`);
      const map = page.getByTestId('feature-map');
      await page
        .locator('[data-testid="feature-map"][data-status="ready"][data-updated]')
        .waitFor({ timeout: 60_000 });
      let before = await map.getAttribute('data-updated');
      await page.getByTestId('preset-laplacian').check();
      await nextMap(page, before);
      assert.match(await page.evaluate(() => location.hash), /preset=laplacian/);
      before = await map.getAttribute('data-updated');
      await page.getByTestId('kernel-cell-2-2').fill('5');
      await page.getByTestId('kernel-cell-2-2').press('Enter');
      await nextMap(page, before);
      const hash = await page.evaluate(() => location.hash);
      assert.match(hash, /preset=custom/);
      const kernel = await map.getAttribute('data-kernel');
      assert.equal(kernel.split(',').length, 9);
      assert.equal(Number(kernel.split(',')[4]), 5);
      const ms = Number(await map.getAttribute('data-ms'));
      console.log(`    convolution step 2: kernel edit → 512×512 feature map drawn in ${ms.toFixed(1)} ms`);
      // The copied link reopens the edited kernel.
      const link = await page.evaluate(() => location.href);
      const other = await page.context().newPage();
      await other.goto(link);
      await other
        .locator('[data-testid="feature-map"][data-status="ready"][data-updated]')
        .waitFor({ timeout: 60_000 });
      assert.equal(await other.getByTestId('feature-map').getAttribute('data-kernel'), kernel);
      await other.close();
      before = await map.getAttribute('data-updated');
      await page.getByTestId('kernel-size-5').click();
      await nextMap(page, before);
      assert.equal((await map.getAttribute('data-kernel')).split(',').length, 25);
      await page.getByTestId('preset-sobel-x').check();
      await page.locator('[data-testid="feature-map"][data-status="ready"]').waitFor();
      // The colour scale clipped at the 99th percentile of |value|: the same map, redrawn.
      await page.getByTestId('param-contrast').getByRole('radio').nth(1).check();
      await page.waitForFunction(() => location.hash.includes('contrast=p99'));
      assert.match(await page.getByTestId('feature-clipped').innerText(), /99th percentile/);
      await checkStep(page, 'convolution-2');

      // Step 3: stride 2, same padding, dilation 2 on a 7×7 input with a 3×3 kernel:
      // out = ceil(7 / 2) = 4 (TensorFlow's "same"); custom p = 1 → floor((7 + 2 − 2·2 − 1)/2) + 1 = 3.
      await openRoute(page, app, `${LESSON}?step=3&n=7&ks=3&s=2&padding=custom&p=1&fill=zero&d=2`);
      const sp = page.getByTestId('stride-padding');
      await sp.waitFor({ timeout: 60_000 });
      assert.equal(await sp.getAttribute('data-out-height'), '3');
      assert.match(await page.getByTestId('stride-formula').innerText(), /3/);
      await page.getByTestId('stride-forward').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="stride-padding"]')?.dataset.position === '1',
      );
      await checkStep(page, 'convolution-3');

      // Step 4: a layer of 3 × 8 filters; parameters 3·3·3·8 + 8 = 224.
      await openRoute(page, app, `${LESSON}?step=4&k=3&cin=3&cout=8`);
      await page.locator('[data-testid="conv-layer"][data-status="ready"]').waitFor({ timeout: 60_000 });
      assert.equal(await attr(page, 'conv-layer', 'data-conv-params'), '224');
      assert.equal(await attr(page, 'conv-layer', 'data-maps'), '8');
      const dense = BigInt(await attr(page, 'conv-layer', 'data-dense-params'));
      assert.equal(dense, 512n * 512n * 3n * (512n * 512n * 8n) + 512n * 512n * 8n);
      await checkStep(page, 'convolution-4');

      // Step 5: the quiz.
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=5'));
      await page.getByTestId('quiz').waitFor();
      await checkStep(page, 'convolution-5');
    },
  },
];
