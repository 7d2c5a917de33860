import type { BillingCycle } from '@stockscan/contracts';
import {
  describeLimit,
  FEATURE_KEYS,
  FEATURE_LABELS,
  LIMIT_KEYS,
  PLANS,
  type PlanCode,
  type PlanInfo,
} from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { getSession } from '../../lib/session';
import { startingPlan } from '../../shared/config/starting-plan';
import { usePublicConfig } from '../../shared/config/usePublicConfig';
import { billingPath } from '../../shared/links';
import { pricingMessages } from './pricing-messages';
import './public.css';

export interface PricingTableProps {
  cycle: BillingCycle;
  /** Hook point for the billing page: paid plans call it (checkout) instead of linking there. */
  onChoosePlan?: (plan: PlanCode, cycle: BillingCycle) => void;
  /** Marks the tenant's plan, when known. */
  currentPlan?: PlanCode;
}

export function formatEuros(amount: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-IE', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** Solo / Duo / Multi side by side (stacked on a phone), limits from the plan registry. */
export function PricingTable({ cycle, onChoosePlan, currentPlan }: PricingTableProps) {
  return (
    <ul className="plans">
      {PLANS.map((plan, index) => (
        <PlanCard
          key={plan.code}
          plan={plan}
          previous={index > 0 ? PLANS[index - 1] : undefined}
          cycle={cycle}
          onChoosePlan={onChoosePlan}
          current={plan.code === currentPlan}
        />
      ))}
    </ul>
  );
}

function PlanCard({
  plan,
  previous,
  cycle,
  onChoosePlan,
  current,
}: {
  plan: PlanInfo;
  previous: PlanInfo | undefined;
  cycle: BillingCycle;
  onChoosePlan: PricingTableProps['onChoosePlan'];
  current: boolean;
}) {
  const t = useT(pricingMessages);
  const { locale } = useLocale();
  const price = plan.prices[cycle];
  const free = plan.prices.MONTHLY === 0;
  const added = FEATURE_KEYS.filter((key) => plan.features[key] && !previous?.features[key]);
  const headingId = `plan-${plan.code}`;
  return (
    <li className={current ? 'plan plan-current' : 'plan'} aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-name">
        {plan.name}
      </h2>
      {current ? <p className="plan-badge">{t('current')}</p> : null}
      <p className="plan-for">{t(`for_${plan.code}`)}</p>
      <p className="plan-price">
        <span className="plan-amount">{formatEuros(price, locale)}</span>{' '}
        <span className="plan-period">
          {free ? t('forever') : cycle === 'MONTHLY' ? t('per_month') : t('per_year')}
        </span>
      </p>
      <p className="plan-equiv muted">
        {!free && cycle === 'YEARLY'
          ? t('yearly_equiv', { price: formatEuros(price / 12, locale) })
          : '\u00a0'}
      </p>
      <PlanAction plan={plan.code} name={plan.name} cycle={cycle} onChoosePlan={onChoosePlan} />
      <h3 className="plan-subtitle">{t('limits_title')}</h3>
      <ul className="plan-list">
        {LIMIT_KEYS.map((key) => {
          const limit = plan.limits[key];
          // Solo has no assistant at all: say so rather than "0 requests per month".
          const excluded = key === 'ai_requests_month' && limit === 0;
          return (
            <li key={key} className={excluded ? 'plan-excluded' : undefined}>
              <span aria-hidden="true" className="plan-mark">
                {excluded ? '–' : '✓'}
              </span>{' '}
              {excluded ? t('no_ai') : describeLimit(key, limit)[locale]}
            </li>
          );
        })}
      </ul>
      <h3 className="plan-subtitle">{t(`features_title_${plan.code}`)}</h3>
      <ul className="plan-list">
        {added.map((key) => (
          <li key={key}>
            <span aria-hidden="true" className="plan-mark">
              ✓
            </span>{' '}
            {FEATURE_LABELS[key][locale]}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Free → sign up; paid → checkout hook, billing page, or "coming soon" while payments are off. */
function PlanAction({
  plan,
  name,
  cycle,
  onChoosePlan,
}: {
  plan: PlanCode;
  name: string;
  cycle: BillingCycle;
  onChoosePlan: PricingTableProps['onChoosePlan'];
}) {
  const t = useT(pricingMessages);
  const signedIn = getSession() !== null;
  const { locale } = useLocale();
  const config = usePublicConfig();
  // Checkout buttons need both: the build shows them, and the server has Stripe (else it answers 503).
  const stripeEnabled =
    import.meta.env.VITE_STRIPE_ENABLED === 'true' && config.data?.stripe_enabled !== false;
  const start = config.data ? startingPlan(config.data, locale) : null;
  if (plan === 'ESSENTIEL') {
    return signedIn ? (
      <Link className="button button-ghost plan-cta" to="/app">
        {t('cta_open')}
      </Link>
    ) : (
      <Link className="button button-primary plan-cta" to="/register">
        {t('cta_free')}
      </Link>
    );
  }
  if (onChoosePlan) {
    return (
      <button
        type="button"
        className="button button-primary plan-cta"
        onClick={() => onChoosePlan(plan, cycle)}
      >
        {t('cta_choose', { plan: name })}
      </button>
    );
  }
  if (stripeEnabled) {
    return signedIn ? (
      <Link className="button button-primary plan-cta" to={billingPath(plan, cycle)}>
        {t('cta_choose', { plan: name })}
      </Link>
    ) : (
      <Link className="button button-primary plan-cta" to={`/register?plan=${plan}&cycle=${cycle}`}>
        {t('cta_register', { plan: name })}
      </Link>
    );
  }
  return (
    <div className="plan-soon">
      <p className="plan-soon-label">{t('soon')}</p>
      {signedIn ? null : (
        <p className="plan-soon-hint">
          {start ? `${t(start.trialDays ? 'soon_hint' : 'soon_hint_free', start.vars)} ` : null}
          <Link to="/register">{t('soon_link')}</Link>
        </p>
      )}
    </div>
  );
}
