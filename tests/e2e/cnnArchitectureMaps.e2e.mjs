// Steps 3 and 4 of the cnn-architecture lesson end to end, on the trained zoo models loaded from
// public/models: every layer's maps drawn; units clicked in three layers of two models (a
// thumbnail, then a unit on the large map), each panel's reference value (plain TypeScript, from
// explainUnit) equal to the tfjs activation shown (|Δ| ≤ 1e-4); Grad-CAM for both classes of both
// models; axe and a screenshot of each.
import assert from 'node:assert/strict';
import { checkStep } from './neurons.e2e.mjs';
import { openRoute } from './routes.e2e.mjs';

const LESSON = '#/lesson/cnn-architecture';
const LONG = { timeout: 90_000 };

/** Waits until step 3 shows `layer` (and `unit` when given) from a fresh forward pass. */
async function panelShows(page, layer, unit) {
  await page.waitForFunction(
    ([l, u]) => {
      const m = document.querySelector('[data-testid="maps"]');
      const p = document.querySelector('[data-testid="unit-panel"]');
      return (
        m?.dataset.stale === 'false' &&
        m.dataset.layer === l &&
        (u === null || m.dataset.unit === u) &&
        p?.dataset.layer === l &&
        document.querySelector('[data-testid="unit-reference"]') !== null
      );
    },
    [layer, unit ?? null],
    LONG,
  );
}

/** The panel's reference and tfjs values: equal within 1e-4. Returns the unit checked. */
async function checkUnit(page, model, quiet = false) {
  const maps = page.getByTestId('maps');
  const layer = await maps.getAttribute('data-layer');
  const unit = await maps.getAttribute('data-unit');
  const ref = Number(await page.getByTestId('unit-reference').getAttribute('data-value'));
  const tfjs = Number(await page.getByTestId('unit-tfjs').getAttribute('data-value'));
  const kind = await page.getByTestId('unit-panel').getAttribute('data-kind');
  assert.ok(Number.isFinite(ref) && Number.isFinite(tfjs), `${model} ${layer} ${unit}: finite values`);
  assert.ok(
    Math.abs(ref - tfjs) <= 1e-4,
    `${model} ${layer} (${unit}): reference ${ref} vs tfjs ${tfjs}, |Δ| = ${Math.abs(ref - tfjs)}`,
  );
  if (!quiet)
    console.log(
      `    ${model} ${layer} [${unit}] ${kind}: reference ${ref.toPrecision(7)}, tfjs ${tfjs.toPrecision(7)}, |Δ| = ${Math.abs(ref - tfjs).toExponential(1)}`,
    );
}

/** Opens a thumbnail, checks its unit, then clicks a unit of the large map and checks that one. */
async function clickUnits(page, model, layer, channel, at) {
  await page.getByTestId(`maps-thumb-${layer}-${channel}`).click();
  await panelShows(page, layer, null);
  assert.equal((await page.getByTestId('maps').getAttribute('data-unit')).split(',')[2], String(channel));
  await checkUnit(page, model);
  const before = await page.getByTestId('maps').getAttribute('data-unit');
  const big = page.getByTestId('maps-big');
  const box = await big.boundingBox();
  await big.click({ position: { x: box.width * at[1], y: box.height * at[0] } });
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="maps"]')?.dataset.unit !== b,
    before,
    LONG,
  );
  await panelShows(page, layer, null);
  await checkUnit(page, model, true);
  // A unit that ReLU set to 0 says little: Page Down through the channels to one that is not 0.
  for (let i = 0; i < 32; i++) {
    if (Number(await page.getByTestId('unit-tfjs').getAttribute('data-value')) !== 0) break;
    const was = await page.getByTestId('maps').getAttribute('data-unit');
    await big.press('PageDown');
    const now = await page
      .waitForFunction(
        (b) => {
          const u = document.querySelector('[data-testid="maps"]')?.dataset.unit;
          return u !== b && u;
        },
        was,
        { timeout: 2_000 },
      )
      .catch(() => null);
    if (!now) break; // the last channel
    await panelShows(page, layer, null);
    await checkUnit(page, model, true);
  }
  await checkUnit(page, model);
  // An arrow key moves the unit by one and the panel follows.
  const unit = (await page.getByTestId('maps').getAttribute('data-unit')).split(',').map(Number);
  await big.press(unit[1] > 0 ? 'ArrowLeft' : 'ArrowRight');
  const moved = `${unit[0]},${unit[1] > 0 ? unit[1] - 1 : unit[1] + 1},${unit[2]}`;
  await panelShows(page, layer, moved);
  await checkUnit(page, model);
}

/** Step 3 for one model: every layer drawn, three layers' units checked, a screenshot. */
async function featureMaps(page, app, model, slice, picks, shot) {
  await openRoute(page, app, `${LESSON}?step=3&model=${model}&slice=${slice}`);
  await page.locator(`[data-testid="cnn-feature-maps"][data-model="${model}"]`).waitFor(LONG);
  await page.locator('[data-testid="maps"][data-stale="false"]').waitFor(LONG);
  const n = Number(await page.getByTestId('maps-layers').getAttribute('data-layers'));
  assert.equal(await page.locator('[data-testid^="maps-layer-"]').count(), n);
  for (const [layer, channel, at] of picks) await clickUnits(page, model, layer, channel, at);
  const status = await page.getByTestId('maps-status').innerText();
  console.log(`    ${model}: ${n} layers; ${status}`);
  await checkStep(page, shot);
}

/** Step 4 for one model: Grad-CAM of each class at the default layer; screenshot after the last. */
async function gradCam(page, app, model, slice, shot) {
  await openRoute(page, app, `${LESSON}?step=4&model=${model}&slice=${slice}`);
  const cam = page.getByTestId('cam');
  await page.locator(`[data-testid="cnn-grad-cam"][data-model="${model}"] [data-testid="cam"]`).waitFor(LONG);
  const layer = await cam.getAttribute('data-layer');
  const classes = await page.locator('[data-testid^="cam-class-"]').count();
  assert.equal(classes, 2);
  // The other class first, then the predicted one again: both end up in the URL.
  const predicted = Number(await cam.getAttribute('data-class'));
  for (const c of [1 - predicted, predicted]) {
    await page.getByTestId(`cam-class-${c}`).check();
    await page.waitForFunction(
      ([cls, l]) => {
        const el = document.querySelector('[data-testid="cam"]');
        return el?.dataset.status === 'ready' && el.dataset.readyClass === cls && el.dataset.readyLayer === l;
      },
      [String(c), layer],
      LONG,
    );
    assert.match(await page.evaluate(() => location.hash), new RegExp(`cls=${c}`));
    const score = Number(await page.getByTestId('cam-score').getAttribute('data-value'));
    const alpha = Number(await page.getByTestId('cam-alpha').getAttribute('data-count'));
    const sentence = await page.getByTestId('cam-sentence').innerText();
    assert.ok(Number.isFinite(score) && alpha > 0);
    console.log(
      `    ${model} Grad-CAM class ${c} at ${layer}: y_c = ${score.toFixed(3)}, ${alpha} α_k; ${sentence}`,
    );
  }
  await checkStep(page, shot);
}

export const tests = [
  {
    name: 'cnn-architecture maps: click-to-explain in three layers of TinyVGG and ResNet, Grad-CAM both classes; screenshots',
    async run({ page, app }) {
      await featureMaps(
        page,
        app,
        'tiny-vgg',
        'chest-ct-nodule',
        [
          ['conv_1_1', 3, [0.4, 0.55]],
          ['max_pool_1', 2, [0.5, 0.5]],
          ['conv_2_2', 5, [0.3, 0.6]],
        ],
        'cnn-architecture-3-tiny-vgg',
      );
      await featureMaps(
        page,
        app,
        'resnet',
        'head-ct-haemorrhage',
        [
          ['conv_stem', 4, [0.45, 0.5]],
          ['block_1_add', 1, [0.6, 0.4]],
          ['block_3_relu', 7, [0.5, 0.5]],
        ],
        'cnn-architecture-3-resnet',
      );
      await gradCam(page, app, 'tiny-vgg', 'chest-ct-nodule', 'cnn-architecture-4');
      await gradCam(page, app, 'resnet', 'head-ct-haemorrhage', 'cnn-architecture-4-resnet');
    },
  },
];
