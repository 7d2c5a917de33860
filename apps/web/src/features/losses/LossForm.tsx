import type { LossReason, ProductUnit } from '@stockscan/contracts';
import { defaultUnit, unitsFor } from '@stockscan/entitlements';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { FormField } from '../../shared/forms/FormField';
import { newSubmissionKey } from '../../shared/forms/submission-key';
import { useKeepOffline } from '../../shared/offline/useKeepOffline';
import { formatQty, parseDecimal, todayLocal } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';
import { unitMessages } from '../inventory/scope/units';
import { m } from './messages';
import { type PickedProduct, ProductPicker } from './ProductPicker';
import { ReasonChoice } from './ReasonChoice';
import { type Loss, useRecordLoss } from './useRecordLoss';

export type { Loss };

/** Product (searched), quantity, unit, reason, date, note: one loss, in a few taps. */
export function LossForm({ service, onSaved }: { service: Service; onSaved: (loss: Loss) => void }) {
  const t = useT(m);
  const u = useT(unitMessages);
  const { locale } = useLocale();
  const ids = useId();
  const [product, setProduct] = useState<PickedProduct | null>(null);
  // One key per loss typed: a retry after a lost answer is recorded once (the server replays the first).
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState<ProductUnit>(defaultUnit(service.counting_mode));
  const [reason, setReason] = useState<LossReason>('breakage');
  const [date, setDate] = useState(todayLocal());
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const qtyInput = useRef<HTMLInputElement>(null);
  // After a save the picker starts again, empty, with the focus: the next loss is often another product.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (round > 0) searchInput.current?.focus();
  }, [round]);
  function startNext() {
    setProduct(null);
    setRound((r) => r + 1);
    setQuantity('');
    setNote('');
    setTouched(false);
    setSubmissionKey(newSubmissionKey());
  }
  const create = useRecordLoss((loss) => {
    startNext();
    onSaved(loss);
  });
  // No network: the loss waits on the phone (same key) and leaves when the network is back.
  const keepOffline = useKeepOffline('loss');
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
    const input = {
      idempotency_key: submissionKey,
      service_id: service.id,
      product_id: product.id,
      quantity: qty,
      unit,
      reason,
      occurred_at: date,
      note: note.trim() || null,
    };
    const label = `${formatQty(locale, qty)} ${u(unit)} · ${product.name}`;
    const kept = () => {
      create.reset();
      startNext();
    };
    if (keepOffline.offline() && keepOffline.keep(input, label)) return kept();
    create.mutate(input, {
      onError: (error) => {
        if (keepOffline.afterError(error, input, label)) kept();
      },
    });
  }

  return (
    <form className="card loss-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('form_title')}</h2>
      <ProductPicker
        key={round}
        serviceId={service.id}
        product={product}
        problem={productProblem}
        inputRef={searchInput}
        onPick={pick}
        onChange={() => {
          setProduct(null);
          setTimeout(() => searchInput.current?.focus(), 0);
        }}
      />

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

      <ReasonChoice name={`${ids}-reason`} value={reason} onChange={setReason} />

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
