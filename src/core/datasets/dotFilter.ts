/**
 * A hand-designed nodule detector: the Hessian "dot enhancement" filter of Li Q, Sone S, Doi K.
 * Selective enhancement filters for nodules, vessels, and airway walls in two- and
 * three-dimensional CT scans. Med Phys 2003;30:2040–2051, in its 2-D form.
 *
 * The image is smoothed with a Gaussian of σ pixels (the scale of the structures sought); at every
 * pixel the Hessian H = [[Ixx, Ixy], [Ixy, Iyy]] is estimated by central differences and its
 * eigenvalues λ₁ ≤ λ₂ computed. A bright round blob has both eigenvalues strongly negative, a
 * bright line only one (λ₂ ≈ 0), so the dot response is
 *   z = λ₂² / |λ₁|  when λ₂ < 0,  else 0,
 * large for blobs and small for vessels. Multiplying by σ² makes responses comparable across
 * scales (Lindeberg T. Feature detection with automatic scale selection. IJCV 1998;30:79–116).
 * The feature is the largest response in the patch.
 */
import { gaussianBlur } from '../imaging/phantoms/gaussianBlur';

/**
 * The lesson's scale: σ = 4 px (2.8 mm at 0.7 mm pixels), tuned to nodules of 4–10 mm, where a
 * disc of radius r responds most for σ ≈ r/√2.
 */
export const DOT_FILTER_SIGMA_PX = 4;

/** The eigenvalues (λ₁ ≤ λ₂) of the symmetric 2×2 matrix [[a, b], [b, c]]. */
export function symmetricEigenvalues(a: number, b: number, c: number): [number, number] {
  const half = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  return [half - r, half + r];
}

/** The dot response λ₂²/|λ₁| of one Hessian (0 unless both eigenvalues are negative). */
export function dotResponse(ixx: number, ixy: number, iyy: number): number {
  const [l1, l2] = symmetricEigenvalues(ixx, ixy, iyy);
  return l2 < 0 ? (l2 * l2) / Math.abs(l1) : 0;
}

/**
 * The dot-filter map of an unsmoothed image over its interior, `(width − 2) × (height − 2)`
 * values, scaled by σ²; σ ≤ 0 skips the smoothing.
 */
export function dotFilterMap(
  image: ArrayLike<number>,
  width: number,
  height: number,
  sigma: number,
): Float64Array {
  if (width < 3 || height < 3 || image.length !== width * height) {
    throw new RangeError(`a ${width}×${height} image with ${image.length} values has no 3×3 interior`);
  }
  const im = Float32Array.from(image);
  gaussianBlur(im, height, width, sigma);
  const scale = sigma > 0 ? sigma * sigma : 1;
  const ow = width - 2;
  const out = new Float64Array(ow * (height - 2));
  const at = (x: number, y: number): number => im[y * width + x] as number;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const c = at(x, y);
      const ixx = at(x + 1, y) - 2 * c + at(x - 1, y);
      const iyy = at(x, y + 1) - 2 * c + at(x, y - 1);
      const ixy = (at(x + 1, y + 1) - at(x - 1, y + 1) - at(x + 1, y - 1) + at(x - 1, y - 1)) / 4;
      out[(y - 1) * ow + (x - 1)] = scale * dotResponse(ixx, ixy, iyy);
    }
  }
  return out;
}

/** The largest dot response in the patch (the feature). */
export function maxDotResponse(
  image: ArrayLike<number>,
  width: number,
  height: number,
  sigma: number,
): number {
  let best = 0;
  for (const v of dotFilterMap(image, width, height, sigma)) best = Math.max(best, v);
  return best;
}
