import { describe, expect, it } from 'vitest';
import { makeZooTaskSet } from '../../../src/core/datasets/zooTasks';
import { ZOO_MODELS } from '../../../src/core/models/zooCatalog';
import { prepareZooInput } from '../../../src/ui/zoo/prepareZooInput';
import {
  CNN_SLICE_PARAM,
  PHANTOM_PARAM,
  PHANTOM_SEED,
  PHANTOM_SLICE,
} from '../../../src/lessons/cnn-architecture/cnnArchitectureParams';
import { phantomSlice } from '../../../src/lessons/cnn-architecture/phantomSlice';
import { sliceName } from '../../../src/lessons/shared/SliceSource';
import { expectGoodLocalized } from '../helpers/chineseText';

describe('cnn-architecture phantom slice', () => {
  it.each(ZOO_MODELS.map((d) => [d.id, d] as const))(
    '%s: the lesson’s preprocessing of the phantom reproduces the task set’s input exactly',
    (_id, def) => {
      const index = 3;
      const set = makeZooTaskSet(def.task, PHANTOM_SEED, index + 1);
      const n = set.size * set.size;
      const slice = phantomSlice(def, index);
      expect(slice.id).toBe(PHANTOM_SLICE);
      expect(slice.unit).toBe('HU');
      expect([slice.width, slice.height]).toEqual([set.size, set.size]);
      const input = prepareZooInput(slice, def);
      expect(input.windowFrom).toBe('model');
      expect(input.assumedSpacing).toBe(false);
      expect(input.crop).toEqual({ row0: 0, column0: 0, rows: set.size, columns: set.size });
      const expected = set.inputs.subarray(index * n, (index + 1) * n);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(input.input[i]! - expected[i]!));
      expect(worst).toBe(0);
    },
  );

  it('names the example and its ground truth in both languages', () => {
    const tiny = ZOO_MODELS.find((d) => d.id === 'tiny-vgg')!;
    const withNodule = phantomSlice(tiny, 1);
    expect(sliceName(withNodule, 'en')).toBe('Phantom example 1 (seed 7), truth: nodule');
    expect(sliceName(phantomSlice(tiny, 0), 'en')).toContain('truth: no nodule');
    expect(
      sliceName(
        phantomSlice(
          ZOO_MODELS.find((d) => d.id === 'unet')!,
          0,
        ),
        'en',
      ),
    ).toContain('no lesion');
    expectGoodLocalized('phantom slice label', withNodule.label!);
    expectGoodLocalized('phantom option', CNN_SLICE_PARAM.options.at(-1)!.label);
    expectGoodLocalized('phantom parameter', PHANTOM_PARAM.label);
  });
});
