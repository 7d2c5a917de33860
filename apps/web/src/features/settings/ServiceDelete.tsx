import type { ServiceView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { settingsMessages } from './settings-messages';

/** Deleting a service, once confirmed; a service still holding products or people says where they are. */
export function ServiceDelete({ service, onClose }: { service: ServiceView; onClose: () => void }) {
  const t = useT(settingsMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  const listKey = trpc.services.list.queryKey();
  const remove = useMutation(
    trpc.services.delete.mutationOptions({
      onSuccess: () => {
        queryClient.setQueryData(listKey, (list) => list?.filter((s) => s.id !== service.id));
        void queryClient.invalidateQueries({ queryKey: listKey });
        void refreshEntitlements();
        toast.ok(t('deleted', { name: service.name }));
      },
    }),
  );

  if (remove.error)
    return (
      <div className="service-delete-failed">
        <ErrorMessage
          error={remove.error}
          onRetry={() => remove.mutate({ id: service.id })}
          onDismiss={() => {
            remove.reset();
            onClose();
          }}
        />
        {errorCode(remove.error) === 'SERVICE_NOT_EMPTY' ? (
          <p className="inline-actions">
            <Link className="button button-ghost" to={`/app/products?service=${service.id}`}>
              {t('see_products')}
            </Link>
            <Link className="button button-ghost" to="/app/team">
              {t('see_team')}
            </Link>
          </p>
        ) : null}
      </div>
    );
  return (
    <div className="service-delete" role="alertdialog" aria-labelledby={`delete-${service.id}`}>
      <p id={`delete-${service.id}`}>{t('delete_confirm', { name: service.name })}</p>
      <div className="inline-actions">
        <button
          type="button"
          className="button button-danger-solid"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: service.id })}
        >
          {remove.isPending ? t('deleting') : t('delete_yes')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
