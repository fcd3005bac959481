import type { Lang } from '../../core/lessons/types';
import { ImageDecodeError } from '../../core/imaging/ImageDecodeError';
import type { LoadError } from './useImageLoader';
import { useViewerT, type ViewerT } from './useViewerT';

/** The message for a failed load or frame, in `lang`: ImageDecodeError's own message, else a generic one. */
export function loadErrorMessage(error: LoadError | unknown, lang: Lang, t: ViewerT): string {
  if (error instanceof ImageDecodeError) return error.localized(lang);
  if (typeof error === 'object' && error !== null && 'kind' in error) {
    const e = error as LoadError;
    if (e.kind === 'decode') return e.error.localized(lang);
    if (e.kind === 'download') return t('load.downloadFailed', { status: e.status });
  }
  return t('load.generic');
}

/** An error in the page (role="alert"), saying that the previous image is still shown when it is. */
export function ViewerAlert(props: { message: string; keptPrevious: boolean; onDismiss?(): void }) {
  const t = useViewerT();
  return (
    <div role="alert" className="viewer__alert" data-testid="viewer-alert">
      <p>
        <span aria-hidden="true" className="viewer__alert-icon">
          ⚠
        </span>{' '}
        {props.message}
        {props.keptPrevious && <> {t('load.keptPrevious')}</>}
      </p>
      {props.onDismiss && (
        <button type="button" className="button button--quiet" onClick={props.onDismiss}>
          {t('load.dismiss')}
        </button>
      )}
    </div>
  );
}
