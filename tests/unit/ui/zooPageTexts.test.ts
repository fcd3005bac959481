/**
 * Every text of the `#/zoo` page in both languages (texts with numbers filled with representative
 * values): non-empty, the same placeholders, Chinese without stray English and with full-width
 * punctuation.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import {
  cardTexts,
  KIND_NAMES,
  resultTexts,
  runTexts,
  speedTexts,
  TASK_NAMES,
} from '../../../src/ui/zoo/zooPageTexts';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

type Both = { en: (...a: never[]) => string; zh: (...a: never[]) => string };

/** Representative arguments for each text function, by key. */
const ARGS: Record<string, readonly unknown[]> = {
  inputValue: [64, '44.8 mm', '0.7 mm'],
  windowValue: ['−600 HU', '1500 HU'],
  receptiveValue: [13, 13, '9.1 × 9.1 mm'],
  trainingDataValue: ['2,048', 11, '512', 12],
  trainingValue: [9, 32, '0.002', '87 s'],
  psnr: ['31.2 dB', '24.6 dB'],
  weightsValue: ['24.9 KB', '6,212'],
  exampleOption: [2, '结节'],
  phantomNote: [11, 12],
  centreChosen: [220, 300],
  preparedLabel: [64],
  preparedInfo: [64, '44.8 mm', '−600 HU', '1500 HU'],
  assumedSpacing: ['0.7 mm'],
  ran: ['12.3 ms', 'wasm'],
  predicted: ['结节', '0.982'],
  probability: ['结节', '98.2 %'],
  sum: ['1.0000'],
  truth: ['脊柱'],
  maskLabel: ['0.5'],
  maskLegendPred: ['0.5'],
  area: [42, '20.6 mm²', '0.7 mm'],
  trueArea: [40, '19.6 mm²', '0.875'],
  flatNoise: ['38.6 HU', '12.1 HU'],
  flatHow: [5, 12],
  removed: ['45.2 HU'],
  trueNoise: ['49.7 HU', '15.2 HU', '29.6 dB', '36.1 dB'],
  intro: [15, 3],
  active: ['WebGL'],
  timing: ['WebGPU'],
  caption: ['TinyVGG'],
  restored: ['wasm'],
  notRestored: ['WebGL'],
};

function filled(group: string, texts: Record<string, unknown>): [string, Localized][] {
  const out: [string, Localized][] = [];
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

describe('zoo page texts', () => {
  it('are good in both languages', () => {
    const groups = { cardTexts, runTexts, resultTexts, speedTexts, TASK_NAMES, KIND_NAMES };
    const all: [string, Localized][] = [];
    for (const [name, texts] of Object.entries(groups)) {
      const plain = collectLocalized(texts, name).filter(([, t]) => typeof t.en === 'string');
      all.push(...plain, ...filled(name, texts as Record<string, unknown>));
    }
    expect(all.length).toBeGreaterThan(90);
    for (const [path, text] of all) expectGoodLocalized(path, text);
  });
});
