import { PLAN_NAMES, type PlanCode } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { assistantMessages } from './messages';

/** Solo: what the assistant would do, and the plan that has it. */
export function AssistantPaywall({ upgradeTo, detail }: { upgradeTo: PlanCode | null; detail?: string }) {
  const t = useT(assistantMessages);
  const plan = upgradeTo ?? 'BOUTIQUE';
  return (
    <div className="assistant-paywall">
      <p className="assistant-paywall-title">
        <svg className="assistant-lock" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 1 1 6 0v3z"
          />
        </svg>
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
