import type { InvitationPreview } from '@stockscan/contracts';
import { matchQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { toast } from '../../shared/feedback/toast-store';
import { PasswordField } from '../../shared/forms/Field';
import { AcceptRefusal, NewAccountFields } from './AcceptFormParts';
import { type AcceptFields, acceptProblems, suggestedUsername } from './accept-form';
import { invitationMessages } from './messages';

/** Accept: a new account (username + password) or, for a known email, the existing account's password. */
export function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = preview.existing_user;
  const [draft, setDraft] = useState(() => ({
    username: suggestedUsername(preview.email),
    password: '',
    confirm: '',
  }));
  const [fields, setFields] = useState<AcceptFields>({});
  const [verifyEmail, setVerifyEmail] = useState<string | null>(null);
  // Only the emailed link carries it: the server then counts the address as verified.
  const emailProof = useSearchParams()[0].get('email_proof') ?? undefined;

  const accept = useMutation(
    trpc.members.acceptInvitation.mutationOptions({
      onSuccess: async (session) => {
        // Another account's cached data goes; the preview stays, or it is fetched again (409, already accepted).
        const shown = trpc.members.previewInvitation.pathFilter();
        queryClient.removeQueries({ predicate: (query) => !matchQuery(shown, query) });
        // EMAIL_VERIFICATION_REQUIRED and an address nobody proved yet: member now, session after the link.
        if (!session.access || !session.refresh) {
          setVerifyEmail(session.user.email ?? preview.email);
          return;
        }
        setSession({ access: session.access, refresh: session.refresh });
        toast.ok(t('welcome', { tenant: session.tenant?.name ?? preview.tenant.name }));
        await navigate('/app', { replace: true });
      },
      onError: (error) => {
        const server = fieldErrors(error);
        setFields({
          username: errorCode(error) === 'USERNAME_TAKEN' ? t('username_taken') : server.username,
          password: server.password,
          password_confirm: server.password_confirm,
        });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = acceptProblems({ existing, ...draft });
    const shown: AcceptFields = {};
    for (const [field, key] of Object.entries(problems)) if (key) shown[field as keyof AcceptFields] = t(key);
    setFields(shown);
    if (Object.keys(shown).length > 0) return;
    const { username, password, confirm } = draft;
    accept.mutate(
      existing
        ? { token, password }
        : { token, password, password_confirm: confirm, username: username.trim(), email_proof: emailProof },
    );
  }

  const code = accept.error ? errorCode(accept.error) : null;
  if (verifyEmail)
    return (
      <div className="invitation-form">
        <h2>{t('confirm_title', { tenant: preview.tenant.name })}</h2>
        <p role="status">{t('confirm_text', { email: verifyEmail })}</p>
        <p className="auth-actions">
          <Link className="button button-primary" to="/login">
            {t('confirm_login')}
          </Link>
        </p>
      </div>
    );
  return (
    <form className="invitation-form" onSubmit={submit} noValidate aria-labelledby="accept-title">
      <h2 id="accept-title">{existing ? t('existing_title') : t('new_title')}</h2>
      <p className="muted">
        {existing ? t('existing_lead', { email: preview.email, tenant: preview.tenant.name }) : t('new_lead')}
      </p>
      {existing ? (
        <PasswordField
          label={t('existing_password')}
          name="password"
          autoComplete="current-password"
          value={draft.password}
          error={fields.password}
          onChange={(event) => {
            setDraft((d) => ({ ...d, password: event.target.value }));
            setFields({});
            if (code === 'INVALID_CREDENTIALS') accept.reset();
          }}
        />
      ) : (
        <NewAccountFields
          draft={draft}
          errors={fields}
          onChange={(field, value) => {
            setDraft((d) => ({ ...d, [field]: value }));
            setFields((f) => ({ ...f, [field === 'confirm' ? 'password_confirm' : field]: undefined }));
          }}
        />
      )}
      <AcceptRefusal error={accept.error} preview={preview} onDismiss={accept.reset} />
      {existing && code !== 'INVALID_CREDENTIALS' ? (
        <p className="auth-forgot">
          <Link to="/forgot-password">{t('forgot')}</Link>
        </p>
      ) : null}
      <button type="submit" className="button button-primary auth-submit" disabled={accept.isPending}>
        {accept.isPending ? t('accepting') : t('accept')}
      </button>
      {existing ? null : (
        <details className="invitation-have-account">
          <summary>{t('have_account')}</summary>
          <p>{t('have_account_text', { email: preview.email })}</p>
        </details>
      )}
    </form>
  );
}
