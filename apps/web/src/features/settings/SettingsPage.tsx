import { can, canActTenantWide } from '@stockscan/entitlements';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { SuppliersSection } from '../purchasing/SuppliersSection';
import { AccountSection, BillingSlot } from './AccountSection';
import { BusinessSection } from './BusinessSection';
import { ServicesSection } from './ServicesSection';
import { settingsMessages } from './settings-messages';
import './settings.css';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** /app/settings — services and their modules, the establishment, the subscription slot, the account. */
export function SettingsPage() {
  const t = useT(settingsMessages);
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </section>
    );
  }
  if (me.isError) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </section>
    );
  }

  const { tenant, role } = me.data;
  const canManage = can(role, 'settings.manage');
  const tenantWide = canActTenantWide(role, me.data.service_id, 'settings.manage');
  const sections = [
    ...(tenant ? [['services', t('services_title')] as const] : []),
    ...(tenant ? [['business', t('business_title')] as const] : []),
    ...(tenant && canManage ? [['suppliers', t('suppliers_title')] as const] : []),
    ...(tenant ? [['billing', t('billing_title')] as const] : []),
    ['account', t('account_title')] as const,
  ];

  return (
    <div className="page settings">
      <h1>{t('title')}</h1>
      <nav className="settings-jump" aria-label={t('jump')}>
        {sections.map(([id, title]) => (
          <a key={id} href={`#${id}`}>
            {title}
          </a>
        ))}
      </nav>
      <div className="settings-grid">
        {tenant ? (
          <Section id="services" title={t('services_title')}>
            <ServicesSection
              canManage={canManage}
              canManageCatalogue={can(role, 'catalogue.manage')}
              canCreate={tenantWide}
            />
          </Section>
        ) : null}
        <div className="settings-side">
          {tenant ? (
            <Section id="business" title={t('business_title')}>
              <BusinessSection
                key={`${tenant.id}-${tenant.name}-${tenant.currency_code}`}
                tenant={tenant}
                canManage={tenantWide}
              />
            </Section>
          ) : null}
          {tenant && canManage ? (
            <Section id="suppliers" title={t('suppliers_title')}>
              <SuppliersSection />
            </Section>
          ) : null}
          {tenant ? (
            <Section id="billing" title={t('billing_title')}>
              <BillingSlot tenant={tenant} />
            </Section>
          ) : null}
          <Section id="account" title={t('account_title')}>
            <AccountSection me={me.data} />
          </Section>
        </div>
      </div>
    </div>
  );
}
