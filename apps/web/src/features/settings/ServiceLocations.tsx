import type { ServiceView } from '@stockscan/contracts';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { errorMessages } from '../../shared/feedback/error-messages';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { LocationItem } from './LocationItem';
import { NameForm } from './NameForm';
import { stockMessages } from './stock-control-messages';

/**
 * A service's places: add (within the plan's limit per service, said before the form), rename, move up or
 * down, archive, and the products stored in each. Read-only for whoever may not manage settings.
 */
export function ServiceLocations({ service, canManage }: { service: ServiceView; canManage: boolean }) {
  const t = useT(stockMessages);
  const tErr = useT(errorMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const showError = useErrorToast();
  const { canHold } = useEntitlements();
  const [formKey, setFormKey] = useState(0);
  const list = useQuery(trpc.inventory.locations.list.queryOptions({ service_id: service.id }));
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.inventory.locations.pathFilter());
    // The count screen's place picker and progress follow.
    void queryClient.invalidateQueries(trpc.inventory.counts.progress.pathFilter());
  };
  const create = useMutation(
    trpc.inventory.locations.create.mutationOptions({
      onSuccess: (created) => {
        toast.ok(t('location_added', { name: created.name }));
        setFormKey((k) => k + 1);
        refresh();
      },
    }),
  );
  const move = useMutation(
    trpc.inventory.locations.update.mutationOptions({ onSuccess: refresh, onError: (e) => showError(e) }),
  );
  const locations = list.data?.items ?? [];
  const room = canHold('max_locations', locations.length);

  return (
    <details className="service-locations">
      <summary>{t('locations_summary', { n: locations.length })}</summary>
      <p className="muted">{t('locations_lead')}</p>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && locations.length === 0 ? <p className="empty">{t('locations_empty')}</p> : null}
      {locations.length > 0 ? (
        <ol className="location-list">
          {locations.map((location, index) => (
            <LocationItem
              key={location.id}
              location={location}
              serviceId={service.id}
              canManage={canManage}
              first={index === 0}
              last={index === locations.length - 1}
              moving={move.isPending}
              onMove={(delta) => move.mutate({ id: location.id, position: index + delta })}
              onChanged={refresh}
            />
          ))}
        </ol>
      ) : null}
      {!canManage ? <p className="alert alert-warn">{t('readonly')}</p> : null}
      {canManage && !room.ok ? (
        <div className="alert alert-warn limit-notice">
          <p>{room.message[locale]}</p>
          {room.upgrade_to ? (
            <Link className="button button-primary" to={billingPath(room.upgrade_to)}>
              {tErr('action_upgrade', { plan: PLAN_NAMES[room.upgrade_to] })}
            </Link>
          ) : null}
        </div>
      ) : null}
      {canManage && room.ok && list.data ? (
        <NameForm
          key={formKey}
          label={t('location_add')}
          placeholder={t('location_add_placeholder')}
          submitLabel={t('location_add_submit')}
          requiredMessage={t('location_name_required')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(name) => create.mutate({ service_id: service.id, name })}
        />
      ) : null}
    </details>
  );
}
