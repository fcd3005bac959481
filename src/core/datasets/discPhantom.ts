/**
 * A deliberately simple two-class task for smoke tests and benchmarks: square images of Gaussian
 * noise, where class 1 also holds a bright disc (a stand-in for a nodule) at a random place.
 * Values are already normalised (background mean 0, noise σ = `noise`, disc +1). Seeded, so
 * every run sees the same images. The realistic CT phantoms live beside it once built.
 */

/** One batch in NHWC layout with one channel, and one-hot labels. */
export interface DiscBatch {
  /** [batch, size, size, 1], row-major. */
  images: Float32Array;
  /** [batch, 2] one-hot: index 1 = disc present. */
  oneHot: Float32Array;
  /** Class per image, 0 or 1. */
  labels: Uint8Array;
  batch: number;
  size: number;
}

/** Mulberry32: a small, fast, seedable PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate by the Box–Muller transform. */
function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Makes `batch` images of `size`×`size`; labels alternate 0, 1, 0, 1… so every batch is balanced.
 * @param noise standard deviation of the background noise (contrast-to-noise ratio = 1/noise)
 */
export function makeDiscBatch(batch: number, size = 64, seed = 1, noise = 0.5): DiscBatch {
  const rand = mulberry32(seed);
  const images = new Float32Array(batch * size * size);
  const oneHot = new Float32Array(batch * 2);
  const labels = new Uint8Array(batch);
  for (let b = 0; b < batch; b++) {
    const label = b % 2;
    labels[b] = label;
    oneHot[b * 2 + label] = 1;
    const radius = size * (0.08 + 0.08 * rand());
    const cy = radius + rand() * (size - 2 * radius);
    const cx = radius + rand() * (size - 2 * radius);
    const base = b * size * size;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = label === 1 && (y - cy) ** 2 + (x - cx) ** 2 <= radius ** 2;
        images[base + y * size + x] = noise * gaussian(rand) + (inside ? 1 : 0);
      }
    }
  }
  return { images, oneHot, labels, batch, size };
}
