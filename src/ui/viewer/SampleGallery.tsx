import { useEffect, useId, useState } from 'react';
import type { SampleEntry } from '../../core/imaging/samplesManifest';
import { useLang } from '../../i18n/useT';
import { parseSamplesManifest, samplesBaseUrl } from './samplesIndex';
import { useViewerT } from './useViewerT';

type GalleryState =
  { status: 'loading' } | { status: 'ready'; samples: SampleEntry[] } | { status: 'unavailable' };

/**
 * The sample gallery: reads `${BASE_URL}samples/manifest.json` and offers each phantom as a button
 * that opens its DICOM file. When the manifest cannot be read the gallery says so and the rest of
 * the viewer works as usual.
 */
export function SampleGallery(props: {
  busy: boolean;
  onOpen(url: string, name: string, entry: SampleEntry): void;
}) {
  const t = useViewerT();
  const lang = useLang();
  const id = useId();
  const [state, setState] = useState<GalleryState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(`${samplesBaseUrl()}manifest.json`)
      .then((res) => (res.ok ? res.json() : null))
      .then((json: unknown) => {
        const samples = parseSamplesManifest(json);
        if (live) setState(samples ? { status: 'ready', samples } : { status: 'unavailable' });
      })
      .catch(() => {
        if (live) setState({ status: 'unavailable' });
      });
    return () => {
      live = false;
    };
  }, []);
  const base = samplesBaseUrl();
  return (
    <section
      className="viewer__panel viewer__gallery"
      aria-labelledby={`${id}-h`}
      data-testid="sample-gallery"
    >
      <h3 id={`${id}-h`}>{t('gallery.heading')}</h3>
      {state.status === 'loading' && <p className="hint">{t('gallery.loading')}</p>}
      {state.status === 'unavailable' && <p className="hint">{t('gallery.unavailable')}</p>}
      {state.status === 'ready' && (
        <>
          <p className="hint">{t('gallery.intro')}</p>
          <ul className="viewer__samples">
            {state.samples.map((s) => (
              <li key={s.id} className="viewer__sample">
                <button
                  type="button"
                  className="viewer__sample-button"
                  disabled={props.busy}
                  data-sample={s.id}
                  onClick={() => props.onOpen(`${base}${s.dicom}`, s.dicom, s)}
                >
                  <img src={`${base}${s.png}`} alt="" width={72} height={72} loading="lazy" />
                  <span className="viewer__sample-text">
                    <span className="viewer__sample-title">{s.title[lang]}</span>
                    <span className="viewer__sample-meta">
                      <span lang="en">{s.modality}</span> ·{' '}
                      {t('gallery.size', { columns: s.columns, rows: s.rows })} ·{' '}
                      {t(s.hasLesion ? 'gallery.lesion' : 'gallery.noLesion')}
                    </span>
                  </span>
                </button>
                <p className="viewer__sample-desc">{s.description[lang]}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
