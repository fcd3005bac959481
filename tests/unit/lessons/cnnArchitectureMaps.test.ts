/**
 * The pure helpers of steps 3 and 4 of `cnn-architecture` (feature-map layout, unit detail
 * grouping, Grad-CAM upsampling and the numbers behind its sentence), checked against values worked
 * out here, and every text of the two widgets in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { GraphLayer, ModelGraph, UnitTerm } from '../../../src/core/models/zooTypes';
import {
  carryUnit,
  centreUnit,
  channelValues,
  clampUnit,
  defaultLayer,
  layerLayout,
  layerScale,
  moveUnit,
  outputsFor,
  unitIndex,
  visibleChannels,
} from '../../../src/lessons/cnn-architecture/featureMapsLayout';
import {
  camToInput,
  centralVerdict,
  heatSummary,
  lesionRadius,
  lesionVerdict,
  sourceToModel,
  unitCoordinates,
} from '../../../src/lessons/cnn-architecture/gradCamMaths';
import { camTexts, frameTexts, mapsTexts, unitTexts } from '../../../src/lessons/cnn-architecture/mapsTexts';
import {
  activationName,
  largestTerms,
  strongestChannels,
  termsByChannel,
  windowGrid,
} from '../../../src/lessons/cnn-architecture/unitDetail';
import { collectLocalized, expectGoodLocalized } from '../helpers/chineseText';

const layer = (name: string, kind: GraphLayer['kind'], outputShape: number[]): GraphLayer => ({
  name,
  kind,
  inputs: [],
  outputShape,
});

describe('feature-map layout', () => {
  it('maps for [h, w, c], a vector strip otherwise', () => {
    expect(layerLayout([5, 4, 3])).toEqual({ kind: 'maps', rows: 5, columns: 4, channels: 3 });
    expect(layerLayout([1690])).toEqual({ kind: 'vector', length: 1690 });
  });

  it('one scale per layer: viridis over [min, max] without negatives, symmetric diverging otherwise', () => {
    expect(layerScale([0, 2, 0.5])).toEqual({ scale: 'viridis', range: [0, 2], min: 0, max: 2 });
    expect(layerScale([-1, 3, 0])).toEqual({ scale: 'diverging', range: [-3, 3], min: -1, max: 3 });
    expect(layerScale([0.25, 0.25]).range).toEqual([0.25, 1.25]);
  });

  it('pulls one channel out of HWC and indexes units row-major, channel fastest', () => {
    // 2 × 3 × 2: value = 100·row + 10·column + channel.
    const v = new Float32Array(12);
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 3; c++) for (let k = 0; k < 2; k++) v[(r * 3 + c) * 2 + k] = 100 * r + 10 * c + k;
    expect([...channelValues(v, 2, 3, 2, 1)]).toEqual([1, 11, 21, 101, 111, 121]);
    expect(v[unitIndex([2, 3, 2], { row: 1, column: 2, channel: 1 })]).toBe(121);
    expect(unitIndex([7], { row: 0, column: 0, channel: 4 })).toBe(4);
    const scratch = new Float32Array(10);
    expect(channelValues(v, 2, 3, 2, 0, scratch).length).toBe(6);
  });

  it('keeps units inside their layer, moves them by arrow steps and carries them between layers', () => {
    const conv = layer('conv', 'conv2d', [62, 62, 10]);
    const pool = layer('pool', 'maxPool', [31, 31, 10]);
    expect(clampUnit(conv.outputShape, { layer: 'conv', row: 80, column: -3, channel: 12 })).toEqual({
      layer: 'conv',
      row: 61,
      column: 0,
      channel: 9,
    });
    expect(clampUnit([4], { layer: 'v', row: 3, column: 3, channel: 9 })).toEqual({
      layer: 'v',
      row: 0,
      column: 0,
      channel: 3,
    });
    expect(centreUnit(conv, 2)).toEqual({ layer: 'conv', row: 31, column: 31, channel: 2 });
    const u = { layer: 'conv', row: 10, column: 61, channel: 0 };
    expect(moveUnit(conv.outputShape, u, 0, 1)).toEqual(u); // at the right edge
    expect(moveUnit(conv.outputShape, u, 1, -1)).toEqual({ ...u, row: 11, column: 60 });
    expect(moveUnit([5], { layer: 'v', row: 0, column: 0, channel: 2 }, 0, 1).channel).toBe(3);
    // Row 10 of 62 (centre 10.5/62) → ⌊10.5/62 · 31⌋ = 5 of 31.
    expect(carryUnit(u, conv.outputShape, pool, 4)).toEqual({
      layer: 'pool',
      row: 5,
      column: 30,
      channel: 4,
    });
    expect(carryUnit(u, conv.outputShape, layer('d', 'dense', [8]), 3)).toEqual({
      layer: 'd',
      row: 0,
      column: 0,
      channel: 3,
    });
  });

  it('default layer: the first convolution; thumbnails capped with the selected one kept', () => {
    const g: ModelGraph = {
      name: 'm',
      layers: [
        layer('input', 'input', [8, 8, 1]),
        layer('flatten', 'flatten', [64]),
        layer('c', 'conv2d', [6, 6, 2]),
      ],
    };
    expect(defaultLayer(g).name).toBe('c');
    expect(visibleChannels(128, false)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(visibleChannels(128, false, 40)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 40]);
    expect(visibleChannels(128, true)).toHaveLength(128);
    expect(visibleChannels(3, false, 1)).toEqual([0, 1, 2]);
    const outs = g.layers.map((l) => ({ name: l.name, shape: l.outputShape, values: new Float32Array(1) }));
    expect(outputsFor(g, outs)).toBe(outs);
    expect(outputsFor(g, outs.slice(1))).toBeUndefined();
    expect(outputsFor(g, [outs[0]!, outs[2]!, outs[1]!])).toBeUndefined();
  });
});

const term = (
  row: number,
  column: number,
  channel: number,
  input: number,
  weight: number,
  padded = false,
): UnitTerm => ({
  source: { layer: 'x', row, column, channel },
  padded,
  input,
  weight,
  product: input * weight,
});

describe('unit detail', () => {
  it('groups a convolution’s terms per input channel into windows with partial sums', () => {
    const terms: UnitTerm[] = [];
    for (let i = -1; i <= 1; i++)
      for (let j = 0; j <= 2; j++)
        for (let c = 0; c < 2; c++) terms.push(term(i, j, c, i < 0 ? 0 : 1, c + 1, i < 0));
    const groups = termsByChannel(terms);
    expect(groups.map((g) => g.channel)).toEqual([0, 1]);
    // Channel 1: two real rows of three taps, x = 1, w = 2 → 12; the padded row adds 0.
    expect(groups[1]!.partial).toBe(12);
    expect(groups[0]!.grid!.length).toBe(3);
    expect(groups[0]!.grid![0]![0]!.padded).toBe(true);
    expect(groups[0]!.grid![2]![2]!.source).toEqual({ layer: 'x', row: 1, column: 2, channel: 0 });
    expect(strongestChannels(groups, 1).map((g) => g.channel)).toEqual([1]);
  });

  it('a set that is not a full window has no grid; the largest terms keep the rest’s count and sum', () => {
    expect(windowGrid([term(0, 0, 0, 1, 1), term(1, 1, 0, 1, 1)])).toBeNull();
    const terms = [term(0, 0, 0, 1, 0.1), term(0, 0, 1, 1, -3), term(0, 0, 2, 2, 1), term(0, 0, 3, 1, 0.5)];
    const { top, restCount, restSum } = largestTerms(terms, 2);
    expect(top.map((t) => t.product)).toEqual([-3, 2]);
    expect(restCount).toBe(2);
    expect(restSum).toBeCloseTo(0.6, 12);
    expect([activationName('relu'), activationName('linear'), activationName('softmax')]).toEqual([
      'ReLU',
      null,
      'softmax',
    ]);
  });
});

describe('Grad-CAM maths', () => {
  it('places map units at their receptive-field centres, or stretches with half-pixel centres', () => {
    // TinyVGG's max_pool_2: field 16, jump 4, start 0 → unit u centred on 7.5 + 4u.
    const u = unitCoordinates(13, 64, { size: 16, jump: 4, start: 0 });
    expect(u[0]).toBe(0); // clamped
    expect(u[15]).toBeCloseTo(1.875, 12); // (15 − 7.5)/4
    expect(u[63]).toBe(12);
    const s = unitCoordinates(2, 4);
    expect([...s]).toEqual([0, 0.25, 0.75, 1]); // (p + ½)·2/4 − ½, clamped
  });

  it('bilinear upsampling of a 2 × 2 map onto 4 × 4 pixels', () => {
    const up = camToInput([0, 4, 8, 12], 2, 2, 4);
    // Row 1 samples unit row 0.25, column 2 samples unit column 0.75: 0.75·(0·0.25 + 4·0.75) + 0.25·(8·0.25 + 12·0.75).
    expect(up[1 * 4 + 2]).toBeCloseTo(0.75 * 3 + 0.25 * 11, 6);
    expect(up[0]).toBe(0);
    expect(up[15]).toBe(12);
  });

  it('maps a source pixel to model pixels through the crop and scale', () => {
    // Crop from (10, 20), 128 source px onto 64 → scale ½: source 73 (centre 73.5) → (63.5)/2 − ½ = 31.25.
    expect(sourceToModel({ row: 73, column: 20 }, { row0: 10, column0: 20 }, 0.5)).toEqual({
      row: 31.25,
      column: -0.25,
    });
  });

  it('heat summary: shares near the lesion and in the centre, peak, and the verdicts', () => {
    const n = 16;
    const heat = new Float32Array(n * n);
    heat[5 * n + 5] = 3; // one hot pixel at (5, 5)
    heat[12 * n + 12] = 1;
    const s = heatSummary(heat, n, { row: 5, column: 6 });
    expect(s.total).toBe(4);
    expect(s.peak).toEqual({ row: 5, column: 5, value: 3 });
    expect(s.centralShare).toBe(0.75); // (5, 5) lies in rows/columns 4…11
    expect(lesionRadius(n)).toBe(2);
    expect(s.lesion!.share).toBe(0.75);
    // Pixels within 2 of (5, 6): 13 (a radius-2 disc on the grid).
    expect(s.lesion!.area).toBe(13 / 256);
    expect(s.lesion!.peakDistance).toBe(1);
    expect(heatSummary(heat, n, { row: 40, column: 3 }).lesion).toBeUndefined();
    expect(heatSummary(new Float32Array(4), 2).total).toBe(0);
    expect(lesionVerdict(0.3, 0.1)).toBe('concentrated');
    expect(lesionVerdict(0.04, 0.1)).toBe('away');
    expect(lesionVerdict(0.1, 0.1)).toBe('spread');
    expect([centralVerdict(0.6), centralVerdict(0.1), centralVerdict(0.3)]).toEqual([
      'centre',
      'edges',
      'spread',
    ]);
  });
});

describe('texts', () => {
  /** Calls every text function with sample arguments of the right kinds. */
  function materialise(value: unknown): unknown {
    if (
      typeof value === 'object' &&
      value !== null &&
      'en' in value &&
      typeof (value as { en: unknown }).en === 'function'
    ) {
      const f = value as { en: (...a: unknown[]) => string; zh: (...a: unknown[]) => string };
      const args = Array.from({ length: f.en.length }, (_, i) => (i % 2 === 0 ? 3 : '0.25'));
      return { en: f.en(...args), zh: f.zh(...args) };
    }
    if (typeof value === 'object' && value !== null && !('en' in value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
    return value;
  }

  it('every text of both widgets is good English and Chinese', () => {
    const all = materialise({ frameTexts, mapsTexts, unitTexts, camTexts });
    const texts = collectLocalized(all, 'maps');
    expect(texts.length).toBeGreaterThan(90);
    for (const [path, t] of texts) expectGoodLocalized(path, t);
    // The legend text depends on the scale: both variants.
    expectGoodLocalized('legend diverging', {
      en: mapsTexts.legend.en('diverging'),
      zh: mapsTexts.legend.zh('diverging'),
    });
  });
});
