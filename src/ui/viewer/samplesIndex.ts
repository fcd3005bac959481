/** Reading the sample gallery's manifest (format: src/core/imaging/samplesManifest.ts). */
import type { SampleEntry, SamplesManifest } from '../../core/imaging/samplesManifest';

/** Where the gallery's files live: `${BASE_URL}samples/`. */
export function samplesBaseUrl(): string {
  return `${import.meta.env.BASE_URL}samples/`;
}

function isText(v: unknown): v is { en: string; zh: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { en?: unknown }).en === 'string' &&
    typeof (v as { zh?: unknown }).zh === 'string'
  );
}

function isEntry(v: unknown): v is SampleEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    isText(e.title) &&
    isText(e.description) &&
    typeof e.modality === 'string' &&
    typeof e.dicom === 'string' &&
    typeof e.png === 'string' &&
    typeof e.rows === 'number' &&
    typeof e.columns === 'number' &&
    typeof e.hasLesion === 'boolean'
  );
}

/**
 * The manifest's samples, or null when `json` is not a version-1 manifest. Entries that lack a
 * field the gallery shows are skipped; file names with a path separator are refused (the gallery
 * only opens files next to the manifest).
 */
export function parseSamplesManifest(json: unknown): SampleEntry[] | null {
  if (typeof json !== 'object' || json === null) return null;
  const m = json as Partial<SamplesManifest>;
  if (m.version !== 1 || !Array.isArray(m.samples)) return null;
  return m.samples.filter(
    (e): e is SampleEntry => isEntry(e) && !/[\\/]/.test(e.dicom) && !/[\\/]/.test(e.png),
  );
}
