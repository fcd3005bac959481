// The ai-ml-dl lesson end to end: every step, the classic classifier and the small CNN trained live
// in the page, the classic-vs-CNN table filled with measured numbers (photographed for the README),
// a link that reopens the classic step's exact state, and axe on every live step.
import assert from 'node:assert/strict';
import { seriousAxeViolations } from './axe.mjs';
import { openRoute } from './routes.e2e.mjs';

const SHOTS = 'docs/screenshots';
const PERCENT = /^\d{1,3}\.\d%$/;
const AUC = /^[01]\.\d{3}$/;

async function next(page, n) {
  await page.getByTestId('step-next').click();
  await page.waitForFunction(
    (s) => new URLSearchParams(location.hash.split('?')[1]).get('step') === s,
    String(n),
  );
}

async function noAxeViolations(page, where) {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `${where}: axe violations ${JSON.stringify(violations, null, 1)}`);
}

/** The cells of a table row as text, keyed by their data-cell attribute. */
async function rowCells(row) {
  return row.evaluate((tr) =>
    Object.fromEntries(
      [...tr.querySelectorAll('[data-cell]')].map((td) => [td.dataset.cell, td.textContent.trim()]),
    ),
  );
}

export const tests = [
  {
    name: 'walks every step: classic classifier and CNN trained live, the comparison table holds measured numbers',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/ai-ml-dl?step=1');
      await page.getByTestId('nested-sets-diagram').waitFor();

      // Step 2: hand-crafted features, scatter plot, classifier measured on the test patches.
      await next(page, 2);
      const results = page.getByTestId('classic-results');
      await results.waitFor({ timeout: 60_000 });
      const acc = await page.getByTestId('classic-accuracy').innerText();
      const auc = await page.getByTestId('classic-auc').innerText();
      assert.match(acc, PERCENT);
      assert.match(auc, AUC);
      assert.equal(await page.locator('[data-testid="classic-scatter"] path[data-cls]').count(), 200);
      await page.getByTestId('param-n').getByRole('radio', { name: '20', exact: true }).check();
      await page.waitForFunction(() => location.hash.includes('n=20'));
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="classic-scatter"] path[data-cls]').length === 20,
      );
      await page.getByTestId('param-clf').getByRole('radio', { name: 'Linear SVM' }).check();
      await page.waitForFunction(() => location.hash.includes('clf=svm'));
      assert.match(await page.getByTestId('classic-auc').innerText(), AUC);
      console.log(
        `    classic (mean HU + blob filter, logistic regression, 200 patches): accuracy ${acc}, AUC ${auc}`,
      );
      await noAxeViolations(page, 'step 2');

      // Step 3: the small CNN, trained in the page; learned filters beside the designed ones.
      await next(page, 3);
      await page.getByTestId('cnn-train').click();
      await page.getByTestId('cnn-progress').waitFor({ timeout: 60_000 });
      const cnnResults = page.getByTestId('cnn-results');
      await cnnResults.waitFor({ timeout: 180_000 });
      assert.match(await page.getByTestId('cnn-accuracy').innerText(), PERCENT);
      assert.match(await page.getByTestId('cnn-auc').innerText(), AUC);
      assert.equal(await page.getByTestId('learned-kernel').count(), 8);
      assert.equal(await page.getByTestId('hand-kernel').count(), 3);
      console.log(`    CNN step: ${await cnnResults.innerText()}`.replace(/\n+/g, ' | '));
      await noAxeViolations(page, 'step 3');

      // Step 4: the same defaults (200 patches, 10 epochs, seed 1): the CNN run of step 3 fills the table.
      await next(page, 4);
      const table = page.getByTestId('classic-vs-cnn-table');
      await table.waitFor({ timeout: 60_000 });
      const classic = await rowCells(table.getByTestId('row-classic'));
      const cnn = await rowCells(table.getByTestId('row-cnn'));
      for (const row of [classic, cnn]) {
        assert.match(row.accuracy, PERCENT, JSON.stringify(row));
        assert.match(row.auc, AUC, JSON.stringify(row));
        assert.match(row.params, /^[\d,]+$/);
        assert.equal(row.examples, '200');
        assert.match(row.time, /\d+(\.\d)? (ms|s)/);
      }
      console.log(`    table, classic: ${JSON.stringify(classic)}`);
      console.log(`    table, CNN:     ${JSON.stringify(cnn)}`);

      // Data needed: every training-set size, both methods.
      await page.getByTestId('sweep').click();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="runs-table"] tbody tr').length === 8,
        undefined,
        { timeout: 300_000 },
      );
      await page.getByTestId('sweep').waitFor({ timeout: 60_000 });
      const runs = await page
        .getByTestId('runs-table')
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()).join(' | ')));
      for (const r of runs) console.log(`    run: ${r}`);
      await noAxeViolations(page, 'step 4');
      await page
        .locator('[data-testid="comparison-widget"] .aimldl-panel')
        .screenshot({ path: `${SHOTS}/classic-vs-cnn.png` });

      // Step 5: the quiz's AUC question, answered with the tie rule (5 of 6 pairs).
      await next(page, 5);
      await page.getByTestId('quiz-input-auc-ties').fill('0.83');
      await page.getByTestId('quiz-check-auc-ties').click();
      assert.equal(await page.getByTestId('quiz-feedback-auc-ties').getAttribute('data-status'), 'correct');
    },
  },
  {
    name: 'a copied link reopens the classic step with its features, classifier, size and seed',
    async run({ page, app }) {
      await openRoute(
        page,
        app,
        '#/lesson/ai-ml-dl?step=2&fx=sdHu&fy=glcmContrast&inputs=all&clf=svm&n=50&seed=3',
      );
      await page.getByTestId('classic-results').waitFor({ timeout: 60_000 });
      assert.equal(await page.getByTestId('classic-feature-count').innerText(), '15');
      assert.equal(await page.locator('[data-testid="classic-scatter"] path[data-cls]').count(), 50);
      assert.ok(await page.getByTestId('param-clf').getByRole('radio', { name: 'Linear SVM' }).isChecked());
      assert.ok(
        await page.getByTestId('param-fx').getByRole('radio', { name: 'HU standard deviation' }).isChecked(),
      );
      const hash = await page.evaluate(() => location.hash);
      for (const part of ['fx=sdHu', 'fy=glcmContrast', 'inputs=all', 'clf=svm', 'n=50', 'seed=3']) {
        assert.ok(hash.includes(part), `${part} in ${hash}`);
      }
    },
  },
  {
    name: 'the live steps in 简体中文 show no English words',
    async run({ page, app }) {
      const allowed =
        /^(Radiology|CNN|Lab|English|wasm|WebGL|WebGPU|CPU|GPU|SIMD|AI|ML|DL|HU|DICOM|PNG|JPEG|ROC|AUC|SVM|MLP|ReLU|SGD|Adam|Grad|CAM|TinyVGG|LeNet|MobileNet|ResNet|Net|MedMNIST|SwiftShader|TensorFlow|js|tfjs|URL|ms|px|MB|KB|et|al|Insights|Imaging|Deep|learning|in|radiology|an|overview|of|the|concepts|and|a|survey|state|art|COOP|COEP|CT|MR|MRI|PET|X|Conv|Pool|ECG)$/;
      await openRoute(page, app, '#/');
      await page.getByTestId('lang-zh').click();
      for (const [step, ready] of [
        [2, 'classic-results'],
        [3, 'filter-gallery'],
        [4, 'classic-vs-cnn-table'],
      ]) {
        await openRoute(page, app, `#/lesson/ai-ml-dl?step=${step}`);
        await page.getByTestId(ready).waitFor({ timeout: 60_000 });
        const words = await page.getByTestId('lesson-step').evaluate((root) => {
          const out = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode())
            out.push(...(n.textContent.match(/[A-Za-z]{2,}/g) ?? []));
          for (const el of root.querySelectorAll('[aria-label]'))
            out.push(...(el.getAttribute('aria-label').match(/[A-Za-z]{2,}/g) ?? []));
          return out;
        });
        assert.deepEqual([...new Set(words.filter((w) => !allowed.test(w)))], [], `step ${step}`);
      }
    },
  },
];
