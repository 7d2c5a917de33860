import type { ServiceView } from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { Field } from '../../shared/forms/Field';
import { settingsMessages } from './settings-messages';

/** Renaming a service: a name field, a name already taken said on the field. */
export function ServiceRename({
  service,
  onRenamed,
  onCancel,
}: {
  service: ServiceView;
  onRenamed: (updated: ServiceView) => void;
  onCancel: () => void;
}) {
  const t = useT(settingsMessages);
  const trpc = useTRPC();
  const [name, setName] = useState(service.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const rename = useMutation(
    trpc.services.update.mutationOptions({
      onSuccess: (updated) => {
        onRenamed(updated);
        toast.ok(t('renamed', { name: updated.name }));
      },
      onError: (error) => {
        const code = errorCode(error);
        if (code === 'DUPLICATE_NAME' || code === 'VALIDATION_ERROR') setNameError(error.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('name_required'));
      return;
    }
    rename.mutate({ id: service.id, name: name.trim() });
  }

  return (
    <form className="service-rename" onSubmit={submit} noValidate>
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
        error={rename.error && !nameError ? rename.error : null}
        onRetry={() => rename.mutate({ id: service.id, name: name.trim() })}
      />
      <div className="inline-actions">
        <button type="submit" className="button button-primary" disabled={rename.isPending}>
          {t('save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
