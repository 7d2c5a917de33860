import type { PurchaseOrder } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { formatQty } from '../inventory/scope/format';
import { unitMessages } from '../inventory/scope/units';
import { draftQuantity, draftText, type OrderLineDraft, orderLines, ordersByPack } from './order-draft';
import { om } from './order-messages';

/** A draft's quantities, still editable (a sent order's are not): a line set to 0 leaves the order. */
export function OrderDraftEditor({ order, onSaved }: { order: PurchaseOrder; onSaved: () => void }) {
  const t = useT(om);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const [lines, setLines] = useState<OrderLineDraft[]>(() =>
    order.lines.map((l) => ({
      product_id: l.product_id,
      product_name: l.product_name,
      unit: l.unit,
      pack_size: l.pack_size,
      text: draftText(l.quantity, l.pack_size),
      unit_cost: l.unit_cost,
    })),
  );
  const [touched, setTouched] = useState(false);
  const update = useMutation(
    trpc.purchasing.orders.update.mutationOptions({
      onSuccess: (saved) => {
        toast.ok(t('draft_updated', { number: saved.number }));
        setTouched(false);
        onSaved();
      },
    }),
  );
  const input = orderLines(lines);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (input) update.mutate({ id: order.id, lines: input });
  }

  return (
    <form
      className="order-draft"
      onSubmit={submit}
      noValidate
      aria-label={t('order_label', { number: order.number })}
    >
      <ul className="order-lines">
        {lines.map((line, index) => {
          const invalid = touched && line.text.trim() !== '' && draftQuantity(line) === null;
          return (
            <li key={line.product_id} className={invalid ? 'order-line line-invalid' : 'order-line'}>
              <p className="order-line-name">
                <strong>{line.product_name}</strong>
              </p>
              <label htmlFor={`${ids}-${index}`}>
                <span className="sr-only">{line.product_name} — </span>
                {ordersByPack(line.pack_size)
                  ? t('line_packs', { n: formatQty(locale, line.pack_size as number) })
                  : `${t('line_units')} (${u(line.unit)})`}
                <input
                  id={`${ids}-${index}`}
                  inputMode="decimal"
                  aria-invalid={invalid || undefined}
                  value={line.text}
                  onChange={(e) =>
                    setLines((prev) => prev.map((l, i) => (i === index ? { ...l, text: e.target.value } : l)))
                  }
                />
              </label>
              {invalid ? <p className="field-error">{t('line_invalid')}</p> : null}
            </li>
          );
        })}
      </ul>
      {touched && !input && lines.every((l) => draftQuantity(l) !== null || l.text.trim() === '') ? (
        <p className="field-error">{t('nothing_left')}</p>
      ) : null}
      {update.error ? <ErrorMessage error={update.error} /> : null}
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? t('saving') : t('save_changes')}
      </button>
    </form>
  );
}
