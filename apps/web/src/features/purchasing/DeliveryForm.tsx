import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatMoney, todayLocal } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';
import { DeliveryLine, type LineDraft } from './DeliveryLine';
import { lineInput } from './delivery-draft';
import { m } from './messages';
import { ProductSearch } from './ProductSearch';
import { SupplierSelect } from './SupplierSelect';

/** Supplier, date, reference, then lines by search or scan; one idempotency key per delivery typed. */
export function DeliveryForm({ service, onSaved }: { service: Service; onSaved: (month: string) => void }) {
  const t = useT(m);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: ent } = useEntitlements();
  const [supplierId, setSupplierId] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [updatePrices, setUpdatePrices] = useState(false);
  const [touched, setTouched] = useState(false);
  // A retry after a lost answer replays the same key: the server keeps one delivery.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const create = useMutation(
    trpc.purchasing.receipts.create.mutationOptions({
      onSuccess: (receipt) => {
        toast.ok(
          t('saved', {
            n: receipt.lines.length,
            cost: formatMoney(locale, ent?.currency_code ?? 'EUR', receipt.total_cost),
          }),
        );
        void queryClient.invalidateQueries(trpc.purchasing.receipts.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.usage.pathFilter());
        setLines([]);
        setReference('');
        setTouched(false);
        setKey(crypto.randomUUID());
        onSaved(receipt.month);
      },
    }),
  );
  const inputs = lines.map(lineInput);
  const dateProblem = date > todayLocal();

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    const valid = inputs.filter((line) => line !== null);
    if (lines.length === 0 || valid.length !== lines.length || dateProblem) return;
    create.mutate({
      service_id: service.id,
      supplier_id: supplierId || null,
      received_on: date,
      reference: reference.trim() || null,
      lines: valid,
      update_purchase_prices: updatePrices,
      idempotency_key: key,
    });
  }

  return (
    <form className="card delivery-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('form_title')}</h2>
      <div className="delivery-head">
        <label htmlFor={`${ids}-supplier`}>
          {t('supplier')}
          <SupplierSelect id={`${ids}-supplier`} value={supplierId} onChange={setSupplierId} />
        </label>
        <label htmlFor={`${ids}-date`}>
          {t('received_on')}
          <input id={`${ids}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label htmlFor={`${ids}-ref`}>
          {t('reference')}
          <input id={`${ids}-ref`} value={reference} onChange={(e) => setReference(e.target.value)} />
        </label>
      </div>
      {dateProblem ? <p className="field-error">{t('date_future')}</p> : null}
      <ProductSearch
        serviceId={service.id}
        onPick={(product) =>
          setLines((prev) => [
            ...prev,
            {
              key: crypto.randomUUID(),
              product,
              packs: '',
              units: '',
              unitCost: String(product.purchase_price ?? ''),
            },
          ])
        }
      />
      <ul className="delivery-lines">
        {lines.map((line, index) => (
          <DeliveryLine
            key={line.key}
            line={line}
            invalid={touched && inputs[index] === null}
            onChange={(next) => setLines((prev) => prev.map((l, i) => (i === index ? next : l)))}
            onRemove={() => setLines((prev) => prev.filter((_, i) => i !== index))}
          />
        ))}
      </ul>
      {touched && lines.length === 0 ? <p className="field-error">{t('lines_empty')}</p> : null}
      <label className="checkbox">
        <input type="checkbox" checked={updatePrices} onChange={(e) => setUpdatePrices(e.target.checked)} />
        {t('update_prices')}
      </label>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
