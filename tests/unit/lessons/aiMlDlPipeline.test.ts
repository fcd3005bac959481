import { describe, expect, it } from 'vitest';
import type { PatchFeatures } from '../../../src/core/datasets/handcraftedFeatures';
import { boundaryInFeatureUnits, runClassic } from '../../../src/lessons/ai-ml-dl/classicPipeline';

/** Features of a made-up patch: only meanHu and sdHu vary; the LBP histogram is flat. */
function patch(meanHu: number, sdHu: number): PatchFeatures {
  return {
    meanHu,
    sdHu,
    edgeDensity: 0.5,
    glcmContrast: 1,
    glcmHomogeneity: 0.5,
    lbpNonUniform: 0.1,
    dotFilter: 0,
    lbp: new Array(10).fill(0.1),
  };
}

/** Reference AUC: the pairwise Mann–Whitney count, written here. */
function pairwiseAuc(scores: number[], labels: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    for (let j = 0; j < scores.length; j++) {
      if (labels[i] !== 1 || labels[j] !== 0) continue;
      pairs++;
      wins += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

// Class 1 has higher mean HU; sdHu is noise. Labels alternate like the lesson dataset.
const trainFeatures = Array.from({ length: 40 }, (_, i) => patch((i % 2) * 100 + (i % 7) * 5, (i * 37) % 11));
const trainLabels = Array.from({ length: 40 }, (_, i) => i % 2);
const testFeatures = Array.from({ length: 10 }, (_, i) => patch((i % 2) * 100 + i, (i * 13) % 11));
const testLabels = Array.from({ length: 10 }, (_, i) => i % 2);
const data = { trainFeatures, trainLabels, testFeatures, testLabels };

describe('classic pipeline', () => {
  it.each(['logreg', 'svm'] as const)('%s separates a separable feature: accuracy 1, AUC 1', (classifier) => {
    const r = runClassic(data, {
      trainCount: 20,
      features: ['meanHu', 'sdHu'],
      withLbp: false,
      classifier,
      seed: 1,
    });
    expect(r.trainCount).toBe(20);
    expect(r.testCount).toBe(10);
    expect(r.featureCount).toBe(2);
    expect(r.paramCount).toBe(3);
    expect(r.accuracy).toBe(1);
    expect(r.auc).toBe(1);
    expect(r.auc).toBe(pairwiseAuc(r.testScores, testLabels));
    expect(r.trainMs).toBeGreaterThanOrEqual(0);
  });

  it('all features with LBP: 6 scalars (no LBP share) + 9 bins = 15 features, 16 parameters', () => {
    const r = runClassic(data, {
      trainCount: 1000,
      features: [
        'meanHu',
        'sdHu',
        'edgeDensity',
        'glcmContrast',
        'glcmHomogeneity',
        'lbpNonUniform',
        'dotFilter',
      ],
      withLbp: true,
      classifier: 'logreg',
      seed: 1,
    });
    expect(r.trainCount).toBe(40); // clipped to the pool
    expect(r.featureCount).toBe(15);
    expect(r.paramCount).toBe(16);
  });

  it('standardisation is fitted on the training rows only', () => {
    const r = runClassic(data, {
      trainCount: 4,
      features: ['meanHu'],
      withLbp: false,
      classifier: 'logreg',
      seed: 1,
    });
    // first four training means: 0, 105, 10, 115 → μ = 57.5
    expect(r.standardizer.mean[0]).toBeCloseTo(57.5, 12);
  });
});

describe('decision boundary in feature units', () => {
  it('w = (1, −1), b = 0.5 on z-scores with μ = (2, 3), σ = (2, 4): 0.5x − 0.25y + 0.25 = 0', () => {
    // (x − 2)/2 − (y − 3)/4 + 0.5 = 0.5x − 0.25y + (−1 + 0.75 + 0.5)
    const line = boundaryInFeatureUnits({ weights: [1, -1], bias: 0.5 }, { mean: [2, 3], std: [2, 4] });
    expect(line).toEqual({ wx: 0.5, wy: -0.25, b: 0.25 });
  });

  it('is null unless the model has two weights', () => {
    expect(boundaryInFeatureUnits({ weights: [1], bias: 0 }, { mean: [0], std: [1] })).toBeNull();
  });
});
