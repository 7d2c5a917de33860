import type { OrderSuggestionGroup } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, formatQty } from '../inventory/scope/format';
import { OrderQuantityField } from './OrderQuantityField';
import { draftQuantity, draftText, type OrderLineDraft, orderLines } from './order-draft';
import { om } from './order-messages';

/** One supplier's share of the suggestion: each line's expected stock and par, the quantity to order (editable). */
export function SuggestionGroup({
  serviceId,
  group,
  onSaved,
}: {
  serviceId: string;
  group: OrderSuggestionGroup;
  onSaved: (orderId: string) => void;
}) {
  const t = useT(om);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const supplier = group.supplier_name ?? t('no_supplier');
  const [lines, setLines] = useState<OrderLineDraft[]>(() =>
    group.lines.map((l) => ({
      product_id: l.product_id,
      product_name: l.product_name,
      unit: l.unit,
      pack_size: l.pack_size,
      text: draftText(l.quantity, l.pack_size),
      unit_cost: l.unit_cost,
    })),
  );
  const [touched, setTouched] = useState(false);
  // A retry after a lost answer replays the same key: one draft.
  const [key] = useState(() => crypto.randomUUID());
  const create = useMutation(
    trpc.purchasing.orders.create.mutationOptions({
      onSuccess: (order) => {
        toast.ok(t('draft_saved', { number: order.number, supplier }));
        void queryClient.invalidateQueries(trpc.purchasing.orders.list.pathFilter());
        onSaved(order.id);
      },
    }),
  );
  const total = lines.reduce((sum, l) => sum + (draftQuantity(l) ?? 0) * (l.unit_cost ?? 0), 0);
  const input = orderLines(lines);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!input) return;
    create.mutate({
      service_id: serviceId,
      supplier_id: group.supplier_id,
      lines: input,
      idempotency_key: key,
    });
  }

  return (
    <form className="order-group" onSubmit={submit} noValidate aria-label={supplier}>
      <h3>{supplier}</h3>
      <ul className="order-lines">
        {group.lines.map((suggested, index) => {
          const line = lines[index]!;
          const invalid = touched && line.text.trim() !== '' && draftQuantity(line) === null;
          return (
            <li key={suggested.product_id} className={invalid ? 'order-line line-invalid' : 'order-line'}>
              <p className="order-line-name">
                <strong>{suggested.product_name}</strong>
                <span className="muted">
                  {' '}
                  ·{' '}
                  {t('line_expected', {
                    expected: formatQty(locale, suggested.expected),
                    par: formatQty(locale, suggested.par_level),
                  })}
                  {suggested.on_order > 0
                    ? t('line_on_order', { qty: formatQty(locale, suggested.on_order) })
                    : null}
                </span>
              </p>
              <OrderQuantityField
                id={`${ids}-${index}`}
                productName={suggested.product_name}
                packSize={suggested.pack_size}
                unit={suggested.unit}
                value={line.text}
                invalid={invalid}
                onChange={(text) =>
                  setLines((prev) => prev.map((l, i) => (i === index ? { ...l, text } : l)))
                }
              />
            </li>
          );
        })}
      </ul>
      <p className="order-total">{t('group_total', { cost: formatMoney(locale, currency, total) })}</p>
      {touched && !input && lines.every((l) => draftQuantity(l) !== null) ? (
        <p className="field-error">{t('nothing_left')}</p>
      ) : null}
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('save_draft')}
      </button>
    </form>
  );
}
