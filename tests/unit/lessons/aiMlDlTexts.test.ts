import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { FEATURE_NAMES } from '../../../src/lessons/ai-ml-dl/aiMlDlParams';
import {
  aiMlDlTexts,
  formatAuc,
  formatInt,
  formatMs,
  formatPercent,
} from '../../../src/lessons/ai-ml-dl/aiMlDlTexts';
import { fillPlaceholders } from '../../../src/i18n/translate';
import { expectChineseRules, placeholders } from '../helpers/chineseText';

const texts: [string, Localized][] = [
  ...Object.entries(aiMlDlTexts),
  ...Object.entries(FEATURE_NAMES).map(([k, v]): [string, Localized] => [`feature.${k}`, v]),
];

describe('ai-ml-dl widget texts', () => {
  it.each(texts)('%s: both languages, same placeholders, Chinese rules', (_key, t) => {
    expect(t.en.trim()).not.toBe('');
    expect(t.zh.trim()).not.toBe('');
    expect(placeholders(t.zh)).toEqual(placeholders(t.en));
    expectChineseRules(t.zh);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fillPlaceholders('{a} of {b} ({c})', { a: 2, b: 'five' })).toBe('2 of five ({c})');
  });

  it('formats numbers', () => {
    expect(formatPercent(0.755)).toBe('75.5%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatAuc(0.83333)).toBe('0.833');
    expect(formatAuc(Number.NaN)).toBe('—');
    expect(formatMs(0.84, 'en')).toBe('0.8 ms');
    expect(formatMs(123.4, 'en')).toBe('123 ms');
    expect(formatMs(3450, 'en')).toBe('3.5 s');
    expect(formatMs(3450, 'zh')).toBe('3.5 秒');
    expect(formatInt(1282)).toBe('1,282');
  });
});
