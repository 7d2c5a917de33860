import {
  type BusinessType,
  BusinessType as BusinessTypeSchema,
  RegisterFormInput,
} from '@stockscan/contracts';
import { normalizePlanCode } from '@stockscan/entitlements';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { setSession } from '../../lib/session';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { focusFirstInvalid, issuesByField } from '../../shared/forms/form-helpers';
import { billingPath } from '../../shared/links';
import { type AccountField, AccountStep } from './AccountStep';
import { BusinessStep } from './BusinessStep';
import { authCommon } from './messages';
import {
  type AccountDraft,
  defaultServices,
  domainFor,
  registerPayload,
  type ServiceDraft,
  serviceNameIssues,
  TRIAL_MAX_SERVICES,
} from './onboarding';
import { fieldMessagesEn, registerMessages } from './register-messages';
import { ServicesStep } from './ServicesStep';
import './auth.css';

const EMPTY_ACCOUNT: AccountDraft = {
  tenant_name: '',
  username: '',
  email: '',
  password: '',
  password_confirm: '',
  accept_terms: false,
};

type Step = 1 | 2 | 3;
const STEP_TITLES = { 1: 'business_title', 2: 'services_title', 3: 'account_title' } as const;
const STEP_LEADS = { 1: 'business_lead', 2: 'services_lead', 3: 'account_lead' } as const;

function parseBusiness(value: string | null): BusinessType | null {
  const parsed = BusinessTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Where to go once the account exists: the plan picked on the pricing page, else the app. */
function afterSignUp(params: URLSearchParams): string {
  const plan = normalizePlanCode(params.get('plan'));
  const cycle = params.get('cycle') === 'YEARLY' ? 'YEARLY' : 'MONTHLY';
  return plan && plan !== 'ESSENTIEL' ? billingPath(plan, cycle) : '/app';
}

/** /register — onboarding in three steps: trade → services and their modules → account (SPEC §6, UX.md). */
export function RegisterPage() {
  const t = useT(registerMessages);
  const tc = useT(authCommon);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const [business, setBusiness] = useState<BusinessType | null>(() =>
    parseBusiness(params.get('business_type')),
  );
  const [services, setServices] = useState<ServiceDraft[]>(() =>
    business ? defaultServices(business, locale) : [],
  );
  const [servicesFor, setServicesFor] = useState<BusinessType | null>(business);
  const [account, setAccount] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [businessError, setBusinessError] = useState(false);
  const [serviceErrors, setServiceErrors] = useState<Record<string, string>>({});
  const [accountErrors, setAccountErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [hints, setHints] = useState<Partial<Record<AccountField, ReactNode>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [maxServices, setMaxServices] = useState(TRIAL_MAX_SERVICES);
  const [verifyEmail, setVerifyEmail] = useState<string | null>(null);

  const requested = Number(params.get('step'));
  const step: Step = business && services.length > 0 && (requested === 2 || requested === 3) ? requested : 1;
  const domain = domainFor(services);

  // Each step is a new screen: focus its title (screen readers announce it) and start at the top.
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [step]);

  function goTo(next: Step, chosen: BusinessType | null = business) {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      updated.set('step', String(next));
      if (chosen) updated.set('business_type', chosen);
      return updated;
    });
  }

  function changeServices(next: ServiceDraft[]) {
    // An edited or removed service loses its error; the others keep theirs until fixed.
    setServiceErrors((errors) => {
      const kept: Record<string, string> = {};
      for (const service of next) {
        const before = services.find((s) => s.key === service.key);
        const error = errors[service.key];
        if (error && before?.name === service.name) kept[service.key] = error;
      }
      return kept;
    });
    setServices(next);
  }

  const serviceMessage = (issue: 'required' | 'long' | 'duplicate') =>
    t(issue === 'required' ? 'name_required' : issue === 'long' ? 'name_long' : 'name_duplicate');

  function checkServices(): boolean {
    const issues = serviceNameIssues(services);
    setServiceErrors(
      Object.fromEntries(Object.entries(issues).map(([key, issue]) => [key, serviceMessage(issue)])),
    );
    return services.length <= maxServices && Object.keys(issues).length === 0;
  }

  /** Puts validation messages (client zod or server `fields`) under their fields; true when there were some. */
  function showFieldErrors(fields: Record<string, string>): boolean {
    const account: Partial<Record<AccountField, string>> = {};
    let servicesWrong = false;
    for (const [name, message] of Object.entries(fields)) {
      if (name.startsWith('service_') || name.startsWith('extra_services')) servicesWrong = true;
      else if (name === 'accept_terms') account.accept_terms = t('terms_required');
      else if (name in EMPTY_ACCOUNT)
        account[name as AccountField] = locale === 'fr' ? message : (fieldMessagesEn[name] ?? message);
    }
    setAccountErrors(account);
    if (servicesWrong) {
      checkServices();
      goTo(2);
    }
    return servicesWrong || Object.keys(account).length > 0;
  }

  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: async (result) => {
        if (!result.access || !result.refresh) {
          setVerifyEmail(result.user.email ?? account.email);
          return;
        }
        queryClient.clear();
        setSession({ access: result.access, refresh: result.refresh });
        toast.ok(t('welcome'));
        await navigate(afterSignUp(params), { replace: true });
      },
      onError: (error) => {
        const code = errorCode(error);
        const card = document.querySelector('.register-card');
        if (code === 'VALIDATION_ERROR' && showFieldErrors(fieldErrors(error))) {
          focusFirstInvalid(card);
          return;
        }
        if (code === 'USERNAME_TAKEN') {
          setAccountErrors({ username: error.message });
          setHints({ username: <Link to="/login">{t('username_taken_login')}</Link> });
          focusFirstInvalid(card);
          return;
        }
        if (code === 'EMAIL_TAKEN') {
          setAccountErrors({ email: error.message });
          setHints({ email: <Link to="/forgot-password">{t('email_taken_action')}</Link> });
          focusFirstInvalid(card);
          return;
        }
        const limit = Number((error.data as { limit?: unknown } | undefined)?.limit);
        if (code === 'LIMIT_MAX_SERVICES' && Number.isFinite(limit) && limit > 0) {
          // The starting plan allows fewer services than planned: step 2 says how many to remove.
          setMaxServices(limit);
          goTo(2);
          return;
        }
        setFailure(error);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const form = event.currentTarget;
    if (step === 1) {
      if (!business) {
        setBusinessError(true);
        return;
      }
      if (business !== servicesFor) {
        setServices(defaultServices(business, locale));
        setServicesFor(business);
        setServiceErrors({});
      }
      goTo(2);
      return;
    }
    if (step === 2) {
      if (checkServices()) goTo(3);
      else focusFirstInvalid(form);
      return;
    }
    if (!business) return;
    const payload = registerPayload(business, services, account);
    const parsed = RegisterFormInput.safeParse(payload);
    const fields = parsed.success ? {} : issuesByField(parsed.error.issues);
    // zod skips the cross-field checks while another field is invalid; say everything at once.
    if (account.password !== account.password_confirm) fields.password_confirm ??= tc('password_mismatch');
    if (!account.accept_terms) fields.accept_terms ??= t('terms_required');
    setHints({});
    if (showFieldErrors(fields) || !parsed.success) {
      focusFirstInvalid(form);
      return;
    }
    register.mutate(parsed.data);
  }

  if (verifyEmail) {
    return (
      <section className="auth-page">
        <div className="auth-card">
          <h1>{t('verify_title')}</h1>
          <p role="status">{t('verify_text', { email: verifyEmail })}</p>
          <p className="auth-actions">
            <Link className="button button-primary" to="/login">
              {t('login')}
            </Link>
          </p>
        </div>
      </section>
    );
  }

  const overLimit = services.length > maxServices;
  return (
    <section className="auth-page register">
      <form className="register-card" onSubmit={submit} noValidate>
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

        {step === 1 ? (
          <BusinessStep
            value={business}
            error={businessError}
            onChange={(chosen) => {
              setBusiness(chosen);
              setBusinessError(false);
            }}
          />
        ) : null}
        {step === 2 ? (
          <>
            {overLimit ? (
              <div className="alert alert-error" role="alert">
                <p>{t('limit_services', { max: maxServices, extra: services.length - maxServices })}</p>
              </div>
            ) : null}
            <ServicesStep
              services={services}
              domain={domain}
              errors={serviceErrors}
              maxServices={maxServices}
              onChange={changeServices}
            />
          </>
        ) : null}
        {step === 3 && business ? (
          <>
            <p className="register-summary">
              <span>
                {t('summary', {
                  business: t(`business_${business}`),
                  services: services.map((s) => s.name.trim()).join(', '),
                })}
              </span>
              <button type="button" className="link-button" onClick={() => goTo(2)}>
                {t('summary_edit')}
              </button>
            </p>
            <AccountStep
              account={account}
              errors={accountErrors}
              hints={hints}
              onChange={(patch) => {
                setAccount((a) => ({ ...a, ...patch }));
                setAccountErrors((errors) => {
                  const next = { ...errors };
                  for (const key of Object.keys(patch) as AccountField[]) delete next[key];
                  return next;
                });
              }}
            />
          </>
        ) : null}

        <ErrorMessage
          error={failure}
          onRetry={() => {
            if (register.variables) register.mutate(register.variables);
          }}
          onDismiss={() => setFailure(null)}
        />

        <div className="register-nav">
          {step > 1 ? (
            <button type="button" className="button button-ghost" onClick={() => goTo(step === 3 ? 2 : 1)}>
              {t('back')}
            </button>
          ) : (
            <span />
          )}
          <button
            type="submit"
            className="button button-primary"
            disabled={register.isPending || (step === 2 && overLimit)}
          >
            {step === 3 ? (register.isPending ? t('submitting') : t('submit')) : t('next')}
          </button>
        </div>
        {step === 3 ? <p className="muted register-trial">{t('trial_note')}</p> : null}
        <p className="auth-switch">
          {t('have_account')} <Link to="/login">{t('login')}</Link>
        </p>
      </form>
    </section>
  );
}
