import { COUNT_KEYS, type CountKey, can, countOf, PLAN_LIMITS, PLAN_NAMES } from '@stockscan/entitlements';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { useCurrentRole } from '../../shared/session/useCurrentRole';
import { bannerMessages } from './banner-messages';
import { type Banner, pickBanner } from './pick-banner';
import { useEntitlements } from './useEntitlements';
import '../../shared/feedback/feedback.css';

const OVER_KEYS = {
  max_products: { text: 'over_products', fix: 'fix_products', to: '/app/products' },
  max_services: { text: 'over_services', fix: 'fix_services', to: '/app/settings' },
  max_users: { text: 'over_users', fix: 'fix_users', to: '/app/team' },
} as const satisfies Record<CountKey, { text: string; fix: string; to: string }>;

/** One banner at a time, most urgent first: payment failed, then over a limit, then trial days left. */
export function EntitlementBanners({ now = new Date() }: { now?: Date }) {
  const { data } = useEntitlements();
  const { role, isPending } = useCurrentRole();
  const [trialHidden, setTrialHidden] = useState(false);
  const banner = data ? pickBanner(data, now) : null;
  // Wait for the role (auth.me, already asked by the shell): the owner must not see "the owner decides" flash.
  if (!banner || isPending || (banner.kind === 'trial' && trialHidden)) return null;
  return (
    <BannerView banner={banner} canPay={can(role, 'billing.manage')} onHide={() => setTrialHidden(true)} />
  );
}

function BannerView({
  banner,
  onHide,
  canPay = true,
}: {
  banner: Banner;
  onHide?: () => void;
  /** Only the owner reaches billing: the others are told who decides instead of a button to a refusal. */
  canPay?: boolean;
}) {
  const t = useT(bannerMessages);
  const { locale } = useLocale();
  if (banner.kind === 'past_due') {
    const lost = banner.plan === 'ESSENTIEL';
    return (
      <div className="banner alert alert-error" role="status" data-banner="past_due">
        <div className="banner-inner">
          <p>
            {lost ? t('past_due_lost') : t('past_due', { plan: PLAN_NAMES[banner.plan] })}
            {canPay ? null : <> {t('owner_pays')}</>}
          </p>
          {canPay ? (
            <Link className="button button-primary banner-action" to={billingPath()}>
              {t('past_due_action')}
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  if (banner.kind === 'over_limit') {
    const keys = OVER_KEYS[banner.key];
    const upgradeTo = canPay ? banner.upgradeTo : null;
    const vars = {
      count: banner.count,
      limit: banner.limit,
      excess: banner.count - banner.limit,
      plan: PLAN_NAMES[banner.plan],
      upgrade: banner.upgradeTo ? PLAN_NAMES[banner.upgradeTo] : '',
    };
    return (
      <div className="banner alert alert-warn" role="status" data-banner="over_limit">
        <div className="banner-inner">
          <p>{upgradeTo ? t(keys.text, vars) : t(`${keys.text}_no_upgrade`, vars)}</p>
          <div className="banner-actions">
            {upgradeTo ? (
              <Link className="button button-primary banner-action" to={billingPath(upgradeTo)}>
                {t('upgrade_action', { plan: PLAN_NAMES[upgradeTo] })}
              </Link>
            ) : null}
            <Link className={upgradeTo ? 'banner-link' : 'button button-primary banner-action'} to={keys.to}>
              {t(keys.fix)}
            </Link>
          </div>
        </div>
      </div>
    );
  }
  const limits = COUNT_KEYS.map((key) => countOf(key, PLAN_LIMITS.ESSENTIEL[key] ?? 0)[locale]).join(', ');
  const plan = PLAN_NAMES[banner.plan];
  return (
    <div
      className={banner.daysLeft <= 3 ? 'banner alert alert-warn' : 'banner alert banner-info'}
      role="status"
      data-banner="trial"
    >
      <div className="banner-inner">
        <p>
          <strong>
            {banner.daysLeft <= 1
              ? t('trial_title_one', { plan })
              : t('trial_title', { plan, days: banner.daysLeft })}
          </strong>{' '}
          {t('trial_text', { limits })}
          {canPay ? null : <> {t('owner_decides')}</>}
        </p>
        <div className="banner-actions">
          {canPay ? (
            <Link className="button button-primary banner-action" to={billingPath(banner.plan)}>
              {t('trial_action')}
            </Link>
          ) : null}
          {onHide ? (
            <button
              type="button"
              className="button button-ghost"
              aria-label={t('dismiss_label')}
              onClick={onHide}
            >
              {t('dismiss')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
