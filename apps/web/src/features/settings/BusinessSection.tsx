import type { MeView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { Field } from '../../shared/forms/Field';
import { FormField } from '../../shared/forms/FormField';
import { useFieldErrors } from '../../shared/forms/useFieldErrors';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { currencyOptions } from './currencies';
import { settingsMessages } from './settings-messages';

type Tenant = NonNullable<MeView['tenant']>;

/** The establishment's name and currency (EUR by default). */
export function BusinessSection({ tenant, canManage }: { tenant: Tenant; canManage: boolean }) {
  const t = useT(settingsMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  const [name, setName] = useState(tenant.name);
  const [currency, setCurrency] = useState(tenant.currency_code);
  const { errors: fields, setErrors: setFields, change } = useFieldErrors<'name' | 'currency_code'>();

  const save = useMutation(
    trpc.tenants.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        void refreshEntitlements();
        toast.ok(t('business_saved'));
      },
      onError: (error) => {
        if (errorCode(error) === 'VALIDATION_ERROR') setFields(fieldErrors(error));
      },
    }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!name.trim()) {
      setFields({ name: t('name_required') });
      return;
    }
    setFields({});
    save.mutate({ name: name.trim(), currency_code: currency });
  }

  const options = currencyOptions(locale, tenant.currency_code);
  const shownError = save.error && errorCode(save.error) !== 'VALIDATION_ERROR' ? save.error : null;
  const changed = name.trim() !== tenant.name || currency !== tenant.currency_code;

  return (
    <form onSubmit={submit} noValidate>
      {!canManage ? <p className="muted">{t('business_readonly')}</p> : null}
      <fieldset className="plain-fieldset" disabled={!canManage}>
        <Field
          label={t('business_name')}
          value={name}
          maxLength={120}
          error={fields.name}
          onChange={change('name', setName)}
        />
        <FormField
          label={t('currency')}
          hint={t('currency_hint')}
          error={fields.currency_code}
          className="field"
        >
          {(aria) => (
            <select {...aria} value={currency} onChange={change('currency_code', setCurrency)}>
              {options.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>
      <ErrorMessage error={shownError} onRetry={() => submit()} onDismiss={() => save.reset()} />
      {canManage ? (
        <button
          type="submit"
          className="button button-primary section-submit"
          disabled={save.isPending || !changed}
        >
          {save.isPending ? t('business_saving') : t('business_save')}
        </button>
      ) : null}
    </form>
  );
}
