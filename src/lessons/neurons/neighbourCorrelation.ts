/**
 * How much a pixel tells about its neighbour: the Pearson correlation over every pair of
 * horizontally or vertically adjacent pixels, each pair taken in both orders (so the statistic does
 * not depend on which pixel of a pair comes first and both means are equal):
 *
 *   r = Σ (aₖ − m)(bₖ − m) / Σ (aₖ − m)²,   m the mean over all aₖ.
 *
 * Natural and medical images are smooth, so r is close to 1 (the basis of predictive image coding:
 * Gonzalez RC, Woods RE, Digital Image Processing, 4th ed., §8.10); after a random shuffle of the
 * pixels neighbours are unrelated and r is close to 0 (within about ±2/√pairs). NaN when the image
 * has no adjacent pair or is constant over them.
 */
export function neighbourCorrelation(image: ArrayLike<number>, width: number, height: number): number {
  if (image.length !== width * height) {
    throw new RangeError(`a ${width}×${height} image needs ${width * height} values, not ${image.length}`);
  }
  const at = (x: number, y: number) => image[y * width + x] as number;
  // Visits every adjacent pair once; the two orders are accounted for in the sums below.
  const forEachPair = (f: (a: number, b: number) => void) => {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (x + 1 < width) f(at(x, y), at(x + 1, y));
        if (y + 1 < height) f(at(x, y), at(x, y + 1));
      }
    }
  };
  let pairs = 0;
  let sum = 0;
  forEachPair((a, b) => {
    pairs++;
    sum += a + b;
  });
  if (pairs === 0) return Number.NaN;
  const m = sum / (2 * pairs);
  let cov = 0;
  let variance = 0;
  forEachPair((a, b) => {
    cov += 2 * (a - m) * (b - m);
    variance += (a - m) ** 2 + (b - m) ** 2;
  });
  return variance > 0 ? cov / variance : Number.NaN;
}
