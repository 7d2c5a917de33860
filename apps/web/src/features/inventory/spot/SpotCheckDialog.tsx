import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { ErrorMessage } from '../../../shared/feedback/ErrorMessage';
import { newSubmissionKey } from '../../../shared/forms/submission-key';
import { useKeepOffline } from '../../../shared/offline/useKeepOffline';
import type { Places } from '../places/usePlace';
import { parseDecimal } from '../scope/format';
import { SpotOutcome } from './SpotOutcome';
import { spotMessages } from './spot-messages';
import { SubmissionKeys } from './spot-result';
import './spot.css';

/**
 * "Contrôle ponctuel" of one product: where, how many now — then the expected on-hand and the difference.
 * Each submission carries its own key, so a retry after a lost answer is not a second check.
 */
export function SpotCheckDialog({
  product,
  unit,
  serviceId,
  month,
  locationId,
  places,
}: {
  product: { id: string; name: string };
  unit: string;
  serviceId: string;
  month: string;
  locationId: string | null;
  places: Places;
}) {
  const t = useT(spotMessages);
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const keys = useRef<SubmissionKeys | null>(null);
  keys.current ??= new SubmissionKeys(newSubmissionKey);
  const [place, setPlace] = useState(locationId ?? '');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const keepOffline = useKeepOffline('spot_check');
  const check = useMutation(
    trpc.inventory.spotChecks.create.mutationOptions({
      onSuccess: () => {
        keys.current?.settled();
        void queryClient.invalidateQueries(trpc.inventory.spotChecks.pathFilter());
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const quantity = parseDecimal(text);
    if (quantity === null) {
      setInvalid(true);
      return;
    }
    const body = { service_id: serviceId, product_id: product.id, location_id: place || null, quantity };
    const input = { ...body, idempotency_key: keys.current?.keyFor(body) };
    const label = `${text.trim()} ${unit} · ${product.name}`;
    // No network: the check waits on the phone with its key; its result shows in the month's checks once sent.
    const kept = () => {
      keys.current?.settled();
      check.reset();
      setText('');
      dialog.current?.close();
    };
    if (keepOffline.offline() && keepOffline.keep(input, label)) return kept();
    check.mutate(input, {
      onError: (error) => {
        if (keepOffline.afterError(error, input, label)) kept();
      },
    });
  }

  function again() {
    check.reset();
    setText('');
  }

  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={t('open_label', { name: product.name })}
        onClick={() => dialog.current?.showModal()}
      >
        {t('open')}
      </button>
      <dialog ref={dialog} className="confirm-dialog spot-dialog" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('title', { name: product.name })}</h2>
        {check.data ? (
          <SpotOutcome check={check.data} unit={unit} />
        ) : (
          <form onSubmit={submit} noValidate>
            <p className="muted">{t('lead')}</p>
            {places.order.length > 0 ? (
              <>
                <label htmlFor={`${ids}-place`}>{t('place')}</label>
                <select id={`${ids}-place`} value={place} onChange={(e) => setPlace(e.target.value)}>
                  <option value="">{t('whole_service')}</option>
                  {places.order.map((id) => (
                    <option key={id} value={id}>
                      {places.names.get(id)}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <label htmlFor={`${ids}-qty`}>{t('quantity', { unit })}</label>
            <input
              id={`${ids}-qty`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${ids}-err` : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setInvalid(false);
              }}
            />
            {invalid ? (
              <p className="field-error" id={`${ids}-err`}>
                {t('quantity_invalid')}
              </p>
            ) : null}
            <ErrorMessage error={check.error} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={check.isPending}>
                {check.isPending ? t('sending') : t('submit')}
              </button>
            </div>
          </form>
        )}
        <div className="form-actions">
          {check.data ? (
            <button type="button" className="button" onClick={again}>
              {t('again')}
            </button>
          ) : null}
          <Link
            className="button button-ghost"
            to={`/app/inventory/spot-checks?service=${serviceId}&month=${month}`}
          >
            {t('month_list')}
          </Link>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
