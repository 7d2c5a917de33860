import { useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { m as review } from '../review/messages';

export type RowState = 'failed' | 'pending' | 'saved' | 'todo';

/** Where a row's count stands: not counted, waiting to be sent, saved, or failed (a button that tries again). */
export function RowStatus({
  status,
  name,
  sending,
  onRetry,
  failedCode,
}: {
  status: RowState;
  name: string;
  sending: boolean;
  onRetry: () => void;
  /** Why the server refused the line, when it did (a closed month is said as such). */
  failedCode?: string | null;
}) {
  const t = useT(m);
  const r = useT(review);
  return (
    <div className="count-status" aria-live="polite">
      {status === 'failed' ? (
        <button
          type="button"
          className="status-failed"
          aria-label={t('status_failed_label', { name })}
          onClick={onRetry}
        >
          {failedCode === 'MONTH_CLOSED' ? r('status_closed_row') : t('status_failed')}
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
