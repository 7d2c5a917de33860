import type { InvitationPreview } from '@stockscan/contracts';
import { matchQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { Field, PasswordField } from '../../shared/forms/Field';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { invitationMessages } from './messages';
import '../auth/auth.css';
import './invitation.css';

type MessageKey = keyof (typeof invitationMessages)['fr'];

/** Codes that end the journey here: each has its sentence and its next step. */
const DEAD_ENDS: Record<string, { title: MessageKey; text: MessageKey; login: boolean }> = {
  NOT_FOUND: { title: 'not_found_title', text: 'not_found_text', login: false },
  TOKEN_INVALID: { title: 'not_found_title', text: 'not_found_text', login: false },
  VALIDATION_ERROR: { title: 'not_found_title', text: 'not_found_text', login: false },
  INVITE_EXPIRED: { title: 'expired_title', text: 'expired_text', login: false },
  INVITE_ALREADY_ACCEPTED: { title: 'accepted_title', text: 'accepted_text', login: true },
};

/** /invitation/accept?token= — what you are joining, then create your access (or prove your account). */
export function AcceptInvitationPage() {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const preview = useQuery({
    ...trpc.members.previewInvitation.queryOptions({ token }),
    enabled: token !== '',
    retry: (failures, error) => errorCode(error) === 'NETWORK' && failures < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [declined, setDeclined] = useState<string | null>(null);

  let body: ReactNode;
  if (!token) {
    body = <DeadEnd title={t('missing_title')} text={t('missing_text')} login={false} />;
  } else if (declined) {
    body = (
      <>
        <h1>{t('declined_title')}</h1>
        <p className="alert alert-ok">{t('declined_text', { tenant: declined })}</p>
        <Link className="button button-ghost" to="/">
          {t('to_home')}
        </Link>
      </>
    );
  } else if (preview.isPending) {
    body = (
      <>
        <h1>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </>
    );
  } else if (preview.error) {
    const end = DEAD_ENDS[errorCode(preview.error)];
    body = end ? (
      <DeadEnd title={t(end.title)} text={t(end.text)} login={end.login} />
    ) : (
      <>
        <h1>{t('title')}</h1>
        <ErrorMessage error={preview.error} onRetry={() => void preview.refetch()} />
      </>
    );
  } else {
    body = <Invitation token={token} preview={preview.data} onDeclined={setDeclined} />;
  }

  return (
    <section className="auth-page invitation-page">
      <div className="auth-card">{body}</div>
    </section>
  );
}

function DeadEnd({ title, text, login }: { title: string; text: string; login: boolean }) {
  const t = useT(invitationMessages);
  const signedIn = useSignedIn();
  return (
    <>
      <h1>{title}</h1>
      <div className="alert alert-warn" role="alert">
        <p>{text}</p>
      </div>
      <p className="auth-actions">
        {login && signedIn ? (
          <Link className="button button-primary" to="/app">
            {t('to_app')}
          </Link>
        ) : login ? (
          <Link className="button button-primary" to="/login">
            {t('to_login')}
          </Link>
        ) : (
          <Link className="button button-ghost" to="/">
            {t('to_home')}
          </Link>
        )}
      </p>
    </>
  );
}

function Invitation({
  token,
  preview,
  onDeclined,
}: {
  token: string;
  preview: InvitationPreview;
  onDeclined: (tenant: string) => void;
}) {
  const t = useT(invitationMessages);
  const { locale } = useLocale();
  const tenant = preview.tenant.name;
  const expires = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(preview.expires_at));
  return (
    <>
      <h1>{t('heading', { tenant })}</h1>
      <p className="lead invitation-lead">
        {preview.invited_by
          ? t('invited_by', { name: preview.invited_by, tenant })
          : t('invited', { tenant })}
      </p>
      <dl className="invitation-facts">
        <div>
          <dt>{t('facts_role')}</dt>
          <dd>
            <strong>{t(`role_${preview.role}`)}</strong>
            <span className="invitation-hint">{t(`role_${preview.role}_hint`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('facts_service')}</dt>
          <dd>{preview.service?.name ?? t('all_services')}</dd>
        </div>
        <div>
          <dt>{t('facts_email')}</dt>
          <dd className="invitation-email">{preview.email}</dd>
        </div>
        <div>
          <dt>{t('facts_expires')}</dt>
          <dd>{expires}</dd>
        </div>
      </dl>
      <AcceptForm token={token} preview={preview} />
      <DeclineControl token={token} tenant={tenant} onDeclined={() => onDeclined(tenant)} />
    </>
  );
}

type Fields = Partial<Record<'username' | 'password' | 'password_confirm', string>>;

/** A suggestion the server would also accept: the email's local part, cleaned. */
function suggestedUsername(email: string): string {
  return (email.split('@')[0] ?? '').replace(/[^\p{L}\p{N}_.+-]/gu, '').slice(0, 40);
}

const USERNAME_CHARS = /^[\p{L}\p{N}_.@+-]+$/u;

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = preview.existing_user;
  const [username, setUsername] = useState(() => suggestedUsername(preview.email));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fields, setFields] = useState<Fields>({});

  const accept = useMutation(
    trpc.members.acceptInvitation.mutationOptions({
      onSuccess: async (session) => {
        // Another account's cached data goes; the preview stays, or it is fetched again (409, already accepted).
        const shown = trpc.members.previewInvitation.pathFilter();
        queryClient.removeQueries({ predicate: (query) => !matchQuery(shown, query) });
        setSession({ access: session.access, refresh: session.refresh });
        toast.ok(t('welcome', { tenant: session.tenant?.name ?? preview.tenant.name }));
        await navigate('/app', { replace: true });
      },
      onError: (error) => {
        const server = fieldErrors(error);
        const code = errorCode(error);
        setFields({
          username: code === 'USERNAME_TAKEN' ? t('username_taken') : server.username,
          password: server.password,
          password_confirm: server.password_confirm,
        });
      },
    }),
  );

  function validate(): Fields {
    if (existing) return { password: password ? undefined : t('password_required') };
    const name = username.trim();
    return {
      username: !name
        ? t('username_required')
        : name.length < 2
          ? t('username_short')
          : USERNAME_CHARS.test(name)
            ? undefined
            : t('username_chars'),
      password: !password ? t('password_required') : password.length < 8 ? t('password_short') : undefined,
      password_confirm: confirm === password ? undefined : t('password_mismatch'),
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validate();
    setFields(problems);
    if (Object.values(problems).some(Boolean)) return;
    accept.mutate(
      existing
        ? { token, password }
        : { token, password, password_confirm: confirm, username: username.trim() },
    );
  }

  const code = accept.error ? errorCode(accept.error) : null;
  const end = code ? DEAD_ENDS[code] : undefined;
  const handled = code === 'VALIDATION_ERROR' || code === 'USERNAME_TAKEN';

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
          value={password}
          error={fields.password}
          onChange={(event) => {
            setPassword(event.target.value);
            setFields({});
            if (code === 'INVALID_CREDENTIALS') accept.reset();
          }}
        />
      ) : (
        <>
          <Field
            label={t('username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            error={fields.username}
            hint={t('username_hint')}
            onChange={(event) => {
              setUsername(event.target.value);
              setFields((f) => ({ ...f, username: undefined }));
            }}
          />
          <PasswordField
            label={t('password')}
            name="new-password"
            autoComplete="new-password"
            value={password}
            error={fields.password}
            hint={t('password_hint')}
            onChange={(event) => {
              setPassword(event.target.value);
              setFields((f) => ({ ...f, password: undefined }));
            }}
          />
          <PasswordField
            label={t('password_confirm')}
            name="password-confirm"
            autoComplete="new-password"
            value={confirm}
            error={fields.password_confirm}
            onChange={(event) => {
              setConfirm(event.target.value);
              setFields((f) => ({ ...f, password_confirm: undefined }));
            }}
          />
        </>
      )}

      {code === 'INVALID_CREDENTIALS' ? (
        <div className="alert alert-error" role="alert">
          <p>{t('invalid_password', { email: preview.email })}</p>
          <Link className="button button-ghost" to="/forgot-password">
            {t('forgot')}
          </Link>
        </div>
      ) : code === 'ALREADY_MEMBER_OR_INVITED' ? (
        <div className="alert alert-warn" role="alert">
          <p>{t('already_member', { tenant: preview.tenant.name })}</p>
          <Link className="button button-primary" to="/login">
            {t('to_login')}
          </Link>
        </div>
      ) : end ? (
        <div className="alert alert-warn" role="alert">
          <p>
            <strong>{t(end.title)}</strong> {t(end.text)}
          </p>
          {end.login ? (
            <Link className="button button-primary" to="/login">
              {t('to_login')}
            </Link>
          ) : null}
        </div>
      ) : code && !handled ? (
        <ErrorMessage error={accept.error} onDismiss={accept.reset} />
      ) : null}

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

function DeclineControl({
  token,
  tenant,
  onDeclined,
}: {
  token: string;
  tenant: string;
  onDeclined: () => void;
}) {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const decline = useMutation(trpc.members.declineInvitation.mutationOptions({ onSuccess: onDeclined }));
  if (!asking) {
    return (
      <p className="invitation-decline">
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('decline')}
        </button>
      </p>
    );
  }
  return (
    <div className="alert alert-warn invitation-decline" role="alert">
      <p>{t('decline_confirm', { tenant })}</p>
      {decline.error ? <ErrorMessage error={decline.error} /> : null}
      <div className="auth-alert-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={decline.isPending}
          onClick={() => decline.mutate({ token })}
        >
          {decline.isPending ? t('declining') : t('decline_yes')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t('decline_no')}
        </button>
      </div>
    </div>
  );
}
