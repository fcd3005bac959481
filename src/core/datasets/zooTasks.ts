/**
 * The phantom tasks the model zoo is trained and validated on (`npm run train-zoo`), one per
 * {@link ZooTaskId}. Every example is generated from its own seed, {@link zooExampleSeed}
 * (dataset seed and index mixed by `patchSeed`), so a set regenerates bit for bit and its first
 * n examples do not depend on its size. Labels cycle through the classes (label = index mod
 * classes; `nodule-mask`: 0, 1, 1, 1, …), so a set whose size is a multiple of the cycle is exactly
 * balanced (3/4 positives for the masks). Lung patches show a piece of chest wall at one edge with
 * probability 0.3 (makeChestCtPatch's default).
 *
 * Inputs are windowed to 0…1 with the catalogue's preprocessing of the task
 * ({@link zooTaskPreprocessing}) by {@link windowToUnit}.
 *
 * | task | generator | positives |
 * |---|---|---|
 * | `nodule` | {@link makeChestCtPatch} 64 × 64 at 0.7 mm | 1/2: a 5–12 mm nodule, solid (3/4) or ground glass, within 10 mm of the centre |
 * | `haemorrhage` | {@link makeHeadCt} 64 × 64, 240 mm field (3.75 mm) | 1/2: intraparenchymal or subdural |
 * | `region` | 64 × 64 crops at 1.4 mm of {@link makeChestCt} slices | 4 classes: what lies at the centre |
 * | `nodule-mask` | the same lung patches | 3/4: a 4–12 mm nodule anywhere in the lung; target = its mask |
 * | `low-dose` | the same lung patches at 10 % dose | 1/2 hold a 4–12 mm nodule; target = the noise-free patch |
 */
import { unitWindow } from '../imaging/display/applyWindow';
import { makeChestCtPatch } from '../imaging/phantoms/chestCtPatch';
import { makeHeadCt, type HaemorrhageSpec } from '../imaging/phantoms/headCt';
import { createRng, type Rng } from '../imaging/phantoms/random';
import { ZOO_MODELS } from '../models/zooCatalog';
import type { ZooPreprocessing, ZooTaskId } from '../models/zooTypes';
import { patchSeed } from './phantomPatchDataset';
import { makeRegionCrop, REGION_SLICE_GROUP, type RegionSlice } from './zooTaskRegion';

/** A generated set of one task, examples stored back to back. */
export interface ZooTaskSet {
  task: ZooTaskId;
  /** Side of every (square) example in pixels. */
  size: number;
  count: number;
  /** `count · size²` values in 0…1: the examples windowed with the task's preprocessing, row-major. */
  inputs: Float32Array;
  /** Class index; for `nodule-mask` and `low-dose`: 1 if a lesion is present, else 0. */
  labels: Int32Array;
  /** `nodule-mask`: 0/1 lesion masks; `low-dose`: the noise-free images in 0…1; otherwise null. */
  targets: Float32Array | null;
  /** Number of label values: the classifier's classes, 2 (lesion or not) for the other tasks. */
  classes: number;
}

/**
 * The seed of example `index` of a set with seed `datasetSeed`: `patchSeed(datasetSeed, 0,
 * index)`, the MurmurHash3 finaliser mix of phantomPatchDataset.ts.
 */
export function zooExampleSeed(datasetSeed: number, index: number): number {
  return patchSeed(datasetSeed, 0, index);
}

/** The catalogue's preprocessing (window, size, pixel size) of the models trained on `task`. */
export function zooTaskPreprocessing(task: ZooTaskId): ZooPreprocessing {
  const def = ZOO_MODELS.find((m) => m.task === task);
  if (def === undefined) throw new RangeError(`no zoo model is trained on the task '${task}'`);
  return def.preprocessing;
}

/** Number of label values of a task (see {@link ZooTaskSet.classes}). */
export function zooTaskClasses(task: ZooTaskId): number {
  const def = ZOO_MODELS.find((m) => m.task === task);
  return def !== undefined && def.classes.length > 0 ? def.classes.length : 2;
}

/**
 * Modality values to window units 0…1 ({@link unitWindow}: the LINEAR_EXACT VOI LUT without the
 * 8-bit rounding). This is the window of {@link ZooPreprocessing}, applied to a whole array.
 * @param out reused when given (at least `values.length` long)
 * @throws RangeError for a width that is not above 0 (as windowTransform)
 */
export function windowToUnit(
  values: ArrayLike<number>,
  center: number,
  width: number,
  out?: Float32Array,
): Float32Array {
  const n = values.length;
  if (out && out.length < n) throw new RangeError(`Output holds ${out.length} values, need ${n}`);
  const dst = out ?? new Float32Array(n);
  const toUnit = unitWindow(center, width);
  for (let i = 0; i < n; i++) dst[i] = toUnit(values[i] as number);
  return dst;
}

/** Nodule diameters of the `nodule` task, mm (uniform): 5 mm and up, so each is larger than a vessel cut across. */
export const NODULE_DIAMETER_MM: readonly [number, number] = [5, 12];
/** Nodule diameters of the `nodule-mask` task, mm (uniform). */
export const MASK_NODULE_DIAMETER_MM: readonly [number, number] = [4, 12];
/** Probability that a nodule is solid (ground glass otherwise), as in the lessons' lung patches. */
export const SOLID_NODULE_PROBABILITY = 0.75;
/** Noise σ of the standard-dose lung patches, HU (makeChestCtPatch's default). */
export const STANDARD_DOSE_NOISE_HU = 15;
/** Dose of the `low-dose` inputs as a fraction of the standard dose. */
export const LOW_DOSE_FRACTION = 0.1;

/**
 * Quantum noise at a fraction of the dose: the number of detected photons is proportional to the
 * dose and Poisson-distributed, so the noise standard deviation of the reconstruction scales as
 * σ ∝ 1/√dose (Kalender WA, *Computed Tomography*, 3rd ed., 2011, chapter on image quality and
 * noise; Buzug TM, *Computed Tomography*, 2008, ch. 11).
 * 10 % of the dose gives σ · 3.16.
 */
export function lowDoseNoiseHu(standardNoiseHu: number, doseFraction: number): number {
  if (!(doseFraction > 0)) throw new RangeError(`the dose fraction must be above 0, got ${doseFraction}`);
  return standardNoiseHu / Math.sqrt(doseFraction);
}

/**
 * Candidate patches of the `nodule` task are centred near the nodule: its edge lies within this
 * distance of the patch centre (mm), i.e. the centre is at most `10 − radius` mm off, in a random
 * direction, as in the false-positive-reduction stage of nodule detection, where each candidate is
 * classified on a patch centred on it (Setio et al., LUNA16, Med Image Anal 2017). The chest wall
 * of a patch starts at least 11.2 mm from the centre, so the nodule stays in the lung.
 */
export const NODULE_CENTRE_REACH_MM = 10;

/**
 * A lung patch's nodule, drawn from `rng`: diameter uniform in `range`, solid with probability
 * 3/4; with `centred`, at a random point within `NODULE_CENTRE_REACH_MM − radius` of the centre
 * (else anywhere in the lung, chosen by the patch generator).
 */
function randomNodule(rng: Rng, range: readonly [number, number], centred: boolean) {
  const diameterMm = rng.range(range[0], range[1]);
  const kind: 'solid' | 'ground-glass' = rng.uniform() < SOLID_NODULE_PROBABILITY ? 'solid' : 'ground-glass';
  const angle = rng.range(0, 2 * Math.PI);
  const distance = Math.max(0, NODULE_CENTRE_REACH_MM - diameterMm / 2) * Math.sqrt(rng.uniform());
  const at = { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
  return centred ? { diameterMm, kind, at } : { diameterMm, kind };
}

/**
 * Acute haemorrhages of the `haemorrhage` task (ranges of headCt.ts and Parizel et al., Eur
 * Radiol 2001): intraparenchymal (long axis 15–40 mm) or subdural (greatest thickness 5–15 mm)
 * with equal probability, either side, density +50…+90 HU.
 */
export function randomHaemorrhage(rng: Rng): HaemorrhageSpec {
  const kind = rng.uniform() < 0.5 ? 'intraparenchymal' : 'subdural';
  const side = rng.uniform() < 0.5 ? 'right' : 'left';
  const hu = rng.range(50, 90);
  const sizeMm = kind === 'intraparenchymal' ? rng.range(15, 40) : rng.range(5, 15);
  return { kind, side, hu, sizeMm };
}

/** One example before windowing: modality values and, for mask/denoise tasks, the target. */
interface RawExample {
  hu: Float32Array;
  target?: Float32Array;
}

/** Parameters of an example are drawn from a stream apart from the phantom's own. */
const PARAMETER_STREAM = 0x5bd1e995;

function lungPatchExample(
  task: 'nodule' | 'nodule-mask' | 'low-dose',
  seed: number,
  lesion: boolean,
  size: number,
  spacingMm: number,
): RawExample {
  const rng = createRng(seed ^ PARAMETER_STREAM);
  const range = task === 'nodule' ? NODULE_DIAMETER_MM : MASK_NODULE_DIAMETER_MM;
  const nodule = randomNodule(rng, range, task === 'nodule');
  const base = { size, spacingMm, seed, ...(lesion ? { nodule } : {}) };
  if (task === 'low-dose') {
    // Noise is drawn last, so the same seed gives the same anatomy at every dose.
    const noisy = makeChestCtPatch({
      ...base,
      noiseHu: lowDoseNoiseHu(STANDARD_DOSE_NOISE_HU, LOW_DOSE_FRACTION),
    });
    const clean = makeChestCtPatch({ ...base, noiseHu: 0 });
    return { hu: noisy.image, target: clean.image };
  }
  const patch = makeChestCtPatch(base);
  if (task === 'nodule') return { hu: patch.image };
  return { hu: patch.image, target: Float32Array.from(patch.masks) };
}

function headExample(seed: number, lesion: boolean, size: number, spacingMm: number): RawExample {
  const rng = createRng(seed ^ PARAMETER_STREAM);
  const bleed = randomHaemorrhage(rng);
  const head = makeHeadCt({
    size,
    fieldOfViewMm: size * spacingMm,
    seed,
    ...(lesion ? { haemorrhage: bleed } : {}),
  });
  return { hu: head.image };
}

/** Whether example `index` of a task holds a lesion (its label for the binary and mask tasks). */
export function zooLabel(task: ZooTaskId, index: number): number {
  if (task === 'nodule-mask') return index % 4 === 0 ? 0 : 1;
  return index % zooTaskClasses(task);
}

/**
 * Example `index` of a task in modality values (HU), before windowing. `regionSlices` caches the
 * chest slice a group of `region` crops shares (the crops are the same with or without it).
 */
function rawExample(
  task: ZooTaskId,
  seed: number,
  index: number,
  regionSlices: Map<number, RegionSlice> = new Map(),
): RawExample {
  const { size, spacingMm } = zooTaskPreprocessing(task);
  const label = zooLabel(task, index);
  const exampleSeed = zooExampleSeed(seed, index);
  if (task === 'haemorrhage') return headExample(exampleSeed, label === 1, size, spacingMm);
  if (task === 'region') {
    const group = Math.floor(index / REGION_SLICE_GROUP);
    const crop = makeRegionCrop(seed, index, label, regionSlices.get(group));
    regionSlices.clear();
    regionSlices.set(group, crop.slice);
    return { hu: crop.hu };
  }
  return lungPatchExample(task, exampleSeed, label === 1, size, spacingMm);
}

/**
 * Example `index` of the set `makeZooTaskSet(task, seed, count)` (any count > index) in HU,
 * before windowing, with its label: windowing `hu` with the task's preprocessing gives exactly
 * that set's input. For a lesson that shows a model an example of its own task.
 */
export function zooTaskExampleHu(
  task: ZooTaskId,
  seed: number,
  index: number,
): { hu: Float32Array; label: number; size: number; spacingMm: number } {
  const { size, spacingMm } = zooTaskPreprocessing(task);
  return { hu: rawExample(task, seed, index).hu, label: zooLabel(task, index), size, spacingMm };
}

/**
 * Generates `count` examples of `task` from `seed` (see the module comment). The same arguments
 * give identical arrays; example i is the same in every set of the same seed with more than i
 * examples.
 *
 * The `low-dose` target is the noise-free patch through the same reconstruction kernel (the
 * phantom's ground truth, which a real scan never has), not a standard-dose image: the MSE
 * minimiser is the same either way (a zero-mean noise in the target only adds a constant to the
 * loss; Lehtinen et al., "Noise2Noise", ICML 2018), but PSNR against the noise-free image measures
 * the denoiser's real error instead of being capped by the reference's own noise.
 */
export function makeZooTaskSet(task: ZooTaskId, seed: number, count: number): ZooTaskSet {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const prep = zooTaskPreprocessing(task);
  const { size, center, width } = prep;
  const n = size * size;
  const inputs = new Float32Array(count * n);
  const labels = new Int32Array(count);
  const hasTarget = task === 'nodule-mask' || task === 'low-dose';
  const targets = hasTarget ? new Float32Array(count * n) : null;
  const regionSlices = new Map<number, RegionSlice>();
  for (let i = 0; i < count; i++) {
    const label = zooLabel(task, i);
    labels[i] = label;
    const raw = rawExample(task, seed, i, regionSlices);
    if (raw.hu.length !== n) throw new RangeError(`example ${i} has ${raw.hu.length} values, not ${n}`);
    windowToUnit(raw.hu, center, width, inputs.subarray(i * n, (i + 1) * n));
    if (targets !== null && raw.target !== undefined) {
      const dst = targets.subarray(i * n, (i + 1) * n);
      if (task === 'low-dose') windowToUnit(raw.target, center, width, dst);
      else dst.set(raw.target);
    }
  }
  return { task, size, count, inputs, labels, targets, classes: zooTaskClasses(task) };
}
