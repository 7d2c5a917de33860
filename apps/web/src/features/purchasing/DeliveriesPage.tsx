import { useT } from '../../i18n/i18n';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ImportLink } from '../imports/ImportLink';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { DeliveryForm } from './DeliveryForm';
import { LockedCard } from './LockedCard';
import { m } from './messages';
import { ReceiptList } from './ReceiptList';
import './purchasing.css';

/** Enter a delivery on the phone and read the month's deliveries (entering needs Duo+ `stock_control`). */
export function DeliveriesPage() {
  const t = useT(m);
  const scope = useScope();
  const { can, isPending } = useEntitlements();
  const verdict = can('stock_control');
  const service = scope.service;
  return (
    <section className="page purchasing-page">
      <h1>{t('deliveries_title')}</h1>
      <p className="muted lead-small">{t('deliveries_lead')}</p>
      <ImportLink kind="receipt" />
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} />
          <div className="purchasing-layout">
            {isPending ? null : verdict.ok ? (
              <DeliveryForm
                key={service.id}
                service={service}
                onSaved={(month) => {
                  if (month !== scope.month) scope.setMonth(month);
                }}
              />
            ) : (
              <LockedCard verdict={verdict} />
            )}
            <ReceiptList serviceId={service.id} month={scope.month} canDelete={verdict.ok} />
          </div>
        </>
      )}
    </section>
  );
}
