/**
 * Everything the permutation step shows for one patch and one permutation, computed in plain
 * TypeScript: the shuffled and the un-shuffled patch, their Sobel maps and neighbour correlations,
 * and a small MLP evaluated on the original and on the shuffled patch.
 */
import { neighbourCorrelation } from './neighbourCorrelation';
import { meanAndSd } from '../../core/datasets/handcraftedFeatures';
import { sobelMagnitudeMap } from './patchMaps';
import { applyPermutation, invertPermutation, seededPermutation } from './seededPermutation';
import { makeTinyMlp, permuteMlpInputs, tinyMlpForward } from './tinyMlp';

/** The demonstration MLP: hidden units, outputs and the seed of its weights. */
export const DEMO_MLP = { hidden: 16, outputs: 2, seed: 7 } as const;

/** Statistics of one image. */
export interface ImageStats {
  /** Correlation of neighbouring pixels ({@link neighbourCorrelation}). */
  correlation: number;
  /** Sobel edge magnitude, same size as the image. */
  sobel: Float32Array;
  /** Mean Sobel magnitude. */
  meanEdge: number;
}

/** What the step computes for one patch and seed. */
export interface PermuteStudy {
  side: number;
  permutation: Int32Array;
  shuffled: Float32Array;
  restored: Float32Array;
  original: ImageStats;
  shuffledStats: ImageStats;
  /** Pixels of the restored patch that differ from the original (0 when the inverse is right). */
  restoredDifferences: number;
  /** Original MLP on the original patch. */
  mlpOriginal: Float64Array;
  /** MLP with permuted first-layer weights on the shuffled patch. */
  mlpPermuted: Float64Array;
  /** Original MLP on the shuffled patch. */
  mlpNaive: Float64Array;
  /** Largest |mlpOriginal − mlpPermuted|. */
  maxDifference: number;
}

function stats(image: Float32Array, side: number): ImageStats {
  const sobel = sobelMagnitudeMap(image, side);
  return { correlation: neighbourCorrelation(image, side, side), sobel, meanEdge: meanAndSd(sobel).mean };
}

/** Runs the whole study for a `side × side` patch and the permutation of `seed`. */
export function permuteStudy(patch: Float32Array, side: number, seed: number): PermuteStudy {
  const n = side * side;
  const permutation = seededPermutation(n, seed);
  const shuffled = applyPermutation(patch, permutation);
  const restored = applyPermutation(shuffled, invertPermutation(permutation));
  let restoredDifferences = 0;
  for (let i = 0; i < n; i++) if (restored[i] !== patch[i]) restoredDifferences++;
  const mlp = makeTinyMlp(n, DEMO_MLP.hidden, DEMO_MLP.outputs, DEMO_MLP.seed);
  const mlpOriginal = tinyMlpForward(mlp, patch);
  const mlpPermuted = tinyMlpForward(permuteMlpInputs(mlp, permutation), shuffled);
  const mlpNaive = tinyMlpForward(mlp, shuffled);
  let maxDifference = 0;
  mlpOriginal.forEach((v, i) => {
    maxDifference = Math.max(maxDifference, Math.abs(v - (mlpPermuted[i] as number)));
  });
  return {
    side,
    permutation,
    shuffled,
    restored,
    original: stats(patch, side),
    shuffledStats: stats(shuffled, side),
    restoredDifferences,
    mlpOriginal,
    mlpPermuted,
    mlpNaive,
    maxDifference,
  };
}
