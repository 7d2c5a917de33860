import { RegisterFormInput } from '@stockscan/contracts';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { startingPlan } from '../../shared/config/starting-plan';
import { usePublicConfig } from '../../shared/config/usePublicConfig';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { focusFirstInvalid, issuesByField } from '../../shared/forms/form-helpers';
import { AccountStep } from './AccountStep';
import { BusinessStep } from './BusinessStep';
import { authCommon } from './messages';
import { parseBusiness, registerPayload } from './onboarding';
import {
  RegisterHeader,
  RegisterNav,
  RegisterSummary,
  StartPending,
  TakenHint,
  VerifyEmailSent,
} from './RegisterChrome';
import { placeFieldErrors, type RegisterFailure, registerFailure } from './register-failure';
import { registerMessages } from './register-messages';
import { ServicesStep } from './ServicesStep';
import { useAccountDraft, useServicesDraft } from './useOnboardingDraft';
import { useRegisterStep } from './useRegisterStep';
import { useSignUp } from './useSignUp';
import './auth.css';

/** /register — onboarding in three steps: trade → services and their modules → account (SPEC §6, UX.md). */
export function RegisterPage() {
  const t = useT(registerMessages);
  const tc = useT(authCommon);
  const { locale } = useLocale();
  const [params] = useSearchParams();
  const config = usePublicConfig();
  const start = config.data ? startingPlan(config.data, locale) : null;
  const draft = useServicesDraft(parseBusiness(params.get('business_type')), locale);
  const account = useAccountDraft();
  const { step, goTo, heading } = useRegisterStep(draft.business, draft.services.length > 0);
  const [failure, setFailure] = useState<unknown>(null);
  const [limit, setLimit] = useState<number | null>(null);
  const [verifyEmail, setVerifyEmail] = useState<string | null>(null);
  const maxServices = limit ?? start?.maxServices ?? Number.POSITIVE_INFINITY;
  const register = useSignUp({
    welcome: t(start?.trialDays ? 'welcome' : 'welcome_free'),
    onVerify: (email) => setVerifyEmail(email ?? account.account.email),
    onFailure: (error) => showFailure(error, registerFailure(error)),
  });

  /** Field messages under their fields, back to step 2 when a service is at fault; true when there were some. */
  function showFields({ account: fields, services }: Extract<RegisterFailure, { kind: 'fields' }>): boolean {
    const shown = account.showErrors(fields);
    if (services) {
      draft.checkServices(maxServices);
      goTo(2);
    }
    return services || shown > 0;
  }

  function showFailure(error: unknown, refused: RegisterFailure) {
    const card = document.querySelector('.register-card');
    if (refused.kind === 'fields') {
      showFields(refused);
      focusFirstInvalid(card);
    } else if (refused.kind === 'taken') {
      account.setErrors({ [refused.field]: refused.message });
      account.setHints({ [refused.field]: <TakenHint field={refused.field} /> });
      focusFirstInvalid(card);
    } else if (refused.kind === 'limit') {
      setLimit(refused.max);
      goTo(2);
    } else setFailure(error);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const form = event.currentTarget;
    if (step === 1) {
      if (draft.confirmBusiness()) goTo(2);
    } else if (step === 2) {
      if (draft.checkServices(maxServices)) goTo(3);
      else focusFirstInvalid(form);
    } else if (draft.business) {
      const { account: fields } = account;
      const parsed = RegisterFormInput.safeParse(registerPayload(draft.business, draft.services, fields));
      const issues = parsed.success ? {} : issuesByField(parsed.error.issues);
      // zod skips the cross-field checks while another field is invalid; say everything at once.
      if (fields.password !== fields.password_confirm) issues.password_confirm ??= tc('password_mismatch');
      if (!fields.accept_terms) issues.accept_terms ??= t('terms_required');
      account.setHints({});
      if (showFields(placeFieldErrors(issues)) || !parsed.success) focusFirstInvalid(form);
      else register.mutate(parsed.data);
    }
  }

  if (verifyEmail) return <VerifyEmailSent email={verifyEmail} />;
  if (!start) return <StartPending error={config.error} onRetry={() => void config.refetch()} />;
  const overLimit = draft.services.length > maxServices;
  const vars = { ...start.vars, max: maxServices };
  return (
    <section className="auth-page register">
      <form className="register-card" onSubmit={submit} noValidate>
        <RegisterHeader step={step} heading={heading} />
        {step === 1 ? (
          <BusinessStep
            value={draft.business}
            error={draft.businessMissing}
            onChange={draft.chooseBusiness}
          />
        ) : null}
        {step === 2 ? (
          <ServicesStep
            services={draft.services}
            domain={draft.domain}
            errors={draft.issues}
            maxServices={maxServices}
            planNote={t(start.trialDays ? 'services_plan' : 'services_plan_free', vars)}
            onChange={draft.changeServices}
          />
        ) : null}
        {step === 3 && draft.business ? (
          <>
            <RegisterSummary
              business={t(`business_${draft.business}`)}
              services={draft.services.map((s) => s.name.trim()).join(', ')}
              onEdit={() => goTo(2)}
            />
            <AccountStep
              account={account.account}
              errors={account.errors}
              hints={account.hints}
              onChange={account.change}
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
        <RegisterNav
          step={step}
          onBack={() => goTo(step === 3 ? 2 : 1)}
          pending={register.isPending}
          blocked={step === 2 && overLimit}
          startNote={t(start.trialDays ? 'trial_note' : 'free_note', start.vars)}
        />
      </form>
    </section>
  );
}
