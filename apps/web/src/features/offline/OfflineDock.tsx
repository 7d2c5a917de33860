import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { offlineMessages } from '../../shared/offline/offline-messages';
import { onOutboxSent, useOutbox } from '../../shared/offline/useOutbox';
import { useCountSync, useOnline } from '../inventory/count/useCountSync';
import { formatQty, monthLabel } from '../inventory/scope/format';
import { type WaitingRow, waitingRows } from './waiting';
import './offline.css';

/**
 * On every signed-in screen: starts the sending of what was typed offline (counts, losses, spot checks) when
 * the app opens and at each reconnection, says calmly "Hors ligne — 12 à envoyer", lists what waits, and
 * confirms when it has all left.
 */
export function OfflineDock() {
  const t = useT(offlineMessages);
  const ids = useId();
  const online = useOnline();
  const { sync, snapshot } = useCountSync();
  const { outbox, snapshot: box } = useOutbox();
  const [open, setOpen] = useState(false);
  const rows = useMemo(
    () => waitingRows(snapshot.queue, snapshot.inFlight, box.outbox, box.inFlight),
    [snapshot, box],
  );
  useRefreshAfterSent();
  const failed = rows.filter((r) => r.state === 'failed').length;
  const backlog = useBacklog(rows.length, online);
  // Online, a count typed a moment ago is the count screen's business (its own dock): no flicker up here.
  if (online && !backlog && failed === 0) return null;
  return (
    <section className={`offline-dock${online ? '' : ' offline-dock-off'}`} aria-labelledby={`${ids}-title`}>
      <div className="offline-bar">
        <p id={`${ids}-title`} className="offline-summary" role="status">
          {online ? null : <strong>{t('banner_offline')} — </strong>}
          {rows.length === 0
            ? t('banner_nothing')
            : rows.length === 1
              ? t('banner_waiting_one')
              : t('banner_waiting', { n: rows.length })}
          {failed > 0 ? ` · ${t('banner_failed', { n: failed })}` : null}
        </p>
        {rows.length > 0 ? (
          <button
            type="button"
            className="button"
            aria-expanded={open}
            aria-controls={`${ids}-list`}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? t('hide_list') : t('show_list')}
          </button>
        ) : null}
      </div>
      {open && rows.length > 0 ? (
        <div id={`${ids}-list`}>
          <h2 className="sr-only">{t('list_title')}</h2>
          <ul className="waiting-list" aria-label={t('list_title')}>
            {rows.map((row) => (
              <WaitingItem
                key={row.key}
                row={row}
                onDiscard={row.kind === 'count' ? null : () => outbox.remove(row.key)}
              />
            ))}
          </ul>
          {online ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                sync.retry();
                outbox.wake(true);
              }}
            >
              {t('send_now')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function WaitingItem({ row, onDiscard }: { row: WaitingRow; onDiscard: (() => void) | null }) {
  const t = useT(offlineMessages);
  const { locale } = useLocale();
  const kind =
    row.kind === 'count' ? t('kind_count') : row.kind === 'loss' ? t('kind_loss') : t('kind_spot_check');
  const detail = [
    row.quantity !== null ? formatQty(locale, row.quantity) : null,
    row.month ? monthLabel(locale, row.month, 'short') : null,
  ].filter(Boolean);
  return (
    <li className={`waiting-item waiting-${row.state}`}>
      <span className="waiting-kind">{kind}</span>
      <span className="waiting-label">
        {row.label}
        {detail.length > 0 ? <span className="muted"> · {detail.join(' · ')}</span> : null}
      </span>
      <span className="waiting-state">
        {row.state === 'failed'
          ? t('state_failed', { code: row.code ?? '—' })
          : row.state === 'sending'
            ? t('state_sending')
            : t('state_waiting')}
      </span>
      {row.state === 'failed' && onDiscard ? (
        <button
          type="button"
          className="button"
          aria-label={t('discard_label', { label: row.label })}
          onClick={onDiscard}
        >
          {t('discard')}
        </button>
      ) : null}
    </li>
  );
}

/** A loss or check that left the outbox: the lists and figures it changes refresh. */
function useRefreshAfterSent() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onOutboxSent((item) => {
        if (item.kind === 'loss') void queryClient.invalidateQueries(trpc.inventory.losses.pathFilter());
        else void queryClient.invalidateQueries(trpc.inventory.spotChecks.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
      }),
    [queryClient, trpc],
  );
}

/**
 * Whether what waits was typed offline (or left by an earlier visit), and "Tout est envoyé (12)" once it has
 * all left, online.
 */
function useBacklog(waiting: number, online: boolean): boolean {
  const t = useT(offlineMessages);
  const [backlog, setBacklog] = useState(waiting);
  useEffect(() => {
    if ((!online || backlog > 0) && waiting > backlog) setBacklog(waiting);
    else if (online && waiting === 0 && backlog > 0) {
      toast.ok(backlog === 1 ? t('all_sent_one') : t('all_sent', { n: backlog }));
      setBacklog(0);
    }
  }, [waiting, online, backlog, t]);
  return backlog > 0;
}
