import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useSignedIn } from '../../shared/session/useSignedIn';
import { billingMessages } from './messages';
import './billing.css';

/** /billing/cancel — the person left Stripe Checkout without paying. */
export function BillingCancelPage() {
  const t = useT(billingMessages);
  const signedIn = useSignedIn();
  return (
    <section className="page narrow billing-return">
      <h1>{t('cancel_title')}</h1>
      <p className="alert alert-ok" role="status">
        {t('cancel_text')}
      </p>
      <p className="billing-return-actions">
        <Link className="button button-primary" to="/app/settings/billing">
          {t('cancel_back')}
        </Link>
        <Link className="button button-ghost" to={signedIn ? '/app' : '/login'}>
          {signedIn ? t('cancel_open') : t('to_login')}
        </Link>
      </p>
    </section>
  );
}
