import type { ServiceView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { stockMessages } from './stock-control-messages';

/** The service's blind counting switch, saved at once (whoever may manage settings). */
export function BlindCounting({ service, canManage }: { service: ServiceView; canManage: boolean }) {
  const t = useT(stockMessages);
  const ids = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  // Shown switched at once (the tap), the server's answer then settles it.
  const [asked, setAsked] = useState<boolean | null>(null);
  const update = useMutation(
    trpc.services.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.services.list.queryKey(), (list) =>
          list?.map((s) => (s.id === updated.id ? updated : s)),
        );
        toast.ok(t(updated.blind_counting ? 'blind_on' : 'blind_off', { name: updated.name }));
      },
      onSettled: () => setAsked(null),
      onError: (error, variables) =>
        showError(error, {
          retry: () => update.mutate({ id: service.id, blind_counting: variables.blind_counting === true }),
        }),
    }),
  );
  const checked = asked ?? service.blind_counting;
  return (
    <div className="blind-counting">
      <label className="switch-row" htmlFor={`${ids}-blind`}>
        <input
          id={`${ids}-blind`}
          type="checkbox"
          checked={checked}
          disabled={!canManage || update.isPending}
          aria-describedby={`${ids}-hint`}
          onChange={(e) => {
            setAsked(e.target.checked);
            update.mutate({ id: service.id, blind_counting: e.target.checked });
          }}
        />
        <span>{t('blind_label')}</span>
      </label>
      <p className="muted" id={`${ids}-hint`}>
        {t('blind_hint')}
      </p>
    </div>
  );
}
