/**
 * sampleLesionCentre: the "auto" crop centre of the cnn-architecture lesson, regenerated from each
 * sample's recipe. Checked against the phantom's own lesion mask, against the committed sample file
 * (the regenerated phantom is the one the gallery ships), and for its cost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../src/core/imaging';
import { maskBox } from '../../../src/core/imaging/phantoms/PhantomImage';
import { phantomFromGenerator } from '../../../src/core/imaging/phantoms/phantomFromGenerator';
import { SAMPLE_RECIPES } from '../../../src/core/imaging/phantoms/sampleRecipes';
import type { SamplesManifest } from '../../../src/core/imaging/samplesManifest';
import {
  boxCentre,
  recipeLesionBox,
  sampleLesionCentre,
} from '../../../src/lessons/cnn-architecture/lesionCentre';
import { sliceFromImage } from '../../../src/lessons/shared/lessonSlice';

const manifest = JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')) as SamplesManifest;
const withLesion = manifest.samples.filter((s) => s.hasLesion);

describe('sampleLesionCentre', () => {
  it('is undefined for samples without a lesion, the learner’s own file and unknown ids', () => {
    for (const s of manifest.samples.filter((e) => !e.hasLesion))
      expect(sampleLesionCentre(s.id)).toBeUndefined();
    expect(sampleLesionCentre('own')).toBeUndefined();
    expect(sampleLesionCentre('no-such-sample')).toBeUndefined();
  });

  it.each(withLesion.map((s) => [s.id] as const))(
    '%s: the centre of the phantom mask’s bounding box, inside the lesion',
    (id) => {
      const recipe = SAMPLE_RECIPES.find((r) => r.id === id)!;
      const phantom = phantomFromGenerator(
        recipe.generator.name,
        recipe.generator.seed,
        recipe.generator.options,
      );
      const box = maskBox(phantom.masks, phantom.rows, phantom.columns, 'lesion')!;
      const centre = sampleLesionCentre(id)!;
      expect(centre).toBeDefined();
      // The centre of the mask's bounding box (±½ pixel), which is the phantom's own first box.
      expect(Math.abs(centre.row - (box.row + (box.height - 1) / 2))).toBeLessThanOrEqual(0.5);
      expect(Math.abs(centre.column - (box.column + (box.width - 1) / 2))).toBeLessThanOrEqual(0.5);
      expect(boxCentre(phantom.boxes[0]!)).toEqual(centre);
      // The lesions are compact: their box centre is a lesion pixel.
      expect(phantom.masks[centre.row * phantom.columns + centre.column]).toBe(1);
      // The mask's centroid is near the box centre (within an eighth of the box's larger side).
      let n = 0;
      let sr = 0;
      let sc = 0;
      phantom.masks.forEach((m, i) => {
        if (m !== 1) return;
        n++;
        sr += Math.floor(i / phantom.columns);
        sc += i % phantom.columns;
      });
      const tol = Math.max(box.height, box.width) / 8;
      expect(Math.abs(sr / n - centre.row)).toBeLessThanOrEqual(tol);
      expect(Math.abs(sc / n - centre.column)).toBeLessThanOrEqual(tol);
    },
  );

  it.each(withLesion.map((s) => [s.id, s.dicom] as const))(
    '%s: the committed sample is the regenerated phantom, and the lesion differs from its surroundings there',
    async (id, file) => {
      const recipe = SAMPLE_RECIPES.find((r) => r.id === id)!;
      const phantom = phantomFromGenerator(
        recipe.generator.name,
        recipe.generator.seed,
        recipe.generator.options,
      );
      const slice = sliceFromImage(
        await decodeDicom(new Uint8Array(readFileSync(`public/samples/${file}`))),
        id,
        id,
      );
      expect([slice.height, slice.width]).toEqual([phantom.rows, phantom.columns]);
      const { row, column } = sampleLesionCentre(id)!;
      // The stored values equal the phantom's (rounded to the stored integers) around the centre.
      for (let dr = -3; dr <= 3; dr++)
        for (let dc = -3; dc <= 3; dc++) {
          const i = (row + dr) * slice.width + column + dc;
          expect(Math.abs(slice.values[i]! - phantom.image[i]!)).toBeLessThanOrEqual(1);
        }
      // Inside the mask vs a ring just outside the box: the lesion stands out in the file.
      const box = phantom.boxes[0]!;
      let inside = 0;
      let nIn = 0;
      let ring = 0;
      let nRing = 0;
      for (let r = box.row - 4; r < box.row + box.height + 4; r++)
        for (let c = box.column - 4; c < box.column + box.width + 4; c++) {
          const i = r * slice.width + c;
          const inBox =
            r >= box.row && r < box.row + box.height && c >= box.column && c < box.column + box.width;
          if (phantom.masks[i] === 1) {
            inside += slice.values[i]!;
            nIn++;
          } else if (!inBox) {
            ring += slice.values[i]!;
            nRing++;
          }
        }
      const spread = slice.window.width;
      expect(Math.abs(inside / nIn - ring / nRing)).toBeGreaterThan(0.02 * spread);
    },
  );

  it('costs little: the radiograph takes the scene-only route; results are cached', () => {
    const times: Record<string, number> = {};
    for (const recipe of SAMPLE_RECIPES.filter((r) => r.lesion !== undefined)) {
      const t0 = performance.now();
      const box = recipeLesionBox(recipe);
      times[recipe.id] = performance.now() - t0;
      expect(box).toBeDefined();
    }
    const xray = SAMPLE_RECIPES.find((r) => r.id === 'chest-xray-nodule')!;
    const t0 = performance.now();
    const full = phantomFromGenerator(xray.generator.name, xray.generator.seed, xray.generator.options);
    const fullMs = performance.now() - t0;
    expect(recipeLesionBox(xray)).toEqual(full.boxes[0]);
    console.log(
      `lesion box: ${Object.entries(times)
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ')}; full radiograph ${fullMs.toFixed(0)} ms`,
    );
    expect(times['chest-xray-nodule']!).toBeLessThan(fullMs);
    const first = sampleLesionCentre('chest-ct-nodule');
    const t1 = performance.now();
    expect(sampleLesionCentre('chest-ct-nodule')).toEqual(first);
    expect(performance.now() - t1).toBeLessThan(5);
  });
});
