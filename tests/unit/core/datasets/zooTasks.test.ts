/** The zoo's phantom tasks: determinism, balance, ranges, targets, region centring, speed. */
import { describe, expect, it } from 'vitest';
import {
  LOW_DOSE_FRACTION,
  lowDoseNoiseHu,
  makeZooTaskSet,
  STANDARD_DOSE_NOISE_HU,
  windowToUnit,
  zooTaskPreprocessing,
} from '../../../../src/core/datasets/zooTasks';
import {
  makeRegionCrop,
  makeRegionSlice,
  REGION_CROP_SIZE,
  REGION_SLICE_GROUP,
  REGION_SLICE_SIZE,
} from '../../../../src/core/datasets/zooTaskRegion';
import { applyWindow } from '../../../../src/core/imaging/display/applyWindow';
import { CT_TISSUE_NAMES } from '../../../../src/core/imaging/phantoms/ctTissues';
import { REGION_CLASSES } from '../../../../src/core/models/zooCatalog';
import type { ZooTaskId } from '../../../../src/core/models/zooTypes';

const TASKS: readonly ZooTaskId[] = ['nodule', 'haemorrhage', 'region', 'nodule-mask', 'low-dose'];

function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('windowToUnit', () => {
  it('maps c − w/2 and below to 0, c to 0.5, c + w/2 and above to 1, linearly between', () => {
    const out = windowToUnit([-2000, -1350, -975, -600, 150, 3000], -600, 1500);
    expect(Array.from(out)).toEqual([0, 0, 0.25, 0.5, 1, 1]);
    expect(() => windowToUnit([0], 0, 0)).toThrow(RangeError);
  });

  it('agrees with the 8-bit LINEAR_EXACT display window to within half a grey level', () => {
    const hu = Float32Array.from({ length: 500 }, (_, i) => -1400 + 3.3 * i);
    const unit = windowToUnit(hu, -600, 1500);
    const grey = applyWindow(hu, -600, 1500, undefined, 'LINEAR_EXACT');
    for (let i = 0; i < hu.length; i++)
      expect(Math.abs(unit[i]! * 255 - grey[i]!)).toBeLessThanOrEqual(0.5 + 1e-4);
  });
});

describe('makeZooTaskSet', () => {
  it.each(TASKS)(
    '%s: same seed → identical arrays; a smaller set is a prefix; another seed differs',
    (task) => {
      const a = makeZooTaskSet(task, 7, 8);
      const b = makeZooTaskSet(task, 7, 8);
      const prefix = makeZooTaskSet(task, 7, 5);
      const other = makeZooTaskSet(task, 8, 8);
      const n = a.size * a.size;
      expect(equalArrays(a.inputs, b.inputs)).toBe(true);
      expect(equalArrays(a.labels, b.labels)).toBe(true);
      expect(a.targets === null ? b.targets === null : equalArrays(a.targets, b.targets!)).toBe(true);
      expect(equalArrays(prefix.inputs, a.inputs.subarray(0, 5 * n))).toBe(true);
      expect(equalArrays(prefix.labels, a.labels.subarray(0, 5))).toBe(true);
      expect(equalArrays(other.inputs, a.inputs)).toBe(false);
    },
  );

  it.each(TASKS)('%s: the catalogue size, values in 0…1, labels cycling through the classes', (task) => {
    const count = 16;
    const set = makeZooTaskSet(task, 3, count);
    const prep = zooTaskPreprocessing(task);
    expect(set.size).toBe(prep.size);
    expect(set.count).toBe(count);
    expect(set.inputs.length).toBe(count * set.size * set.size);
    expect(set.inputs.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    expect(set.classes).toBe(task === 'region' ? REGION_CLASSES.length : 2);
    const counts = new Array<number>(set.classes).fill(0);
    for (const l of set.labels) counts[l]! += 1;
    if (task === 'nodule-mask') expect(counts).toEqual([4, 12]);
    else expect(counts).toEqual(new Array<number>(set.classes).fill(count / set.classes));
    // Not a constant image: the window shows structure.
    const first = set.inputs.subarray(0, set.size * set.size);
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(0.3);
  });

  it('nodule-mask: 0/1 masks of the input size, a lesion exactly in the examples labelled 1, 4–12 mm across', () => {
    const set = makeZooTaskSet('nodule-mask', 5, 12);
    const n = set.size * set.size;
    expect(set.targets!.length).toBe(12 * n);
    expect(set.targets!.every((v) => v === 0 || v === 1)).toBe(true);
    const spacing = zooTaskPreprocessing('nodule-mask').spacingMm;
    for (let i = 0; i < 12; i++) {
      const area = set.targets!.subarray(i * n, (i + 1) * n).reduce((s, v) => s + v, 0);
      if (set.labels[i] === 0) expect(area).toBe(0);
      else {
        const diameterMm = 2 * Math.sqrt(area / Math.PI) * spacing;
        expect(diameterMm).toBeGreaterThan(3.5);
        expect(diameterMm).toBeLessThan(12.8);
      }
    }
  });

  it('low-dose: the target is the same anatomy without noise, and the input noise is σ_std/√dose', () => {
    expect(lowDoseNoiseHu(15, 0.1)).toBeCloseTo(47.434, 3);
    expect(lowDoseNoiseHu(15, 1)).toBe(15);
    expect(() => lowDoseNoiseHu(15, 0)).toThrow(RangeError);
    const set = makeZooTaskSet('low-dose', 9, 6);
    const { width } = zooTaskPreprocessing('low-dose');
    expect(set.targets!.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Residual input − target in HU, where neither is clamped by the window.
    let sum = 0;
    let sumSq = 0;
    let count = 0;
    for (let i = 0; i < set.inputs.length; i++) {
      const x = set.inputs[i]!;
      const t = set.targets![i]!;
      if (x <= 0 || x >= 1 || t <= 0 || t >= 1) continue;
      const d = (x - t) * width;
      sum += d;
      sumSq += d * d;
      count++;
    }
    const mean = sum / count;
    const sd = Math.sqrt(sumSq / count - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(2);
    const expected = lowDoseNoiseHu(STANDARD_DOSE_NOISE_HU, LOW_DOSE_FRACTION);
    expect(sd).toBeGreaterThan(expected * 0.85);
    expect(sd).toBeLessThan(expected * 1.15);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => makeZooTaskSet('nodule', 1, 2.5)).toThrow(RangeError);
    expect(makeZooTaskSet('nodule', 1, 0).inputs.length).toBe(0);
  });
});

describe('region crops', () => {
  const names = REGION_CLASSES.map((c) => c.en);
  const tissue = (name: string) => CT_TISSUE_NAMES.indexOf(name);
  const classTissues: Record<string, number[]> = {
    lung: [tissue('lung')],
    heart: [tissue('myocardium'), tissue('blood')],
    spine: [tissue('cortical-bone'), tissue('cancellous-bone')],
    'chest wall': [tissue('fat'), tissue('muscle')],
  };

  it('REGION_CLASSES are lung, heart, spine, chest wall, in that order', () => {
    expect(names).toEqual(['lung', 'heart', 'spine', 'chest wall']);
  });

  it('each crop is centred on a pixel of its class, copied from the slice, and matches the set', () => {
    const seed = 4;
    const count = 2 * REGION_SLICE_GROUP;
    const set = makeZooTaskSet('region', seed, count);
    const prep = zooTaskPreprocessing('region');
    const m = REGION_CROP_SIZE;
    for (let i = 0; i < count; i++) {
      const label = set.labels[i]!;
      const crop = makeRegionCrop(seed, i, label);
      expect(classTissues[names[label]!]).toContain(crop.centreTissue);
      expect(crop.slice.tissues[crop.centre.row * REGION_SLICE_SIZE + crop.centre.column]).toBe(
        crop.centreTissue,
      );
      expect(crop.hu[(m / 2) * m + m / 2]).toBe(
        crop.slice.hu[crop.centre.row * REGION_SLICE_SIZE + crop.centre.column],
      );
      const windowed = windowToUnit(crop.hu, prep.center, prep.width);
      expect(equalArrays(windowed, set.inputs.subarray(i * m * m, (i + 1) * m * m))).toBe(true);
    }
  });

  it('spine centres lie near the posterior midline, chest-wall centres near the skin, and pad with air', () => {
    const slice = makeRegionSlice(2, 0);
    const n = REGION_SLICE_SIZE;
    const half = (n - 1) / 2;
    for (const i of slice.classPixels[2]!) {
      expect(Math.abs((i % n) - half) * 1.4).toBeLessThanOrEqual(35);
      expect(Math.floor(i / n)).toBeGreaterThan(half);
    }
    expect(slice.classPixels.every((p) => p.length > 50)).toBe(true);
    // A crop centred at the slice edge reads air (−1000 HU) outside the slice.
    const edge = {
      ...slice,
      classPixels: [Int32Array.of(0), Int32Array.of(0), Int32Array.of(0), Int32Array.of(0)],
    };
    const crop = makeRegionCrop(2, 0, 0, edge);
    expect(crop.hu[0]).toBe(-1000);
    const m = REGION_CROP_SIZE;
    expect(crop.hu[(m / 2) * m + m / 2]).toBe(slice.hu[0]);
  });
});
