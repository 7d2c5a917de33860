import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { registerMessages } from './register-messages';
import type { Step } from './useRegisterStep';

const STEP_TITLES = { 1: 'business_title', 2: 'services_title', 3: 'account_title' } as const;
const STEP_LEADS = { 1: 'business_lead', 2: 'services_lead', 3: 'account_lead' } as const;

/** Above each step: where we are (stepper) and the step's title, focused when the step changes. */
export function RegisterHeader({ step, heading }: { step: Step; heading: Ref<HTMLHeadingElement> }) {
  const t = useT(registerMessages);
  return (
    <>
      <p className="register-eyebrow">
        {t('title')} · {t('step_of', { n: step })}
      </p>
      <ol className="stepper">
        {([1, 2, 3] as const).map((n) => (
          <li key={n} className={n === step ? 'current' : n < step ? 'done' : undefined}>
            <span aria-current={n === step ? 'step' : undefined}>{t(`step${n}`)}</span>
          </li>
        ))}
      </ol>
      <h1 ref={heading} tabIndex={-1}>
        {t(STEP_TITLES[step])}
      </h1>
      <p className="muted register-lead">{t(STEP_LEADS[step])}</p>
    </>
  );
}

/** Below each step: back, next (or create the account), what the sign-up grants, and the way to log in. */
export function RegisterNav({
  step,
  onBack,
  pending,
  blocked,
  startNote,
}: {
  step: Step;
  onBack: () => void;
  pending: boolean;
  blocked: boolean;
  startNote: ReactNode;
}) {
  const t = useT(registerMessages);
  return (
    <>
      <div className="register-nav">
        {step > 1 ? (
          <button type="button" className="button button-ghost" onClick={onBack}>
            {t('back')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="button button-primary" disabled={pending || blocked}>
          {step === 3 ? (pending ? t('submitting') : t('submit')) : t('next')}
        </button>
      </div>
      {step === 3 ? <p className="muted register-trial">{startNote}</p> : null}
      <p className="auth-switch">
        {t('have_account')} <Link to="/login">{t('login')}</Link>
      </p>
    </>
  );
}

/** Register answered without tokens (EMAIL_VERIFICATION_REQUIRED): the link is in the mailbox. */
export function VerifyEmailSent({ email }: { email: string }) {
  const t = useT(registerMessages);
  return (
    <section className="auth-page">
      <div className="auth-card">
        <h1>{t('verify_title')}</h1>
        <p role="status">{t('verify_text', { email })}</p>
        <p className="auth-actions">
          <Link className="button button-primary" to="/login">
            {t('login')}
          </Link>
        </p>
      </div>
    </section>
  );
}

/** Under a username or email already in use: the likely way forward. */
export function TakenHint({ field }: { field: 'username' | 'email' }) {
  const t = useT(registerMessages);
  return field === 'username' ? (
    <Link to="/login">{t('username_taken_login')}</Link>
  ) : (
    <Link to="/forgot-password">{t('email_taken_action')}</Link>
  );
}

/** The public config could not be read yet: nothing to promise about the trial until it is. */
export function StartPending({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <section className="auth-page register" aria-busy={!error}>
      {error ? (
        <div className="auth-card">
          <ErrorMessage error={error} onRetry={onRetry} />
        </div>
      ) : null}
    </section>
  );
}

/** Step 3's reminder of steps 1–2, with the way back to change them. */
export function RegisterSummary({
  business,
  services,
  onEdit,
}: {
  business: string;
  services: string;
  onEdit: () => void;
}) {
  const t = useT(registerMessages);
  return (
    <p className="register-summary">
      <span>{t('summary', { business, services })}</span>
      <button type="button" className="link-button" onClick={onEdit}>
        {t('summary_edit')}
      </button>
    </p>
  );
}
