// Every route loads with its heading, no console error, no foreign request, and no serious or
// critical axe violation, in both languages; the catalogue and a lesson are photographed for the README.
import assert from 'node:assert/strict';
import { seriousAxeViolations } from './axe.mjs';

export const LESSON_IDS = [
  'radiology-images',
  'ai-ml-dl',
  'neurons',
  'convolution',
  'activation-pooling',
  'cnn-architecture',
  'backprop-sgd',
  'train-classifier',
  'transfer-learning',
  'off-the-shelf-features',
  'radiology-tasks',
  'pitfalls',
];

const ROUTES = [
  '#/',
  ...LESSON_IDS.map((id) => `#/lesson/${id}`),
  '#/zoo',
  '#/playground',
  '#/about',
  '#/no-such-page',
  '#/lesson/no-such-lesson',
];

/** Opens a route and waits for its h1 and for the compute backend to be ready (tfjs loaded). */
export async function openRoute(page, app, hash) {
  await page.goto(`${app.url}${hash}`);
  await page.locator('h1').first().waitFor();
  await page.locator('[data-testid="backend-indicator"][data-status="ready"]').waitFor({ timeout: 60_000 });
}

async function checkRoutes(page, app, lang) {
  await openRoute(page, app, '#/');
  await page.getByTestId(`lang-${lang}`).click();
  for (const hash of ROUTES) {
    await openRoute(page, app, hash);
    assert.equal(await page.locator('h1').count(), 1, `${hash}: one h1`);
    const violations = await seriousAxeViolations(page);
    assert.deepEqual(
      violations,
      [],
      `${hash} (${lang}): axe violations ${JSON.stringify(violations, null, 1)}`,
    );
  }
}

export const tests = [
  {
    name: 'every route loads cleanly and passes axe (English)',
    async run({ page, app }) {
      await checkRoutes(page, app, 'en');
    },
  },
  {
    name: 'every route loads cleanly and passes axe (简体中文)',
    async run({ page, app }) {
      await checkRoutes(page, app, 'zh');
    },
  },
  {
    name: 'catalogue lists the twelve lessons; unknown routes get a helpful page',
    async run({ page, app }) {
      await openRoute(page, app, '#/');
      for (const id of LESSON_IDS) await page.getByTestId(`lesson-card-${id}`).waitFor();
      assert.equal(await page.locator('[data-testid^="lesson-card-"]').count(), 12);
      await page.screenshot({ path: 'docs/screenshots/catalogue.png', fullPage: false });
      await openRoute(page, app, '#/no-such-page');
      const links = await page.locator('main a[href="#/"]').count();
      assert.ok(links >= 1, 'not-found page links back to the catalogue');
    },
  },
  {
    name: 'a lesson step renders (screenshot for the README)',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/ai-ml-dl?step=1');
      await page.getByTestId('lesson-step').waitFor();
      await page.screenshot({ path: 'docs/screenshots/lesson.png', fullPage: false });
    },
  },
];
