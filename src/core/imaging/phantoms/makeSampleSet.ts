/**
 * Builds the sample gallery in memory: for every recipe (sampleRecipes.ts) a DICOM Part-10 file
 * (writer/writeDicom.ts) and an 8-bit PNG of its default window, plus `manifest.json`
 * (samplesManifest.ts). Pure and deterministic: the same code gives the same bytes, which
 * scripts/makeSamples.ts writes to public/samples/.
 *
 * Storage: CT as signed 16-bit (Bits Stored 16, Pixel Representation 1) with Rescale Slope 1 and
 * Intercept 0, so stored value = HU (−1024…3071, PS3.3 C.8.2.1); MR and DX as unsigned 12 bits
 * stored in 16 (0…4095) with no rescale (MR) or the identity rescale (DX).
 */

import { applyWindow } from '../display/applyWindow';
import type { SampleEntry, SamplesManifest } from '../samplesManifest';
import type { DicomWriteInput } from '../writer/DicomWriteInput';
import { writeDicom } from '../writer/writeDicom';
import { CT_MAX_HU, CT_MIN_HU } from './ctTissues';
import type { PhantomImage } from './PhantomImage';
import { phantomFromGenerator } from './phantomFromGenerator';
import { greyPng } from './renderWindowPng';
import { SAMPLE_RECIPES, type SampleRecipe } from './sampleRecipes';

/** One file of the set, named relative to the samples folder. */
export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

/** Fixed study date of every sample (no clock: byte-identical output). */
export const SAMPLE_STUDY_DATE = '20240101';
/** Fixed study time of every sample. */
export const SAMPLE_STUDY_TIME = '090000';

/** Stored values of a phantom: rounded and clamped to the storage range of its modality. */
export function storedValues(phantom: PhantomImage, modality: 'CT' | 'MR' | 'DX'): Int16Array | Uint16Array {
  const n = phantom.image.length;
  if (modality === 'CT') {
    const out = new Int16Array(n);
    for (let i = 0; i < n; i++)
      out[i] = Math.min(CT_MAX_HU, Math.max(CT_MIN_HU, Math.round(phantom.image[i] ?? 0)));
    return out;
  }
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(4095, Math.max(0, Math.round(phantom.image[i] ?? 0)));
  return out;
}

function dicomInput(
  recipe: SampleRecipe,
  phantom: PhantomImage,
  frame: Int16Array | Uint16Array,
): DicomWriteInput {
  const options = recipe.generator.options;
  const base: DicomWriteInput = {
    modality: recipe.modality,
    rows: phantom.rows,
    columns: phantom.columns,
    frames: [frame],
    pixelSpacing: phantom.pixelSpacing,
    windows: recipe.windows,
    patient: { name: recipe.patientName, id: `PH-${recipe.id.toUpperCase()}`.slice(0, 64), sex: 'O' },
    study: {
      date: SAMPLE_STUDY_DATE,
      time: SAMPLE_STUDY_TIME,
      description: 'Radiology CNN Lab synthetic phantom',
      id: String(recipe.generator.seed),
    },
    series: { number: 1, description: recipe.title.en.slice(0, 64), bodyPartExamined: recipe.bodyPart },
    uidSeed: `radiology-cnn-lab/samples/${recipe.id}`,
  };
  if (recipe.modality === 'CT') {
    const kernel = typeof options.kernel === 'string' ? options.kernel.toUpperCase() : 'STANDARD';
    return {
      ...base,
      sliceThickness: 1,
      rescaleSlope: 1,
      rescaleIntercept: 0,
      ct: { kvp: 120, convolutionKernel: kernel },
    };
  }
  if (recipe.modality === 'MR') {
    const tr = typeof phantom.labels.trMs === 'number' ? phantom.labels.trMs : 500;
    const te = typeof phantom.labels.teMs === 'number' ? phantom.labels.teMs : 15;
    return {
      ...base,
      bitsStored: 12,
      sliceThickness: 5,
      mr: { repetitionTime: tr, echoTime: te, magneticFieldStrength: 1.5 },
    };
  }
  const photometric = phantom.labels.photometric === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2';
  return { ...base, bitsStored: 12, photometric, dx: { viewPosition: 'PA' } };
}

/** The files of one sample and its manifest entry. */
export function makeSample(recipe: SampleRecipe): { files: SampleFile[]; entry: SampleEntry } {
  const { name, seed, options } = recipe.generator;
  const phantom = phantomFromGenerator(name, seed, options);
  const frame = storedValues(phantom, recipe.modality);
  const dicom = writeDicom(dicomInput(recipe, phantom, frame));
  const window = recipe.windows[0] ?? { center: 0, width: 1 };
  const invert = phantom.labels.photometric === 'MONOCHROME1';
  // The app's own window (PS3.3 C.11.2.1.2.1 LINEAR); MONOCHROME1 shows 255 − y.
  const grey = applyWindow(Float32Array.from(frame), window.center, window.width);
  if (invert) for (let i = 0; i < grey.length; i++) grey[i] = 255 - grey[i]!;
  const png = greyPng(grey, phantom.rows, phantom.columns);
  const entry: SampleEntry = {
    id: recipe.id,
    title: recipe.title,
    description: recipe.description,
    modality: recipe.modality,
    dicom: `${recipe.id}.dcm`,
    png: `${recipe.id}.png`,
    rows: phantom.rows,
    columns: phantom.columns,
    hasLesion: recipe.lesion !== undefined,
    generator: { name, seed, options: { ...options } },
    window: { center: window.center, width: window.width },
  };
  if (recipe.lesion !== undefined) entry.lesion = recipe.lesion;
  return {
    files: [
      { name: entry.dicom, bytes: dicom },
      { name: entry.png, bytes: png },
    ],
    entry,
  };
}

/** Every file of the gallery, manifest.json last. */
export function makeSampleSet(recipes: readonly SampleRecipe[] = SAMPLE_RECIPES): SampleFile[] {
  const files: SampleFile[] = [];
  const manifest: SamplesManifest = { version: 1, samples: [] };
  for (const recipe of recipes) {
    const sample = makeSample(recipe);
    files.push(...sample.files);
    manifest.samples.push(sample.entry);
  }
  files.push({
    name: 'manifest.json',
    bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  return files;
}
