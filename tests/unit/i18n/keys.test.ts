import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { detectLanguage } from '../../../src/i18n/languageStore';
import { fillPlaceholders, translate } from '../../../src/i18n/translate';
import { zh } from '../../../src/i18n/zh';
import {
  collectLocalized,
  expectGoodLocalized,
  halfWidthPunctuation,
  isLocalized,
  placeholders,
  strayLatin,
} from '../helpers/chineseText';
import { nestedSetsTexts } from '../../../src/lessons/ai-ml-dl/nestedSetsTexts';
import { huScaleTexts } from '../../../src/lessons/radiology-images/huScaleTexts';
import { windowMathTexts } from '../../../src/lessons/radiology-images/windowMathTexts';
import { monochromeTexts } from '../../../src/lessons/radiology-images/monochromeTexts';
import * as backpropTexts from '../../../src/lessons/backprop-sgd/backpropSgdTexts';
import { catalogue } from '../../../src/lessons/catalogue';
import { loadAllLessons } from '../../../src/lessons/lessonRegistry';

/** Strings allowed to read the same in both languages (the brand). */
const SAME_IN_BOTH = new Set(['app.brand']);

/** The `{ en, zh }` string pairs of a texts object (its function-valued texts are filled in separately). */
function staticTexts(texts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(texts).filter(
      ([, v]) => isLocalized(v) && typeof v.en === 'string' && typeof v.zh === 'string',
    ),
  );
}

describe('UI dictionaries', () => {
  const enKeys = Object.keys(en).sort();
  const zhKeys = Object.keys(zh).sort();

  it('have the same keys in English and Chinese', () => {
    expect(zhKeys).toEqual(enKeys);
  });

  it.each(enKeys)('%s is non-empty in both languages, with the same placeholders', (key) => {
    const e = (en as Record<string, string>)[key];
    const z = (zh as Record<string, string>)[key];
    expect(e?.trim()).toBeTruthy();
    expect(z?.trim()).toBeTruthy();
    expect(placeholders(z ?? '')).toEqual(placeholders(e ?? ''));
    if (!SAME_IN_BOTH.has(key)) expect(z).not.toBe(e);
  });

  it.each(enKeys)('%s in Chinese has no stray English words', (key) => {
    expect(strayLatin((zh as Record<string, string>)[key] ?? '')).toEqual([]);
  });

  it.each(enKeys)('%s in Chinese uses full-width punctuation', (key) => {
    expect(halfWidthPunctuation((zh as Record<string, string>)[key] ?? '')).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'lesson.stepOf', { n: 2, total: 5 })).toBe('Step 2 of 5');
    expect(translate('zh', 'lesson.stepOf', { n: 2, total: 5 })).toBe('第 2 步\uff0c共 5 步');
    expect(fillPlaceholders('{a} of {b} ({c})', { a: 2, b: 'five' })).toBe('2 of five ({c})');
    expect(fillPlaceholders('{a} stays')).toBe('{a} stays');
  });

  it('detects the start language', () => {
    expect(detectLanguage(null, 'zh-CN')).toBe('zh');
    expect(detectLanguage(null, 'zh-Hant-TW')).toBe('zh');
    expect(detectLanguage(null, 'en-GB')).toBe('en');
    expect(detectLanguage(null, undefined)).toBe('en');
    expect(detectLanguage('en', 'zh-CN')).toBe('en');
    expect(detectLanguage('garbage', 'fr')).toBe('en');
  });
});

const lessonRegistry = await loadAllLessons();

describe('lesson texts', () => {
  const sources: [string, unknown][] = [
    ...Object.entries(lessonRegistry).map(([id, l]): [string, unknown] => [`lesson:${id}`, l]),
    ['catalogue', catalogue.map(({ id, title, summary }) => ({ id, title, summary }))],
    ['widget:nested-sets', nestedSetsTexts],
    ['widget:hu-scale', staticTexts(huScaleTexts)],
    ['widget:window-math', staticTexts(windowMathTexts)],
    ['widget:monochrome', staticTexts(monochromeTexts)],
    // Texts made by functions, filled with representative values.
    [
      'widget:radiology-images (filled)',
      {
        huResult: {
          en: huScaleTexts.result.en(0.2059, 0, 'Water'),
          zh: huScaleTexts.result.zh(0.2059, 0, '水'),
        },
        huRefs: { en: huScaleTexts.refs.en(0.2059, 0.000226), zh: huScaleTexts.refs.zh(0.2059, 0.000226) },
        levels: { en: windowMathTexts.levels.en(32), zh: windowMathTexts.levels.zh(32) },
        probe: {
          en: monochromeTexts.probe.en({ row: 256, column: 128, value: '778', grey2: 8, grey1: 247 }),
          zh: monochromeTexts.probe.zh({ row: 256, column: 128, value: '778', grey2: 8, grey1: 247 }),
        },
      },
    ],
    ['widget:backprop-sgd', backpropTexts],
  ];
  const texts = sources.flatMap(([name, v]) => collectLocalized(v, name));

  it('finds the lesson texts', () => {
    expect(texts.length).toBeGreaterThan(50);
  });

  it.each(texts)('%s follows the text rules in both languages', expectGoodLocalized);
});
