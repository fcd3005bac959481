/**
 * The texts about models trained in the browser, on the zoo page and in the cnn-architecture
 * lesson, in both languages (functions filled with representative, Chinese-friendly values):
 * non-empty, the same placeholders, Chinese without stray English and with full-width punctuation;
 * and the small formatting helpers.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { userModelTexts } from '../../../src/lessons/cnn-architecture/userModelTexts';
import { metricOrDash, savedDate, userTexts } from '../../../src/ui/zoo/userModelTexts';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

type Both = { en: (...a: never[]) => string; zh: (...a: never[]) => string };

/** Representative arguments for each text function, by key (names and datasets as a learner might type them). */
const ARGS: Record<string, readonly unknown[]> = {
  facts: ['无结节、结节', 64, '2025-03-01'],
  metrics: ['0.912', '85 %'],
  windowKnown: ['−600 HU', '1500 HU'],
  assumedModelSpacing: ['0.7 mm'],
  trainedOn: ['结节体模'],
  optionLabel: ['结节模型'],
  trainedHere: ['结节体模'],
  savedFacts: ['2025-03-01', '0.912', '0.850'],
  inputFactsUnknownWindow: [28, '0.7', '19.6'],
  assumedSpacing: ['0.7'],
  imageWindow: ['0.5', '1', '0', '1'],
  stepLink: [3, '每一张特征图'],
};

function all(group: string, texts: Record<string, unknown>): [string, Localized][] {
  const out = collectLocalized(texts, group).filter(([, t]) => typeof t.en === 'string');
  for (const [key, t] of Object.entries(texts)) {
    const v = t as Partial<Both>;
    if (typeof v.en !== 'function' || typeof v.zh !== 'function') continue;
    const args = ARGS[key];
    expect(args, `${group}.${key}: no sample arguments`).toBeDefined();
    const call = (f: (...a: never[]) => string): string => f(...(args as never[]));
    out.push([`${group}.${key}`, { en: call(v.en), zh: call(v.zh) }]);
  }
  return out;
}

describe('texts about the learner’s models', () => {
  it('are good in both languages', () => {
    const texts = [...all('zoo', userTexts), ...all('lesson', userModelTexts)];
    expect(texts.length).toBeGreaterThan(30);
    for (const [path, text] of texts) expectGoodLocalized(path, text);
  });

  it('formats dates and missing figures', () => {
    expect(savedDate('2025-03-01T10:00:00.000Z')).toBe('2025-03-01');
    expect(savedDate('yesterday')).toBe('yesterday');
    expect(metricOrDash(null, String)).toBe('—');
    expect(metricOrDash(Number.NaN, String)).toBe('—');
    expect(metricOrDash(0.5, (v) => v.toFixed(2))).toBe('0.50');
  });
});
