// The backprop-sgd lesson in a real browser: every step is walked (forward and backward passes node
// by node, the gradient check, SGD on the kernel, the optimizer race, mini-batch noise, the quiz),
// with zero console errors (the runner fails a test on any), a check that no English is left in
// 简体中文, and the two screenshots for the README (the backward pass and the optimizer race).
import assert from 'node:assert/strict';
import { openRoute } from './routes.e2e.mjs';
import { seriousAxeViolations } from './axe.mjs';

const LESSON = '#/lesson/backprop-sgd';
const hashParam = (page, key) =>
  page.evaluate((k) => new URLSearchParams(location.hash.split('?')[1] ?? '').get(k), key);

/** Clicks `testId` until it is disabled (at most `max` times), waiting for the node count each time. */
async function stepToEnd(page, testId, attr, max) {
  for (let i = 0; i < max; i++) {
    const button = page.getByTestId(testId);
    if (await button.isDisabled()) return;
    const before = await page.getByTestId('graph-walk').getAttribute(attr);
    await button.click();
    await page.waitForFunction(
      ([a, b]) => document.querySelector('[data-testid="graph-walk"]')?.getAttribute(a) !== b,
      [attr, before],
    );
  }
}

export const tests = [
  {
    name: 'backprop-sgd: forward and backward passes node by node, with KaTeX and a link that follows',
    async run({ page, app }) {
      await openRoute(page, app, `${LESSON}?step=1`);
      const walk = page.getByTestId('graph-walk');
      await walk.waitFor();
      assert.equal(await walk.getAttribute('data-node'), '0');
      await stepToEnd(page, 'walk-step', 'data-node', 10);
      assert.equal(await walk.getAttribute('data-node'), await walk.getAttribute('data-total'));
      assert.equal(await hashParam(page, 'node'), await walk.getAttribute('data-total'));
      assert.ok((await page.locator('[data-testid="walk-math"] .katex').count()) >= 1, 'KaTeX formula shown');
      assert.match(await page.getByTestId('walk-status').innerText(), /L = /);
      await page.getByTestId('walk-back').click();
      await page.waitForFunction(() => location.hash.includes('node=5'));

      // Step 2: the backward pass, one node at a time; the screenshot shows the chain rule mid-way.
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=2'));
      await walk.waitFor();
      for (let i = 0; i < 3; i++) {
        const before = await walk.getAttribute('data-node');
        await page.getByTestId('walk-step').click();
        await page.waitForFunction(
          (b) => document.querySelector('[data-testid="graph-walk"]')?.getAttribute('data-node') !== b,
          before,
        );
      }
      await page.waitForTimeout(500); // let the fade-in of the new numbers finish
      await walk.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/screenshots/backprop-backward.png', fullPage: false });
      const math = await page.getByTestId('walk-math').innerText();
      assert.ok(math.length > 10, 'chain-rule lines are written out');
      await stepToEnd(page, 'walk-step', 'data-node', 10);
      assert.equal(await page.getByTestId('walk-summary').locator('li').count(), 3);

      // A copied link reopens the same node in a fresh page.
      const link = await page.evaluate(() => location.href);
      const other = await page.context().newPage();
      await other.goto(link);
      await other.getByTestId('graph-walk').waitFor();
      assert.equal(await other.getByTestId('graph-walk').getAttribute('data-node'), '6');
      await other.close();

      // Step 3: two layers, forward then backward through the pass parameter.
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=3'));
      await stepToEnd(page, 'walk-step', 'data-node', 20);
      await page.getByTestId('param-pass').getByRole('radio').nth(1).check();
      await page.waitForFunction(() => location.hash.includes('pass=backward'));
      await page.getByTestId('walk-reset').click();
      await page.waitForFunction(() => location.hash.includes('node=0'));
      await stepToEnd(page, 'walk-step', 'data-node', 20);
      assert.equal(await walk.getAttribute('data-node'), '14');
    },
  },
  {
    name: 'backprop-sgd: gradient check, kernel SGD, optimizer race (screenshot), mini-batch noise, quiz',
    async run({ page, app }) {
      await openRoute(page, app, `${LESSON}?step=4&weight=w2&eps=-5`);
      await page.getByTestId('gradient-check').waitFor();
      assert.match(
        await page.getByTestId('check-verdict').innerText(),
        /Agreement to \d+ significant digits/,
      );
      await openRoute(page, app, `${LESSON}?step=4&weight=w2&eps=-12`);
      await page.getByTestId('gradient-check').waitFor();
      assert.match(await page.getByTestId('check-verdict').innerText(), /Poor agreement/);

      await openRoute(page, app, `${LESSON}?step=5`);
      await page.getByTestId('kernel-sgd').waitFor();
      for (let k = 1; k <= 3; k++) {
        await page.getByTestId('kernel-take').click();
        await page.waitForFunction((n) => location.hash.includes(`steps=${n}`), k);
      }
      assert.equal(await page.getByTestId('kernel-sgd').getAttribute('data-steps'), '3');
      assert.equal(await page.getByTestId('kernel-gradient').locator('g.heatmap-view__cell').count(), 9);

      for (const surface of ['rosenbrock', 'saddle', 'cnn', 'bowl']) {
        await openRoute(
          page,
          app,
          `${LESSON}?step=6&surface=${surface}&lr=-1&momentum=0.9&kappa=20&iters=150`,
        );
        const race = page.getByTestId('loss-race');
        await race.waitFor();
        await page.waitForFunction(
          () =>
            document.querySelectorAll('.contour-view__path').length === 5 &&
            document.querySelectorAll('.contour-view__bands path').length > 3,
        );
        assert.equal(await race.getAttribute('data-surface'), surface);
      }
      // Too large a learning rate: SGD diverges on the bowl.
      await openRoute(page, app, `${LESSON}?step=6&surface=bowl&lr=0.5&momentum=0.9&kappa=20&iters=150`);
      await page.getByTestId('loss-race').waitFor();
      assert.equal(await page.locator('[data-optimizer="sgd"]').getAttribute('data-status'), 'diverged');
      // The race for the screenshot: the bowl, κ = 20, animated to the end.
      await openRoute(page, app, `${LESSON}?step=6&surface=bowl&lr=-0.7&momentum=0.8&kappa=20&iters=120`);
      await page.getByTestId('loss-race').waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="loss-race"]')?.getAttribute('data-animating') === 'false',
        null,
        { timeout: 15_000 },
      );
      await page.locator('.loss-race__layout').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: 'docs/screenshots/optimizer-race.png', fullPage: false });

      await openRoute(page, app, `${LESSON}?step=7&at=trained&seed=3`);
      await page.getByTestId('minibatch').waitFor();
      assert.equal(await page.getByTestId('minibatch-table').locator('tbody tr').count(), 4);
      assert.equal(await page.getByTestId('batch-panel-256').locator('circle').count(), 200);

      await openRoute(page, app, `${LESSON}?step=8`);
      const quiz = page.getByTestId('quiz');
      await quiz.waitFor();
      const first = quiz.locator('[data-testid^="quiz-question-"]').first();
      const qid = (await first.getAttribute('data-testid')).replace('quiz-question-', '');
      await first.getByTestId(`quiz-input-${qid}`).fill('0');
      await first.getByTestId(`quiz-check-${qid}`).click();
      await page.getByTestId(`quiz-feedback-${qid}`).waitFor();
      assert.ok((await page.locator('[data-testid^="step-link-"]').count()) === 8);
    },
  },
  {
    name: 'backprop-sgd: every step passes axe and shows no English in 简体中文 (formulas excepted)',
    async run({ page, app }) {
      const allowed =
        /^(Radiology|CNN|Lab|English|wasm|WebGL|WebGPU|CPU|GPU|SIMD|AI|ML|DL|HU|DICOM|PNG|JPEG|ROC|AUC|SVM|MLP|ReLU|SGD|Adam|Grad|CAM|TinyVGG|LeNet|MobileNet|ResNet|Net|MedMNIST|SwiftShader|TensorFlow|js|tfjs|URL|ms|px|MB|KB|et|al|Insights|Imaging|Deep|learning|in|radiology|an|overview|of|the|concepts|and|a|survey|state|art|COOP|COEP|CT|MR|MRI|PET|X|Conv|Pool|ECG)$/;
      await openRoute(page, app, '#/');
      await page.getByTestId('lang-zh').click();
      for (let step = 1; step <= 8; step++) {
        await openRoute(page, app, `${LESSON}?step=${step}`);
        await page.getByTestId('lesson-step').waitFor();
        await page.waitForFunction(() => !document.querySelector('.widget-loading'));
        const violations = await seriousAxeViolations(page);
        assert.deepEqual(violations, [], `step ${step}: axe ${JSON.stringify(violations, null, 1)}`);
        const words = await page.evaluate(() => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            // KaTeX formulas are mathematical notation, not English.
            if (!el || el.closest('[lang="en"], script, style, .katex')) continue;
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || !el.getClientRects().length)
              continue;
            out.push(...(n.textContent.match(/[A-Za-z]{2,}/g) ?? []));
          }
          return out;
        });
        const english = [...new Set(words.filter((w) => !allowed.test(w)))];
        assert.deepEqual(english, [], `step ${step}: English words left in 简体中文`);
        // Formulas are MathML: their visible text (the TeX source in <annotation> aside) must not hold words either.
        const formulas = await page.evaluate(() =>
          [...document.querySelectorAll('.katex math')]
            .map((m) => {
              const copy = m.cloneNode(true);
              copy.querySelectorAll('annotation').forEach((a) => a.remove());
              return copy.textContent;
            })
            .join(' '),
        );
        const latin = [...new Set(formulas.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !allowed.test(w));
        assert.deepEqual(latin, [], `step ${step}: words inside formulas`);
      }
    },
  },
];
