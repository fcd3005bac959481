import { describe, expect, it } from 'vitest';
import { WINDOW_PRESETS } from '../../../../src/core/imaging/display/windowPresets';
import { viewerText } from '../../../../src/ui/viewer/useViewerT';
import { viewerStrings } from '../../../../src/ui/viewer/viewerStrings';
import { expectChineseRules, hasChinese, placeholders } from '../../helpers/chineseText';

const en = viewerStrings.en as Record<string, string>;
const zh = viewerStrings.zh as Record<string, string>;
const keys = Object.keys(en).sort();

describe('viewer strings', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(keys);
  });

  it.each(keys)('%s: non-empty in both, same placeholders, translated', (key) => {
    expect(en[key]?.trim()).toBeTruthy();
    expect(zh[key]?.trim()).toBeTruthy();
    expect(placeholders(zh[key] ?? '')).toEqual(placeholders(en[key] ?? ''));
    expect(zh[key]).not.toBe(en[key]);
  });

  it.each(keys)('%s: Chinese has no stray English words and uses full-width punctuation', (key) => {
    const text = (zh[key] ?? '').replace(/\{\w+\}/g, '');
    expectChineseRules(text);
    expect(hasChinese(text)).toBe(true);
  });

  it('names every window preset in both languages', () => {
    for (const p of WINDOW_PRESETS) {
      expect(en[`preset.${p.id}`]).toBeTruthy();
      expect(zh[`preset.${p.id}`]).toBeTruthy();
    }
  });

  it('fills placeholders', () => {
    expect(viewerText('en', 'probe.position', { row: 3, column: 7 })).toBe('Row 3, column 7');
    expect(viewerText('zh', 'probe.position', { row: 3, column: 7 })).toBe('第 3 行，第 7 列');
    expect(viewerText('en', 'view.frameOf', { n: 1 })).toBe('Frame 1 of {total}');
  });
});
