import type { ServiceFeatureKey, ServiceView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { useErrorToast } from '../../shared/feedback/useErrorToast';
import { Field } from '../../shared/forms/Field';
import { useRefreshEntitlements } from '../entitlements/useEntitlements';
import { enabledCount, ModuleToggles } from './ModuleToggles';
import { serviceTypeMessages } from './modules-messages';
import { settingsMessages } from './settings-messages';

/** One service: its modules (saved on each switch), rename, delete — the last two for owners and managers. */
export function ServiceCard({
  service,
  canManage,
  canDelete,
}: {
  service: ServiceView;
  canManage: boolean;
  canDelete: boolean;
}) {
  const t = useT(settingsMessages);
  const types = useT(serviceTypeMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  const showError = useErrorToast();
  const listKey = trpc.services.list.queryKey();

  const [pending, setPending] = useState<Partial<Record<string, boolean>>>({});
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(service.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const store = (updated: ServiceView) =>
    queryClient.setQueryData(listKey, (list) => list?.map((s) => (s.id === updated.id ? updated : s)));

  const modules = useMutation(
    trpc.services.update.mutationOptions({
      onSuccess: store,
      onError: (error, variables) => {
        const [key, value] = Object.entries(variables.features ?? {})[0] ?? [];
        const retry =
          key && value?.enabled !== undefined
            ? () => toggle(key as ServiceFeatureKey, value.enabled === true)
            : undefined;
        showError(error, { retry });
      },
      onSettled: (_data, _error, variables) =>
        setPending((p) => {
          const next = { ...p };
          for (const key of Object.keys(variables.features ?? {})) delete next[key];
          return next;
        }),
    }),
  );
  const rename = useMutation(
    trpc.services.update.mutationOptions({
      onSuccess: (updated) => {
        store(updated);
        setRenaming(false);
        toast.ok(t('renamed', { name: updated.name }));
      },
      onError: (error) => {
        const code = errorCode(error);
        if (code === 'DUPLICATE_NAME' || code === 'VALIDATION_ERROR') setNameError(error.message);
      },
    }),
  );
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

  function toggle(key: ServiceFeatureKey, enabled: boolean) {
    setPending((p) => ({ ...p, [key]: enabled }));
    modules.mutate({ id: service.id, features: { [key]: { enabled } } });
  }

  function submitRename(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('name_required'));
      return;
    }
    rename.mutate({ id: service.id, name: name.trim() });
  }

  const features = Object.fromEntries(
    Object.entries(service.features).map(([key, value]) => [
      key,
      { enabled: pending[key] ?? value.enabled, recommended: value.recommended },
    ]),
  );
  const renameError = rename.error && !nameError ? rename.error : null;

  return (
    <li className="card service-card">
      <div className="service-card-head">
        <div>
          <h3>{service.name}</h3>
          <p className="muted service-card-type">
            {t('service_type_mode', {
              type: types(service.service_type),
              mode: types(`counting_${service.counting_mode}`),
            })}
          </p>
        </div>
        {canManage && !renaming && !confirmDelete ? (
          <div className="service-card-actions">
            <button
              type="button"
              className="button"
              aria-label={t('rename_label', { name: service.name })}
              onClick={() => {
                setName(service.name);
                setNameError(null);
                rename.reset();
                setRenaming(true);
              }}
            >
              {t('rename')}
            </button>
            {canDelete ? (
              <button
                type="button"
                className="button button-danger"
                aria-label={t('delete_label', { name: service.name })}
                onClick={() => {
                  remove.reset();
                  setConfirmDelete(true);
                }}
              >
                {t('delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>

      {renaming ? (
        <form className="service-rename" onSubmit={submitRename} noValidate>
          <Field
            label={t('new_name')}
            value={name}
            maxLength={80}
            error={nameError}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
          <ErrorMessage
            error={renameError}
            onRetry={() => rename.mutate({ id: service.id, name: name.trim() })}
          />
          <div className="inline-actions">
            <button type="submit" className="button button-primary" disabled={rename.isPending}>
              {t('save')}
            </button>
            <button type="button" className="button" onClick={() => setRenaming(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}

      {confirmDelete ? (
        <div
          className={remove.error ? 'service-delete-failed' : 'service-delete'}
          {...(remove.error ? {} : { role: 'alertdialog', 'aria-labelledby': `delete-${service.id}` })}
        >
          {remove.error ? null : (
            <p id={`delete-${service.id}`}>{t('delete_confirm', { name: service.name })}</p>
          )}
          {remove.error ? (
            <>
              <ErrorMessage
                error={remove.error}
                onRetry={() => remove.mutate({ id: service.id })}
                onDismiss={() => {
                  remove.reset();
                  setConfirmDelete(false);
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
            </>
          ) : (
            <div className="inline-actions">
              <button
                type="button"
                className="button button-danger-solid"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: service.id })}
              >
                {remove.isPending ? t('deleting') : t('delete_yes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </div>
          )}
        </div>
      ) : null}

      <details className="service-modules">
        <summary>{t('modules_summary', { n: enabledCount(features) })}</summary>
        <ModuleToggles
          serviceType={service.service_type}
          features={features}
          disabled={!canManage}
          legend={t('modules_for', { name: service.name })}
          onToggle={toggle}
        />
        <p className="module-status" aria-live="polite">
          {modules.isPending ? t('module_saving') : modules.isSuccess ? t('module_saved') : ''}
        </p>
      </details>
    </li>
  );
}
