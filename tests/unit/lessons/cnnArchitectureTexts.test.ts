/**
 * Every text of the cnn-architecture lesson (steps 1, 2 and 5, the step texts of 3 and 4, the meta,
 * the quiz and the widgets of steps 1 and 2) in both languages: non-empty, the same placeholders,
 * Chinese without stray English words and with full-width punctuation. Texts with numbers are filled
 * with representative arguments. Also: the lesson's shape and the numbers the step texts compute.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { LESSON_IDS } from '../../../src/core/lessons/lessonIds';
import { cnnArchitecture } from '../../../src/lessons/cnn-architecture/cnnArchitecture';
import { cnnArchitectureMeta } from '../../../src/lessons/cnn-architecture/cnnArchitectureMeta';
import * as stepTexts from '../../../src/lessons/cnn-architecture/cnnArchitectureTexts';
import { inputTexts, OUTPUT_TEXTS, TASK_TEXTS } from '../../../src/lessons/cnn-architecture/inputWidgetTexts';
import { LAYER_KIND_NAMES, layerTexts } from '../../../src/lessons/cnn-architecture/layerTableTexts';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

type Texts = Record<string, unknown>;

/** Each `{ en, zh }` of functions called with representative arguments (2, 3, 4, …). */
function filled(texts: Texts, name: string): [string, Localized][] {
  const out: [string, Localized][] = [];
  for (const [key, v] of Object.entries(texts)) {
    if (typeof v !== 'object' || v === null || !('en' in v) || !('zh' in v)) continue;
    const { en, zh } = v as { en: unknown; zh: unknown };
    if (typeof en !== 'function' || typeof zh !== 'function') continue;
    expect(zh.length, `${name}.${key}: same arguments`).toBe(en.length);
    const args = Array.from({ length: en.length }, (_, i) => i + 2);
    out.push([`${name}.${key}()`, { en: String(en(...args)), zh: String(zh(...args)) }]);
  }
  return out;
}

const strings = (v: unknown, name: string): [string, Localized][] =>
  collectLocalized(v, name).filter(([, t]) => typeof t.en === 'string' && typeof t.zh === 'string');

const all: [string, Localized][] = [
  ...strings(cnnArchitecture, 'lesson'),
  ...strings(cnnArchitectureMeta, 'meta'),
  ...strings(stepTexts, 'steps'),
  ...strings(inputTexts, 'input'),
  ...strings(TASK_TEXTS, 'tasks'),
  ...strings(OUTPUT_TEXTS, 'outputs'),
  ...strings(layerTexts, 'layers'),
  ...strings(LAYER_KIND_NAMES, 'kinds'),
  ...filled(inputTexts, 'input'),
  ...filled(layerTexts, 'layers'),
];

describe('cnn-architecture texts', () => {
  it('finds the texts', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all)('%s follows the text rules in both languages', expectGoodLocalized);

  it('is lesson 6 of DESIGN.md with five steps whose ids are stable, the quiz last', () => {
    expect(LESSON_IDS.indexOf('cnn-architecture')).toBe(5);
    expect(cnnArchitecture.steps.map((s) => s.id)).toEqual([
      'model-and-input',
      'layer-table',
      'feature-maps',
      'grad-cam',
      'quiz',
    ]);
    expect(cnnArchitecture.steps.map((s) => s.widget)).toEqual([
      'cnn-input',
      'cnn-layers',
      'cnn-feature-maps',
      'cnn-grad-cam',
      'text',
    ]);
    const ids = (i: number) => cnnArchitecture.steps[i]!.params.map((p) => p.id);
    for (const i of [0, 1, 2, 3])
      expect(ids(i).slice(0, 6)).toEqual(['model', 'slice', 'ph', 'cx', 'cy', 'um']);
    expect(ids(1).slice(6)).toEqual(['layer']);
    expect(ids(2).slice(6)).toEqual(['layer', 'unit']);
    expect(ids(3).slice(6)).toEqual(['cls', 'cam']);
    // The learner's own model (`um`) is hidden: only links and the widgets set it.
    for (const i of [0, 1, 2, 3]) expect(cnnArchitecture.steps[i]!.params[5]!.hidden).toBe(true);
    // Steps 1 and 2 show their own model select; 3 and 4 keep the generic control.
    expect(cnnArchitecture.steps.map((s) => s.params.find((p) => p.id === 'model')?.hidden ?? false)).toEqual(
      [true, true, false, false, false],
    );
    expect(cnnArchitecture.steps[4]!.quiz?.questions.length).toBeGreaterThanOrEqual(6);
    for (const s of cnnArchitecture.steps) expect(s.notes.en.length).toBeGreaterThan(100);
  });

  it('computes the numbers of step 2’s text: 3, 5, 7 for stacked 3×3 convs, 18 vs 25 weights, conv-pool-conv', () => {
    const body = stepTexts.layerStepTexts.body.en;
    expect(body).toContain('see 3, 5, 7 pixels');
    expect(body).toContain('with 18 instead of 25 weights');
    expect(body).toContain('adds 4 pixels instead of 2: conv, pool, conv gives 3 → 4 → 8');
  });
});
