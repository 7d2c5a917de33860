import type { PurchaseOrder } from '@stockscan/contracts';
import { missingFromDelivery } from '@stockscan/entitlements';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty, parseDecimal, todayLocal } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { om } from './order-messages';

/** A sent order prefills its delivery: the quantities ordered, to correct where needed, then one tap. */
export function ReceiveForm({ order, onDone }: { order: PurchaseOrder; onDone: () => void }) {
  const t = useT(om);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const [date, setDate] = useState(todayLocal());
  const [texts, setTexts] = useState(() =>
    order.lines.map((l) => formatQty(locale, l.quantity).replace(/\s/g, '')),
  );
  const [touched, setTouched] = useState(false);
  const [keepRest, setKeepRest] = useState(false);
  // Two taps, or a retry after a lost answer: one delivery (the server also answers the same one).
  const [key] = useState(() => crypto.randomUUID());
  const receive = useMutation(
    trpc.purchasing.orders.receive.mutationOptions({
      onSuccess: ({ receipt, backorder }) => {
        const saved = t('received_ok', {
          n: receipt.lines.length,
          cost: formatMoney(locale, currency, receipt.total_cost),
        });
        toast.ok(backorder ? `${saved} ${t('backorder_ok', { number: backorder.number })}` : saved);
        void queryClient.invalidateQueries(trpc.purchasing.receipts.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.usage.pathFilter());
        onDone();
      },
    }),
  );
  const quantities = texts.map((text) => (text.trim() === '' ? 0 : parseDecimal(text, 3)));
  // Less came than was ordered on some line (a line not yet readable counts as come): the rest may stay on order.
  const short =
    missingFromDelivery(
      order.lines,
      order.lines.map((line, i) => ({
        product_id: line.product_id,
        quantity: quantities[i] ?? line.quantity,
      })),
    ).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (quantities.some((q) => q === null)) return;
    receive.mutate({
      id: order.id,
      received_on: date,
      lines: order.lines.map((line, i) => ({
        product_id: line.product_id,
        quantity: quantities[i] as number,
        unit_cost: line.unit_cost,
      })),
      backorder: short && keepRest,
      idempotency_key: key,
    });
  }

  return (
    <form className="order-receive" onSubmit={submit} noValidate aria-label={t('receive_title')}>
      <h3>{t('receive_title')}</h3>
      <p className="muted">{t('receive_hint')}</p>
      <label htmlFor={`${ids}-date`}>
        {t('received_on')}
        <input id={`${ids}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <ul className="order-lines">
        {order.lines.map((line, index) => {
          const invalid = touched && quantities[index] === null;
          return (
            <li key={line.id} className={invalid ? 'order-line line-invalid' : 'order-line'}>
              <label htmlFor={`${ids}-${index}`}>
                {line.product_name} <span className="muted">({u(line.unit)})</span>
                <input
                  id={`${ids}-${index}`}
                  inputMode="decimal"
                  aria-invalid={invalid || undefined}
                  value={texts[index]}
                  onChange={(e) => setTexts((prev) => prev.map((v, i) => (i === index ? e.target.value : v)))}
                />
              </label>
            </li>
          );
        })}
      </ul>
      {short ? (
        <div className="order-keep-rest">
          <label htmlFor={`${ids}-rest`}>
            <input
              id={`${ids}-rest`}
              type="checkbox"
              checked={keepRest}
              aria-describedby={`${ids}-rest-hint`}
              onChange={(e) => setKeepRest(e.target.checked)}
            />
            <span>{t('keep_rest')}</span>
          </label>
          <p className="muted" id={`${ids}-rest-hint`}>
            {t('keep_rest_hint')}
          </p>
        </div>
      ) : null}
      {receive.error ? <ErrorMessage error={receive.error} /> : null}
      <button type="submit" className="button button-primary" disabled={receive.isPending}>
        {receive.isPending ? t('receiving') : t('receive')}
      </button>
    </form>
  );
}
