import type { Month, SuspiciousProduct } from '@stockscan/contracts';
import { useLocale, useT } from '../../../i18n/i18n';
import { toast } from '../../../shared/feedback/toast-store';
import { useErrorToast } from '../../../shared/feedback/useErrorToast';
import { useEntitlements } from '../../entitlements/useEntitlements';
import { formatMoney, formatQty } from '../scope/format';
import { unitMessages } from '../scope/units';
import { m } from './messages';
import { formatActivity, monthName, reasonText } from './review-model';
import { type ReviewDecision, usePeriodActions } from './usePeriod';

/** One suspicious product: why, its lines (where, who, when), and the two decisions. */
export function SuspiciousItem({
  item,
  serviceId,
  month,
  previousMonth,
  readOnly,
}: {
  item: SuspiciousProduct;
  serviceId: string;
  month: Month;
  previousMonth: Month;
  readOnly: boolean;
}) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const { data: ent } = useEntitlements();
  const { mark } = usePeriodActions();
  const showError = useErrorToast();
  const unit = u(item.unit);
  const qty = (n: number) => formatQty(locale, n);
  const ctx = {
    t,
    previousMonth: monthName(locale, previousMonth),
    unit,
    qty,
    money: (n: number) => formatMoney(locale, ent?.currency_code ?? 'EUR', n),
  };

  function decide(decision: ReviewDecision) {
    mark.mutate(
      { service_id: serviceId, month, product_id: item.product_id, decision },
      {
        onSuccess: ({ emailed }) =>
          toast.ok(
            decision === 'OK'
              ? t('marked_ok', { name: item.name })
              : emailed === 0
                ? t('marked_recount', { name: item.name })
                : emailed === 1
                  ? t('marked_recount_emailed_one', { name: item.name })
                  : t('marked_recount_emailed', { name: item.name, n: emailed }),
          ),
        onError: (error) => showError(error),
      },
    );
  }

  return (
    <li className="card suspicious-item" data-state={item.state}>
      <div className="suspicious-head">
        <h3>{item.name}</h3>
        <span className="review-figure">{t('total', { qty: qty(item.total), unit })}</span>
      </div>
      <ul className="reason-chips">
        {item.reasons.map((reason) => (
          <li key={reason.kind} className="reason-chip">
            {reasonText(reason, ctx)}
          </li>
        ))}
      </ul>
      {item.previous !== null ? (
        <p className="muted">{t('previous', { month: ctx.previousMonth, qty: qty(item.previous), unit })}</p>
      ) : null}
      <ul className="suspicious-lines">
        {item.lines.map((line) => (
          <li key={line.location_id ?? 'whole'}>
            <span>
              {line.container_status === 'OPENED' && line.remaining_fraction !== null
                ? t('line_opened', {
                    place: line.location_name ?? t('whole_service'),
                    qty: qty(line.quantity),
                    unit,
                    rest: qty(line.remaining_fraction),
                  })
                : t('line', {
                    place: line.location_name ?? t('whole_service'),
                    qty: qty(line.quantity),
                    unit,
                  })}
            </span>
            <span className="muted">
              {t('counted_by', {
                name: line.counted_by_name ?? t('someone'),
                time: formatActivity(locale, line.counted_at),
              })}
            </span>
          </li>
        ))}
      </ul>
      {item.state !== 'TO_REVIEW' ? (
        <p className={item.state === 'RECOUNTED' ? 'review-state review-state-done' : 'review-state'}>
          {item.state === 'RECOUNTED' ? t('state_recounted') : t('state_recount_requested')}
          {item.decided_by_name ? ` · ${item.decided_by_name}` : ''}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="suspicious-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={mark.isPending}
            aria-label={t('mark_ok_label', { name: item.name })}
            onClick={() => decide('OK')}
          >
            {t('mark_ok')}
          </button>
          {item.state === 'RECOUNT_REQUESTED' ? null : (
            <button
              type="button"
              className="button button-ghost"
              disabled={mark.isPending}
              aria-label={t('mark_recount_label', { name: item.name })}
              onClick={() => decide('RECOUNT')}
            >
              {t('mark_recount')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
