/**
 * Every text of the convolution lesson in both languages: the lesson (steps, notes, quiz), its meta,
 * the kernel presets, parameters, widget texts (the ones with numbers filled with representative
 * values) and error messages: non-empty, Chinese without stray English words, full-width punctuation,
 * the same placeholders.
 */
import { describe, expect, it } from 'vitest';
import type { Localized } from '../../../src/core/lessons/types';
import { convolution } from '../../../src/lessons/convolution/convolution';
import { convolutionMeta } from '../../../src/lessons/convolution/convolutionMeta';
import * as params from '../../../src/lessons/convolution/convolutionParams';
import {
  commonTexts,
  featureTexts,
  layerTexts,
  staticTexts,
  stepperTexts,
  strideTexts,
} from '../../../src/lessons/convolution/convolutionTexts';
import { layerInput, SHAPE_NAMES } from '../../../src/lessons/convolution/convLayerBank';
import { KERNEL_PRESETS } from '../../../src/lessons/convolution/kernelPresets';
import { parseKernel } from '../../../src/lessons/convolution/kernelString';
import { stridePaddingModel } from '../../../src/lessons/convolution/stridePadding';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

type Both<A extends unknown[]> = { en: (...a: A) => string; zh: (...a: A) => string };
const fill = <A extends unknown[]>(t: Both<A>, ...a: A): Localized => ({ en: t.en(...a), zh: t.zh(...a) });
const errorOf = (r: { ok: boolean; error?: Localized }): Localized =>
  r.error ?? { en: 'missing', zh: 'missing' };

const tiny = { height: 5, width: 5, channels: 1, data: new Float32Array(25) };
const filled = {
  position: fill(commonTexts.position, 3, 100, 0, 2),
  crop: fill(stepperTexts.cropLabel, 12),
  pixel: fill(stepperTexts.pixel, 230, 156, '0.512'),
  pad: fill(stepperTexts.padCell, -1, 3),
  output: fill(stepperTexts.output, 10, 10),
  speed: fill(stepperTexts.speed, 4),
  input: fill(featureTexts.input, 512, 512),
  map: fill(featureTexts.map, 512, 512),
  cell: fill(featureTexts.cell, 2, 3),
  sum: fill(featureTexts.sum, '0'),
  range: fill(featureTexts.range, '−3.2', '3.2'),
  probe: fill(featureTexts.probe, 10, 20, '0.5', '−1.25'),
  timing: fill(featureTexts.timing, '4.2'),
  grid: fill(strideTexts.grid, 7, 9, 9),
  strideOut: fill(strideTexts.output, 4, 4),
  sees: fill(strideTexts.sees, 1, 2, '(0, 1), (0, 2)', 3),
  seesNone: fill(strideTexts.sees, 0, 0, '(0, 0)', 0),
  span: fill(strideTexts.span, 3, 2, 5),
  padSym: fill(strideTexts.paddingUsed, 1, 1),
  padAsym: fill(strideTexts.paddingUsed, 1, 2),
  inputs: fill(layerTexts.inputs, 3),
  cropped: fill(layerTexts.cropped, 3000, 2500, 1024, 1024),
  filters: fill(layerTexts.filters, 4, 3, 3),
  filterName: fill(layerTexts.filterName, 1, SHAPE_NAMES.dx.zh, '(1, 0.5, 0)'),
  slice: fill(layerTexts.slice, 1, 2),
  outputMap: fill(layerTexts.outputMap, 1, '−2', '2'),
  convCount: fill(layerTexts.convCount, 3, 3, 8, '224'),
  denseCount: fill(
    layerTexts.denseCount,
    512,
    512,
    3,
    512,
    512,
    8,
    '1,649,269,538,816',
    '约 1.65 万亿',
    '1.65 × 10¹²',
  ),
  ratio: fill(layerTexts.ratio, '7.36 × 10⁹'),
  kernelCount: errorOf(parseKernel('1,2,3')),
  kernelNumber: errorOf(parseKernel('1,2,x,4,5,6,7,8,9')),
  noOutput: errorOf(
    stridePaddingModel(tiny, { k: 5, stride: 1, padding: 'valid', amount: 0, padMode: 'zero', dilation: 3 }),
  ),
  reflect: errorOf(
    stridePaddingModel(tiny, {
      k: 5,
      stride: 1,
      padding: 'same',
      amount: 0,
      padMode: 'reflect',
      dilation: 3,
    }),
  ),
};
const slice = { width: 2, height: 2, values: new Float32Array(4), intensity: new Float32Array(4) };

const sources: [string, unknown][] = [
  ['lesson', convolution],
  ['meta', convolutionMeta],
  ['presets', KERNEL_PRESETS],
  ['params', params],
  ['widgets', staticTexts],
  ['shapes', SHAPE_NAMES],
  ['channels', [layerInput({ ...slice, unit: 'HU' }, 3).names, layerInput({ ...slice, unit: '' }, 3).names]],
  ['filled', filled],
];
const texts = sources.flatMap(([name, v]) => collectLocalized(v, name));

describe('convolution lesson texts', () => {
  it('finds them all', () => {
    expect(texts.length).toBeGreaterThan(150);
    expect(Object.keys(staticTexts).length).toBeGreaterThan(30);
    expect(texts.some(([p]) => p.startsWith('lesson.steps[4].quiz'))).toBe(true);
  });

  it.each(texts)('%s follows the text rules in both languages', expectGoodLocalized);
});
