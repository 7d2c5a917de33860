import { useLocale, useT } from '../../i18n/i18n';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { asDenial, DownloadRefused, formatSize } from './download';
import { exportMessages } from './messages';
import type { DownloadPhase } from './useExportDownload';

/** Where the export stands: checking, producing, bytes received, done (with a link to save again), or why not. */
export function DownloadStatus({
  phase,
  onCancel,
  onRetry,
  onDismiss,
}: {
  phase: DownloadPhase;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const t = useT(exportMessages);
  const { locale } = useLocale();

  switch (phase.step) {
    case 'idle':
      return null;
    case 'checking':
    case 'producing':
    case 'receiving': {
      const text =
        phase.step === 'checking'
          ? t('step_checking')
          : phase.step === 'producing'
            ? t('step_producing')
            : t('step_receiving', { size: formatSize(locale, phase.received) });
      const ratio =
        phase.step === 'receiving' && phase.total ? Math.min(1, phase.received / phase.total) : null;
      return (
        <div className="export-progress" role="status" aria-live="polite">
          <p>{text}</p>
          {ratio === null ? (
            <div className="export-bar export-bar-indeterminate" aria-hidden="true">
              <span />
            </div>
          ) : (
            <progress max={1} value={ratio} aria-label={text} />
          )}
          <button type="button" className="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      );
    }
    case 'done':
      return (
        <div className="alert alert-ok export-done" role="status">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('done', { filename: phase.filename })}
          </p>
          <p className="export-done-hint">
            {t('done_hint')}{' '}
            <a href={phase.href} download={phase.filename}>
              {t('save_again')}
            </a>
          </p>
        </div>
      );
    case 'cancelled':
      return (
        <p className="muted" role="status">
          {t('cancelled')}
        </p>
      );
    case 'failed':
      return <DownloadFailure error={phase.error} onRetry={onRetry} onDismiss={onDismiss} />;
  }
}

function DownloadFailure({
  error,
  onRetry,
  onDismiss,
}: {
  error: unknown;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const t = useT(exportMessages);
  if (!(error instanceof DownloadRefused)) {
    // A tRPC refusal of the request (quota, role, period) or the connection: the shared words and action.
    return <ErrorMessage error={error} onRetry={onRetry} onDismiss={onDismiss} />;
  }
  const denial = asDenial(error);
  if (denial) return <ErrorMessage error={denial} onDismiss={onDismiss} />;
  const message =
    error.code === 'TOKEN_INVALID'
      ? t('link_expired')
      : error.code === 'INTERNAL' || error.code === 'UNKNOWN' || !error.detail
        ? t('download_failed')
        : error.detail;
  return (
    <div className="alert alert-error error-message" role="alert" data-code={error.code}>
      <p>{message}</p>
      <div className="error-message-actions">
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t('retry')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
