import { PLAN_NAMES, type PlanCode } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { billingPath } from '../entitlements/links';
import { assistantMessages } from './messages';

/** Solo: what the assistant would do, and the plan that has it. */
export function AssistantPaywall({ upgradeTo, detail }: { upgradeTo: PlanCode | null; detail?: string }) {
  const t = useT(assistantMessages);
  const plan = upgradeTo ?? 'BOUTIQUE';
  return (
    <div className="assistant-paywall">
      <p className="assistant-paywall-title">
        <span aria-hidden="true" className="assistant-lock">
          🔒
        </span>{' '}
        <strong>{t('paywall_title')}</strong>
      </p>
      <p>{t('paywall_text')}</p>
      {detail ? <p className="muted">{detail}</p> : null}
      <div className="assistant-paywall-actions">
        <Link className="button button-primary" to={billingPath(plan)}>
          {t('paywall_action', { plan: PLAN_NAMES[plan] })}
        </Link>
        <Link to="/pricing">{t('paywall_compare')}</Link>
      </div>
    </div>
  );
}
