// The neurons lesson end to end: every step with its live numbers, a link that reopens the exact
// state, axe on every step, and a screenshot of each step for the notes (docs/screenshots/neurons-N.png).
import assert from 'node:assert/strict';
import { seriousAxeViolations } from './axe.mjs';
import { openRoute } from './routes.e2e.mjs';

const LESSON = '#/lesson/neurons';
const SHOTS = 'docs/screenshots';

/** Checks axe and photographs the step. */
export async function checkStep(page, name) {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `${name}: axe violations ${JSON.stringify(violations, null, 1)}`);
  await page.waitForTimeout(300); // let d3 transitions and images settle
  await page.getByTestId('lesson-step').screenshot({ path: `${SHOTS}/${name}.png` });
}

export const tests = [
  {
    name: 'neurons: every step live, numbers consistent, screenshots',
    async run({ page, app }) {
      // Step 1: one neuron. z = 1·0.5 + (−1)·1 + 0.5·2 + 0.25 = 0.75 with relu → 0.75.
      await openRoute(page, app, `${LESSON}?step=1&x1=0.5&x2=1&x3=2&w1=1&w2=-1&w3=0.5&b=0.25&act=relu`);
      const neuron = page.getByTestId('neuron-widget');
      await neuron.waitFor();
      assert.equal(Number(await neuron.getAttribute('data-z')), 0.75);
      assert.equal(Number(await neuron.getAttribute('data-y')), 0.75);
      await checkStep(page, 'neurons-1');

      // Step 2: the linear classifier on phantom-patch features; Fit writes weights into the URL.
      await openRoute(page, app, `${LESSON}?step=2`);
      await page
        .locator('[data-testid="classifier-widget"][data-state="ready"]')
        .waitFor({ timeout: 60_000 });
      await page.getByTestId('classifier-fit').click();
      await page.locator('[data-testid="classifier-live"][data-fitted="true"]').waitFor();
      const live = page.getByTestId('classifier-live');
      const acc = Number(await live.getAttribute('data-accuracy'));
      const counts = await Promise.all(
        ['tp', 'fp', 'tn', 'fn'].map(async (k) => Number(await live.getAttribute(`data-${k}`))),
      );
      assert.equal(
        counts.reduce((a, b) => a + b, 0),
        160,
      );
      assert.ok(Math.abs(acc - (counts[0] + counts[2]) / 160) < 1e-9, 'accuracy = (TP + TN) / N');
      // The comparison table holds the same fitted line for the shown feature (the blob filter by default).
      const shownRow = page.getByTestId('classifier-compare-dotFilter');
      assert.equal(Number(await shownRow.getAttribute('data-accuracy')), acc);
      const alone = Number(
        await page.getByTestId('classifier-compare-meanHuOnly').getAttribute('data-accuracy'),
      );
      console.log(
        `    neurons step 2: fitted line training accuracy ${(acc * 100).toFixed(1)} % on 160 patches (mean HU alone ${(alone * 100).toFixed(1)} %)`,
      );
      const hash = await page.evaluate(() => location.hash);
      assert.match(hash, /w1=-?\d/);
      await checkStep(page, 'neurons-2');

      // Step 3: parameter counts: an MLP with one hidden layer of 128 units on 64×64 = 4096·128 + 128 + 129·2.
      await openRoute(page, app, `${LESSON}?step=3&layers=1&u1=128`);
      const mlp = page.getByTestId('mlp-params-widget');
      await mlp.waitFor();
      assert.equal(Number(await mlp.getAttribute('data-mlp-patch')), 4096 * 128 + 128 + 128 * 2 + 2);
      await checkStep(page, 'neurons-3');

      // Step 4: permutation: the MLP output is unchanged; neighbour correlation collapses.
      await openRoute(page, app, `${LESSON}?step=4`);
      await page.getByTestId('permute-live').waitFor({ timeout: 60_000 });
      const p = page.getByTestId('permute-live');
      const corrOriginal = Number(await p.getAttribute('data-corr-original'));
      const corrShuffled = Number(await p.getAttribute('data-corr-shuffled'));
      const diff = Number(await p.getAttribute('data-mlp-max-diff'));
      assert.ok(corrOriginal > 0.5, `neighbour correlation of the slice ${corrOriginal}`);
      assert.ok(Math.abs(corrShuffled) < 0.1, `after permutation ${corrShuffled}`);
      assert.ok(diff < 1e-9, `MLP output difference ${diff}`);
      console.log(
        `    neurons step 4: neighbour correlation ${corrOriginal.toFixed(3)} → ${corrShuffled.toFixed(3)}; MLP max difference ${diff}`,
      );
      await checkStep(page, 'neurons-4');

      // Step 5: the quiz.
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=5'));
      await page.getByTestId('quiz').waitFor();
      await checkStep(page, 'neurons-5');
    },
  },
];
