/**
 * Local binary patterns (Ojala T, Pietikäinen M, Harwood D. A comparative study of texture
 * measures with classification based on featured distributions. Pattern Recognit 1996;29:51–59;
 * uniform, rotation-invariant patterns: Ojala T, Pietikäinen M, Mäenpää T. IEEE TPAMI
 * 2002;24:971–987, eq. 10, "LBP^riu2").
 *
 * Each interior pixel compares its 8 neighbours (the 3×3 square, taken in circular order starting
 * east and going counter-clockwise: E, NE, N, NW, W, SW, S, SE) with itself: bit = 1 when
 * neighbour ≥ centre. A pattern is *uniform* when the circular bit string has at most 2 changes
 * 0→1 or 1→0; its code is then its number of ones (0…8), else 9. The histogram of these 10 codes,
 * divided by the number of interior pixels, is the feature.
 */

/** Number of LBP^riu2 bins for 8 neighbours: 9 uniform codes and one for all others. */
export const LBP_BINS = 10;

/** (dy, dx) of the 8 neighbours in circular order E, NE, N, NW, W, SW, S, SE (y grows downwards). */
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
  [1, 0],
  [1, 1],
];

/** The riu2 code (0…9) of one circular 8-bit pattern given as bits b₀…b₇. */
export function riu2Code(bits: readonly number[]): number {
  let changes = 0;
  let ones = 0;
  for (let p = 0; p < 8; p++) {
    ones += bits[p] as number;
    if (bits[p] !== bits[(p + 1) % 8]) changes++;
  }
  return changes <= 2 ? ones : 9;
}

/** The riu2 code of every interior pixel, `(width − 2) × (height − 2)` values. */
export function lbpCodes(image: ArrayLike<number>, width: number, height: number): Uint8Array {
  if (width < 3 || height < 3 || image.length !== width * height) {
    throw new RangeError(`a ${width}×${height} image with ${image.length} values has no 3×3 interior`);
  }
  const ow = width - 2;
  const out = new Uint8Array(ow * (height - 2));
  const bits = new Array<number>(8);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const c = image[y * width + x] as number;
      NEIGHBOURS.forEach(([dy, dx], p) => {
        bits[p] = (image[(y + dy) * width + x + dx] as number) >= c ? 1 : 0;
      });
      out[(y - 1) * ow + (x - 1)] = riu2Code(bits);
    }
  }
  return out;
}

/** The normalised LBP^riu2 histogram ({@link LBP_BINS} bins, summing to 1). */
export function lbpHistogram(image: ArrayLike<number>, width: number, height: number): number[] {
  const codes = lbpCodes(image, width, height);
  const h = new Array<number>(LBP_BINS).fill(0);
  for (const c of codes) h[c]! += 1;
  return h.map((v) => v / codes.length);
}
