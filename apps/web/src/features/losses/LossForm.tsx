import type { AppRouter } from '@stockscan/api';
import type { LossReason, ProductUnit } from '@stockscan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { FormField } from '../../shared/forms/FormField';
import { formatQty, parseDecimal, todayLocal } from '../inventory/scope/format';
import { type Service, unitsFor } from '../inventory/scope/service-features';
import { unitMessages } from '../inventory/scope/units';
import { m } from './messages';

type Outputs = inferRouterOutputs<AppRouter>['inventory'];
type PickedProduct = Outputs['products']['list']['items'][number];
export type Loss = Outputs['losses']['create'];

export const REASONS: LossReason[] = ['breakage', 'expired', 'theft', 'free', 'mistake', 'other'];

/** Product (searched), quantity, unit, reason, date, note: one loss, in a few taps. */
export function LossForm({ service, onSaved }: { service: Service; onSaved: (loss: Loss) => void }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<ProductUnit>(unitsFor(service.counting_mode)[0] ?? 'pcs');
  const [reason, setReason] = useState<LossReason>('breakage');
  const [date, setDate] = useState(todayLocal());
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const qtyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const results = useQuery({
    ...trpc.inventory.products.list.queryOptions({
      service_id: service.id,
      limit: 8,
      ...(debounced ? { search: debounced } : {}),
    }),
    enabled: product === null,
  });
  const create = useMutation(
    trpc.inventory.losses.create.mutationOptions({
      onSuccess: (loss) => {
        toast.ok(
          t('saved', { qty: formatQty(locale, loss.quantity), unit: u(loss.unit), name: loss.product_name }),
        );
        void queryClient.invalidateQueries(trpc.inventory.losses.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
        setProduct(null);
        setSearch('');
        setQuantity('');
        setNote('');
        setTouched(false);
        onSaved(loss);
        searchInput.current?.focus();
      },
    }),
  );
  const serverFields = fieldErrors(create.error);
  const qty = parseDecimal(quantity);
  const qtyProblem = touched && (qty === null || qty <= 0);
  const productProblem = touched && product === null;
  const dateProblem = date > todayLocal();
  const units = unitsFor(service.counting_mode);

  function pick(p: PickedProduct) {
    setProduct(p);
    if (units.includes(p.unit)) setUnit(p.unit);
    // The next thing to type is the quantity.
    setTimeout(() => qtyInput.current?.focus(), 0);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!product || qty === null || qty <= 0 || dateProblem) return;
    create.mutate({
      service_id: service.id,
      product_id: product.id,
      quantity: qty,
      unit,
      reason,
      occurred_at: date,
      note: note.trim() || null,
    });
  }

  const items = results.data?.items ?? [];
  return (
    <form className="card loss-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('form_title')}</h2>
      {product ? (
        <div className="picked">
          <p className="picked-label">{t('product')}</p>
          <p className="picked-name">
            <strong>{product.name}</strong>
            {product.category ? <span className="muted"> · {product.category}</span> : null}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setProduct(null);
              setTimeout(() => searchInput.current?.focus(), 0);
            }}
          >
            {t('product_change')}
          </button>
        </div>
      ) : (
        <div className="product-picker">
          <label htmlFor={`${ids}-search`}>{t('product_search')}</label>
          <input
            ref={searchInput}
            id={`${ids}-search`}
            type="search"
            autoComplete="off"
            placeholder={t('product_search_placeholder')}
            value={search}
            aria-invalid={productProblem || undefined}
            aria-describedby={productProblem ? `${ids}-product-err` : undefined}
            aria-controls={`${ids}-results`}
            onChange={(e) => setSearch(e.target.value)}
          />
          {productProblem ? (
            <p className="field-error" id={`${ids}-product-err`}>
              {t('product_required')}
            </p>
          ) : null}
          <ul className="pick-list" id={`${ids}-results`} aria-live="polite">
            {results.isPending ? <li className="muted">{t('products_loading')}</li> : null}
            {!results.isPending && items.length === 0 ? <li className="muted">{t('product_none')}</li> : null}
            {items.map((p) => (
              <li key={p.id}>
                <button type="button" className="pick" onClick={() => pick(p)}>
                  <span>{p.name}</span>
                  <span className="muted">{[p.category, u(p.unit)].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="loss-qty">
        <div>
          <label htmlFor={`${ids}-qty`}>{t('quantity')}</label>
          <input
            ref={qtyInput}
            id={`${ids}-qty`}
            inputMode="decimal"
            autoComplete="off"
            value={quantity}
            aria-invalid={qtyProblem || Boolean(serverFields.quantity) || undefined}
            aria-describedby={qtyProblem || serverFields.quantity ? `${ids}-qty-err` : undefined}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </div>
        {units.length > 1 ? (
          <div>
            <label htmlFor={`${ids}-unit`}>{t('unit')}</label>
            <select id={`${ids}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as ProductUnit)}>
              {units.map((value) => (
                <option key={value} value={value}>
                  {u(value)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="loss-unit">{u(unit)}</p>
        )}
      </div>
      {qtyProblem || serverFields.quantity ? (
        <p className="field-error" id={`${ids}-qty-err`}>
          {qtyProblem ? t('quantity_invalid') : serverFields.quantity}
        </p>
      ) : null}

      <fieldset className="reasons">
        <legend>{t('reason')}</legend>
        <div className="reason-options">
          {REASONS.map((value) => (
            <label key={value} className={reason === value ? 'reason reason-on' : 'reason'}>
              <input
                type="radio"
                name={`${ids}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
              />
              <span>{t(`reason_${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <FormField label={t('date')} error={dateProblem ? t('date_future') : serverFields.occurred_at}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            value={date}
            max={todayLocal()}
            onChange={(e) => setDate(e.target.value || todayLocal())}
          />
        )}
      </FormField>

      <label htmlFor={`${ids}-note`}>{t('note')}</label>
      <textarea
        id={`${ids}-note`}
        rows={2}
        maxLength={500}
        placeholder={t('note_placeholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />

      {create.error && Object.keys(serverFields).length === 0 ? (
        <ErrorMessage error={create.error} onDismiss={() => create.reset()} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('saving') : t('submit')}
        </button>
      </div>
    </form>
  );
}
