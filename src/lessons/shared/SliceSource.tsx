import { useId, useRef, useState } from 'react';
import { decodeImageFile, ImageDecodeError } from '../../core/imaging';
import type { Lang } from '../../core/lessons/types';
import { translate } from '../../i18n/translate';
import { MAX_FILE_BYTES } from '../../ui/viewer/useImageLoader';
import { LESSON_SAMPLES } from '../radiology-images/radiologyImagesParams';
import {
  OWN_SLICE,
  setOwnSlice,
  sliceFromImage,
  type LessonSlice,
  type LessonSliceState,
} from './lessonSlice';
import { sliceTexts as T } from './sliceTexts';

/** The name of a slice in `lang`: a sample's title, or the learner's file name. */
export function sliceName(slice: LessonSlice, lang: Lang): string {
  if (slice.label) return slice.label[lang];
  if (slice.id === OWN_SLICE) return slice.name;
  return LESSON_SAMPLES.find((s) => s.value === slice.id)?.label[lang] ?? slice.name;
}

/**
 * The slice line of a lesson widget: what is shown (or loading, or why it failed) and an
 * "Open your own file" button. A file that cannot be read leaves the previous slice in place and
 * says why; an opened file becomes the `slice=own` choice of every step, selected at once.
 */
export function SliceSource({
  state,
  lang,
  onOwnSlice,
}: {
  state: LessonSliceState;
  lang: Lang;
  /** Called after a file was opened (the widget selects `slice=own`). */
  onOwnSlice(): void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(file: File): Promise<void> {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(T.tooLarge[lang](file.name, MAX_FILE_BYTES / 2 ** 20));
      return;
    }
    setBusy(file.name);
    try {
      const image = await decodeImageFile(new Uint8Array(await file.arrayBuffer()), file.name);
      setOwnSlice(sliceFromImage(image, 'own', file.name));
      onOwnSlice();
    } catch (e) {
      setError(
        e instanceof ImageDecodeError ? e.localized(lang) : e instanceof Error ? e.message : String(e),
      );
    } finally {
      setBusy(null);
    }
  }

  let status: string;
  if (busy) status = T.opening[lang](busy);
  else if (state.status === 'ready')
    status = T.showing[lang](sliceName(state.slice, lang), state.slice.width, state.slice.height);
  else if (state.status === 'loading') status = translate(lang, 'sample.loading');
  else if (state.status === 'no-file') status = T.noFile[lang];
  else status = '';

  return (
    <div className="slice-source" data-testid="slice-source">
      <p role="status" className="slice-source__status" data-testid="slice-status">
        {status}
      </p>
      {state.status === 'error' && (
        <p role="alert" className="widget-error">
          {state.error instanceof ImageDecodeError ? (
            translate(lang, 'sample.failed', { message: state.error.localized(lang) })
          ) : (
            <>
              {translate(lang, 'sample.failed', { message: '' })}
              {/* The browser's own message (a network failure) comes in English. */}
              <span lang="en">{state.error.message}</span>
            </>
          )}
        </p>
      )}
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={T.open[lang]}
        accept=".dcm,.dicom,application/dicom,image/png,image/jpeg,.png,.jpg,.jpeg"
        data-testid="slice-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        disabled={busy !== null}
      >
        {T.open[lang]}
      </button>
      {error && (
        <p role="alert" className="widget-error" data-testid="slice-error">
          {error}
        </p>
      )}
    </div>
  );
}
