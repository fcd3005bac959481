/**
 * CT window presets in Hounsfield units, each with the source of its numbers. The UI names them
 * (src/ui/viewer/viewerStrings.ts, keys `preset.<id>`).
 */
import type { VoiWindow } from './voiWindow';

/** Stable ids of the presets (also used in URLs). */
export type WindowPresetId =
  'brain' | 'subdural' | 'stroke' | 'soft-tissue' | 'mediastinum' | 'lung' | 'liver' | 'bone';

/** A named CT window: centre and width in HU, and where the numbers come from. */
export interface WindowPreset extends VoiWindow {
  id: WindowPresetId;
  /** Presets only make sense for values in this unit. */
  unit: 'HU';
  /** The published source of the values (and of the alternatives it gives). */
  source: string;
}

const RADIOPAEDIA =
  'Bell DJ, Murphy A, et al. Windowing (CT). Radiopaedia.org, https://radiopaedia.org/articles/windowing-ct';

/**
 * The presets, in the order the viewer shows them. Window values differ a little between
 * institutions and vendors; these are the ones Radiopaedia lists as typical (W:width L:level).
 */
export const WINDOW_PRESETS: readonly WindowPreset[] = [
  {
    id: 'brain',
    center: 40,
    width: 80,
    unit: 'HU',
    source: `${RADIOPAEDIA} (head and neck: brain W:80 L:40).`,
  },
  {
    id: 'subdural',
    center: 75,
    width: 200,
    unit: 'HU',
    source: `${RADIOPAEDIA} (subdural W:130–300 L:50–100; W:200 L:75 lies inside both ranges).`,
  },
  {
    id: 'stroke',
    center: 40,
    width: 40,
    unit: 'HU',
    source:
      `${RADIOPAEDIA} (stroke W:8 L:32 or W:40 L:40); Turner PJ, Holdsworth G. CT stroke window settings: ` +
      'an unfortunate misleading misnomer? Br J Radiol 2011;84:1061–1066 (40 WW 40 WL); narrower W:8 L:32 in ' +
      'Lev MH et al. Acute stroke: improved nonenhanced CT detection. Radiology 1999;213:150–155.',
  },
  {
    id: 'soft-tissue',
    center: 40,
    width: 400,
    unit: 'HU',
    source:
      `${RADIOPAEDIA} (soft tissues W:350–400 L:20–60; abdomen W:400 L:50); Hounsfield units, ` +
      'https://radiology.expert/x-ray-ct-technique/ct/hounsfield-units/ (soft tissue setting: level 40, width 400).',
  },
  {
    id: 'mediastinum',
    center: 50,
    width: 350,
    unit: 'HU',
    source: `${RADIOPAEDIA} (chest: mediastinum W:350 L:50).`,
  },
  {
    id: 'lung',
    center: -600,
    width: 1500,
    unit: 'HU',
    source: `${RADIOPAEDIA} (chest: lungs W:1500 L:−600).`,
  },
  {
    id: 'liver',
    center: 30,
    width: 150,
    unit: 'HU',
    source: `${RADIOPAEDIA} (abdomen: liver W:150 L:30).`,
  },
  {
    id: 'bone',
    center: 400,
    width: 1800,
    unit: 'HU',
    source: `${RADIOPAEDIA} (spine: bone W:1800 L:400).`,
  },
];

/** Whether `id` names a preset. */
export function isWindowPresetId(id: unknown): id is WindowPresetId {
  return typeof id === 'string' && WINDOW_PRESETS.some((p) => p.id === id);
}

/** The preset with this id, or undefined. */
export function getWindowPreset(id: string): WindowPreset | undefined {
  return WINDOW_PRESETS.find((p) => p.id === id);
}

/**
 * The preset with this id, for code built on a known preset (lesson texts, quiz answers, sample
 * recipes). @throws Error when the list lacks it (a programming error, caught at import).
 */
export function requireWindowPreset(id: WindowPresetId): WindowPreset {
  const preset = getWindowPreset(id);
  if (!preset) throw new Error(`Window preset '${id}' missing from WINDOW_PRESETS`);
  return preset;
}
