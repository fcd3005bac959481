/**
 * The MedMNIST .npz loader: small MedMNIST-like files written with writeNpz (6 train / 2 val /
 * 2 test 28×28 images with known pixels, grey and RGB), read back with parseNpz and turned into an
 * ImageDataset; values checked against hand-worked numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  BT601_LUMA,
  MEDMNIST_DATASETS,
  MedMnistFormatError,
  medMnistDataset,
  medMnistIdFromFileName,
  medMnistInfo,
} from '../../../../src/core/datasets/medMnist';
import { parseNpz, writeNpz, type NpyArray } from '../../../../src/core/datasets/npy';

const S = 28;
const P = S * S;

/** Grey pixel p of image i (i counted across train, val, test): (7·i + p) mod 256. */
const grey = (i: number, p: number): number => (7 * i + p) % 256;

function u8(shape: number[], fill: (k: number) => number): NpyArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return {
    dtype: 'uint8',
    shape,
    data: Uint8Array.from({ length: n }, (_, k) => fill(k)),
    fortranOrder: false,
  };
}

const TRAIN_LABELS = [0, 1, 1, 0, 1, 0];
const VAL_LABELS = [1, 0];
const TEST_LABELS = [0, 1];

/** A PneumoniaMNIST-like file: grey (N, 28, 28) uint8, labels (N, 1) uint8. */
function greyFile(): Record<string, NpyArray> {
  const split = (first: number, labels: number[]): [NpyArray, NpyArray] => [
    u8([labels.length, S, S], (k) => grey(first + Math.floor(k / P), k % P)),
    u8([labels.length, 1], (k) => labels[k] ?? 0),
  ];
  const [trainImages, trainLabels] = split(0, TRAIN_LABELS);
  const [valImages, valLabels] = split(6, VAL_LABELS);
  const [testImages, testLabels] = split(8, TEST_LABELS);
  return {
    train_images: trainImages,
    train_labels: trainLabels,
    val_images: valImages,
    val_labels: valLabels,
    test_images: testImages,
    test_labels: testLabels,
  };
}

/** Round trip through the .npz bytes, compressed like numpy.savez_compressed. */
const viaNpz = (arrays: Record<string, NpyArray>): Record<string, NpyArray> =>
  parseNpz(writeNpz(arrays, true));

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof MedMnistFormatError) {
      expect(e.localizedMessage.zh.length).toBeGreaterThan(0);
      return e.code;
    }
    throw e;
  }
  return 'no error';
}

describe('medMnistDataset', () => {
  it('loads a grey file: concatenated splits, pixels /255, labels, presetSplit', () => {
    const ds = medMnistDataset(viaNpz(greyFile()), 'pneumoniamnist');
    expect(ds.size).toBe(28);
    expect(ds.count).toBe(10);
    expect(ds.images.length).toBe(10 * P);
    expect(Array.from(ds.labels)).toEqual([...TRAIN_LABELS, ...VAL_LABELS, ...TEST_LABELS]);
    expect(Array.from(ds.presetSplit ?? [])).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
    for (let i = 0; i < 10; i++) {
      for (const p of [0, 1, 27, 28, 400, P - 1]) {
        expect(ds.images[i * P + p]).toBeCloseTo(grey(i, p) / 255, 7);
      }
    }
    // Image 9 (second test image), pixel 783: (63 + 783) mod 256 = 78 → 78/255.
    expect(ds.images[9 * P + 783]).toBeCloseTo(78 / 255, 7);
    expect(ds.classNames).toEqual(medMnistInfo('pneumoniamnist')?.classNames);
    expect(ds.classNames[1]?.en).toBe('pneumonia');
    expect(ds.patientIds).toBeNull();
    expect(ds.spacingMm).toBeNull();
    expect(ds.source).toEqual({ kind: 'medmnist', name: 'pneumoniamnist' });
  });

  it('converts RGB to BT.601 luminance (hand-worked pixels)', () => {
    // BloodMNIST-like: 8 classes, (N, 28, 28, 3). Image i's pixel 0 is a chosen colour, the rest (i, 2i, 3i).
    const colours: [number, number, number][] = [
      [255, 255, 255],
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
      [0, 0, 0],
      [100, 100, 100],
      [200, 50, 25],
      [1, 2, 3],
      [128, 64, 32],
    ];
    const pixel = (i: number, p: number, c: number): number =>
      p === 0 ? (colours[i]?.[c] ?? 0) : ((c + 1) * i) % 256;
    const rgbSplit = (first: number, n: number): NpyArray =>
      u8([n, S, S, 3], (k) => pixel(first + Math.floor(k / (3 * P)), Math.floor(k / 3) % P, k % 3));
    const labels = (values: number[]): NpyArray => u8([values.length, 1], (k) => values[k] ?? 0);
    const ds = medMnistDataset(
      viaNpz({
        train_images: rgbSplit(0, 6),
        train_labels: labels([0, 1, 2, 3, 4, 5]),
        val_images: rgbSplit(6, 2),
        val_labels: labels([6, 7]),
        test_images: rgbSplit(8, 2),
        test_labels: labels([7, 0]),
      }),
      'bloodmnist',
    );
    expect(ds.count).toBe(10);
    expect(Array.from(ds.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 7, 0]);
    // Y = 0.299 R + 0.587 G + 0.114 B, then /255, worked by hand:
    // (10, 20, 30): 2.99 + 11.74 + 3.42 = 18.15; (200, 50, 25): 59.8 + 29.35 + 2.85 = 92;
    // (1, 2, 3): 0.299 + 1.174 + 0.342 = 1.815; (128, 64, 32): 38.272 + 37.568 + 3.648 = 79.488.
    const expected = [1, 0.299, 0.587, 0.114, 18.15 / 255, 0, 100 / 255, 92 / 255, 1.815 / 255, 79.488 / 255];
    for (let i = 0; i < 10; i++) expect(ds.images[i * P]).toBeCloseTo(expected[i] ?? NaN, 6);
    // Another pixel of image 5: (5, 10, 15) → 0.299·5 + 0.587·10 + 0.114·15 = 9.075.
    expect(ds.images[5 * P + 100]).toBeCloseTo(9.075 / 255, 6);
    expect(BT601_LUMA[0] + BT601_LUMA[1] + BT601_LUMA[2]).toBeCloseTo(1, 12);
  });

  it('accepts labels of shape (N,) and int64, grey images (N, H, W, 1), and a file without val/test', () => {
    const arrays: Record<string, NpyArray> = {
      train_images: u8([3, S, S, 1], (k) => k % 251),
      train_labels: { dtype: 'int64', shape: [3], data: Int32Array.of(1, 0, 1), fortranOrder: false },
    };
    const ds = medMnistDataset(viaNpz(arrays), 'breastmnist');
    expect(ds.count).toBe(3);
    expect(Array.from(ds.labels)).toEqual([1, 0, 1]);
    expect(Array.from(ds.presetSplit ?? [])).toEqual([0, 0, 0]);
    expect(ds.images[2 * P + 5]).toBeCloseTo(((2 * P + 5) % 251) / 255, 7);
  });

  it('keeps an evenly spaced subset with maxPerSplit', () => {
    const ds = medMnistDataset(greyFile(), 'pneumoniamnist', { maxPerSplit: 3 });
    // train: ⌊0·6/3⌋, ⌊6/3⌋, ⌊12/3⌋ = images 0, 2, 4; val: 2 ≤ 3 → both; test: both.
    expect(ds.count).toBe(7);
    expect(Array.from(ds.labels)).toEqual([0, 1, 1, 1, 0, 0, 1]);
    expect(ds.images[1 * P + 3]).toBeCloseTo(grey(2, 3) / 255, 7);
    expect(Array.from(ds.presetSplit ?? [])).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('gives the right error for each bad file', () => {
    const good = greyFile();
    const without = (key: string): Record<string, NpyArray> =>
      Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
    expect(errorCode(() => medMnistDataset(without('train_images'), 'pneumoniamnist'))).toBe(
      'no-train-images',
    );
    expect(() => medMnistDataset({ a: u8([1], () => 0) }, 'pneumoniamnist')).toThrow(
      'This .npz has no train_images array: it is not a MedMNIST file.',
    );
    expect(errorCode(() => medMnistDataset(without('val_labels'), 'pneumoniamnist'))).toBe('missing-labels');
    expect(errorCode(() => medMnistDataset(good, 'mnist'))).toBe('unknown-dataset');
    expect(errorCode(() => medMnistDataset(good, 'chestmnist'))).toBe('multi-label');
    // A grey file said to be PathMNIST (RGB).
    expect(errorCode(() => medMnistDataset(good, 'pathmnist'))).toBe('channels-mismatch');
    // Label 2 in a binary dataset.
    const badLabel = { ...good, test_labels: u8([2, 1], (k) => [0, 2][k] ?? 0) };
    expect(errorCode(() => medMnistDataset(badLabel, 'pneumoniamnist'))).toBe('label-range');
    // 14 labels per image (ChestMNIST's layout) under a single-label id.
    const multi = { ...good, train_labels: u8([6, 14], () => 0) };
    expect(errorCode(() => medMnistDataset(multi, 'pneumoniamnist'))).toBe('multi-label');
    const count = { ...good, val_labels: u8([3, 1], () => 0) };
    expect(errorCode(() => medMnistDataset(count, 'pneumoniamnist'))).toBe('count-mismatch');
    const notSquare = { ...good, train_images: u8([6, 28, 27], () => 0) };
    expect(errorCode(() => medMnistDataset(notSquare, 'pneumoniamnist'))).toBe('bad-shape');
    const mixed = { ...good, val_images: u8([2, 14, 14], () => 0) };
    expect(errorCode(() => medMnistDataset(mixed, 'pneumoniamnist'))).toBe('bad-shape');
    const floatOut: NpyArray = {
      dtype: 'float32',
      shape: [6, S, S],
      data: new Float32Array(6 * P).fill(3),
      fortranOrder: false,
    };
    expect(errorCode(() => medMnistDataset({ ...good, train_images: floatOut }, 'pneumoniamnist'))).toBe(
      'bad-pixels',
    );
    const floatLabels: NpyArray = {
      dtype: 'float32',
      shape: [6, 1],
      data: new Float32Array(6),
      fortranOrder: false,
    };
    expect(errorCode(() => medMnistDataset({ ...good, train_labels: floatLabels }, 'pneumoniamnist'))).toBe(
      'bad-labels',
    );
  });
});

describe('MEDMNIST_DATASETS', () => {
  it('lists the 12 2-D sets with their label counts from MedMNIST INFO; only ChestMNIST unsupported', () => {
    const counts = Object.fromEntries(MEDMNIST_DATASETS.map((d) => [d.id, d.classNames.length]));
    expect(counts).toEqual({
      pathmnist: 9,
      chestmnist: 14,
      dermamnist: 7,
      octmnist: 4,
      pneumoniamnist: 2,
      retinamnist: 5,
      breastmnist: 2,
      bloodmnist: 8,
      tissuemnist: 8,
      organamnist: 11,
      organcmnist: 11,
      organsmnist: 11,
    });
    expect(MEDMNIST_DATASETS.filter((d) => !d.supported).map((d) => d.id)).toEqual(['chestmnist']);
    for (const d of MEDMNIST_DATASETS) {
      expect(d.url).toBe(`https://zenodo.org/records/10519652/files/${d.id}.npz?download=1`);
      expect(d.md5).toMatch(/^[0-9a-f]{32}$/);
      for (const c of d.classNames) expect(c.zh.length).toBeGreaterThan(0);
    }
    expect(medMnistInfo('breastmnist')?.classNames.map((c) => c.en)).toEqual([
      'malignant',
      'normal or benign',
    ]);
  });

  it('recognises dataset ids in file names', () => {
    expect(medMnistIdFromFileName('pneumoniamnist.npz')).toBe('pneumoniamnist');
    expect(medMnistIdFromFileName('C:\\Downloads\\OrganAMNIST_64.npz')).toBe('organamnist');
    expect(medMnistIdFromFileName('bloodmnist (1).npz')).toBe('bloodmnist');
    expect(medMnistIdFromFileName('mnist.npz')).toBeUndefined();
    expect(medMnistIdFromFileName('photos.zip')).toBeUndefined();
  });
});
