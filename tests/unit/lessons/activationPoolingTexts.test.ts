/**
 * Every text of the activation-pooling lesson and its widgets, in both languages: non-empty, the
 * same {placeholders} in both, and Chinese that follows the i18n rules (no stray English words,
 * full-width punctuation, Chinese characters). The findings of the translation experiment are
 * checked filled in, from a real run, since their sentences are assembled from computed numbers.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { runShiftExperiment, type ShiftExperimentOptions } from '../../../src/core/tensor/shiftExperiment';
import { activationPooling } from '../../../src/lessons/activation-pooling/activationPooling';
import { activationPoolingMeta } from '../../../src/lessons/activation-pooling/activationPoolingMeta';
import * as texts from '../../../src/lessons/activation-pooling/activationPoolingTexts';
import { findingTexts, shiftFindings } from '../../../src/lessons/activation-pooling/shiftFindings';
import { shiftTexts } from '../../../src/lessons/activation-pooling/shiftTexts';
import { collectLocalized, expectGoodLocalized, placeholders } from '../helpers/chineseText';

function findings(
  poolSize: number,
  maxShift: number,
  border: 'crop' | 'circular',
  image: 'noise' | 'uniform' | 'stripes' = 'noise',
): Localized[] {
  let s = 3;
  const data = new Float32Array(80 * 80);
  for (let k = 0; k < data.length; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[k] = image === 'noise' ? s / 2 ** 32 : image === 'uniform' ? 0.5 : (k % 80) % 4 < 2 ? 0.2 : 0.8;
  }
  const options: ShiftExperimentOptions = {
    image: { height: 80, width: 80, channels: 1, data },
    top: 20,
    left: 20,
    size: 32,
    maxShift,
    direction: image === 'stripes' ? 'y' : 'x',
    poolSize,
    border,
  };
  const f = shiftFindings(options, runShiftExperiment(options));
  const en = findingTexts(f, 'en');
  const zh = findingTexts(f, 'zh');
  expect(zh).toHaveLength(en.length);
  return en.map((e, i) => ({ en: e, zh: zh[i]! }));
}

const sources: [string, unknown][] = [
  ['lesson', activationPooling],
  ['meta', activationPoolingMeta],
  ['texts', texts],
  ['shiftTexts', shiftTexts],
  ['findings P=2', findings(2, 6, 'crop')],
  ['findings P=4 K=3 circular', findings(4, 3, 'circular')],
  ['findings, uniform crop', findings(2, 6, 'crop', 'uniform')],
  ['findings, stripes moving along themselves', findings(2, 6, 'crop', 'stripes')],
];
const all = sources.flatMap(([name, v]) => collectLocalized(v, name));

describe('activation-pooling texts', () => {
  it('finds the texts', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all)('%s follows the text rules in both languages', expectGoodLocalized);

  it('the findings have no unfilled placeholders and quote the paper only in English', () => {
    const f = findings(2, 6, 'crop');
    for (const t of [...f, ...findings(2, 6, 'crop', 'uniform'), ...findings(2, 6, 'crop', 'stripes')]) {
      expect(placeholders(t.en)).toEqual([]);
      expect(placeholders(t.zh)).toEqual([]);
    }
    expect(f.some((t) => t.en.includes('Azulay & Weiss 2019'))).toBe(true);
  });
});
