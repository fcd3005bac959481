/**
 * Separable Gaussian blur: the point-spread function of a reconstruction kernel or a detector,
 * modelled as a 2-D Gaussian G(x, y) = g(x)·g(y), so one 1-D pass along rows and one along
 * columns do the 2-D convolution (separability of the Gaussian, e.g. Gonzalez & Woods,
 * *Digital Image Processing*, 4th ed., 3.5).
 */

/** Normalised 1-D Gaussian weights for σ (pixels), truncated at ±3σ. */
export function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const weights = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    weights[i + radius] = w;
    sum += w;
  }
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / sum;
  return weights;
}

/** One 1-D pass: `stride` 1 along rows, `columns` along columns; edges clamp (replicate). */
function pass(
  src: Float32Array,
  dst: Float32Array,
  lines: number,
  length: number,
  lineStride: number,
  stride: number,
  kernel: Float32Array,
): void {
  const radius = (kernel.length - 1) / 2;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStride;
    for (let i = 0; i < length; i++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        let j = i + k;
        if (j < 0) j = 0;
        else if (j >= length) j = length - 1;
        acc += (kernel[k + radius] ?? 0) * (src[base + j * stride] ?? 0);
      }
      dst[base + i * stride] = acc;
    }
  }
}

/**
 * Blurs `values` (rows × columns, row-major) in place with a Gaussian of standard deviation
 * `sigma` pixels. σ ≤ 0 leaves the image unchanged. Edges are replicated.
 */
export function gaussianBlur(values: Float32Array, rows: number, columns: number, sigma: number): void {
  if (!(sigma > 0)) return;
  const kernel = gaussianKernel(sigma);
  const tmp = new Float32Array(values.length);
  pass(values, tmp, rows, columns, columns, 1, kernel);
  pass(tmp, values, columns, rows, 1, columns, kernel);
}
