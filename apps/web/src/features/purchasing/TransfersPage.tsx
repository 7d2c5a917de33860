import { canActTenantWide } from '@stockscan/entitlements';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCurrentRole } from '../../shared/session/useCurrentRole';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import { useScope } from '../inventory/scope/useScope';
import { LockedCard } from './LockedCard';
import { TransferForm } from './TransferForm';
import { TransferList } from './TransferList';
import { tm } from './transfer-messages';
import './purchasing.css';

/** Move stock between two services (Duo+ `stock_control`) and read the month's transfers of the service. */
export function TransfersPage() {
  const t = useT(tm);
  const scope = useScope();
  const { can: canUse, isPending } = useEntitlements();
  const { role, serviceId } = useCurrentRole();
  const verdict = canUse('stock_control');
  const service = scope.service;
  return (
    <section className="page purchasing-page">
      <h1>{t('title')}</h1>
      <p className="muted lead-small">{t('lead')}</p>
      {!service ? (
        <ScopeGate scope={scope} />
      ) : (
        <>
          <ScopeBar scope={scope} />
          <div className="purchasing-layout">
            {isPending ? null : !verdict.ok ? (
              <LockedCard verdict={verdict} />
            ) : scope.services.length < 2 ? (
              <div className="card">
                <p>{serviceId ? t('one_service_scoped') : t('one_service')}</p>
                {canActTenantWide(role, serviceId, 'settings.manage') ? (
                  <Link className="button" to="/app/settings">
                    {t('one_service_action')}
                  </Link>
                ) : null}
              </div>
            ) : (
              <TransferForm
                key={service.id}
                services={scope.services}
                initialFrom={service.id}
                onSaved={(month) => {
                  if (month !== scope.month) scope.setMonth(month);
                }}
              />
            )}
            <TransferList serviceId={service.id} month={scope.month} />
          </div>
        </>
      )}
    </section>
  );
}
