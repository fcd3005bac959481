/**
 * Small datasets and configs for the training-engine tests: a separable toy task (class 1 images
 * are brighter and carry a bright square) that a tiny CNN learns in a few epochs on the wasm backend.
 */
import type { DatasetSplit, ImageDataset } from '../../../src/core/datasets/imageDataset';
import { createRng } from '../../../src/core/imaging/phantoms/random';
import { NO_AUGMENT, type TrainConfig } from '../../../src/core/training/trainingTypes';

/** `count` images of `size²`, labels alternating 0, 1 (…, 2 when `classes` is 3). */
export function toyDataset(count: number, size = 8, seed = 1, classes = 2): ImageDataset {
  const rng = createRng(seed);
  const pixels = size * size;
  const images = new Float32Array(count * pixels);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    labels[i] = label;
    for (let p = 0; p < pixels; p++) {
      const r = Math.floor(p / size);
      const c = p % size;
      const inSquare = r >= 2 && r < 6 && c >= 2 && c < 6;
      const base = 0.2 + 0.3 * label * (inSquare ? 1 : 0.3);
      images[i * pixels + p] = Math.min(1, Math.max(0, base + 0.05 * rng.normal()));
    }
  }
  return {
    size,
    count,
    images,
    labels,
    classNames: Array.from({ length: classes }, (_, k) => ({ en: `class ${k}`, zh: `类别 ${k}` })),
    patientIds: null,
    presetSplit: null,
    spacingMm: null,
    source: { kind: 'folder', name: 'toy' },
  };
}

/** First `train` images for training, the next `validation`, the rest test. */
export function firstSplit(count: number, train: number, validation: number): DatasetSplit {
  const range = (a: number, b: number) => Int32Array.from({ length: b - a }, (_, i) => a + i);
  return {
    train: range(0, train),
    validation: range(train, train + validation),
    test: range(train + validation, count),
  };
}

/** A tiny custom CNN with Adam. */
export function toyConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    model: { kind: 'custom', blocks: 1, filters: 4, kernel: 3, dense: 0 },
    optimizer: { kind: 'adam', learningRate: 0.01 },
    batchSize: 8,
    epochs: 5,
    weightDecay: 0,
    augment: NO_AUGMENT,
    classWeights: 'none',
    seed: 7,
    ...overrides,
  };
}
