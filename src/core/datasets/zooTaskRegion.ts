/**
 * The `region` task of the zoo: 64 × 64 crops at 1.4 mm of axial chest-CT slices
 * ({@link makeChestCt}, 256 × 256 over 358.4 mm), each centred on a random pixel of one class's
 * tissue, in the order of `REGION_CLASSES`:
 *
 * 0. lung — lung parenchyma;
 * 1. heart — myocardium, and the blood of the right atrium / inferior vena cava (blood in the image's
 *    left half; the phantom's only other blood is the descending aorta, on the patient's left);
 * 2. spine — cortical or cancellous bone within 35 mm of the midline in the posterior half
 *    (vertebral body, pedicles, laminae, transverse and spinous processes; the ribs lie further out);
 * 3. chest wall — fat or muscle within 30 mm of the skin surface, away from the paraspinal block
 *    behind the spine (|x| < 55 mm, posterior half), whose crops would show the spine.
 *
 * Choosing the centre uniformly among all of a class's pixels is the positional jitter: the
 * structure appears anywhere in the crop's middle, not always in the same place. Pixels outside the
 * slice read as air (−1000 HU). A slice is reused for {@link REGION_SLICE_GROUP} consecutive
 * examples (two per class) to keep generation fast; both the slice (seeded by the group) and the
 * crop (seeded by the example) depend only on the dataset seed and the index, so every example
 * regenerates exactly.
 */
import { makeChestCt } from '../imaging/phantoms/chestCt';
import { ctTissueIndex as T } from '../imaging/phantoms/ctTissues';
import { createRng } from '../imaging/phantoms/random';
import { patchSeed } from './phantomPatchDataset';

/** Consecutive examples cut from one slice (a multiple of the 4 classes). */
export const REGION_SLICE_GROUP = 8;
/** The source slices: 256 × 256 pixels of 1.4 mm (358.4 mm field). */
export const REGION_SLICE_SIZE = 256;
export const REGION_SPACING_MM = 1.4;
/** Crop side in pixels. */
export const REGION_CROP_SIZE = 64;
/** Value of crop pixels outside the slice: air. */
export const REGION_PAD_HU = -1000;
/** Chest wall: at most this far inside the skin surface, mm. */
const CHEST_WALL_DEPTH_MM = 30;

/** A slice and the pixels of each class, ready to be cropped. */
export interface RegionSlice {
  hu: Float32Array;
  tissues: Uint8Array;
  /** Pixel indices of each class (REGION_CLASSES order). */
  classPixels: readonly Int32Array[];
}

/** One crop of the region task. */
export interface RegionCrop {
  /** `REGION_CROP_SIZE²` values in HU. */
  hu: Float32Array;
  /** The slice pixel at the crop's centre (row, column), i.e. crop pixel (32, 32). */
  centre: { row: number; column: number };
  /** Tissue index of the slice at the centre. */
  centreTissue: number;
  /** The slice the crop was cut from (reuse it for the other examples of the same group). */
  slice: RegionSlice;
  /** The slice's group number: ⌊index / REGION_SLICE_GROUP⌋. */
  group: number;
}

/**
 * Chamfer distance (3-4 weights, Borgefors 1986, in units of a third of a pixel) of every pixel to
 * the nearest pixel outside the body, in mm.
 */
function depthBelowSkin(tissues: Uint8Array, n: number, spacingMm: number): Float32Array {
  const outside = new Set([T('air'), T('table'), T('table-foam')]);
  const big = 1e9;
  const d = new Float32Array(n * n);
  for (let i = 0; i < d.length; i++) d[i] = outside.has(tissues[i] ?? 0) ? 0 : big;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= n || c >= n ? 0 : (d[r * n + c] ?? big));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      d[i] = Math.min(
        d[i] ?? big,
        at(r - 1, c) + 3,
        at(r, c - 1) + 3,
        at(r - 1, c - 1) + 4,
        at(r - 1, c + 1) + 4,
      );
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    for (let c = n - 1; c >= 0; c--) {
      const i = r * n + c;
      d[i] = Math.min(
        d[i] ?? big,
        at(r + 1, c) + 3,
        at(r, c + 1) + 3,
        at(r + 1, c + 1) + 4,
        at(r + 1, c - 1) + 4,
      );
    }
  }
  for (let i = 0; i < d.length; i++) d[i] = ((d[i] ?? 0) / 3) * spacingMm;
  return d;
}

/** Which class (0–3) a slice pixel belongs to, or −1 (see the module comment). */
function classOf(tissue: number, xMm: number, yMm: number, depthMm: number): number {
  if (tissue === T('lung')) return 0;
  if (tissue === T('myocardium') || (tissue === T('blood') && xMm < 0)) return 1;
  const bone = tissue === T('cortical-bone') || tissue === T('cancellous-bone');
  if (bone && Math.abs(xMm) <= 35 && yMm > 0) return 2;
  const wall = tissue === T('fat') || tissue === T('muscle');
  if (wall && depthMm <= CHEST_WALL_DEPTH_MM && !(Math.abs(xMm) < 55 && yMm > 0)) return 3;
  return -1;
}

/** Generates the slice of a group and lists the pixels of each class. */
export function makeRegionSlice(datasetSeed: number, group: number): RegionSlice {
  const n = REGION_SLICE_SIZE;
  const s = REGION_SPACING_MM;
  const ct = makeChestCt({ size: n, fieldOfViewMm: n * s, seed: patchSeed(datasetSeed, 1, group) });
  const depth = depthBelowSkin(ct.tissues, n, s);
  const lists: number[][] = [[], [], [], []];
  for (let r = 0; r < n; r++) {
    const y = (r - (n - 1) / 2) * s;
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      const k = classOf(ct.tissues[i] ?? 0, (c - (n - 1) / 2) * s, y, depth[i] ?? 0);
      if (k >= 0) lists[k]?.push(i);
    }
  }
  lists.forEach((l, k) => {
    if (l.length === 0) throw new Error(`slice ${group} has no pixel of region class ${k}`);
  });
  return { hu: ct.image, tissues: ct.tissues, classPixels: lists.map((l) => Int32Array.from(l)) };
}

/**
 * Crop `index` of the region set with seed `datasetSeed`, of class `label`: a random pixel of the
 * class in the group's slice becomes crop pixel (32, 32). Pass the group's slice when it is at hand.
 */
export function makeRegionCrop(
  datasetSeed: number,
  index: number,
  label: number,
  slice?: RegionSlice,
): RegionCrop {
  const group = Math.floor(index / REGION_SLICE_GROUP);
  const source = slice ?? makeRegionSlice(datasetSeed, group);
  const pixels = source.classPixels[label];
  if (pixels === undefined) throw new RangeError(`region class ${label} does not exist`);
  const rng = createRng(patchSeed(datasetSeed, 0, index) ^ 0x5bd1e995);
  const centreIndex = pixels[rng.int(pixels.length)] ?? 0;
  const n = REGION_SLICE_SIZE;
  const m = REGION_CROP_SIZE;
  const row = Math.floor(centreIndex / n);
  const column = centreIndex % n;
  const hu = new Float32Array(m * m).fill(REGION_PAD_HU);
  for (let r = 0; r < m; r++) {
    const sr = row - m / 2 + r;
    if (sr < 0 || sr >= n) continue;
    for (let c = 0; c < m; c++) {
      const sc = column - m / 2 + c;
      if (sc >= 0 && sc < n) hu[r * m + c] = source.hu[sr * n + sc] ?? REGION_PAD_HU;
    }
  }
  return {
    hu,
    centre: { row, column },
    centreTissue: source.tissues[centreIndex] ?? 0,
    slice: source,
    group,
  };
}
