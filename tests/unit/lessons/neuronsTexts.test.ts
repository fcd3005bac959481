/**
 * Every text of the neurons lesson in both languages: the lesson (steps, notes, quiz), its widget
 * texts and parameter labels. Chinese is Simplified Chinese with full-width punctuation and no
 * stray Latin words; both languages have the same `{placeholders}`.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { neurons } from '../../../src/lessons/neurons/neurons';
import { neuronsMeta } from '../../../src/lessons/neurons/neuronsMeta';
import { ACTIVATION_NAMES, FEATURE_NAMES } from '../../../src/lessons/neurons/neuronsParams';
import {
  classifierTexts,
  mlpTexts,
  neuronTexts,
  permuteTexts,
  tx,
} from '../../../src/lessons/neurons/neuronsTexts';
import { collectLocalized, expectGoodLocalized, placeholders } from '../helpers/chineseText';

const sources: [string, unknown][] = [
  ['lesson', neurons],
  ['meta', neuronsMeta],
  ['activations', ACTIVATION_NAMES],
  ['features', FEATURE_NAMES],
  ['neuron', neuronTexts],
  ['classifier', classifierTexts],
  ['mlp', mlpTexts],
  ['permute', permuteTexts],
];
const texts: [string, Localized][] = sources.flatMap(([name, v]) => collectLocalized(v, name));

/** The widget texts with their placeholders filled by representative values. */
const filled: [string, Localized][] = [
  [
    'classifier.standardised',
    ['en', 'zh'].reduce(
      (o, l) => ({
        ...o,
        [l]: tx(classifierTexts.standardised, l as 'en', {
          m1: '−803.2 HU',
          s1: '31.4 HU',
          f2: FEATURE_NAMES.edgeDensity[l as 'en'],
          m2: '0.0213',
          s2: '0.0187',
          n: 160,
        }),
      }),
      {} as Localized,
    ),
  ],
  [
    'classifier.compareSummary',
    {
      en: tx(classifierTexts.compareSummary, 'en', {
        a0: '62.5%',
        a1: '73.8%',
        f2: FEATURE_NAMES.dotFilter.en,
        wrong: 42,
        n: 160,
      }),
      zh: tx(classifierTexts.compareSummary, 'zh', {
        a0: '62.5%',
        a1: '73.8%',
        f2: FEATURE_NAMES.dotFilter.zh,
        wrong: 42,
        n: 160,
      }),
    },
  ],
  [
    'permute.mlpDiff',
    {
      en: tx(permuteTexts.mlpDiff, 'en', { diff: '2.2×10⁻¹⁶' }),
      zh: tx(permuteTexts.mlpDiff, 'zh', { diff: '2.2×10⁻¹⁶' }),
    },
  ],
  [
    'permute.patchLabel',
    {
      en: tx(permuteTexts.patchLabel, 'en', { name: permuteTexts.shuffled.en, side: 64 }),
      zh: tx(permuteTexts.patchLabel, 'zh', { name: permuteTexts.shuffled.zh, side: 64 }),
    },
  ],
];

describe('neurons texts', () => {
  it('finds the texts', () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  it.each([...texts, ...filled])('%s follows the text rules in both languages', expectGoodLocalized);

  it('leaves no placeholder unfilled in the filled texts', () => {
    for (const [path, t] of filled) {
      expect(placeholders(t.en), path).toEqual([]);
      expect(placeholders(t.zh), path).toEqual([]);
    }
  });
});
