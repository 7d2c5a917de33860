import { can } from '@stockscan/entitlements';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCurrentRole } from '../../shared/session/useCurrentRole';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { LockedCard } from './LockedCard';
import { OrderList } from './OrderList';
import { om } from './order-messages';
import { SuggestionPanel } from './SuggestionPanel';
import './purchasing.css';

/**
 * From count to order (Multi `purchase_orders`): managers get the suggested order per supplier, save it as a
 * draft and send it; anyone of the service opens a sent order to receive it as a delivery.
 */
export function OrdersPage() {
  const t = useT(om);
  const scope = useScope();
  const { can: canUse, isPending } = useEntitlements();
  const { role } = useCurrentRole();
  const verdict = canUse('purchase_orders');
  const manager = can(role, 'catalogue.manage');
  const [openId, setOpenId] = useState<string | null>(null);
  const service = scope.service;
  return (
    <section className="page purchasing-page">
      <h1>{t('title')}</h1>
      <p className="muted lead-small">{t('lead')}</p>
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} noMonth />
          <div className="purchasing-layout">
            {isPending ? null : !verdict.ok ? (
              <LockedCard verdict={verdict} title={t('locked_title')} body={t('locked_body')} />
            ) : manager ? (
              <SuggestionPanel key={service.id} serviceId={service.id} onSaved={setOpenId} />
            ) : null}
            <OrderList
              key={`list-${service.id}`}
              serviceId={service.id}
              openId={openId}
              onOpen={setOpenId}
              manager={manager}
              enabled={verdict.ok}
            />
          </div>
        </>
      )}
    </section>
  );
}
