import { describe, expect, it } from 'vitest';
import { WINDOW_PRESETS } from '../../../../src/core/imaging/display/windowPresets';
import { viewerText } from '../../../../src/ui/viewer/useViewerT';
import { viewerStrings } from '../../../../src/ui/viewer/viewerStrings';
import { ALLOWED_LATIN } from '../../i18n/allowedLatin';

const en = viewerStrings.en as Record<string, string>;
const zh = viewerStrings.zh as Record<string, string>;
const keys = Object.keys(en).sort();
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

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
    const stray = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.test(w));
    expect(stray).toEqual([]);
    expect(text.match(/[\u4e00-\u9fff][,:;?!(]|[,:;?!(][\u4e00-\u9fff]/g) ?? []).toEqual([]);
    expect(/[\u4e00-\u9fff]/.test(text)).toBe(true);
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
