import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { billingMessages } from './messages';

/**
 * Opens Stripe's customer portal (card, invoices, plan change, cancellation). When the portal is switched
 * off (`{url: null, disabled: true}`, or known beforehand), says how to reach us instead of a dead button.
 */
export function PortalButton({ enabled, primary = false }: { enabled: boolean; primary?: boolean }) {
  const t = useT(billingMessages);
  const trpc = useTRPC();
  const [disabled, setDisabled] = useState(!enabled);
  const [leaving, setLeaving] = useState(false);
  const portal = useMutation(
    trpc.billing.portal.mutationOptions({
      onSuccess: (result) => {
        if (result.url) {
          setLeaving(true);
          window.location.assign(result.url);
        } else {
          setDisabled(true);
        }
      },
    }),
  );
  if (disabled) return <p className="billing-portal-off">{t('portal_disabled')}</p>;
  return (
    <div className="billing-portal">
      <button
        type="button"
        className={primary ? 'button button-primary' : 'button button-ghost'}
        disabled={portal.isPending || leaving}
        onClick={() => portal.mutate()}
      >
        {portal.isPending || leaving ? t('portal_opening') : t('portal')}
      </button>
      <p className="billing-hint">{t('portal_hint')}</p>
      {portal.error ? (
        <ErrorMessage error={portal.error} onRetry={() => portal.mutate()} onDismiss={portal.reset} />
      ) : null}
    </div>
  );
}
