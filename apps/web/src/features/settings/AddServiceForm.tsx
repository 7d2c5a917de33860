import type { ServiceType } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { Field } from '../../shared/forms/Field';
import { GatedButton } from '../entitlements/GatedButton';
import { useEntitlements, useRefreshEntitlements } from '../entitlements/useEntitlements';
import { serviceTypeMessages } from './modules-messages';
import { SERVICE_TYPES } from './service-types';
import { settingsMessages } from './settings-messages';

/** A new service starts with the preset of its type; the plan's service limit is checked before sending. */
export function AddServiceForm({ defaultType }: { defaultType: ServiceType }) {
  const t = useT(settingsMessages);
  const types = useT(serviceTypeMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canAdd } = useEntitlements();
  const refreshEntitlements = useRefreshEntitlements();
  const typeId = useId();
  const [name, setName] = useState('');
  const [serviceType, setServiceType] = useState<ServiceType>(defaultType);
  const [nameError, setNameError] = useState<string | null>(null);

  const create = useMutation(
    trpc.services.create.mutationOptions({
      onSuccess: (created) => {
        queryClient.setQueryData(trpc.services.list.queryKey(), (list) => [...(list ?? []), created]);
        void queryClient.invalidateQueries({ queryKey: trpc.services.list.queryKey() });
        void refreshEntitlements();
        setName('');
        toast.ok(t('added', { name: created.name }));
      },
      onError: (error) => {
        const code = errorCode(error);
        if (code === 'DUPLICATE_NAME') setNameError(error.message);
        else if (code === 'VALIDATION_ERROR') setNameError(error.data?.fields?.name ?? error.message);
      },
    }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!name.trim()) {
      setNameError(t('name_required'));
      return;
    }
    create.mutate({ name: name.trim(), service_type: serviceType });
  }

  // Name problems sit under the field; plan refusals and network trouble get the shared sentence + action.
  const otherError = create.error && !nameError ? create.error : null;
  return (
    <form className="card add-service" onSubmit={submit} noValidate>
      <h3>{t('add_title')}</h3>
      <div className="add-service-fields">
        <Field
          label={t('add_name')}
          placeholder={t('add_name_placeholder')}
          value={name}
          maxLength={80}
          error={nameError}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
          }}
        />
        <div className="field">
          <label htmlFor={typeId}>{t('add_type')}</label>
          <select
            id={typeId}
            value={serviceType}
            onChange={(event) => setServiceType(event.target.value as ServiceType)}
          >
            {SERVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {types(type)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={otherError} onRetry={() => submit()} onDismiss={() => create.reset()} />
      <GatedButton verdict={canAdd('max_services')} type="submit" busy={create.isPending}>
        {create.isPending ? t('adding') : t('add_submit')}
      </GatedButton>
    </form>
  );
}
