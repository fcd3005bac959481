import { useEffect, useState } from 'react';
import { decodeImageFile, ImageDecodeError, type DecodedImage } from '../../core/imaging';

/** What {@link useSampleImage} holds: the decoded sample, or why it could not be opened. */
export type SampleState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; image: DecodedImage }
  | { status: 'error'; id: string; error: ImageDecodeError | Error };

/** URL of a gallery sample's DICOM file (public/samples, written by `npm run samples`). */
export function sampleUrl(id: string): string {
  return `${import.meta.env.BASE_URL}samples/${encodeURIComponent(id)}.dcm`;
}

/**
 * Fetches and decodes one gallery sample from the app's own origin. The result is a stable object
 * per id (the Viewer resets when its `image` prop changes identity). A later id wins a race.
 */
export function useSampleImage(id: string): SampleState {
  const [state, setState] = useState<SampleState>({ status: 'loading', id });
  if (state.id !== id) setState({ status: 'loading', id });
  useEffect(() => {
    let live = true;
    (async () => {
      const res = await fetch(sampleUrl(id));
      if (!res.ok) throw new Error(`HTTP ${res.status} ${sampleUrl(id)}`);
      const image = await decodeImageFile(new Uint8Array(await res.arrayBuffer()), `${id}.dcm`);
      if (live) setState({ status: 'ready', id, image });
    })().catch((e: unknown) => {
      if (live)
        setState({
          status: 'error',
          id,
          error: e instanceof Error ? e : new Error(String(e)),
        });
    });
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}
