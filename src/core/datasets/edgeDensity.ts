/**
 * Edge density: the fraction of pixels whose Sobel gradient magnitude exceeds a threshold, a
 * hand-crafted measure of how much boundary a patch holds (Gonzalez RC, Woods RE, Digital Image
 * Processing, 4th ed., §10.2: Sobel operators; edge maps by thresholding the gradient magnitude).
 * The three 3×3 kernels are also what the ai-ml-dl lesson shows beside a CNN's learned filters.
 */

/** A 3×3 kernel, row-major: `k[r][c]` weighs the pixel at (y + r − 1, x + c − 1). */
export type Kernel3 = readonly [
  readonly [number, number, number],
  readonly [number, number, number],
  readonly [number, number, number],
];

/** Sobel kernel for the horizontal derivative ∂/∂x (responds to vertical edges). */
export const SOBEL_X: Kernel3 = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

/** Sobel kernel for the vertical derivative ∂/∂y (responds to horizontal edges). */
export const SOBEL_Y: Kernel3 = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];

/** The 4-neighbour Laplacian ∇², a classic hand-designed spot (blob) and edge detector. */
export const LAPLACIAN: Kernel3 = [
  [0, 1, 0],
  [1, -4, 1],
  [0, 1, 0],
];

/**
 * Valid-mode cross-correlation with a 3×3 kernel (as a CNN layer computes it): an output of
 * `(width − 2) × (height − 2)`, pixel (x, y) centred on input (x + 1, y + 1).
 */
export function correlate3x3(
  image: ArrayLike<number>,
  width: number,
  height: number,
  k: Kernel3,
): Float64Array {
  const ow = width - 2;
  const oh = height - 2;
  if (ow < 1 || oh < 1 || image.length !== width * height) {
    throw new RangeError(`a ${width}×${height} image with ${image.length} values has no 3×3 interior`);
  }
  const out = new Float64Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let s = 0;
      for (let r = 0; r < 3; r++) {
        const row = k[r] as readonly [number, number, number];
        const base = (y + r) * width + x;
        s +=
          row[0] * (image[base] as number) +
          row[1] * (image[base + 1] as number) +
          row[2] * (image[base + 2] as number);
      }
      out[y * ow + x] = s;
    }
  }
  return out;
}

/** Sobel gradient magnitude `√(Gx² + Gy²)` over the interior, `(width − 2) × (height − 2)` values. */
export function sobelMagnitude(image: ArrayLike<number>, width: number, height: number): Float64Array {
  const gx = correlate3x3(image, width, height, SOBEL_X);
  const gy = correlate3x3(image, width, height, SOBEL_Y);
  return gx.map((v, i) => Math.hypot(v, gy[i] as number));
}

/**
 * Fraction of interior pixels whose Sobel magnitude is strictly above `threshold` (in the image's
 * units, e.g. HU; a step edge of height h gives a magnitude of 4h, a ramp of slope s per pixel 8s).
 */
export function edgeDensity(
  image: ArrayLike<number>,
  width: number,
  height: number,
  threshold: number,
): number {
  const m = sobelMagnitude(image, width, height);
  let above = 0;
  for (const v of m) if (v > threshold) above++;
  return above / m.length;
}
