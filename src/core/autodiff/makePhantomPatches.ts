/**
 * Small labelled patches for the tiny CNN of the backprop lesson. The scalar graph costs one node
 * per multiplication, so the patches are small (8×8 by default), each the block average of a
 * larger phantom:
 *
 * - `chest-ct` (default): a lung patch from {@link makeChestCtPatch} (parenchyma, vessels, CT
 *   noise; class 1 holds a solid nodule of 6–10 mm), shown through a lung window (width 1500 HU,
 *   level −600 HU) scaled to [−1, 1]. Vessels look like nodules at this size: the task is not trivial.
 * - `disc`: {@link makeDiscBatch} Gaussian noise, class 1 with a bright disc (normalised units).
 */
import { makeDiscBatch, mulberry32 } from '../datasets/discPhantom';
import { CT_PATCH_SPACING_MM } from '../datasets/phantomPatchDataset';
import { makeChestCtPatch } from '../imaging/phantoms/chestCtPatch';
import { LUNG_WINDOW, NODULE_DIAMETER_MM } from './tinyCnnSetup';

/** A set of square patches with 0/1 labels (1 = nodule or disc present). */
export interface TinyCnnPatches {
  /** One row-major array of size² values per patch. */
  images: Float64Array[];
  labels: number[];
  size: number;
}

/** Options of {@link makePhantomPatches}. */
export interface PatchOptions {
  /** `chest-ct` (default) or `disc`. */
  source?: 'chest-ct' | 'disc';
  /** Side of the patch (default 8). */
  size?: number;
  /** Down-sampling factor from the phantom (default 4: 32×32 → 8×8). */
  factor?: number;
  seed?: number;
  /** Noise σ of the disc phantom before averaging (default 1). */
  noise?: number;
}

/** HU → [−1, 1] through the lung window: (HU − level) / (width / 2), clipped. */
export function lungWindow(hu: number): number {
  return Math.max(-1, Math.min(1, (hu - LUNG_WINDOW.level) / (LUNG_WINDOW.width / 2)));
}

/** Averages `factor`×`factor` blocks of a `big`×`big` image into a `size`×`size` one. */
function blockAverage(
  src: ArrayLike<number>,
  offset: number,
  big: number,
  size: number,
  factor: number,
): Float64Array {
  const out = new Float64Array(size * size);
  for (let y = 0; y < big; y++) {
    for (let x = 0; x < big; x++) {
      const i = Math.floor(y / factor) * size + Math.floor(x / factor);
      out[i] = (out[i] ?? 0) + (src[offset + y * big + x] ?? 0) / (factor * factor);
    }
  }
  return out;
}

/** Makes `count` patches, labels alternating 0, 1, 0, 1… (balanced), reproducible from the seed. */
export function makePhantomPatches(count: number, options: PatchOptions = {}): TinyCnnPatches {
  const size = options.size ?? 8;
  const factor = options.factor ?? 4;
  const big = size * factor;
  const seed = options.seed ?? 1;
  const images: Float64Array[] = [];
  const labels: number[] = [];
  if (options.source === 'disc') {
    const batch = makeDiscBatch(count, big, seed, options.noise ?? 1);
    for (let b = 0; b < count; b++) images.push(blockAverage(batch.images, b * big * big, big, size, factor));
    return { images, labels: Array.from(batch.labels), size };
  }
  const rand = mulberry32(seed);
  for (let b = 0; b < count; b++) {
    const label = b % 2;
    const [dMin, dMax] = NODULE_DIAMETER_MM;
    const diameterMm = dMin + (dMax - dMin) * rand();
    const patch = makeChestCtPatch({
      size: big,
      spacingMm: CT_PATCH_SPACING_MM,
      seed: seed * 100_003 + b,
      chestWallProbability: 0,
      ...(label === 1 ? { nodule: { diameterMm } } : {}),
    });
    images.push(blockAverage(Array.from(patch.image, lungWindow), 0, big, size, factor));
    labels.push(label);
  }
  return { images, labels, size };
}
