// The lesson engine in a real browser: deep links, keyboard navigation, progress across reloads,
// the quiz, and the language switch.
import assert from 'node:assert/strict';
import { openRoute } from './routes.e2e.mjs';

const stepOf = (page) => page.getByTestId('lesson-page').getAttribute('data-step');

export const tests = [
  {
    name: 'a link with ?step=2 reopens step 2; arrows and buttons move and rewrite the link',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/ai-ml-dl?step=2');
      assert.equal(await stepOf(page), '2');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash.includes('step=3'));
      assert.equal(await stepOf(page), '3');
      await page.getByTestId('step-prev').click();
      await page.waitForFunction(() => location.hash.includes('step=2'));
      const link = await page.evaluate(() => location.href);
      // The copied link opens the same step in a fresh tab.
      const other = await page.context().newPage();
      await other.goto(link);
      await other.getByTestId('lesson-page').waitFor();
      assert.equal(await stepOf(other), '2');
      await other.close();
    },
  },
  {
    name: 'visited steps survive a reload and show on the catalogue',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/ai-ml-dl?step=1');
      await page.getByTestId('step-next').click();
      await page.waitForFunction(() => location.hash.includes('step=2'));
      await page.reload();
      await page.getByTestId('lesson-page').waitFor();
      assert.equal(await stepOf(page), '2');
      await openRoute(page, app, '#/');
      const progress = await page
        .getByTestId('lesson-card-ai-ml-dl')
        .getByTestId('lesson-progress')
        .innerText();
      assert.match(progress, /^2 of 5 steps/, `catalogue progress: ${progress}`);
      await page.reload();
      await page.getByTestId('lesson-card-ai-ml-dl').waitFor();
      assert.equal(
        await page.getByTestId('lesson-card-ai-ml-dl').getByTestId('lesson-progress').innerText(),
        progress,
      );
    },
  },
  {
    name: 'the quiz gives immediate feedback with an explanation; the result is kept and shown on the catalogue',
    async run({ page, app }) {
      await openRoute(page, app, '#/lesson/ai-ml-dl');
      const quiz = page.getByTestId('quiz');
      // Walk forward to the first step that holds a quiz.
      for (let i = 0; i < 10 && !(await quiz.count()); i++) {
        await page.getByTestId('step-next').click();
        await page.waitForTimeout(50);
      }
      await quiz.waitFor();
      const first = quiz.locator('[data-testid^="quiz-question-"]').first();
      const qid = (await first.getAttribute('data-testid')).replace('quiz-question-', '');
      const option = first.locator('[data-testid^="quiz-option-"]').first();
      if (await option.count()) await option.check();
      else await first.getByTestId(`quiz-input-${qid}`).fill('1');
      await first.getByTestId(`quiz-check-${qid}`).click();
      const feedback = page.getByTestId(`quiz-feedback-${qid}`);
      await feedback.waitFor();
      const text = await feedback.innerText();
      assert.ok(text.trim().length > 20, `feedback with an explanation: ${text}`);
      await page.reload();
      await page.getByTestId('quiz').waitFor();
      await openRoute(page, app, '#/');
      const progress = await page
        .getByTestId('lesson-card-ai-ml-dl')
        .getByTestId('lesson-progress')
        .innerText();
      assert.match(progress, /quiz|测验/i, `quiz result on the catalogue: ${progress}`);
    },
  },
  {
    name: 'the language switch changes every visible string (no English left in 简体中文)',
    async run({ page, app }) {
      // Words allowed to stay Latin in Chinese text: the brand, technical names and abbreviations.
      const allowed =
        /^(Radiology|CNN|Lab|English|wasm|WebGL|WebGPU|CPU|GPU|SIMD|AI|ML|DL|HU|DICOM|PNG|JPEG|ROC|AUC|SVM|MLP|ReLU|SGD|Adam|Grad|CAM|TinyVGG|LeNet|MobileNet|ResNet|Net|MedMNIST|SwiftShader|TensorFlow|js|tfjs|URL|ms|px|MB|KB|et|al|Insights|Imaging|Deep|learning|in|radiology|an|overview|of|the|concepts|and|a|survey|state|art|COOP|COEP|CT|MR|MRI|PET|X|Conv|Pool|ECG|MONOCHROME|PS|VR|UID|cm|keV|NIST|XCOM|Buzug|Prokop|Galanski|DenOtter|Schubert|Brant|Helms|T1|T2|TR|TE|ELU|GELU|Sobel|Prewitt|tanh|sigmoid|max|exp|erf|U|VGG|Explainer|FLOPs|FLOP|MFLOP|kFLOP|PSNR|dB|Dice|softmax|logit|logits|mm|LeCun|Howard|Ronneberger|Selvaraju|Vincent|Gondara|Araujo|He|Wang|zip|npz|PPV|NPV|TP|TN|FP|FN|ln|Altman|Bland|Hanley|McNeil|Guo|Goodfellow|Shorten|Khoshgoftaar|Yang|Yagis|OCT|HE|HiResCAM|Draelos|Carin)$/;
      for (const hash of [
        '#/',
        '#/lesson/ai-ml-dl?step=1',
        '#/lesson/ai-ml-dl?step=2',
        '#/lesson/radiology-images?step=1',
        '#/lesson/radiology-images?step=2',
        '#/lesson/radiology-images?step=3',
        '#/lesson/radiology-images?step=4',
        '#/lesson/radiology-images?step=5',
        ...[1, 2, 3, 4, 5].map((n) => `#/lesson/neurons?step=${n}`),
        ...[1, 2, 3, 4, 5].map((n) => `#/lesson/convolution?step=${n}`),
        ...[1, 2, 3, 4].map((n) => `#/lesson/activation-pooling?step=${n}`),
        ...[1, 2, 3, 4, 5].map((n) => `#/lesson/cnn-architecture?step=${n}`),
        // Every step of train-classifier renders without training (steps 3–8 ask for data or a model).
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `#/lesson/train-classifier?step=${n}`),
        '#/zoo',
        '#/playground',
        '#/about',
        '#/nope',
      ]) {
        await openRoute(page, app, hash);
        if (hash === '#/') await page.getByTestId('lang-zh').click();
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        // Widgets that load a sample: wait until it is drawn (or failed), so its texts are checked too.
        await page.waitForFunction(
          () =>
            !document.querySelector(
              '.widget-loading, [data-status="loading"], [data-status="computing"], [data-state="loading"]',
            ),
          null,
          { timeout: 30_000 },
        );
        const words = await page.evaluate(() => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest('[lang="en"], script, style')) continue;
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || !el.getClientRects().length)
              continue;
            out.push(...(n.textContent.match(/[A-Za-z]{2,}/g) ?? []));
          }
          for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
            for (const attr of ['aria-label', 'title', 'placeholder'])
              out.push(...((el.getAttribute(attr) ?? '').match(/[A-Za-z]{2,}/g) ?? []));
          }
          return out;
        });
        const english = [...new Set(words.filter((w) => !allowed.test(w)))];
        assert.deepEqual(english, [], `${hash}: English words left after switching to 简体中文`);
      }
    },
  },
];
