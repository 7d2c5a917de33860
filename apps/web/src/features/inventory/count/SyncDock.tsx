import { useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { ClosedQueueNotice } from '../review/ClosedQueueNotice';
import { closedMonthLines } from '../review/review-model';
import type { SyncSnapshot } from './count-sync';
import { lineStatus } from './pending-queue';
import { useOnline } from './useCountSync';

/** Always in reach of the thumb: the scan button, and where the typed counts are (sent, waiting, refused). */
export function SyncDock({
  snapshot,
  tenantId,
  onRetryAll,
  onScan,
}: {
  snapshot: SyncSnapshot;
  tenantId: string;
  onRetryAll: () => void;
  onScan: () => void;
}) {
  const t = useT(m);
  const online = useOnline();
  const entries = Object.values(snapshot.queue).filter((e) => e.tenant_id === tenantId);
  const refused = entries.filter((e) => e.failed !== null).length;
  // Lines of a closed month are said apart: they wait for a manager to reopen it, not for a fix.
  const closed = closedMonthLines(entries);
  const stuck = entries.filter((e) => e.failed === null && lineStatus(e) === 'failed').length;
  const failed = refused + stuck;
  const waiting = entries.length - failed;
  return (
    <div className="sync-dock">
      {/* Offline, the app-wide "Hors ligne" banner says it once (OfflineDock); this dock keeps the counts. */}
      {!snapshot.persisted ? <p className="dock-alert dock-danger">{t('not_persisted')}</p> : null}
      {online ? <ClosedQueueNotice entries={entries} /> : null}
      {online && refused > closed ? (
        <p className="dock-alert dock-danger">{t('refused_hint', { n: refused - closed })}</p>
      ) : null}
      {online && stuck > 0 && refused === 0 ? (
        <p className="dock-alert dock-offline">{t('stuck_hint')}</p>
      ) : null}
      <div className="dock-bar">
        {failed > 0 ? (
          <button type="button" className="button dock-retry" onClick={onRetryAll}>
            {failed === 1 ? t('sync_failed_one') : t('sync_failed', { n: failed })}
          </button>
        ) : (
          <p className={`dock-summary ${waiting > 0 ? 'sync-waiting' : 'sync-ok'}`} role="status">
            {waiting === 0 ? <span aria-hidden="true">✓ </span> : null}
            {snapshot.inFlight.size > 0
              ? t('sync_sending')
              : waiting === 0
                ? t('sync_all_saved')
                : waiting === 1
                  ? t('sync_pending_one')
                  : t('sync_pending', { n: waiting })}
          </p>
        )}
        <button
          type="button"
          className="button button-primary scan-button"
          onClick={onScan}
          aria-label={t('scan_label')}
        >
          <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M3 7V4h3M18 4h3v3M21 17v3h-3M6 20H3v-3M7 8v8M10 8v8M13 8v8M16 8v8"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
          </svg>
          <span>{t('scan')}</span>
        </button>
      </div>
    </div>
  );
}
