import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeImageFile } from '../../core/imaging';
import type { ViewerImage } from '../../core/imaging/display/displayFrame';
import { ImageDecodeError } from '../../core/imaging/ImageDecodeError';
import { viewerText } from './useViewerT';

/** Largest file the viewer will read: 512 MiB, refused before a byte is read. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Turns file bytes into an image (decodeImageFile by default; tests may pass their own). */
export type ImageDecoder = (bytes: Uint8Array, fileName?: string) => Promise<ViewerImage>;

/** Why the last load failed. Decode errors keep their bilingual message; anything else is generic. */
export type LoadError =
  { kind: 'decode'; error: ImageDecodeError } | { kind: 'download'; status: number } | { kind: 'generic' };

interface LoaderState {
  /** The `image` prop last seen, to notice when the parent passes a new one. */
  prop: ViewerImage | null | undefined;
  image: ViewerImage | null;
  name: string;
  error: LoadError | null;
  /** Name of the file being opened, or null. */
  busy: string | null;
}

/** Size in MiB with one decimal, for messages. */
function mebibytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

/** The ImageDecodeError for a file over {@link MAX_FILE_BYTES}, in both languages. */
export function tooLargeError(bytes: number): ImageDecodeError {
  const params = { size: mebibytes(bytes), max: MAX_FILE_BYTES / 2 ** 20 };
  return new ImageDecodeError('too-large', {
    en: viewerText('en', 'load.tooLarge', params),
    zh: viewerText('zh', 'load.tooLarge', params),
  });
}

/**
 * The image shown and how it got there: the `image` prop, or the last file / sample the user opened
 * (whichever came last). A failed load sets `error` and keeps the previous image. Loads race
 * safely: only the latest one lands.
 */
export function useImageLoader(opts: {
  image?: ViewerImage | null;
  decode?: ImageDecoder;
  onLoaded?(image: ViewerImage, name: string): void;
}) {
  const [state, setState] = useState<LoaderState>(() => ({
    prop: opts.image,
    image: opts.image ?? null,
    name: '',
    error: null,
    busy: null,
  }));
  // A new image from the parent replaces the shown one (adjusting state while rendering, as React advises).
  if (opts.image !== state.prop) {
    setState((s) => ({
      ...s,
      prop: opts.image,
      image: opts.image ?? s.image,
      name: opts.image ? '' : s.name,
    }));
  }
  const seq = useRef(0);
  const decodeRef = useRef<ImageDecoder>(opts.decode ?? decodeImageFile);
  const onLoadedRef = useRef(opts.onLoaded);
  useEffect(() => {
    decodeRef.current = opts.decode ?? decodeImageFile;
    onLoadedRef.current = opts.onLoaded;
  });

  const run = useCallback(async (name: string, getBytes: () => Promise<Uint8Array | LoadError>) => {
    const id = ++seq.current;
    setState((s) => ({ ...s, busy: name, error: null }));
    let result: { image: ViewerImage } | { error: LoadError };
    try {
      const bytes = await getBytes();
      result =
        bytes instanceof Uint8Array ? { image: await decodeRef.current(bytes, name) } : { error: bytes };
    } catch (e) {
      result = { error: e instanceof ImageDecodeError ? { kind: 'decode', error: e } : { kind: 'generic' } };
    }
    if (id !== seq.current) return; // a later load started meanwhile
    if ('image' in result) {
      setState((s) => ({ ...s, image: result.image, name, busy: null, error: null }));
      onLoadedRef.current?.(result.image, name);
    } else {
      setState((s) => ({ ...s, busy: null, error: result.error }));
    }
  }, []);

  /** Opens a user's file; files over {@link MAX_FILE_BYTES} are refused before reading. */
  const loadFile = useCallback(
    (file: File) =>
      run(file.name, async () => {
        if (file.size > MAX_FILE_BYTES) return { kind: 'decode', error: tooLargeError(file.size) };
        return new Uint8Array(await file.arrayBuffer());
      }),
    [run],
  );

  /** Downloads and opens a file (the sample gallery's .dcm files). */
  const loadUrl = useCallback(
    (url: string, name: string) =>
      run(name, async () => {
        const res = await fetch(url);
        if (!res.ok) return { kind: 'download', status: res.status };
        return new Uint8Array(await res.arrayBuffer());
      }),
    [run],
  );

  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  return {
    image: state.image,
    name: state.name,
    error: state.error,
    busy: state.busy,
    loadFile,
    loadUrl,
    dismissError,
  };
}
