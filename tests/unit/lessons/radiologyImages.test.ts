import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { radiologyImages } from '../../../src/lessons/radiology-images/radiologyImages';
import { LESSON_SAMPLES } from '../../../src/lessons/radiology-images/radiologyImagesParams';
import type { SamplesManifest } from '../../../src/core/imaging/samplesManifest';

const questions = radiologyImages.steps.flatMap((s) => s.quiz?.questions ?? []);
const q = (id: string) => {
  const found = questions.find((x) => x.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('radiology-images lesson', () => {
  it('has the six steps in teaching order and a quiz mixing numeric and choice questions', () => {
    expect(radiologyImages.steps.map((s) => s.id)).toEqual([
      'hounsfield',
      'why-windowing',
      'window-live',
      'monochrome',
      'header',
      'quiz',
    ]);
    expect(questions.filter((x) => x.kind === 'numeric').length).toBeGreaterThanOrEqual(3);
    expect(questions.filter((x) => x.kind === 'choice').length).toBeGreaterThanOrEqual(3);
  });

  it('computes the numeric answers (checked here by hand)', () => {
    // 1000 × 1 + (−1024)
    expect(q('rescale')).toMatchObject({ answer: -24 });
    // Brain window L40 W80: ((60 − 39.5)/79 + 0.5) × 255 = 193.67… → rounded to 194.
    expect(q('brain-grey')).toMatchObject({ answer: 194 });
    // Lung window L−600 W1500: −600 − 0.5 − 1499/2 = −1350.
    expect(q('lung-black')).toMatchObject({ answer: -1350 });
    // Soft-tissue window W400: 400 / 256 = 1.5625.
    expect(q('hu-per-grey')).toMatchObject({ answer: 1.5625 });
  });

  it('links its texts to the computed figures: 16 HU per grey level over the 12-bit range', () => {
    const body = radiologyImages.steps[1]!.body;
    expect(body.en).toContain('each grey level would cover 16 HU');
    expect(body.zh).toContain('每一级灰度要覆盖 16 HU');
  });

  it('computes its tissue figures from the tissue table', () => {
    // Grey matter 35…45 (midpoint 40) − white matter 20…30 (midpoint 25) = 15 HU; 12 tissues listed.
    const windowing = radiologyImages.steps[1]!.body;
    expect(windowing.en).toContain('differ by only about 15 HU');
    expect(windowing.zh).toContain('只相差约 15 HU');
    const hounsfield = radiologyImages.steps[0]!.body;
    expect(hounsfield.en).toContain('lists 12 tissues');
    expect(hounsfield.zh).toContain('给出的 12 种组织');
  });

  it('writes the preset windows it names from the presets (windowPresets.ts)', () => {
    const live = radiologyImages.steps[2]!;
    expect(live.body.en).toContain('**lung** (L −600, W 1500)');
    expect(live.body.en).toContain('**mediastinum** (L 50, W 350)');
    expect(live.body.en).toContain('**bone** (L 400, W 1800)');
    expect(live.body.zh).toContain('**肺窗**（L −600，W 1500）');
    expect(live.params.filter((p) => p.kind === 'number').map((p) => p.default)).toEqual([-600, 1500]);
  });

  it('opens only samples that the gallery manifest lists', () => {
    const path = 'public/samples/manifest.json';
    expect(existsSync(path)).toBe(true);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as SamplesManifest;
    const ids = manifest.samples.map((s) => s.id);
    for (const s of LESSON_SAMPLES) expect(ids).toContain(s.value);
    for (const id of ['head-ct-normal', 'chest-xray-nodule']) expect(ids).toContain(id);
  });
});
