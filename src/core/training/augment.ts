/**
 * Random data augmentation of training images (plain TypeScript, no tfjs), following
 * {@link AugmentSpec}: mirror, rotation, shift, window/intensity jitter and Gaussian noise, in that
 * order, then a clamp to 0…1. Augmentation enlarges the training set with label-preserving
 * variants of its images, a standard regulariser against overfitting on small medical datasets
 * (Shorten & Khoshgoftaar, "A survey on image data augmentation for deep learning", J Big Data
 * 2019; Chartrand et al., "Deep learning: a primer for radiologists", RadioGraphics 2017).
 *
 * Geometry uses pixel-centre coordinates: pixel (x, y) (column, row; rows run down) sits at
 * (x, y), the image centre at c = ((size − 1)/2, (size − 1)/2). The three geometric transforms
 * are applied as if one after another, each reading its input with edges clamped (a sample
 * outside the image takes the nearest edge pixel's value), but computed in one pass: output pixel
 * (x, y) reads
 *   1. the shift's source (xs, ys) = (clamp(x − dx), clamp(y − dy)), clamp to 0…size − 1;
 *   2. the rotation's source, for an angle θ that turns the image anticlockwise as displayed,
 *      u = c + cos θ·(xs − c) − sin θ·(ys − c),  v = c + sin θ·(xs − c) + cos θ·(ys − c),
 *      bilinear between the four pixels around (u, v) after clamping (u, v) to 0…size − 1;
 *   3. the mirrored image, whose pixel (u, v) is the source's (size − 1 − u, v).
 *
 * Random draws, per image and in this order, only for the transforms switched on: flip (one
 * uniform, mirrored when < 1/2), angle (one uniform, θ = rotateDeg·(2u − 1) degrees), shift (two
 * uniforms, dx then dy = ⌊u·(2k + 1)⌋ − k with k = ⌊shiftPx⌋), intensity (two uniforms, c then
 * b = intensity·(2u − 1)), noise (one normal per pixel, row-major).
 */
import type { Rng } from '../imaging/phantoms/random';
import type { AugmentSpec } from './trainingTypes';

/** The random parameters drawn for one image (all neutral when the transform is off). */
export interface AugmentDraw {
  flip: boolean;
  /** Rotation angle, radians (anticlockwise as displayed). */
  angleRad: number;
  /** Shift right (dx) and down (dy), whole pixels. */
  dx: number;
  dy: number;
  /** Contrast factor c and brightness offset b of the intensity jitter. */
  contrast: number;
  brightness: number;
}

/** Draws one image's parameters from `rng` in the module's documented order. */
export function drawAugment(spec: AugmentSpec, rng: Rng): AugmentDraw {
  const flip = spec.flip ? rng.uniform() < 0.5 : false;
  const angleRad = spec.rotateDeg > 0 ? (spec.rotateDeg * (2 * rng.uniform() - 1) * Math.PI) / 180 : 0;
  const k = Math.floor(spec.shiftPx);
  let dx = 0;
  let dy = 0;
  if (k > 0) {
    dx = Math.floor(rng.uniform() * (2 * k + 1)) - k;
    dy = Math.floor(rng.uniform() * (2 * k + 1)) - k;
  }
  let contrast = 0;
  let brightness = 0;
  if (spec.intensity > 0) {
    contrast = spec.intensity * (2 * rng.uniform() - 1);
    brightness = spec.intensity * (2 * rng.uniform() - 1);
  }
  return { flip, angleRad, dx, dy, contrast, brightness };
}

function overlaps(a: Float32Array, b: Float32Array): boolean {
  if (a.buffer !== b.buffer) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

function clampIndex(i: number, last: number): number {
  return i < 0 ? 0 : i > last ? last : i;
}

/** The geometric part (flip, rotation, shift) of one image, `src` → `out` (see the module comment). */
function warp(src: Float32Array, size: number, draw: AugmentDraw, out: Float32Array): void {
  const last = size - 1;
  const { flip, angleRad, dx, dy } = draw;
  if (angleRad === 0) {
    for (let y = 0; y < size; y++) {
      const row = clampIndex(y - dy, last) * size;
      const o = y * size;
      for (let x = 0; x < size; x++) {
        const xs = clampIndex(x - dx, last);
        out[o + x] = src[row + (flip ? last - xs : xs)] as number;
      }
    }
    return;
  }
  const c = last / 2;
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  for (let y = 0; y < size; y++) {
    const ys = clampIndex(y - dy, last) - c;
    const o = y * size;
    for (let x = 0; x < size; x++) {
      const xs = clampIndex(x - dx, last) - c;
      let u = c + cos * xs - sin * ys;
      let v = c + sin * xs + cos * ys;
      u = u < 0 ? 0 : u > last ? last : u;
      v = v < 0 ? 0 : v > last ? last : v;
      if (flip) u = last - u;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const u1 = u0 < last ? u0 + 1 : last;
      const v1 = v0 < last ? v0 + 1 : last;
      const fu = u - u0;
      const fv = v - v0;
      const r0 = v0 * size;
      const r1 = v1 * size;
      const top = (src[r0 + u0] as number) * (1 - fu) + (src[r0 + u1] as number) * fu;
      const bottom = (src[r1 + u0] as number) * (1 - fu) + (src[r1 + u1] as number) * fu;
      out[o + x] = top * (1 - fv) + bottom * fv;
    }
  }
}

/**
 * Augments one `size × size` image (values in 0…1, row-major) into `out`, drawing its random
 * parameters from `rng` (see the module comment for the transforms, their order and the draws):
 * with {@link NO_AUGMENT} `out` is a copy of `src` clamped to 0…1, and no number is drawn.
 * Intensity jitter maps v → (v − 0.5)·(1 + c) + 0.5 + b, then clamps to 0…1; noise adds
 * N(0, noise²) to every pixel; the result is clamped to 0…1.
 * @param out `size²` values, must not overlap `src`
 * @returns the parameters drawn
 * @throws RangeError for arrays of the wrong length or overlapping `src` and `out`
 */
export function augmentImage(
  src: Float32Array,
  size: number,
  spec: AugmentSpec,
  rng: Rng,
  out: Float32Array,
): AugmentDraw {
  const n = size * size;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  if (src.length !== n || out.length !== n)
    throw new RangeError(`an image of ${size} × ${size} has ${n} values, got ${src.length} → ${out.length}`);
  if (overlaps(src, out)) throw new RangeError('augmentImage: out must not overlap src');
  const draw = drawAugment(spec, rng);
  if (draw.flip || draw.angleRad !== 0 || draw.dx !== 0 || draw.dy !== 0) warp(src, size, draw, out);
  else out.set(src);
  if (spec.intensity > 0) {
    const gain = 1 + draw.contrast;
    const offset = 0.5 - 0.5 * gain + draw.brightness;
    for (let i = 0; i < n; i++) {
      const v = (out[i] as number) * gain + offset;
      out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
    }
  }
  const sigma = spec.noise;
  for (let i = 0; i < n; i++) {
    const v = sigma > 0 ? (out[i] as number) + sigma * rng.normal() : (out[i] as number);
    out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return draw;
}

/**
 * Augments `count` images stored back to back (`count · size²` values), each with its own draws
 * from `rng` in image order, so a seed fixes the whole batch.
 * @param out reused when given (`count · size²` values, not overlapping `images`)
 */
export function augmentBatch(
  images: Float32Array,
  size: number,
  count: number,
  spec: AugmentSpec,
  rng: Rng,
  out?: Float32Array,
): Float32Array {
  const n = size * size;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (images.length !== count * n)
    throw new RangeError(
      `${count} images of ${size} × ${size} need ${count * n} values, got ${images.length}`,
    );
  const dst = out ?? new Float32Array(count * n);
  if (dst.length !== count * n) throw new RangeError(`out holds ${dst.length} values, need ${count * n}`);
  for (let i = 0; i < count; i++) {
    augmentImage(images.subarray(i * n, (i + 1) * n), size, spec, rng, dst.subarray(i * n, (i + 1) * n));
  }
  return dst;
}
