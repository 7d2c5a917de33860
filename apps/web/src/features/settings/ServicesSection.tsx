import { countOf, PLAN_NAMES } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useEntitlements } from '../entitlements/useEntitlements';
import { AddServiceForm } from './AddServiceForm';
import { ServiceCard } from './ServiceCard';
import { settingsMessages } from './settings-messages';

/** The tenant's services with what the plan allows; managing them needs the owner or manager role. */
export function ServicesSection({
  canManage,
  canManageCatalogue,
  canCreate,
}: {
  canManage: boolean;
  canManageCatalogue: boolean;
  canCreate: boolean;
}) {
  const t = useT(settingsMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const services = useQuery(trpc.services.list.queryOptions());
  const { data: entitlements } = useEntitlements();

  if (services.isPending) return <p className="muted">{t('loading')}</p>;
  if (services.isError)
    return <ErrorMessage error={services.error} onRetry={() => void services.refetch()} />;

  const max = entitlements?.limits.max_services;
  const plan = entitlements ? PLAN_NAMES[entitlements.plan_effective] : '';
  const count = services.data.length;
  return (
    <>
      <p className="muted">{t('services_lead')}</p>
      {entitlements ? (
        <p className="usage">
          {max === null || max === undefined
            ? t('services_usage_unlimited', { count: countOf('max_services', count)[locale], plan })
            : t('services_usage', { count: countOf('max_services', count)[locale], max, plan })}
        </p>
      ) : null}
      {!canManage ? <p className="alert alert-warn">{t('services_readonly')}</p> : null}
      {count === 0 ? (
        <p className="empty">{t('services_empty')}</p>
      ) : (
        <ul className="service-cards">
          {services.data.map((service) => (
            <ServiceCard
              key={service.id}
              service={service}
              canManage={canManage}
              canManageCatalogue={canManageCatalogue}
              canDelete={count > 1}
            />
          ))}
        </ul>
      )}
      {canCreate ? <AddServiceForm defaultType={services.data[0]?.service_type ?? 'other'} /> : null}
    </>
  );
}
