import { useT } from '../i18n/useT';
import { backendLabel } from './BackendIndicator';
import { BACKEND_NAMES } from './backendNames';
import { loadBackendModule } from './loadBackendModule';
import { useBackendStore } from './backendStore';
import { PAPER } from './paperCitation';
import { usePageTitle } from './usePageTitle';

/** The compute backend report in detail: backend, reason, wasm features, every attempt. */
export function BackendReportView() {
  const t = useT();
  const status = useBackendStore((s) => s.status);
  const report = useBackendStore((s) => s.report);
  const error = useBackendStore((s) => s.error);
  if (status === 'error') {
    return (
      <p data-testid="backend-report" data-status="error">
        {t('about.backendError')} {backendLabel(t, { status, report, error }).detail}
      </p>
    );
  }
  if (status !== 'ready' || !report) {
    return (
      <p data-testid="backend-report" data-status="loading">
        {t('about.backendLoading')}
      </p>
    );
  }
  const yesNo = (b: boolean): string => t(b ? 'about.yes' : 'about.no');
  return (
    <div data-testid="backend-report" data-status="ready">
      <dl className="facts">
        <dt>{t('about.backend')}</dt>
        <dd data-testid="backend-report-name">{BACKEND_NAMES[report.backend]}</dd>
        <dt>{t('about.reason')}</dt>
        <dd>{t(`backend.reason.${report.reason}`)}</dd>
        <dt>{t('about.softwareGpu')}</dt>
        <dd>{yesNo(report.softwareGpu)}</dd>
        {report.wasm && (
          <>
            <dt>{t('about.wasmSimd')}</dt>
            <dd>{yesNo(report.wasm.simd)}</dd>
            <dt>{t('about.wasmThreads')}</dt>
            <dd>{report.wasm.threads}</dd>
          </>
        )}
      </dl>
      {report.backend === 'webgl' && (
        <p>
          <button
            type="button"
            className="button"
            data-testid="simulate-context-loss"
            onClick={() => void loadBackendModule().then((m) => m.simulateWebGlContextLoss())}
          >
            {t('about.simulateLoss')}
          </button>{' '}
          <span className="hint">{t('about.simulateLossHint')}</span>
        </p>
      )}
      {report.attempts.length > 0 && (
        <table className="table">
          <caption>{t('about.attempts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('about.attemptBackend')}</th>
              <th scope="col">{t('about.attemptResult')}</th>
              <th scope="col">{t('about.attemptDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {report.attempts.map((a, i) => (
              <tr key={`${a.backend}-${i}`}>
                <th scope="row">{BACKEND_NAMES[a.backend]}</th>
                <td>
                  {t(a.ok ? 'about.worked' : 'about.failed')}
                  {a.softwareGpu ? ` (${t('about.softwareGpu')})` : ''}
                </td>
                <td className="table__detail" lang="en">
                  {a.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** `#/about`: what the app is, the review it follows, the privacy promise, the backend report. */
export function AboutPage() {
  const t = useT();
  usePageTitle(t('about.title'));
  return (
    <div className="page page--narrow" data-testid="about-page">
      <h1 tabIndex={-1}>{t('about.title')}</h1>
      <p className="lead">{t('about.what')}</p>
      <h2>{t('about.paperHeading')}</h2>
      <p>{t('about.paperIntro')}</p>
      <blockquote className="citation" lang="en">
        {PAPER.authors} <cite>{PAPER.title}</cite>. {PAPER.venue}
      </blockquote>
      <h2>{t('about.privacyHeading')}</h2>
      <p data-testid="privacy-promise">{t('about.privacy')}</p>
      <h2>{t('about.backendHeading')}</h2>
      <p>{t('about.backendIntro')}</p>
      <BackendReportView />
    </div>
  );
}
