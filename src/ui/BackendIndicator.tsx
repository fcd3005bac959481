import type { TFunction } from '../i18n/useT';
import { useT } from '../i18n/useT';
import { BACKEND_NAMES } from './backendNames';
import { useBackendStore } from './backendStore';

/** The one-line label and the detail (the reason) for the current backend state. */
export function backendLabel(
  t: TFunction,
  state: Pick<ReturnType<typeof useBackendStore.getState>, 'status' | 'report' | 'error'>,
): { label: string; detail: string } {
  if (state.status === 'ready' && state.report) {
    return {
      label: t('backend.label', { name: BACKEND_NAMES[state.report.backend] }),
      detail: t('backend.reasonLabel', { reason: t(`backend.reason.${state.report.reason}`) }),
    };
  }
  if (state.status === 'error') {
    return { label: t('backend.error'), detail: t('backend.errorDetail', { message: state.error ?? '' }) };
  }
  return { label: t('backend.loading'), detail: '' };
}

/** Header badge: "Compute: wasm" with the reason as visible small print; links to the full report on About. */
export function BackendIndicator() {
  const t = useT();
  const status = useBackendStore((s) => s.status);
  const report = useBackendStore((s) => s.report);
  const error = useBackendStore((s) => s.error);
  const { label, detail } = backendLabel(t, { status, report, error });
  return (
    <a
      className="backend-indicator"
      href="#/about"
      data-testid="backend-indicator"
      data-status={status === 'idle' ? 'loading' : status}
      data-backend={report?.backend ?? ''}
      title={status === 'ready' && detail !== '' ? detail : undefined}
    >
      <span className="backend-indicator__label">{label}</span>
      {detail !== '' && <span className="backend-indicator__detail">{detail}</span>}
    </a>
  );
}
