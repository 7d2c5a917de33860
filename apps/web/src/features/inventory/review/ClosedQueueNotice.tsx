import { useT } from '../../../i18n/i18n';
import { m } from './messages';
import { closedMonthLines } from './review-model';

/** In the count screen's dock: counts refused because their month is closed stay on the phone; say so. */
export function ClosedQueueNotice({ entries }: { entries: readonly { failed: { code: string } | null }[] }) {
  const t = useT(m);
  const n = closedMonthLines(entries);
  if (n === 0) return null;
  return (
    <p className="dock-alert dock-danger" role="alert">
      {n === 1 ? t('closed_queue_one') : t('closed_queue', { n })}
    </p>
  );
}
