import type { PurchaseOrder } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { OrderQuantityField } from './OrderQuantityField';
import { draftQuantity, draftText, type OrderLineDraft, orderLines } from './order-draft';
import { om } from './order-messages';

/** A draft's quantities, still editable (a sent order's are not): a line set to 0 leaves the order. */
export function OrderDraftEditor({ order, onSaved }: { order: PurchaseOrder; onSaved: () => void }) {
  const t = useT(om);
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
              <OrderQuantityField
                id={`${ids}-${index}`}
                productName={line.product_name}
                packSize={line.pack_size}
                unit={line.unit}
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
