import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useLocale, useT } from '../../../i18n/i18n';
import { useTRPC } from '../../../lib/trpc';
import { toast } from '../../../shared/feedback/toast-store';
import { useErrorToast } from '../../../shared/feedback/useErrorToast';
import { m } from '../messages';
import { monthLabel, shiftMonth } from '../scope/format';

/** "Repartir du mois dernier": last month's quantities for what is not counted yet, after a plain question. */
export function CopyPreviousMonth({
  serviceId,
  month,
  prominent,
}: {
  serviceId: string;
  month: string;
  /** Nothing counted yet: the natural way to start, shown as the main action with a hint. */
  prominent: boolean;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const from = monthLabel(locale, shiftMonth(month, -1));
  const copy = useMutation(
    trpc.inventory.counts.copyFromPreviousMonth.mutationOptions({
      onSuccess: (result) => {
        dialog.current?.close();
        if (result.retention_limited) toast.warn(t('copy_retention', { from }));
        else if (result.copied === 0) toast.warn(t('copy_none', { from }));
        else toast.ok(t('copy_done', { copied: result.copied, skipped: result.skipped, from }));
        void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
        void queryClient.invalidateQueries(trpc.inventory.stats.pathFilter());
      },
      onError: (error) => {
        dialog.current?.close();
        showError(error, { retry: () => copy.mutate({ service_id: serviceId, month }) });
      },
    }),
  );
  return (
    <div className={prominent ? 'copy-previous copy-prominent' : 'copy-previous'}>
      {prominent ? <p>{t('start_hint')}</p> : null}
      <button
        type="button"
        className={prominent ? 'button button-primary' : 'button button-ghost'}
        onClick={() => dialog.current?.showModal()}
      >
        {t('copy_previous')}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('copy_title', { month: from })}</h2>
        <p>{t('copy_body', { from })}</p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={copy.isPending}
            onClick={() => copy.mutate({ service_id: serviceId, month })}
          >
            {t('copy_confirm')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('copy_cancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
