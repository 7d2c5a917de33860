import type { InvitationView, InviteResult, Role } from '@stockscan/contracts';
import { PLAN_NAMES, roleTakesServiceScope, type Verdict } from '@stockscan/entitlements';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { FormField } from '../../shared/forms/FormField';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { teamMessages } from './messages';
import { RoleChoice } from './RoleChoice';
import { type ServiceOption, ServiceSelect } from './ServiceSelect';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Email, role and (on plans with roles per service) the one service the person will see. */
export function InviteForm({
  services,
  invitations,
  onInvited,
  onResend,
}: {
  services: readonly ServiceOption[];
  invitations: readonly InvitationView[];
  onInvited: (result: InviteResult) => void;
  /** INVITE_ALREADY_SENT: renew the pending invitation instead. */
  onResend: (invitation: InvitationView) => void;
}) {
  const t = useT(teamMessages);
  const trpc = useTRPC();
  const { can, canAdd } = useEntitlements();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [serviceId, setServiceId] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const scoped = can('roles_per_service').ok;
  const seat = canAdd('max_users');

  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (result) => {
        setEmail('');
        onInvited(result);
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (fields.email) setEmailError(fields.email);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = email.trim();
    const problem = !value ? t('email_required') : EMAIL.test(value) ? null : t('email_invalid');
    setEmailError(problem);
    if (problem) return;
    invite.mutate({
      email: value,
      role,
      ...(scoped && roleTakesServiceScope(role) ? { service_id: serviceId || null } : {}),
    });
  }

  const code = invite.error ? errorCode(invite.error) : null;
  const sentEmail = invite.variables?.email ?? '';
  const pending =
    code === 'INVITE_ALREADY_SENT'
      ? invitations.find((i) => i.email.toLowerCase() === sentEmail.toLowerCase())
      : undefined;

  if (!seat.ok) return <NoSeatLeft verdict={seat} />;

  return (
    <form className="card team-card" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite_title')}</h2>
      <FormField label={t('invite_email')} hint={t('invite_email_hint')} error={emailError} className="field">
        {(aria) => (
          <input
            {...aria}
            type="email"
            name="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailError(null);
              if (invite.error) invite.reset();
            }}
          />
        )}
      </FormField>

      <RoleChoice name="invite-role" legend={t('invite_role')} value={role} onChange={setRole} />

      {!roleTakesServiceScope(role) ? null : scoped ? (
        <ServiceSelect
          label={t('invite_service')}
          hint={t('invite_service_hint')}
          services={services}
          value={serviceId}
          onChange={setServiceId}
        />
      ) : services.length > 1 ? (
        <p className="field-hint team-scope-locked">
          {t('invite_scope_locked')} <Link to={billingPath('BOUTIQUE')}>{t('upgrade_link')}</Link>
        </p>
      ) : null}

      {code === 'ALREADY_MEMBER_OR_INVITED' ? (
        <div className="alert alert-warn" role="alert">
          <p>{t('already_member', { email: sentEmail })}</p>
        </div>
      ) : code === 'INVITE_ALREADY_SENT' ? (
        <div className="alert alert-warn" role="alert">
          <p>{t('already_invited', { email: sentEmail })}</p>
          {pending ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                invite.reset();
                onResend(pending);
              }}
            >
              {t('already_invited_action')}
            </button>
          ) : null}
        </div>
      ) : code && code !== 'VALIDATION_ERROR' ? (
        <ErrorMessage
          error={invite.error}
          onRetry={() => invite.variables && invite.mutate(invite.variables)}
          onDismiss={invite.reset}
        />
      ) : null}

      <div className="team-submit">
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {invite.isPending ? t('invite_sending') : t('invite_submit')}
        </button>
      </div>
    </form>
  );
}

/** Every seat is taken: the form would only lead to a refusal, so say it and give the one way out. */
function NoSeatLeft({ verdict }: { verdict: Extract<Verdict, { ok: false }> }) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  return (
    <section className="card team-card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite_title')}</h2>
      <div className="alert alert-warn" role="status">
        <p>{verdict.message[locale]}</p>
      </div>
      {verdict.upgrade_to ? (
        <Link className="button button-primary team-no-seat-action" to={billingPath(verdict.upgrade_to)}>
          {t('upgrade_to', { plan: PLAN_NAMES[verdict.upgrade_to] })}
        </Link>
      ) : (
        <p className="field-hint">{t('free_a_seat')}</p>
      )}
    </section>
  );
}
