/**
 * The sample gallery's manifest: `public/samples/manifest.json`, written by `npm run samples`
 * (scripts/makeSamples.ts) and read by the viewer's gallery. Every sample is a phantom, generated
 * from a seed, saved both as a DICOM Part-10 file and as an 8-bit PNG of its default window.
 */

/** Text in both of the app's languages. */
export interface SampleText {
  en: string;
  zh: string;
}

export interface SampleEntry {
  /** Stable id, also the file stem: `<id>.dcm`, `<id>.png`. */
  id: string;
  title: SampleText;
  description: SampleText;
  /** 'CT' | 'MR' | 'DX'. */
  modality: string;
  /** File name of the DICOM file, relative to the manifest. */
  dicom: string;
  /** File name of the PNG (default window applied), relative to the manifest. */
  png: string;
  rows: number;
  columns: number;
  /** Whether the phantom holds a lesion (nodule, haemorrhage, tumour). */
  hasLesion: boolean;
  /** Lesion kind when present, e.g. 'nodule', 'haemorrhage', 'tumour'. */
  lesion?: string;
  /** The phantom generator and its options, so the slice can be regenerated exactly. */
  generator: { name: string; seed: number; options: Record<string, number | string | boolean> };
  /** The window the PNG was rendered with, in modality units. */
  window: { center: number; width: number };
}

export interface SamplesManifest {
  version: 1;
  samples: SampleEntry[];
}
