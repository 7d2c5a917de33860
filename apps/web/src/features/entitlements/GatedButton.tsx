import type { Verdict } from '@stockscan/entitlements';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { errorMessages } from '../../shared/feedback/error-messages';
import { billingPath } from '../../shared/links';
import '../../shared/feedback/feedback.css';

/**
 * A button the plan may refuse: disabled before the server says no, with the reason written under it
 * (a tooltip alone is invisible on a phone) and the upgrade link when a plan above allows it.
 */
export function GatedButton({
  verdict,
  onClick,
  children,
  className = 'button button-primary',
  type = 'button',
  busy = false,
}: {
  verdict: Verdict;
  onClick?: () => void;
  children: ReactNode;
  className?: string;
  type?: 'button' | 'submit';
  busy?: boolean;
}) {
  const { locale } = useLocale();
  const t = useT(errorMessages);
  const hintId = useId();
  const reason = verdict.ok ? null : verdict.message[locale];
  return (
    <span className="gated">
      <button
        type={type}
        className={className}
        disabled={!verdict.ok || busy}
        aria-describedby={reason ? hintId : undefined}
        title={reason ?? undefined}
        onClick={onClick}
      >
        {children}
      </button>
      {!verdict.ok ? (
        <span id={hintId} className="gated-hint">
          {reason}{' '}
          {verdict.upgrade_to ? (
            <Link to={billingPath(verdict.upgrade_to)}>
              {t('action_upgrade', { plan: PLAN_NAMES[verdict.upgrade_to] })}
            </Link>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
