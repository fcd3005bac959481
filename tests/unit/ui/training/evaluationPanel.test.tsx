// @vitest-environment jsdom
/**
 * The evaluation panel on a hand-made evaluation of ten images (numbers worked by hand below):
 * the confusion matrix, the figures at a threshold, the prevalence slider (Bayes), the ROC handle
 * and the Youden button in step with the threshold fields, the gallery of exactly the false
 * positives and negatives (and Grad-CAM on demand), multi-class one-vs-rest, a split with one
 * class, Chinese without stray English, and accessible names (axe).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageDataset } from '../../../../src/core/datasets/imageDataset';
import type { Lang, Localized } from '../../../../src/core/lessons/types';
import type { Evaluation, ExampleCam } from '../../../../src/core/training/trainingTypes';
import { camKey } from '../../../../src/ui/training/camKey';
import { EvaluationPanel } from '../../../../src/ui/training/EvaluationPanel';
import { galleryErrors } from '../../../../src/ui/training/ErrorGallery';
import * as texts from '../../../../src/ui/training/evaluationTexts';
import { expectGoodLocalized, strayLatinInPage } from '../../helpers/chineseText';

beforeAll(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(cleanup);

const SIZE = 4;
/** Twelve 4 × 4 images, image k filled with k / 12; labels set below for the evaluated ones. */
function dataset(labels: number[], names: Localized[]): ImageDataset {
  const count = labels.length;
  const images = new Float32Array(count * SIZE * SIZE);
  for (let k = 0; k < count; k++) images.fill(k / count, k * SIZE * SIZE, (k + 1) * SIZE * SIZE);
  return {
    size: SIZE,
    count,
    images,
    labels: Int32Array.from(labels),
    classNames: names,
    patientIds: null,
    presetSplit: null,
    spacingMm: null,
    source: { kind: 'folder', name: 'test' },
  };
}

const NAMES: Localized[] = [
  { en: 'no nodule', zh: '无结节' },
  { en: 'nodule', zh: '结节' },
];

// Rows: [dataset index, label, probability of "nodule"].
// Positives (label 1): 0.95, 0.80, 0.60, 0.30, 0.45 (P = 5); negatives: 0.70, 0.40, 0.20, 0.10, 0.35 (N = 5).
// At t = 0.5: TP 3 (0.95, 0.8, 0.6), FN 2 (0.3, 0.45), FP 1 (0.7), TN 4.
//   se = 3/5 = 60.0 %, sp = 4/5 = 80.0 %, PPV = 3/4 = 75.0 %, NPV = 4/6 = 66.7 %,
//   F1 = 2·3 / (2·3 + 1 + 2) = 66.7 %, accuracy = 7/10 = 70.0 %; sample prevalence 50.0 %.
// At prevalence 0.1 (Bayes): PPV = 0.06 / (0.06 + 0.2·0.9) = 25.0 %, NPV = 0.72 / (0.72 + 0.4·0.1) = 94.7 %,
//   accuracy = 0.06 + 0.72 = 78.0 %.
// AUC: pairs positive > negative: 0.95 → 5, 0.8 → 5, 0.6 → 4, 0.45 → 4, 0.3 → 2; 20 / 25 = 0.800.
// Youden: J = tpr − fpr is largest (0.8 − 0.2 = 0.6) at t = 0.45 → TP 4, FN 1, FP 1, TN 4: se = sp = 80.0 %.
const ROWS: [number, number, number][] = [
  [2, 1, 0.95],
  [3, 1, 0.8],
  [5, 0, 0.7],
  [6, 1, 0.6],
  [7, 0, 0.4],
  [8, 1, 0.3],
  [9, 0, 0.2],
  [10, 0, 0.1],
  [11, 0, 0.35],
  [0, 1, 0.45],
];

function binaryCase(): { evaluation: Evaluation; data: ImageDataset } {
  const labels = new Array<number>(12).fill(0);
  for (const [k, l] of ROWS) labels[k] = l;
  const probabilities = new Float32Array(ROWS.length * 2);
  ROWS.forEach(([, , p], i) => {
    probabilities[2 * i] = 1 - p;
    probabilities[2 * i + 1] = p;
  });
  return {
    evaluation: {
      split: 'validation',
      indices: Int32Array.from(ROWS.map((r) => r[0])),
      labels: Int32Array.from(ROWS.map((r) => r[1])),
      probabilities,
      classes: 2,
    },
    data: dataset(labels, NAMES),
  };
}

function renderPanel(lang: Lang = 'en', cams: Record<string, ExampleCam> = {}) {
  const { evaluation, data } = binaryCase();
  const onGradCam = vi.fn();
  const onEvaluate = vi.fn();
  const view = render(
    <EvaluationPanel
      evaluation={evaluation}
      dataset={data}
      cams={cams}
      lang={lang}
      onEvaluate={onEvaluate}
      onGradCam={onGradCam}
    />,
  );
  return { ...view, onGradCam, onEvaluate, evaluation, data };
}

const stat = (key: string): string => screen.getByTestId(`stat-${key}`).textContent ?? '';

describe('EvaluationPanel (binary)', () => {
  it('confusion matrix: counts and row shares at threshold 0.5', () => {
    renderPanel();
    const cell = (t: number, p: number) => screen.getByTestId(`cm-${t}-${p}`);
    expect([cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)].map((c) => c.getAttribute('data-count'))).toEqual(
      ['4', '1', '2', '3'],
    );
    expect(cell(0, 0).textContent).toBe('480 %');
    expect(cell(1, 0).textContent).toBe('240 %');
    const table = screen.getByTestId('confusion-matrix');
    expect(within(table).getByText(/At threshold 0\.500/)).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Predicted class' })).toBeTruthy();
  });

  it('figures at the threshold, checked by hand', () => {
    renderPanel();
    expect(stat('sensitivity')).toBe('60 %');
    expect(stat('specificity')).toBe('80 %');
    expect(stat('ppv')).toBe('75 %');
    expect(stat('npv')).toBe('66.7 %');
    expect(stat('f1')).toBe('66.7 %');
    expect(stat('accuracy')).toBe('70 %');
    expect(screen.getByTestId('threshold-counts').textContent).toContain(
      'true positives 3, false positives 1, true negatives 4, false negatives 2',
    );
    expect(screen.getByTestId('prevalence-note').textContent).toBe('This sample’s prevalence is 50 %.');
    // AUC 0.800 in the chart and in the text.
    expect(Number(screen.getByTestId('roc-view').getAttribute('data-auc'))).toBeCloseTo(0.8, 12);
    expect(screen.getByTestId('roc-auc').textContent).toContain('AUC 0.800');
  });

  it('the prevalence slider changes PPV and NPV as Bayes says, and says so', () => {
    renderPanel();
    fireEvent.change(screen.getByTestId('prevalence-slider'), { target: { value: '0.1' } });
    expect(stat('sensitivity')).toBe('60 %');
    expect(stat('specificity')).toBe('80 %');
    const se = 0.6;
    const sp = 0.8;
    const p = 0.1;
    expect(Number(screen.getByTestId('stat-ppv').getAttribute('data-value'))).toBeCloseTo(
      (se * p) / (se * p + (1 - sp) * (1 - p)),
      12,
    );
    expect(stat('ppv')).toBe('25 %');
    expect(stat('npv')).toBe('94.7 %');
    expect(stat('accuracy')).toBe('78 %');
    expect(screen.getByTestId('prevalence-note').textContent).toContain(
      'prevalence of 10 %, not this sample’s 50 %',
    );
    fireEvent.click(screen.getByTestId('prevalence-reset'));
    expect(stat('ppv')).toBe('75 %');
  });

  it('threshold fields, the ROC handle and the Youden button move together', () => {
    renderPanel();
    fireEvent.change(screen.getByTestId('threshold-number'), { target: { value: '0.65' } });
    // t = 0.65: TP 2 (0.95, 0.8), FP 1 (0.7): se 40.0 %.
    expect(stat('sensitivity')).toBe('40 %');
    expect(screen.getByTestId('roc-handle').getAttribute('aria-valuenow')).toBe('0.65');
    // Arrow down on the handle: from the point of 0.7 to the next lower score, 0.6.
    const handle = screen.getByTestId('roc-handle');
    act(() => {
      handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    // Scores are Float32: 0.6 is 0.60000002384…; the number field shows it rounded to 4 decimals.
    expect(Number((screen.getByTestId('threshold-slider') as HTMLInputElement).value)).toBe(Math.fround(0.6));
    expect((screen.getByTestId('threshold-number') as HTMLInputElement).value).toBe('0.6');
    expect(stat('sensitivity')).toBe('60 %');
    expect(handle.getAttribute('aria-valuetext')).toBe('threshold 0.600: sensitivity 60 %, specificity 80 %');
    fireEvent.click(screen.getByTestId('threshold-youden'));
    expect(screen.getByTestId('roc-handle').getAttribute('aria-valuenow')).toBe('0.44999998807907104');
    expect(stat('sensitivity')).toBe('80 %');
    expect(stat('specificity')).toBe('80 %');
    expect(screen.getByTestId('youden-note').textContent).toContain('largest (0.600) at threshold 0.450');
    // The PR operating point follows: t ≈ 0.45 → recall 4/5, precision 4/5.
    const point = screen.getByTestId('pr-point');
    expect(Number(point.getAttribute('data-recall'))).toBeCloseTo(0.8, 12);
    expect(Number(point.getAttribute('data-precision'))).toBeCloseTo(0.8, 12);
  });

  it('the gallery lists exactly the false positives and negatives, most confident first', async () => {
    const { onGradCam, evaluation, rerender, data } = renderPanel();
    const items = (key: string) =>
      within(screen.getByTestId(`gallery-${key}`))
        .queryAllByTestId('gallery-item')
        .map((li) => Number(li.getAttribute('data-index')));
    // FP: the negative at 0.7 (dataset index 5). FN: 0.30 (index 8), then 0.45 (index 0).
    expect(items('fp')).toEqual([5]);
    expect(items('fn')).toEqual([8, 0]);
    const scores = Float32Array.from(ROWS.map((r) => r[2]));
    const errs = galleryErrors(scores, Uint8Array.from(ROWS.map((r) => r[1])), 0.5);
    expect(errs.falsePositives.map((r) => evaluation.indices[r])).toEqual([5]);
    expect(
      screen.getAllByRole('img', { name: /Image 8, truly “nodule”: probability of “nodule” 0\.300/ }),
    ).toHaveLength(1);
    fireEvent.click(screen.getByTestId('gallery-gradcam'));
    expect(onGradCam).toHaveBeenCalledWith([5, 8, 0], 1, 'grad-cam');
    await act(async () => {});
    // Grad-CAM maps that are zero everywhere (as a small flatten-dense network can give) are said to be.
    const cams: Record<string, ExampleCam> = {};
    for (const index of [5, 8, 0])
      cams[camKey(index, 1, 'grad-cam')] = {
        index,
        classIndex: 1,
        method: 'grad-cam',
        map: new Float32Array(SIZE * SIZE).fill(index === 8 ? 0 : 0.5),
        layer: 'conv',
      };
    rerender(
      <EvaluationPanel evaluation={evaluation} dataset={data} cams={cams} lang="en" onGradCam={onGradCam} />,
    );
    expect(screen.getAllByTestId('gallery-cam')).toHaveLength(3);
    expect(screen.queryByTestId('gallery-gradcam')).toBeNull();
    expect(screen.getByTestId('gallery-cam-zero').getAttribute('data-count')).toBe('1');
    // HiResCAM is a second set of maps: choosing it asks for them, and shows them once there.
    fireEvent.click(screen.getByTestId('gallery-method-hires-cam'));
    expect(screen.queryAllByTestId('gallery-cam')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('gallery-gradcam'));
    expect(onGradCam).toHaveBeenLastCalledWith([5, 8, 0], 1, 'hires-cam');
    await act(async () => {});
    cams[camKey(5, 1, 'hires-cam')] = { ...cams[camKey(5, 1, 'grad-cam')]!, method: 'hires-cam' };
    rerender(
      <EvaluationPanel
        evaluation={evaluation}
        dataset={data}
        cams={{ ...cams }}
        lang="en"
        onGradCam={onGradCam}
      />,
    );
    expect(screen.getAllByTestId('gallery-cam')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /Image 5 with the HiResCAM map/ })).toBeTruthy();
    fireEvent.click(screen.getByTestId('gallery-method-grad-cam'));
    fireEvent.click(screen.getByTestId('gallery-cam-toggle'));
    expect(screen.queryAllByTestId('gallery-cam')).toHaveLength(0);
  });

  it('choosing the other class as positive mirrors the figures', () => {
    renderPanel();
    fireEvent.click(screen.getByTestId('eval-class-0'));
    // Positive "no nodule", score = 1 − p; called when 1 − p ≥ 0.5, i.e. p ≤ 0.5: rows with p 0.4, 0.3, 0.2,
    // 0.1, 0.35, 0.45 → TP 4 (negatives 0.4, 0.2, 0.1, 0.35), FP 2 (0.3, 0.45), FN 1 (0.7), TN 3.
    expect(stat('sensitivity')).toBe('80 %');
    expect(stat('specificity')).toBe('60 %');
    expect(screen.getByTestId('cm-0-0').getAttribute('data-count')).toBe('4');
  });

  it('asks for an evaluation of the chosen split', () => {
    const { onEvaluate } = renderPanel();
    fireEvent.click(screen.getByTestId('eval-split-test'));
    expect(onEvaluate).toHaveBeenLastCalledWith('test');
    fireEvent.click(screen.getByTestId('evaluate'));
    expect(onEvaluate).toHaveBeenCalledTimes(2);
  });

  it('Chinese: no stray English on the page', () => {
    const { container } = renderPanel('zh');
    expect(strayLatinInPage(container)).toEqual([]);
    expect(stat('ppv')).toBe('75 %');
  });

  it('accessible names: axe finds no violations', async () => {
    const { container } = renderPanel();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});

describe('EvaluationPanel (other cases)', () => {
  it('multi-class: argmax confusion matrix and one-vs-rest figures', () => {
    // Three classes; rows (label, probabilities): argmax predictions 0, 1, 2, 1, 2, 2.
    const rows: [number, number[]][] = [
      [0, [0.7, 0.2, 0.1]],
      [0, [0.3, 0.6, 0.1]],
      [1, [0.1, 0.2, 0.7]],
      [1, [0.2, 0.5, 0.3]],
      [2, [0.1, 0.3, 0.6]],
      [2, [0.2, 0.2, 0.6]],
    ];
    const names: Localized[] = [
      { en: 'lung', zh: '肺' },
      { en: 'liver', zh: '肝' },
      { en: 'bone', zh: '骨' },
    ];
    const data = dataset(
      rows.map((r) => r[0]),
      names,
    );
    const evaluation: Evaluation = {
      split: 'test',
      indices: Int32Array.from(rows.map((_, i) => i)),
      labels: Int32Array.from(rows.map((r) => r[0])),
      probabilities: Float32Array.from(rows.flatMap((r) => r[1])),
      classes: 3,
    };
    render(
      <EvaluationPanel evaluation={evaluation} dataset={data} cams={{}} lang="en" onGradCam={() => {}} />,
    );
    const count = (t: number, p: number) => screen.getByTestId(`cm-${t}-${p}`).getAttribute('data-count');
    expect([count(0, 0), count(0, 1), count(1, 1), count(1, 2), count(2, 2)]).toEqual([
      '1',
      '1',
      '1',
      '1',
      '2',
    ]);
    expect(screen.getByText(/Argmax/)).toBeTruthy();
    // One vs rest for "liver" (class 1, the default): scores 0.2, 0.6, 0.2, 0.5, 0.3, 0.2; positives rows 2, 3.
    // At 0.5: called rows 1 (0.6, negative) and 3 (0.5, positive): TP 1, FP 1, FN 1, TN 3.
    expect(stat('sensitivity')).toBe('50 %');
    expect(stat('specificity')).toBe('75 %');
    expect(screen.getByText(/one vs rest/)).toBeTruthy();
  });

  it('a split with one class says the curves are undefined', () => {
    const { evaluation, data } = binaryCase();
    const allNegative = { ...evaluation, labels: new Int32Array(10) };
    const labels = Array.from(data.labels).map(() => 0);
    render(
      <EvaluationPanel
        evaluation={allNegative}
        dataset={{ ...data, labels: Int32Array.from(labels) }}
        cams={{}}
        lang="en"
        onGradCam={() => {}}
      />,
    );
    expect(screen.getByTestId('eval-one-class').textContent).toContain('only “nodule” images or none');
    expect(screen.queryByTestId('roc-view')).toBeNull();
  });

  it('no evaluation yet: the button and the hint', () => {
    const onEvaluate = vi.fn();
    render(
      <EvaluationPanel
        evaluation={null}
        dataset={null}
        cams={{}}
        lang="en"
        onEvaluate={onEvaluate}
        onGradCam={() => {}}
      />,
    );
    expect(screen.getByText(/No evaluation yet/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('evaluate'));
    expect(onEvaluate).toHaveBeenCalledWith('validation');
  });
});

describe('evaluation texts', () => {
  type Text = { en: unknown; zh: unknown };
  it('every text: both languages, same placeholders, Chinese rules', () => {
    let checked = 0;
    const check = (path: string, v: unknown): void => {
      const t = v as Partial<Text>;
      if (typeof t.en === 'string' && typeof t.zh === 'string') {
        expectGoodLocalized(path, { en: t.en, zh: t.zh });
        checked++;
      } else if (typeof t.en === 'function' && typeof t.zh === 'function') {
        const fEn = t.en as (...a: unknown[]) => string;
        const fZh = t.zh as (...a: unknown[]) => string;
        // Representative arguments: a formatted number and a count, alternately.
        const args = Array.from({ length: fEn.length }, (_, i) => (i % 2 ? 3 : '0.5'));
        const en = fEn(...args);
        const zh = fZh(...args);
        expectGoodLocalized(path, { en, zh });
        checked++;
      } else if (typeof v === 'object' && v !== null) {
        for (const [k, w] of Object.entries(v)) check(`${path}.${k}`, w);
      }
    };
    for (const [group, values] of Object.entries(texts)) if (typeof values === 'object') check(group, values);
    expect(checked).toBeGreaterThan(80);
  });
});
