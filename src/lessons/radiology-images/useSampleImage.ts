import { useEffect, useState } from 'react';
import { decodeImageFile, ImageDecodeError, type DecodedImage } from '../../core/imaging';
import { samplesBaseUrl } from '../../ui/viewer/samplesIndex';

/** What {@link useSampleImage} holds: the decoded sample, or why it could not be opened. */
export type SampleState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; image: DecodedImage }
  | { status: 'error'; id: string; error: ImageDecodeError | Error };

/** URL of a gallery sample's DICOM file (public/samples, written by `npm run samples`). */
export function sampleUrl(id: string): string {
  return `${samplesBaseUrl()}${encodeURIComponent(id)}.dcm`;
}

/** Samples fetched or being fetched, by id: each one is downloaded and decoded once per page. */
const samples = new Map<string, Promise<DecodedImage>>();

/**
 * The decoded sample `id`, shared by every step that shows it. A failed load is forgotten, so a
 * later call tries again.
 */
export function loadSample(id: string): Promise<DecodedImage> {
  let p = samples.get(id);
  if (!p) {
    p = (async () => {
      const res = await fetch(sampleUrl(id));
      if (!res.ok) throw new Error(`HTTP ${res.status} ${sampleUrl(id)}`);
      return decodeImageFile(new Uint8Array(await res.arrayBuffer()), `${id}.dcm`);
    })();
    samples.set(id, p);
    p.catch(() => {
      if (samples.get(id) === p) samples.delete(id);
    });
  }
  return p;
}

/** Forgets every loaded sample (for tests that stub `fetch`). */
export function resetSampleCache(): void {
  samples.clear();
}

/**
 * Fetches and decodes one gallery sample from the app's own origin ({@link loadSample}: once per
 * page). The result is a stable object per id (the Viewer resets when its `image` prop changes
 * identity). A later id wins a race.
 */
export function useSampleImage(id: string): SampleState {
  const [state, setState] = useState<SampleState>({ status: 'loading', id });
  if (state.id !== id) setState({ status: 'loading', id });
  useEffect(() => {
    let live = true;
    loadSample(id).then(
      (image) => {
        if (live) setState({ status: 'ready', id, image });
      },
      (e: unknown) => {
        if (live)
          setState({
            status: 'error',
            id,
            error: e instanceof Error ? e : new Error(String(e)),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}
