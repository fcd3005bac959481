/**
 * Where a gallery sample's lesion is, for the "auto" crop centre of the `cnn-architecture` lesson.
 * The samples are phantoms generated from a seed (core/imaging/phantoms/sampleRecipes.ts), so the
 * lesion's ground truth is regenerated here from the recipe, never typed in: the centre of the
 * phantom's first lesion box (`PhantomImage.boxes[0]`).
 *
 * Cost (measured by tests/unit/lessons/cnnArchitectureLesionCentre.test.ts, Node 22, one core): the
 * CT and MR phantoms take 10–70 ms to regenerate, the radiograph about 170–200 ms because its image
 * is a projection of 3-D ellipsoids. The radiograph's lesion mask does not depend on that projection
 * (`chestRadiographScene` draws the nodule's shadow before imaging), so for it only the scene is
 * built: the same mask and box, in a few milliseconds. Results are cached per sample.
 */
import { maskBox, type PhantomBox } from '../../core/imaging/phantoms/PhantomImage';
import { chestRadiographScene } from '../../core/imaging/phantoms/chestRadiograph';
import {
  phantomFromGenerator,
  type GeneratorOptions,
} from '../../core/imaging/phantoms/phantomFromGenerator';
import { SAMPLE_RECIPES, type SampleRecipe } from '../../core/imaging/phantoms/sampleRecipes';

/** A pixel of a slice: row and column (integers). */
export interface SlicePixel {
  row: number;
  column: number;
}

function num(options: GeneratorOptions, key: string): number | undefined {
  const v = options[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * The radiograph's lesion box from its scene alone (no projection): the options are read exactly as
 * `phantomFromGenerator` reads them for `chestRadiograph` (size, nodule diameter and position).
 */
function radiographLesionBox(recipe: SampleRecipe): PhantomBox | undefined {
  const { seed, options } = recipe.generator;
  const diameterMm = num(options, 'noduleDiameterMm');
  if (diameterMm === undefined) return undefined;
  const x = num(options, 'noduleXmm');
  const y = num(options, 'noduleYmm');
  const at = x !== undefined && y !== undefined ? { x, y } : undefined;
  const scene = chestRadiographScene({ size: num(options, 'size'), seed, nodule: { diameterMm, at } });
  return maskBox(scene.mask, scene.size, scene.size, 'nodule');
}

/** The first lesion box of a recipe's phantom (regenerated), or undefined when it has none. */
export function recipeLesionBox(recipe: SampleRecipe): PhantomBox | undefined {
  const { name, seed, options } = recipe.generator;
  if (name === 'chestRadiograph') return radiographLesionBox(recipe);
  return phantomFromGenerator(name, seed, options).boxes[0];
}

/**
 * The pixel holding a box's geometric centre: row ⌊top + height / 2⌋, column ⌊left + width / 2⌋
 * (for an even side, the later of the two middle pixels).
 */
export function boxCentre(box: PhantomBox): SlicePixel {
  return { row: Math.floor(box.row + box.height / 2), column: Math.floor(box.column + box.width / 2) };
}

const cache = new Map<string, SlicePixel | null>();

/**
 * The centre of the first lesion box of the gallery sample `sampleId`, regenerated from its recipe
 * and cached; undefined for a sample without a lesion or an unknown id (e.g. the learner's own file).
 */
export function sampleLesionCentre(sampleId: string): SlicePixel | undefined {
  if (!cache.has(sampleId)) {
    const recipe = SAMPLE_RECIPES.find((r) => r.id === sampleId);
    const box = recipe === undefined ? undefined : recipeLesionBox(recipe);
    cache.set(sampleId, box === undefined ? null : boxCentre(box));
  }
  return cache.get(sampleId) ?? undefined;
}
