import { PLAN_NAMES, type Verdict } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { billingPath } from '../../shared/links';
import { m } from './messages';

/** What a plan without `stock_control` sees instead of the page: why, and the plan that has it. */
export function LockedCard({
  verdict,
  title,
  body,
}: {
  verdict: Verdict;
  /** Another feature's words (ordering is Multi). */
  title?: string;
  body?: string;
}) {
  const t = useT(m);
  const { locale } = useLocale();
  if (verdict.ok) return null;
  return (
    <div className="card locked">
      <h2>{title ?? t('locked_title')}</h2>
      <p>{body ?? t('locked_body')}</p>
      <p className="muted">{verdict.message[locale]}</p>
      {verdict.upgrade_to ? (
        <Link className="button button-primary" to={billingPath(verdict.upgrade_to)}>
          {t('locked_action', { plan: PLAN_NAMES[verdict.upgrade_to] })}
        </Link>
      ) : null}
    </div>
  );
}
