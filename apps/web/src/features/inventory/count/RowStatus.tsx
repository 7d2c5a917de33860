import { useT } from '../../../i18n/i18n';
import { m } from '../messages';

export type RowState = 'failed' | 'pending' | 'saved' | 'todo';

/** Where a row's count stands: not counted, waiting to be sent, saved, or failed (a button that tries again). */
export function RowStatus({
  status,
  name,
  sending,
  onRetry,
}: {
  status: RowState;
  name: string;
  sending: boolean;
  onRetry: () => void;
}) {
  const t = useT(m);
  return (
    <div className="count-status" aria-live="polite">
      {status === 'failed' ? (
        <button
          type="button"
          className="status-failed"
          aria-label={t('status_failed_label', { name })}
          onClick={onRetry}
        >
          {t('status_failed')}
        </button>
      ) : status === 'pending' ? (
        <span className="status-pending">
          <span className="dot" aria-hidden="true" />
          {sending ? t('sync_sending') : t('status_pending')}
        </span>
      ) : status === 'saved' ? (
        <span className="status-saved">
          <span aria-hidden="true">✓</span> {t('status_saved')}
        </span>
      ) : (
        <span className="status-todo">{t('status_todo')}</span>
      )}
    </div>
  );
}
