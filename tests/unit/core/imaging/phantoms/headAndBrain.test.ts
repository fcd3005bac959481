import { describe, expect, it } from 'vitest';
import { makeBrainMr } from '../../../../../src/core/imaging/phantoms/brainMr';
import { makeHeadCt } from '../../../../../src/core/imaging/phantoms/headCt';
import { boxesFitMask, interiorMean, maskArea, maskMean, standardDeviation } from './measure';

/** Head CT reference ranges (HU): Buzug 2008; Parizel et al., Eur Radiol 2001 (acute blood). */
const HEAD_HU: Record<string, [number, number]> = {
  csf: [0, 15],
  'grey-matter': [35, 45],
  'white-matter': [20, 30],
  haemorrhage: [50, 90],
};

describe('makeHeadCt', () => {
  const bleed = makeHeadCt({ seed: 7, noiseHu: 0, haemorrhage: { kind: 'intraparenchymal', side: 'right' } });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(makeHeadCt({ seed: 1, size: 128 }).image).toEqual(makeHeadCt({ seed: 1, size: 128 }).image);
    expect(makeHeadCt({ seed: 2, size: 128 }).image).not.toEqual(makeHeadCt({ seed: 1, size: 128 }).image);
  });

  it('puts CSF, grey and white matter and the acute blood in their reference ranges', () => {
    for (const [name, [low, high]] of Object.entries(HEAD_HU)) {
      const { mean, count } = interiorMean(bleed, name, 3);
      expect(count, name).toBeGreaterThan(10);
      expect(mean, name).toBeGreaterThanOrEqual(low);
      expect(mean, name).toBeLessThanOrEqual(high);
    }
    expect(interiorMean(bleed, 'grey-matter').mean).toBeGreaterThan(interiorMean(bleed, 'white-matter').mean);
  });

  it('draws a skull whose cortex peaks in the cortical bone range (+1000…+1900 HU)', () => {
    const cortical = bleed.tissueNames.indexOf('cortical-bone');
    let peak = -Infinity;
    for (let i = 0; i < bleed.image.length; i++)
      if (bleed.tissues[i] === cortical) peak = Math.max(peak, bleed.image[i]!);
    expect(peak).toBeGreaterThan(1000);
    expect(peak).toBeLessThan(1900);
  });

  it('marks the haemorrhage on the patient’s right (image left) with a fitting box', () => {
    expect(bleed.labels.hasHaemorrhage).toBe(true);
    expect(boxesFitMask(bleed.masks, bleed.columns, bleed.boxes)).toBe(true);
    const box = bleed.boxes[0]!;
    expect(box.column + box.width).toBeLessThan(bleed.columns / 2);
    expect(maskMean(bleed)).toBeGreaterThan(50);
  });

  it('draws a subdural haematoma as a peripheral crescent on the chosen side', () => {
    const sdh = makeHeadCt({ seed: 7, noiseHu: 0, haemorrhage: { kind: 'subdural', side: 'left' } });
    const box = sdh.boxes[0]!;
    expect(box.column).toBeGreaterThan(sdh.columns / 2); // patient's left = image right
    expect(box.height).toBeGreaterThan(box.width * 2); // long and thin along the skull
    expect(boxesFitMask(sdh.masks, sdh.columns, sdh.boxes)).toBe(true);
  });

  it('has no lesion without a haemorrhage', () => {
    const normal = makeHeadCt({ seed: 7, size: 128 });
    expect(normal.labels.hasHaemorrhage).toBe(false);
    expect(maskArea(normal.masks)).toBe(0);
  });
});

/** BrainWeb tissue parameters at 1.5 T (Kwan, Evans & Pike 1999), typed here for the test. */
const BRAINWEB = {
  csf: { t1: 2569, t2: 329, pd: 1 },
  gm: { t1: 833, t2: 83, pd: 0.86 },
  wm: { t1: 500, t2: 70, pd: 0.77 },
};
const spinEcho = (p: { t1: number; t2: number; pd: number }, tr: number, te: number) =>
  p.pd * (1 - Math.exp(-tr / p.t1)) * Math.exp(-te / p.t2);

describe('makeBrainMr', () => {
  const clean = { noisePercent: 0, biasField: 0, seed: 9 };
  const t1 = makeBrainMr({ ...clean, weighting: 'T1' });
  const t2 = makeBrainMr({ ...clean, weighting: 'T2' });

  it('gives T1 contrast: white matter > grey matter > CSF', () => {
    const wm = interiorMean(t1, 'white-matter', 2).mean;
    const gm = interiorMean(t1, 'grey-matter', 1).mean;
    const csf = interiorMean(t1, 'csf', 1).mean;
    expect(wm).toBeGreaterThan(gm);
    expect(gm).toBeGreaterThan(csf);
  });

  it('gives T2 contrast: CSF > grey matter > white matter', () => {
    const wm = interiorMean(t2, 'white-matter', 2).mean;
    const gm = interiorMean(t2, 'grey-matter', 1).mean;
    const csf = interiorMean(t2, 'csf', 1).mean;
    expect(csf).toBeGreaterThan(gm);
    expect(gm).toBeGreaterThan(wm);
  });

  it('follows the spin-echo equation: tissue ratios match PD·(1 − e^−TR/T1)·e^−TE/T2', () => {
    for (const [image, tr, te] of [
      [t1, 500, 15],
      [t2, 4000, 100],
    ] as const) {
      const wm = interiorMean(image, 'white-matter', 2).mean;
      const csf = interiorMean(image, 'csf', 2).mean;
      const expected = spinEcho(BRAINWEB.wm, tr, te) / spinEcho(BRAINWEB.csf, tr, te);
      // Within 1 %: the k-space point-spread mixes a little of the neighbours into small structures.
      expect(Math.abs(wm / csf / expected - 1)).toBeLessThan(0.01);
    }
  });

  it('adds Rician noise: the air background has the Rayleigh mean σ·√(π/2)', () => {
    const noisy = makeBrainMr({ seed: 9, weighting: 'T1', noisePercent: 5, biasField: 0 });
    const sigma = 0.05 * interiorMean(t1, 'white-matter', 2).mean; // 5 % of the noise-free WM signal
    const air = interiorMean(noisy, 'air', 3);
    expect(air.mean).toBeGreaterThan(sigma * Math.sqrt(Math.PI / 2) * 0.95);
    expect(air.mean).toBeLessThan(sigma * Math.sqrt(Math.PI / 2) * 1.05);
    const values: number[] = [];
    const airIndex = noisy.tissueNames.indexOf('air');
    for (let i = 0; i < noisy.image.length; i++)
      if (noisy.tissues[i] === airIndex) values.push(noisy.image[i]!);
    // Rayleigh standard deviation: σ·√((4 − π)/2).
    expect(standardDeviation(values) / (sigma * Math.sqrt((4 - Math.PI) / 2))).toBeCloseTo(1, 1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });

  it('draws a long-T2 tumour: a disc of the given size, brighter than white matter on T2', () => {
    const p = makeBrainMr({ ...clean, weighting: 'T2', tumour: { diameterMm: 30 } });
    const spacing = p.pixelSpacing[0];
    const expected = Math.PI * (15 / spacing) ** 2;
    expect(maskArea(p.masks)).toBeGreaterThan(expected * 0.93);
    expect(maskArea(p.masks)).toBeLessThan(expected * 1.07);
    expect(boxesFitMask(p.masks, p.columns, p.boxes)).toBe(true);
    expect(maskMean(p)).toBeGreaterThan(interiorMean(p, 'white-matter', 2).mean * 1.5);
    expect(p.labels.hasTumour).toBe(true);
  });

  it('shows an enhancing rim brighter than the tumour core on T1', () => {
    const p = makeBrainMr({ ...clean, weighting: 'T1', tumour: { diameterMm: 30, enhancing: true } });
    expect(interiorMean(p, 'tumour-rim', 1).mean).toBeGreaterThan(interiorMean(p, 'tumour', 1).mean * 1.3);
  });

  it('is deterministic for a seed', () => {
    expect(makeBrainMr({ seed: 4, size: 96 }).image).toEqual(makeBrainMr({ seed: 4, size: 96 }).image);
    expect(makeBrainMr({ seed: 5, size: 96 }).image).not.toEqual(makeBrainMr({ seed: 4, size: 96 }).image);
  });
});
