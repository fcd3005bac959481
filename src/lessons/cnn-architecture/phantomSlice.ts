/**
 * A generated example of a zoo model's own task as a lesson slice: the same generator, seed rule
 * and HU values as the model's data (`makeZooTaskSet`), at the model's pixel size, so the lesson's
 * preprocessing (window → 0…1 → crop → resize) reproduces the training input exactly (the crop is
 * the whole example, the resize ×1).
 */
import { zooTaskExampleHu } from '../../core/datasets/zooTasks';
import { windowedIntensity } from '../../core/imaging/display/windowedIntensity';
import type { CatalogueModelDef, ZooModelDef } from '../../core/models/zooTypes';
import type { LessonSlice } from '../shared/lessonSlice';
import { PHANTOM_SEED, PHANTOM_SLICE } from './cnnArchitectureParams';

/** Ground truth of a phantom example, in both languages (class name, or lesion present/absent). */
function truthLabel(def: ZooModelDef, label: number): { en: string; zh: string } {
  const cls = def.classes[label];
  if (cls) return cls;
  return label === 1 ? { en: 'with a lesion', zh: '有病灶' } : { en: 'no lesion', zh: '无病灶' };
}

/** Example `index` of seed {@link PHANTOM_SEED} of `def`'s task, as a slice in HU. */
export function phantomSlice(def: CatalogueModelDef, index: number): LessonSlice {
  const { hu, label, size, spacingMm } = zooTaskExampleHu(def.task, PHANTOM_SEED, index);
  const window = { center: def.preprocessing.center, width: def.preprocessing.width };
  const truth = truthLabel(def, label);
  return {
    id: PHANTOM_SLICE,
    name: `phantom ${PHANTOM_SEED}/${index}`,
    label: {
      en: `Phantom example ${index} (seed ${PHANTOM_SEED}), truth: ${truth.en}`,
      zh: `体模样例 ${index}（种子 ${PHANTOM_SEED}），真实情况：${truth.zh}`,
    },
    width: size,
    height: size,
    values: hu,
    unit: 'HU',
    window,
    intensity: windowedIntensity(hu, window),
    spacingMm,
  };
}
