/**
 * Seeded, stratified train / validation / test splits of an {@link ImageDataset}, optionally at
 * the patient level, and stratified subsets (a smaller training set for the overfitting lesson).
 *
 * Stratification keeps each class's share the same in every split (Kohavi R. A study of
 * cross-validation and bootstrap for accuracy estimation and model selection. IJCAI 1995).
 * A patient-level split keeps all images of a patient in one split: images of one patient are
 * correlated, and splitting them across training and test inflates the measured performance
 * ("data leakage"; Roberts M et al. Common pitfalls and recommendations for using machine
 * learning to detect and prognosticate for COVID-19 using chest radiographs and CT scans. Nat
 * Mach Intell 2021;3:199–217; Yagis E et al. Effect of data leakage in brain MRI classification
 * using 2D convolutional neural networks. Sci Rep 2021;11:22544).
 *
 * Counts are cut by largest-remainder rounding (Hamilton's method): each part gets the floor of
 * its quota, and the items left over go to the parts with the largest fractional remainders.
 */
import { LocalizedRangeError } from '../lessons/LocalizedError';
import { createRng, shuffleInPlace, type Rng } from '../imaging/phantoms/random';
import { SPLIT_NAMES, type DatasetSplit, type ImageDataset, type SplitName } from './imageDataset';

/** How to split a dataset (the training page's controls have the same shape). */
export interface SplitOptions {
  /** Shares of the three splits: each ≥ 0, summing to 1. */
  fractions: { train: number; validation: number; test: number };
  seed: number;
  /** Keep each patient's images in one split (only where the data has patient ids). */
  byPatient: boolean;
  /** Use the publisher's split where the data has one (MedMNIST). */
  usePreset: boolean;
}

/** Bad split settings, with a message a student can act on in both languages. */
export class SplitOptionsError extends LocalizedRangeError {
  override readonly name = 'SplitOptionsError';
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` items to parts in proportion to
 * `weights` (≥ 0, not all 0). Leftover items go to the largest remainders, the earlier part on a
 * tie; a part of weight 0 gets nothing.
 */
function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map((q) => Math.floor(q));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, k) => ({ k, w, rest: (quotas[k] as number) - (counts[k] as number) }))
    .filter((part) => part.w > 0)
    .sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) {
    const k = (order[i] as { k: number }).k;
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

/** Groups `units` by their label, classes in ascending order, units ascending within a class. */
function byLabel(units: readonly number[], unitLabel: (unit: number) => number): number[][] {
  const groups = new Map<number, number[]>();
  for (const u of units) {
    const l = unitLabel(u);
    const group = groups.get(l);
    if (group) group.push(u);
    else groups.set(l, [u]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g.sort((a, b) => a - b));
}

/**
 * Cuts each class's shuffled units into three parts by the fractions; a class of ≥ 3 units puts
 * at least one in every part whose fraction is > 0, taken from the largest part.
 */
function stratify(classes: number[][], fractions: readonly number[], rng: Rng): number[][] {
  const parts: number[][] = [[], [], []];
  for (const group of classes) {
    const counts = largestRemainder(group.length, fractions);
    if (group.length >= 3) {
      for (let s = 0; s < 3; s++) {
        if ((fractions[s] as number) > 0 && counts[s] === 0) {
          const donor = counts.indexOf(Math.max(...counts));
          counts[donor] = (counts[donor] as number) - 1;
          counts[s] = 1;
        }
      }
    }
    shuffleInPlace(group, rng);
    let start = 0;
    for (let s = 0; s < 3; s++) {
      const end = start + (counts[s] as number);
      (parts[s] as number[]).push(...group.slice(start, end));
      start = end;
    }
  }
  return parts;
}

function checkFractions(f: SplitOptions['fractions']): number[] {
  const values = [f.train, f.validation, f.test];
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new SplitOptionsError({
      en: `Split fractions must be zero or positive numbers (got train ${f.train}, validation ${f.validation}, test ${f.test}).`,
      zh: `划分比例必须是零或正数（当前：训练 ${f.train}，验证 ${f.validation}，测试 ${f.test}）。`,
    });
  }
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) {
    throw new SplitOptionsError({
      en: `Split fractions must add up to 1 (100 %); these add up to ${sum}. Adjust train, validation or test.`,
      zh: `划分比例之和必须为 1（100%），当前之和为 ${sum}。请调整训练、验证或测试比例。`,
    });
  }
  return values;
}

function toSplit(parts: number[][]): DatasetSplit {
  const sorted = parts.map((p) => Int32Array.from(p).sort());
  return {
    train: sorted[0] as Int32Array,
    validation: sorted[1] as Int32Array,
    test: sorted[2] as Int32Array,
  };
}

/**
 * The label a patient is stratified by: for binary labels (0/1) 1 if any of the patient's images
 * is positive (a patient with one positive image is a positive case); otherwise the majority
 * class of the patient's images, the lower class on a tie.
 */
function patientLabel(labels: readonly number[], binary: boolean): number {
  if (binary) return labels.includes(1) ? 1 : 0;
  const votes = new Map<number, number>();
  for (const l of labels) votes.set(l, (votes.get(l) ?? 0) + 1);
  let best = Infinity;
  let bestVotes = -1;
  for (const [l, v] of votes) {
    if (v > bestVotes || (v === bestVotes && l < best)) [best, bestVotes] = [l, v];
  }
  return best;
}

/**
 * Splits a dataset into train / validation / test indices (each sorted ascending, disjoint,
 * together covering every image):
 * - `usePreset` and the data has a `presetSplit` → the publisher's split (0 train, 1 validation,
 *   2 test), the fractions and seed unused;
 * - else, `byPatient` and the data has `patientIds` → whole patients go to one split; patients
 *   are stratified by their label (binary: positive if any image is; else the majority class)
 *   and the fractions apply to patients, not images;
 * - else, stratified by image: each class's images are shuffled (seeded) and cut by the fractions.
 * Cuts use largest-remainder rounding, so each class's count in a split is within 1 of
 * `fraction × class size`; and a class of at least 3 images (or patients) has at least one in
 * every split whose fraction is > 0: where such a quota is < 1, one item moves there from the
 * class's largest part (which may then fall more than 1 below its quota).
 * The seed fixes the split; classes are processed in ascending label order.
 * @throws SplitOptionsError (a RangeError) when a fraction is negative or they do not sum to 1
 *   (within 1e-6); RangeError when the arrays' lengths do not match `count` or a preset entry is
 *   not 0, 1 or 2
 */
export function splitDataset(
  data: Pick<ImageDataset, 'count' | 'labels' | 'patientIds' | 'presetSplit'>,
  options: SplitOptions,
): DatasetSplit {
  const fractions = checkFractions(options.fractions);
  const { count, labels, patientIds, presetSplit } = data;
  for (const [name, array] of [
    ['labels', labels],
    ['patientIds', patientIds],
    ['presetSplit', presetSplit],
  ] as const) {
    if (array && array.length !== count) {
      throw new RangeError(`${name} has ${array.length} entries for ${count} images`);
    }
  }
  if (options.usePreset && presetSplit) {
    const parts: number[][] = [[], [], []];
    presetSplit.forEach((s, i) => {
      if (s > 2) throw new RangeError(`presetSplit[${i}] = ${s} is not 0, 1 or 2`);
      (parts[s] as number[]).push(i);
    });
    return toSplit(parts);
  }
  const rng = createRng(options.seed);
  const all = Array.from({ length: count }, (_, i) => i);
  if (options.byPatient && patientIds) {
    const imagesOf = new Map<number, number[]>();
    for (const i of all) {
      const id = patientIds[i] as number;
      const images = imagesOf.get(id);
      if (images) images.push(i);
      else imagesOf.set(id, [i]);
    }
    const binary = labels.every((l) => l === 0 || l === 1);
    const patients = [...imagesOf.keys()].sort((a, b) => a - b);
    const label = new Map(
      patients.map((p) => [
        p,
        patientLabel(
          (imagesOf.get(p) ?? []).map((i) => labels[i] as number),
          binary,
        ),
      ]),
    );
    const parts = stratify(
      byLabel(patients, (p) => label.get(p) as number),
      fractions,
      rng,
    );
    return toSplit(parts.map((ps) => ps.flatMap((p) => imagesOf.get(p) ?? [])));
  }
  return toSplit(
    stratify(
      byLabel(all, (i) => labels[i] as number),
      fractions,
      rng,
    ),
  );
}

/**
 * How many images of each class each split holds: `counts[split][c]`, classes 0…classes−1.
 * @throws RangeError when a split's image has a label outside 0…classes−1
 */
export function splitCounts(
  labels: ArrayLike<number>,
  split: DatasetSplit,
  classes: number,
): Record<SplitName, number[]> {
  const out = {} as Record<SplitName, number[]>;
  for (const name of SPLIT_NAMES) {
    const counts = new Array<number>(classes).fill(0);
    for (const i of split[name]) {
      const l = labels[i] as number;
      if (!(Number.isInteger(l) && l >= 0 && l < classes)) {
        throw new RangeError(`image ${i} has label ${l}, not a class 0…${classes - 1}`);
      }
      counts[l] = (counts[l] as number) + 1;
    }
    out[name] = counts;
  }
  return out;
}

/**
 * `n` of the given dataset `indices`, keeping the classes' proportions: class `c` gets its
 * largest-remainder share of `n·|c|/|indices|`, drawn by a seeded shuffle. Returned sorted
 * ascending. Used to shrink a training set (the overfitting step) without changing its balance.
 * @throws RangeError when `n` is not an integer in 0…indices.length
 */
export function stratifiedSubset(
  indices: Int32Array,
  labels: ArrayLike<number>,
  n: number,
  seed: number,
): Int32Array {
  if (!Number.isInteger(n) || n < 0 || n > indices.length) {
    throw new SplitOptionsError({
      en: `Cannot take ${n} images from a set of ${indices.length}: choose a whole number from 0 to ${indices.length}.`,
      zh: `无法从 ${indices.length} 张图像中取出 ${n} 张：请选择 0 到 ${indices.length} 之间的整数。`,
    });
  }
  if (n === 0) return new Int32Array(0);
  const classes = byLabel(Array.from(indices), (i) => labels[i] as number);
  const counts = largestRemainder(
    n,
    classes.map((g) => g.length),
  );
  const rng = createRng(seed);
  const chosen = classes.flatMap((g, k) => shuffleInPlace(g, rng).slice(0, counts[k]));
  return Int32Array.from(chosen).sort();
}
