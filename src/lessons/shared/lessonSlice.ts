/**
 * The slice the neurons, convolution and activation-pooling lessons work on: a gallery sample
 * (chosen in the URL as `slice`) or the learner's own file, reduced to one grey frame of modality
 * values and its windowed, normalised intensities in [0, 1] (what the network sees:
 * window → normalise, {@link windowedIntensity}).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DecodedImage } from '../../core/imaging';
import { initialWindow } from '../../core/imaging/display/defaultWindow';
import { toDisplayFrame } from '../../core/imaging/display/displayFrame';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { windowedIntensity } from '../../core/imaging/display/windowedIntensity';
import type { EnumParamDef, Localized } from '../../core/lessons/types';
import { LESSON_SAMPLES } from '../radiology-images/radiologyImagesParams';
import { loadSample } from '../radiology-images/useSampleImage';

/** The value of the `slice` parameter that selects the learner's own file. */
export const OWN_SLICE = 'own';

/** Which slice a step works on; in the URL as `slice`. */
export const SLICE_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'slice',
  label: { en: 'Slice', zh: '切片' },
  options: [...LESSON_SAMPLES, { value: OWN_SLICE, label: { en: 'Your own file', zh: '你自己的文件' } }],
  default: 'chest-ct-nodule',
};

/** One grey slice, ready for the lessons' maths. */
export interface LessonSlice {
  /** Sample id, or {@link OWN_SLICE}. */
  id: string;
  /** A name to show (the file name for an own file). */
  name: string;
  width: number;
  height: number;
  /** Modality values (HU for CT), row-major. */
  values: Float32Array;
  /** Unit of `values` ('HU' for CT, '' when they have none). */
  unit: string;
  /** The window the intensities were made with. */
  window: VoiWindow;
  /** Windowed grey levels / 255, row-major, each in [0, 1]. */
  intensity: Float32Array;
  /** Column spacing in mm (Pixel Spacing or Imager Pixel Spacing), absent for PNG/JPEG. */
  spacingMm?: number;
  /** A name in both languages, for slices that are neither a sample nor a file (generated ones). */
  label?: Localized;
}

/**
 * Frame 0 of a decoded image as a {@link LessonSlice}: colour is reduced to grey with the
 * ITU-R BT.601 luma weights (0.299 R + 0.587 G + 0.114 B); the window is the image's default
 * ({@link initialWindow}: the file's own for CT, else the 1st–99th percentile).
 */
export function sliceFromImage(image: DecodedImage, id: string, name: string): LessonSlice {
  const frame = toDisplayFrame(image, 0);
  const n = frame.rows * frame.columns;
  let values = frame.values;
  if (frame.samplesPerPixel === 3) {
    values = new Float32Array(n);
    for (let i = 0; i < n; i++)
      values[i] =
        0.299 * frame.values[3 * i]! + 0.587 * frame.values[3 * i + 1]! + 0.114 * frame.values[3 * i + 2]!;
  }
  const window = initialWindow(image, values);
  return {
    id,
    name,
    width: frame.columns,
    height: frame.rows,
    values,
    unit: frame.unit,
    window,
    intensity: windowedIntensity(values, window),
    ...('pixelSpacing' in image && image.pixelSpacing ? { spacingMm: image.pixelSpacing[1] } : {}),
  };
}

const slices = new Map<string, Promise<LessonSlice>>();

/** A gallery sample as a slice (downloaded and decoded once per page, shared with other steps). */
export function loadLessonSlice(id: string): Promise<LessonSlice> {
  let p = slices.get(id);
  if (!p) {
    const label = LESSON_SAMPLES.find((s) => s.value === id)?.label.en ?? id;
    p = loadSample(id).then((image) => sliceFromImage(image, id, label));
    slices.set(id, p);
    p.catch(() => {
      if (slices.get(id) === p) slices.delete(id);
    });
  }
  return p;
}

/* The learner's own slice: one per page, shared by every step of the three lessons. */
let ownSlice: LessonSlice | null = null;
const listeners = new Set<() => void>();

/** Makes `slice` the learner's own slice (shown wherever `slice=own`). */
export function setOwnSlice(slice: LessonSlice | null): void {
  ownSlice = slice;
  for (const l of listeners) l();
}

/** The learner's own slice, or null when none was opened. */
export function getOwnSlice(): LessonSlice | null {
  return ownSlice;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What {@link useLessonSlice} holds. */
export type LessonSliceState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; slice: LessonSlice }
  /** `slice=own` and no file opened yet. */
  | { status: 'no-file'; id: string }
  | { status: 'error'; id: string; error: Error };

/** The slice `id` (a sample id or {@link OWN_SLICE}); a later id wins a race. */
export function useLessonSlice(id: string): LessonSliceState {
  const own = useSyncExternalStore(subscribe, getOwnSlice, getOwnSlice);
  const [state, setState] = useState<LessonSliceState>({ status: 'loading', id });
  if (id !== OWN_SLICE && state.id !== id) setState({ status: 'loading', id });
  useEffect(() => {
    if (id === OWN_SLICE) return;
    let live = true;
    loadLessonSlice(id).then(
      (slice) => live && setState({ status: 'ready', id, slice }),
      (e: unknown) =>
        live && setState({ status: 'error', id, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (id === OWN_SLICE) return own ? { status: 'ready', id, slice: own } : { status: 'no-file', id };
  return state;
}
