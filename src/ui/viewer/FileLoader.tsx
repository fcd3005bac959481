import { useId, useRef } from 'react';
import { MAX_FILE_BYTES } from './useImageLoader';
import { useViewerT } from './useViewerT';
import { WithTerm } from './WithTerm';

/** The "Open a file…" button (a hidden file input behind it) and the load status line. */
export function FileLoader(props: { busy: string | null; name: string; onFile(file: File): void }) {
  const t = useViewerT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="viewer__panel viewer__loader" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('load.heading')}</h3>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('load.pick')}
        accept=".dcm,.dicom,application/dicom,image/png,image/jpeg,.png,.jpg,.jpeg"
        data-testid="viewer-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
      <button type="button" className="button button--primary" onClick={() => input.current?.click()}>
        {t('load.pick')}
      </button>
      <p className="hint">{t('load.types', { max: MAX_FILE_BYTES / 2 ** 20 })}</p>
      <p role="status" className="viewer__status" data-testid="viewer-status">
        {props.busy ? (
          <WithTerm text={t('load.busy')} term={props.busy} placeholder="name" />
        ) : props.name ? (
          <WithTerm text={t('load.showing')} term={props.name} placeholder="name" />
        ) : null}
      </p>
    </section>
  );
}
