// The cnn-architecture lesson end to end, steps 1, 2 and 5 (steps 3 and 4 are in
// cnnArchitectureMaps.e2e.mjs): trained zoo models loaded from public/models, the preprocessing and
// the prediction on a real sample (probabilities summing to 1) for two models, the model card's
// parameter count equal to the layer table's total, three layers selected with their receptive
// field outlined at the table's size, the quiz; axe and a screenshot of each step.
import assert from 'node:assert/strict';
import { checkStep } from './neurons.e2e.mjs';
import { openRoute } from './routes.e2e.mjs';

const LESSON = '#/lesson/cnn-architecture';
const attr = (page, id, name) => page.getByTestId(id).getAttribute(name);

/** Waits for step 1 to show `model` with a forward pass of the current input. */
async function inputReady(page, model) {
  await page
    .locator(`[data-testid="cnn-input"][data-model="${model}"][data-status="ready"]`)
    .waitFor({ timeout: 90_000 });
  await page.locator('[data-testid="cnn-prediction"][data-stale="false"]').waitFor({ timeout: 60_000 });
}

/** The class probabilities shown, their sum, and the card's parameter count. */
async function prediction(page) {
  const bars = page.locator('[data-testid^="cnn-prob-"]');
  const values = [];
  for (let i = 0; i < (await bars.count()); i++)
    values.push(Number(await bars.nth(i).getAttribute('data-value')));
  return {
    values,
    sum: values.reduce((a, b) => a + b, 0),
    params: Number(await attr(page, 'cnn-model-card', 'data-params')),
  };
}

/** The layer table's total for `model` (step 2). */
async function tableTotal(page, app, model) {
  await openRoute(page, app, `${LESSON}?step=2&model=${model}`);
  await page
    .locator(`[data-testid="cnn-layers"][data-model="${model}"][data-status="ready"]`)
    .waitFor({ timeout: 90_000 });
  return Number(await attr(page, 'cnn-layer-total', 'data-params'));
}

export const tests = [
  {
    name: 'cnn-architecture: model and input for two models, layer table with receptive fields, quiz; screenshots',
    async run({ page, app }) {
      // Step 1: TinyVGG on the chest CT with a nodule, centred automatically on the lesion.
      await openRoute(page, app, `${LESSON}?step=1`);
      await inputReady(page, 'tiny-vgg');
      const vgg = await prediction(page);
      assert.equal(vgg.values.length, 2);
      assert.ok(Math.abs(vgg.sum - 1) < 1e-5, `TinyVGG probabilities sum to ${vgg.sum}`);
      assert.match(await page.getByTestId('cnn-centre-source').innerText(), /lesion/);
      assert.equal(await attr(page, 'cnn-window', 'data-from'), 'model');
      assert.equal(
        await page.getByTestId('cnn-card-params').locator('[role="alert"]').count(),
        0,
        'manifest agrees',
      );
      const ms = Number((await page.getByTestId('cnn-timing').innerText()).match(/([\d.]+) ms/)[1]);
      console.log(`    cnn-architecture step 1: TinyVGG forward pass with every layer's output in ${ms} ms`);
      await checkStep(page, 'cnn-architecture-1');

      // Switch to the MLP with the select: another prediction, another parameter count.
      await page.getByTestId('cnn-model-select').selectOption('mlp');
      await page.waitForFunction(() => location.hash.includes('model=mlp'));
      await inputReady(page, 'mlp');
      const mlp = await prediction(page);
      assert.ok(Math.abs(mlp.sum - 1) < 1e-5, `MLP probabilities sum to ${mlp.sum}`);
      assert.notEqual(mlp.params, vgg.params);
      // Moving the crop with the keyboard changes the input, and the prediction follows.
      await page.getByTestId('cnn-overview').focus();
      await page.keyboard.press('Shift+ArrowRight');
      await page.waitForFunction(() => /cx=\d/.test(location.hash));
      await inputReady(page, 'mlp');
      assert.match(await page.getByTestId('cnn-centre-source').innerText(), /chosen by you/);

      // The card's parameter count is the layer table's total, for both models.
      assert.equal(await tableTotal(page, app, 'mlp'), mlp.params);
      assert.equal(await tableTotal(page, app, 'tiny-vgg'), vgg.params);
      assert.doesNotMatch(await page.getByTestId('cnn-layer-manifest').innerText(), /do not match/);

      // Step 2: select three layers; the outlined box has the table's receptive-field size.
      for (const name of ['conv_1_2', 'max_pool_1', 'conv_2_2']) {
        await page.getByTestId(`cnn-layer-row-${name}`).getByRole('button').click();
        await page.locator(`[data-testid="cnn-layers"][data-layer="${name}"]`).waitFor();
        await page.waitForFunction((n) => location.hash.includes(`layer=${n}`), name);
        const [rows, columns] = (await attr(page, `cnn-layer-row-${name}`, 'data-rf-size'))
          .split(',')
          .map(Number);
        const box = page.getByTestId('cnn-rf-box');
        assert.equal(Number(await box.getAttribute('data-rows')), rows, `${name}: box rows`);
        assert.equal(Number(await box.getAttribute('data-columns')), columns, `${name}: box columns`);
      }
      // The keyboard moves the selection down the table.
      await page.keyboard.press('ArrowDown');
      await page.locator('[data-testid="cnn-layers"][data-layer="max_pool_2"]').waitFor();
      await checkStep(page, 'cnn-architecture-2');

      // A phantom of the model's own task (seed 7, example 1: a haemorrhage) instead of a sample.
      await openRoute(page, app, `${LESSON}?step=1&model=resnet&slice=phantom&ph=1`);
      await inputReady(page, 'resnet');
      assert.match(await page.getByTestId('slice-status').innerText(), /Phantom example 1 .*haemorrhage/);
      const phantom = await prediction(page);
      assert.ok(Math.abs(phantom.sum - 1) < 1e-5, `ResNet probabilities sum to ${phantom.sum}`);
      console.log(
        `    cnn-architecture step 1: ResNet on phantom 7/1 (haemorrhage): p = ${phantom.values.join(', ')}`,
      );
      assert.ok(phantom.values[1] > 0.5, 'the ResNet finds the phantom’s haemorrhage');
      await checkStep(page, 'cnn-architecture-1-phantom');

      // Step 5: the quiz.
      await openRoute(page, app, `${LESSON}?step=5`);
      await page.getByTestId('quiz').waitFor();
      await checkStep(page, 'cnn-architecture-5');
    },
  },
];
