import type { ImportKind } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { FormField } from '../../shared/forms/FormField';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { todayLocal } from '../inventory/scope/format';
import type { PickedFile } from './FilePicker';
import { type Choices, linesToWrite, type Preview, resolutionsOf } from './import-model';
import { m } from './messages';

/** The delivery's date and reference (or the sales' month), then one commit; a retry reuses its key. */
export function ConfirmImport({
  kind,
  serviceId,
  month: initialMonth,
  file,
  preview,
  choices,
  onRestart,
}: {
  kind: ImportKind;
  serviceId: string;
  month: string;
  file: PickedFile;
  preview: Preview;
  choices: Choices;
  onRestart: () => void;
}) {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  const [key] = useState(() => crypto.randomUUID());
  const [receivedOn, setReceivedOn] = useState(todayLocal());
  const [reference, setReference] = useState('');
  const [updatePrices, setUpdatePrices] = useState(false);
  const [month, setMonth] = useState(initialMonth);
  const commit = useMutation(
    trpc.purchasing.imports.commit.mutationOptions({
      onSuccess: (done) => {
        toast.ok(t(`done_${kind}`, { lines: done.lines_written, created: done.products_created }));
        void queryClient.invalidateQueries(trpc.purchasing.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.pathFilter());
        void refreshEntitlements();
      },
    }),
  );
  const { resolutions, ready } = resolutionsOf(choices);
  const count = linesToWrite(preview, choices);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit.mutate({
      kind,
      service_id: serviceId,
      file_name: file.name,
      file_base64: file.base64,
      mapping: preview.mapping,
      resolutions,
      update_purchase_prices: updatePrices,
      idempotency_key: key,
      ...(kind === 'receipt' ? { received_on: receivedOn, reference: reference.trim() || null } : { month }),
    });
  };
  if (commit.data)
    return (
      <div className="card import-done" role="status">
        <p>
          {t(`done_${kind}`, { lines: commit.data.lines_written, created: commit.data.products_created })}
        </p>
        <div className="import-bulk">
          {kind === 'receipt' ? (
            <Link
              className="button"
              to={`/app/deliveries?service=${serviceId}&month=${receivedOn.slice(0, 7)}`}
            >
              {t('back_deliveries')}
            </Link>
          ) : null}
          <button type="button" className="button" onClick={onRestart}>
            {t('another')}
          </button>
        </div>
      </div>
    );
  return (
    <form className="card import-confirm" onSubmit={submit} aria-labelledby="import-confirm-title">
      <h2 id="import-confirm-title">{t('confirm_title')}</h2>
      {kind === 'receipt' ? (
        <>
          <FormField label={t('received_on')} className="field">
            {(aria) => (
              <input
                {...aria}
                type="date"
                max={todayLocal()}
                required
                value={receivedOn}
                onChange={(e) => setReceivedOn(e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('reference')} className="field">
            {(aria) => (
              <input
                {...aria}
                maxLength={100}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
            )}
          </FormField>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={updatePrices}
              onChange={(e) => setUpdatePrices(e.target.checked)}
            />{' '}
            {t('update_prices')}
          </label>
        </>
      ) : (
        <FormField label={t('month')} className="field">
          {(aria) => (
            <input {...aria} type="month" required value={month} onChange={(e) => setMonth(e.target.value)} />
          )}
        </FormField>
      )}
      <ErrorMessage error={commit.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={!ready || count === 0 || commit.isPending}
      >
        {commit.isPending ? t('confirming') : t('confirm', { count })}
      </button>
    </form>
  );
}
