/**
 * Phantom training sets for the `train-classifier` lesson: binary tasks (lesion or not) with a
 * chosen size, difficulty, class balance, patients and seed, generated in the training worker.
 *
 * | task | generator | lesion |
 * |---|---|---|
 * | `nodule` | {@link makeChestCtPatch}, 64 × 64 at 0.7 mm, lung window W 1500 / L −600 | one nodule, centred as in the zoo's `nodule` task |
 * | `haemorrhage` | {@link makeHeadCt}, 64 × 64 at 3.75 mm, brain window W 80 / L 40 | intraparenchymal or subdural, as in the zoo's `haemorrhage` task |
 *
 * Patients: the images of one (phantom) patient share its anatomy, lesion and label. Each
 * patient's anatomy is drawn once, noise-free, on a field {@link CROP_REACH_PX} pixels larger on
 * every side than the image; each of its images is a 64 × 64 crop of that field at a random
 * whole-pixel offset in ±reach (a repositioned scan, a neighbouring candidate patch) with its own
 * CT noise. Images of one patient are therefore similar but never identical: split by image, a
 * classifier sees near-copies of its validation images in training (leakage; Roberts et al.,
 * "Common pitfalls and recommendations for using machine learning to detect and prognosticate for
 * COVID-19", Nat Mach Intell 2021).
 *
 * Noise is the CT phantoms' own model (ctImaging.ts): white Gaussian noise filtered by the
 * reconstruction kernel, calibrated so that σ in a uniform region is `noiseHu`, then the 12-bit
 * clamp. Adding it after drawing equals drawing it inside {@link applyCtImaging}: the kernel is
 * linear.
 *
 * Reproducibility: patient p's anatomy and lesion come from `zooExampleSeed(seed, p)`, image i's
 * offset and noise from `patchSeed(seed, 1, i)`, and the order of patients from a Fisher–Yates
 * shuffle seeded by `seed`, so a spec regenerates bit for bit.
 */
import { LocalizedRangeError } from '../lessons/LocalizedError';
import type { Localized } from '../lessons/types';
import { makeChestCtPatch } from '../imaging/phantoms/chestCtPatch';
import { applyKernel, kernelNoiseGain, type CtKernel } from '../imaging/phantoms/ctImaging';
import { CT_MAX_HU, CT_MIN_HU, CT_TISSUES } from '../imaging/phantoms/ctTissues';
import { makeHeadCt } from '../imaging/phantoms/headCt';
import { createRng, shuffleInPlace, type Rng } from '../imaging/phantoms/random';
import type { ZooPreprocessing } from '../models/zooTypes';
import type { ImageDataset } from './imageDataset';
import { patchSeed } from './phantomPatchDataset';
import {
  NODULE_CENTRE_REACH_MM,
  randomHaemorrhage,
  windowToUnit,
  zooExampleSeed,
  zooTaskPreprocessing,
} from './zooTasks';

/** The phantom tasks a classifier can be trained on here (binary: lesion or not). */
export type PhantomTrainingTask = 'nodule' | 'haemorrhage';

/** How hard the task is. */
export interface PhantomDifficulty {
  /**
   * Lesion diameter (nodule) or size (haemorrhage) range, mm. Haemorrhage: a subdural's greatest
   * thickness; an intraparenchymal clot's long axis is 3 × the size drawn (the zoo's ranges,
   * 5–15 mm and 15–40 mm, keep about that ratio).
   */
  lesionSizeMm: readonly [number, number];
  /** Multiplies the lesion–background HU difference: 1 = the zoo's task, 0 = invisible. */
  contrast: number;
  /** Standard deviation of the image noise, HU. */
  noiseHu: number;
}

/** Everything that defines a phantom set: the same spec gives the same arrays. */
export interface PhantomDatasetSpec {
  task: PhantomTrainingTask;
  /** Number of images (≥ 4). */
  count: number;
  /** Share of images with a lesion, 0.05 … 0.95. */
  positiveFraction: number;
  seed: number;
  difficulty: PhantomDifficulty;
  /** Images per (phantom) patient, ≥ 1: a patient's images share anatomy and label. */
  imagesPerPatient: number;
}

/** The named difficulty levels. */
export type DifficultyLevel = 'easy' | 'medium' | 'hard';

/**
 * The difficulty presets, shared by both tasks (so a level means the same numbers whichever task
 * is chosen). `easy` is about the zoo's task (TinyVGG reaches a validation AUC ≥ 0.9 in 4 epochs
 * of 400 nodule patches; see the test), `hard` has small, faint lesions in heavy noise.
 *
 * | level | sizes | contrast | noise | nodule | haemorrhage |
 * |---|---|---|---|---|---|
 * | easy | 8–14 mm | 1 | 5 HU | solid (40 HU); less noise than a standard-dose patch (15 HU) | zoo densities (+50…+90 HU), a head scan's usual noise (3–5 HU) |
 * | medium | 4–8 mm | 0.6 | 15 HU | ground glass (≈ −324 HU), standard dose | +46…+70 HU; a noisy (low-dose) head scan |
 * | hard | 3–5 mm | 0.3 | 40 HU | faint ground glass (≈ −597 HU) at ≈ 1/7 of the dose | +43…+55 HU, 1–2 pixels thick in heavy noise |
 *
 * Noise σ scales as 1/√dose (see lowDoseNoiseHu in zooTasks.ts).
 */
export const DIFFICULTY_PRESETS: Readonly<Record<DifficultyLevel, PhantomDifficulty>> = {
  easy: { lesionSizeMm: [8, 14], contrast: 1, noiseHu: 5 },
  medium: { lesionSizeMm: [4, 8], contrast: 0.6, noiseHu: 15 },
  hard: { lesionSizeMm: [3, 5], contrast: 0.3, noiseHu: 40 },
};

/** The class names of a task, in label order (as the zoo's models name them). */
export const PHANTOM_CLASS_NAMES: Readonly<Record<PhantomTrainingTask, readonly Localized[]>> = {
  nodule: [
    { en: 'no nodule', zh: '无结节' },
    { en: 'nodule', zh: '结节' },
  ],
  haemorrhage: [
    { en: 'normal', zh: '正常' },
    { en: 'haemorrhage', zh: '出血' },
  ],
};

/** The window (centre, width), size (64) and pixel size of a task: the zoo's preprocessing of it. */
export function phantomPreprocessing(task: PhantomTrainingTask): ZooPreprocessing {
  return zooTaskPreprocessing(task);
}

/**
 * How far (whole pixels, each axis) a patient's images are offset from each other: ±4 px (2.8 mm)
 * for lung patches, ±2 px (7.5 mm) for head CT.
 */
export const CROP_REACH_PX: Readonly<Record<PhantomTrainingTask, number>> = { nodule: 4, haemorrhage: 2 };

/** Each task's reconstruction kernel (the generators' defaults). */
const KERNEL: Readonly<Record<PhantomTrainingTask, CtKernel>> = { nodule: 'standard', haemorrhage: 'soft' };

const hu = (name: string): number => CT_TISSUES.find((t) => t.name === name)?.hu ?? 0;
/** Lung parenchyma, −870 HU (ctTissues.ts). */
const LUNG_HU = hu('lung');
/** The default solid nodule's difference to lung: 40 − (−870) = 910 HU (ctTissues.ts). */
export const SOLID_NODULE_CONTRAST_HU = hu('solid-nodule') - LUNG_HU;
/**
 * The highest ground-glass density, −300 HU (ctTissues.ts; Hansell et al., Fleischner glossary,
 * Radiology 2008): a fainter nodule is drawn as ground glass, which spares the vessels crossing it.
 */
const GROUND_GLASS_MAX_HU = CT_TISSUES.find((t) => t.name === 'ground-glass-nodule')?.range[1] ?? -300;
/** Grey matter, +40 HU: the brain a bleed lies in or against (ctTissues.ts). */
const BRAIN_HU = hu('grey-matter');
/** An intraparenchymal clot's long axis is this multiple of the size drawn (see PhantomDifficulty). */
const INTRAPARENCHYMAL_LENGTH_RATIO = 3;
/** Per-patient parameters come from a stream apart from the phantom's own (as in zooTasks.ts). */
const PARAMETER_STREAM = 0x5bd1e995;
/** The patient order's stream. */
const ORDER_STREAM = 0x27d4eb2f;

/**
 * A patient's noise-free field, `field × field` HU, to crop images from. A contrast of 0 draws no
 * lesion at all (the label stays): a drawn lesion also changes the texture (a nodule replaces the
 * lung's dependent-density offset, a clot has an oedema rim), which even a faint one keeps.
 */
function patientField(
  task: PhantomTrainingTask,
  seed: number,
  positive: boolean,
  d: PhantomDifficulty,
): Float32Array {
  const { size, spacingMm } = zooTaskPreprocessing(task);
  const reach = CROP_REACH_PX[task];
  const field = size + 2 * reach;
  const rng = createRng(seed ^ PARAMETER_STREAM);
  const [low, high] = d.lesionSizeMm;
  const lesion = positive && d.contrast > 0;
  if (task === 'nodule') {
    const diameterMm = rng.range(low, high);
    const noduleHu = LUNG_HU + d.contrast * SOLID_NODULE_CONTRAST_HU;
    const kind: 'solid' | 'ground-glass' = noduleHu < GROUND_GLASS_MAX_HU ? 'ground-glass' : 'solid';
    // The nodule's edge stays within NODULE_CENTRE_REACH_MM of every crop's centre where its size
    // allows (a nodule over 12 mm sits at the field's centre, and a crop may move its edge up to 4 mm further).
    const angle = rng.range(0, 2 * Math.PI);
    const free = NODULE_CENTRE_REACH_MM - diameterMm / 2 - Math.SQRT2 * reach * spacingMm;
    const distance = Math.max(0, free) * Math.sqrt(rng.uniform());
    const at = { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
    const nodule = { diameterMm, kind, hu: noduleHu, at };
    return makeChestCtPatch({ size: field, spacingMm, seed, noiseHu: 0, ...(lesion ? { nodule } : {}) })
      .image;
  }
  const bleed = randomHaemorrhage(rng);
  const sizeMm = rng.range(low, high);
  const haemorrhage = {
    ...bleed,
    sizeMm: bleed.kind === 'intraparenchymal' ? sizeMm * INTRAPARENCHYMAL_LENGTH_RATIO : sizeMm,
    hu: BRAIN_HU + d.contrast * ((bleed.hu ?? 70) - BRAIN_HU),
  };
  return makeHeadCt({
    size: field,
    fieldOfViewMm: field * spacingMm,
    seed,
    noiseHu: 0,
    ...(lesion ? { haemorrhage } : {}),
  }).image;
}

/**
 * One image: the `size × size` crop of `field` at offset (dx, dy) from its centre, plus
 * kernel-filtered noise of σ `noiseHu`, clamped to −1024…3071 HU, into `out` (HU).
 */
function cropWithNoise(
  field: Float32Array,
  fieldSize: number,
  size: number,
  dx: number,
  dy: number,
  noise: { sigmaWhite: number; kernel: CtKernel; spacingMm: number; rng: Rng },
  out: Float32Array,
): void {
  const reach = (fieldSize - size) / 2;
  for (let r = 0; r < size; r++) {
    const from = (r + reach + dy) * fieldSize + reach + dx;
    out.set(field.subarray(from, from + size), r * size);
  }
  if (noise.sigmaWhite > 0) {
    const grain = new Float32Array(size * size);
    for (let i = 0; i < grain.length; i++) grain[i] = noise.sigmaWhite * noise.rng.normal();
    applyKernel(grain, size, size, noise.spacingMm, noise.kernel);
    for (let i = 0; i < grain.length; i++) out[i] = (out[i] as number) + (grain[i] as number);
  }
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    out[i] = v < CT_MIN_HU ? CT_MIN_HU : v > CT_MAX_HU ? CT_MAX_HU : v;
  }
}

/**
 * The patients of a set, in dataset order: `positives` images in patients of `perPatient` (the
 * last one smaller when it does not divide), the negatives likewise, shuffled by Fisher–Yates
 * (Knuth vol. 2 §3.4.2) on `rng`. Each entry is [label, image count].
 */
function patientPlan(
  count: number,
  positives: number,
  perPatient: number,
  rng: Rng,
): Array<[number, number]> {
  const plan: Array<[number, number]> = [];
  for (const [label, n] of [
    [1, positives],
    [0, count - positives],
  ] as const) {
    for (let left = n; left > 0; left -= perPatient) plan.push([label, Math.min(perPatient, left)]);
  }
  return shuffleInPlace(plan, rng);
}

/**
 * Generates the set (64 × 64, windowed to 0…1 with the task's zoo preprocessing): exactly
 * round(count · positiveFraction) images with a lesion, grouped by patient (see the module
 * comment), `patientIds` numbering the patients 0, 1, … in order of first appearance.
 * @throws PhantomSpecError (a RangeError with a Localized message) for a spec out of range
 */
export function makePhantomDataset(spec: PhantomDatasetSpec): ImageDataset {
  validatePhantomSpec(spec);
  const { task, count, seed, difficulty } = spec;
  const prep = zooTaskPreprocessing(task);
  const { size, spacingMm, center, width } = prep;
  const n = size * size;
  const reach = CROP_REACH_PX[task];
  const fieldSize = size + 2 * reach;
  const positives = Math.round(count * spec.positiveFraction);
  const plan = patientPlan(count, positives, spec.imagesPerPatient, createRng(seed ^ ORDER_STREAM));
  const kernel = KERNEL[task];
  const sigmaWhite = difficulty.noiseHu > 0 ? difficulty.noiseHu / kernelNoiseGain(spacingMm, kernel) : 0;

  const images = new Float32Array(count * n);
  const labels = new Int32Array(count);
  const patientIds = new Int32Array(count);
  const huImage = new Float32Array(n);
  let i = 0;
  plan.forEach(([label, m], p) => {
    const field = patientField(task, zooExampleSeed(seed, p), label === 1, difficulty);
    for (let k = 0; k < m; k++, i++) {
      const rng = createRng(patchSeed(seed, 1, i));
      const dx = rng.int(2 * reach + 1) - reach;
      const dy = rng.int(2 * reach + 1) - reach;
      cropWithNoise(field, fieldSize, size, dx, dy, { sigmaWhite, kernel, spacingMm, rng }, huImage);
      windowToUnit(huImage, center, width, images.subarray(i * n, (i + 1) * n));
      labels[i] = label;
      patientIds[i] = p;
    }
  });
  return {
    size,
    count,
    images,
    labels,
    classNames: PHANTOM_CLASS_NAMES[task],
    patientIds,
    presetSplit: null,
    spacingMm,
    window: { center, width },
    source: { kind: 'phantom', description: phantomDescription(spec, plan.length, levelOf(spec)) },
  };
}

/** The preset level a spec's difficulty equals, or null for a custom one. */
function levelOf(spec: PhantomDatasetSpec): DifficultyLevel | null {
  const levels: DifficultyLevel[] = ['easy', 'medium', 'hard'];
  const d = spec.difficulty;
  return (
    levels.find((level) => {
      const p = DIFFICULTY_PRESETS[level];
      return (
        p.contrast === d.contrast &&
        p.noiseHu === d.noiseHu &&
        p.lesionSizeMm[0] === d.lesionSizeMm[0] &&
        p.lesionSizeMm[1] === d.lesionSizeMm[1]
      );
    }) ?? null
  );
}

/** A phantom spec out of range, with a message a student can act on in both languages. */
export class PhantomSpecError extends LocalizedRangeError {
  override readonly name = 'PhantomSpecError';
}

/** Checks every field of a spec; throws {@link PhantomSpecError} naming the first bad one. */
export function validatePhantomSpec(spec: PhantomDatasetSpec): void {
  const fail = (en: string, zh: string): never => {
    throw new PhantomSpecError({ en, zh });
  };
  if (spec.task !== 'nodule' && spec.task !== 'haemorrhage')
    fail(
      `Unknown phantom task “${String(spec.task)}”: choose nodule or haemorrhage.`,
      `未知的模体任务“${String(spec.task)}”：请选择结节或出血。`,
    );
  if (!Number.isInteger(spec.count) || spec.count < 4 || spec.count > 20000)
    fail(
      `The number of images must be a whole number from 4 to 20,000 (got ${spec.count}).`,
      `图像数量必须是 4 到 20000 之间的整数（当前为 ${spec.count}）。`,
    );
  if (!(spec.positiveFraction >= 0.05 && spec.positiveFraction <= 0.95))
    fail(
      `The share of images with a lesion must be between 5 % and 95 % (got ${spec.positiveFraction}).`,
      `含病灶图像的比例必须在 5% 到 95% 之间（当前为 ${spec.positiveFraction}）。`,
    );
  const positives = Math.round(spec.count * spec.positiveFraction);
  if (positives < 1 || positives > spec.count - 1)
    fail(
      `With ${spec.count} images and this share, one class would be empty: use more images or a share nearer 50 %.`,
      `在 ${spec.count} 张图像和此比例下，有一个类别将为空：请增加图像数量或把比例调得更接近 50%。`,
    );
  if (
    !Number.isInteger(spec.imagesPerPatient) ||
    spec.imagesPerPatient < 1 ||
    spec.imagesPerPatient > spec.count
  )
    fail(
      `Images per patient must be a whole number from 1 to the number of images (got ${spec.imagesPerPatient}).`,
      `每位患者的图像数必须是 1 到图像总数之间的整数（当前为 ${spec.imagesPerPatient}）。`,
    );
  if (!Number.isFinite(spec.seed)) fail('The seed must be a number.', '随机种子必须是一个数字。');
  const d = spec.difficulty;
  const [low, high] = d.lesionSizeMm;
  if (!(low > 0 && high >= low && high <= 80))
    fail(
      `The lesion size range must run from above 0 to at most 80 mm, smallest first (got ${low}–${high} mm).`,
      `病灶大小范围必须大于 0 且不超过 80 毫米，且小值在前（当前为 ${low}–${high} 毫米）。`,
    );
  if (!(d.contrast >= 0 && d.contrast <= 2))
    fail(
      `The contrast factor must be between 0 and 2 (got ${d.contrast}).`,
      `对比度系数必须在 0 到 2 之间（当前为 ${d.contrast}）。`,
    );
  if (!(d.noiseHu >= 0 && d.noiseHu <= 500))
    fail(
      `The noise must be between 0 and 500 HU (got ${d.noiseHu}).`,
      `噪声必须在 0 到 500 HU 之间（当前为 ${d.noiseHu}）。`,
    );
}

const LEVEL_NAMES: Readonly<Record<DifficultyLevel, Localized>> = {
  easy: { en: 'easy', zh: '简单' },
  medium: { en: 'medium', zh: '中等' },
  hard: { en: 'hard', zh: '困难' },
};

/** The set described in words: task, difficulty, count, balance, patients and seed. */
function phantomDescription(
  spec: PhantomDatasetSpec,
  patients: number,
  level: DifficultyLevel | null,
): Localized {
  const d = spec.difficulty;
  const [low, high] = d.lesionSizeMm;
  const positives = Math.round(spec.count * spec.positiveFraction);
  const pct = Math.round((100 * positives) / spec.count);
  const nodule = spec.task === 'nodule';
  const what: Localized = nodule
    ? { en: 'Phantom lung CT patches', zh: '模体肺部 CT 图块' }
    : { en: 'Phantom head CT slices', zh: '模体头部 CT 切片' };
  const lesion: Localized = nodule ? { en: 'a nodule', zh: '结节' } : { en: 'a haemorrhage', zh: '出血' };
  const levelEn = level === null ? 'custom difficulty' : `${LEVEL_NAMES[level].en} difficulty`;
  const levelZh = level === null ? '自定义难度' : `${LEVEL_NAMES[level].zh}难度`;
  return {
    en:
      `${what.en}: ${spec.count} images, ${positives} (${pct} %) with ${lesion.en}, ` +
      `${patients} patients (${spec.imagesPerPatient} per patient); ${levelEn} ` +
      `(lesions ${low}–${high} mm, contrast ×${d.contrast}, noise ${d.noiseHu} HU); seed ${spec.seed}.`,
    zh:
      `${what.zh}：共 ${spec.count} 张图像，其中 ${positives} 张（${pct}%）含${lesion.zh}；` +
      `${patients} 位患者（每位 ${spec.imagesPerPatient} 张）；${levelZh}` +
      `（病灶 ${low}–${high} 毫米，对比度 ×${d.contrast}，噪声 ${d.noiseHu} HU）；随机种子 ${spec.seed}。`,
  };
}
