import type { BillingCycle, BillingStatus, PaidPlanCode } from '@stockscan/contracts';
import { checkoutTrialEnd, onSignupTrial, PLAN_NAMES, PLANS, type PlanCode } from '@stockscan/entitlements';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { CycleSwitch } from '../public/CycleSwitch';
import { formatEuros, PricingTable } from '../public/PricingTable';
import { billingMessages } from './messages';
import { type CheckoutMode, checkoutMode, type PlanChoice } from './plan-choice';

const STRIPE_IN_BUILD = import.meta.env.VITE_STRIPE_ENABLED === 'true';

/** Monthly/yearly switch, the plan preselected by the URL, then the three plans wired to Stripe Checkout. */
export function PlanPicker({
  status,
  initial,
  onCycleChange,
}: {
  status: BillingStatus;
  initial: PlanChoice;
  onCycleChange: (cycle: BillingCycle) => void;
}) {
  const t = useT(billingMessages);
  const trpc = useTRPC();
  const [cycle, setCycle] = useState<BillingCycle>(initial.cycle ?? status.billing_cycle ?? 'MONTHLY');
  const [leaving, setLeaving] = useState(false);
  const mode = checkoutMode(status, STRIPE_IN_BUILD);
  const checkout = useMutation(
    trpc.billing.checkout.mutationOptions({
      onSuccess: ({ url }) => {
        setLeaving(true);
        window.location.assign(url);
      },
    }),
  );
  const trialActive = onSignupTrial(status) && status.trial?.active === true;
  // Checkout keeps the trial's remaining days only when Stripe would take them (as the server decides).
  const keptTrialDays =
    status.trial &&
    checkoutTrialEnd({ ...status, license_expires_at: new Date(status.trial.ends_at) }, new Date())
      ? status.trial.days_left
      : 0;
  // During the trial nothing is "your plan" yet: the trial is told in the card above.
  const currentPlan: PlanCode | undefined = trialActive ? undefined : status.plan_effective;

  function choose(plan: PlanCode, chosenCycle: BillingCycle) {
    if (plan === 'ESSENTIEL' || checkout.isPending || leaving) return;
    checkout.mutate({ plan, cycle: chosenCycle });
  }

  function changeCycle(next: BillingCycle) {
    setCycle(next);
    onCycleChange(next);
  }

  const busy = checkout.isPending || leaving;
  const code = checkout.error ? errorCode(checkout.error) : null;

  return (
    <section className="billing-plans" aria-labelledby="plans-title">
      <h2 id="plans-title">{status.plan_source === 'PAID' ? t('plans_title') : t('plans_title_choose')}</h2>
      <ModeNote mode={mode} />

      <CycleSwitch cycle={cycle} onChange={changeCycle} name="billing-cycle" />
      {initial.plan && mode === 'checkout' ? (
        <ChosenPlan
          plan={initial.plan}
          cycle={cycle}
          current={currentPlan === initial.plan}
          trialDays={trialActive ? keptTrialDays : 0}
          busy={busy}
          onPay={() => initial.plan && choose(initial.plan, cycle)}
        />
      ) : null}

      {busy ? (
        <p className="alert alert-ok" role="status">
          {t('redirecting')}
        </p>
      ) : null}
      {code === 'CONFLICT' ? (
        <p className="alert alert-warn" role="alert">
          {t('CONFLICT')}
        </p>
      ) : code === 'STRIPE_NOT_CONFIGURED' ? (
        <p className="alert alert-warn" role="alert">
          {t('STRIPE_NOT_CONFIGURED')}
        </p>
      ) : checkout.error ? (
        <ErrorMessage
          error={checkout.error}
          onRetry={() => checkout.variables && checkout.mutate(checkout.variables)}
          onDismiss={checkout.reset}
        />
      ) : null}

      <div id="plans-table">
        <PricingTable
          cycle={cycle}
          {...(currentPlan ? { currentPlan } : {})}
          {...(mode === 'checkout' ? { onChoosePlan: choose } : {})}
        />
      </div>
      <p className="muted">{t('tax')}</p>
    </section>
  );
}

function ModeNote({ mode }: { mode: CheckoutMode }) {
  const t = useT(billingMessages);
  if (mode === 'checkout') return null;
  const key =
    mode === 'portal' ? 'change_in_portal' : mode === 'soon' ? 'checkout_soon' : 'checkout_unavailable';
  return <p className={mode === 'unavailable' ? 'alert alert-warn' : 'alert billing-note'}>{t(key)}</p>;
}

/** The plan the person came for (from a banner, an error or the pricing page): one clear button. */
function ChosenPlan({
  plan,
  cycle,
  current,
  trialDays,
  busy,
  onPay,
}: {
  plan: PaidPlanCode;
  cycle: BillingCycle;
  current: boolean;
  trialDays: number;
  busy: boolean;
  onPay: () => void;
}) {
  const t = useT(billingMessages);
  const { locale } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const info = PLANS.find((p) => p.code === plan);
  // Arriving from a link, the eye (and a screen reader) starts at the choice, not at the top of the page.
  useEffect(() => heading.current?.focus(), []);
  if (!info) return null;
  const name = PLAN_NAMES[plan];
  return (
    <div className="card billing-chosen">
      <h3 ref={heading} tabIndex={-1}>
        {t('chosen_title', { plan: name })}
      </h3>
      <p className="billing-chosen-price">
        {t('chosen_price', {
          price: formatEuros(info.prices[cycle], locale),
          period: cycle === 'MONTHLY' ? t('per_month') : t('per_year'),
        })}
      </p>
      {current ? (
        <p>{t('chosen_current')}</p>
      ) : (
        <>
          {trialDays > 0 ? <p>{t('chosen_trial', { days: trialDays })}</p> : null}
          <button
            type="button"
            className="button button-primary button-large"
            disabled={busy}
            onClick={onPay}
          >
            {busy ? t('redirecting') : t('chosen_pay_named', { plan: name })}
          </button>
          <p className="billing-hint">{t('chosen_secure')}</p>
        </>
      )}
      <a className="billing-see-all" href="#plans-table">
        {t('chosen_other')}
      </a>
    </div>
  );
}
