import { useT } from '../i18n/useT';
import { BACKEND_NAMES } from './backendNames';
import { useBackendStore } from './backendStore';

/** A visible, dismissible notice after the backend fell back (e.g. the WebGL context was lost). */
export function FallbackNotice() {
  const t = useT();
  const notice = useBackendStore((s) => s.notice);
  const dismiss = useBackendStore((s) => s.dismissNotice);
  return (
    <div role="status" className="notice-region" data-testid="backend-fallback-region">
      {notice && (
        <div className="notice" data-testid="backend-fallback-notice">
          <p>
            {notice.report.reason === 'context-lost'
              ? t('backend.notice.contextLost', { to: BACKEND_NAMES[notice.report.backend] })
              : t('backend.notice.fallback', {
                  from: BACKEND_NAMES[notice.from],
                  to: BACKEND_NAMES[notice.report.backend],
                })}
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={dismiss}
            data-testid="backend-fallback-dismiss"
          >
            {t('backend.notice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
