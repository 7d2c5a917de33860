import type { MeView } from '@stockscan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { FormField } from '../../shared/forms/FormField';
import { deleteAccountMessages } from './delete-account-messages';

/**
 * Settings → account: delete the account for good. The business name (or the username without a business) must
 * be typed to confirm, with the password; the page suggests exporting first. The server cancels the Stripe
 * subscription of a business deleted with the account before deleting anything, and says so when it cannot.
 */
export function DeleteAccount({ me }: { me: MeView }) {
  const t = useT(deleteAccountMessages);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p className="delete-account-row">
        <button type="button" className="button button-ghost" onClick={() => setOpen(true)}>
          {t('open')}
        </button>
      </p>
    );
  return <DeleteAccountForm me={me} onCancel={() => setOpen(false)} />;
}

function DeleteAccountForm({ me, onCancel }: { me: MeView; onCancel: () => void }) {
  const t = useT(deleteAccountMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const expected = me.tenant?.name ?? me.user.username;
  const remove = useMutation(
    trpc.auth.deleteAccount.mutationOptions({
      onSuccess: () => {
        setSession(null);
        queryClient.clear();
        toast.ok(t('done'));
        void navigate('/', { replace: true });
      },
    }),
  );
  const matches = typed.trim() === expected;
  const passwordError = fieldErrors(remove.error).password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (matches && password) remove.mutate({ password });
  };
  return (
    <form className="card delete-account" onSubmit={submit} noValidate>
      <h3>{t('title')}</h3>
      <p>
        {me.tenant
          ? t(me.role === 'owner' ? 'body_owner' : 'body_member', { name: me.tenant.name })
          : t('body_no_tenant')}
      </p>
      {me.tenant ? (
        <p className="alert alert-warn">
          {t('export_first')} <Link to="/app/exports">{t('export_link')}</Link>
        </p>
      ) : null}
      <FormField
        label={t('confirm_label', { name: expected })}
        error={touched && !matches ? t('confirm_mismatch', { name: expected }) : null}
        className="field"
      >
        {(aria) => (
          <input
            {...aria}
            name="confirm_name"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('password')} error={passwordError} className="field">
        {(aria) => (
          <input
            {...aria}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </FormField>
      {remove.error && !passwordError ? <ErrorMessage error={remove.error} /> : null}
      <p className="form-actions">
        <button
          type="submit"
          className="button button-danger"
          disabled={remove.isPending || !matches || !password}
        >
          {remove.isPending ? t('submitting') : t('submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
