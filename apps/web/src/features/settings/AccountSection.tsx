import type { MeView } from '@stockscan/contracts';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { ResendVerification } from '../../shared/session/ResendVerification';
import { useLogout } from '../../shared/session/session-actions';
import { TenantSwitcher } from '../../shared/session/TenantSwitcher';
import { DeleteAccount } from './DeleteAccount';
import { settingsMessages } from './settings-messages';

/** Slot for the billing settings (built separately at /app/settings/billing): the plan and a way there. */
export function BillingSlot({ tenant }: { tenant: NonNullable<MeView['tenant']> }) {
  const t = useT(settingsMessages);
  const { locale } = useLocale();
  const trialEnd = tenant.trial?.active ? new Date(tenant.trial.ends_at) : null;
  return (
    <>
      <p>
        <strong>{t('billing_plan', { plan: PLAN_NAMES[tenant.plan_effective] })}</strong>
        {trialEnd ? (
          <>
            {' '}
            {t('billing_trial', {
              date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(trialEnd),
            })}
          </>
        ) : null}
      </p>
      <Link className="button button-ghost" to={billingPath()}>
        {t('billing_link')}
      </Link>
    </>
  );
}

/** Who is logged in, where, and the way out. */
export function AccountSection({ me }: { me: MeView }) {
  const t = useT(settingsMessages);
  const logout = useLogout();
  return (
    <>
      <dl className="account-facts">
        <dt>{t('username')}</dt>
        <dd>{me.user.username}</dd>
        <dt>{t('email')}</dt>
        <dd>
          {me.user.email ?? t('email_none')}
          {me.user.email ? (
            <span className={me.user.email_verified ? 'tag tag-ok' : 'tag tag-warn'}>
              {me.user.email_verified ? t('email_verified') : t('email_unverified')}
            </span>
          ) : null}
          {me.user.email && !me.user.email_verified ? (
            <>
              <span className="muted account-verify-hint">{t('email_unverified_hint')}</span>
              <ResendVerification />
            </>
          ) : null}
        </dd>
        {me.role ? (
          <>
            <dt>{t('role')}</dt>
            <dd>{t(`role_${me.role}`)}</dd>
          </>
        ) : null}
      </dl>
      <TenantSwitcher className="tenant-switcher-settings" />
      <p className="logout-row">
        <button type="button" className="button button-ghost" onClick={logout}>
          {t('logout')}
        </button>
        <span className="muted">{t('logout_hint')}</span>
      </p>
      <DeleteAccount me={me} />
    </>
  );
}
