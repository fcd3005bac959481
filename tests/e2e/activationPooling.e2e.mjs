// The activation-pooling lesson end to end: activations on a live feature map, a pooling window
// stepped through, the translation-invariance experiment computed in the page (its numbers printed
// for the notes), axe and a screenshot of every step.
import assert from 'node:assert/strict';
import { checkStep } from './neurons.e2e.mjs';
import { openRoute } from './routes.e2e.mjs';

const LESSON = '#/lesson/activation-pooling';
const ready = (page, id) =>
  page.locator(`[data-testid="${id}"][data-status="ready"]`).waitFor({ timeout: 60_000 });

export const tests = [
  {
    name: 'activation-pooling: activations, pooling step-through, translation experiment; screenshots',
    async run({ page, app }) {
      // Step 1: ReLU zeroes every negative value; the probe at x = −3 reads f = 0, f' = 0.
      await openRoute(page, app, `${LESSON}?step=1&fn=relu&x=-3`);
      await ready(page, 'activation-explorer');
      const act = page.getByTestId('activation-explorer');
      const zeroed = Number(await act.getAttribute('data-zeroed'));
      const negative = Number(await act.getAttribute('data-negative'));
      // ReLU outputs 0 for every negative input (and for inputs that are already 0).
      assert.ok(zeroed >= negative && negative > 0, `zeroed ${zeroed}, negative ${negative}`);
      const probe = page.getByTestId('activation-probe');
      assert.equal(Number(await probe.getAttribute('data-f')), 0);
      assert.equal(Number(await probe.getAttribute('data-d')), 0);
      await openRoute(page, app, `${LESSON}?step=1&fn=sigmoid&x=0`);
      await ready(page, 'activation-explorer');
      assert.equal(Number(await page.getByTestId('activation-probe').getAttribute('data-d')), 0.25);
      await checkStep(page, 'activation-pooling-1');

      // Step 2: max pooling; the window's output is the largest of its values.
      await openRoute(page, app, `${LESSON}?step=2&pool=max&size=2&stride=2`);
      await ready(page, 'pooling-explorer');
      const pool = page.getByTestId('pooling-explorer');
      const before = await pool.getAttribute('data-window');
      await page.getByTestId('pool-next').click();
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="pooling-explorer"]')?.dataset.window !== b,
        before,
      );
      const values = JSON.parse(await page.getByTestId('pool-window').getAttribute('data-values'));
      assert.equal(Number(await pool.getAttribute('data-output')), Math.max(...values.flat()));
      await checkStep(page, 'activation-pooling-2');

      // Step 3: the translation experiment, computed live; print its numbers.
      await openRoute(page, app, `${LESSON}?step=3&poolsize=2&shifts=12&dir=x`);
      await ready(page, 'shift-experiment');
      const shift = page.getByTestId('shift-experiment');
      const curves = JSON.parse(await shift.getAttribute('data-curves'));
      assert.deepEqual(
        curves.map((c) => c.id),
        ['conv', 'conv-pool', 'two-stage', 'global'],
      );
      for (const c of curves) {
        assert.equal(c.distances.length, 13);
        assert.equal(c.distances[0], 0, `${c.id}: no shift, no change`);
      }
      assert.equal(await page.locator('[data-testid="shift-plot"] g.line-plot-view__series').count(), 5);
      const fmt = (d) => (Number.isFinite(d) ? d.toFixed(3) : String(d));
      console.log('    translation experiment (chest CT nodule, 64×64 crop, pool 2, shifts along x):');
      console.log(`      shift      ${curves[0].distances.map((_, s) => String(s).padStart(6)).join('')}`);
      for (const c of curves)
        console.log(`      ${c.id.padEnd(10)} ${c.distances.map((d) => fmt(d).padStart(6)).join('')}`);
      await checkStep(page, 'activation-pooling-3');

      // Step 4: the quiz.
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=4'));
      await page.getByTestId('quiz').waitFor();
      await checkStep(page, 'activation-pooling-4');
    },
  },
];
