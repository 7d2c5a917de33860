import type { BillingStatus } from '@stockscan/contracts';
import {
  COUNT_KEYS,
  COUNT_USAGE_KEYS,
  type CountKey,
  PLAN_LIMITS,
  PLAN_NAMES,
} from '@stockscan/entitlements';
import { useLocale, useT } from '../../i18n/i18n';
import { useEntitlements } from '../entitlements/useEntitlements';
import { formatDay } from '../team/format';
import { billingMessages } from './messages';
import { PortalButton } from './PortalButton';

/** The plan in force, what happens next (trial end, renewal, cancellation), and a failed payment first. */
export function CurrentPlan({ status }: { status: BillingStatus }) {
  const t = useT(billingMessages);
  const { locale } = useLocale();
  const day = (iso: string) => formatDay(iso, locale);
  const plan = PLAN_NAMES[status.plan_effective];
  const lapsed =
    status.plan_code && status.plan_code !== status.plan_effective && status.plan_effective === 'ESSENTIEL';
  const showPortal = status.plan_source === 'PAID' || status.subscription_status !== 'NONE';

  return (
    <section className="card billing-current" aria-labelledby="current-title">
      <h2 id="current-title" className="billing-eyebrow">
        {t('current_title')}
      </h2>
      <p className="billing-plan">
        {t('plan_name', { plan })}
        <span className="billing-tag">{t(`source_${status.plan_source}`)}</span>
        {status.billing_cycle && status.plan_source === 'PAID' ? (
          <span className="billing-tag">{t(`cycle_${status.billing_cycle}`)}</span>
        ) : null}
      </p>

      {status.past_due ? (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>{t('past_due_title')}</strong>
          </p>
          <p>
            {status.grace_ends_at
              ? t('past_due_text', { date: day(status.grace_ends_at), plan })
              : t('past_due_text_no_date', { plan })}
          </p>
        </div>
      ) : null}

      <PlanFacts status={status} lapsed={Boolean(lapsed)} />
      <UsageList fallbackNear={Boolean(status.trial?.active || status.past_due || status.cancel_at)} />
      {showPortal ? <PortalButton enabled={status.portal_enabled} primary={status.past_due} /> : null}
    </section>
  );
}

function PlanFacts({ status, lapsed }: { status: BillingStatus; lapsed: boolean }) {
  const t = useT(billingMessages);
  const { locale } = useLocale();
  const day = (iso: string) => formatDay(iso, locale);
  const lines: string[] = [];
  const trial = status.trial;
  if (lapsed && status.plan_code && status.expires_at) {
    lines.push(t('expired', { plan: PLAN_NAMES[status.plan_code], date: day(status.expires_at) }));
  } else if (status.plan_source === 'TRIAL' && trial) {
    if (trial.active) {
      lines.push(
        trial.days_left <= 1
          ? t('trial_one', { date: day(trial.ends_at) })
          : t('trial_days', { days: trial.days_left, date: day(trial.ends_at) }),
      );
      lines.push(t('trial_end'));
    } else {
      lines.push(t('trial_over', { date: day(trial.ends_at) }));
    }
  } else if (status.subscription_status === 'TRIALING' && trial?.active && !status.cancel_at) {
    lines.push(t('stripe_trial', { date: day(trial.ends_at) }));
  }
  if (status.cancel_at) {
    lines.push(t('cancel_planned', { date: day(status.cancel_at), plan: PLAN_NAMES[status.plan_effective] }));
  } else if (status.renews_at) {
    lines.push(t('renews', { date: day(status.renews_at) }));
  }
  if (status.plan_source === 'MANUAL' && status.expires_at) {
    lines.push(t('manual_until', { date: day(status.expires_at) }));
  }
  if (status.plan_effective === 'ESSENTIEL' && !lapsed && status.plan_source === 'FREE') {
    lines.push(t('free_text'));
  }
  return (
    <>
      {lines.map((line) => (
        <p key={line} className="billing-fact">
          {line}
        </p>
      ))}
    </>
  );
}

const USAGE_LABEL = {
  max_products: 'usage_products',
  max_services: 'usage_services',
  max_users: 'usage_users',
} as const satisfies Record<CountKey, string>;

/**
 * Products, services, people against the plan's limits; while a fall back to Solo is near (trial, failed
 * payment, cancellation), what Solo would not hold.
 */
function UsageList({ fallbackNear }: { fallbackNear: boolean }) {
  const t = useT(billingMessages);
  const { data } = useEntitlements();
  if (!data) return null;
  return (
    <div className="billing-usage">
      <h3>{t('usage_title')}</h3>
      <dl>
        {COUNT_KEYS.map((limitKey) => {
          const used = data.usage[COUNT_USAGE_KEYS[limitKey]];
          const limit = data.limits[limitKey] ?? null;
          const soloLimit = PLAN_LIMITS.ESSENTIEL[limitKey];
          const aboveSolo =
            fallbackNear && data.plan_effective !== 'ESSENTIEL' && soloLimit !== null && used > soloLimit;
          return (
            <div key={limitKey}>
              <dt>{t(USAGE_LABEL[limitKey])}</dt>
              <dd>
                {limit === null ? t('usage_unlimited', { used }) : t('usage_line', { used, limit })}
                {aboveSolo ? (
                  <span className="billing-over">{t('usage_over', { n: soloLimit ?? 0 })}</span>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
